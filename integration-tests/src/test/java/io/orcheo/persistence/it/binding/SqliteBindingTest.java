package io.orcheo.persistence.it.binding;

import io.orcheo.persistence.it.support.TestBackend;

class SqliteBindingTest extends BindingContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }
}
