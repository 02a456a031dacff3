package io.orcheo.persistence.it.workflows;

import io.orcheo.persistence.it.support.TestBackend;

class SqliteWorkflowsTest extends WorkflowsContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }
}
