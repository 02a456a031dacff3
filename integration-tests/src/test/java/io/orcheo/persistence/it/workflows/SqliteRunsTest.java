package io.orcheo.persistence.it.workflows;

import io.orcheo.persistence.it.support.TestBackend;

class SqliteRunsTest extends RunsContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }
}
