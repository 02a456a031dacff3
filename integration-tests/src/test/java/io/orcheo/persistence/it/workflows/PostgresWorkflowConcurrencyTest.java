package io.orcheo.persistence.it.workflows;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link WorkflowConcurrencyContract} on two pools sharing one PostgreSQL database. */
class PostgresWorkflowConcurrencyTest extends WorkflowConcurrencyContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
