package io.orcheo.persistence.core.chatkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What saving a thread under a request context does to it: upstream's title auto-fill and metadata merge. */
class ChatContextTest {
  private static final Instant AT = Instant.parse("2025-01-02T03:04:05Z");

  private static ChatThread untitled() {
    return new ChatThread("thr_1", null, AT, ChatStatus.ACTIVE, null);
  }

  @Test
  void anUntitledThreadTakesTheFirstNonEmptyInputTextCutToTwentyCharactersAndStripped() {
    ChatThread thread = ChatContext.NONE.withInputTexts(List.of("", " Please summarise the quarterly report"))
        .applyTo(untitled());

    assertThat(thread.title()).isEqualTo("Please summarise th");
  }

  @Test
  void theTitleCountsCodePointsNotUtf16Units() {
    ChatThread thread = ChatContext.NONE.withInputTexts(List.of("📄".repeat(25))).applyTo(untitled());

    assertThat(thread.title()).isEqualTo("📄".repeat(20));
  }

  @Test
  void whitespaceOnlyInputLeavesNoTitle() {
    ChatThread thread = ChatContext.NONE.withInputTexts(List.of("   ", "later text")).applyTo(untitled());

    assertThat(thread.title()).isNull();
  }

  @Test
  void noBreakSpacesAreStrippedAsPythonStripsThem() {
    ChatThread thread = ChatContext.NONE.withInputTexts(List.of("\u00a0Hello\u202f")).applyTo(untitled());

    assertThat(thread.title()).isEqualTo("Hello");
  }

  @Test
  void anExistingTitleIsKept() {
    ChatThread thread = ChatContext.NONE.withInputTexts(List.of("ignored"))
        .applyTo(untitled().withTitle("Kept"));

    assertThat(thread.title()).isEqualTo("Kept");
  }

  @Test
  void requestMetadataIsMergedWithTheRequestWinning() {
    ObjectNode existing = JsonNodeFactory.instance.objectNode().put("a", 1).put("b", 1);
    ObjectNode request = JsonNodeFactory.instance.objectNode().put("b", 2).put("workflow_id", "wf-9");

    ChatThread thread = ChatContext.NONE.withRequestMetadata(request).applyTo(untitled().withMetadata(existing));

    assertThat(thread.metadata().toString()).isEqualTo("{\"a\":1,\"b\":2,\"workflow_id\":\"wf-9\"}");
    assertThat(thread.workflowId()).contains("wf-9");
  }

  @Test
  void emptyRequestMetadataLeavesTheMetadataAsItIs() {
    ObjectNode existing = JsonNodeFactory.instance.objectNode().put("a", 1);

    ChatThread thread = ChatContext.NONE.withRequestMetadata(JsonNodeFactory.instance.objectNode())
        .applyTo(untitled().withMetadata(existing));

    assertThat(thread.metadata()).isEqualTo(existing);
    assertThat(ChatContext.NONE.withRequestMetadata(JsonNodeFactory.instance.objectNode()).metadata()).isEmpty();
  }

  @Test
  void anEmptyWorkflowOrThreadIdMeansNone() {
    ChatContext context = ChatContext.forWorkflow("").withRequestThreadId("");

    assertThat(context.workflow()).isEmpty();
    assertThat(context.requestThread()).isEmpty();
  }
}
