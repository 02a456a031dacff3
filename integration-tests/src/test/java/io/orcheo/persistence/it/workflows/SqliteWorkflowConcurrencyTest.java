package io.orcheo.persistence.it.workflows;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link WorkflowConcurrencyContract} on two pools sharing one SQLite file. */
class SqliteWorkflowConcurrencyTest extends WorkflowConcurrencyContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }
}
