package io.orcheo.persistence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatStatus;
import io.orcheo.persistence.core.chatkit.ChatStore;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.core.chatkit.ItemType;
import io.orcheo.persistence.core.chatkit.ThreadItem;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@code chat threads|items|search|filter}, on SQLite files in a temporary directory. */
class ChatCommandTest extends CommandLineTest {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final String THREAD = "thr_00000001";

  /** Arranges threads and items through the store the commands read, on the same files. */
  private void seed(Consumer<ChatStore> work) {
    try (OrcheoPersistence persistence = OrcheoPersistence.open(PersistenceSettings.fromMap(env))) {
      work.accept(persistence.chat());
    }
  }

  /** Saves {@code thr_0000000<n>} for n in 1..count, created a minute apart in that order, of {@code workflowId}. */
  private static void threads(ChatStore chat, int count, String workflowId) {
    for (int n = 1; n <= count; n++) {
      thread(chat, "thr_0000000" + n, "Thread " + n, workflowId, T0.plus(Duration.ofMinutes(n)));
    }
  }

  private static void thread(ChatStore chat, String id, String title, String workflowId, Instant createdAt) {
    ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    if (workflowId != null) {
      metadata.put("workflow_id", workflowId);
    }
    chat.saveThread(new ChatThread(id, title, createdAt, ChatStatus.ACTIVE, metadata), ChatContext.NONE);
  }

  /** A user or assistant message {@code id} of {@link #THREAD} with {@code text}. */
  private static ThreadItem message(String id, ItemType type, String text) {
    ThreadItem generated = type == ItemType.USER_MESSAGE
        ? ThreadItem.userMessage(THREAD, text, T0)
        : ThreadItem.assistantMessage(THREAD, text, T0);
    return new ThreadItem(id, THREAD, T0, type, generated.document());
  }

  /** {@link #THREAD} with the user messages {@code msg_0}, {@code msg_1}… holding {@code texts}, in that order. */
  private void conversation(String... texts) {
    seed(chat -> {
      thread(chat, THREAD, "Trip", null, T0);
      for (int i = 0; i < texts.length; i++) {
        chat.addItem(THREAD, message("msg_" + i, ItemType.USER_MESSAGE, texts[i]));
      }
    });
  }

  /** The table rows of the output: the lines after the header up to the count line. */
  private List<String> rows() {
    return out.toString().lines().dropWhile(line -> !line.startsWith("ID ") && !line.startsWith("POS "))
        .skip(1).takeWhile(line -> !line.matches("\\d+ .*\\(s\\)")).toList();
  }

  /** The first field of each table row. */
  private List<String> firstFields() {
    return rows().stream().map(line -> line.split(" +")[0]).toList();
  }

  /** The id column of an item table. */
  private List<String> itemIds() {
    return rows().stream().map(line -> line.split(" +")[1]).toList();
  }

