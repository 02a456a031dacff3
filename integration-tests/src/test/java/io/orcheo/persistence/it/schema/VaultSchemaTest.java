package io.orcheo.persistence.it.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.it.support.PostgresServer;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.it.support.UpstreamFixtures;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.schema.SchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vault's schema stays one upstream Orcheo can run on: upstream executes its schema statements (spec §D.1,
 * {@code CREATE TABLE/INDEX IF NOT EXISTS}) at every start, and must find them satisfied by what our changelog
 * created, on SQLite and PostgreSQL; its writes must go into our tables. The statements are the ones
 * {@code src/test/resources/upstream/vault/generate.py} writes at the head of its scripts. The unique index on
 * folded names, which upstream lacks, must refuse only names equal under ASCII-only folding.
 */
class VaultSchemaTest {
  private static final String SQLITE_SCRIPT = "/upstream/vault/sqlite.sql";
  private static final String POSTGRES_SCRIPT = "/upstream/vault/postgres.sql";
  private static final String SQLITE_DEFINITIONS = "SELECT type, name, tbl_name, sql FROM sqlite_master"
      + " WHERE tbl_name IN ('credentials', 'credential_templates', 'governance_alerts') ORDER BY name";
  private static final String POSTGRES_INDEXES = "SELECT indexname, indexdef FROM pg_indexes"
      + " WHERE schemaname = current_schema()"
      + " AND tablename IN ('credentials', 'credential_templates', 'governance_alerts') ORDER BY indexname";
  private static final String POSTGRES_COLUMNS = "SELECT table_name, column_name, data_type, is_nullable,"
      + " column_default FROM information_schema.columns WHERE table_schema = current_schema()"
      + " AND table_name IN ('credentials', 'credential_templates', 'governance_alerts')"
      + " ORDER BY table_name, ordinal_position";
  private static final List<String> ROWS = List.of(
      "SELECT * FROM credentials ORDER BY id",
      "SELECT * FROM credential_templates ORDER BY id",
      "SELECT * FROM governance_alerts ORDER BY id");

  @TempDir Path directory;

  private Path ourSqliteVault() {
    PersistenceSettings settings = PersistenceSettings.defaults().withSqliteDirectory(directory);
    try (OrcheoPersistence persistence = OrcheoPersistence.open(settings)) {
      // Opening applies the vault's changelog to vault.sqlite.
    }
    return directory.resolve("vault.sqlite");
  }

  private static PostgresDsn ourPostgresDatabase(Path directory) {
    PostgresDsn dsn = PostgresServer.get().newEmptyDatabase();
    try (OrcheoPersistence persistence =
        OrcheoPersistence.open(PersistenceSettings.defaults().withSqliteDirectory(directory).withPostgres(dsn))) {
      // Opening applies the whole changelog.
    }
    return dsn;
  }

