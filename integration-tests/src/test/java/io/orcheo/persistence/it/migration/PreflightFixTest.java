package io.orcheo.persistence.it.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.migration.MigrationException;
import io.orcheo.persistence.migration.MigrationTable;
import io.orcheo.persistence.migration.MigrationTables;
import io.orcheo.persistence.migration.Preflight;
import io.orcheo.persistence.migration.PreflightFix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --fix} on the SQLite files of an upstream deployment: the safe fixes are made and logged first, one
 * transaction per file, and what they cannot repair is still reported.
 */
class PreflightFixTest {
  private static final String FIRST_RUN = "(SELECT min(id) FROM workflow_runs)";
  private static final String FIRST_WORKFLOW = "(SELECT min(id) FROM workflows)";

  @TempDir Path tempDir;
  private Path files;
  private Path log;
  private PersistenceSettings settings;
  private List<MigrationTable> tables;

  @BeforeEach
  void writeTheSqliteDeployment() throws SQLException, IOException {
    files = UpstreamDeployment.writeTo(tempDir.resolve("sqlite"));
    settings = TestBackend.SQLITE.settings(files);
    OrcheoPersistence.open(settings).close();
    tables = MigrationTables.forDeployment(settings, false);
    log = tempDir.resolve("fixes.jsonl");
  }

