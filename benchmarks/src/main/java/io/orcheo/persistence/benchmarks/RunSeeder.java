package io.orcheo.persistence.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.workflows.WorkflowRun;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Setup only: fills {@code workflow_runs} with copies of a run the repository wrote, by JDBC batches in one
 * transaction.
 *
 * <p>Why not through the repository: {@code createRun} is one transaction per run (0.2 ms on SQLite, 0.5 ms on
 * PostgreSQL once warm: 20–50 s per trial, and a report has ten), and it stamps every run with the clock, so 100 000
 * runs would share a few seconds of creation times instead of spreading over weeks as a real history does.
 * {@code dispatchManualRuns} batches, but gives a whole batch one timestamp.
 *
 * <p>Why the copies are faithful: each is the template's stored payload (read back from its row, so exactly what
 * the repository writes, audit log included) with a new id and every timestamp moved back by the same amount;
 * the columns are bound as the repository binds them ({@code cast(? as jsonb)} and {@code timestamptz} on
 * PostgreSQL, upstream's isoformat text on SQLite). The template has succeeded, so, like a succeeded run the
 * repository wrote, the copies have no {@code workflow_run_retries} row.
 */
final class RunSeeder {
  /** Time between consecutive seeded runs: 100 000 runs span about a month. */
  static final Duration SPACING = Duration.ofSeconds(26);
  private static final int BATCH = 1_000;

  private final DataSource dataSource;
  private final boolean postgres;
  /** Fixed, so every trial seeds the same creation-time pattern. */
  private final Random random = new Random(42);

  RunSeeder(DataSource dataSource, boolean postgres) {
    this.dataSource = dataSource;
    this.postgres = postgres;
  }

  /**
   * Inserts {@code count} copies of {@code template}, each older than the previous one.
   *
   * @return the ids of the template and its copies, newest first: the order of a listing
   */
  List<UUID> seed(WorkflowRun template, int count) {
    String json = postgres ? "cast(? as jsonb)" : "?";
    String insert = "INSERT INTO workflow_runs (id, workflow_id, workflow_version_id, status, triggered_by, payload,"
        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, " + json + ", ?, ?)";
    List<UUID> ids = new ArrayList<>(count + 1);
    ids.add(template.id());
    try (Connection connection = dataSource.getConnection()) {
      ObjectNode document = storedPayload(connection, template.id());
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement(insert)) {
        for (int i = 1; i <= count; i++) {
          // Less than a second of jitter on 26 s steps: distinct, strictly older, and most with a fraction.
          Duration age = SPACING.multipliedBy(i).plusNanos(random.nextInt(1_000_000) * 1_000L);
          UUID id = UUID.randomUUID();
          ids.add(id);
          statement.setString(1, id.toString());
          statement.setString(2, template.workflowId().toString());
          statement.setString(3, template.workflowVersionId().toString());
          statement.setString(4, template.status().value());
          statement.setString(5, template.triggeredBy());
          statement.setString(6, JsonCodec.write(copy(document, id, age)));
          setInstant(statement, 7, template.createdAt().minus(age));
          setInstant(statement, 8, template.updatedAt().minus(age));
          statement.addBatch();
          if (i % BATCH == 0) {
            statement.executeBatch();
          }
        }
        statement.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot seed " + count + " runs", e);
    }
    return ids;
  }

  private static ObjectNode storedPayload(Connection connection, UUID runId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT payload FROM workflow_runs WHERE id = ?")) {
      statement.setString(1, runId.toString());
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("The template run " + runId + " is not stored");
        }
        return (ObjectNode) JsonCodec.read(rows.getString(1));
      }
    }
  }

  /** The template document with {@code id}, and every timestamp in it {@code age} earlier. */
  private static ObjectNode copy(ObjectNode template, UUID id, Duration age) {
    ObjectNode document = template.deepCopy();
    document.put("id", id.toString());
    for (String field : List.of("created_at", "updated_at", "started_at", "completed_at")) {
      moveBack(document, field, age);
    }
    for (JsonNode event : document.path("audit_log")) {
      moveBack((ObjectNode) event, "at", age);
    }
    return document;
  }

  private static void moveBack(ObjectNode document, String field, Duration age) {
    JsonNode value = document.path(field);
    if (value.isTextual()) {
      String text = UpstreamTimestamps.format(UpstreamTimestamps.parse(value.textValue()).minus(age));
      // Run documents spell UTC with Z (pydantic's form), the columns with +00:00 (isoformat's).
      document.put(field, text.substring(0, text.length() - "+00:00".length()) + "Z");
    }
  }

  private void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
    if (postgres) {
      statement.setObject(index, UpstreamTimestamps.normalize(value).atOffset(ZoneOffset.UTC));
    } else {
      statement.setString(index, UpstreamTimestamps.format(value));
    }
  }
}
