package io.orcheo.persistence.it.checkpoints;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link CheckpointContract} on PostgreSQL. */
class PostgresCheckpointTest extends CheckpointContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
