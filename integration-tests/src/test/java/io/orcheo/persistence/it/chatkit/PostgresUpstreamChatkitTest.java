package io.orcheo.persistence.it.chatkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.chatkit.ChatAttachment;
import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatPage;
import io.orcheo.persistence.core.chatkit.ChatPageRequest;
import io.orcheo.persistence.core.chatkit.ChatStatus;
import io.orcheo.persistence.core.chatkit.ChatStore;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.core.chatkit.ItemType;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.core.chatkit.ThreadItem;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.it.support.MutableClock;
import io.orcheo.persistence.it.support.PostgresServer;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.it.support.UpstreamFixtures;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL database whose ChatKit tables upstream Orcheo created is adopted, read and written by us, and the
 * rows we write are rows upstream reads: the PostgreSQL counterpart of {@link UpstreamChatkitSqliteTest}.
 *
 * <p>Each test gets a fresh, empty database into which {@code src/test/resources/upstream/chatkit/postgres.sql}
 * (written by {@code generate.py}) is executed first: upstream's {@code POSTGRES_CHATKIT_SCHEMA} verbatim (spec §C.1:
 * JSONB documents, {@code TIMESTAMP WITH TIME ZONE}, every upstream index including the GIN ones and the expression
 * index on {@code to_tsvector('english', item_json::text)}), then the dataset of the SQLite test inserted as
 * upstream's PostgreSQL store writes it. Opening must adopt the tables without error, compute the message-text
 * {@code search_vector} of the rows already there, and leave upstream's indexes and columns as they were; upstream's
 * own schema script and writes must keep working on the adopted database and on one we created. Searches over the
 * dataset must find the same items as on SQLite holding the same rows, and the rows we write must be ones
 * upstream's reader and upstream's own full-text query accept.
 */
class PostgresUpstreamChatkitTest {
  private static final String SCRIPT = "/upstream/chatkit/postgres.sql";

  private static final String W_SCREENING = "a4000000-0000-4000-8000-000000000001";
  private static final String T_SCREEN = "thr_a1b2c3d4";
  private static final String T_TIE = "thr_e5f6a7b8";
  private static final String T_LOCKED = "thr_b2c3d4e5";
  private static final String T_CLOSED = "thr_c3d4e5f6";
  private static final String T_FREE = "thr_d4e5f6a7";
  private static final List<String> SCREEN_ITEMS = List.of("msg_00000001", "msg_00000002", "tc_00000003",
      "wf_00000004", "tsk_00000005", "msg_00000006", "hcx_00000007", "msg_00000008", "msg_00000009", "msg_0000000a",
      "hcx_0000000b");
  /** The user and assistant messages of the dataset: the rows with a search vector. */
  private static final List<String> MESSAGES = List.of("msg_00000001", "msg_00000002", "msg_00000009",
      "msg_0000000a", "msg_00000101", "msg_00000102", "msg_00000201");

  /** Searches whose answers must not depend on the backend. */
  private static final List<String> SEARCHES = List.of("Kafka", "kafka", "pipeline", "pipelines", "piping",
      "\"strong pipeline\"", "kafka -streaming", "kafka or tuesday", "Spark", "résumé", "履歴書", "Zoë", "interview",
      "panel", "the whole panel", "très", "score");

  private static final List<String> ALL_ROWS = List.of(
      "SELECT * FROM chat_threads ORDER BY id",
      "SELECT id, thread_id, ordinal, item_type, item_json, created_at FROM chat_messages ORDER BY id",
      "SELECT * FROM chat_attachments ORDER BY id");
  private static final String INDEXES = "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
      + " AND tablename IN ('chat_threads', 'chat_messages', 'chat_attachments') ORDER BY indexname";
  private static final String COLUMNS = "SELECT table_name, column_name, data_type, is_nullable"
      + " FROM information_schema.columns WHERE table_schema = current_schema()"
      + " AND table_name IN ('chat_threads', 'chat_messages', 'chat_attachments') ORDER BY table_name, ordinal_position";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Instant NOW = Instant.parse("2025-04-01T12:00:00.000001Z");

