package io.orcheo.persistence.it.chatkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.core.chatkit.ChatAttachment;
import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatStatus;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the ChatKit store writes into {@code chatkit.sqlite}, read with plain JDBC on the file: upstream Orcheo's
 * formats (spec §0, §C.1 "Serialization", and the observed formats), so that upstream reads our rows and sorts them
 * with its own. Column timestamps are Python's {@code isoformat()} with {@code +00:00} and six fraction digits or
 * none; the JSON columns are compact with non-ASCII characters raw; an item's JSON writes {@code created_at} the
 * pydantic way, with {@code Z}.
 */
class SqliteChatFormatsTest extends ChatContractSupport {
  private static final Instant WHOLE_SECOND = Instant.parse("2025-01-02T03:04:05Z");

  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }

  private String text(String sql, Object... parameters) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + persistence.settings().chatkitSqlitePath())) {
      List<List<String>> rows = Rows.query(connection, sql, parameters);
      assertThat(rows).as("rows of %s", sql).hasSize(1);
      return rows.get(0).get(0);
    }
  }

  /** The text Jackson writes for the same document compactly, in the same key order, non-ASCII raw. */
  private static String compact(String stored) {
    return JsonCodec.write(JsonCodec.read(stored));
  }

  // --- Column timestamps --------------------------------------------------------------------------------------

  @Test
  void threadTimestampsAreIsoformatWithPlusZeroOffsetAndSixFractionDigits() throws SQLException {
    thread("thr_1", START);

    assertThat(text("SELECT created_at FROM chat_threads WHERE id = ?", "thr_1"))
        .isEqualTo("2025-01-02T03:04:05.123456+00:00");
    assertThat(text("SELECT updated_at FROM chat_threads WHERE id = ?", "thr_1"))
        .isEqualTo("2025-01-02T03:04:05.123456+00:00");
  }

  @Test
  void wholeSecondTimestampsOmitTheFraction() throws SQLException {
    clock.set(WHOLE_SECOND);

    thread("thr_1", WHOLE_SECOND);

    assertThat(text("SELECT created_at FROM chat_threads WHERE id = ?", "thr_1"))
        .isEqualTo("2025-01-02T03:04:05+00:00");
    assertThat(text("SELECT updated_at FROM chat_threads WHERE id = ?", "thr_1"))
        .isEqualTo("2025-01-02T03:04:05+00:00");
  }

  @Test
  void fractionWithTrailingZerosKeepsSixDigits() throws SQLException {
    Instant half = Instant.parse("2025-01-02T03:04:05.5Z");
    clock.set(half);

    thread("thr_1", half);

    assertThat(text("SELECT created_at FROM chat_threads WHERE id = ?", "thr_1"))
        .isEqualTo("2025-01-02T03:04:05.500000+00:00");
  }

  @Test
  void itemCreationColumnIsIsoformatWithPlusZeroOffset() throws SQLException {
    thread("thr_1");

    add("thr_1", "msg_1", "hello");

    assertThat(text("SELECT created_at FROM chat_messages WHERE id = ?", "msg_1"))
        .isEqualTo("2025-01-02T03:04:05.123456+00:00");
  }

  @Test
  void attachmentSaveTimeColumnIsIsoformatWithPlusZeroOffset() throws SQLException {
    clock.set(WHOLE_SECOND);

    store().saveAttachment(ChatAttachment.file("atc_1", "a.txt", "text/plain"), ChatContext.NONE, null);

    assertThat(text("SELECT created_at FROM chat_attachments WHERE id = ?", "atc_1"))
        .isEqualTo("2025-01-02T03:04:05+00:00");
  }

  // --- JSON columns ---------------------------------------------------------------------------------------------

  @Test
  void itemJsonIsCompactWithNonAsciiCharactersRaw() throws SQLException {
    thread("thr_1");
    add("thr_1", "msg_1", "caf\u00e9 \u2603 \ud83d\udcc4, said she: \"hi\"");

    String stored = text("SELECT item_json FROM chat_messages WHERE id = ?", "msg_1");

    assertThat(stored).isEqualTo(compact(stored));
    assertThat(stored).contains("caf\u00e9 \u2603 \ud83d\udcc4").doesNotContain("\\u");
  }

  @Test
  void itemJsonWritesTheCreationTimeWithZ() throws SQLException {
    thread("thr_1");
    add("thr_1", "msg_1", "hello");

    JsonNode stored = JsonCodec.read(text("SELECT item_json FROM chat_messages WHERE id = ?", "msg_1"));

    assertThat(stored.path("created_at").asText()).isEqualTo("2025-01-02T03:04:05.123456Z");
  }

  @Test
  void itemJsonWritesAWholeSecondCreationTimeWithoutAFraction() throws SQLException {
    clock.set(WHOLE_SECOND);
    thread("thr_1");
    add("thr_1", "msg_1", "hello");

    JsonNode stored = JsonCodec.read(text("SELECT item_json FROM chat_messages WHERE id = ?", "msg_1"));

    assertThat(stored.path("created_at").asText()).isEqualTo("2025-01-02T03:04:05Z");
  }

  @Test
  void itemJsonHoldsTheItemsIdThreadAndTypeAndTheTypeColumnItsDiscriminator() throws SQLException {
    thread("thr_1");
    store().addItem("thr_1", assistantMessage("msg_1", "thr_1", "hello"));

    JsonNode stored = JsonCodec.read(text("SELECT item_json FROM chat_messages WHERE id = ?", "msg_1"));

    assertThat(stored.path("id").asText()).isEqualTo("msg_1");
    assertThat(stored.path("thread_id").asText()).isEqualTo("thr_1");
    assertThat(stored.path("type").asText()).isEqualTo("assistant_message");
    assertThat(text("SELECT item_type FROM chat_messages WHERE id = ?", "msg_1")).isEqualTo("assistant_message");
  }

  @Test
  void metadataJsonIsCompactWithNonAsciiCharactersRaw() throws SQLException {
    thread("thr_1", "{\"note\": \"na\u00efve \u2603\", \"list\": [1, 2], \"nested\": {\"a\": null}}");

    String stored = text("SELECT metadata_json FROM chat_threads WHERE id = ?", "thr_1");

    assertThat(stored).isEqualTo(compact(stored));
    assertThat(stored).contains("na\u00efve \u2603").doesNotContain("\\u");
  }

  @Test
  void activeStatusIsStoredAsChatKitsCompactObject() throws SQLException {
    thread("thr_1");

    assertThat(text("SELECT status_json FROM chat_threads WHERE id = ?", "thr_1")).isEqualTo("{\"type\":\"active\"}");
  }

  @Test
  void lockedStatusIsStoredWithItsReason() throws SQLException {
    store().saveThread(new ChatThread("thr_1", null, START, ChatStatus.locked("under review"), null),
        ChatContext.NONE);

    assertThat(JsonCodec.read(text("SELECT status_json FROM chat_threads WHERE id = ?", "thr_1")))
        .isEqualTo(json("{\"type\": \"locked\", \"reason\": \"under review\"}"));
  }

  @Test
  void attachmentDetailsAreTheWholeObjectCompact() throws SQLException {
    store().saveAttachment(ChatAttachment.file("atc_1", "r\u00e9sum\u00e9.txt", "text/plain"), ChatContext.NONE,
        null);

    String stored = text("SELECT details_json FROM chat_attachments WHERE id = ?", "atc_1");

    assertThat(stored).isEqualTo(compact(stored)).contains("r\u00e9sum\u00e9.txt");
    assertThat(JsonCodec.read(stored)).isEqualTo(ChatAttachment.file("atc_1", "r\u00e9sum\u00e9.txt", "text/plain")
        .document());
    assertThat(text("SELECT attachment_type FROM chat_attachments WHERE id = ?", "atc_1")).isEqualTo("file");
  }

  // --- The file --------------------------------------------------------------------------------------------------

  @Test
  void chatkitFileIsLeftInWalMode() throws SQLException {
    thread("thr_1");

    assertThat(text("PRAGMA journal_mode")).isEqualToIgnoringCase("wal");
  }

  @Test
  void chatkitTablesLiveInTheirOwnFile() throws SQLException {
    thread("thr_1");

    assertThat(text("SELECT count(*) FROM chat_threads")).isEqualTo("1");
    try (Connection repository =
            DriverManager.getConnection("jdbc:sqlite:" + persistence.settings().repositorySqlitePath())) {
      assertThat(Rows.query(repository, "SELECT name FROM sqlite_master WHERE name = 'chat_threads'")).isEmpty();
    }
  }
}
