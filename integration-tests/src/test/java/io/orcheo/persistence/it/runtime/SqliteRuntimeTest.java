package io.orcheo.persistence.it.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.config.Backend;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.health.DatabaseHealth;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.TokenSecrets;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Database;
import io.orcheo.persistence.jooq.runtime.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite runtime (design §3): pragmas on every pooled connection, file creation, health, opt-out, writers. */
class SqliteRuntimeTest {
  private static final Instant NOW = Instant.parse("2025-01-02T03:04:05.123456Z");

  @TempDir Path tempDir;

  /** Settings whose every SQLite file lies under {@code tempDir}; the token file is {@code tokenFile}. */
  private PersistenceSettings settings(Path tokenFile, Map<String, String> extra) {
    Map<String, String> environment = new HashMap<>();
    environment.put(PersistenceSettings.REPOSITORY_SQLITE_PATH_KEY, tempDir.resolve("workflows.sqlite").toString());
    environment.put(PersistenceSettings.CHATKIT_SQLITE_PATH_KEY, tempDir.resolve("chatkit.sqlite").toString());
    environment.put(PersistenceSettings.VAULT_LOCAL_PATH_KEY, tempDir.resolve("vault.sqlite").toString());
    environment.put(PersistenceSettings.SERVICE_TOKEN_DB_PATH_KEY, tokenFile.toString());
    environment.putAll(extra);
    return PersistenceSettings.fromMap(environment);
  }

  private static Database tokenDatabase(OrcheoPersistence persistence) {
    return persistence.databases().stream()
        .filter(database -> database.stores().contains(Store.SERVICE_TOKENS))
        .findFirst().orElseThrow();
  }

  private static DatabaseHealth tokenHealth(OrcheoPersistence persistence, boolean withRowCounts) {
    return persistence.health(withRowCounts).stream()
        .filter(health -> health.stores().contains(Store.SERVICE_TOKENS.id()))
        .findFirst().orElseThrow();
  }

  private static String pragma(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }

