package io.orcheo.persistence.it.chatkit;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link ChatItemsContract} on a PostgreSQL database. */
class PostgresChatItemsTest extends ChatItemsContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