  @TempDir Path directory;
  private PostgresDsn dsn;
  private final MutableClock clock = new MutableClock(NOW);
  private final List<OrcheoPersistence> opened = new ArrayList<>();

  @BeforeEach
  void createUpstreamDatabase() throws Exception {
    dsn = PostgresServer.get().newEmptyDatabase();
    try (Connection connection = connect()) {
      UpstreamFixtures.execute(connection, UpstreamFixtures.scriptStatements(SCRIPT));
    }
  }

  @AfterEach
  void closeAll() {
    opened.forEach(OrcheoPersistence::close);
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(dsn.jdbcUrl(), dsn.connectionProperties());
  }

  private OrcheoPersistence open() {
    OrcheoPersistence persistence = OrcheoPersistence.open(
        PersistenceSettings.defaults().withSqliteDirectory(directory).withPostgres(dsn), clock);
    opened.add(persistence);
    return persistence;
  }

  private OrcheoPersistence track(OrcheoPersistence persistence) {
    opened.add(persistence);
    return persistence;
  }

  private ChatStore chat() {
    return open().chat();
  }

  private List<List<String>> query(String sql, Object... parameters) throws SQLException {
    try (Connection connection = connect()) {
      return Rows.query(connection, sql, parameters);
    }
  }

  private String single(String sql, Object... parameters) throws SQLException {
    List<List<String>> rows = query(sql, parameters);
    assertThat(rows).as(sql).hasSize(1);
    return rows.get(0).get(0);
  }

  private void execute(String... statements) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private List<List<List<String>>> snapshot(List<String> selects) throws SQLException {
    List<List<List<String>>> result = new ArrayList<>();
    for (String sql : selects) {
      result.add(query(sql));
    }
    return result;
  }

  private static JsonNode parse(String json) {
    return UpstreamChatkitReader.parse(json);
  }

  private static <T> List<String> walk(Function<ChatPageRequest, ChatPage<T>> list, ChatPageRequest first,
      Function<T, String> id, List<List<String>> pages) {
    List<String> all = new ArrayList<>();
    for (ChatPageRequest request = first; request != null; ) {
      ChatPage<T> page = list.apply(request);
      List<String> ids = page.data().stream().map(id).toList();
      pages.add(ids);
      all.addAll(ids);
      request = request.next(page);
    }
    return all;
  }

  // ------------------------------------------------------------------------------------------------ adoption

  @Test
  void upstreamTablesAreMarkedAsRanAndTheSqliteUpgradeIsNotRecorded() throws SQLException {
    open();

    assertThat(query("SELECT id, exectype FROM databasechangelog WHERE id IN ('chatkit-0.1-threads-table',"
        + " 'chatkit-0.1-messages-table', 'chatkit-0.1-attachments-table') ORDER BY orderexecuted"))
        .containsExactly(
            List.of("chatkit-0.1-threads-table", "MARK_RAN"),
            List.of("chatkit-0.1-messages-table", "MARK_RAN"),
            List.of("chatkit-0.1-attachments-table", "MARK_RAN"));
    assertThat(query("SELECT id FROM databasechangelog WHERE id = 'chatkit-0.1-legacy-messages-thread-id'")).isEmpty();
  }

  @Test
  void adoptionKeepsUpstreamsIndexesAndAddsOnlyOurs() throws SQLException {
    List<List<String>> before = query(INDEXES);

    open();

    List<List<String>> after = query(INDEXES);
    assertThat(after).containsAll(before);
    assertThat(after.stream().filter(index -> !before.contains(index)).map(index -> index.get(0)))
        .containsExactlyInAnyOrder("idx_chat_threads_created_id", "idx_chat_threads_workflow_created",
            "idx_chat_messages_thread_ordinal_id", "idx_chat_messages_search");
    assertThat(before).extracting(index -> index.get(0)).contains("idx_chat_messages_fts", "idx_chat_messages_json",
        "idx_chat_threads_metadata", "idx_chat_threads_status", "idx_chat_attachments_details");
  }

