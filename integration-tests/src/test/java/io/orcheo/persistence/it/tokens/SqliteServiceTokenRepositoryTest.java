package io.orcheo.persistence.it.tokens;

import io.orcheo.persistence.it.support.TestBackend;

class SqliteServiceTokenRepositoryTest extends ServiceTokenRepositoryContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }
}
