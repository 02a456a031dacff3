package io.orcheo.persistence.it.support;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.Secret;
import java.nio.file.Path;

/** The backends every contract runs on. */
public enum TestBackend {
  SQLITE {
    @Override
    public PersistenceSettings settings(Path directory) {
      return PersistenceSettings.defaults().withSqliteDirectory(directory);
    }
  },
  POSTGRES {
    @Override
    public PersistenceSettings settings(Path directory) {
      // The SQLite directory still places ChatKit's uploaded files, which live on disk whatever the backend. A vault
      // in PostgreSQL needs a key (ORCHEO_VAULT_ENCRYPTION_KEY): there is no key file to fall back on.
      return PersistenceSettings.defaults().withSqliteDirectory(directory)
          .withPostgres(PostgresServer.get().newDatabase()).withVaultEncryptionKey(VAULT_KEY);
    }
  };

  /**
   * The vault key of PostgreSQL test databases. SQLite tests leave the key unset, so their vault makes its own
   * {@code vault.key} next to {@code vault.sqlite}, as upstream's file vault does.
   */
  public static final Secret VAULT_KEY = Secret.of("orcheo-test-vault-key");

  /** Settings for a fresh, isolated database of this backend; SQLite files go into {@code directory}. */
  public abstract PersistenceSettings settings(Path directory);
}
