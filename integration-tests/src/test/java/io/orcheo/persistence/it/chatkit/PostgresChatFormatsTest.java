package io.orcheo.persistence.it.chatkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.chatkit.ChatAttachment;
import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.it.support.TestBackend;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the ChatKit store writes into PostgreSQL (spec §0, §C.1): the JSON columns are {@code jsonb} holding
 * documents (not JSON strings), so upstream's {@code @>} queries and GIN indexes work on our rows, and timestamps
 * are {@code timestamptz} to the microsecond.
 */
class PostgresChatFormatsTest extends ChatContractSupport {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }

  private String dataType(String table, String column) throws SQLException {
    return rows().text("SELECT data_type FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
        table, column);
  }

  @Test
  void jsonColumnsAreJsonb() throws SQLException {
    for (List<String> column : List.of(List.of("chat_threads", "status_json"), List.of("chat_threads", "metadata_json"),
        List.of("chat_messages", "item_json"), List.of("chat_attachments", "details_json"))) {
      assertThat(dataType(column.get(0), column.get(1))).as("%s.%s", column.get(0), column.get(1)).isEqualTo("jsonb");
    }
  }

  @Test
  void timestampColumnsAreTimestampsWithTimeZone() throws SQLException {
    for (List<String> column : List.of(List.of("chat_threads", "created_at"), List.of("chat_threads", "updated_at"),
        List.of("chat_messages", "created_at"), List.of("chat_attachments", "created_at"))) {
      assertThat(dataType(column.get(0), column.get(1))).as("%s.%s", column.get(0), column.get(1))
          .isEqualTo("timestamp with time zone");
    }
  }

  @Test
  void storedJsonAreDocumentsNotStrings() throws SQLException {
    thread("thr_1", "{\"workflow_id\": \"wf-1\", \"tags\": [\"a\"]}");
    add("thr_1", "msg_1", "hello");
    store().saveAttachment(ChatAttachment.file("atc_1", "a.txt", "text/plain"), ChatContext.NONE, null);

    assertThat(rows().text("SELECT jsonb_typeof(metadata_json) FROM chat_threads")).isEqualTo("object");
    assertThat(rows().text("SELECT jsonb_typeof(status_json) FROM chat_threads")).isEqualTo("object");
    assertThat(rows().text("SELECT jsonb_typeof(item_json) FROM chat_messages")).isEqualTo("object");
    assertThat(rows().text("SELECT jsonb_typeof(details_json) FROM chat_attachments")).isEqualTo("object");
  }

  @Test
  void storedJsonAnswersUpstreamsContainmentQueries() throws SQLException {
    thread("thr_1", "{\"workflow_id\": \"wf-1\", \"tags\": [\"a\", \"b\"]}");
    add("thr_1", "msg_1", "hello");

    assertThat(rows().column("SELECT id FROM chat_threads WHERE metadata_json @> CAST(? AS jsonb)",
        "{\"tags\": [\"b\"]}")).containsExactly("thr_1");
    assertThat(rows().column("SELECT id FROM chat_threads WHERE status_json @> CAST(? AS jsonb)",
        "{\"type\": \"active\"}")).containsExactly("thr_1");
    assertThat(rows().text("SELECT item_json -> 'content' -> 0 ->> 'text' FROM chat_messages WHERE id = ?", "msg_1"))
        .isEqualTo("hello");
    assertThat(rows().text("SELECT item_json ->> 'created_at' FROM chat_messages WHERE id = ?", "msg_1"))
        .isEqualTo("2025-01-02T03:04:05.123456Z");
  }

  @Test
  void timestampsKeepTheirMicroseconds() throws SQLException {
    thread("thr_1", START);
    add("thr_1", "msg_1", "hello");

    assertThat(rows().instant("SELECT created_at FROM chat_threads WHERE id = ?", "thr_1")).isEqualTo(START);
    assertThat(rows().instant("SELECT updated_at FROM chat_threads WHERE id = ?", "thr_1")).isEqualTo(START);
    assertThat(rows().instant("SELECT created_at FROM chat_messages WHERE id = ?", "msg_1")).isEqualTo(START);
  }
}
