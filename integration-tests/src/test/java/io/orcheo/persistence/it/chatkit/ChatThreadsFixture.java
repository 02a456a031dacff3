package io.orcheo.persistence.it.chatkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatPage;
import io.orcheo.persistence.core.chatkit.ChatPageRequest;
import io.orcheo.persistence.core.chatkit.ChatStatus;
import io.orcheo.persistence.core.chatkit.ChatStore;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.core.chatkit.SortOrder;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;
import org.jooq.DSLContext;

/**
 * The data of the ChatKit thread-listing plan tests: {@value #THREADS} threads, one every 7 minutes back in time, in
 * {@value #WORKFLOWS} workflows ({@code metadata.workflow_id} and the {@code workflow_id} column) and with a
 * {@code metadata.team}: {@value #COMMON_TEAM} for one thread in five, {@value #RARE_TEAM} for one in a thousand,
 * spread over the whole history. Inserted by a JDBC batch in the store's formats; PostgreSQL then runs
 * {@code VACUUM ANALYZE}, as autovacuum would shortly after such a load (statistics, and the GIN index's pending list
 * merged). {@link #recorded} is a store on the same database whose statements are recorded into
 * {@link #statements}.
 */
final class ChatThreadsFixture {
  static final int THREADS = 5_000;
  static final int WORKFLOWS = 4;
  static final int PAGE_SIZE = 50;
  static final String COMMON_TEAM = "support";
  static final String RARE_TEAM = "legal";

  private static final Instant NEWEST = Instant.parse("2025-09-01T12:00:00Z");

  /** The three thread listings, each with the threads (by index) it lists. */
  enum Listing {
    /** {@code listThreads} without a workflow: every thread. */
    ALL(k -> true) {
      @Override
      ChatPage<ChatThread> list(ChatStore chat, ChatPageRequest page) {
        return chat.listThreads(page, ChatContext.NONE);
      }
    },
    /** {@code listThreads} scoped to the first workflow: one thread in {@value #WORKFLOWS}. */
    WORKFLOW(k -> k % WORKFLOWS == 0) {
      @Override
      ChatPage<ChatThread> list(ChatStore chat, ChatPageRequest page) {
        return chat.listThreads(page, ChatContext.forWorkflow(workflow(0)));
      }
    },
    /** {@code filterThreads} on {@code {"team": "support"}}: about one thread in five. */
    FILTERED(k -> team(k).equals(COMMON_TEAM)) {
      @Override
      ChatPage<ChatThread> list(ChatStore chat, ChatPageRequest page) {
        return chat.filterThreads(teamFilter(COMMON_TEAM), page);
      }
    };

    final IntPredicate in;

    Listing(IntPredicate in) {
      this.in = in;
    }

    abstract ChatPage<ChatThread> list(ChatStore chat, ChatPageRequest page);
  }

  final ChatStore recorded;
  final List<RecordedStatement> statements = new CopyOnWriteArrayList<>();
  /** Thread ids, newest first (the order of a descending listing). */
  final List<String> newestFirst = new ArrayList<>();

  ChatThreadsFixture(OrcheoPersistence persistence, boolean postgres) throws SQLException {
    DSLContext dsl = persistence.database(Store.CHATKIT).transactor().read("borrow the store's DSL", d -> d);
    recorded = new JooqChatStore(new Transactor(RecordedStatement.recording(dsl, statements), 1),
        java.time.Clock.systemUTC(), persistence.settings().chatkitStorage());
    String json = postgres ? "cast(? as jsonb)" : "?";
    try (Connection connection = persistence.database(Store.CHATKIT).dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO chat_threads (id, title, workflow_id,"
          + " status_json, metadata_json, created_at, updated_at) VALUES (?, ?, ?, " + json + ", " + json + ", ?, ?)")) {
        for (int k = 0; k < THREADS; k++) {
          String id = String.format(Locale.ROOT, "thr_%08x", k * 0x9E3779B1);
          newestFirst.add(id);
          Instant created = NEWEST.minus(Duration.ofMinutes(7L * k)).plusNanos((k % 997) * 1_000L);
          insert.setString(1, id);
          insert.setString(2, "Thread " + k);
          insert.setString(3, workflow(k % WORKFLOWS));
          insert.setString(4, JsonCodec.write(ChatStatus.ACTIVE.toJson()));
          insert.setString(5, "{\"workflow_id\":\"" + workflow(k % WORKFLOWS) + "\",\"team\":\"" + team(k) + "\"}");
          timestamp(insert, 6, created, postgres);
          timestamp(insert, 7, created.plusSeconds(600), postgres);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      connection.commit();
      if (postgres) {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("VACUUM ANALYZE chat_threads");
        }
      }
    }
  }

  static String workflow(int index) {
    return "wf-" + index;
  }

  static String team(int k) {
    if (k % 1000 == 500) {
      return RARE_TEAM;
    }
    return k % 5 == 0 ? COMMON_TEAM : "team-" + k % 5;
  }

  /** {@code {"team": team}}. */
  static ObjectNode teamFilter(String team) {
    return JsonNodeFactory.instance.objectNode().put("team", team);
  }

  /** The ids of the threads {@code listing} lists, newest first. */
  List<String> listed(Listing listing) {
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < THREADS; k++) {
      if (listing.in.test(k)) {
        ids.add(newestFirst.get(k));
      }
    }
    return ids;
  }

  /** The descending page of {@code listed} that starts {@code depth} threads in. */
  static ChatPageRequest pageAt(List<String> listed, int depth) {
    return new ChatPageRequest(PAGE_SIZE, listed.get(depth - 1), SortOrder.DESC);
  }

  /** The last select recorded since the last call. */
  RecordedStatement takePageStatement() {
    List<RecordedStatement> selects = statements.stream().filter(RecordedStatement::isSelect).toList();
    statements.clear();
    return selects.get(selects.size() - 1);
  }

  private static void timestamp(PreparedStatement insert, int index, Instant value, boolean postgres)
      throws SQLException {
    if (postgres) {
      insert.setObject(index, UpstreamTimestamps.normalize(value).atOffset(ZoneOffset.UTC));
    } else {
      insert.setString(index, UpstreamTimestamps.format(value));
    }
  }
}