  @Test
  void adoptionAddsOnlyTheGeneratedSearchVectorColumn() throws SQLException {
    List<List<String>> before = query(COLUMNS);

    open();

    List<List<String>> after = query(COLUMNS);
    assertThat(after).containsAll(before);
    assertThat(after.stream().filter(column -> !before.contains(column)).toList())
        .containsExactly(List.of("chat_messages", "search_vector", "tsvector", "YES"));
    assertThat(single("SELECT is_generated FROM information_schema.columns WHERE table_schema = current_schema()"
        + " AND table_name = 'chat_messages' AND column_name = 'search_vector'")).isEqualTo("ALWAYS");
  }

  @Test
  void adoptionKeepsEveryUpstreamRowVerbatim() throws SQLException {
    List<List<List<String>>> before = snapshot(ALL_ROWS);

    open();

    assertThat(snapshot(ALL_ROWS)).isEqualTo(before);
    assertThat(before).extracting(List::size).containsExactly(5, 14, 3);
  }

  @Test
  void adoptionComputesTheSearchVectorOfEveryUpstreamMessageAndOnlyOfMessages() throws SQLException {
    open();

    assertThat(query("SELECT id FROM chat_messages WHERE search_vector IS NOT NULL ORDER BY id"))
        .extracting(row -> row.get(0)).containsExactlyElementsOf(MESSAGES);
  }

  @Test
  void upstreamsSchemaScriptStillRunsOnTheAdoptedDatabase() throws Exception {
    open();
    List<List<List<String>>> before = snapshot(ALL_ROWS);

    // Upstream's PostgreSQL store runs every statement of its schema at its first use.
    try (Connection connection = connect()) {
      UpstreamFixtures.execute(connection, UpstreamFixtures.schemaStatements(SCRIPT));
    }

    assertThat(snapshot(ALL_ROWS)).isEqualTo(before);
  }

  @Test
  void upstreamsSchemaScriptAndWritesWorkOnADatabaseWeCreated() throws Exception {
    PostgresDsn ours = PostgresServer.get().newDatabase();
    try (OrcheoPersistence persistence = OrcheoPersistence.open(
        PersistenceSettings.defaults().withSqliteDirectory(directory).withPostgres(ours), clock)) {
      persistence.chat().saveThread(new ChatThread("thr_00c0ffee", "Ours", NOW, ChatStatus.ACTIVE, null),
          ChatContext.NONE);
    }

    try (Connection connection = DriverManager.getConnection(ours.jdbcUrl(), ours.connectionProperties())) {
      UpstreamFixtures.execute(connection, UpstreamFixtures.schemaStatements(SCRIPT));
      UpstreamFixtures.execute(connection, List.of("INSERT INTO chat_messages (id, thread_id, ordinal, item_type,"
          + " item_json, created_at) VALUES ('msg_0ff1ce00', 'thr_00c0ffee', 0, 'user_message', '{\"id\":\"msg_0ff1ce00\","
          + "\"thread_id\":\"thr_00c0ffee\",\"created_at\":\"2025-04-01T12:00:01Z\",\"type\":\"user_message\","
          + "\"content\":[{\"type\":\"input_text\",\"text\":\"Zeppelin\"}],\"attachments\":[],\"quoted_text\":null,"
          + "\"inference_options\":{\"tool_choice\":null,\"model\":null}}'::jsonb, '2025-04-01T12:00:01+00:00')"));
    }

    try (OrcheoPersistence persistence = OrcheoPersistence.open(
        PersistenceSettings.defaults().withSqliteDirectory(directory).withPostgres(ours), clock)) {
      assertThat(persistence.chat().searchItems("thr_00c0ffee", "zeppelin", ChatPageRequest.first()).data())
          .extracting(ThreadItem::id).containsExactly("msg_0ff1ce00");
    }
  }

  @Test
  void reopeningTheAdoptedDatabaseRunsNoChangesetAgain() throws SQLException {
    open().close();
    List<List<String>> after = query("SELECT id, exectype FROM databasechangelog ORDER BY id");

    open();

    assertThat(query("SELECT id, exectype FROM databasechangelog ORDER BY id")).isEqualTo(after);
  }