  private JsonNode json() {
    try {
      return JsonCodec.mapper().readTree(out.toString());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + out, e);
    }
  }

  // --- threads -------------------------------------------------------------------------------------------------

  @Test
  void threadsPrintsIdCreationStatusTitleAndWorkflowNewestFirst() {
    seed(chat -> {
      thread(chat, "thr_00000001", "Plan a trip", "wf-1", T0);
      chat.saveThread(new ChatThread("thr_00000002", null, T0.plusSeconds(60), ChatStatus.locked("spam"), null),
          ChatContext.NONE);
    });

    assertThat(run("chat", "threads")).isZero();

    assertThat(rows()).satisfiesExactly(
        row -> assertThat(row).matches("thr_00000002 +2026-01-05T09:01:00Z +locked +- +-"),
        row -> assertThat(row).matches("thr_00000001 +2026-01-05T09:00:00Z +active +Plan a trip +wf-1"));
    assertThat(out.toString()).contains("2 thread(s)").doesNotContain("next page");
  }

  @Test
  void threadsInAscendingOrderListsTheOldestFirst() {
    seed(chat -> threads(chat, 3, null));

    assertThat(run("chat", "threads", "--order", "asc")).isZero();

    assertThat(firstFields()).containsExactly("thr_00000001", "thr_00000002", "thr_00000003");
  }

  @Test
  void threadsWithAWorkflowListsOnlyThatWorkflowsThreads() {
    seed(chat -> {
      thread(chat, "thr_0000000a", "A", "wf-1", T0);
      thread(chat, "thr_0000000b", "B", "wf-2", T0.plusSeconds(1));
      thread(chat, "thr_0000000c", "C", null, T0.plusSeconds(2));
    });

    assertThat(run("chat", "threads", "--workflow", "wf-1")).isZero();

    assertThat(firstFields()).containsExactly("thr_0000000a");
  }

  @Test
  void threadsPrintsTheNextPageCommand() {
    seed(chat -> threads(chat, 3, null));

    assertThat(run("chat", "threads", "--limit", "2")).isZero();

    assertThat(firstFields()).containsExactly("thr_00000003", "thr_00000002");
    assertThat(PastedCommand.text(out.toString()))
        .isEqualTo("chat threads --limit 2 --order desc --after=thr_00000002");
  }

  @Test
  void threadsNextPageCommandContinuesAfterThePrintedPage() {
    seed(chat -> threads(chat, 3, null));
    run("chat", "threads", "--limit", "2");

    assertThat(run(PastedCommand.from(out.toString()))).isZero();

    assertThat(firstFields()).containsExactly("thr_00000001");
    assertThat(out.toString()).contains("1 thread(s)").doesNotContain("next page");
  }

  @Test
  void threadsNextPageCommandRepeatsTheWorkflowAndTheOrder() {
    seed(chat -> {
      threads(chat, 3, "my flow's id");
      thread(chat, "thr_00000009", "Other", "wf-2", T0.plus(Duration.ofMinutes(2)));
    });
    run("chat", "threads", "--workflow", "my flow's id", "--order", "ASC", "--limit", "2");
    assertThat(PastedCommand.text(out.toString())).startsWith("chat threads --workflow='my flow'\\''s id' --limit 2 "
        + "--order asc ");

    assertThat(run(PastedCommand.from(out.toString()))).isZero();

    assertThat(firstFields()).containsExactly("thr_00000003");
  }

  @Test
  void threadsKeepsALongTitleWithALineBreakOnOneCutLine() {
    seed(chat -> thread(chat, THREAD, "A title that goes on\nand on\u001b[31m well past thirty characters", null, T0));

    assertThat(run("chat", "threads")).isZero();

    assertThat(rows()).hasSize(1);
    assertThat(rows().get(0)).contains(" A title that goes on and on […").doesNotContain("\u001b");
  }

  @Test
  void threadsJsonPrintsChatKitsPageObject() {
    seed(chat -> threads(chat, 2, "wf-1"));

    assertThat(run("chat", "threads", "--limit", "1", "--json")).isZero();

    JsonNode page = json();
    assertThat(page.get("data")).hasSize(1);
    assertThat(page.at("/data/0/id").asText()).isEqualTo("thr_00000002");
    assertThat(page.at("/data/0/title").asText()).isEqualTo("Thread 2");
    assertThat(page.at("/data/0/created_at").asText()).isEqualTo("2026-01-05T09:02:00Z");
    assertThat(page.at("/data/0/status/type").asText()).isEqualTo("active");
    assertThat(page.at("/data/0/metadata/workflow_id").asText()).isEqualTo("wf-1");
    assertThat(page.get("has_more").booleanValue()).isTrue();
    assertThat(page.get("after").asText()).isEqualTo("thr_00000002");
  }

  @Test
  void threadsOfAnEmptyStorePrintsAnEmptyPage() {
    assertThat(run("chat", "threads")).isZero();

    assertThat(rows()).isEmpty();
    assertThat(out.toString()).contains("0 thread(s)");
  }

  @Test
  void threadsAfterAnUnknownThreadIsAUsageErrorOnOneLine() {
    seed(chat -> threads(chat, 1, null));

    assertThat(run("chat", "threads", "--after", "thr_gone")).isEqualTo(2);

    assertThat(err.toString().lines()).containsExactly(
        "orcheo-db: Invalid --after: Cannot page after 'thr_gone': it is not a thread");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void threadsOfAWorkflowAfterAnotherWorkflowsThreadIsAUsageError() {
    seed(chat -> {
      thread(chat, "thr_0000000a", "A", "wf-1", T0);
      thread(chat, "thr_0000000b", "B", "wf-2", T0.plusSeconds(1));
    });

    assertThat(run("chat", "threads", "--workflow", "wf-1", "--after", "thr_0000000b")).isEqualTo(2);

    assertThat(err.toString()).contains("it is not a thread of workflow wf-1");
  }

  @Test
  void threadsWithAnOrderOtherThanAscOrDescIsAUsageError() {
    assertThat(run("chat", "threads", "--order", "newest")).isEqualTo(2);

    assertThat(err.toString().lines()).containsExactly("orcheo-db: --order must be asc or desc, got 'newest'");
  }

  @Test
  void threadsWithALimitOutOfRangeIsAUsageError() {
    assertThat(run("chat", "threads", "--limit", "0")).isEqualTo(2);

    assertThat(err.toString().lines()).containsExactly("orcheo-db: --limit must be between 1 and 1000, got 0");
  }

  @Test
  void threadsWithABlankWorkflowIsAUsageError() {
    assertThat(run("chat", "threads", "--workflow", " ")).isEqualTo(2);

    assertThat(err.toString()).contains("--workflow must not be blank");
  }

  // --- items ---------------------------------------------------------------------------------------------------

  @Test
  void itemsPrintsPositionIdTypeCreationAndTextNewestFirst() {
    seed(chat -> {
      thread(chat, THREAD, "Trip", "wf-1", T0);
      chat.addItem(THREAD, message("msg_a", ItemType.USER_MESSAGE, "Plan a weekend in Lisbon"));
      chat.addItem(THREAD, message("msg_b", ItemType.ASSISTANT_MESSAGE, "Here is a plan."));
      chat.addItem(THREAD, new ThreadItem("msg_c", THREAD, T0.plusSeconds(5), ItemType.END_OF_TURN, null));
    });

    assertThat(run("chat", "items", THREAD)).isZero();

    assertThat(rows()).satisfiesExactly(
        row -> assertThat(row).matches("2 +msg_c +end_of_turn +2026-01-05T09:00:05Z +\\[end_of_turn]"),
        row -> assertThat(row).matches("1 +msg_b +assistant_message +2026-01-05T09:00:00Z +Here is a plan\\."),
        row -> assertThat(row).matches("0 +msg_a +user_message +2026-01-05T09:00:00Z +Plan a weekend in Lisbon"));
    assertThat(out.toString()).contains("3 item(s)").doesNotContain("next page");
  }

  @Test
  void itemsPrintsTheThreadAboveTheTable() {
    seed(chat -> thread(chat, THREAD, "Trip", "wf-1", T0));

    assertThat(run("chat", "items", THREAD)).isZero();

    assertThat(out.toString().lines().findFirst()).contains(
        "thread thr_00000001  \"Trip\"  active  workflow=wf-1  created_at=2026-01-05T09:00:00Z");
  }

  @Test
  void itemsInAscendingOrderListsThemInConversationOrder() {
    conversation("first", "second", "third");

    assertThat(run("chat", "items", THREAD, "--order", "asc")).isZero();

    assertThat(itemIds()).containsExactly("msg_0", "msg_1", "msg_2");
  }

  @Test
  void itemsPrintsTheNextPageCommand() {
    conversation("first", "second", "third");

    assertThat(run("chat", "items", THREAD, "--limit", "2")).isZero();

    assertThat(itemIds()).containsExactly("msg_2", "msg_1");
    assertThat(PastedCommand.text(out.toString()))
        .isEqualTo("chat items thr_00000001 --limit 2 --order desc --after=msg_1");
  }

  @Test
  void itemsNextPageCommandContinuesAfterThePrintedPage() {
    conversation("first", "second", "third");
    run("chat", "items", THREAD, "--limit", "2");

    assertThat(run(PastedCommand.from(out.toString()))).isZero();

    assertThat(itemIds()).containsExactly("msg_0");
    assertThat(out.toString()).contains("1 item(s)").doesNotContain("next page");
  }

  @Test
  void itemsKeepsALongMessageWithLineBreaksOnOneCutLine() {
    conversation("Line one\nline two\r\n\tand a tab, then a lot more text than a table row can hold at all");

    assertThat(run("chat", "items", THREAD)).isZero();

    assertThat(rows()).hasSize(1);
    assertThat(rows().get(0)).endsWith("  Line one line two and a tab, then a lot more text than a ta…");
  }

  @Test
  void itemsJsonPrintsTheItemDocuments() {
    conversation("Plan a weekend in Lisbon");

    assertThat(run("chat", "items", THREAD, "--json")).isZero();

    JsonNode page = json();
    assertThat(page.at("/data/0/id").asText()).isEqualTo("msg_0");
    assertThat(page.at("/data/0/thread_id").asText()).isEqualTo(THREAD);
    assertThat(page.at("/data/0/type").asText()).isEqualTo("user_message");
    assertThat(page.at("/data/0/content/0/text").asText()).isEqualTo("Plan a weekend in Lisbon");
    assertThat(page.get("has_more").booleanValue()).isFalse();
    assertThat(page.get("after").isNull()).isTrue();
  }

  @Test
  void itemsOfAnUnknownThreadExitsWithNotFoundOnOneLine() {
    assertThat(run("chat", "items", "thr_ghost")).isEqualTo(OrcheoDb.EXIT_NOT_FOUND);

    assertThat(err.toString().lines()).containsExactly("orcheo-db: Thread thr_ghost not found");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void itemsAfterAnItemOfAnotherThreadIsAUsageErrorOnOneLine() {
    conversation("first");
    seed(chat -> {
      thread(chat, "thr_00000002", "Other", null, T0);
      chat.addItem("thr_00000002", message("msg_x", ItemType.USER_MESSAGE, "elsewhere").withThreadId("thr_00000002"));
    });

    assertThat(run("chat", "items", THREAD, "--after", "msg_x")).isEqualTo(2);

    assertThat(err.toString().lines()).containsExactly(
        "orcheo-db: Invalid --after: Cannot page after 'msg_x': it is not an item of thread thr_00000001");
  }

  @Test
  void itemsWithABlankAfterIsAUsageError() {
    conversation("first");

    assertThat(run("chat", "items", THREAD, "--after", "")).isEqualTo(2);

    assertThat(err.toString()).contains("--after must not be blank; omit it for the first page");
  }

  @Test
  void itemsOfAThreadIdWithANulCharacterIsAUsageError() {
    assertThat(run("chat", "items", "thr_\u0000")).isEqualTo(2);

    assertThat(err.toString().lines()).singleElement().asString()
        .startsWith("orcheo-db: Invalid THREAD_ID: it contains a NUL character");
  }

  // --- search --------------------------------------------------------------------------------------------------

  @Test
  void searchPrintsTheItemsWhoseTextHasTheWordsStem() {
    conversation("The webhook run failed", "Thanks for the fix", "It fails when the name is missing");

    assertThat(run("chat", "search", THREAD, "failing", "--order", "asc")).isZero();

    assertThat(itemIds()).containsExactly("msg_0", "msg_2");
    assertThat(out.toString()).startsWith("thread thr_00000001  \"Trip\"").contains("2 matching item(s)");
  }

  @Test
  void searchLeavesOutItemsWithAnExcludedWord() {
    conversation("The webhook run failed", "It fails when the name is missing");

    assertThat(run("chat", "search", THREAD, "fail -webhook")).isZero();

    assertThat(itemIds()).containsExactly("msg_1");
  }

  @Test
  void searchPrintsPositionsInTheThread() {
    conversation("hello", "nothing here", "hello again");

    assertThat(run("chat", "search", THREAD, "hello")).isZero();

    assertThat(firstFields()).containsExactly("2", "0");
  }

  @Test
  void searchNextPageCommandRepeatsTheQueryAndContinuesAfterThePrintedPage() {
    conversation("lisbon trip", "lisbon hotel", "porto trip", "lisbon food");
    run("chat", "search", THREAD, "lisbon or porto", "--limit", "2");
    assertThat(itemIds()).containsExactly("msg_3", "msg_2");
    assertThat(PastedCommand.text(out.toString()))
        .isEqualTo("chat search --limit 2 --order desc --after=msg_2 -- thr_00000001 'lisbon or porto'");

    assertThat(run(PastedCommand.from(out.toString()))).isZero();

    assertThat(itemIds()).containsExactly("msg_1", "msg_0");
    assertThat(out.toString()).doesNotContain("next page");
  }

  @Test
  void searchNextPageCommandKeepsAQueryThatStartsWithAMinus() {
    conversation("lisbon trip", "lisbon hotel", "porto trip", "lisbon food");
    run("chat", "search", "--limit", "1", "--", THREAD, "-porto lisbon");
    assertThat(itemIds()).containsExactly("msg_3");

    assertThat(run(PastedCommand.from(out.toString()))).isZero();

    assertThat(itemIds()).containsExactly("msg_1");
  }

  @Test
  void searchJsonPrintsOnlyTheMatchingDocuments() {
    conversation("lisbon trip", "porto trip");

    assertThat(run("chat", "search", THREAD, "porto", "--json")).isZero();

    assertThat(json().get("data")).singleElement().satisfies(item ->
        assertThat(item.at("/content/0/text").asText()).isEqualTo("porto trip"));
  }

  @Test
  void searchWithOnlyStopWordsIsAUsageErrorOnOneLine() {
    conversation("the end");

    assertThat(run("chat", "search", THREAD, "the")).isEqualTo(2);

    assertThat(err.toString().lines()).singleElement().asString()
        .startsWith("orcheo-db: Invalid QUERY: Search query 'the' has no word to search for");
  }

  @Test
  void searchOfAnUnknownThreadExitsWithNotFound() {
    assertThat(run("chat", "search", "thr_ghost", "lisbon")).isEqualTo(OrcheoDb.EXIT_NOT_FOUND);

    assertThat(err.toString().lines()).containsExactly("orcheo-db: Thread thr_ghost not found");
  }

  @Test
  void searchAfterAnUnknownItemIsAUsageError() {
    conversation("lisbon");

    assertThat(run("chat", "search", THREAD, "lisbon", "--after", "msg_gone")).isEqualTo(2);

    assertThat(err.toString()).startsWith("orcheo-db: Invalid --after: Cannot page after 'msg_gone'");
  }

  @Test
  void searchFindsAQuotedPhraseThatHoldsAStopWord() {
    conversation("the webhook sent no name", "no webhook, no name sent");

    assertThat(run("chat", "search", THREAD, "\"sent no name\"")).isZero();

    assertThat(itemIds()).containsExactly("msg_0");
  }

  // --- filter --------------------------------------------------------------------------------------------------

  /** Threads thr_00000001..3 with {"locale": "en"}, then thr_00000004 with {"locale": "pt"}. */
  private void localized() {
    seed(chat -> {
      for (int n = 1; n <= 4; n++) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("locale", n < 4 ? "en" : "pt");
        metadata.putObject("client").put("app", "web");
        chat.saveThread(new ChatThread("thr_0000000" + n, "T" + n, T0.plusSeconds(n), ChatStatus.ACTIVE, metadata),
            ChatContext.NONE);
      }
    });
  }

  @Test
  void filterListsTheThreadsWhoseMetadataContainsTheObject() {
    localized();

    assertThat(run("chat", "filter", "--metadata", "{\"locale\": \"pt\", \"client\": {\"app\": \"web\"}}")).isZero();

    assertThat(firstFields()).containsExactly("thr_00000004");
    assertThat(out.toString()).contains("1 thread(s)");
  }

  @Test
  void filterNextPageCommandRepeatsTheFilterAndContinuesAfterThePrintedPage() {
    localized();
    run("chat", "filter", "--metadata", "{\"locale\": \"en\"}", "--limit", "2");
    assertThat(firstFields()).containsExactly("thr_00000003", "thr_00000002");
    assertThat(PastedCommand.text(out.toString()))
        .isEqualTo("chat filter --metadata='{\"locale\":\"en\"}' --limit 2 --order desc --after=thr_00000002");

    assertThat(run(PastedCommand.from(out.toString()))).isZero();

    assertThat(firstFields()).containsExactly("thr_00000001");
  }

  @Test
  void filterJsonPrintsTheThreadDocuments() {
    localized();

    assertThat(run("chat", "filter", "--metadata", "{\"locale\": \"pt\"}", "--json")).isZero();

    assertThat(json().at("/data/0/metadata/locale").asText()).isEqualTo("pt");
  }

  @Test
  void filterWithMetadataThatIsNotJsonIsAUsageErrorOnOneLine() {
    assertThat(run("chat", "filter", "--metadata", "{locale: en}")).isEqualTo(2);

    assertThat(err.toString().lines()).singleElement().asString()
        .startsWith("orcheo-db: Invalid --metadata: not JSON");
  }

  @Test
  void filterWithMetadataThatIsNotAnObjectIsAUsageError() {
    assertThat(run("chat", "filter", "--metadata", "[\"en\"]")).isEqualTo(2);

    assertThat(err.toString()).contains("Invalid --metadata: expected a JSON object").contains("got ARRAY");
  }

  @Test
  void filterThatNeitherBackendSupportsIsAUsageError() {
    assertThat(run("chat", "filter", "--metadata", "{\"a\": [{\"b\": 1}]}")).isEqualTo(2);

    assertThat(err.toString().lines()).containsExactly("orcheo-db: Invalid --metadata: JSON filter at $.a holds an "
        + "array of objects or arrays; only arrays of scalars are supported");
  }

  @Test
  void filterAfterAnUnknownThreadIsAUsageError() {
    localized();

    assertThat(run("chat", "filter", "--metadata", "{}", "--after", "thr_gone")).isEqualTo(2);

    assertThat(err.toString()).startsWith("orcheo-db: Invalid --after: Cannot page after 'thr_gone'");
  }

  @Test
  void filterWithoutMetadataIsAUsageError() {
    assertThat(run("chat", "filter")).isEqualTo(2);

    assertThat(err.toString()).contains("Missing required option: '--metadata=JSON'");
  }
}
