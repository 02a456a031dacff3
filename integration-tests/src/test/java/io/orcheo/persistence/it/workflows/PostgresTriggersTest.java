package io.orcheo.persistence.it.workflows;

import io.orcheo.persistence.it.support.TestBackend;

class PostgresTriggersTest extends TriggersContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
