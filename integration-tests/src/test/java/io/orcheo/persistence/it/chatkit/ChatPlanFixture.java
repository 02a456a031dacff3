package io.orcheo.persistence.it.chatkit;

import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatPageRequest;
import io.orcheo.persistence.core.chatkit.ChatStatus;
import io.orcheo.persistence.core.chatkit.ChatStore;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.core.chatkit.ThreadItem;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import io.orcheo.persistence.jooq.chatkit.JooqChatStore;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.jooq.runtime.Transactor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;

/**
 * The data of the ChatKit plan tests: one long thread of {@value #ITEMS} messages, user and assistant in turn, and
 * {@value #OTHER_THREADS} shorter threads of {@value #OTHER_ITEMS} each. {@value #RARE_WORD} is in three items of the
 * long thread (and in one item of each of two other threads, which a search of the long thread must leave out);
 * {@value #COMMON_WORD} is in about a third of all messages. Threads are saved through the store; items are inserted
 * by a JDBC batch in the store's formats (upstream's text forms on SQLite, {@code jsonb} and {@code timestamptz} on
 * PostgreSQL), so the schema's triggers and generated column index them as they index any writer's rows. PostgreSQL
 * then gets statistics ({@code ANALYZE}), as autovacuum would give it shortly after such a load.
 *
 * <p>{@link #recorded} is a store on the same database whose statements are recorded into {@link #statements}.
 */
final class ChatPlanFixture {
  static final int ITEMS = 4_000;
  static final int OTHER_THREADS = 30;
  static final int OTHER_ITEMS = 40;
  static final int PAGE_SIZE = 50;
  static final String RARE_WORD = "quokka";
  static final String COMMON_WORD = "workflow";
  static final String THREAD_ID = "thr_1f00d000";
  /** Ordinals of the long thread's items that mention {@link #RARE_WORD}. */
  static final Set<Integer> RARE_ORDINALS = Set.of(17, 1_234, 3_001);

  private static final Instant START = Instant.parse("2025-06-01T08:00:00Z");
  private static final List<String> SENTENCES = List.of(
      "Please check the nightly report before Monday.",
      "The workflow failed after the retry step, the log says the token expired.",
      "I increased the connection pool to forty connections and the timeouts stopped.",
      "Can you summarize the meeting with Priya and send it to the team?",
      "The invoice for March is attached, with the totals per customer.",
      "Our dashboard shows a slow query on the orders table.",
      "Thanks, that worked!",
      "The deployment finished in twelve minutes without errors.",
      "Which workflow sends the weekly newsletter to the sales team?",
      "A new connection is opened for every request, and the pool of workers is too small.",
      "Find me a hotel in Lisbon for the first week of October.",
      "I moved the meeting with Mateo to Thursday and sent a new invitation.");

  final ChatStore recorded;
  final List<RecordedStatement> statements = new CopyOnWriteArrayList<>();
  /** The long thread's item ids by ordinal. */
  final List<String> items = new ArrayList<>();