  private static Connection sqlite(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  private static Connection postgres(PostgresDsn dsn) throws SQLException {
    return DriverManager.getConnection(dsn.jdbcUrl(), dsn.connectionProperties());
  }

  private static List<List<List<String>>> snapshot(Connection connection, List<String> selects) throws SQLException {
    List<List<List<String>>> result = new ArrayList<>();
    for (String sql : selects) {
      result.add(Rows.query(connection, sql));
    }
    return result;
  }

  private static void insertCredential(Connection connection, String id, String name, boolean postgres)
      throws SQLException {
    String payload = "{\"id\":\"" + id + "\"}";
    try (PreparedStatement statement = connection.prepareStatement("INSERT INTO credentials (id, workflow_id, name,"
        + " provider, created_at, updated_at, payload) VALUES (?, 'GLOBAL', ?, 'p', ?, ?, " + (postgres
        ? "CAST(? AS jsonb))" : "?)"))) {
      statement.setString(1, id);
      statement.setString(2, name);
      if (postgres) {
        statement.setObject(3, java.time.OffsetDateTime.parse("2025-01-02T03:04:05.123456Z"));
        statement.setObject(4, java.time.OffsetDateTime.parse("2025-01-02T03:04:05.123456Z"));
      } else {
        statement.setString(3, "2025-01-02T03:04:05.123456+00:00");
        statement.setString(4, "2025-01-02T03:04:05.123456+00:00");
      }
      statement.setString(5, payload);
      statement.executeUpdate();
    }
  }

  // ------------------------------------------------------------------------------------------------ SQLite

  @Test
  void upstreamsSqliteSchemaStatementsAndWritesRunOnAVaultWeCreated() throws Exception {
    Path file = ourSqliteVault();
    List<List<String>> before;
    try (Connection connection = sqlite(file)) {
      before = Rows.query(connection, SQLITE_DEFINITIONS);
      // Upstream's start: every CREATE … IF NOT EXISTS; then its writes (the dataset's INSERTs).
      UpstreamFixtures.execute(connection, UpstreamFixtures.schemaStatements(SQLITE_SCRIPT));
      UpstreamFixtures.execute(connection, UpstreamFixtures.scriptStatements(SQLITE_SCRIPT));
      assertThat(Rows.query(connection, SQLITE_DEFINITIONS)).isEqualTo(before);
      assertThat(Rows.query(connection, "SELECT (SELECT count(*) FROM credentials),"
          + " (SELECT count(*) FROM credential_templates), (SELECT count(*) FROM governance_alerts)"))
          .containsExactly(List.of("5", "2", "3"));
    }
    assertThat(before).extracting(row -> row.get(1)).contains("credentials", "credential_templates",
        "governance_alerts", "idx_credentials_workflow", "idx_templates_scope", "idx_alerts_scope");

    // And we open it again as it is: nothing left to apply, the rows as upstream wrote them.
    List<List<List<String>>> rows;
    try (Connection connection = sqlite(file)) {
      rows = snapshot(connection, ROWS);
    }
    ourSqliteVault();
    try (Connection connection = sqlite(file)) {
      assertThat(snapshot(connection, ROWS)).isEqualTo(rows);
      assertThat(Rows.query(connection, SQLITE_DEFINITIONS)).isEqualTo(before);
    }
  }

  /**
   * The vault changelog applied one changeset at a time to a new file and to upstream's, with upstream starting in
   * between (its schema statements run after every changeset, as they would if upstream ran on the file while an
   * update was under way): upstream's rows stay as they were, and at the end upstream's statements change nothing.
   */
  @ParameterizedTest
  @ValueSource(strings = {"", SQLITE_SCRIPT})
  void upstreamsSchemaStatementsRunAfterEveryChangesetOnSqlite(String upstreamScript, @TempDir Path tempDir)
      throws Exception {
    Path file = tempDir.resolve("stepwise-vault.sqlite");
    List<List<List<String>>> rows = List.of();
    if (!upstreamScript.isEmpty()) {
      UpstreamFixtures.runSqliteScript(file, upstreamScript);
      try (Connection connection = sqlite(file)) {
        rows = snapshot(connection, ROWS);
      }
    }
    int applied = 0;
    while (StepwiseMigration.applyNext(file, SchemaMigrator.VAULT)) {
      applied++;
      try (Connection connection = sqlite(file)) {
        if (!rows.isEmpty()) {
          assertThat(snapshot(connection, ROWS)).as("rows after %d changesets", applied).isEqualTo(rows);
        }
        UpstreamFixtures.execute(connection, UpstreamFixtures.schemaStatements(SQLITE_SCRIPT));
      }
    }
    assertThat(applied).as("changesets applied one by one").isGreaterThanOrEqualTo(7);
    try (Connection connection = sqlite(file)) {
      assertThat(Rows.query(connection, "SELECT name FROM sqlite_master WHERE name = 'uq_credentials_name_folded'"))
          .as("the whole changelog was applied").hasSize(1);
      List<List<String>> definitions = Rows.query(connection, SQLITE_DEFINITIONS);
      UpstreamFixtures.execute(connection, UpstreamFixtures.schemaStatements(SQLITE_SCRIPT));
      assertThat(Rows.query(connection, SQLITE_DEFINITIONS)).isEqualTo(definitions);
      if (!rows.isEmpty()) {
        assertThat(snapshot(connection, ROWS)).isEqualTo(rows);
      }
    }
  }

  @Test
  void sqliteRefusesNamesEqualUnderAsciiFoldingOnlyInOurVault() throws Exception {
    Path file = ourSqliteVault();
    try (Connection connection = sqlite(file)) {
      insertCredential(connection, "c1", "Stripe", false);
      insertCredential(connection, "c2", "Ärger", false);
      insertCredential(connection, "c3", "ärger", false);
      insertCredential(connection, "c4", "Straße", false);
      insertCredential(connection, "c5", "STRASSE", false);

      assertThatThrownBy(() -> insertCredential(connection, "c6", "STRIPE", false))
          .isInstanceOf(SQLException.class).hasMessageContaining("UNIQUE");
      assertThat(Rows.query(connection, "SELECT name FROM credentials ORDER BY id")).extracting(row -> row.get(0))
          .containsExactly("Stripe", "Ärger", "ärger", "Straße", "STRASSE");
    }
  }

  // ------------------------------------------------------------------------------------------------ PostgreSQL

  @Test
  void upstreamsPostgresSchemaStatementsAndWritesRunOnADatabaseWeCreated() throws Exception {
    PostgresDsn dsn = ourPostgresDatabase(directory);
    try (Connection connection = postgres(dsn)) {
      List<List<String>> indexes = Rows.query(connection, POSTGRES_INDEXES);
      List<List<String>> columns = Rows.query(connection, POSTGRES_COLUMNS);

      UpstreamFixtures.execute(connection, UpstreamFixtures.schemaStatements(POSTGRES_SCRIPT));
      UpstreamFixtures.execute(connection, UpstreamFixtures.scriptStatements(POSTGRES_SCRIPT));

      assertThat(Rows.query(connection, POSTGRES_INDEXES)).isEqualTo(indexes);
      assertThat(Rows.query(connection, POSTGRES_COLUMNS)).isEqualTo(columns);
      assertThat(indexes).extracting(row -> row.get(0)).contains("idx_credentials_workflow",
          "idx_credentials_name_lower", "idx_templates_scope", "idx_alerts_scope");
      assertThat(Rows.query(connection, "SELECT (SELECT count(*) FROM credentials),"
          + " (SELECT count(*) FROM credential_templates), (SELECT count(*) FROM governance_alerts)"))
          .containsExactly(List.of("5", "2", "3"));
    }
    PostgresServer.get().drop(dsn);
  }

  @Test
  void postgresRefusesNamesEqualUnderAsciiFoldingOnlyWhateverTheDatabaseLocale() throws Exception {
    PostgresDsn dsn = ourPostgresDatabase(directory);
    try (Connection connection = postgres(dsn)) {
      insertCredential(connection, "c1", "Stripe", true);
      insertCredential(connection, "c2", "Ärger", true);
      insertCredential(connection, "c3", "ärger", true);
      insertCredential(connection, "c4", "Straße", true);
      insertCredential(connection, "c5", "STRASSE", true);

      assertThatThrownBy(() -> insertCredential(connection, "c6", "STRIPE", true))
          .isInstanceOf(SQLException.class).hasMessageContaining("uq_credentials_name_folded");
      assertThat(Rows.query(connection, "SELECT name FROM credentials ORDER BY id")).extracting(row -> row.get(0))
          .containsExactly("Stripe", "Ärger", "ärger", "Straße", "STRASSE");
    }
    PostgresServer.get().drop(dsn);
  }
}
