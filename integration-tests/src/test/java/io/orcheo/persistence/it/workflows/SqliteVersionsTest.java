package io.orcheo.persistence.it.workflows;

import io.orcheo.persistence.it.support.TestBackend;

class SqliteVersionsTest extends VersionsContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }
}
