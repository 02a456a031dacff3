package io.orcheo.persistence.it.migration;

import static io.orcheo.persistence.jooq.generated.Tables.CHAT_MESSAGES;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOWS;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOW_RUNS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.migration.Preflight;
import io.orcheo.persistence.migration.PreflightException;
import io.orcheo.persistence.migration.PreflightFix;
import io.orcheo.persistence.migration.SqliteToPostgresCopy;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Before the first write, {@code copy} checks the SQLite files for what PostgreSQL refuses; with any problem it
 * writes nothing and names each one by table, row and column. After {@link PreflightFix}, the copy carries the
 * repaired rows, and what the fix could not repair still stops it.
 */
class PostgresPreflightTest extends BackendContract {
  private Path files;
  private PersistenceSettings sqliteSettings;

  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }

  @BeforeEach
  void writeTheSqliteDeployment() throws SQLException, IOException {
    files = UpstreamDeployment.writeTo(tempDir.resolve("sqlite"));
    sqliteSettings = TestBackend.SQLITE.settings(files);
    OrcheoPersistence.open(sqliteSettings, clock).close();
  }

  @Test
  void cleanFilesPassThePreflight() {
    assertThat(Preflight.check(sqliteSettings, io.orcheo.persistence.migration.MigrationTables.UPSTREAM)).isEmpty();
  }

  @Test
  void anOrphanMessageAnInvalidDocumentANulAndABadTimestampAreEachNamedAndNothingIsWritten() throws SQLException {
    sql("chatkit.sqlite", "INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at)"
        + " VALUES ('msg_orphan', 'thr_gone', 0, 'user_message', '{}', '2025-01-01T00:00:00+00:00')");
    sql("chatkit.sqlite", "UPDATE chat_threads SET metadata_json = '{broken' WHERE id = (SELECT min(id) FROM"
        + " chat_threads)");
    sql("workflows.sqlite", "UPDATE workflows SET updated_at = 'yesterday' WHERE id = (SELECT min(id) FROM"
        + " workflows)");
    sql("workflows.sqlite", "UPDATE workflow_runs SET triggered_by = 'a' || char(0) || 'b' WHERE id = (SELECT"
        + " min(id) FROM workflow_runs)");

    assertThatThrownBy(() -> SqliteToPostgresCopy.of(sqliteSettings, persistence, tempDir.resolve("state.json"),
        true).run(SqliteToPostgresCopy.Listener.NONE))
        .isInstanceOfSatisfying(PreflightException.class, e -> assertThat(e.problems())
            .extracting(Preflight.Problem::table, Preflight.Problem::column)
            .contains(org.assertj.core.groups.Tuple.tuple("chat_messages", "thread_id"),
                org.assertj.core.groups.Tuple.tuple("chat_threads", "metadata_json"),
                org.assertj.core.groups.Tuple.tuple("workflows", "updated_at"),
                org.assertj.core.groups.Tuple.tuple("workflow_runs", "triggered_by")))
        .hasMessageContaining("msg_orphan").hasMessageContaining("nothing was written");
    assertThat(count(Store.REPOSITORY, WORKFLOWS)).isZero();
    assertThat(count(Store.CHATKIT, CHAT_MESSAGES)).isZero();
    assertThat(tempDir.resolve("state.json")).doesNotExist();
  }

  @Test
  void afterTheFixTheCopyCarriesTheRepairedRowsAndLeavesTheOrphanBehind() throws SQLException {
    int messages = Integer.parseInt(sqliteText("chatkit.sqlite", "SELECT count(*) FROM chat_messages"));
    String firstRun = sqliteText("workflows.sqlite", "SELECT min(id) FROM workflow_runs");
    sql("chatkit.sqlite", "INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at)"
        + " VALUES ('msg_orphan', 'thr_gone', 0, 'user_message', '{}', '2025-01-01T00:00:00+00:00')");
    sql("workflows.sqlite", "UPDATE workflow_runs SET triggered_by = 'a' || char(0) || 'b', updated_at ="
        + " '2025-01-02T03:04:05+0130' WHERE id = (SELECT min(id) FROM workflow_runs)");

    PreflightFix.Report fixed = PreflightFix.apply(sqliteSettings, tables(), tempDir.resolve("fixes.jsonl"));
    SqliteToPostgresCopy.of(sqliteSettings, persistence, tempDir.resolve("state.json"), false)
        .run(SqliteToPostgresCopy.Listener.NONE);

    assertThat(fixed.passed()).isTrue();
    assertThat(count(Store.CHATKIT, CHAT_MESSAGES)).isEqualTo(messages);
    var run = persistence.database(Store.REPOSITORY).transactor().read("the repaired run",
        dsl -> dsl.selectFrom(WORKFLOW_RUNS).where(WORKFLOW_RUNS.ID.eq(firstRun)).fetchSingle());
    assertThat(run.getTriggeredBy()).isEqualTo("ab");
    assertThat(run.getUpdatedAt()).isEqualTo(Instant.parse("2025-01-02T01:34:05Z"));
  }

  @Test
  void unfixableProblemsStillBlockTheCopyAndPostgresStaysEmpty() throws SQLException {
    sql("workflows.sqlite", "UPDATE workflows SET updated_at = 'yesterday' WHERE id = (SELECT min(id) FROM"
        + " workflows)");
    sql("workflows.sqlite", "UPDATE workflow_runs SET triggered_by = 'a' || char(0) || 'b' WHERE id = (SELECT"
        + " min(id) FROM workflow_runs)");

    PreflightFix.Report fixed = PreflightFix.apply(sqliteSettings, tables(), tempDir.resolve("fixes.jsonl"));

    assertThat(fixed.changes()).extracting(PreflightFix.Change::column).containsExactly("triggered_by");
    assertThat(fixed.remaining()).extracting(Preflight.Problem::column).containsExactly("updated_at");
    assertThatThrownBy(() -> SqliteToPostgresCopy.of(sqliteSettings, persistence, tempDir.resolve("state.json"),
        false).run(SqliteToPostgresCopy.Listener.NONE))
        .isInstanceOf(PreflightException.class).hasMessageContaining("yesterday");
    assertThat(count(Store.REPOSITORY, WORKFLOWS)).isZero();
    assertThat(count(Store.REPOSITORY, WORKFLOW_RUNS)).isZero();
    assertThat(count(Store.CHATKIT, CHAT_MESSAGES)).isZero();
  }

  private java.util.List<io.orcheo.persistence.migration.MigrationTable> tables() {
    return io.orcheo.persistence.migration.MigrationTables.forDeployment(sqliteSettings, false);
  }

  private String sqliteText(String file, String query) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + files.resolve(file));
        Statement s = connection.createStatement();
        java.sql.ResultSet result = s.executeQuery(query)) {
      assertThat(result.next()).isTrue();
      return result.getString(1);
    }
  }

  private int count(Store store, org.jooq.Table<?> table) {
    return persistence.database(store).transactor().read("count", dsl -> dsl.fetchCount(table));
  }

  private void sql(String file, String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + files.resolve(file));
        Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }
}
