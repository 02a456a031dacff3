package io.orcheo.persistence.benchmarks;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * One benchmark trial's database, empty but migrated: {@link OrcheoPersistence} on SQLite files in a temporary
 * directory, or on an embedded PostgreSQL started here. Closing stops and deletes everything. The fixtures of the
 * benchmarks ({@link Fixture}, {@link WorkflowFixture}) seed it.
 */
final class TrialDatabase implements AutoCloseable {
  final boolean postgres;
  final OrcheoPersistence persistence;
  private final Path directory;
  private final EmbeddedPostgres embedded;

  /** Opens {@code backend}, {@code sqlite} or {@code postgres}; the benchmarks' {@code @Param} values. */
  TrialDatabase(String backend) throws IOException {
    this(backend, java.util.Map.of());
  }

  /**
   * Opens {@code backend}; on PostgreSQL the embedded server starts with {@code serverConfig} added to its settings
   * (for example {@code plan_cache_mode}), for diagnostic runs.
   */
  TrialDatabase(String backend, java.util.Map<String, String> serverConfig) throws IOException {
    postgres = switch (backend) {
      case "sqlite" -> false;
      case "postgres" -> true;
      default -> throw new IllegalArgumentException("backend must be sqlite or postgres, got " + backend);
    };
    directory = Files.createTempDirectory("orcheo-bench-");
    PersistenceSettings settings = PersistenceSettings.defaults().withSqliteDirectory(directory);
    if (postgres) {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      serverConfig.forEach(builder::setServerConfig);
      embedded = builder.start();
      settings = settings.withPostgres(PostgresDsn.parse(embedded.getJdbcUrl("postgres", "postgres")));
    } else {
      embedded = null;
    }
    persistence = OrcheoPersistence.open(settings);
  }

  @Override
  public void close() throws IOException {
    try {
      persistence.close();
    } finally {
      try {
        if (embedded != null) {
          embedded.close();
        }
      } finally {
        deleteRecursively(directory);
      }
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
