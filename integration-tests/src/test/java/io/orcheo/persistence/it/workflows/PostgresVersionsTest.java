package io.orcheo.persistence.it.workflows;

import io.orcheo.persistence.it.support.TestBackend;

class PostgresVersionsTest extends VersionsContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
