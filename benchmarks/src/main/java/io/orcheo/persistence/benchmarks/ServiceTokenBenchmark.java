package io.orcheo.persistence.benchmarks;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.ServiceTokenRepository;
import io.orcheo.persistence.core.tokens.TokenSecrets;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Database;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The service-token repository through jOOQ against hand-written JDBC doing the same work on the same HikariCP pool
 * ({@code persistence.databases().get(0).dataSource()}), on SQLite (a file in a temporary directory, WAL) and on an
 * embedded PostgreSQL started for the trial.
 *
 * <p>Method names are {@code <operation>_<side>}; {@link BenchmarkReport} pairs them by that convention.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {
    "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class ServiceTokenBenchmark {
  /** Rows in the table before measuring; lookups hit a random one of them. */
  static final int PREPOPULATED = 10_000;

  @Param({"sqlite", "postgres"})
  public String backend;

  private Path directory;
  private EmbeddedPostgres embedded;
  private OrcheoPersistence persistence;
  private ServiceTokenRepository repository;
  private JdbcServiceTokens jdbc;
  private String[] hashes;
  private final AtomicLong counter = new AtomicLong();
  private final Set<String> scopes = Set.of("workflows:read", "workflows:write", "runs:read");
  private final Set<String> workspaces = Set.of("ws-alpha", "ws-beta");

  @Setup(Level.Trial)
  public void open() throws IOException {
    directory = Files.createTempDirectory("orcheo-bench-");
    PersistenceSettings settings = PersistenceSettings.defaults().withSqliteDirectory(directory);
    switch (backend) {
      case "sqlite" -> { }
      case "postgres" -> {
        embedded = EmbeddedPostgres.builder().start();
        settings = settings.withPostgres(PostgresDsn.parse(embedded.getJdbcUrl("postgres", "postgres")));
      }
      default -> throw new IllegalArgumentException("backend must be sqlite or postgres, got " + backend);
    }
    persistence = OrcheoPersistence.open(settings);
    repository = persistence.serviceTokens();
    List<Database> databases = persistence.databases();
    Database database = databases.get(0);
    jdbc = new JdbcServiceTokens(database.dataSource(), "postgres".equals(backend), Clock.systemUTC());

    hashes = new String[PREPOPULATED];
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
    // Both sides must read identical rows; check once that they do.
    for (int i = 0; i < 10; i++) {
      Optional<ServiceToken> viaJooq = repository.findByHash(hashes[i]);
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

  @TearDown(Level.Trial)
  public void close() throws IOException {
    if (persistence != null) {
      persistence.close();
    }
    if (embedded != null) {
      embedded.close();
    }
    if (directory != null) {
      deleteRecursively(directory);
    }
  }

  private ServiceToken token(String identifier, String hash) {
    Instant now = Instant.now();
    return ServiceToken.issued(identifier, hash, scopes, workspaces, now, now.plus(Duration.ofDays(30)));
  }

  private String randomHash() {
    return hashes[ThreadLocalRandom.current().nextInt(hashes.length)];
  }

  /** A new identifier; the hash is reused from the seed set (secret_hash is not unique, as upstream). */
  private ServiceToken newToken(String side) {
    long n = counter.incrementAndGet();
    return token(side + "-" + n, hashes[(int) (n % hashes.length)]);
  }

  // ------------------------------------------------------------------------------------------ lookup by hash

  @Benchmark
  public Optional<ServiceToken> findByHash_jooq() {
    return repository.findByHash(randomHash());
  }

  @Benchmark
  public Optional<ServiceToken> findByHash_jdbc() throws SQLException {
    return jdbc.findByHash(randomHash());
  }

  // ------------------------------------------------------------------------------------------------ creation

  @Benchmark
  public ServiceToken create_jooq() {
    return repository.create(newToken("jooq"));
  }

  @Benchmark
  public ServiceToken create_jdbc() throws SQLException {
    return jdbc.create(newToken("jdbc"));
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
