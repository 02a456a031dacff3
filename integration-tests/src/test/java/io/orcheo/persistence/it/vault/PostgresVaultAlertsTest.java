package io.orcheo.persistence.it.vault;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link VaultAlertsContract} on a PostgreSQL database. */
class PostgresVaultAlertsTest extends VaultAlertsContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
