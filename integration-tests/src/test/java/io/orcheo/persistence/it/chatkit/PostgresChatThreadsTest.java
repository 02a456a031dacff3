package io.orcheo.persistence.it.chatkit;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link ChatThreadsContract} on a PostgreSQL database. */
class PostgresChatThreadsTest extends ChatThreadsContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
