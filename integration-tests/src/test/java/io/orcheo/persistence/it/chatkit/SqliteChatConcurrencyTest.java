package io.orcheo.persistence.it.chatkit;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link ChatConcurrencyContract} on two pools sharing one SQLite file. */
class SqliteChatConcurrencyTest extends ChatConcurrencyContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }
}