  @Test
  void adoptedForeignKeysCascadeItemsAndDetachAttachments() throws SQLException {
    chat().deleteThread(T_SCREEN);

    assertThat(single("SELECT count(*) FROM chat_messages WHERE thread_id = ?", T_SCREEN)).isEqualTo("0");
    assertThat(query("SELECT id, thread_id FROM chat_attachments ORDER BY id")).containsExactly(
        Arrays.asList("atc_1a2b3c4d", null), Arrays.asList("atc_2b3c4d5e", null), Arrays.asList("atc_3c4d5e6f", null));
  }

  // ------------------------------------------------------------------------------------------------ reading

  @Test
  void upstreamThreadsReadWithTitleStatusMetadataAndTime() {
    ChatStore chat = chat();

    ChatThread screen = chat.loadThread(T_SCREEN);

    assertThat(screen.title()).isEqualTo("Résumé — 履歴書 📄");
    assertThat(screen.createdAt()).isEqualTo(Instant.parse("2025-03-01T09:00:00Z"));
    assertThat(screen.metadata()).isEqualTo(NODES.objectNode().put("workflow_id", W_SCREENING)
        .put("candidate", "Zoë 📄").put("submitted_at", "2025-03-01T08:59:00+00:00"));
    assertThat(chat.loadThread(T_LOCKED).status()).isEqualTo(ChatStatus.locked("Waiting for approval — 承認待ち"));
    assertThat(chat.loadThread(T_CLOSED).status()).isEqualTo(ChatStatus.closed(null));
    assertThat(chat.loadThread(T_CLOSED).createdAt()).isEqualTo(Instant.parse("2025-03-02T10:00:00.000001Z"));
  }

  @Test
  void everyUpstreamItemReadsWithItsTypeTimeAndWholeDocument() throws SQLException {
    ChatStore chat = chat();
    List<List<String>> rows = query("SELECT thread_id, id, item_type, item_json::text FROM chat_messages");

    assertThat(rows).hasSize(14).allSatisfy(row -> {
      ThreadItem item = chat.loadItem(row.get(0), row.get(1));
      JsonNode stored = parse(row.get(3));
      assertThat(item.type().value()).isEqualTo(row.get(2));
      assertThat(item.document()).as(row.get(1)).isEqualTo(stored);
      assertThat(item.createdAt()).isEqualTo(Instant.parse(stored.path("created_at").asText()));
    });
  }

  @Test
  void upstreamAttachmentsReadWithTheirThreadFileAndSaveTime() {
    ChatStore chat = chat();

    assertThat(chat.describeAttachment("atc_1a2b3c4d").threadId()).isEqualTo(T_SCREEN);
    assertThat(chat.describeAttachment("atc_1a2b3c4d").storagePath())
        .isEqualTo(Path.of("/var/lib/orcheo/chatkit/atc_1a2b3c4d_Rsum_.pdf"));
    assertThat(chat.describeAttachment("atc_1a2b3c4d").savedAt()).isEqualTo(Instant.parse("2025-03-01T09:00:00.75Z"));
    assertThat(chat.loadAttachment("atc_2b3c4d5e").type()).isEqualTo(ChatAttachment.Type.IMAGE);
    assertThat(chat.describeAttachment("atc_3c4d5e6f").threadId()).isNull();
  }

  @Test
  void threadPagesWalkUpstreamThreadsNewestFirstWithTheIdBreakingTies() {
    ChatStore chat = chat();
    List<List<String>> pages = new ArrayList<>();

    walk(p -> chat.listThreads(p, ChatContext.NONE), ChatPageRequest.first(2, SortOrder.DESC), ChatThread::id, pages);

    assertThat(pages).containsExactly(List.of(T_CLOSED, T_LOCKED), List.of(T_TIE, T_SCREEN), List.of(T_FREE));
  }

