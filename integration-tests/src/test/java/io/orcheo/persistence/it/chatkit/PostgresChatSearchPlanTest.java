package io.orcheo.persistence.it.chatkit;

import static io.orcheo.persistence.it.chatkit.ChatPlanFixture.COMMON_WORD;
import static io.orcheo.persistence.it.chatkit.ChatPlanFixture.PAGE_SIZE;
import static io.orcheo.persistence.it.chatkit.ChatPlanFixture.RARE_WORD;
import static io.orcheo.persistence.it.chatkit.ChatPlanFixture.THREAD_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.core.chatkit.ChatPage;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.core.chatkit.ThreadItem;
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
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PostgreSQL serves {@code searchItems} from the GIN index {@code idx_chat_messages_search} on the generated
 * {@code search_vector} column, and a deep page of {@code listItems} by a seek in
 * {@code idx_chat_messages_thread_ordinal_id}, with the data of {@link ChatPlanFixture} after {@code ANALYZE}.
 *
 * <p>The statements explained are the ones the store issued: a store on the same database records what it hands the
 * JDBC driver (SQL and bind calls, {@link RecordedStatement}), and each plan is that statement's, run again with the
 * same binds. Two plans matter: the <em>custom</em> plan, made for the values of one execution (what
 * {@code EXPLAIN} with bound values shows, and what the first executions of a statement use), and the
 * <em>generic</em> plan, made once for any values: the JDBC driver prepares a statement on the server after five
 * executions on a connection, and the server may then switch to the generic plan for good if its estimated cost is
 * no higher than the custom plans' average. Both are checked.
 */
class PostgresChatSearchPlanTest extends BackendContract {
  private static final String SEARCH_INDEX = "idx_chat_messages_search";
  private static final String PAGE_INDEX = "idx_chat_messages_thread_ordinal_id";

