package io.orcheo.persistence.it.vault;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link VaultTemplatesContract} on a PostgreSQL database. */
class PostgresVaultTemplatesTest extends VaultTemplatesContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
