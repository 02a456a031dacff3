package io.orcheo.persistence.benchmarks;

import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Prints the query plans of the run listings on the {@link WorkflowBenchmark}'s data, per backend: SQLite's
 * {@code EXPLAIN QUERY PLAN}; PostgreSQL's {@code EXPLAIN (ANALYZE, BUFFERS)} with the values bound (the custom plan)
 * and {@code EXPLAIN EXECUTE} under {@code plan_cache_mode = force_generic_plan} (the generic plan, which the server
 * may switch to once pgjdbc prepares the statement on the server, after five executions).
 *
 * <p>The statements are copies of what jOOQ renders for the repository (same text, same bind order); a change to the
 * repository's queries must be copied here.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.orcheo.persistence.benchmarks.QueryPlans [--backend=sqlite|postgres]
 * </pre>
 */
public final class QueryPlans {
  /** {@code listRuns}, first page; {@code listRunsForWorkflow(id, 50)} is this statement with 50 bound. */
  private static final String SQLITE_FIRST = "select workflow_id, payload from workflow_runs where workflow_id = ?"
      + " order by created_at desc, id desc limit ?";
  /** {@code listRuns} after a cursor. */
  private static final String SQLITE_SEEK = "select workflow_id, payload from workflow_runs"
      + " where (workflow_id = ? and (created_at, id) < (?, ?)) order by created_at desc, id desc limit ?";
  /** The cron overlap guard, the other statement over one workflow's runs (only run when a trigger is due). */
  private static final String SQLITE_GUARD = "select exists (select 1 as one from workflow_runs where"
      + " (workflow_id = ? and status in ('pending', 'running') and triggered_by = 'cron' and updated_at > ?))";
  private static final String POSTGRES_FIRST = "select \"workflow_id\", \"payload\" from \"workflow_runs\""
      + " where \"workflow_id\" = ? order by \"created_at\" desc, \"id\" desc fetch next ? rows only";
  private static final String POSTGRES_SEEK = "select \"workflow_id\", \"payload\" from \"workflow_runs\""
      + " where (\"workflow_id\" = ? and (\"created_at\", \"id\") < (?, ?)) order by \"created_at\" desc, \"id\" desc"
      + " fetch next ? rows only";
  private static final String POSTGRES_GUARD = "select exists (select 1 as \"one\" from \"workflow_runs\" where"
      + " (\"workflow_id\" = ? and \"status\" in ('pending', 'running') and \"triggered_by\" = 'cron'"
      + " and \"updated_at\" > ?))";

  private QueryPlans() {}

  public static void main(String[] args) throws IOException, SQLException {
    List<String> backends = List.of("sqlite", "postgres");
    for (String arg : args) {
      if (arg.startsWith("--backend=")) {
        backends = List.of(arg.substring("--backend=".length()));
      } else {
        System.err.println("Unknown argument " + arg + "; expected --backend=sqlite|postgres");
        System.exit(2);
      }
    }
    for (String backend : backends) {
      try (WorkflowFixture fixture = new WorkflowFixture(backend)) {
        System.out.println("== " + backend + ": " + WorkflowFixture.RUNS + " runs in one workflow");
        print(fixture);
      }
    }
  }

  private static void print(WorkflowFixture fixture) throws SQLException {
    String workflow = fixture.workflowId.toString();
    Instant keyCreated = fixture.lastBeforeDeep.createdAt();
    String keyId = fixture.lastBeforeDeep.id().toString();
    Instant stale = Instant.now().minusSeconds(3600);
    int limit = WorkflowFixture.PAGE_SIZE + 1;
    try (Connection connection = fixture.dataSource.getConnection()) {
      if (fixture.postgres) {
        postgres(connection, "listRuns, first page", POSTGRES_FIRST, "text, int", workflow, limit);
        postgres(connection, "listRuns, " + WorkflowFixture.DEEP_OFFSET + " runs deep", POSTGRES_SEEK,
            "text, timestamptz, text, int", workflow, keyCreated, keyId, limit);
        postgres(connection, "cron overlap guard", POSTGRES_GUARD, "text, timestamptz", workflow, stale);
      } else {
        sqlite(connection, "listRuns, first page", SQLITE_FIRST, workflow, limit);
        sqlite(connection, "listRuns, " + WorkflowFixture.DEEP_OFFSET + " runs deep", SQLITE_SEEK,
            workflow, keyCreated, keyId, limit);
        sqlite(connection, "cron overlap guard", SQLITE_GUARD, workflow, stale);
      }
    }
  }

  private static void sqlite(Connection connection, String title, String sql, Object... values)
      throws SQLException {
    System.out.println("-- " + title + "\n" + sql);
    try (PreparedStatement statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
      for (int i = 0; i < values.length; i++) {
        Object value = values[i];
        statement.setObject(i + 1, value instanceof Instant instant ? UpstreamTimestamps.format(instant) : value);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          System.out.println("   " + rows.getString("detail"));
        }
      }
    }
    System.out.println();
  }

  private static void postgres(Connection connection, String title, String sql, String types, Object... values)
      throws SQLException {
    System.out.println("-- " + title + "\n" + sql);
    System.out.println("   custom plan (values bound):");
    try (PreparedStatement statement = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
      for (int i = 0; i < values.length; i++) {
        Object value = values[i];
        statement.setObject(i + 1, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
      }
      printRows(statement.executeQuery());
    }
    System.out.println("   generic plan:");
    // PREPARE takes $n placeholders and EXECUTE literals; the plan does not depend on the literals once forced generic.
    String numbered = sql;
    for (int i = 1; numbered.contains("?"); i++) {
      numbered = numbered.replaceFirst("\\?", "\\$" + i);
    }
    StringBuilder literals = new StringBuilder();
    for (Object value : values) {
      literals.append(literals.length() == 0 ? "" : ", ")
          .append(value instanceof Integer ? value.toString() : "'" + value + "'");
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
      statement.execute("PREPARE plan_probe (" + types + ") AS " + numbered);
      printRows(statement.executeQuery("EXPLAIN EXECUTE plan_probe (" + literals + ")"));
      // Prepared statements belong to the session, not the transaction: the rollback would leave it in the pool.
      statement.execute("DEALLOCATE plan_probe");
    } finally {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    }
    System.out.println();
  }

  private static void printRows(ResultSet rows) throws SQLException {
    try (rows) {
      while (rows.next()) {
        System.out.println("     " + rows.getString(1));
      }
    }
  }
}