  private static List<String> tableNames(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  @Test
  void everyPooledConnectionRunsWithWalForeignKeysNormalSyncAndTheConfiguredBusyTimeout() throws SQLException {
    Path file = tempDir.resolve("service_tokens.sqlite");
    try (OrcheoPersistence persistence =
        OrcheoPersistence.open(settings(file, Map.of(PersistenceSettings.SQLITE_BUSY_TIMEOUT_KEY, "2.5")))) {
      var dataSource = tokenDatabase(persistence).dataSource();
      List<Connection> connections = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          connections.add(dataSource.getConnection());
        }
        assertThat(connections).hasSize(4).doesNotHaveDuplicates();
        for (Connection connection : connections) {
          assertThat(pragma(connection, "journal_mode")).isEqualToIgnoringCase("wal");
          assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
          assertThat(pragma(connection, "synchronous")).isEqualTo("1");
          assertThat(pragma(connection, "busy_timeout")).isEqualTo("2500");
        }
      } finally {
        for (Connection connection : connections) {
          connection.close();
        }
      }
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aSchemaUpdateLockLeftByAProcessThatDiedIsReleasedOnTheNextOpen() throws SQLException {
    Path file = tempDir.resolve("service_tokens.sqlite");
    OrcheoPersistence.open(settings(file, Map.of())).close();
    try (Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE DATABASECHANGELOGLOCK SET LOCKED = 1, LOCKEDBY = 'crashed-host'");
    }

    try (OrcheoPersistence persistence = OrcheoPersistence.open(settings(file, Map.of()));
        Connection connection = tokenDatabase(persistence).dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet lock = statement.executeQuery("SELECT LOCKED FROM DATABASECHANGELOGLOCK")) {
      assertThat(lock.next()).isTrue();
      assertThat(lock.getInt(1)).isZero();
    }
  }

  @Test
  void theSetupLockFileLiesBesideTheDatabase() {
    Path file = tempDir.resolve("service_tokens.sqlite");
    OrcheoPersistence.open(settings(file, Map.of())).close();

    assertThat(tempDir.resolve("service_tokens.sqlite.lock")).exists().isEmptyFile();
  }

  @Test
  void openingCreatesTheFileAndItsMissingParentDirectories() {
    Path file = tempDir.resolve("a").resolve("b").resolve("c").resolve("tokens.sqlite");
    assertThat(file.getParent().getParent().getParent()).doesNotExist();

    try (OrcheoPersistence persistence = OrcheoPersistence.open(settings(file, Map.of()))) {
      assertThat(file).isRegularFile();
      assertThat(tokenDatabase(persistence).target()).isEqualTo(file.toAbsolutePath().normalize().toString());
    }
  }

  @Test
  void healthReportsSqliteUpWithRoundTripLastChangeSetAndRowCounts() throws SQLException {
    Path file = tempDir.resolve("service_tokens.sqlite");
    try (OrcheoPersistence persistence = OrcheoPersistence.open(settings(file, Map.of()))) {
      var tokens = persistence.serviceTokens();
      tokens.create(ServiceToken.issued("a", TokenSecrets.hash("a"), Set.of(), Set.of(), NOW, null));
      tokens.create(ServiceToken.issued("b", TokenSecrets.hash("b"), Set.of(), Set.of(), NOW, null));
      tokens.recordUsage("a", null, null);
      tokens.recordUsage("a", null, null);
      tokens.recordUsage("b", null, null);
      String lastId;
      try (Connection connection = tokenDatabase(persistence).dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(
              "SELECT id FROM databasechangelog ORDER BY orderexecuted DESC LIMIT 1")) {
        assertThat(rows.next()).isTrue();
        lastId = rows.getString(1);
      }

      DatabaseHealth health = tokenHealth(persistence, true);

      assertThat(health.backend()).isEqualTo(Backend.SQLITE);
      assertThat(health.up()).isTrue();
      assertThat(health.error()).isEmpty();
      assertThat(health.roundTrip()).hasValueSatisfying(d -> assertThat(d).isPositive());
      assertThat(health.lastChangeSet()).contains(lastId);
      assertThat(lastId).startsWith("service-tokens-");
      assertThat(health.rowCounts()).containsEntry("service_tokens", 2L).containsEntry("service_token_audit_log", 3L);
      assertThat(health.pool().maximum()).isEqualTo(4);
    }
  }

  @Test
  void withAutoUpdateOffAFreshFileOpensWithoutTablesAndHealthIsUpWithNoChangeSet() throws SQLException {
    Path file = tempDir.resolve("fresh").resolve("service_tokens.sqlite");
    try (OrcheoPersistence persistence = OrcheoPersistence.open(
        settings(file, Map.of(PersistenceSettings.SCHEMA_AUTO_UPDATE_KEY, "false")))) {
      try (Connection connection = tokenDatabase(persistence).dataSource().getConnection()) {
        assertThat(tableNames(connection)).isEmpty();
      }

      DatabaseHealth health = tokenHealth(persistence, false);

      assertThat(health.up()).isTrue();
      assertThat(health.lastChangeSet()).isEmpty();
    }
  }

  @Test
  void withAutoUpdateOffMigrateCreatesTheTables() throws SQLException {
    Path file = tempDir.resolve("fresh").resolve("service_tokens.sqlite");
    try (OrcheoPersistence persistence = OrcheoPersistence.open(
        settings(file, Map.of(PersistenceSettings.SCHEMA_AUTO_UPDATE_KEY, "false")))) {

      persistence.migrate();

      try (Connection connection = tokenDatabase(persistence).dataSource().getConnection()) {
        assertThat(tableNames(connection)).contains("service_tokens", "service_token_audit_log", "DATABASECHANGELOG");
      }
      assertThat(tokenHealth(persistence, false).lastChangeSet()).isPresent();
      persistence.serviceTokens().create(ServiceToken.issued("x", TokenSecrets.hash("x"), Set.of(), Set.of(), NOW, null));
      assertThat(persistence.serviceTokens().findById("x")).isPresent();
    }
  }

  @Test
  void concurrentWritersInTwoInstancesOnOneFileNeverSeeBusyAndEveryUseCounts() throws Exception {
    int threads = 16;
    int usesPerThread = 50;
    Path file = tempDir.resolve("service_tokens.sqlite");
    try (OrcheoPersistence first = OrcheoPersistence.open(settings(file, Map.of()));
        OrcheoPersistence second = OrcheoPersistence.open(settings(file, Map.of()))) {
      first.serviceTokens().create(ServiceToken.issued("hot", TokenSecrets.hash("hot"), Set.of(), Set.of(), NOW, null));
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          var tokens = (t % 2 == 0 ? first : second).serviceTokens();
          String agent = "writer-" + t;
          futures.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < usesPerThread; i++) {
              try {
                tokens.recordUsage("hot", null, agent);
              } catch (RuntimeException e) {
                failures.add(e);
              }
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> future : futures) {
          future.get(120, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(failures).isEmpty();
      assertThat(second.serviceTokens().findById("hot").orElseThrow().useCount()).isEqualTo(threads * usesPerThread);
      assertThat(first.serviceTokens().auditLog("hot", 10_000)).hasSize(threads * usesPerThread);
    }
  }
}