  @Test
  void nulCharactersAreRemovedAndLoggedWithTheirOldValue() throws Exception {
    String run = text("workflows.sqlite", "SELECT min(id) FROM workflow_runs");
    sql("workflows.sqlite", "UPDATE workflow_runs SET triggered_by = 'a' || char(0) || 'b' WHERE id = " + FIRST_RUN);

    PreflightFix.Report report = PreflightFix.apply(settings, tables, log);

    assertThat(report.passed()).isTrue();
    assertThat(text("workflows.sqlite", "SELECT triggered_by FROM workflow_runs WHERE id = '" + run + "'"))
        .isEqualTo("ab");
    List<JsonNode> lines = logLines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("table").asText()).isEqualTo("workflow_runs");
    assertThat(lines.get(0).get("key").get("id").asText()).isEqualTo(run);
    assertThat(lines.get(0).get("action").asText()).isEqualTo("update");
    assertThat(lines.get(0).get("column").asText()).isEqualTo("triggered_by");
    assertThat(lines.get(0).get("old").asText()).isEqualTo("a\u0000b");
    assertThat(lines.get(0).get("new").asText()).isEqualTo("ab");
    assertThat(lines.get(0).get("file").asText()).isEqualTo(files.resolve("workflows.sqlite").toString());
    assertThat(lines.get(1).get("action").asText()).isEqualTo("commit");
    assertThat(lines.get(1).get("changes").asInt()).isEqualTo(1);
  }

  @Test
  void nulEscapesInADocumentAreRemovedFromItsStringsAndItsOtherFieldsAreKept() throws Exception {
    String id = text("workflows.sqlite", "SELECT min(id) FROM workflows");
    ObjectNode payload = (ObjectNode) JsonCodec.read(text("workflows.sqlite",
        "SELECT payload FROM workflows WHERE id = '" + id + "'"));
    ObjectNode withNul = payload.deepCopy().put("note", "x\u0000y");
    update("workflows.sqlite", "UPDATE workflows SET payload = ? WHERE id = '" + id + "'",
        JsonCodec.mapper().writeValueAsString(withNul));

    PreflightFix.Report report = PreflightFix.apply(settings, tables, log);

    assertThat(report.passed()).isTrue();
    assertThat(JsonCodec.read(text("workflows.sqlite", "SELECT payload FROM workflows WHERE id = '" + id + "'")))
        .isEqualTo(payload.deepCopy().put("note", "xy"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "2025-01-02T03:04:05.5+0130|2025-01-02T01:34:05.500000+00:00",
      "2025-01-02 03:04:05 UTC|2025-01-02T03:04:05+00:00",
      "2025-01-02|2025-01-02T00:00:00+00:00"})
  void timestampsWithASingleReadingAreRewrittenInTheCanonicalForm(String stored, String canonical) throws Exception {
    sql("workflows.sqlite", "UPDATE workflows SET updated_at = '" + stored + "' WHERE id = " + FIRST_WORKFLOW);

    PreflightFix.Report report = PreflightFix.apply(settings, tables, log);

    assertThat(report.passed()).isTrue();
    assertThat(text("workflows.sqlite", "SELECT updated_at FROM workflows WHERE id = " + FIRST_WORKFLOW))
        .isEqualTo(canonical);
    assertThat(logLines().get(0).get("old").asText()).isEqualTo(stored);
  }

  @Test
  void timestampsWithoutASingleReadingAreLeftAndStillReported() throws Exception {
    sql("workflows.sqlite", "UPDATE workflows SET updated_at = 'yesterday' WHERE id = " + FIRST_WORKFLOW);
    sql("workflows.sqlite", "UPDATE workflow_runs SET created_at = '1735787045' WHERE id = " + FIRST_RUN);

    PreflightFix.Report report = PreflightFix.apply(settings, tables, log);

    assertThat(report.passed()).isFalse();
    assertThat(report.changes()).isEmpty();
    assertThat(report.remaining()).extracting(Preflight.Problem::table, Preflight.Problem::column)
        .containsExactlyInAnyOrder(tuple("workflows", "updated_at"), tuple("workflow_runs", "created_at"));
    assertThat(text("workflows.sqlite", "SELECT updated_at FROM workflows WHERE id = " + FIRST_WORKFLOW))
        .isEqualTo("yesterday");
  }

  @Test
  void orphanMessagesAreDeletedAndLoggedAsWholeRows() throws Exception {
    long messages = count("chatkit.sqlite", "chat_messages");
    sql("chatkit.sqlite", "INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at)"
        + " VALUES ('msg_orphan', 'thr_gone', 7, 'user_message', '{\"text\":\"hi\"}', '2025-01-01T00:00:00+00:00')");

    PreflightFix.Report report = PreflightFix.apply(settings, tables, log);

    assertThat(report.passed()).isTrue();
    assertThat(count("chatkit.sqlite", "chat_messages")).isEqualTo(messages);
    JsonNode deletion = logLines().get(0);
    assertThat(deletion.get("action").asText()).isEqualTo("delete");
    assertThat(deletion.get("key").get("id").asText()).isEqualTo("msg_orphan");
    assertThat(deletion.get("row").get("thread_id").asText()).isEqualTo("thr_gone");
    assertThat(deletion.get("row").get("ordinal").asLong()).isEqualTo(7);
    assertThat(deletion.get("row").get("item_json").asText()).isEqualTo("{\"text\":\"hi\"}");
  }

  @Test
  void anOrphanAttachmentKeepsItsRowAndLosesOnlyItsThread() throws Exception {
    sql("chatkit.sqlite", "INSERT INTO chat_attachments (id, thread_id, attachment_type, name, mime_type,"
        + " details_json, storage_path, created_at) VALUES ('atc_orphan', 'thr_gone', 'file', 'a.txt', 'text/plain',"
        + " '{}', NULL, '2025-01-01T00:00:00+00:00')");

    PreflightFix.Report report = PreflightFix.apply(settings, tables, log);

    assertThat(report.passed()).isTrue();
    assertThat(text("chatkit.sqlite", "SELECT name || '/' || coalesce(thread_id, 'none') FROM chat_attachments"
        + " WHERE id = 'atc_orphan'")).isEqualTo("a.txt/none");
    JsonNode clearing = logLines().get(0);
    assertThat(clearing.get("column").asText()).isEqualTo("thread_id");
    assertThat(clearing.get("old").asText()).isEqualTo("thr_gone");
    assertThat(clearing.get("new").isNull()).isTrue();
  }

  @Test
  void invalidJsonIsLeftForAPersonEvenInANullableColumn() throws Exception {
    sql("service_tokens.sqlite", "UPDATE service_tokens SET workspace_ids = '[broken' WHERE identifier = (SELECT"
        + " min(identifier) FROM service_tokens)");

    PreflightFix.Report report = PreflightFix.apply(settings, tables, log);

    assertThat(report.remaining()).extracting(Preflight.Problem::table, Preflight.Problem::column)
        .containsExactly(tuple("service_tokens", "workspace_ids"));
    assertThat(text("service_tokens.sqlite", "SELECT workspace_ids FROM service_tokens WHERE identifier = (SELECT"
        + " min(identifier) FROM service_tokens)")).isEqualTo("[broken");
  }

  @Test
  void aDocumentHoldingNanIsReportedAndLeftBecauseNoNumberCanStandForIt() throws Exception {
    sql("workflows.sqlite", "UPDATE workflows SET payload = '{\"score\": NaN}' WHERE id = " + FIRST_WORKFLOW);

    PreflightFix.Report report = PreflightFix.apply(settings, tables, log);

    assertThat(report.remaining()).singleElement().satisfies(problem -> {
      assertThat(problem.column()).isEqualTo("payload");
      assertThat(problem.problem()).contains("NaN");
    });
    assertThat(text("workflows.sqlite", "SELECT payload FROM workflows WHERE id = " + FIRST_WORKFLOW))
        .isEqualTo("{\"score\": NaN}");
  }

  @Test
  void aNulInAKeyIsLeftBecauseWithoutItTheKeyWouldNameAnotherRow() throws Exception {
    sql("chatkit.sqlite", "INSERT INTO chat_threads (id, title, workflow_id, status_json, metadata_json, created_at,"
        + " updated_at) SELECT 'thr_nul' || char(0), title, workflow_id, status_json, metadata_json, created_at,"
        + " updated_at FROM chat_threads WHERE id = (SELECT min(id) FROM chat_threads)");

    PreflightFix.Report report = PreflightFix.apply(settings, tables, log);

    assertThat(report.remaining()).extracting(Preflight.Problem::table, Preflight.Problem::column)
        .containsExactly(tuple("chat_threads", "id"));
    assertThat(count("chatkit.sqlite", "chat_threads WHERE id = 'thr_nul' || char(0)")).isEqualTo(1);
  }

  @Test
  void fixWritesNothingWhenTheLogCannotBeWritten() throws Exception {
    sql("workflows.sqlite", "UPDATE workflow_runs SET triggered_by = 'a' || char(0) || 'b' WHERE id = " + FIRST_RUN);
    Map<String, String> before = sqliteFiles();
    Path unwritable = Files.createDirectory(tempDir.resolve("a-directory"));

    assertThatThrownBy(() -> PreflightFix.apply(settings, tables, unwritable))
        .isInstanceOf(MigrationException.class).hasMessageContaining("nothing was fixed");

    assertThat(sqliteFiles()).hasSize(4).isEqualTo(before);
  }

  @Test
  void aCleanDeploymentIsLeftByteForByteUnchanged() throws Exception {
    Map<String, String> before = sqliteFiles();

    PreflightFix.Report report = PreflightFix.apply(settings, tables, log);

    assertThat(report.passed()).isTrue();
    assertThat(report.changes()).isEmpty();
    assertThat(sqliteFiles()).hasSize(4).isEqualTo(before);
    assertThat(log).doesNotExist();
  }

  @Test
  void aFixThatFailsUndoesEveryChangeToItsFileAndLogsNoCommit() throws Exception {
    // Fixable on its own, in a table fixed before the versions.
    sql("workflows.sqlite", "UPDATE workflows SET updated_at = '2025-01-02' WHERE id = " + FIRST_WORKFLOW);
    // Without its NUL, this version would be a second version 1 of its workflow: the unique key refuses it.
    sql("workflows.sqlite", "UPDATE workflow_versions SET workflow_id = workflow_id || char(0), version = 1"
        + " WHERE version = 2");

    assertThatThrownBy(() -> PreflightFix.apply(settings, tables, log))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining(files.resolve("workflows.sqlite").toString())
        .hasMessageContaining("nothing in it was changed");

    assertThat(text("workflows.sqlite", "SELECT updated_at FROM workflows WHERE id = " + FIRST_WORKFLOW))
        .isEqualTo("2025-01-02");
    assertThat(logLines()).extracting(line -> line.get("action").asText()).contains("update")
        .doesNotContain("commit");
  }

  private List<JsonNode> logLines() throws IOException {
    return Files.readAllLines(log).stream().map(JsonCodec::read).toList();
  }

  /** The SHA-256 of every SQLite file, by name. */
  private Map<String, String> sqliteFiles() throws IOException, NoSuchAlgorithmException {
    Map<String, String> digests = new TreeMap<>();
    try (Stream<Path> listing = Files.list(files)) {
      for (Path file : listing.filter(f -> f.toString().endsWith(".sqlite")).toList()) {
        digests.put(file.getFileName().toString(),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
      }
    }
    return digests;
  }

  private long count(String file, String tableAndCondition) throws SQLException {
    return Long.parseLong(text(file, "SELECT count(*) FROM " + tableAndCondition));
  }

  private String text(String file, String query) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + files.resolve(file));
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      assertThat(result.next()).as(query).isTrue();
      return result.getString(1);
    }
  }

  private void sql(String file, String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + files.resolve(file));
        Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }

  private void update(String file, String statement, String value) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + files.resolve(file));
        PreparedStatement s = connection.prepareStatement(statement)) {
      s.setString(1, value);
      s.executeUpdate();
    }
  }
}
