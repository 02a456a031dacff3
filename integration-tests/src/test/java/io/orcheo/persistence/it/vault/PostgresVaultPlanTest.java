package io.orcheo.persistence.it.vault;

import io.orcheo.persistence.it.support.TestBackend;

class PostgresVaultPlanTest extends VaultPlanContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
