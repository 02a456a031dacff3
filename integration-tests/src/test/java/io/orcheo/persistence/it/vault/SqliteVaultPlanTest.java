package io.orcheo.persistence.it.vault;

import io.orcheo.persistence.it.support.TestBackend;

class SqliteVaultPlanTest extends VaultPlanContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }
}
