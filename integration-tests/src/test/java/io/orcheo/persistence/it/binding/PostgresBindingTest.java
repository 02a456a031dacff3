package io.orcheo.persistence.it.binding;

import io.orcheo.persistence.it.support.TestBackend;

class PostgresBindingTest extends BindingContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
