package io.orcheo.persistence.it.chatkit;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link ChatSearchContract} on a SQLite file. */
class SqliteChatSearchTest extends ChatSearchContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }
}
