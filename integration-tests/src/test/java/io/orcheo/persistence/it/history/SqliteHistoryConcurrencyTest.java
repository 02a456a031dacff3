package io.orcheo.persistence.it.history;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link HistoryConcurrencyContract} on two pools sharing one SQLite file. */
class SqliteHistoryConcurrencyTest extends HistoryConcurrencyContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }
}
