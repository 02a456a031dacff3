package io.orcheo.persistence.it.chatkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.chatkit.ChatPageRequest;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.core.chatkit.ThreadItem;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.error.StorageException;
import io.orcheo.persistence.it.support.MutableClock;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upstream Orcheo's SQLite upgrade of a {@code chat_messages} table from before it had {@code thread_id} (spec §C.4,
 * §H.3 items 16–19), applied when the store opens such a {@code chatkit.sqlite}: each row's thread comes from its
 * JSON ({@code thread_id}, else {@code threadId}, else {@code metadata.thread_id}), rows without one are dropped,
 * invalid JSON fails the upgrade and changes nothing, and a table that has {@code thread_id} is left alone.
 *
 * <p>Where we deliberately differ from upstream: a row whose thread is not in {@code chat_threads} is dropped too
 * (upstream copies it with foreign keys off, leaving an item the foreign key would refuse).
 */
class SqliteChatLegacyUpgradeTest {
  private static final Instant START = Instant.parse("2025-01-02T03:04:05.123456Z");

  private static final String UPSTREAM_THREADS = """
      CREATE TABLE chat_threads (
          id TEXT PRIMARY KEY,
          title TEXT,
          workflow_id TEXT,
          status_json TEXT NOT NULL,
          metadata_json TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
      )""";

  private static final String LEGACY_MESSAGES = """
      CREATE TABLE chat_messages (
          id TEXT PRIMARY KEY,
          ordinal INTEGER NOT NULL,
          item_type TEXT,
          item_json TEXT NOT NULL,
          created_at TEXT NOT NULL
      )""";

  @TempDir Path directory;
  private final MutableClock clock = new MutableClock(START);

  private Path chatkitFile() {
    return directory.resolve("chatkit.sqlite");
  }

