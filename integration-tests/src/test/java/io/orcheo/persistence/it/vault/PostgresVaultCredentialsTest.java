package io.orcheo.persistence.it.vault;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link VaultCredentialsContract} on a PostgreSQL database. */
class PostgresVaultCredentialsTest extends VaultCredentialsContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
