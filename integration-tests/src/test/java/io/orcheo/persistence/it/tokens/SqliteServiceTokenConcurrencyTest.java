package io.orcheo.persistence.it.tokens;

import io.orcheo.persistence.it.support.TestBackend;

class SqliteServiceTokenConcurrencyTest extends ServiceTokenConcurrencyContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }
}
