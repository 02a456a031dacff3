package io.orcheo.persistence.it.chatkit;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link ChatAttachmentsContract} on a SQLite file. */
class SqliteChatAttachmentsTest extends ChatAttachmentsContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }
}