  private ChatPlanFixture data;

  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }

  @BeforeEach
  void seed() throws SQLException {
    data = new ChatPlanFixture(persistence, true);
  }

  @Test
  void searchItemsFindsTheRareWordWithTheStatementExplainedHere() {
    ChatPage<ThreadItem> page = data.recorded.searchItems(THREAD_ID, RARE_WORD, ChatPlanFixture.first(SortOrder.DESC));

    assertThat(page.data()).extracting(ThreadItem::id).containsExactlyElementsOf(data.rareItems(SortOrder.DESC));
    RecordedStatement search = data.takePageStatement();
    assertThat(search.sql()).contains("\"search_vector\" @@ to_tsquery('english'::regconfig, ?)")
        .contains("\"thread_id\" = ?").contains("order by \"ordinal\" desc, \"id\" desc");
  }

  @Test
  void aRareWordIsLookedUpInTheGinIndex() throws SQLException {
    data.recorded.searchItems(THREAD_ID, RARE_WORD, ChatPlanFixture.first(SortOrder.DESC));
    RecordedStatement search = data.takePageStatement();

    List<JsonNode> custom = nodes(customPlan(search));
    List<JsonNode> generic = nodes(genericPlan(search));

    for (List<JsonNode> plan : List.of(custom, generic)) {
      assertThat(plan).anySatisfy(node -> {
        assertThat(node.path("Node Type").asText()).isEqualTo("Bitmap Index Scan");
        assertThat(node.path("Index Name").asText()).isEqualTo(SEARCH_INDEX);
      });
      assertThat(plan).extracting(node -> node.path("Node Type").asText()).doesNotContain("Seq Scan");
    }
  }

  @Test
  void withoutTheGinIndexTheSameSearchDoesNotUseIt() throws SQLException {
    data.recorded.searchItems(THREAD_ID, RARE_WORD, ChatPlanFixture.first(SortOrder.DESC));
    RecordedStatement search = data.takePageStatement();
    execute("DROP INDEX " + SEARCH_INDEX);
    execute("ANALYZE chat_messages");

    assertThat(nodes(customPlan(search))).extracting(node -> node.path("Index Name").asText())
        .doesNotContain(SEARCH_INDEX);
  }

  @ParameterizedTest
  @EnumSource(SortOrder.class)
  void aDeepPageIsASeekInTheKeysetIndex(SortOrder order) throws SQLException {
    int depth = ChatPlanFixture.ITEMS - 2 * PAGE_SIZE;
    ChatPage<ThreadItem> page = data.recorded.listItems(THREAD_ID, data.pageAt(depth, order));
    int firstOrdinal = order == SortOrder.ASC ? depth : ChatPlanFixture.ITEMS - 1 - depth;
    assertThat(page.data().get(0).id()).isEqualTo(data.items.get(firstOrdinal));
    RecordedStatement deep = data.takePageStatement();
    assertThat(deep.sql()).contains("(\"ordinal\", \"id\") " + (order == SortOrder.ASC ? ">" : "<") + " (?, ?)");

    for (List<JsonNode> plan : List.of(nodes(customPlan(deep)), nodes(genericPlan(deep)))) {
      assertThat(plan).anySatisfy(node -> {
        assertThat(node.path("Node Type").asText()).isIn("Index Scan", "Index Only Scan");
        assertThat(node.path("Index Name").asText()).isEqualTo(PAGE_INDEX);
        assertThat(node.path("Scan Direction").asText()).isEqualTo(order == SortOrder.ASC ? "Forward" : "Backward");
        assertThat(node.path("Index Cond").asText()).contains("thread_id =")
            .contains("ROW(ordinal, id) " + (order == SortOrder.ASC ? ">" : "<") + " ROW(");
      });
      // Rows come in index order: nothing sorts the thread, nothing scans the table.
      assertThat(plan).extracting(node -> node.path("Node Type").asText())
          .doesNotContain("Sort", "Incremental Sort", "Seq Scan", "Bitmap Heap Scan");
    }
  }

  /**
   * The searches of a common word, run the way a pooled connection runs them: the statement's text is the same
   * whatever the words (they are a bind value), so after five executions the JDBC driver prepares it on the server,
   * and after five more the server compares the generic plan's estimate with the custom plans' average. A search is
   * one page: whatever the number of matches, it should read about a page of them, which the custom plan does (it
   * walks {@code idx_chat_messages_thread_ordinal_id} from the thread's end and stops after {@code limit + 1}
   * matches).
   */
  @Disabled("BUG: searchItems' generic plan reads every match of the thread and sorts them. The tsquery is bound, so"
      + " the generic plan cannot know how many rows it matches and estimates 1 (BitmapAnd of"
      + " idx_chat_messages_thread_ordinal_id and idx_chat_messages_search, Bitmap Heap Scan, Sort, Limit); its cost"
      + " is below the custom plans' average, so the server keeps it after the first executions on a connection,"
      + " and a common word then costs time proportional to its matches (ChatBenchmark: tens to hundreds of ms on a"
      + " long thread, against well under 1 ms for the custom plan). Rendering the tsquery inline (or planning the"
      + " statement with plan_cache_mode = force_custom_plan) keeps the custom plan.")
  @Test
  void aCommonWordSearchReadsAboutOnePageOnceTheStatementIsPreparedOnTheServer() throws SQLException {
    List<RecordedStatement> searches = new ArrayList<>();
    for (String query : List.of(RARE_WORD, COMMON_WORD, "\"connection pool\"", "invoice", "meeting", COMMON_WORD)) {
      data.recorded.searchItems(THREAD_ID, query, ChatPlanFixture.first(SortOrder.DESC));
      searches.add(data.takePageStatement());
    }
    assertThat(searches).extracting(RecordedStatement::sql).containsOnly(searches.get(0).sql());

    List<JsonNode> plan;
    try (Connection connection = connection(); Statement statement = connection.createStatement()) {
      statement.execute("PREPARE search AS " + searches.get(0).numbered());
      for (RecordedStatement search : searches.subList(0, 5)) {
        statement.execute("EXECUTE search" + search.executeArguments());
      }
      plan = nodes(JsonCodec.read(RecordedStatement.lines(statement.executeQuery(
          "EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE search" + searches.get(5).executeArguments())).get(0)));
      statement.execute("DEALLOCATE search");
    }

    assertThat(data.recorded.searchItems(THREAD_ID, COMMON_WORD, ChatPlanFixture.first(SortOrder.DESC)).data())
        .hasSize(PAGE_SIZE);
    List<String> read = plan.stream().map(node -> node.path("Node Type").asText()
        + (node.has("Index Name") ? " " + node.path("Index Name").asText() : "")
        + ": " + node.path("Actual Rows").asLong() + " rows").toList();
    assertThat(plan.stream().mapToLong(node -> node.path("Actual Rows").asLong()).max().orElse(0))
        .as("rows read by the plan of the 6th execution: %s", read)
        .isLessThanOrEqualTo(10L * (PAGE_SIZE + 1));
  }

  // ------------------------------------------------------------------------------------------------------ helpers

  /** {@code EXPLAIN (FORMAT JSON)} of the statement with its recorded values bound: the custom plan. */
  private JsonNode customPlan(RecordedStatement statement) throws SQLException {
    try (Connection connection = connection()) {
      return JsonCodec.read(statement.run(connection, "EXPLAIN (FORMAT JSON) ", "QUERY PLAN").get(0));
    }
  }

  /** The generic plan of the statement, in JSON. */
  private JsonNode genericPlan(RecordedStatement statement) throws SQLException {
    try (Connection connection = connection()) {
      return JsonCodec.read(statement.genericPlan(connection, "(FORMAT JSON)").get(0));
    }
  }

  /** Every node of the plan, depth first. */
  private static List<JsonNode> nodes(JsonNode explain) {
    List<JsonNode> nodes = new ArrayList<>();
    collect(explain.get(0).get("Plan"), nodes);
    assertThat(nodes).as("plan nodes of %s", explain).isNotEmpty();
    return nodes;
  }

  private static void collect(JsonNode node, List<JsonNode> nodes) {
    nodes.add(node);
    for (JsonNode child : node.path("Plans")) {
      collect(child, nodes);
    }
  }

  private Connection connection() throws SQLException {
    return persistence.database(Store.CHATKIT).dataSource().getConnection();
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = connection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