  ChatPlanFixture(OrcheoPersistence persistence, boolean postgres) throws SQLException {
    DSLContext dsl = persistence.database(Store.CHATKIT).transactor().read("borrow the store's DSL", d -> d);
    recorded = new JooqChatStore(new Transactor(RecordedStatement.recording(dsl, statements), 1), Clock.systemUTC(),
        persistence.settings().chatkitStorage());
    ChatStore chat = persistence.chat();
    chat.saveThread(new ChatThread(THREAD_ID, "Long thread", START, ChatStatus.ACTIVE, null), ChatContext.NONE);
    List<String> others = new ArrayList<>();
    for (int t = 0; t < OTHER_THREADS; t++) {
      String id = String.format(Locale.ROOT, "thr_0ther%03d", t);
      chat.saveThread(new ChatThread(id, "Other " + t, START.plusSeconds(60L * t), ChatStatus.ACTIVE, null),
          ChatContext.NONE);
      others.add(id);
    }
    String json = postgres ? "cast(? as jsonb)" : "?";
    try (Connection connection = persistence.database(Store.CHATKIT).dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO chat_messages (id, thread_id, ordinal,"
          + " item_type, item_json, created_at) VALUES (?, ?, ?, ?, " + json + ", ?)")) {
        int n = 0;
        for (int ordinal = 0; ordinal < ITEMS; ordinal++) {
          ThreadItem item = item(n++, THREAD_ID, ordinal, RARE_ORDINALS.contains(ordinal));
          items.add(item.id());
          add(insert, item, ordinal, postgres);
        }
        for (int t = 0; t < OTHER_THREADS; t++) {
          for (int ordinal = 0; ordinal < OTHER_ITEMS; ordinal++) {
            add(insert, item(n++, others.get(t), ordinal, t < 2 && ordinal == 7), ordinal, postgres);
          }
        }
        insert.executeBatch();
      }
      connection.commit();
      if (postgres) {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("VACUUM ANALYZE chat_threads");
          statement.execute("VACUUM ANALYZE chat_messages");
        }
      }
    }
  }

  /** Page 1 in {@code order}. */
  static ChatPageRequest first(SortOrder order) {
    return ChatPageRequest.first(PAGE_SIZE, order);
  }

  /** The page of the long thread that starts {@code depth} items from its start in {@code order}. */
  ChatPageRequest pageAt(int depth, SortOrder order) {
    int previous = order == SortOrder.ASC ? depth - 1 : ITEMS - depth;
    return new ChatPageRequest(PAGE_SIZE, items.get(previous), order);
  }

  /** The long thread's items that mention the rare word, by ordinal, in {@code order}. */
  List<String> rareItems(SortOrder order) {
    List<String> ids = new ArrayList<>();
    RARE_ORDINALS.stream().sorted().forEach(ordinal -> ids.add(items.get(ordinal)));
    if (order == SortOrder.DESC) {
      java.util.Collections.reverse(ids);
    }
    return ids;
  }

  /** The statements recorded since the last call, selects only; the last one reads the page. */
  List<RecordedStatement> takeSelects() {
    List<RecordedStatement> selects = statements.stream().filter(RecordedStatement::isSelect).toList();
    statements.clear();
    return selects;
  }

  /** The last select recorded since the last call: the statement that reads a page. */
  RecordedStatement takePageStatement() {
    List<RecordedStatement> selects = takeSelects();
    if (selects.isEmpty()) {
      throw new IllegalStateException("No select was recorded");
    }
    return selects.get(selects.size() - 1);
  }

  private static ThreadItem item(int n, String threadId, int ordinal, boolean rare) {
    String text = SENTENCES.get(n % SENTENCES.size()) + " " + SENTENCES.get((n * 7 + 3) % SENTENCES.size())
        + (rare ? " The photo shows a " + RARE_WORD + " next to the server rack." : "");
    Instant created = START.plus(Duration.ofSeconds(13L * ordinal));
    ThreadItem template = ordinal % 2 == 0 ? ThreadItem.userMessage(threadId, text, created)
        : ThreadItem.assistantMessage(threadId, text, created);
    return new ThreadItem(String.format(Locale.ROOT, "msg_%08x", n * 0x9E3779B1), threadId, created,
        template.type(), template.document());
  }

  private static void add(PreparedStatement insert, ThreadItem item, int ordinal, boolean postgres)
      throws SQLException {
    insert.setString(1, item.id());
    insert.setString(2, item.threadId());
    insert.setInt(3, ordinal);
    insert.setString(4, item.type().value());
    insert.setString(5, JsonCodec.write(item.document()));
    if (postgres) {
      insert.setObject(6, UpstreamTimestamps.normalize(item.createdAt()).atOffset(ZoneOffset.UTC));
    } else {
      insert.setString(6, UpstreamTimestamps.format(item.createdAt()));
    }
    insert.addBatch();
  }
}