  @Test
  void threadPagesOfOneWorkflowWalkOldestFirst() {
    ChatStore chat = chat();
    List<List<String>> pages = new ArrayList<>();

    walk(p -> chat.listThreads(p, ChatContext.forWorkflow(W_SCREENING)), ChatPageRequest.first(2, SortOrder.ASC),
        ChatThread::id, pages);

    assertThat(pages).containsExactly(List.of(T_SCREEN, T_TIE), List.of(T_LOCKED));
  }

  @Test
  void itemPagesWalkEveryUpstreamItemAcrossEqualOrdinalsAndGaps() {
    ChatStore chat = chat();
    List<List<String>> pages = new ArrayList<>();

    List<String> all = walk(p -> chat.listItems(T_SCREEN, p), ChatPageRequest.first(3, SortOrder.ASC), ThreadItem::id,
        pages);

    assertThat(all).containsExactlyElementsOf(SCREEN_ITEMS);
    assertThat(pages.get(1)).startsWith("wf_00000004");
  }

  @Test
  void filterThreadsMatchesUpstreamMetadataByContainment() {
    ChatStore chat = chat();
    ChatPageRequest all = ChatPageRequest.first(10, SortOrder.DESC);

    assertThat(chat.filterThreads(NODES.objectNode().put("stage", "interview"), all).data())
        .extracting(ChatThread::id).containsExactly(T_LOCKED);
    assertThat(chat.filterThreads((ObjectNode) parse("{\"tags\":[\"billing\"]}"), all).data())
        .extracting(ChatThread::id).containsExactly(T_FREE);
    assertThat(chat.filterThreads(NODES.objectNode().put("workflow_id", W_SCREENING), all).data())
        .extracting(ChatThread::id).containsExactly(T_LOCKED, T_TIE, T_SCREEN);
  }

  // ------------------------------------------------------------------------------------------------ search

  @Test
  void searchFindsUpstreamMessagesThroughTheComputedVector() {
    assertThat(chat().searchItems(T_SCREEN, "Kafka", ChatPageRequest.first(10, SortOrder.ASC)).data())
        .extracting(ThreadItem::id).containsExactly("msg_00000002", "msg_00000009", "msg_0000000a");
  }

  @Test
  void searchFindsQuotedTextAndStemmedWordsOfUpstreamMessages() {
    ChatStore chat = chat();

    assertThat(chat.searchItems(T_SCREEN, "spark", ChatPageRequest.first()).data()).extracting(ThreadItem::id)
        .containsExactly("msg_00000001");
    assertThat(chat.searchItems(T_SCREEN, "pipeline", ChatPageRequest.first(10, SortOrder.ASC)).data())
        .extracting(ThreadItem::id).containsExactly("msg_00000002", "msg_0000000a");
  }

  @Test
  void searchIgnoresTheTextOfUpstreamItemsThatAreNotMessages() {
    ChatStore chat = chat();

    for (String query : List.of("schedule", "skills", "score", "fetch_profile", "rubric", "earlier", "msg_00000001")) {
      assertThat(chat.searchItems(T_SCREEN, query, ChatPageRequest.first()).data()).as(query).isEmpty();
    }
  }

  @Test
  void aMessageUpstreamInsertsAfterAdoptionIsSearchable() throws SQLException {
    ChatStore chat = chat();

    // Upstream's add_thread_item names its six columns; search_vector is computed by PostgreSQL.
    execute("INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at) VALUES"
        + " ('msg_0ff1ce00', 'thr_d4e5f6a7', 0, 'user_message', '{\"id\":\"msg_0ff1ce00\",\"thread_id\":\"thr_d4e5f6a7\","
        + "\"created_at\":\"2025-04-01T12:00:01Z\",\"type\":\"user_message\",\"content\":[{\"type\":\"input_text\","
        + "\"text\":\"Zeppelin onboarding\"}],\"attachments\":[],\"quoted_text\":null,\"inference_options\":"
        + "{\"tool_choice\":null,\"model\":null}}'::jsonb, '2025-04-01T12:00:01+00:00')"
        + " ON CONFLICT (id) DO UPDATE SET thread_id = excluded.thread_id, item_type = excluded.item_type,"
        + " item_json = excluded.item_json, created_at = excluded.created_at");

    assertThat(chat.searchItems(T_FREE, "zeppelin", ChatPageRequest.first()).data()).extracting(ThreadItem::id)
        .containsExactly("msg_0ff1ce00");
  }

