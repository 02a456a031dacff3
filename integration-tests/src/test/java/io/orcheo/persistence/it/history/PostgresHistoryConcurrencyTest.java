package io.orcheo.persistence.it.history;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link HistoryConcurrencyContract} on two pools sharing one PostgreSQL database. */
class PostgresHistoryConcurrencyTest extends HistoryConcurrencyContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
