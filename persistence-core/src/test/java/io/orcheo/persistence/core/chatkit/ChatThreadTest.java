package io.orcheo.persistence.core.chatkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A thread's own rules: its workflow scope and the text it may hold. */
class ChatThreadTest {
  private static final Instant AT = Instant.parse("2025-01-02T03:04:05.123456789Z");

  private static ChatThread withWorkflow(ObjectNode metadata) {
    return new ChatThread("thr_1", null, AT, ChatStatus.ACTIVE, metadata);
  }

  @Test
  void theWorkflowIsMetadataWorkflowIdWhenTruthy() {
    JsonNodeFactory json = JsonNodeFactory.instance;

    assertThat(withWorkflow(json.objectNode().put("workflow_id", "wf-1")).workflowId()).contains("wf-1");
    assertThat(withWorkflow(json.objectNode().put("workflow_id", 42)).workflowId()).contains("42");
    assertThat(withWorkflow(json.objectNode().put("workflow_id", "")).workflowId()).isEmpty();
    assertThat(withWorkflow(json.objectNode().put("workflow_id", 0)).workflowId()).isEmpty();
    assertThat(withWorkflow(json.objectNode().putNull("workflow_id")).workflowId()).isEmpty();
    assertThat(withWorkflow(json.objectNode()).workflowId()).isEmpty();
  }

  @Test
  void theCreationTimeIsKeptToTheMicrosecond() {
    assertThat(withWorkflow(null).createdAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05.123456Z"));
  }

  @Test
  void theMetadataCannotBeChangedFromOutside() {
    ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("a", 1);
    ChatThread thread = withWorkflow(metadata);

    metadata.put("a", 2);
    thread.metadata().put("a", 3);

    assertThat(thread.metadata().get("a").intValue()).isEqualTo(1);
  }

  @Test
  void aTitleWithALoneSurrogateIsRejected() {
    assertThatThrownBy(() -> withWorkflow(null).withTitle("broken \uD800 title"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("lone UTF-16 surrogate");
  }

  @Test
  void aGeneratedIdFollowsChatKitsConvention() {
    assertThat(ChatThread.create(null, null, AT).id()).matches("thr_[0-9a-f]{8}");
  }
}
