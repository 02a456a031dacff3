package io.orcheo.persistence.benchmarks;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.TokenSecrets;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * One benchmark trial's database: {@link OrcheoPersistence} on a SQLite file in a temporary directory, or on an
 * embedded PostgreSQL started here, seeded with {@value #PREPOPULATED} tokens. Closing stops and deletes everything.
 */
final class Fixture implements AutoCloseable {
  /** Rows in the table before measuring; lookups hit a random one of them. */
  static final int PREPOPULATED = 10_000;

  private static final Set<String> SCOPES = Set.of("workflows:read", "workflows:write", "runs:read");
  private static final Set<String> WORKSPACES = Set.of("ws-alpha", "ws-beta");

  final boolean postgres;
  final Path directory;
  final EmbeddedPostgres embedded;
  final OrcheoPersistence persistence;
  /** The pool the repositories use: {@code persistence.database(Store.SERVICE_TOKENS).dataSource()}. */
  final DataSource dataSource;
  final JdbcServiceTokens jdbc;
  final String[] hashes = new String[PREPOPULATED];
  private final AtomicLong counter = new AtomicLong();

  Fixture(String backend) throws IOException {
    postgres = switch (backend) {
      case "sqlite" -> false;
      case "postgres" -> true;
      default -> throw new IllegalArgumentException("backend must be sqlite or postgres, got " + backend);
    };
    directory = Files.createTempDirectory("orcheo-bench-");
    PersistenceSettings settings = PersistenceSettings.defaults().withSqliteDirectory(directory);
    if (postgres) {
      embedded = EmbeddedPostgres.builder().start();
      settings = settings.withPostgres(PostgresDsn.parse(embedded.getJdbcUrl("postgres", "postgres")));
    } else {
      embedded = null;
    }
    persistence = OrcheoPersistence.open(settings);
    dataSource = persistence.database(Store.SERVICE_TOKENS).dataSource();
    jdbc = new JdbcServiceTokens(dataSource, postgres, Clock.systemUTC());

    List<ServiceToken> seed = new ArrayList<>(PREPOPULATED);
    for (int i = 0; i < PREPOPULATED; i++) {
      hashes[i] = TokenSecrets.hash(TokenSecrets.generate());
      seed.add(token("seed-" + i, hashes[i]));
    }
    // Seeded with one JDBC batch, not through either benchmarked path: 10 000 calls of one side in the setup would
    // JIT-compile that side before its competitor and bias the comparison.
    try {
      jdbc.insertBatch(seed);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot seed " + PREPOPULATED + " tokens", e);
    }
    // Both sides must read identical rows; check a few once.
    for (int i = 0; i < 10; i++) {
      Optional<ServiceToken> viaJooq = persistence.serviceTokens().findByHash(hashes[i]);
      Optional<ServiceToken> viaJdbc;
      try {
        viaJdbc = jdbc.findByHash(hashes[i]);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      if (viaJooq.isEmpty() || !viaJooq.equals(viaJdbc)) {
        throw new IllegalStateException("jOOQ and JDBC disagree on " + hashes[i] + ": " + viaJooq + " vs " + viaJdbc);
      }
    }
  }

  static ServiceToken token(String identifier, String hash) {
    Instant now = Instant.now();
    return ServiceToken.issued(identifier, hash, SCOPES, WORKSPACES, now, now.plus(Duration.ofDays(30)));
  }

  /** A random existing hash. */
  String randomHash() {
    return hashes[ThreadLocalRandom.current().nextInt(hashes.length)];
  }

  /** A token with a new identifier; its hash is reused from the seed (secret_hash is not unique, as upstream). */
  ServiceToken newToken(String prefix) {
    long n = counter.incrementAndGet();
    return token(prefix + "-" + n, hashes[(int) (n % hashes.length)]);
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

  private static void deleteRecursively(Path root) throws IOException {
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