  @Test
  void searchAnswersAsOnSqliteForUpstreamsMessages() throws Exception {
    assertSameSearchesAsSqlite(SEARCHES);
  }

  @Test
  void searchForAWordWrittenWithoutItsAccentsAnswersAsOnSqlite() throws Exception {
    // "Please screen this résumé …" and "@Zoë" in msg_00000001.
    assertSameSearchesAsSqlite(List.of("resume", "zoe"));
  }

  /** Each search, in each thread of the dataset, finds the same items here as on SQLite holding the same rows. */
  private void assertSameSearchesAsSqlite(List<String> searches) throws Exception {
    ChatStore postgres = chat();
    Path sqliteDirectory = Files.createDirectories(directory.resolve("sqlite"));
    UpstreamFixtures.runSqliteScript(sqliteDirectory.resolve("chatkit.sqlite"), "/upstream/chatkit/head.sql");
    ChatStore sqlite = track(OrcheoPersistence.open(PersistenceSettings.defaults().withSqliteDirectory(sqliteDirectory),
        clock)).chat();
    ChatPageRequest all = ChatPageRequest.first(20, SortOrder.ASC);

    for (String query : searches) {
      for (String thread : List.of(T_SCREEN, T_LOCKED, T_CLOSED)) {
        List<String> onSqlite = sqlite.searchItems(thread, query, all).data().stream().map(ThreadItem::id).toList();
        assertThat(postgres.searchItems(thread, query, all).data()).as("%s in %s", query, thread)
            .extracting(ThreadItem::id).containsExactlyElementsOf(onSqlite);
      }
    }
  }

  // ------------------------------------------------------------------------------------------------ upstream reads ours

  @Test
  void upstreamsOwnSearchFindsAMessageWeWrote() throws SQLException {
    ThreadItem added = chat().addItem(T_FREE, ThreadItem.userMessage(T_FREE, "Refund for the Zeppelin ticket", NOW));

    // Upstream's search_thread_items.
    assertThat(query("SELECT id FROM chat_messages WHERE thread_id = ? AND to_tsvector('english', item_json::text)"
        + " @@ plainto_tsquery('english', ?) ORDER BY ordinal, id", T_FREE, "zeppelin"))
        .containsExactly(List.of(added.id()));
  }

  @Test
  void anItemWeAddGoesAfterTheLastUpstreamOrdinalWithPydanticTimeInItsJson() throws SQLException {
    ThreadItem added = chat().addItem(T_SCREEN, ThreadItem.userMessage(T_SCREEN, "Next steps?", NOW));

    List<String> row = query("SELECT ordinal, item_json ->> 'created_at', created_at = ?::timestamptz,"
        + " (SELECT updated_at FROM chat_threads WHERE id = ?) = ?::timestamptz FROM chat_messages WHERE id = ?",
        NOW.toString(), T_SCREEN, NOW.toString(), added.id()).get(0);
    assertThat(row).containsExactly("11", "2025-04-01T12:00:00.000001Z", "t", "t");
  }

