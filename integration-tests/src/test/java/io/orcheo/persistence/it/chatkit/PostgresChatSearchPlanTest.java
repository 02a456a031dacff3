package io.orcheo.persistence.it.chatkit;

import static io.orcheo.persistence.it.chatkit.ChatPlanFixture.COMMON_WORD;
import static io.orcheo.persistence.it.chatkit.ChatPlanFixture.PAGE_SIZE;
import static io.orcheo.persistence.it.chatkit.ChatPlanFixture.RARE_WORD;
import static io.orcheo.persistence.it.chatkit.ChatPlanFixture.THREAD_ID;
import static io.orcheo.persistence.it.support.PostgresPlan.maxRowsRead;
import static io.orcheo.persistence.it.support.PostgresPlan.nodes;
import static io.orcheo.persistence.it.support.PostgresPlan.summary;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PostgreSQL serves {@code searchItems} from the GIN index {@code idx_chat_messages_search} on the generated
 * {@code search_vector} column, and a deep page of {@code listItems} by a seek in
 * {@code idx_chat_messages_thread_ordinal_id}, with the data of {@link ChatPlanFixture} after {@code VACUUM ANALYZE}.
 *
 * <p>The statements explained are the ones the store issued: a store on the same database records what it hands the
 * JDBC driver (SQL and bind calls, {@link RecordedStatement}), and each plan is that statement's, run again with the
 * same binds. Two plans matter: the <em>custom</em> plan, made for the values of one execution (what
 * {@code EXPLAIN} with bound values shows, and what the first executions of a statement use), and the
 * <em>generic</em> plan, made once for any values: the JDBC driver prepares a statement on the server after five
 * executions on a connection, and the server may then switch to the generic plan for good if its estimated cost is
 * no higher than the custom plans' average. Both are checked, and so is the plan the server really settles on: the
 * statement prepared ({@code PREPARE}, as the driver does), executed five times, and explained at the sixth.
 */
class PostgresChatSearchPlanTest extends BackendContract {
  private static final String SEARCH_INDEX = "idx_chat_messages_search";
  private static final String PAGE_INDEX = "idx_chat_messages_thread_ordinal_id";
  private static final long FEW_PAGES = 10L * (PAGE_SIZE + 1);

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
    // Literals only: a statement without bind values has no generic plan for the server to settle on.
    assertThat(search.sql()).contains("\"search_vector\" @@ to_tsquery('english'::regconfig, '")
        .contains("\"thread_id\" = '" + THREAD_ID + "'").contains("order by \"ordinal\" desc, \"id\" desc")
        .doesNotContain("?");
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
   * A common word's search, run the way a pooled connection runs it: after five executions on a connection the JDBC
   * driver prepares the statement on the server, and from the sixth execution the server may keep a generic plan,
   * made once for any bind values. A search is one page, so whatever the number of matches the plan the server
   * settles on must read about a page: walk {@code idx_chat_messages_thread_ordinal_id} from the thread's end and
   * stop after {@code limit + 1} matches.
   *
   * <p>This holds since the store renders a search's values as literals. Bound, the tsquery made one statement text
   * for every search, whose generic plan could not know how many rows the tsquery matches, estimated one (a BitmapAnd
   * of {@code idx_chat_messages_thread_ordinal_id} and {@code idx_chat_messages_search}, then a Sort) and was kept
   * for that low estimate: a common word then read every entry of the thread and every match, and sorted them.
   */
  @Test
  void aCommonWordReadsAboutOnePageOnceTheStatementIsPreparedOnTheServer() throws SQLException {
    List<JsonNode> plan = planOfTheSixthExecution(COMMON_WORD, PAGE_SIZE);

    assertThat(maxRowsRead(plan)).as("rows read by the plan of the 6th execution: %s", summary(plan))
        .isLessThanOrEqualTo(FEW_PAGES);
  }

  /** The same for a rare word: its few entries of {@code idx_chat_messages_search}, then the thread's filter. */
  @Test
  void aRareWordReadsAboutItsMatchesOnceTheStatementIsPreparedOnTheServer() throws SQLException {
    List<JsonNode> plan = planOfTheSixthExecution(RARE_WORD, ChatPlanFixture.RARE_ORDINALS.size());

    assertThat(maxRowsRead(plan)).as("rows read by the plan of the 6th execution: %s", summary(plan))
        .isLessThanOrEqualTo(FEW_PAGES);
  }

  // ------------------------------------------------------------------------------------------------------ helpers

  /**
   * The store's search for {@code query}, recorded, then prepared on the server, executed five times and explained
   * ({@code ANALYZE}) at the sixth execution: the plan a connection that has run it five times uses.
   */
  private List<JsonNode> planOfTheSixthExecution(String query, int found) throws SQLException {
    ChatPage<ThreadItem> page = data.recorded.searchItems(THREAD_ID, query, ChatPlanFixture.first(SortOrder.DESC));
    assertThat(page.data()).hasSize(found);
    RecordedStatement search = data.takePageStatement();
    try (Connection connection = connection(); Statement statement = connection.createStatement()) {
      statement.execute("PREPARE search AS " + search.numbered());
      try {
        for (int i = 0; i < 5; i++) {
          statement.execute("EXECUTE search" + search.executeArguments());
        }
        return nodes(JsonCodec.read(RecordedStatement.lines(statement.executeQuery(
            "EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE search" + search.executeArguments())).get(0)));
      } finally {
        statement.execute("DEALLOCATE search");
      }
    }
  }

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

  private Connection connection() throws SQLException {
    return persistence.database(Store.CHATKIT).dataSource().getConnection();
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = connection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
