package io.orcheo.persistence.it.chatkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatPage;
import io.orcheo.persistence.core.chatkit.ChatPageRequest;
import io.orcheo.persistence.core.chatkit.ChatStatus;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.core.chatkit.ChatThreadNotFoundException;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.core.chatkit.UnknownPageMarkerException;
import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.error.ValidationException;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ChatKit threads ({@link io.orcheo.persistence.core.chatkit.ChatStore}'s thread operations) on every backend:
 * upstream Orcheo's behaviours of spec §H.3 (items 1, 6, 10–13, 21, 28, 29, 34, 36), the saving rules of §C.2
 * operation 2 (creation time kept, title taken from the input, request metadata merged, {@code workflow_id}
 * following {@code metadata.workflow_id}, {@code updated_at} moved), keyset pages ordered by
 * {@code (created_at, id)}, deleting a thread with its items, and text neither backend can store refused before
 * anything is written.
 *
 * <p>Where we deliberately differ from upstream the test's name says so: a page marker that names no thread of the
 * listing's scope is rejected instead of silently restarting from the first page.
 */
public abstract class ChatThreadsContract extends ChatContractSupport {

  // --- Save and load (§H.3 items 1, 6, 28) ---------------------------------------------------------------------

  @Test
  void savedThreadLoadsBackWithItsTitleStatusCreationAndMetadata() {
    ChatThread thread = new ChatThread("thr_1", "Hello", START, ChatStatus.ACTIVE,
        json("{\"topic\": \"greeting\", \"n\": 1, \"nested\": {\"list\": [1, \"two\", null]}}"));

    store().saveThread(thread, ChatContext.NONE);

    assertThat(store().loadThread("thr_1")).isEqualTo(thread);
  }

  @Test
  void saveThreadReturnsTheThreadAsLoaded() {
    ChatThread saved = store().saveThread(
        new ChatThread("thr_1", "Hello", START, ChatStatus.ACTIVE, json("{\"a\": 1}")), ChatContext.NONE);

    assertThat(saved).isEqualTo(store().loadThread("thr_1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statuses")
  void threadStatusRoundTripsWithItsReason(ChatStatus status) {
    store().saveThread(new ChatThread("thr_1", null, START, status, null), ChatContext.NONE);

    assertThat(store().loadThread("thr_1").status()).isEqualTo(status);
  }

  static Stream<ChatStatus> statuses() {
    return Stream.of(ChatStatus.ACTIVE, ChatStatus.locked("under review"), ChatStatus.locked(null),
        ChatStatus.closed("resolved"), ChatStatus.closed(null));
  }

  @Test
  void nonAsciiTitleAndMetadataRoundTrip() {
    ChatThread thread = new ChatThread("thr_1", "R\u00e9sum\u00e9 \u2014 \u5c65\u6b74\u66f8 \ud83d\udcc4", START,
        ChatStatus.ACTIVE, json("{\"caf\u00e9\": \"na\u00efve \u2603 \ud83d\ude00\"}"));

    store().saveThread(thread, ChatContext.NONE);

    assertThat(store().loadThread("thr_1")).isEqualTo(thread);
  }

  @Test
  void integersBeyondSixtyFourBitsInMetadataRoundTripExactly() {
    ChatThread thread = new ChatThread("thr_1", null, START, ChatStatus.ACTIVE,
        json("{\"big\": 18446744073709551616, \"negative\": -9223372036854775809,"
            + " \"huge\": 123456789012345678901234567890}"));

    store().saveThread(thread, ChatContext.NONE);

    ObjectNode metadata = store().loadThread("thr_1").metadata();
    assertThat(metadata.get("big").bigIntegerValue()).isEqualTo(new BigInteger("18446744073709551616"));
    assertThat(metadata.get("negative").bigIntegerValue())
        .isEqualTo(new BigInteger("-9223372036854775809"));
    assertThat(metadata.get("huge").bigIntegerValue())
        .isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(metadata.get("big").isIntegralNumber()).isTrue();
  }

  @Test
  void loadingAMissingThreadIsThreadNotFoundWithUpstreamsMessage() {
    assertThatThrownBy(() -> store().loadThread("thr_missing"))
        .isInstanceOf(ChatThreadNotFoundException.class)
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Thread thr_missing not found");
  }

  @Test
  void savingAnExistingThreadKeepsItsCreationTime() {
    thread("thr_1", START);

    store().saveThread(new ChatThread("thr_1", "Later", START.plus(TICK.multipliedBy(60)), ChatStatus.ACTIVE, null),
        ChatContext.NONE);

    assertThat(store().loadThread("thr_1").createdAt()).isEqualTo(START);
  }

  @Test
  void savingAnExistingThreadReturnsItsOriginalCreationTime() {
    thread("thr_1", START);

    ChatThread saved = store().saveThread(
        new ChatThread("thr_1", "Later", START.plus(TICK.multipliedBy(60)), ChatStatus.ACTIVE, null),
        ChatContext.NONE);

    assertThat(saved.createdAt()).isEqualTo(START);
  }

  @Test
  void savingAnExistingThreadReplacesItsTitleStatusAndMetadata() {
    store().saveThread(new ChatThread("thr_1", "First", START, ChatStatus.ACTIVE, json("{\"a\": 1, \"b\": 2}")),
        ChatContext.NONE);

    store().saveThread(new ChatThread("thr_1", "Second", START, ChatStatus.closed("done"), json("{\"c\": 3}")),
        ChatContext.NONE);

    ChatThread loaded = store().loadThread("thr_1");
    assertThat(loaded.title()).isEqualTo("Second");
    assertThat(loaded.status()).isEqualTo(ChatStatus.closed("done"));
    assertThat(loaded.metadata()).isEqualTo(json("{\"c\": 3}"));
  }

  @Test
  void savingANewThreadSetsItsUpdatedAtToNow() throws SQLException {
    clock.advance(TICK);

    thread("thr_1", START);

    assertThat(rows().updatedAt("thr_1")).isEqualTo(START.plus(TICK));
  }

  @Test
  void savingAThreadAgainTouchesItsUpdatedAt() throws SQLException {
    thread("thr_1", START);
    clock.advance(TICK.multipliedBy(5));

    store().saveThread(store().loadThread("thr_1").withTitle("Renamed"), ChatContext.NONE);

    assertThat(rows().updatedAt("thr_1")).isEqualTo(START.plus(TICK.multipliedBy(5)));
  }

  // --- Title from the input (§H.3 item 12) ---------------------------------------------------------------------

  private ChatThread saveUntitled(String title, List<String> inputTexts) {
    return store().saveThread(new ChatThread("thr_1", title, START, ChatStatus.ACTIVE, null),
        ChatContext.NONE.withInputTexts(inputTexts));
  }

  @Test
  void untitledThreadTakesItsTitleFromTheFirstNonEmptyInputText() {
    saveUntitled(null, List.of("", "Plan a trip", "Ignored"));

    assertThat(store().loadThread("thr_1").title()).isEqualTo("Plan a trip");
  }

  @Test
  void titleFromTheInputIsCutToTwentyCharactersThenStripped() {
    saveUntitled(null, List.of("  Hello there, this is a long message"));

    assertThat(store().loadThread("thr_1").title()).isEqualTo("Hello there, this");
  }

  @Test
  void titleFromTheInputCountsCodePointsNotUtf16Units() {
    String emoji = "\ud83d\ude00";

    saveUntitled(null, List.of(emoji.repeat(25)));

    assertThat(store().loadThread("thr_1").title()).isEqualTo(emoji.repeat(20));
  }

  @Test
  void whitespaceOnlyFirstInputGivesNoTitleEvenWhenALaterOneHasText() {
    saveUntitled(null, List.of("   \t ", "Later text"));

    assertThat(store().loadThread("thr_1").title()).isNull();
  }

  @Test
  void titleFromTheInputIsStrippedOfNoBreakSpacesAsUpstream() {
    saveUntitled(null, List.of("\u00a0Hello\u202f"));

    assertThat(store().loadThread("thr_1").title()).isEqualTo("Hello");
  }

  @Test
  void nextLineCharacterIsStrippedFromTheTitleAsUpstream() {
    saveUntitled(null, List.of("\u0085Hello\u0085"));

    assertThat(store().loadThread("thr_1").title()).isEqualTo("Hello");
  }

  @Test
  void noBreakSpaceOnlyFirstInputGivesNoTitleAsUpstream() {
    saveUntitled(null, List.of("\u00a0\u00a0", "Later text"));

    assertThat(store().loadThread("thr_1").title()).isNull();
  }

  @Test
  void emptyTitleIsReplacedFromTheInputLikeNoTitle() {
    saveUntitled("", List.of("From input"));

    assertThat(store().loadThread("thr_1").title()).isEqualTo("From input");
  }

  @Test
  void existingTitleIsKeptOverTheInput() {
    saveUntitled("Mine", List.of("From input"));

    assertThat(store().loadThread("thr_1").title()).isEqualTo("Mine");
  }

  @Test
  void untitledThreadWithoutInputStaysUntitled() {
    saveUntitled(null, List.of());

    assertThat(store().loadThread("thr_1").title()).isNull();
  }

  @Test
  void saveThreadReturnsTheTitleTakenFromTheInput() {
    ChatThread saved = saveUntitled(null, List.of("Plan a trip"));

    assertThat(saved.title()).isEqualTo("Plan a trip");
  }

  // --- Metadata merge (§H.3 items 13, 28) ----------------------------------------------------------------------

  @Test
  void requestMetadataIsMergedIntoTheThreadsWithTheRequestWinning() {
    ChatContext context = ChatContext.NONE.withRequestMetadata(json("{\"b\": \"request\", \"c\": {\"d\": 3}}"));

    ChatThread saved = store().saveThread(
        new ChatThread("thr_1", null, START, ChatStatus.ACTIVE, json("{\"a\": 1, \"b\": \"thread\"}")), context);

    ObjectNode expected = json("{\"a\": 1, \"b\": \"request\", \"c\": {\"d\": 3}}");
    assertThat(store().loadThread("thr_1").metadata()).isEqualTo(expected);
    assertThat(saved.metadata()).isEqualTo(expected);
  }

  @Test
  void requestMetadataReplacesANestedValueWholeRatherThanMergingIt() {
    ChatContext context = ChatContext.NONE.withRequestMetadata(json("{\"a\": {\"x\": 3}}"));

    store().saveThread(new ChatThread("thr_1", null, START, ChatStatus.ACTIVE, json("{\"a\": {\"x\": 1, \"y\": 2}}")),
        context);

    assertThat(store().loadThread("thr_1").metadata()).isEqualTo(json("{\"a\": {\"x\": 3}}"));
  }

  @Test
  void emptyRequestMetadataLeavesTheThreadsMetadataUnchanged() {
    ChatContext context = ChatContext.NONE.withRequestMetadata(JsonNodeFactory.instance.objectNode());

    store().saveThread(new ChatThread("thr_1", null, START, ChatStatus.ACTIVE, json("{\"a\": 1}")), context);

    assertThat(store().loadThread("thr_1").metadata()).isEqualTo(json("{\"a\": 1}"));
  }

  @Test
  void savingOutsideARequestLeavesTheThreadsMetadataAsGiven() {
    store().saveThread(new ChatThread("thr_1", null, START, ChatStatus.ACTIVE, json("{\"a\": 1}")), ChatContext.NONE);

    assertThat(store().loadThread("thr_1").metadata()).isEqualTo(json("{\"a\": 1}"));
  }

  @Test
  void requestMetadataCanGiveTheThreadItsWorkflow() throws SQLException {
    ChatContext context = ChatContext.NONE.withRequestMetadata(json("{\"workflow_id\": \"" + WORKFLOW + "\"}"));

    store().saveThread(new ChatThread("thr_1", null, START, ChatStatus.ACTIVE, null), context);

    assertThat(rows().text("SELECT workflow_id FROM chat_threads WHERE id = ?", "thr_1")).isEqualTo(WORKFLOW);
    assertThat(threadIds(store().listThreads(desc(10), ChatContext.forWorkflow(WORKFLOW)))).containsExactly("thr_1");
  }

  // --- The workflow column (§C.1, §H.3 item 10) ----------------------------------------------------------------

  static Stream<Arguments> workflowIds() {
    return Stream.of(
        arguments(named("text", "{\"workflow_id\": \"wf-1\"}"), "wf-1"),
        arguments(named("empty text", "{\"workflow_id\": \"\"}"), null),
        arguments(named("integer", "{\"workflow_id\": 42}"), "42"),
        arguments(named("zero", "{\"workflow_id\": 0}"), null),
        arguments(named("fraction", "{\"workflow_id\": 1.5}"), "1.5"),
        arguments(named("zero fraction", "{\"workflow_id\": 0.0}"), null),
        arguments(named("true", "{\"workflow_id\": true}"), "True"),
        arguments(named("false", "{\"workflow_id\": false}"), null),
        arguments(named("null", "{\"workflow_id\": null}"), null),
        arguments(named("absent", "{\"other\": \"wf-1\"}"), null));
  }

  @ParameterizedTest(name = "{0} gives {1}")
  @MethodSource("workflowIds")
  void workflowColumnFollowsMetadataWorkflowIdWhenItIsTruthy(String metadata, String expected) throws SQLException {
    thread("thr_1", metadata);

    assertThat(rows().text("SELECT workflow_id FROM chat_threads WHERE id = ?", "thr_1")).isEqualTo(expected);
  }

  @Test
  void updatingMetadataWithoutAWorkflowIdClearsTheWorkflowColumn() throws SQLException {
    workflowThread("thr_1", WORKFLOW, START);

    store().saveThread(store().loadThread("thr_1").withMetadata(json("{\"other\": 1}")), ChatContext.NONE);

    assertThat(rows().text("SELECT workflow_id FROM chat_threads WHERE id = ?", "thr_1")).isNull();
    assertThat(threadIds(store().listThreads(desc(10), ChatContext.forWorkflow(WORKFLOW)))).isEmpty();
  }

  @Test
  void threadWithANumericWorkflowIdIsListedUnderItsText() {
    thread("thr_1", "{\"workflow_id\": 42}");

    assertThat(threadIds(store().listThreads(desc(10), ChatContext.forWorkflow("42")))).containsExactly("thr_1");
  }

  // --- Listing and scoping (§H.3 items 10, 11, 21, 29, 34) -----------------------------------------------------

  @Test
  void listThreadsWithAWorkflowListsOnlyThatWorkflowsThreads() {
    workflowThread("thr_a1", WORKFLOW, START);
    workflowThread("thr_b1", OTHER_WORKFLOW, START.plus(TICK));
    workflowThread("thr_a2", WORKFLOW, START.plus(TICK.multipliedBy(2)));
    thread("thr_none", START.plus(TICK.multipliedBy(3)));

    ChatPage<ChatThread> page = store().listThreads(asc(10), ChatContext.forWorkflow(WORKFLOW));

    assertThat(threadIds(page)).containsExactly("thr_a1", "thr_a2");
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void listThreadsWithoutAWorkflowListsEveryThread() {
    workflowThread("thr_a1", WORKFLOW, START);
    workflowThread("thr_b1", OTHER_WORKFLOW, START.plus(TICK));
    thread("thr_none", START.plus(TICK.multipliedBy(2)));

    assertThat(threadIds(store().listThreads(asc(10), ChatContext.NONE)))
        .containsExactly("thr_a1", "thr_b1", "thr_none");
  }

  @Test
  void listThreadsOfAnEmptyStoreIsOneEmptyPage() {
    ChatPage<ChatThread> page = store().listThreads(desc(10), ChatContext.NONE);

    assertThat(page.data()).isEmpty();
    assertThat(page.hasMore()).isFalse();
    assertThat(page.after()).isNull();
  }

  /** Five threads created a second apart, in creation order. */
  private List<String> fiveThreads() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      // Ids run against creation order, so sorting by id alone would give the wrong answer.
      String id = "thr_" + (9 - i);
      thread(id, START.plus(TICK.multipliedBy(i)));
      ids.add(id);
    }
    return ids;
  }

  @Test
  void threadsAreListedOldestFirstInAscendingOrder() {
    List<String> created = fiveThreads();

    assertThat(threadIds(store().listThreads(asc(10), ChatContext.NONE))).containsExactlyElementsOf(created);
  }

  @Test
  void threadsAreListedNewestFirstInDescendingOrder() {
    List<String> created = fiveThreads();

    assertThat(threadIds(store().listThreads(desc(10), ChatContext.NONE)))
        .containsExactlyElementsOf(reversed(created));
  }

  @Test
  void secondAscendingPageStartsRightAfterTheFirstPagesLastThread() {
    List<String> created = fiveThreads();
    ChatPage<ChatThread> first = store().listThreads(asc(2), ChatContext.NONE);

    ChatPage<ChatThread> second = store().listThreads(after(first.after(), 2, SortOrder.ASC), ChatContext.NONE);

    assertThat(threadIds(first)).containsExactlyElementsOf(created.subList(0, 2));
    assertThat(first.hasMore()).isTrue();
    assertThat(first.after()).isEqualTo(created.get(1));
    assertThat(threadIds(second)).containsExactlyElementsOf(created.subList(2, 4));
  }

  @Test
  void secondDescendingPageStartsRightAfterTheFirstPagesLastThread() {
    List<String> created = reversed(fiveThreads());
    ChatPage<ChatThread> first = store().listThreads(desc(2), ChatContext.NONE);

    ChatPage<ChatThread> second = store().listThreads(after(first.after(), 2, SortOrder.DESC), ChatContext.NONE);

    assertThat(threadIds(first)).containsExactlyElementsOf(created.subList(0, 2));
    assertThat(first.after()).isEqualTo(created.get(1));
    assertThat(threadIds(second)).containsExactlyElementsOf(created.subList(2, 4));
  }

  @Test
  void pageEndingExactlyAtTheLastThreadHasNoMore() {
    List<String> created = fiveThreads();

    ChatPage<ChatThread> last = store().listThreads(after(created.get(2), 2, SortOrder.ASC), ChatContext.NONE);

    assertThat(threadIds(last)).containsExactly(created.get(3), created.get(4));
    assertThat(last.hasMore()).isFalse();
    assertThat(last.after()).isNull();
  }

  @Test
  void pageOneShortOfTheLastThreadHasMoreAndNamesItsLastThread() {
    List<String> created = fiveThreads();

    ChatPage<ChatThread> page = store().listThreads(after(created.get(1), 2, SortOrder.ASC), ChatContext.NONE);

    assertThat(threadIds(page)).containsExactly(created.get(2), created.get(3));
    assertThat(page.hasMore()).isTrue();
    assertThat(page.after()).isEqualTo(created.get(3));
  }

  @Test
  void firstPageAsLargeAsTheListingHasNoMore() {
    fiveThreads();

    ChatPage<ChatThread> page = store().listThreads(desc(5), ChatContext.NONE);

    assertThat(page.data()).hasSize(5);
    assertThat(page.hasMore()).isFalse();
    assertThat(page.after()).isNull();
  }

  @Test
  void pageAfterTheLastThreadIsEmpty() {
    List<String> created = fiveThreads();

    ChatPage<ChatThread> page = store().listThreads(after(created.get(4), 2, SortOrder.ASC), ChatContext.NONE);

    assertThat(page.data()).isEmpty();
    assertThat(page.hasMore()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orders")
  void threadsCreatedAtTheSameInstantArePagedByIdWithoutLossOrRepeat(SortOrder order) {
    List<ChatThread> created = new ArrayList<>();
    // Two groups of ties, the later group with ids that sort before the earlier group's.
    for (String id : List.of("thr_m", "thr_c", "thr_x", "thr_a")) {
      created.add(thread(id, START));
    }
    for (String id : List.of("thr_b", "thr_0", "thr_z")) {
      created.add(thread(id, START.plus(TICK)));
    }
    Comparator<ChatThread> byKey = Comparator.comparing(ChatThread::createdAt).thenComparing(ChatThread::id);
    List<String> expected = created.stream()
        .sorted(order == SortOrder.ASC ? byKey : byKey.reversed()).map(ChatThread::id).toList();

    for (int limit : List.of(1, 2, 3)) {
      List<ChatPage<ChatThread>> pages = pages(p -> store().listThreads(p, ChatContext.NONE), limit, order);
      assertThat(allThreadIds(pages)).as("pages of %d", limit).containsExactlyElementsOf(expected);
    }
  }

  static Stream<SortOrder> orders() {
    return Stream.of(SortOrder.ASC, SortOrder.DESC);
  }

  @Test
  void threadsTiedOnCreationAreOrderedByIdCodePointsOnEveryBackend() {
    List<String> ids = List.of("thr_b", "thr_B", "thr__", "thr_a", "thr_A", "thr_-", "thr_\u00e9", "thr_z");
    ids.forEach(id -> thread(id, START));

    List<String> listed = allThreadIds(pages(p -> store().listThreads(p, ChatContext.NONE), 3, SortOrder.ASC));

    assertThat(listed).containsExactlyElementsOf(ids.stream().sorted().toList());
  }

  @Test
  void pagesOfAWorkflowFollowEachOtherWithinIt() {
    for (int i = 0; i < 6; i++) {
      workflowThread("thr_" + i, i % 2 == 0 ? WORKFLOW : OTHER_WORKFLOW, START.plus(TICK.multipliedBy(i)));
    }

    List<ChatPage<ChatThread>> pages =
        pages(p -> store().listThreads(p, ChatContext.forWorkflow(WORKFLOW)), 2, SortOrder.ASC);

    assertThat(pages).extracting(p -> p.data().size()).containsExactly(2, 1);
    assertThat(allThreadIds(pages)).containsExactly("thr_0", "thr_2", "thr_4");
  }

  @Test
  void listThreadsAfterAnUnknownThreadIsRejectedNotRestarted() {
    fiveThreads();

    assertThatThrownBy(() -> store().listThreads(after("thr_missing", 2, SortOrder.ASC), ChatContext.NONE))
        .isInstanceOf(UnknownPageMarkerException.class)
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((UnknownPageMarkerException) e).after()).isEqualTo("thr_missing"));
  }

  @Test
  void listThreadsAfterAThreadOfAnotherWorkflowIsRejectedNotRestarted() {
    workflowThread("thr_a", WORKFLOW, START);
    workflowThread("thr_b", OTHER_WORKFLOW, START.plus(TICK));

    assertThatThrownBy(() -> store().listThreads(after("thr_b", 2, SortOrder.ASC), ChatContext.forWorkflow(WORKFLOW)))
        .isInstanceOf(UnknownPageMarkerException.class);
  }

  @Test
  void listThreadsAfterADeletedThreadIsRejectedNotRestarted() {
    List<String> created = fiveThreads();
    store().deleteThread(created.get(1));

    assertThatThrownBy(() -> store().listThreads(after(created.get(1), 2, SortOrder.ASC), ChatContext.NONE))
        .isInstanceOf(UnknownPageMarkerException.class);
  }

  @Test
  void unscopedListingMayPageAfterAThreadOfAnyWorkflow() {
    workflowThread("thr_a", WORKFLOW, START);
    workflowThread("thr_b", OTHER_WORKFLOW, START.plus(TICK));
    thread("thr_c", START.plus(TICK.multipliedBy(2)));

    assertThat(threadIds(store().listThreads(after("thr_a", 5, SortOrder.ASC), ChatContext.NONE)))
        .containsExactly("thr_b", "thr_c");
  }

  @ParameterizedTest(name = "limit {0}")
  @ValueSource(ints = {0, -1, 1001})
  void pageLimitOutsideOneToOneThousandIsRejected(int limit) {
    assertThatThrownBy(() -> new ChatPageRequest(limit, null, SortOrder.ASC))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void pageLimitOfOneThousandIsAccepted() {
    fiveThreads();

    assertThat(store().listThreads(new ChatPageRequest(1000, null, SortOrder.ASC), ChatContext.NONE).data())
        .hasSize(5);
  }

  // --- Deleting (§H.3 items 6, 36) -----------------------------------------------------------------------------

  @Test
  void deletedThreadIsThreadNotFound() {
    thread("thr_1");

    store().deleteThread("thr_1");

    assertThatThrownBy(() -> store().loadThread("thr_1"))
        .isInstanceOf(ChatThreadNotFoundException.class)
        .hasMessage("Thread thr_1 not found");
  }

  @Test
  void deletingAMissingThreadIsNoError() throws SQLException {
    thread("thr_1");

    store().deleteThread("thr_missing");

    assertThat(rows().rowsOf("chat_threads")).isEqualTo(1);
  }

  @Test
  void deletingAThreadRemovesItsItems() throws SQLException {
    thread("thr_1");
    add("thr_1", "msg_1", "one");
    add("thr_1", "msg_2", "two");

    store().deleteThread("thr_1");

    assertThat(rows().count("SELECT count(*) FROM chat_messages WHERE thread_id = ?", "thr_1")).isZero();
    assertThatThrownBy(() -> store().loadItem("thr_1", "msg_1")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void deletingAThreadLeavesOtherThreadsAndTheirItems() throws SQLException {
    thread("thr_1");
    thread("thr_2");
    add("thr_1", "msg_1", "one");
    add("thr_2", "msg_2", "two");

    store().deleteThread("thr_1");

    assertThat(store().loadThread("thr_2").id()).isEqualTo("thr_2");
    assertThat(itemIds(store().listItems("thr_2", asc(10)))).containsExactly("msg_2");
    assertThat(rows().itemIds("thr_2")).containsExactly("msg_2");
  }

  @Test
  void deletedThreadCanBeCreatedAgainWithoutItsOldItems() {
    thread("thr_1");
    add("thr_1", "msg_1", "one");
    store().deleteThread("thr_1");

    thread("thr_1");

    assertThat(store().listItems("thr_1", asc(10)).data()).isEmpty();
  }

  // --- Text neither backend can store --------------------------------------------------------------------------

  static Stream<Arguments> unstorableMetadata() {
    UnaryOperator<ObjectNode> nulValue = m -> m.put("note", "a\u0000b");
    UnaryOperator<ObjectNode> highSurrogateValue = m -> m.put("note", "a\ud800b");
    UnaryOperator<ObjectNode> lowSurrogateValue = m -> m.put("note", "\udc00");
    UnaryOperator<ObjectNode> nestedNulValue = m -> {
      m.putObject("deep").putArray("list").add("ok").add("x\u0000");
      return m;
    };
    UnaryOperator<ObjectNode> nulKey = m -> m.put("a\u0000b", 1);
    UnaryOperator<ObjectNode> surrogateKey = m -> m.put("k\ud800", 1);
    return Stream.of(
        arguments(named("NUL in a value", nulValue)),
        arguments(named("lone high surrogate in a value", highSurrogateValue)),
        arguments(named("lone low surrogate in a value", lowSurrogateValue)),
        arguments(named("NUL in a nested array element", nestedNulValue)),
        arguments(named("NUL in a key", nulKey)),
        arguments(named("lone surrogate in a key", surrogateKey)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unstorableMetadata")
  void unstorableMetadataIsRejectedAndTheStoredThreadIsUnchanged(UnaryOperator<ObjectNode> spoil)
      throws SQLException {
    ChatThread stored = store().saveThread(
        new ChatThread("thr_1", "Kept", START, ChatStatus.ACTIVE, json("{\"workflow_id\": \"" + WORKFLOW + "\"}")),
        ChatContext.NONE);
    Instant updatedAt = rows().updatedAt("thr_1");
    clock.advance(TICK);
    ChatThread spoiled = new ChatThread("thr_1", "Replaced", START, ChatStatus.closed("x"),
        spoil.apply(json("{\"workflow_id\": \"" + OTHER_WORKFLOW + "\"}")));

    assertThatThrownBy(() -> store().saveThread(spoiled, ChatContext.NONE)).isInstanceOf(ValidationException.class);

    assertThat(store().loadThread("thr_1")).isEqualTo(stored);
    assertThat(rows().updatedAt("thr_1")).isEqualTo(updatedAt);
    assertThat(rows().text("SELECT workflow_id FROM chat_threads WHERE id = ?", "thr_1")).isEqualTo(WORKFLOW);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unstorableMetadata")
  void newThreadWithUnstorableMetadataIsRejectedAndNotWritten(UnaryOperator<ObjectNode> spoil) throws SQLException {
    ChatThread spoiled = new ChatThread("thr_1", "New", START, ChatStatus.ACTIVE, spoil.apply(json("{}")));

    assertThatThrownBy(() -> store().saveThread(spoiled, ChatContext.NONE)).isInstanceOf(ValidationException.class);

    assertThat(rows().rowsOf("chat_threads")).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unstorableMetadata")
  void unstorableRequestMetadataIsRejectedAndTheStoredThreadIsUnchanged(UnaryOperator<ObjectNode> spoil)
      throws SQLException {
    ChatThread stored = store().saveThread(
        new ChatThread("thr_1", "Kept", START, ChatStatus.ACTIVE, json("{\"a\": 1}")), ChatContext.NONE);
    ChatContext context = ChatContext.NONE.withRequestMetadata(spoil.apply(json("{\"b\": 2}")));

    assertThatThrownBy(() -> store().saveThread(stored.withTitle("Replaced"), context))
        .isInstanceOf(ValidationException.class);

    assertThat(store().loadThread("thr_1")).isEqualTo(stored);
  }

  @Test
  void nonFiniteNumberInMetadataIsRejectedAndNotWritten() throws SQLException {
    ChatThread spoiled = new ChatThread("thr_1", "New", START, ChatStatus.ACTIVE,
        json("{}").put("score", Double.NaN));

    assertThatThrownBy(() -> store().saveThread(spoiled, ChatContext.NONE)).isInstanceOf(ValidationException.class);

    assertThat(rows().rowsOf("chat_threads")).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Hi\u0000there", "Hi \ud800 there", "\udfff"})
  void unstorableInputTextThatWouldTitleTheThreadIsRejectedAndTheThreadUnchanged(String text) throws SQLException {
    ChatThread stored = thread("thr_1", START);

    assertThatThrownBy(() -> store().saveThread(stored, ChatContext.NONE.withInputTexts(List.of(text))))
        .isInstanceOf(ValidationException.class);

    assertThat(store().loadThread("thr_1")).isEqualTo(stored);
    assertThat(rows().text("SELECT title FROM chat_threads WHERE id = ?", "thr_1")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a\u0000b", "a\ud800b"})
  void unstorableTitleIsRejectedBeforeItReachesTheStore(String title) {
    ChatThread stored = thread("thr_1", START);

    assertThatThrownBy(() -> store().saveThread(stored.withTitle(title), ChatContext.NONE))
        .isInstanceOf(ValidationException.class);

    assertThat(store().loadThread("thr_1")).isEqualTo(stored);
  }
}
