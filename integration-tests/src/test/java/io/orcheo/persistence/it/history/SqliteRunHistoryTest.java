package io.orcheo.persistence.it.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.history.HistoryStatus;
import io.orcheo.persistence.core.history.RunHistory;
import io.orcheo.persistence.core.history.RunHistoryRecord;
import io.orcheo.persistence.core.history.RunHistoryStore;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on SQLite, and upstream's SQLite-only upgrade path (spec §1.8, §4 item 81): a history table from
 * before the trace and config columns is adopted, its rows read and marked.
 */
class SqliteRunHistoryTest extends RunHistoryContract {
  /** Upstream's history tables before {@code _ensure_trace_columns} and the config columns, with one row. */
  private static final String LEGACY_HISTORY = """
      CREATE TABLE execution_history (
          execution_id TEXT PRIMARY KEY,
          workflow_id TEXT NOT NULL,
          inputs TEXT NOT NULL,
          status TEXT NOT NULL,
          started_at TEXT NOT NULL,
          completed_at TEXT,
          error TEXT
      );
      CREATE TABLE execution_history_steps (
          execution_id TEXT NOT NULL,
          step_index INTEGER NOT NULL,
          at TEXT NOT NULL,
          payload TEXT NOT NULL,
          PRIMARY KEY (execution_id, step_index),
          FOREIGN KEY (execution_id) REFERENCES execution_history(execution_id) ON DELETE CASCADE
      );
      CREATE INDEX IF NOT EXISTS idx_history_steps_execution
          ON execution_history_steps(execution_id, step_index);
      INSERT INTO execution_history (execution_id, workflow_id, inputs, status, started_at)
          VALUES ('legacy', 'workflow-1', '{"q": 1}', 'running', '2024-12-31T23:59:58+00:00');
      INSERT INTO execution_history_steps (execution_id, step_index, at, payload)
          VALUES ('legacy', 0, '2024-12-31T23:59:59.500000+00:00', '{"node": "a"}');
      """;

  @TempDir Path legacyDirectory;

  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }

  private OrcheoPersistence openLegacyFile() throws SQLException {
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + legacyDirectory.resolve("workflows.sqlite"));
        Statement statement = connection.createStatement()) {
      for (String sql : LEGACY_HISTORY.split(";\n")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
    }
    return OrcheoPersistence.open(PersistenceSettings.defaults().withSqliteDirectory(legacyDirectory), clock);
  }

  @Test
  void legacyHistoryTableGetsTheTraceAndConfigColumns() throws SQLException {
    try (OrcheoPersistence legacy = openLegacyFile()) {
      // Opening applies the changelog to the legacy file; the columns are read beneath it, after closing.
    }
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + legacyDirectory.resolve("workflows.sqlite"))) {
      List<String> columns = Rows.query(connection, "SELECT name FROM pragma_table_info('execution_history')")
          .stream().map(row -> row.get(0)).toList();
      assertThat(columns).contains("trace_id", "trace_started_at", "trace_completed_at", "trace_last_span_at",
          "runnable_config", "tags", "callbacks", "metadata", "run_name");
    }
  }

  @Test
  void legacyHistoryReadsWithDefaultsForTheNewColumns() throws SQLException {
    try (OrcheoPersistence legacy = openLegacyFile()) {
      RunHistory read = legacy.runHistory().getHistory("legacy");

      RunHistoryRecord record = read.record();
      assertThat(record.inputs()).isEqualTo(json("{\"q\": 1}"));
      assertThat(record.status()).isEqualTo(HistoryStatus.RUNNING);
      assertThat(record.startedAt()).isEqualTo(Instant.parse("2024-12-31T23:59:58Z"));
      assertThat(record.runnableConfig()).isEmpty();
      assertThat(record.tags()).isEmpty();
      assertThat(record.callbacks()).isEmpty();
      assertThat(record.metadata()).isEmpty();
      assertThat(record.runName()).isNull();
      assertThat(record.traceId()).isNull();
      assertThat(record.traceStartedAt()).isNull();
      assertThat(record.traceLastSpanAt()).isNull();
    }
  }

  @Test
  void legacyStepsSurviveTheUpgrade() throws SQLException {
    try (OrcheoPersistence legacy = openLegacyFile()) {
      RunHistory read = legacy.runHistory().getHistory("legacy");

      assertThat(read.steps()).singleElement().satisfies(step -> {
        assertThat(step.stepIndex()).isZero();
        assertThat(step.at()).isEqualTo(Instant.parse("2024-12-31T23:59:59.5Z"));
        assertThat(step.payload()).isEqualTo(json("{\"node\": \"a\"}"));
      });
    }
  }

  @Test
  void legacyStepsTableStillReferencesExecutionHistoryAfterTheUpgrade() throws SQLException {
    try (OrcheoPersistence legacy = openLegacyFile()) {
      // Opening applies the changelog to the legacy file; the foreign key is read beneath it, after closing.
    }
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + legacyDirectory.resolve("workflows.sqlite"))) {
      List<List<String>> keys = Rows.query(connection,
          "SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('execution_history_steps')");
      assertThat(keys).containsExactly(List.of("execution_history", "execution_id", "execution_id", "CASCADE"));
    }
  }

  @Test
  void completingALegacyHistorySetsItsLastSpanToTheCompletionTime() throws SQLException {
    try (OrcheoPersistence legacy = openLegacyFile()) {
      RunHistoryStore store = legacy.runHistory();

      RunHistoryRecord completed = store.markCompleted("legacy").record();

      assertThat(completed.status()).isEqualTo(HistoryStatus.COMPLETED);
      assertThat(completed.traceCompletedAt()).isEqualTo(START);
      assertThat(completed.traceLastSpanAt()).isEqualTo(START);
    }
  }

  @Test
  void legacyHistoryTakesNewStepsAfterItsOwn() throws SQLException {
    try (OrcheoPersistence legacy = openLegacyFile()) {
      RunHistoryStore store = legacy.runHistory();

      assertThat(store.appendStep("legacy", Map.of("node", "b")).stepIndex()).isEqualTo(1);
      assertThat(store.getHistory("legacy").record().traceLastSpanAt()).isEqualTo(START);
    }
  }
}
