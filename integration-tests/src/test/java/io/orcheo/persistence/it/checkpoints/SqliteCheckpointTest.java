package io.orcheo.persistence.it.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.checkpoints.AgentensorCheckpoint;
import io.orcheo.persistence.core.checkpoints.CheckpointQuery;
import io.orcheo.persistence.it.support.TestBackend;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link CheckpointContract} on SQLite (the repository's file), plus what only SQLite can hold: rows upstream wrote
 * with Python's {@code json.dumps}, whose metrics may be {@code NaN} or {@code Infinity} (PostgreSQL's {@code jsonb}
 * refuses them, so they never exist there).
 *
 * <p>Three contract tests are disabled here, and only here, for bugs of {@code SqliteJsonPredicates} that they
 * reveal; they still run on PostgreSQL, where they pass.
 */
class SqliteCheckpointTest extends CheckpointContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }

  // ------------------------------------------------------------------------------------------- SQLite only

  @Test
  void upstreamRowsWithNanOrInfiniteMetricsAreReadAndNanIsLeftOutOfTheRanking() throws SQLException {
    upstreamRow("nan", "{\"loss\": NaN}");
    upstreamRow("infinity", "{\"loss\": Infinity}");
    upstreamRow("minusInfinity", "{\"loss\": -Infinity}");
    upstreamRow("half", "{\"loss\": 0.5}");

    assertThat(store().listCheckpoints(WORKFLOW, null)).hasSize(4);
    assertThat(labels(find(CheckpointQuery.byMetric("loss").lowestFirst())))
        .containsExactly("minusInfinity", "half", "infinity");
  }

  @Test
  void pagesOverUpstreamRowsWithInfiniteMetricsReturnEveryCheckpointOnce() throws SQLException {
    for (int i = 0; i < 3; i++) {
      upstreamRow("infinity" + i, "{\"loss\": Infinity}");
    }
    upstreamRow("half", "{\"loss\": 0.5}");

    List<String> ids = flatten(pageIds(CheckpointQuery.byMetric("loss"), 1));

    assertThat(ids).hasSize(4);
    assertThat(ids.get(3)).isEqualTo(store().listCheckpoints(WORKFLOW, null).stream()
        .filter(c -> labelOf(c).equals("half")).findFirst().map(AgentensorCheckpoint::id).orElseThrow());
  }

  /** A row as upstream's SQLite store writes it: {@code json.dumps} spacing, is_best 0, isoformat timestamps. */
  private void upstreamRow(String label, String metrics) throws SQLException {
    int version = (int) storedRows() + 1;
    rawUpdate("INSERT INTO agentensor_checkpoints (id, workflow_id, config_version, runnable_config, metrics, metadata,"
        + " artifact_url, is_best, created_at) VALUES (?, ?, ?, ?, ?, '{}', NULL, 0, ?)",
        UUID.randomUUID().toString(), WORKFLOW, version, "{\"label\": \"" + label + "\"}", metrics,
        "2025-01-02T03:04:0" + version + "+00:00");
  }
}
