package io.orcheo.persistence.core.chatkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Thread items as ChatKit documents. */
class ThreadItemTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) MAPPER.readTree(text);
  }

  @Test
  void timestampsInTheDocumentAreWrittenAsPydanticWritesThem() {
    assertThat(ThreadItem.pydantic(Instant.parse("2025-01-02T03:04:05.120Z"))).isEqualTo("2025-01-02T03:04:05.120000Z");
    assertThat(ThreadItem.pydantic(Instant.parse("2025-01-02T03:04:05Z"))).isEqualTo("2025-01-02T03:04:05Z");
  }

  @Test
  void aDocumentIsReadWithEveryTimestampFormUpstreamWrites() throws Exception {
    for (String time : new String[] {"2025-01-02T03:04:05.5Z", "2025-01-02T03:04:05.500000+00:00",
        "2025-01-02T03:04:05.5"}) {
      ThreadItem item = ThreadItem.fromJson(json("{\"id\":\"msg_1\",\"thread_id\":\"thr_1\",\"created_at\":\"" + time
          + "\",\"type\":\"end_of_turn\"}"));

      assertThat(item.createdAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05.500Z"));
    }
  }

  @Test
  void unknownFieldsSurviveInTheDocument() throws Exception {
    ThreadItem item = ThreadItem.fromJson(json("{\"id\":\"msg_1\",\"thread_id\":\"thr_1\","
        + "\"created_at\":\"2025-01-02T03:04:05Z\",\"type\":\"widget\",\"widget\":{\"type\":\"Card\"},\"extra\":[1]}"));

    assertThat(item.type()).isEqualTo(ItemType.WIDGET);
    assertThat(item.document().get("extra").get(0).intValue()).isEqualTo(1);
  }

  @Test
  void theDocumentAlwaysAgreesWithTheComponents() {
    ThreadItem item = ThreadItem.userMessage("thr_1", "hello", Instant.parse("2025-01-02T03:04:05Z"))
        .withThreadId("thr_2");

    assertThat(item.document().get("thread_id").textValue()).isEqualTo("thr_2");
    assertThat(item.document().get("type").textValue()).isEqualTo("user_message");
    assertThat(item.id()).matches("msg_[0-9a-f]{8}");
  }

  @Test
  void aDocumentDeclaringAnotherTypeIsRejected() throws Exception {
    ObjectNode document = json("{\"type\":\"assistant_message\"}");

    assertThatThrownBy(() -> new ThreadItem("msg_1", "thr_1", Instant.EPOCH, ItemType.USER_MESSAGE, document))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("declared user_message");
  }

  @Test
  void anUnknownTypeIsRejected() throws Exception {
    assertThatThrownBy(() -> ThreadItem.fromJson(json("{\"id\":\"x_1\",\"thread_id\":\"thr_1\","
        + "\"created_at\":\"2025-01-02T03:04:05Z\",\"type\":\"poll\"}")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Unknown thread item type 'poll'");
  }

  @Test
  void searchableTextIsTheMessageTextOnly() throws Exception {
    ThreadItem user = ThreadItem.fromJson(json("{\"id\":\"msg_1\",\"thread_id\":\"thr_1\","
        + "\"created_at\":\"2025-01-02T03:04:05Z\",\"type\":\"user_message\",\"content\":[{\"type\":\"input_text\","
        + "\"text\":\"first\"},{\"type\":\"input_tag\",\"id\":\"t\",\"text\":\"tagged\",\"data\":{}}],"
        + "\"quoted_text\":\"quoted\",\"attachments\":[],\"inference_options\":{}}"));
    ThreadItem tool = ThreadItem.fromJson(json("{\"id\":\"tc_1\",\"thread_id\":\"thr_1\","
        + "\"created_at\":\"2025-01-02T03:04:05Z\",\"type\":\"client_tool_call\",\"name\":\"lookup\"}"));

    assertThat(user.searchableText()).isEqualTo("first\ntagged\nquoted");
    assertThat(tool.searchableText()).isEmpty();
  }
}
