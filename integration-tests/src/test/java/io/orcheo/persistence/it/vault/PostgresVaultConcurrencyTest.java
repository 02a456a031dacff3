package io.orcheo.persistence.it.vault;

import io.orcheo.persistence.it.support.TestBackend;

/** {@link VaultConcurrencyContract} on a PostgreSQL database. */
class PostgresVaultConcurrencyTest extends VaultConcurrencyContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }
}
