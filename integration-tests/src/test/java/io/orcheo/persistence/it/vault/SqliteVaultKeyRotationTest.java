package io.orcheo.persistence.it.vault;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link VaultKeyRotationContract} on a SQLite file. */
class SqliteVaultKeyRotationTest extends VaultKeyRotationContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }
}