  private void plant(String... statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + chatkitFile());
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private List<List<String>> query(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + chatkitFile())) {
      return Rows.query(connection, sql);
    }
  }

  private OrcheoPersistence open() {
    return OrcheoPersistence.open(PersistenceSettings.defaults().withSqliteDirectory(directory), clock);
  }

  private static String thread(String id) {
    return "INSERT INTO chat_threads VALUES ('" + id + "', NULL, NULL, '{\"type\":\"active\"}', '{}',"
        + " '2025-01-02T03:04:05+00:00', '2025-01-02T03:04:05+00:00')";
  }

  /** A legacy row: {@code threadFields} is the JSON that names (or does not name) its thread. */
  private static String message(String id, int ordinal, String threadFields) {
    return "INSERT INTO chat_messages VALUES ('" + id + "', " + ordinal + ", 'user_message', '{\"id\":\"" + id
        + "\"," + threadFields + "\"created_at\":\"2025-01-02T03:04:05Z\",\"type\":\"user_message\","
        + "\"content\":[{\"type\":\"input_text\",\"text\":\"text of " + id + "\"}],\"attachments\":[]}',"
        + " '2025-01-02T03:04:05+00:00')";
  }

  private List<String> columnsOfMessages() throws SQLException {
    return query("SELECT name FROM pragma_table_info('chat_messages')").stream().map(row -> row.get(0)).toList();
  }

  @Test
  void legacyItemsTakeTheirThreadFromTheirJsonAndStayLoadable() throws SQLException {
    plant(UPSTREAM_THREADS, LEGACY_MESSAGES, thread("thr_1"),
        message("msg_1", 0, "\"thread_id\":\"thr_1\","),
        message("msg_2", 1, "\"threadId\":\"thr_1\","),
        message("msg_3", 2, "\"metadata\":{\"thread_id\":\"thr_1\"},"));

    try (OrcheoPersistence persistence = open()) {
      List<ThreadItem> items = persistence.chat().listItems("thr_1", ChatPageRequest.first(10, SortOrder.ASC)).data();

      assertThat(items).extracting(ThreadItem::id).containsExactly("msg_1", "msg_2", "msg_3");
      assertThat(items).allSatisfy(item -> assertThat(item.threadId()).isEqualTo("thr_1"));
      assertThat(items.get(1).document().path("content").path(0).path("text").asText()).isEqualTo("text of msg_2");
    }
    assertThat(query("SELECT id, thread_id, ordinal FROM chat_messages ORDER BY ordinal")).containsExactly(
        List.of("msg_1", "thr_1", "0"), List.of("msg_2", "thr_1", "1"), List.of("msg_3", "thr_1", "2"));
  }

  @Test
  void upgradedTableReferencesItsThreadWithCascade() throws SQLException {
    plant(UPSTREAM_THREADS, LEGACY_MESSAGES, thread("thr_1"), message("msg_1", 0, "\"thread_id\":\"thr_1\","));

    try (OrcheoPersistence persistence = open()) {
      persistence.chat().deleteThread("thr_1");
    }

    assertThat(query("SELECT count(*) FROM chat_messages")).containsExactly(List.of("0"));
    assertThat(query("SELECT \"table\", \"from\", on_delete FROM pragma_foreign_key_list('chat_messages')"))
        .containsExactly(List.of("chat_threads", "thread_id", "CASCADE"));
  }

  @Test
  void upgradedItemsAreFoundBySearch() throws SQLException {
    plant(UPSTREAM_THREADS, LEGACY_MESSAGES, thread("thr_1"), message("msg_1", 0, "\"thread_id\":\"thr_1\","));

    try (OrcheoPersistence persistence = open()) {
      assertThat(persistence.chat().searchItems("thr_1", "text", ChatPageRequest.first(10, SortOrder.ASC)).data())
          .extracting(ThreadItem::id).containsExactly("msg_1");
    }
  }

  @Test
  void legacyRowsWithoutADerivableThreadAreDropped() throws SQLException {
    plant(UPSTREAM_THREADS, LEGACY_MESSAGES, thread("thr_1"),
        message("msg_kept", 0, "\"thread_id\":\"thr_1\","),
        message("msg_none", 1, ""),
        message("msg_empty", 2, "\"thread_id\":\"\","));

    try (OrcheoPersistence persistence = open()) {
      assertThat(persistence.chat().listItems("thr_1", ChatPageRequest.first(10, SortOrder.ASC)).data())
          .extracting(ThreadItem::id).containsExactly("msg_kept");
    }
    assertThat(query("SELECT id FROM chat_messages")).containsExactly(List.of("msg_kept"));
  }

  @Test
  void legacyRowsOfAThreadMissingFromChatThreadsAreDroppedUnlikeUpstream() throws SQLException {
    plant(UPSTREAM_THREADS, LEGACY_MESSAGES, thread("thr_1"),
        message("msg_kept", 0, "\"thread_id\":\"thr_1\","),
        message("msg_orphan", 1, "\"thread_id\":\"thr_gone\","));

    try (OrcheoPersistence persistence = open()) {
      // Opening upgrades the table; the rows are read beneath the store.
    }

    assertThat(query("SELECT id FROM chat_messages")).containsExactly(List.of("msg_kept"));
  }

  @Test
  void legacyRowWithInvalidJsonFailsTheOpeningAndChangesNothing() throws SQLException {
    plant(UPSTREAM_THREADS, LEGACY_MESSAGES, thread("thr_1"),
        message("msg_good", 0, "\"thread_id\":\"thr_1\","),
        "INSERT INTO chat_messages VALUES ('msg_bad', 1, 'user_message', '{not json', '2025-01-02T03:04:05+00:00')");

    assertThatThrownBy(this::open)
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("msg_bad");

    assertThat(columnsOfMessages()).doesNotContain("thread_id");
    assertThat(query("SELECT id, item_json FROM chat_messages ORDER BY ordinal")).extracting(row -> row.get(0))
        .containsExactly("msg_good", "msg_bad");
    assertThat(query("SELECT item_json FROM chat_messages WHERE id = 'msg_bad'"))
        .containsExactly(List.of("{not json"));
  }

  @Test
  void tableThatHasThreadIdIsNotUpgradedAgain() throws SQLException {
    plant(UPSTREAM_THREADS, thread("thr_1"), thread("thr_2"), """
        CREATE TABLE chat_messages (
            id TEXT PRIMARY KEY,
            thread_id TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            item_type TEXT,
            item_json TEXT NOT NULL,
            created_at TEXT NOT NULL,
            FOREIGN KEY (thread_id) REFERENCES chat_threads(id) ON DELETE CASCADE
        )""",
        // The column says thr_2 and the JSON thr_1: an upgrade would re-derive thr_1 from the JSON.
        "INSERT INTO chat_messages VALUES ('msg_1', 'thr_2', 5, 'user_message', '{\"id\":\"msg_1\","
            + "\"thread_id\":\"thr_1\",\"created_at\":\"2025-01-02T03:04:05Z\",\"type\":\"user_message\","
            + "\"content\":[],\"attachments\":[]}', '2025-01-02T03:04:05+00:00')");

    try (OrcheoPersistence persistence = open()) {
      assertThat(persistence.chat().listItems("thr_2", ChatPageRequest.first(10, SortOrder.ASC)).data())
          .extracting(ThreadItem::id).containsExactly("msg_1");
    }
    assertThat(query("SELECT thread_id, ordinal FROM chat_messages WHERE id = 'msg_1'"))
        .containsExactly(List.of("thr_2", "5"));
  }
}
