package io.orcheo.persistence.it.chatkit;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link ChatConcurrencyContract} on two pools sharing one PostgreSQL database. */
class PostgresChatConcurrencyTest extends ChatConcurrencyContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
