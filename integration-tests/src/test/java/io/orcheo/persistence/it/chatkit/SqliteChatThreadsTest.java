package io.orcheo.persistence.it.chatkit;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link ChatThreadsContract} on a SQLite file. */
class SqliteChatThreadsTest extends ChatThreadsContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }
}
