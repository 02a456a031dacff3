package io.orcheo.persistence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.migration.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** {@code orcheo-db migrate}: what runs without a PostgreSQL server (the rest runs in integration-tests and docs). */
class MigrateCommandTest extends CommandLineTest {
  @Test
  void exportWritesEveryTableOfTheDemoDeploymentWithItsManifest() {
    assertThat(run("demo")).isZero();

    assertThat(run("migrate", "export", "--output", dir.resolve("export").toString())).isZero();

    Manifest manifest = Manifest.read(dir.resolve("export"));
    assertThat(manifest.tables()).containsKeys("workflows", "chat_messages", "service_tokens", "credentials");
    assertThat(manifest.tables().get("workflow_runs").rowCount()).isEqualTo(3);
    assertThat(out.toString()).contains("Exported ").contains(" rows of " + manifest.tables().size() + " tables");
  }

  @Test
  void exportWithoutTheVaultLeavesItsTablesOut() {
    assertThat(run("demo")).isZero();

    assertThat(run("migrate", "export", "--output", dir.resolve("export").toString(), "--exclude-vault")).isZero();

    assertThat(Manifest.read(dir.resolve("export")).tables()).doesNotContainKeys("credentials",
        "credential_templates", "governance_alerts");
  }

  @Test
  void importWithoutAPostgresServerIsAUsageError() {
    assertThat(run("demo")).isZero();
    assertThat(run("migrate", "export", "--output", dir.resolve("export").toString())).isZero();

    assertThat(run("migrate", "import", "--input", dir.resolve("export").toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("ORCHEO_POSTGRES_DSN (or --postgres-dsn) must be set: it names the PostgreSQL side of the migration");
  }

  @Test
  void importOfAFolderWithoutAnExportIsRefused() {
    assertThat(run("migrate", "import", "--input", dir.toString(), "--postgres-dsn",
        "postgresql://orcheo@localhost:1/orcheo")).isNotZero();
    assertThat(err.toString()).contains("manifest.json is missing");
  }

  @Test
  void validateWithoutAPostgresServerIsAUsageError() {
    assertThat(run("demo")).isZero();

    assertThat(run("migrate", "validate")).isEqualTo(2);
    assertThat(err.toString()).contains("ORCHEO_POSTGRES_DSN (or --postgres-dsn) must be set");
  }

  @Test
  void validateContentWithoutAnExportIsAUsageError() {
    assertThat(run("migrate", "validate", "--content", "--postgres-dsn",
        "postgresql://orcheo@localhost:1/orcheo")).isEqualTo(2);
    assertThat(err.toString()).contains("--content compares an import with the SQLite files and needs --input");
  }

  @Test
  void syncWithAPendingLimitBelowOneIsAUsageError() {
    assertThat(run("migrate", "sync", "--max-pending-rows", "0", "--postgres-dsn",
        "postgresql://orcheo@localhost:1/orcheo")).isEqualTo(2);
    assertThat(err.toString()).contains("--max-pending-rows must be at least 1");
  }

  @Test
  void syncWithANegativeOverlapIsAUsageError() {
    assertThat(run("migrate", "sync", "--overlap-seconds", "-1", "--postgres-dsn",
        "postgresql://orcheo@localhost:1/orcheo")).isEqualTo(2);
    assertThat(err.toString()).contains("--overlap-seconds cannot be negative");
  }

  @Test
  void preflightOfACleanDeploymentPassesWithExitCodeZero() {
    assertThat(run("demo")).isZero();

    assertThat(run("migrate", "preflight")).isZero();

    assertThat(out.toString()).contains("Pre-flight passed");
  }

  @Test
  void preflightPrintsEachProblemOnATabSeparatedLineAndExitsWithTwo() throws SQLException {
    assertThat(run("demo")).isZero();
    String runId = firstRunWithANul();

    assertThat(run("migrate", "preflight")).isEqualTo(2);

    assertThat(out.toString()).contains("workflow_runs\t(id=" + runId + ")\ttriggered_by\tholds a NUL character, "
        + "which PostgreSQL cannot store\tremove the NUL character (--fix does)\n");
    assertThat(triggeredBy(runId)).contains("\u0000");
  }

  @Test
  void preflightFixRepairsTheFilesLogsEachChangeAndExitsWithZero() throws Exception {
    assertThat(run("demo")).isZero();
    String runId = firstRunWithANul();
    Path log = dir.resolve("fixes.jsonl");

    assertThat(run("migrate", "preflight", "--fix", "--fix-log", log.toString())).isZero();

    assertThat(triggeredBy(runId)).doesNotContain("\u0000");
    assertThat(Files.readAllLines(log)).first().asString().contains("\"table\":\"workflow_runs\"")
        .contains("\"column\":\"triggered_by\"");
    assertThat(out.toString()).contains("Fixed workflow_runs 1 (1 change, each logged first in " + log + ")")
        .contains("Pre-flight passed");
  }

  @Test
  void preflightFixExitsWithTwoAndListsWhatItCouldNotRepair() throws SQLException {
    assertThat(run("demo")).isZero();
    sql("UPDATE workflows SET updated_at = 'yesterday'");

    assertThat(run("migrate", "preflight", "--fix", "--fix-log", dir.resolve("fixes.jsonl").toString()))
        .isEqualTo(2);

    assertThat(out.toString()).contains("Fixed nothing").contains("\tupdated_at\tis not a timestamp ('yesterday')\t");
  }

  @Test
  void aFixLogWithoutFixIsAUsageError() {
    assertThat(run("migrate", "preflight", "--fix-log", dir.resolve("fixes.jsonl").toString())).isEqualTo(2);

    assertThat(err.toString()).contains("--fix-log goes with --fix");
  }

  @Test
  void copyFixStopsBeforeContactingPostgresWhenProblemsRemain() throws SQLException {
    assertThat(run("demo")).isZero();
    String runId = firstRunWithANul();
    sql("UPDATE workflows SET updated_at = 'yesterday'");

    // Nothing listens on port 1: reaching the server would fail with a storage error (1), not a pre-flight one.
    assertThat(run("migrate", "copy", "--fix", "--postgres-dsn", "postgresql://orcheo@localhost:1/orcheo"))
        .isEqualTo(2);

    assertThat(err.toString()).contains("Fixed workflow_runs 1").contains("nothing was written")
        .contains("is not a timestamp ('yesterday')");
    assertThat(triggeredBy(runId)).isEqualTo("ab");
  }

  /** Puts a NUL character into the first run's triggered_by ("a", NUL, "b") and returns the run's id. */
  private String firstRunWithANul() throws SQLException {
    sql("UPDATE workflow_runs SET triggered_by = 'a' || char(0) || 'b' WHERE id = (SELECT min(id) FROM"
        + " workflow_runs)");
    return query("SELECT min(id) FROM workflow_runs");
  }

  private String triggeredBy(String runId) throws SQLException {
    return query("SELECT triggered_by FROM workflow_runs WHERE id = '" + runId + "'");
  }

  private String query(String query) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("workflows.sqlite"));
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      assertThat(result.next()).isTrue();
      return result.getString(1);
    }
  }

  private void sql(String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("workflows.sqlite"));
        Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }
}
