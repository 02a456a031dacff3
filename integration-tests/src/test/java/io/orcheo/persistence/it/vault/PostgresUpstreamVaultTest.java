package io.orcheo.persistence.it.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.core.config.Secret;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.it.support.PostgresServer;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.it.support.UpstreamFixtures;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link UpstreamVaultContract} on a PostgreSQL database whose vault tables upstream Orcheo created: upstream's
 * schema statements (spec §D.1: TIMESTAMP WITH TIME ZONE, JSONB, BOOLEAN, the expression index on
 * {@code lower(name)}) and the rows as upstream's PostgreSQL vault writes them, from
 * {@code src/test/resources/upstream/vault/*postgres.sql}, executed into a fresh, empty database per script.
 * JSONB keeps neither the text nor the key order of a payload, so here payloads are held to upstream's fields and
 * values only.
 */
class PostgresUpstreamVaultTest extends UpstreamVaultContract {
  private static final String INDEXES = "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
      + " AND tablename IN ('credentials', 'credential_templates', 'governance_alerts') ORDER BY indexname";
  private static final String COLUMNS = "SELECT table_name, column_name, data_type, is_nullable, column_default"
      + " FROM information_schema.columns WHERE table_schema = current_schema()"
      + " AND table_name IN ('credentials', 'credential_templates', 'governance_alerts')"
      + " ORDER BY table_name, ordinal_position";

  @TempDir Path directory;
  private PostgresDsn dsn;

  @Override
  String dialect() {
    return "postgres";
  }

  @Override
  void load(String prefix) throws Exception {
    dsn = PostgresServer.get().newEmptyDatabase();
    try (Connection connection = connect()) {
      UpstreamFixtures.execute(connection,
          UpstreamFixtures.scriptStatements(UpstreamVaultFiles.DIRECTORY + prefix + dialect() + ".sql"));
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(dsn.jdbcUrl(), dsn.connectionProperties());
  }

  @Override
  OrcheoPersistence openPersistence() {
    return OrcheoPersistence.open(PersistenceSettings.defaults().withSqliteDirectory(directory).withPostgres(dsn)
        .withVaultEncryptionKey(Secret.of(UpstreamVaultFiles.key())), clock);
  }

  @Override
  List<List<String>> query(String sql, Object... parameters) throws SQLException {
    try (Connection connection = connect()) {
      return Rows.query(connection, sql, parameters);
    }
  }

  @Override
  void execute(String... statements) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  @Override
  String payloadText() {
    return "payload::text";
  }

  @Override
  boolean storesPayloadText() {
    return false;
  }

  @Override
  String acknowledgedText(boolean acknowledged) {
    return acknowledged ? "t" : "f";
  }

  @Override
  void assertTimestamp(String table, String column, Object id, String isoformat) throws SQLException {
    assertThat(query("SELECT " + column + " = CAST(? AS timestamptz), pg_typeof(" + column + ")::text FROM " + table
        + " WHERE id = ?", isoformat, id.toString()))
        .as("%s.%s of %s is %s", table, column, id, isoformat)
        .containsExactly(List.of("t", "timestamp with time zone"));
  }

  @Override
  String indexNames() {
    return "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()";
  }

  // ------------------------------------------------------------------------------------------------ adoption

  @Test
  void upstreamTablesAreMarkedAsRan() throws Exception {
    load(MAIN);
    open();

    assertThat(query("SELECT id, exectype FROM databasechangelog WHERE id IN ('vault-0.1-credentials-table',"
        + " 'vault-0.1-templates-table', 'vault-0.1-alerts-table') ORDER BY orderexecuted"))
        .containsExactly(
            List.of("vault-0.1-credentials-table", "MARK_RAN"),
            List.of("vault-0.1-templates-table", "MARK_RAN"),
            List.of("vault-0.1-alerts-table", "MARK_RAN"));
  }

  @Test
  void adoptionKeepsUpstreamsColumnsAndIndexesAndAddsOnlyOurs() throws Exception {
    load(MAIN);
    List<List<String>> indexesBefore = query(INDEXES);
    List<List<String>> columnsBefore = query(COLUMNS);

    open();

    List<List<String>> after = query(INDEXES);
    assertThat(after).containsAll(indexesBefore);
    assertThat(after.stream().filter(index -> !indexesBefore.contains(index)).map(index -> index.get(0)))
        .containsExactlyInAnyOrder("uq_credentials_name_folded", "idx_alerts_credential", "idx_alerts_template",
            "idx_credentials_created_id", "idx_templates_created_id", "idx_alerts_created_id");
    assertThat(indexesBefore).extracting(index -> index.get(0)).contains("idx_credentials_name_lower",
        "idx_credentials_workflow", "idx_templates_scope", "idx_alerts_scope");
    assertThat(query(COLUMNS)).isEqualTo(columnsBefore);
  }

  @Test
  void openingAnAdoptedDatabaseASecondTimeIsANoOp() throws Exception {
    load(MAIN);
    open().close();
    List<List<String>> changesets = query("SELECT id, exectype FROM databasechangelog ORDER BY id");

    open().vault().listAllCredentials();

    assertThat(query("SELECT id, exectype FROM databasechangelog ORDER BY id")).isEqualTo(changesets);
  }

  @Test
  void ourPayloadsAreJsonbObjectsAndAcknowledgedIsBoolean() throws Exception {
    upstream().createCredential(NewCredential.secret("Ours", "p", "s", "carol"));

    assertThat(query("SELECT DISTINCT jsonb_typeof(payload), pg_typeof(payload)::text FROM credentials"))
        .containsExactly(List.of("object", "jsonb"));
    assertThat(query("SELECT DISTINCT pg_typeof(acknowledged)::text FROM governance_alerts"))
        .containsExactly(List.of("boolean"));
  }
}
