package io.orcheo.persistence.it.history;

import io.orcheo.persistence.it.support.TestBackend;

class PostgresRunHistoryTest extends RunHistoryContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
