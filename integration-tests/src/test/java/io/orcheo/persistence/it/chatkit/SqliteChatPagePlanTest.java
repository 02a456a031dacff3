package io.orcheo.persistence.it.chatkit;

import static io.orcheo.persistence.it.chatkit.ChatThreadsFixture.PAGE_SIZE;
import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.chatkit.ChatPage;
import io.orcheo.persistence.core.chatkit.ChatPageRequest;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.it.chatkit.ChatThreadsFixture.Listing;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.runtime.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SQLite reads the thread listings, page 1 and deep pages, in the order of the keyset indexes the schema declares for
 * them ({@code idx_chat_threads_created_id}, and {@code idx_chat_threads_workflow_created} for a workflow), seeking
 * to the page's keyset, with the data of {@link ChatThreadsFixture}. The statements are the ones the store issued
 * ({@link RecordedStatement}). A metadata filter has no index on SQLite (nor does upstream filter there): its rows
 * are checked one by one along {@code idx_chat_threads_created_id}, from the keyset on.
 */
class SqliteChatPagePlanTest extends BackendContract {
  private ChatThreadsFixture data;

  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }

  @BeforeEach
  void seed() throws SQLException {
    data = new ChatThreadsFixture(persistence, false);
  }

  @ParameterizedTest
  @EnumSource(Listing.class)
  void aDeepPageOfThreadsIsASeekInItsKeysetIndex(Listing listing) throws SQLException {
    List<String> listed = data.listed(listing);
    int depth = listed.size() - 2 * PAGE_SIZE;
    ChatPage<ChatThread> page = listing.list(data.recorded, ChatThreadsFixture.pageAt(listed, depth));
    assertThat(page.data()).extracting(ChatThread::id).containsExactlyElementsOf(
        listed.subList(depth, depth + PAGE_SIZE));

    assertThat(plan(data.takePageStatement())).containsExactly(switch (listing) {
      case WORKFLOW -> "SEARCH chat_threads USING INDEX idx_chat_threads_workflow_created"
          + " (workflow_id=? AND (created_at,id)<(?,?))";
      case ALL, FILTERED -> "SEARCH chat_threads USING INDEX idx_chat_threads_created_id ((created_at,id)<(?,?))";
    });
  }

  @ParameterizedTest
  @EnumSource(Listing.class)
  void theFirstPageReadsItsIndexInOrder(Listing listing) throws SQLException {
    listing.list(data.recorded, ChatPageRequest.first(PAGE_SIZE, SortOrder.DESC));

    assertThat(plan(data.takePageStatement())).containsExactly(switch (listing) {
      case WORKFLOW -> "SEARCH chat_threads USING INDEX idx_chat_threads_workflow_created (workflow_id=?)";
      case ALL, FILTERED -> "SCAN chat_threads USING INDEX idx_chat_threads_created_id";
    });
  }

  /** The {@code detail} of each row of {@code EXPLAIN QUERY PLAN}, stripped. */
  private List<String> plan(RecordedStatement statement) throws SQLException {
    try (Connection connection = persistence.database(Store.CHATKIT).dataSource().getConnection()) {
      return statement.run(connection, "EXPLAIN QUERY PLAN ", "detail").stream().map(String::strip).toList();
    }
  }
}
