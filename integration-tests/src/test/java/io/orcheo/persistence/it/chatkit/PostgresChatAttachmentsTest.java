package io.orcheo.persistence.it.chatkit;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link ChatAttachmentsContract} on a PostgreSQL database. */
class PostgresChatAttachmentsTest extends ChatAttachmentsContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
