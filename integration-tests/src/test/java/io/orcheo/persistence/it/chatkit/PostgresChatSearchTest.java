package io.orcheo.persistence.it.chatkit;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link ChatSearchContract} on a PostgreSQL database. */
class PostgresChatSearchTest extends ChatSearchContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
