package io.orcheo.persistence.it.vault;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link VaultKeyRotationContract} on a PostgreSQL database. */
class PostgresVaultKeyRotationTest extends VaultKeyRotationContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