  @Test
  void everyKindOfItemWeWriteIsOneUpstreamsReaderAccepts() throws SQLException {
    ChatStore chat = chat();
    chat.saveThread(new ChatThread("thr_0a0b0c0d", null, NOW, ChatStatus.ACTIVE, null), ChatContext.NONE);
    List<List<String>> upstream = query("SELECT item_json::text FROM chat_messages WHERE thread_id = ?"
        + " ORDER BY ordinal, id", T_SCREEN);
    int n = 0;
    for (List<String> row : upstream) {
      ObjectNode document = (ObjectNode) parse(row.get(0));
      document.put("id", "ours_" + n++);
      chat.saveItem("thr_0a0b0c0d", ThreadItem.fromJson(document).withThreadId("thr_0a0b0c0d"));
    }
    chat.addItem("thr_0a0b0c0d", ThreadItem.assistantMessage("thr_0a0b0c0d", "Salut — こんにちは", NOW));

    List<List<String>> ours = query("SELECT item_type, item_json::text FROM chat_messages"
        + " WHERE thread_id = 'thr_0a0b0c0d'");
    assertThat(ours).hasSize(upstream.size() + 1).allSatisfy(row -> {
      JsonNode item = parse(row.get(1));
      UpstreamChatkitReader.requireItem(item);
      assertThat(item.path("type").asText()).isEqualTo(row.get(0));
      assertThat(item.path("thread_id").asText()).isEqualTo("thr_0a0b0c0d");
    });
    assertThat(ours).extracting(row -> row.get(0)).containsAll(
        Arrays.stream(ItemType.values()).map(ItemType::value).toList());
  }

  @Test
  void aThreadWeWriteIsOneUpstreamsReaderAccepts() throws SQLException {
    chat().saveThread(new ChatThread("thr_0a0b0c0d", "Entretien — 面接", Instant.parse("2025-04-01T11:59:59.5Z"),
        ChatStatus.locked("Quota"), NODES.objectNode().put("workflow_id", 42).put("note", "Zoë 📄")),
        ChatContext.NONE);

    List<String> row = query("SELECT title, workflow_id, status_json::text, metadata_json::text,"
        + " created_at = '2025-04-01T11:59:59.5+00:00'::timestamptz, updated_at = ?::timestamptz"
        + " FROM chat_threads WHERE id = 'thr_0a0b0c0d'", NOW.toString()).get(0);
    assertThat(row.get(0)).isEqualTo("Entretien — 面接");
    assertThat(row.get(1)).isEqualTo("42");
    UpstreamChatkitReader.requireStatus(parse(row.get(2)));
    assertThat(parse(row.get(2))).isEqualTo(parse("{\"type\":\"locked\",\"reason\":\"Quota\"}"));
    assertThat(parse(row.get(3))).isEqualTo(NODES.objectNode().put("workflow_id", 42).put("note", "Zoë 📄"));
    assertThat(row.subList(4, 6)).containsExactly("t", "t");
  }

  @Test
  void anAttachmentWeWriteIsOneUpstreamsReaderAccepts() throws SQLException {
    chat().saveAttachment(ChatAttachment.image("atc_0f0e0d0c", "Lebenslauf — 履歴書.png", "image/png",
        "https://cdn.example.com/p.png"), ChatContext.NONE.withRequestThreadId(T_SCREEN), null);

    List<String> row = query("SELECT thread_id, attachment_type, name, mime_type, details_json::text, storage_path,"
        + " created_at = ?::timestamptz FROM chat_attachments WHERE id = 'atc_0f0e0d0c'", NOW.toString()).get(0);
    UpstreamChatkitReader.requireAttachment(parse(row.get(4)));
    assertThat(Arrays.asList(row.get(0), row.get(1), row.get(2), row.get(3), row.get(5), row.get(6)))
        .containsExactly(T_SCREEN, "image", "Lebenslauf — 履歴書.png", "image/png", null, "t");
  }

  @Test
  void resavingAnUpstreamThreadKeepsItsCreationTime() throws SQLException {
    ChatStore chat = chat();

    chat.saveThread(chat.loadThread(T_LOCKED).withStatus(ChatStatus.ACTIVE), ChatContext.NONE);

    List<String> values = query("SELECT created_at = '2025-03-01T09:00:00.5+00:00'::timestamptz,"
        + " updated_at = ?::timestamptz, status_json::text FROM chat_threads WHERE id = ?", NOW.toString(), T_LOCKED)
        .get(0);
    assertThat(values.subList(0, 2)).containsExactly("t", "t");
    assertThat(parse(values.get(2))).isEqualTo(parse("{\"type\":\"active\"}"));
  }
}
