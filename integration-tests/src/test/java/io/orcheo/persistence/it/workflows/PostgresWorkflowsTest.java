package io.orcheo.persistence.it.workflows;

import io.orcheo.persistence.it.support.TestBackend;

class PostgresWorkflowsTest extends WorkflowsContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
