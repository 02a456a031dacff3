package io.orcheo.persistence.it.support;

import io.orcheo.persistence.core.config.PersistenceSettings;
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
      // The SQLite directory still places ChatKit's uploaded files, which live on disk whatever the backend.
      return PersistenceSettings.defaults().withSqliteDirectory(directory).withPostgres(PostgresServer.get().newDatabase());
    }
  };

  /** Settings for a fresh, isolated database of this backend; SQLite files go into {@code directory}. */
  public abstract PersistenceSettings settings(Path directory);
}
