package io.orcheo.persistence.it.vault;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link VaultTemplatesContract} on a SQLite file. */
class SqliteVaultTemplatesTest extends VaultTemplatesContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }
}
