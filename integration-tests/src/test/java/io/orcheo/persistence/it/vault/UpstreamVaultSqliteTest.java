package io.orcheo.persistence.it.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.vault.AccessContext;
import io.orcheo.persistence.core.vault.AlertKind;
import io.orcheo.persistence.core.vault.AlertSeverity;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.CredentialVault;
import io.orcheo.persistence.core.vault.NewAlert;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.core.vault.NewTemplate;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.it.support.UpstreamFixtures;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link UpstreamVaultContract} on a {@code vault.sqlite} written by upstream Orcheo: upstream's SQLite schema
 * statements (spec §D.1: TEXT columns, INTEGER {@code acknowledged}, three indexes, no Liquibase tables) and rows in
 * upstream's formats, from {@code src/test/resources/upstream/vault/*sqlite.sql}. The file is named by
 * {@code ORCHEO_VAULT_LOCAL_PATH} and the key by {@code ORCHEO_VAULT_ENCRYPTION_KEY}.
 *
 * <p>On SQLite the columns and payloads we write are held to upstream's text: timestamps as {@code isoformat()}
 * ({@code +00:00}, six fraction digits or none, which upstream compares as text), {@code acknowledged} 0/1, and
 * payloads exactly as {@code model_dump_json} writes them (every field, upstream's order, compact, raw UTF-8).
 */
class UpstreamVaultSqliteTest extends UpstreamVaultContract {
  private static final String UPSTREAM_DEFINITIONS = "SELECT type, name, tbl_name, sql FROM sqlite_master"
      + " WHERE name IN ('credentials', 'credential_templates', 'governance_alerts', 'idx_credentials_workflow',"
      + " 'idx_templates_scope', 'idx_alerts_scope') ORDER BY name";
  /** Upstream's column form of a timestamp: isoformat() of an aware UTC value. */
  private static final String ISOFORMAT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?\\+00:00";

  @TempDir Path directory;
  private Path file;
  private int loads;

  @Override
  String dialect() {
    return "sqlite";
  }

  @Override
  void load(String prefix) throws Exception {
    file = directory.resolve("vault-" + ++loads + ".sqlite");
    UpstreamFixtures.runSqliteScript(file, UpstreamVaultFiles.DIRECTORY + prefix + dialect() + ".sql");
  }

  /** Settings as a deployment sets them: the vault's file and key by their own variables, the rest beside it. */
  @Override
  OrcheoPersistence openPersistence() {
    return openPersistence(true);
  }

  private OrcheoPersistence openPersistence(boolean keySetting) {
    Map<String, String> values = new HashMap<>(Map.of(
        PersistenceSettings.VAULT_LOCAL_PATH_KEY, file.toString(),
        PersistenceSettings.REPOSITORY_SQLITE_PATH_KEY, directory.resolve("workflows.sqlite").toString(),
        PersistenceSettings.SERVICE_TOKEN_DB_PATH_KEY, directory.resolve("service_tokens.sqlite").toString(),
        PersistenceSettings.CHATKIT_SQLITE_PATH_KEY, directory.resolve("chatkit.sqlite").toString(),
        PersistenceSettings.CHATKIT_STORAGE_PATH_KEY, directory.resolve("uploads").toString()));
    if (keySetting) {
      values.put(PersistenceSettings.VAULT_ENCRYPTION_KEY_KEY, UpstreamVaultFiles.key());
    }
    OrcheoPersistence persistence = OrcheoPersistence.open(PersistenceSettings.fromMap(values), clock);
    assertThat(persistence.database(Store.VAULT).target()).isEqualTo(file.toAbsolutePath().normalize().toString());
    return persistence;
  }

  @Override
  List<List<String>> query(String sql, Object... parameters) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      return Rows.query(connection, sql, parameters);
    }
  }

  @Override
  void execute(String... statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  @Override
  String payloadText() {
    return "payload";
  }

  @Override
  boolean storesPayloadText() {
    return true;
  }

  @Override
  String acknowledgedText(boolean acknowledged) {
    return acknowledged ? "1" : "0";
  }

  @Override
  void assertTimestamp(String table, String column, Object id, String isoformat) throws SQLException {
    assertThat(query("SELECT " + column + ", typeof(" + column + ") FROM " + table + " WHERE id = ?", id.toString()))
        .as("%s.%s of %s", table, column, id).containsExactly(List.of(isoformat, "text"));
  }

  @Override
  String indexNames() {
    return "SELECT name FROM sqlite_master WHERE type = 'index'";
  }

  // ------------------------------------------------------------------------------------------------ adoption

  @Test
  void upstreamTablesAreMarkedAsRanNotRecreated() throws Exception {
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
  void openingKeepsUpstreamsTableAndIndexDefinitionsAndAddsOnlyOurIndexes() throws Exception {
    load(MAIN);
    List<List<String>> before = query(UPSTREAM_DEFINITIONS);
    List<String> objectsBefore = query("SELECT name FROM sqlite_master").stream().map(row -> row.get(0)).toList();

    open();

    assertThat(query(UPSTREAM_DEFINITIONS)).isEqualTo(before).hasSize(6);
    assertThat(query("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").stream()
        .map(row -> row.get(0)).filter(name -> !objectsBefore.contains(name)))
        .containsExactlyInAnyOrder("uq_credentials_name_folded", "idx_alerts_credential", "idx_alerts_template",
            "idx_credentials_created_id", "idx_templates_created_id", "idx_alerts_created_id");
  }

  @Test
  void reopeningAnAdoptedVaultRunsNoChangesetAgain() throws Exception {
    load(MAIN);
    open().close();
    List<List<String>> changesets = query("SELECT id, exectype FROM databasechangelog ORDER BY id");
    List<List<List<String>>> rows = snapshot();

    CredentialVault vault = open().vault();

    assertThat(query("SELECT id, exectype FROM databasechangelog ORDER BY id")).isEqualTo(changesets);
    assertThat(snapshot()).isEqualTo(rows);
    assertThat(vault.revealSecret(C_STRIPE, NONE).reveal()).isEqualTo(UpstreamVaultFiles.plaintext(C_STRIPE, "secret"));
  }

  /** Upstream's file vault without a key setting keeps its key in {@code <stem>.key} beside the file. */
  @Test
  void withoutAKeySettingUpstreamsKeyFileBesideTheVaultDecryptsIt() throws Exception {
    load(MAIN);
    Path keyFile = file.resolveSibling(file.getFileName().toString().replace(".sqlite", ".key"));
    Files.writeString(keyFile, UpstreamVaultFiles.key(), StandardCharsets.UTF_8);
    OrcheoPersistence persistence = openPersistence(false);
    opened.add(persistence);

    assertThat(persistence.vault().revealSecret(C_DEEPL, ADMIN).reveal())
        .isEqualTo(UpstreamVaultFiles.plaintext(C_DEEPL, "secret"));
    assertThat(Files.readString(keyFile, StandardCharsets.UTF_8)).isEqualTo(UpstreamVaultFiles.key());
  }

  // ------------------------------------------------------------------------------------------------ column forms

  @Test
  void everyColumnWeWriteHasUpstreamsStorageClassAndTimeText() throws Exception {
    CredentialVault vault = upstream();
    clock.set(Instant.parse("2025-04-01T12:00:00Z"));
    vault.rotateSecret(C_STRIPE, "rotated", "carol", NONE);
    clock.set(Instant.parse("2025-04-01T12:00:00.5Z"));
    Credential ours = vault.createCredential(NewCredential.secret("Ours", "p", "s", "carol"));
    vault.createTemplate(NewTemplate.of("Ours", "p", List.of(), "carol"));
    vault.recordAlert(NewAlert.forCredential(ours.id(), AlertKind.VALIDATION_FAILED, AlertSeverity.INFO, "m",
        "carol"), NONE);
    vault.acknowledgeAlert(A_EXPIRING, "ops", AccessContext.forWorkflow(W_BILLING));

    for (String table : List.of("credentials", "credential_templates", "governance_alerts")) {
      for (List<String> row : query("SELECT created_at, typeof(created_at), updated_at, typeof(updated_at),"
          + " typeof(payload), typeof(id) FROM " + table)) {
        assertThat(row.get(0)).as(table).matches(ISOFORMAT);
        assertThat(row.get(2)).as(table).matches(ISOFORMAT);
        assertThat(List.of(row.get(1), row.get(3), row.get(4), row.get(5))).as(table).containsOnly("text");
      }
    }
    assertThat(query("SELECT DISTINCT typeof(acknowledged), acknowledged FROM governance_alerts ORDER BY 2"))
        .containsExactly(List.of("integer", "0"), List.of("integer", "1"));
    assertTimestamp("credentials", "updated_at", C_STRIPE, "2025-04-01T12:00:00+00:00");
    assertTimestamp("credentials", "created_at", ours.id(), "2025-04-01T12:00:00.500000+00:00");
  }

  @Test
  void upstreamsTextOrderOfCreatedAtIsOurListingOrder() throws Exception {
    CredentialVault vault = upstream();
    // Two instants that sort differently as Instant and as text if written without a fixed fraction.
    clock.set(Instant.parse("2025-01-02T03:04:05Z"));
    vault.createCredential(NewCredential.secret("Earlier", "p", "s", "carol"));
    clock.set(Instant.parse("2025-01-02T03:04:05.5Z"));
    vault.createCredential(NewCredential.secret("Later", "p", "s", "carol"));

    // Upstream's iter_credentials: ORDER BY created_at ASC over the text.
    List<String> upstreamOrder = query("SELECT id FROM credentials ORDER BY created_at ASC").stream()
        .map(row -> row.get(0)).toList();

    assertThat(vault.listAllCredentials()).extracting(credential -> credential.id().toString())
        .containsExactlyElementsOf(upstreamOrder);
    assertThat(vault.listAllCredentials()).extracting(Credential::name).startsWith("Earlier", "Stripe live", "Later");
  }
}
