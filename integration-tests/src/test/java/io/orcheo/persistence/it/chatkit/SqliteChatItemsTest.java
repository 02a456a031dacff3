package io.orcheo.persistence.it.chatkit;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link ChatItemsContract} on a SQLite file. */
class SqliteChatItemsTest extends ChatItemsContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }
}
