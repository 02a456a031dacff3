package io.orcheo.persistence.it.tokens;

import io.orcheo.persistence.it.support.TestBackend;

class PostgresServiceTokenServiceTest extends ServiceTokenServiceContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
