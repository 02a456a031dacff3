package io.orcheo.persistence.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatPage;
import io.orcheo.persistence.core.chatkit.ChatPageRequest;
import io.orcheo.persistence.core.chatkit.ChatStatus;
import io.orcheo.persistence.core.chatkit.ChatStore;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.core.chatkit.ItemType;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.core.chatkit.ThreadItem;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import io.orcheo.persistence.jooq.runtime.Store;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The ChatKit benchmark's trial: a {@link TrialDatabase} holding
 *
 * <ul>
 *   <li>{@code threads} threads, one every {@link #THREAD_SPACING} back in time, each in one of
 *       {@value #WORKFLOWS} workflows ({@code metadata.workflow_id}, so also the {@code workflow_id} column) and one
 *       of {@value #TEAM_COUNT} teams ({@code metadata.team}, what {@code filterThreads} looks for), except one in
 *       {@value #RARE_TEAM_EVERY}, whose team is {@value #RARE_TEAM};</li>
 *   <li>one of them, the <em>big thread</em>, with {@code items} messages, user and assistant in turn, one every
 *       {@link #ITEM_SPACING}, {@value #RARE_ITEMS} of them mentioning {@link ChatText#RARE_WORD};</li>
 *   <li>{@value #CHATTY_THREADS} other threads with {@code items / 1000} messages each (at least 20), from the
 *       same text generator, two of them with the rare word: searches must leave them out.</li>
 * </ul>
 *
 * <p>Rows are written in the store's formats by plain JDBC (COPY on PostgreSQL, one batched transaction on SQLite):
 * through {@link ChatStore#addItem}, one transaction per item, 200 000 items would take minutes. The schema's
 * triggers (SQLite) and generated column (PostgreSQL) index the message text as for any writer. PostgreSQL then runs
 * {@code VACUUM ANALYZE}, as autovacuum would shortly after such a load (rather than in the middle of a measurement);
 * SQLite has no statistics, as in production. The setup reads the pages measured through the store and checks them
 * against what it wrote.
 */
final class ChatFixture implements AutoCloseable {
  static final int PAGE_SIZE = 100;
  static final int WORKFLOWS = 4;
  static final List<String> TEAMS = List.of("support", "sales", "research", "operations", "finance");
  static final int TEAM_COUNT = 5;
  /** The team {@link #filter} looks for: one thread in {@value #TEAM_COUNT}. */
  static final String FILTERED_TEAM = "support";
  /** The team of one thread in {@value #RARE_TEAM_EVERY}, which {@link #rareFilter} looks for. */
  static final String RARE_TEAM = "legal";
  static final int RARE_TEAM_EVERY = 1_000;
  static final int RARE_ITEMS = 8;
  static final int CHATTY_THREADS = 100;

  private static final Duration THREAD_SPACING = Duration.ofMinutes(7);
  private static final Duration ITEM_SPACING = Duration.ofSeconds(13);
  private static final Instant NEWEST_THREAD = Instant.parse("2026-10-01T09:00:00Z");
  private static final int SQLITE_BATCH = 1_000;

  private final TrialDatabase database;
  final boolean postgres;
  final DataSource dataSource;
  final ChatStore chat;
  final int itemCount;
  final int threadCount;

  final String bigThread;
  /** The big thread's item ids by ordinal (ordinals are 0 to {@code itemCount - 1}, one item each). */
  final String[] bigItems;
  /** The last page of the big thread's items: page {@code itemCount / PAGE_SIZE}. */
  final int deepItemPage;
  /** The {@code after} of {@link #deepItemPage}, ascending and descending. */
  final String deepItemAfterAsc;
  final String deepItemAfterDesc;

  /** Threads of the first workflow, newest first: {@link #workflowContext} lists them. */
  final ChatContext workflowContext;
  /** {@code {"team": "support"}}. */
  final ObjectNode filter;
  /** {@code {"team": "legal"}}: a handful of threads, spread over the whole history. */
  final ObjectNode rareFilter;
  final int rareFilterThreads;
  final ThreadListing allThreads;
  final ThreadListing workflowThreads;
  final ThreadListing filteredThreads;

  /** How many items of the big thread each search query matches, counted by SQL beside the store. */
  final Map<String, Integer> matches = new TreeMap<>();
  final Duration seedTime;
  final Duration maintenanceTime;

  /** A thread listing's size, its last page (of {@value #PAGE_SIZE}) and the {@code after} that reaches it. */
  record ThreadListing(int threads, int deepPage, String deepAfter, String deepFirst, int deepSize) {}

  private record SeedThread(String id, String title, String workflowId, String team, String channel,
      Instant createdAt, Instant updatedAt) {}

  ChatFixture(String backend, int items, int threads) throws IOException {
    this(backend, items, threads, Map.of());
  }

  /** The trial, the embedded PostgreSQL started with {@code serverConfig} (see {@link TrialDatabase}). */
  ChatFixture(String backend, int items, int threads, Map<String, String> serverConfig) throws IOException {
    if (items % PAGE_SIZE != 0 || items < 2 * PAGE_SIZE) {
      throw new IllegalArgumentException("items must be a multiple of " + PAGE_SIZE + ", at least two pages");
    }
    if (threads < 10 * PAGE_SIZE) {
      throw new IllegalArgumentException("threads must be at least " + 10 * PAGE_SIZE);
    }
    itemCount = items;
    threadCount = threads;
    database = new TrialDatabase(backend, serverConfig);
    try {
      postgres = database.postgres;
      chat = database.persistence.chat();
      dataSource = database.persistence.database(Store.CHATKIT).dataSource();

      List<SeedThread> seedThreads = threads();
      SeedThread big = seedThreads.get(threads / 3);
      bigThread = big.id();
      bigItems = new String[items];
      long started = System.nanoTime();
      seed(seedThreads, big);
      seedTime = Duration.ofNanos(System.nanoTime() - started);
      started = System.nanoTime();
      if (postgres) {
        sql("VACUUM ANALYZE chat_threads", "VACUUM ANALYZE chat_messages");
      }
      maintenanceTime = Duration.ofNanos(System.nanoTime() - started);

      deepItemPage = items / PAGE_SIZE;
      int before = (deepItemPage - 1) * PAGE_SIZE;
      deepItemAfterAsc = bigItems[before - 1];
      deepItemAfterDesc = bigItems[items - before];

      String workflow = workflowId(0);
      workflowContext = ChatContext.forWorkflow(workflow);
      filter = JsonNodeFactory.instance.objectNode().put("team", FILTERED_TEAM);
      rareFilter = JsonNodeFactory.instance.objectNode().put("team", RARE_TEAM);
      rareFilterThreads = (int) seedThreads.stream().filter(t -> t.team().equals(RARE_TEAM)).count();
      allThreads = listing(seedThreads, t -> true);
      workflowThreads = listing(seedThreads, t -> t.workflowId().equals(workflow));
      filteredThreads = listing(seedThreads, t -> t.team().equals(FILTERED_TEAM));

      countMatches();
      check();
    } catch (RuntimeException | SQLException | IOException e) {
      database.close();
      throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }
  }

  /** The persistence the trial opened. */
  io.orcheo.persistence.jooq.OrcheoPersistence persistence() {
    return database.persistence;
  }

  /** The request for page 1 of a listing, in {@code order}. */
  static ChatPageRequest first(SortOrder order) {
    return ChatPageRequest.first(PAGE_SIZE, order);
  }

  /** The request for the page after {@code after}, descending. */
  static ChatPageRequest after(String after, SortOrder order) {
    return new ChatPageRequest(PAGE_SIZE, after, order);
  }

  static String workflowId(int index) {
    return String.format(Locale.ROOT, "7f3c%04x-0d1e-4c6b-9a55-2b8e4f6a%04x", index, index);
  }

  // ------------------------------------------------------------------------------------------------------ threads

  private List<SeedThread> threads() {
    ChatText text = new ChatText(7);
    List<SeedThread> threads = new ArrayList<>(threadCount);
    for (int k = 0; k < threadCount; k++) {
      Instant created = NEWEST_THREAD.minus(THREAD_SPACING.multipliedBy(k)).plusNanos((k * 7_919L % 1_000_000) * 1_000);
      String team = k % RARE_TEAM_EVERY == RARE_TEAM_EVERY / 2 ? RARE_TEAM : TEAMS.get(k % TEAM_COUNT);
      threads.add(new SeedThread(id("thr", k), text.title(), workflowId(k % WORKFLOWS), team,
          k % 3 == 0 ? "slack" : "web", created, created.plus(Duration.ofHours(1))));
    }
    return threads;
  }

  /** Newest first, as {@code listThreads} in descending order: the last page and the {@code after} reaching it. */
  private static ThreadListing listing(List<SeedThread> threads, Predicate<SeedThread> in) {
    List<SeedThread> listed = threads.stream().filter(in)
        .sorted(Comparator.comparing(SeedThread::createdAt).thenComparing(SeedThread::id).reversed())
        .toList();
    int pages = (listed.size() + PAGE_SIZE - 1) / PAGE_SIZE;
    int before = (pages - 1) * PAGE_SIZE;
    return new ThreadListing(listed.size(), pages, listed.get(before - 1).id(), listed.get(before).id(),
        listed.size() - before);
  }

  private static ObjectNode metadata(SeedThread thread) {
    ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    metadata.put("workflow_id", thread.workflowId());
    metadata.put("team", thread.team());
    metadata.put("channel", thread.channel());
    return metadata;
  }

  // -------------------------------------------------------------------------------------------------------- items

  /** Distinct ids that look like ChatKit's ({@code msg_1a2b3c4d}): a bijection of the counter onto 32 bits. */
  private static String id(String prefix, long n) {
    int x = (int) n * 0x9E3779B1;
    x ^= x >>> 15;
    x *= 0x85EBCA77;
    x ^= x >>> 13;
    return prefix + "_" + String.format(Locale.ROOT, "%08x", x);
  }

  private interface Sink {
    void thread(SeedThread thread) throws SQLException, IOException;

    void item(ThreadItem item, int ordinal) throws SQLException, IOException;
  }

  /** Writes the threads, then the big thread's items and the other threads' items, into {@code sink}. */
  private void write(List<SeedThread> threads, SeedThread big, Sink sink) throws SQLException, IOException {
    for (SeedThread thread : threads) {
      sink.thread(thread);
    }
    ChatText text = new ChatText(42);
    long counter = 0;
    int rareEvery = itemCount / RARE_ITEMS;
    for (int ordinal = 0; ordinal < itemCount; ordinal++) {
      Instant created = big.createdAt().plus(ITEM_SPACING.multipliedBy(ordinal)).plusNanos((ordinal % 997) * 1_000L);
      boolean rare = ordinal < RARE_ITEMS * rareEvery && ordinal % rareEvery == rareEvery / 2;
      boolean user = ordinal % 2 == 0 && !rare;
      String body = rare ? text.rareMessage() : user ? text.userMessage() : text.assistantMessage();
      ThreadItem item = item(id("msg", counter++), big.id(), created, user, body);
      bigItems[ordinal] = item.id();
      sink.item(item, ordinal);
    }
    int perThread = Math.max(20, itemCount / 1000);
    for (int t = 0; t < CHATTY_THREADS; t++) {
      SeedThread thread = threads.get((t * 37 + 1) % threads.size());
      if (thread == big) {
        continue;
      }
      for (int ordinal = 0; ordinal < perThread; ordinal++) {
        boolean rare = t < 2 && ordinal == 5;
        boolean user = ordinal % 2 == 0 && !rare;
        String body = rare ? text.rareMessage() : user ? text.userMessage() : text.assistantMessage();
        Instant created = thread.createdAt().plus(ITEM_SPACING.multipliedBy(ordinal));
        sink.item(item(id("msg", counter++), thread.id(), created, user, body), ordinal);
      }
    }
  }

  private static ThreadItem item(String id, String threadId, Instant created, boolean user, String body) {
    ThreadItem template = user ? ThreadItem.userMessage(threadId, body, created)
        : ThreadItem.assistantMessage(threadId, body, created);
    return new ThreadItem(id, threadId, created, user ? ItemType.USER_MESSAGE : ItemType.ASSISTANT_MESSAGE,
        template.document());
  }

  private void seed(List<SeedThread> threads, SeedThread big) throws SQLException, IOException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (postgres) {
          seedPostgres(connection, threads, big);
        } else {
          seedSqlite(connection, threads, big);
        }
        connection.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** COPY in CSV: the text of each column as PostgreSQL reads it ({@code jsonb} and {@code timestamptz} parse it). */
  private void seedPostgres(Connection connection, List<SeedThread> threads, SeedThread big)
      throws SQLException, IOException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    try (Writer threadRows = copy(pg, "chat_threads (id, title, workflow_id, status_json, metadata_json,"
        + " created_at, updated_at)")) {
      for (SeedThread thread : threads) {
        csv(threadRows, thread.id(), thread.title(), thread.workflowId(), JsonCodec.write(ChatStatus.ACTIVE.toJson()),
            JsonCodec.write(metadata(thread)), timestamp(thread.createdAt()), timestamp(thread.updatedAt()));
      }
    }
    try (Writer itemRows = copy(pg, "chat_messages (id, thread_id, ordinal, item_type, item_json, created_at)")) {
      write(threads, big, new Sink() {
        @Override
        public void thread(SeedThread thread) {}

        @Override
        public void item(ThreadItem item, int ordinal) throws IOException {
          csv(itemRows, item.id(), item.threadId(), Integer.toString(ordinal), item.type().value(),
              JsonCodec.write(item.document()), timestamp(item.createdAt()));
        }
      });
    }
  }

  private static Writer copy(PGConnection connection, String target) throws SQLException {
    return new BufferedWriter(new OutputStreamWriter(
        new PGCopyOutputStream(connection, "COPY " + target + " FROM STDIN (FORMAT csv)", 1 << 16),
        StandardCharsets.UTF_8), 1 << 16);
  }

  private static String timestamp(Instant instant) {
    return UpstreamTimestamps.normalize(instant).atOffset(ZoneOffset.UTC).toString();
  }

  private static void csv(Writer out, String... values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write('"');
      out.write(values[i].replace("\"", "\"\""));
      out.write('"');
    }
    out.write('\n');
  }

  /** Batched inserts of the columns as the store binds them on SQLite (upstream's text forms). */
  private void seedSqlite(Connection connection, List<SeedThread> threads, SeedThread big)
      throws SQLException, IOException {
    try (PreparedStatement threadRows = connection.prepareStatement("INSERT INTO chat_threads (id, title,"
        + " workflow_id, status_json, metadata_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement itemRows = connection.prepareStatement("INSERT INTO chat_messages (id, thread_id,"
            + " ordinal, item_type, item_json, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      int[] pending = {0, 0};
      write(threads, big, new Sink() {
        @Override
        public void thread(SeedThread thread) throws SQLException {
          threadRows.setString(1, thread.id());
          threadRows.setString(2, thread.title());
          threadRows.setString(3, thread.workflowId());
          threadRows.setString(4, JsonCodec.write(ChatStatus.ACTIVE.toJson()));
          threadRows.setString(5, JsonCodec.write(metadata(thread)));
          threadRows.setString(6, UpstreamTimestamps.format(thread.createdAt()));
          threadRows.setString(7, UpstreamTimestamps.format(thread.updatedAt()));
          threadRows.addBatch();
          if (++pending[0] % SQLITE_BATCH == 0) {
            threadRows.executeBatch();
          }
        }

        @Override
        public void item(ThreadItem item, int ordinal) throws SQLException {
          if (pending[0] > 0) {
            threadRows.executeBatch();
            pending[0] = 0;
          }
          itemRows.setString(1, item.id());
          itemRows.setString(2, item.threadId());
          itemRows.setInt(3, ordinal);
          itemRows.setString(4, item.type().value());
          itemRows.setString(5, JsonCodec.write(item.document()));
          itemRows.setString(6, UpstreamTimestamps.format(item.createdAt()));
          itemRows.addBatch();
          if (++pending[1] % SQLITE_BATCH == 0) {
            itemRows.executeBatch();
          }
        }
      });
      threadRows.executeBatch();
      itemRows.executeBatch();
    }
  }

  // ------------------------------------------------------------------------------------------------------- checks

  /** The searches measured, by name: a rare word, a common word, a phrase. */
  static Map<String, String> searches() {
    Map<String, String> searches = new java.util.LinkedHashMap<>();
    searches.put("rare", ChatText.RARE_WORD);
    searches.put("common", ChatText.COMMON_WORD);
    searches.put("phrase", "\"" + ChatText.PHRASE + "\"");
    return searches;
  }

  /** How many of the big thread's items each search matches, by SQL on the search index of the backend. */
  private void countMatches() throws SQLException {
    String sql = postgres
        ? "SELECT count(*) FROM chat_messages WHERE thread_id = ? AND search_vector @@ websearch_to_tsquery('english', ?)"
        : "SELECT count(*) FROM chat_messages_fts JOIN chat_messages m ON m.rowid = chat_messages_fts.rowid"
            + " WHERE m.thread_id = ? AND chat_messages_fts MATCH ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Map.Entry<String, String> search : searches().entrySet()) {
        statement.setString(1, bigThread);
        statement.setString(2, search.getValue());
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
          matches.put(search.getKey(), rows.getInt(1));
        }
      }
    }
    if (matches.get("rare") != RARE_ITEMS) {
      throw new IllegalStateException("The rare word should match " + RARE_ITEMS + " items, matched " + matches);
    }
  }

  /** The pages measured must be the ones meant, read through the store. */
  private void check() {
    expect(chat.listItems(bigThread, first(SortOrder.ASC)), bigItems[0], PAGE_SIZE, true,
        "first items page, ascending");
    expect(chat.listItems(bigThread, first(SortOrder.DESC)), bigItems[itemCount - 1], PAGE_SIZE, true,
        "first items page, descending");
    int before = (deepItemPage - 1) * PAGE_SIZE;
    expect(chat.listItems(bigThread, after(deepItemAfterAsc, SortOrder.ASC)), bigItems[before], PAGE_SIZE, false,
        "items page " + deepItemPage + ", ascending");
    expect(chat.listItems(bigThread, after(deepItemAfterDesc, SortOrder.DESC)), bigItems[itemCount - 1 - before],
        PAGE_SIZE, false, "items page " + deepItemPage + ", descending");
    expect(chat.listThreads(after(allThreads.deepAfter(), SortOrder.DESC), ChatContext.NONE),
        allThreads.deepFirst(), allThreads.deepSize(), false, "last page of threads");
    expect(chat.listThreads(after(workflowThreads.deepAfter(), SortOrder.DESC), workflowContext),
        workflowThreads.deepFirst(), workflowThreads.deepSize(), false, "last page of a workflow's threads");
    expect(chat.filterThreads(filter, after(filteredThreads.deepAfter(), SortOrder.DESC)),
        filteredThreads.deepFirst(), filteredThreads.deepSize(), false, "last page of the filtered threads");
    int rareThreads = chat.filterThreads(rareFilter, first(SortOrder.DESC)).data().size();
    if (rareThreads != rareFilterThreads) {
      throw new IllegalStateException("The rare filter found " + rareThreads + " threads, not " + rareFilterThreads);
    }
    ChatPage<ThreadItem> rare = chat.searchItems(bigThread, ChatText.RARE_WORD, first(SortOrder.DESC));
    if (rare.data().size() != RARE_ITEMS || rare.hasMore()) {
      throw new IllegalStateException("Searching the rare word found " + rare.data().size() + " items");
    }
    for (String query : searches().values()) {
      ChatPage<ThreadItem> found = chat.searchItems(bigThread, query, first(SortOrder.DESC));
      int expected = Math.min(PAGE_SIZE, matches.get(searches().entrySet().stream()
          .filter(e -> e.getValue().equals(query)).findFirst().orElseThrow().getKey()));
      if (found.data().size() != expected) {
        throw new IllegalStateException("Search " + query + " returned " + found.data().size() + " items, SQL counts "
            + expected);
      }
    }
  }

  private static void expect(ChatPage<?> page, String firstId, int size, boolean hasMore, String what) {
    Object first = page.data().isEmpty() ? null : page.data().get(0);
    String id = first instanceof ThreadItem item ? item.id() : first instanceof ChatThread thread ? thread.id() : null;
    if (!firstId.equals(id) || page.hasMore() != hasMore || page.data().size() != size) {
      throw new IllegalStateException(what + " starts at " + id + " (expected " + firstId + "), "
          + page.data().size() + " elements, hasMore " + page.hasMore());
    }
  }

  private void sql(String... statements) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      // VACUUM cannot run in a transaction block.
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try {
        for (String sql : statements) {
          statement.execute(sql);
        }
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  @Override
  public void close() throws IOException {
    database.close();
  }
}
