package io.orcheo.persistence.it.checkpoints;

import static io.orcheo.persistence.jooq.generated.Tables.AGENTENSOR_CHECKPOINTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.checkpoints.CheckpointQuery;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.PostgresPlan;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.checkpoints.JooqAgentensorCheckpointStore;
import io.orcheo.persistence.jooq.json.JsonPredicates;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.jooq.runtime.Transactor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL serves {@code findCheckpoints}' metadata filter from the GIN index
 * {@code idx_agentensor_checkpoints_metadata}.
 *
 * <p>The table is filled with {@value #ROWS} checkpoints over {@value #WORKFLOWS} workflows with varied metadata
 * ({@code team} takes {@value #TEAMS} values, so {@code {"team": "team-7"}} matches 50 rows across all workflows),
 * then analysed. The predicate explained is the one jOOQ renders with the store's own DSL and
 * {@link JsonPredicates}, and the first test checks that {@code findCheckpoints} really executes it. It is explained
 * alone, across all workflows: with its {@code workflow_id = ?} conjunct the planner is free to prefer the B-tree
 * {@code idx_agentensor_checkpoints_workflow} for a workflow's hundred rows, which says nothing about the GIN index.
 * The last test drops the index in this test's own database and shows the plan falls back to a sequential scan, so
 * the index assertion is one that can fail.
 *
 * <p><b>Why {@code jsonb_path_ops}.</b> The schema creates the index {@code USING GIN (metadata jsonb_path_ops)}
 * rather than upstream's default {@code jsonb_ops}. {@code jsonb_path_ops} indexes one hash per path-to-value
 * (for example {@code team → "team-7"}) instead of one entry per key and per value, so the index is smaller and a
 * containment lookup probes fewer, more selective entries. What it gives up is the key-existence operators
 * ({@code ?}, {@code ?|}, {@code ?&}), which it cannot serve. The store only ever filters JSON with {@code @>}
 * ({@code PostgresJsonPredicates.contains}; metric ordering reads values with {@code ->}/{@code ->>}, which no GIN
 * index serves anyway), so nothing it runs needs {@code jsonb_ops}.
 */
class PostgresCheckpointIndexTest extends BackendContract {
  private static final int ROWS = 20_000;
  private static final int WORKFLOWS = 200;
  private static final int TEAMS = 400;
  private static final String INDEX = "idx_agentensor_checkpoints_metadata";
  private static final ObjectNode FILTER = (ObjectNode) JsonCodec.read("{\"team\": \"team-7\"}");

  private DSLContext dsl;

  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }

  @BeforeEach
  void fillAndAnalyse() throws SQLException {
    dsl = persistence.database(Store.REPOSITORY).transactor().read("borrow the store's DSL", d -> d);
    execute("""
        INSERT INTO agentensor_checkpoints
          (id, workflow_id, config_version, runnable_config, metrics, metadata, artifact_url, is_best, created_at)
        SELECT md5(g::text)::uuid::text,
               'workflow-' || (g %% %d),
               g / %d + 1,
               jsonb_build_object('prompt', repeat('p', 300), 'temperature', (g %% 10) / 10.0),
               jsonb_build_object('accuracy', (g %% 1000) / 1000.0, 'loss', (g %% 997) / 997.0),
               jsonb_build_object(
                 'team', 'team-' || (g %% %d),
                 'tags', jsonb_build_array('t' || (g %% 7), 't' || (g %% 11)),
                 'run', jsonb_build_object('seed', g %% 50, 'env', CASE WHEN g %% 3 = 0 THEN 'prod' ELSE 'dev' END),
                 'tuned', g %% 2 = 0),
               NULL,
               FALSE,
               TIMESTAMPTZ '2025-01-01 00:00:00+00' + g * INTERVAL '1 second'
        FROM generate_series(0, %d) AS g""".formatted(WORKFLOWS, WORKFLOWS, TEAMS, ROWS - 1));
    execute("ANALYZE agentensor_checkpoints");
  }

  @Test
  void findCheckpointsFiltersMetadataWithThePredicateExplainedHere() {
    List<String> executed = new CopyOnWriteArrayList<>();
    DSLContext recording = dsl.configuration().deriveAppending(new ExecuteListener() {
      @Override
      public void executeStart(ExecuteContext ctx) {
        executed.add(ctx.dsl().renderInlined(ctx.query()));
      }
    }).dsl();
    var store = new JooqAgentensorCheckpointStore(new Transactor(recording, 1), clock);

    var page = store.findCheckpoints("workflow-7", CheckpointQuery.all().withMetadataContaining(FILTER),
        PageRequest.first(100));

    assertThat(page.items()).isNotEmpty().allSatisfy(c -> assertThat(c.metadata().get("team").textValue())
        .isEqualTo("team-7"));
    assertThat(containment()).startsWith("\"metadata\" @> ");
    assertThat(executed).singleElement().asString().contains(" and " + containment() + ")");
  }

  @Test
  void theMetadataFilterIsServedByTheGinIndexAcrossAllWorkflows() throws SQLException {
    List<JsonNode> nodes = PostgresPlan.nodes(explain());

    assertThat(nodes).anySatisfy(node -> {
      assertThat(node.path("Node Type").asText()).isEqualTo("Bitmap Index Scan");
      assertThat(node.path("Index Name").asText()).isEqualTo(INDEX);
    });
    assertThat(nodes).extracting(node -> node.path("Node Type").asText()).doesNotContain("Seq Scan");
  }

  @Test
  void withoutTheGinIndexTheSameFilterScansTheWholeTable() throws SQLException {
    execute("DROP INDEX " + INDEX);
    execute("ANALYZE agentensor_checkpoints");

    List<JsonNode> nodes = PostgresPlan.nodes(explain());

    assertThat(nodes).extracting(node -> node.path("Node Type").asText()).contains("Seq Scan");
    assertThat(nodes).extracting(node -> node.path("Index Name").asText()).doesNotContain(INDEX);
  }

  @Test
  void theIndexIsAGinIndexWithJsonbPathOps() throws SQLException {
    List<List<String>> definition = query("SELECT indexdef FROM pg_indexes WHERE indexname = ?", INDEX);

    assertThat(definition).singleElement().satisfies(row -> assertThat(row.get(0))
        .containsIgnoringCase("USING gin (metadata jsonb_path_ops)"));
  }

  // ------------------------------------------------------------------------------------------------------ helpers

  /**
   * The store's containment predicate, selected alone over every workflow, as jOOQ renders it with the store's DSL
   * (filter inlined): {@code select … from "agentensor_checkpoints" where "metadata" @> cast('…' as jsonb)}.
   */
  private String containmentQuery() {
    Condition contains = JsonPredicates.of(dsl).contains(AGENTENSOR_CHECKPOINTS.METADATA, FILTER);
    return dsl.renderInlined(dsl.selectFrom(AGENTENSOR_CHECKPOINTS).where(contains));
  }

  /** The predicate of {@link #containmentQuery()}, as it appears inside any query on the table. */
  private String containment() {
    String query = containmentQuery();
    return query.substring(query.lastIndexOf(" where ") + " where ".length());
  }

  /** {@code EXPLAIN (FORMAT JSON)} of {@link #containmentQuery()}. */
  private JsonNode explain() throws SQLException {
    return JsonCodec.read(query("EXPLAIN (FORMAT JSON) " + containmentQuery()).get(0).get(0));
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = persistence.database(Store.REPOSITORY).dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private List<List<String>> query(String sql, Object... parameters) throws SQLException {
    try (Connection connection = persistence.database(Store.REPOSITORY).dataSource().getConnection()) {
      return Rows.query(connection, sql, parameters);
    }
  }
}
