package io.orcheo.persistence.it.vault;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link VaultAlertsContract} on a SQLite file. */
class SqliteVaultAlertsTest extends VaultAlertsContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }
}
