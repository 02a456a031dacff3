package io.orcheo.persistence.benchmarks;

import io.orcheo.persistence.core.history.HistoryFilter;
import io.orcheo.persistence.core.history.RunHistoryRecord;
import io.orcheo.persistence.core.history.RunHistoryStore;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import io.orcheo.persistence.jooq.runtime.Store;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The history benchmark's trial: a {@link TrialDatabase} holding {@value #HISTORIES} completed executions of one
 * workflow, each with {@value #STEPS_PER_HISTORY} steps, started one every {@link #SPACING} back in time, and the
 * cursor of page {@value #DEEP_PAGE} (pages of {@value #PAGE_SIZE}). Rows are inserted by a plain JDBC batch in the
 * store's formats: through the store, 100 000 histories and their steps would take minutes per trial.
 */
final class HistoryFixture implements AutoCloseable {
  /** Executions of the listed workflow. */
  static final int HISTORIES = 100_000;
  /** Steps of each execution. */
  static final int STEPS_PER_HISTORY = 2;
  /** The page size of every listing measured. */
  static final int PAGE_SIZE = 100;
  /** The page measured against page 1: with {@value #PAGE_SIZE} per page, the last of them. */
  static final int DEEP_PAGE = 1_000;
  static final String WORKFLOW_ID = "3f2b5f8e-2a35-4d8f-9d3c-6b1f2f7a9c10";

  private static final Duration SPACING = Duration.ofSeconds(26);
  private static final int BATCH = 1_000;

  private final TrialDatabase database;
  final RunHistoryStore history;
  /** Where page {@value #DEEP_PAGE} begins. */
  final String deepCursor;

  HistoryFixture(String backend) throws IOException {
    database = new TrialDatabase(backend);
    try {
      history = database.persistence.runHistory();
      DataSource dataSource = database.persistence.database(Store.REPOSITORY).dataSource();
      seed(dataSource, database.postgres);
      if (database.postgres) {
        analyze(dataSource);
      }
      deepCursor = cursorBeforePage(DEEP_PAGE);
    } catch (RuntimeException | SQLException e) {
      database.close();
      throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }
  }

  /** Pages of the largest size up to the deep page's start, then pages of {@value #PAGE_SIZE}: cursors carry no size. */
  private String cursorBeforePage(int page) {
    int skip = (page - 1) * PAGE_SIZE;
    String cursor = null;
    int skipped = 0;
    while (skipped < skip) {
      int limit = Math.min(PageRequest.MAX_LIMIT, skip - skipped);
      Page<RunHistoryRecord> records = history.listHistoryRecords(WORKFLOW_ID, HistoryFilter.all(),
          new PageRequest(limit, cursor));
      skipped += records.items().size();
      cursor = records.nextCursor();
    }
    if (cursor == null) {
      throw new IllegalStateException("The seeded histories end before page " + page);
    }
    return cursor;
  }

  private static void seed(DataSource dataSource, boolean postgres) throws SQLException {
    String json = postgres ? "cast(? as jsonb)" : "?";
    String history = "INSERT INTO execution_history (execution_id, workflow_id, inputs, runnable_config, tags,"
        + " callbacks, metadata, run_name, status, started_at, completed_at, trace_started_at, trace_completed_at,"
        + " trace_last_span_at) VALUES (?, ?, " + json + ", " + json + ", " + json + ", " + json + ", " + json
        + ", ?, 'completed', ?, ?, ?, ?, ?)";
    String step = "INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES (?, ?, ?, "
        + json + ")";
    Instant newest = Instant.parse("2026-11-01T00:00:00Z");
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement histories = connection.prepareStatement(history);
          PreparedStatement steps = connection.prepareStatement(step)) {
        for (int i = 0; i < HISTORIES; i++) {
          // Less than a second of jitter on 26 s steps: distinct, and most with a fraction.
          Instant started = newest.minus(SPACING.multipliedBy(i))
              .plusNanos(ThreadLocalRandom.current().nextInt(1_000_000) * 1_000L);
          Instant completed = started.plusMillis(1_500);
          String executionId = "exec-" + i;
          histories.setString(1, executionId);
          histories.setString(2, WORKFLOW_ID);
          histories.setString(3, "{\"question\": \"What is jOOQ?\", \"n\": " + i + "}");
          histories.setString(4, "{\"tags\": [\"bench\"], \"metadata\": {\"team\": \"search\"}}");
          histories.setString(5, "[\"bench\"]");
          histories.setString(6, "[]");
          histories.setString(7, "{\"team\": \"" + (i % 2 == 0 ? "search" : "ads") + "\"}");
          histories.setString(8, "run " + i);
          instant(histories, 9, started, postgres);
          instant(histories, 10, completed, postgres);
          instant(histories, 11, started, postgres);
          instant(histories, 12, completed, postgres);
          instant(histories, 13, completed.minusMillis(500), postgres);
          histories.addBatch();
          for (int s = 0; s < STEPS_PER_HISTORY; s++) {
            steps.setString(1, executionId);
            steps.setInt(2, s);
            instant(steps, 3, started.plusMillis(500L * (s + 1)), postgres);
            steps.setString(4, "{\"node\": \"node-" + s + "\", \"tokens\": " + (100 + s) + "}");
            steps.addBatch();
          }
          if ((i + 1) % BATCH == 0) {
            histories.executeBatch();
            steps.executeBatch();
          }
        }
        histories.executeBatch();
        steps.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private static void instant(PreparedStatement statement, int index, Instant value, boolean postgres)
      throws SQLException {
    if (postgres) {
      statement.setObject(index, UpstreamTimestamps.normalize(value).atOffset(ZoneOffset.UTC));
    } else {
      statement.setString(index, UpstreamTimestamps.format(value));
    }
  }

  /** Statistics now, rather than from autovacuum in the middle of a measurement. */
  private static void analyze(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE execution_history");
      statement.execute("ANALYZE execution_history_steps");
    }
  }

  @Override
  public void close() throws IOException {
    database.close();
  }
}
