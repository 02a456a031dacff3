package io.orcheo.persistence.it.chatkit;

import static io.orcheo.persistence.it.chatkit.ChatPlanFixture.PAGE_SIZE;
import static io.orcheo.persistence.it.chatkit.ChatPlanFixture.RARE_WORD;
import static io.orcheo.persistence.it.chatkit.ChatPlanFixture.THREAD_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.chatkit.ChatPage;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.core.chatkit.ThreadItem;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.runtime.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SQLite serves {@code searchItems} from the FTS5 table {@code chat_messages_fts} and the pages of
 * {@code listItems} by a seek in {@code idx_chat_messages_thread_ordinal_id}, with the data of
 * {@link ChatPlanFixture} (and no {@code ANALYZE}, as in production: the store never runs it on SQLite).
 *
 * <p>The statements explained ({@code EXPLAIN QUERY PLAN}) are the ones the store issued, recorded with their binds
 * ({@link RecordedStatement}). SQLite plans once per statement text whatever the values, so there is no second plan
 * to check as on PostgreSQL.
 */
class SqliteChatSearchPlanTest extends BackendContract {
  private ChatPlanFixture data;

  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }

  @BeforeEach
  void seed() throws SQLException {
    data = new ChatPlanFixture(persistence, false);
  }

  @ParameterizedTest
  @EnumSource(SortOrder.class)
  void aSearchMatchesInTheFts5TableAndReadsTheThreadInIndexOrder(SortOrder order) throws SQLException {
    ChatPage<ThreadItem> page = data.recorded.searchItems(THREAD_ID, RARE_WORD, ChatPlanFixture.first(order));

    assertThat(page.data()).extracting(ThreadItem::id).containsExactlyElementsOf(data.rareItems(order));
    RecordedStatement search = data.takePageStatement();
    assertThat(search.sql()).contains("chat_messages_fts MATCH ?");
    List<String> plan = plan(search);
    // The MATCH is answered by the full-text index (FTS5's index plan for a MATCH constraint is "M…"), once, as a
    // list the rows of the thread are checked against.
    assertThat(plan).anySatisfy(line -> assertThat(line).matches("\\s*SCAN chat_messages_fts VIRTUAL TABLE INDEX \\d+:M.*"));
    assertThat(plan).anySatisfy(line -> assertThat(line).contains(
        "SEARCH chat_messages USING INDEX idx_chat_messages_thread_ordinal_id (thread_id=?)"));
    assertThat(plan).noneSatisfy(line -> assertThat(line).contains("TEMP B-TREE"));
    assertThat(plan).noneSatisfy(line -> assertThat(line).startsWith("SCAN chat_messages "));
  }

  @ParameterizedTest
  @EnumSource(SortOrder.class)
  void aDeepPageIsASeekInTheKeysetIndex(SortOrder order) throws SQLException {
    int depth = ChatPlanFixture.ITEMS - 2 * PAGE_SIZE;
    ChatPage<ThreadItem> page = data.recorded.listItems(THREAD_ID, data.pageAt(depth, order));
    int firstOrdinal = order == SortOrder.ASC ? depth : ChatPlanFixture.ITEMS - 1 - depth;
    assertThat(page.data().get(0).id()).isEqualTo(data.items.get(firstOrdinal));

    List<String> plan = plan(data.takePageStatement());

    assertThat(plan).containsExactly("SEARCH chat_messages USING INDEX idx_chat_messages_thread_ordinal_id"
        + " (thread_id=? AND (ordinal,id)" + (order == SortOrder.ASC ? ">" : "<") + "(?,?))");
  }

  @Test
  void theFirstPageReadsTheKeysetIndexInOrder() throws SQLException {
    data.recorded.listItems(THREAD_ID, ChatPlanFixture.first(SortOrder.DESC));

    assertThat(plan(data.takePageStatement())).containsExactly(
        "SEARCH chat_messages USING INDEX idx_chat_messages_thread_ordinal_id (thread_id=?)");
  }

  /** The {@code detail} of each row of {@code EXPLAIN QUERY PLAN}, stripped. */
  private List<String> plan(RecordedStatement statement) throws SQLException {
    try (Connection connection = persistence.database(Store.CHATKIT).dataSource().getConnection()) {
      return statement.run(connection, "EXPLAIN QUERY PLAN ", "detail").stream().map(String::strip).toList();
    }
  }
}
