package io.orcheo.persistence.it.chatkit;

import static io.orcheo.persistence.it.chatkit.ChatThreadsFixture.PAGE_SIZE;
import static io.orcheo.persistence.it.support.PostgresPlan.maxRowsRead;
import static io.orcheo.persistence.it.support.PostgresPlan.nodes;
import static io.orcheo.persistence.it.support.PostgresPlan.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.core.chatkit.ChatPage;
import io.orcheo.persistence.core.chatkit.ChatPageRequest;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.it.chatkit.ChatThreadsFixture.Listing;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.runtime.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PostgreSQL reads a deep page of threads ({@code listThreads}, scoped or not, and {@code filterThreads}) as a range
 * of an index on {@code created_at} starting at the page's keyset, so a page costs about a page of rows wherever it
 * is, with the data of {@link ChatThreadsFixture}.
 *
 * <p>The statements are the ones the store issued ({@link RecordedStatement}); each is explained with
 * {@code ANALYZE}, in its custom plan (values bound) and in its generic plan (the plan a statement prepared on the
 * server may keep after five executions), and the rows its plan nodes read (returned plus removed by a filter) must
 * stay within a few pages. Which index serves a page is the planner's choice ({@code idx_chat_threads_created} or
 * {@code idx_chat_threads_created_id}, and {@code idx_chat_threads_workflow_created} for a workflow with few threads):
 * what matters is that none reads the listing whole.
 */
class PostgresChatPagePlanTest extends BackendContract {
  private static final long FEW_PAGES = 10L * (PAGE_SIZE + 1);

  private ChatThreadsFixture data;

  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }

  @BeforeEach
  void seed() throws SQLException {
    data = new ChatThreadsFixture(persistence, true);
  }

  @ParameterizedTest
  @EnumSource(Listing.class)
  void aDeepPageOfThreadsReadsAboutOnePage(Listing listing) throws SQLException {
    List<String> listed = data.listed(listing);
    int depth = listed.size() - 2 * PAGE_SIZE;
    ChatPage<ChatThread> page = listing.list(data.recorded, ChatThreadsFixture.pageAt(listed, depth));
    assertThat(page.data()).extracting(ChatThread::id).containsExactlyElementsOf(
        listed.subList(depth, depth + PAGE_SIZE));
    RecordedStatement deep = data.takePageStatement();
    assertThat(deep.sql()).contains("(\"created_at\", \"id\") < (?, ?)");

    try (Connection connection = connection()) {
      List<JsonNode> custom = nodes(JsonCodec.read(
          deep.run(connection, "EXPLAIN (ANALYZE, FORMAT JSON) ", "QUERY PLAN").get(0)));
      List<JsonNode> generic = nodes(JsonCodec.read(deep.genericPlan(connection, "(ANALYZE, FORMAT JSON)").get(0)));
      for (List<JsonNode> plan : List.of(custom, generic)) {
        assertThat(plan).anySatisfy(node -> {
          assertThat(node.path("Node Type").asText()).isIn("Index Scan", "Index Only Scan");
          assertThat(node.path("Index Name").asText()).startsWith("idx_chat_threads_");
          assertThat(node.path("Index Cond").asText()).contains("created_at");
        });
        assertThat(plan).extracting(node -> node.path("Node Type").asText()).doesNotContain("Seq Scan", "Sort");
        assertThat(maxRowsRead(plan)).as("rows read: %s", summary(plan)).isLessThanOrEqualTo(FEW_PAGES);
      }
    }
  }

  /**
   * {@code filterThreads} with a filter that a handful of threads match, run the way a pooled connection runs it:
   * the filter is a bind value, so every filter shares one statement text; the JDBC driver prepares it on the server
   * after five executions, and the server may then keep the generic plan, which estimates {@code @>} at a fixed 1 %
   * and would walk {@code idx_chat_threads_created} from the newest thread, filtering every one when few match.
   * Here the server keeps planning for the values (the generic plan's estimate, a walk of most of the index to fill
   * a page, costs more than the custom plans' average), so a rare filter reads a few entries of the GIN index
   * {@code idx_chat_threads_metadata}. Compare {@code searchItems}, whose generic plan is kept
   * ({@link PostgresChatSearchPlanTest}).
   */
  @Test
  void aRareFilterReadsAboutOnePageOnceTheStatementIsPreparedOnTheServer() throws SQLException {
    List<RecordedStatement> filters = new ArrayList<>();
    for (String team : List.of(ChatThreadsFixture.RARE_TEAM, ChatThreadsFixture.COMMON_TEAM, "team-1", "team-2",
        ChatThreadsFixture.RARE_TEAM, ChatThreadsFixture.RARE_TEAM)) {
      data.recorded.filterThreads(ChatThreadsFixture.teamFilter(team), ChatPageRequest.first(PAGE_SIZE, SortOrder.DESC));
      filters.add(data.takePageStatement());
    }
    assertThat(filters).extracting(RecordedStatement::sql).containsOnly(filters.get(0).sql());

    List<JsonNode> plan;
    try (Connection connection = connection(); Statement statement = connection.createStatement()) {
      statement.execute("PREPARE filter AS " + filters.get(0).numbered());
      for (RecordedStatement filter : filters.subList(0, 5)) {
        statement.execute("EXECUTE filter" + filter.executeArguments());
      }
      plan = nodes(JsonCodec.read(RecordedStatement.lines(statement.executeQuery(
          "EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE filter" + filters.get(5).executeArguments())).get(0)));
      statement.execute("DEALLOCATE filter");
    }

    assertThat(maxRowsRead(plan)).as("rows read by the plan of the 6th execution: %s", summary(plan))
        .isLessThanOrEqualTo(FEW_PAGES);
  }

  // ------------------------------------------------------------------------------------------------------ helpers

  private Connection connection() throws SQLException {
    return persistence.database(Store.CHATKIT).dataSource().getConnection();
  }
}
