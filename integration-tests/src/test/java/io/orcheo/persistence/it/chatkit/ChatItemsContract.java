package io.orcheo.persistence.it.chatkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.chatkit.ChatPage;
import io.orcheo.persistence.core.chatkit.ChatThreadNotFoundException;
import io.orcheo.persistence.core.chatkit.ItemType;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.core.chatkit.ThreadItem;
import io.orcheo.persistence.core.chatkit.ThreadItemNotFoundException;
import io.orcheo.persistence.core.chatkit.UnknownPageMarkerException;
import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.error.ValidationException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ChatKit thread items on every backend: upstream Orcheo's behaviours of spec §H.3 (items 2–4, 7, 8, 20, 24, 25,
 * 29, 30, 34), the ordinal rules of §C.2 operations 6, 7 and 9 (append at MAX+1, a gap left by a delete, an
 * existing id keeping its position, {@code saveItem} moving an item between threads) as stored rows show them, the
 * foreign key to the thread, {@code updated_at} moved by every item write, keyset pages by {@code (ordinal, id)},
 * and text neither backend can store refused before anything is written.
 *
 * <p>Where we deliberately differ from upstream the test's name says so: a page marker that is no item of the
 * thread is rejected instead of restarting from the first page, and items are paged by {@code (ordinal, id)} on
 * SQLite too (upstream pages SQLite by ordinal alone and skips items that share one).
 */
public abstract class ChatItemsContract extends ChatContractSupport {
  static final String THREAD = "thr_1";
  static final String OTHER_THREAD = "thr_2";

  /** An item of {@code type} with fields of its own kind (and one no library models), created now. */
  ThreadItem itemOf(ItemType type, String id, String threadId) {
    String document = switch (type) {
      case USER_MESSAGE -> "{\"content\": [{\"type\": \"input_text\", \"text\": \"hi\"}], \"attachments\": [],"
          + " \"quoted_text\": \"earlier\", \"inference_options\": {\"tool_choice\": null, \"model\": \"m\"}}";
      case ASSISTANT_MESSAGE -> "{\"content\": [{\"type\": \"output_text\", \"text\": \"hello\","
          + " \"annotations\": [{\"type\": \"annotation\", \"source\": {\"type\": \"url\", \"url\": \"https://x.test/\"}}]}]}";
      case CLIENT_TOOL_CALL -> "{\"status\": \"completed\", \"call_id\": \"call_1\", \"name\": \"lookup\","
          + " \"arguments\": {\"q\": \"x\", \"n\": 2}, \"output\": {\"rows\": [1, 2]}}";
      case WIDGET -> "{\"widget\": {\"type\": \"Card\", \"children\": [{\"type\": \"Text\", \"value\": \"v\"}]},"
          + " \"copy_text\": null}";
      case WORKFLOW -> "{\"workflow\": {\"type\": \"custom\", \"tasks\": [{\"type\": \"thought\", \"content\": \"c\"}],"
          + " \"expanded\": false, \"summary\": null}}";
      case TASK -> "{\"task\": {\"type\": \"custom\", \"title\": \"t\", \"status_indicator\": \"complete\"}}";
      case HIDDEN_CONTEXT_ITEM -> "{\"content\": {\"note\": \"for the model only\"}}";
      case SDK_HIDDEN_CONTEXT -> "{\"content\": \"sdk context\"}";
      case END_OF_TURN -> "{}";
    };
    ObjectNode withExtra = json(document);
    withExtra.putObject("x_unmodelled").put("kept", true);
    return new ThreadItem(id, threadId, clock.instant(), type, withExtra);
  }

  /**
   * Items {@code msg_a0} and {@code msg_a1} in {@link #THREAD}, {@code msg_b0} and {@code msg_b1} in
   * {@link #OTHER_THREAD}, then both of the latter moved into {@link #THREAD} with {@code saveItem}, keeping their
   * ordinals: {@link #THREAD} ends with two items at ordinal 0 and two at ordinal 1.
   */
  void equalOrdinals() {
    thread(THREAD);
    thread(OTHER_THREAD);
    add(THREAD, "msg_a0", "a0");
    add(THREAD, "msg_a1", "a1");
    add(OTHER_THREAD, "msg_b0", "b0");
    add(OTHER_THREAD, "msg_b1", "b1");
    store().saveItem(THREAD, store().loadItem(OTHER_THREAD, "msg_b0"));
    store().saveItem(THREAD, store().loadItem(OTHER_THREAD, "msg_b1"));
  }

  /** {@link #equalOrdinals()}'s items by (ordinal, id). */
  static final List<String> BY_ORDINAL_AND_ID = List.of("msg_a0", "msg_b0", "msg_a1", "msg_b1");

  // --- Add, save, load, delete (§H.3 items 2–4, 7, 25, 29, 30) ------------------------------------------------

  @Test
  void addedItemIsListedBackAsATypedUserMessage() {
    thread(THREAD);
    ThreadItem item = userMessage("msg_1", THREAD, "Hello");

    store().addItem(THREAD, item);

    ChatPage<ThreadItem> page = store().listItems(THREAD, asc(10));
    assertThat(page.data()).containsExactly(item);
    assertThat(page.data().get(0).type()).isEqualTo(ItemType.USER_MESSAGE);
  }

  @Test
  void addItemReturnsTheItemAsLoaded() {
    thread(THREAD);

    ThreadItem added = store().addItem(THREAD, userMessage("msg_1", THREAD, "Hello"));

    assertThat(added).isEqualTo(store().loadItem(THREAD, "msg_1"));
  }

  @Test
  void savedAssistantItemLoadsBackAsAnAssistantMessage() {
    thread(THREAD);
    ThreadItem item = assistantMessage("msg_1", THREAD, "Hi, how can I help?");

    store().saveItem(THREAD, item);

    ThreadItem loaded = store().loadItem(THREAD, "msg_1");
    assertThat(loaded).isEqualTo(item);
    assertThat(loaded.type()).isEqualTo(ItemType.ASSISTANT_MESSAGE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("itemTypes")
  void itemOfEveryKindRoundTripsWithItsWholeDocument(ItemType type) {
    thread(THREAD);
    ThreadItem item = itemOf(type, type.idPrefix() + "_1", THREAD);

    store().addItem(THREAD, item);

    ThreadItem loaded = store().loadItem(THREAD, item.id());
    assertThat(loaded).isEqualTo(item);
    assertThat(loaded.document().path("x_unmodelled").path("kept").asBoolean()).isTrue();
  }

  static Stream<ItemType> itemTypes() {
    return Stream.of(ItemType.values());
  }

  @Test
  void nonAsciiMessageTextRoundTrips() {
    thread(THREAD);
    ThreadItem item = userMessage("msg_1", THREAD, "caf\u00e9 \u2603 \u5c65\u6b74\u66f8 \ud83d\udcc4");

    store().addItem(THREAD, item);

    assertThat(store().loadItem(THREAD, "msg_1")).isEqualTo(item);
  }

  @Test
  void itemCreationTimeKeepsItsMicroseconds() {
    thread(THREAD);
    Instant createdAt = Instant.parse("2025-03-04T05:06:07.000001Z");

    store().addItem(THREAD, new ThreadItem("msg_1", THREAD, createdAt, ItemType.USER_MESSAGE,
        userMessage("msg_1", THREAD, "x").document()));

    assertThat(store().loadItem(THREAD, "msg_1").createdAt()).isEqualTo(createdAt);
  }

  @Test
  void saveItemOnAnExistingIdReplacesItsContent() {
    thread(THREAD);
    add(THREAD, "msg_1", "first draft");
    ThreadItem replacement = userMessage("msg_1", THREAD, "second draft");

    store().saveItem(THREAD, replacement);

    assertThat(store().loadItem(THREAD, "msg_1")).isEqualTo(replacement);
    assertThat(store().listItems(THREAD, asc(10)).data()).containsExactly(replacement);
  }

  @Test
  void addItemOnAnExistingIdReplacesItsContent() {
    thread(THREAD);
    add(THREAD, "msg_1", "first draft");
    ThreadItem replacement = assistantMessage("msg_1", THREAD, "second draft");

    store().addItem(THREAD, replacement);

    assertThat(store().loadItem(THREAD, "msg_1")).isEqualTo(replacement);
    assertThat(store().listItems(THREAD, asc(10)).data()).containsExactly(replacement);
  }

  @Test
  void deleteItemRemovesExactlyThatItem() {
    thread(THREAD);
    ThreadItem first = add(THREAD, "msg_1", "one");
    add(THREAD, "msg_2", "two");
    ThreadItem third = add(THREAD, "msg_3", "three");

    store().deleteItem(THREAD, "msg_2");

    assertThat(store().listItems(THREAD, asc(10)).data()).containsExactly(first, third);
    assertThatThrownBy(() -> store().loadItem(THREAD, "msg_2")).isInstanceOf(ThreadItemNotFoundException.class);
  }

  @Test
  void deletingAMissingItemIsNoError() throws SQLException {
    thread(THREAD);
    add(THREAD, "msg_1", "one");

    store().deleteItem(THREAD, "msg_missing");

    assertThat(rows().itemIds(THREAD)).containsExactly("msg_1");
  }

  @Test
  void deletingAnItemThroughAnotherThreadLeavesIt() throws SQLException {
    thread(THREAD);
    thread(OTHER_THREAD);
    add(THREAD, "msg_1", "one");

    store().deleteItem(OTHER_THREAD, "msg_1");

    assertThat(rows().itemIds(THREAD)).containsExactly("msg_1");
  }

  @Test
  void loadingAMissingItemIsItemNotFoundWithUpstreamsMessage() {
    thread(THREAD);

    assertThatThrownBy(() -> store().loadItem(THREAD, "msg_missing"))
        .isInstanceOf(ThreadItemNotFoundException.class)
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Item msg_missing not found in thread thr_1");
  }

  @Test
  void loadingAnItemThroughAnotherThreadIsItemNotFound() {
    thread(THREAD);
    thread(OTHER_THREAD);
    add(THREAD, "msg_1", "one");

    assertThatThrownBy(() -> store().loadItem(OTHER_THREAD, "msg_1"))
        .isInstanceOf(ThreadItemNotFoundException.class)
        .hasMessage("Item msg_1 not found in thread thr_2");
  }

  @Test
  void listingTheItemsOfAMissingThreadIsThreadNotFound() {
    assertThatThrownBy(() -> store().listItems("thr_missing", asc(10)))
        .isInstanceOf(ChatThreadNotFoundException.class)
        .hasMessage("Thread thr_missing not found");
  }

  @Test
  void itemsOfAThreadWithoutItemsAreOneEmptyPage() {
    thread(THREAD);

    ChatPage<ThreadItem> page = store().listItems(THREAD, desc(10));

    assertThat(page.data()).isEmpty();
    assertThat(page.hasMore()).isFalse();
    assertThat(page.after()).isNull();
  }

  // --- The item's thread (§C.2 operations 6 and 7, §H.3 item 25) ----------------------------------------------

  @Test
  void addItemOfAnotherThreadsItemIsRejectedWithUpstreamsMessageAndWritesNothing() throws SQLException {
    thread(THREAD);
    thread(OTHER_THREAD);
    Instant updatedAt = rows().updatedAt(THREAD);
    clock.advance(TICK);

    assertThatThrownBy(() -> store().addItem(THREAD, userMessage("msg_1", OTHER_THREAD, "misplaced")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Thread item does not belong to the provided thread");

    assertThat(rows().rowsOf("chat_messages")).isZero();
    assertThat(rows().updatedAt(THREAD)).isEqualTo(updatedAt);
  }

  @Test
  void addingAnItemToAMissingThreadIsThreadNotFoundAndWritesNothing() throws SQLException {
    assertThatThrownBy(() -> add("thr_missing", "msg_1", "hello"))
        .isInstanceOf(ChatThreadNotFoundException.class)
        .hasMessage("Thread thr_missing not found");

    assertThat(rows().rowsOf("chat_messages")).isZero();
    assertThat(rows().rowsOf("chat_threads")).isZero();
  }

  @Test
  void savingANewItemIntoAMissingThreadIsThreadNotFoundAndWritesNothing() throws SQLException {
    assertThatThrownBy(() -> store().saveItem("thr_missing", userMessage("msg_1", "thr_missing", "hello")))
        .isInstanceOf(ChatThreadNotFoundException.class)
        .hasMessage("Thread thr_missing not found");

    assertThat(rows().rowsOf("chat_messages")).isZero();
    assertThat(rows().rowsOf("chat_threads")).isZero();
  }

  @Test
  void movingAnItemToAMissingThreadWithSaveItemIsThreadNotFoundAndLeavesTheItem() throws SQLException {
    thread(THREAD);
    add(THREAD, "msg_0", "zero");
    ThreadItem item = add(THREAD, "msg_1", "one");

    assertThatThrownBy(() -> store().saveItem("thr_missing", item.withThreadId("thr_missing")))
        .isInstanceOf(ChatThreadNotFoundException.class);

    assertThat(store().loadItem(THREAD, "msg_1")).isEqualTo(item);
    assertThat(rows().query("SELECT thread_id, ordinal FROM chat_messages WHERE id = ?", "msg_1"))
        .containsExactly(List.of(THREAD, "1"));
    assertThat(rows().rowsOf("chat_threads")).isEqualTo(1);
  }

  @Test
  void saveItemMovesAnItemToAnotherThread() {
    thread(THREAD);
    thread(OTHER_THREAD);
    add(THREAD, "msg_1", "one");
    add(THREAD, "msg_2", "two");
    add(OTHER_THREAD, "msg_3", "three");

    store().saveItem(OTHER_THREAD, store().loadItem(THREAD, "msg_1"));

    assertThat(itemIds(store().listItems(THREAD, asc(10)))).containsExactly("msg_2");
    assertThat(itemIds(store().listItems(OTHER_THREAD, asc(10)))).containsExactlyInAnyOrder("msg_1", "msg_3");
    assertThatThrownBy(() -> store().loadItem(THREAD, "msg_1")).isInstanceOf(ThreadItemNotFoundException.class);
  }

  @Test
  void addItemOfAnIdHeldByAnotherThreadMovesItKeepingItsOrdinalAsUpstream() throws SQLException {
    thread(THREAD);
    thread(OTHER_THREAD);
    add(OTHER_THREAD, "msg_0", "zero");
    add(OTHER_THREAD, "msg_1", "one");
    add(THREAD, "msg_x", "x");

    add(THREAD, "msg_1", "one, moved");

    assertThat(rows().query("SELECT thread_id, ordinal FROM chat_messages WHERE id = ?", "msg_1"))
        .containsExactly(List.of(THREAD, "1"));
    assertThat(itemIds(store().listItems(THREAD, asc(10)))).containsExactly("msg_x", "msg_1");
    assertThat(itemIds(store().listItems(OTHER_THREAD, asc(10)))).containsExactly("msg_0");
  }

  @Test
  void saveItemGivesTheItemTheTargetThreadsId() {
    thread(THREAD);
    thread(OTHER_THREAD);
    ThreadItem item = add(THREAD, "msg_1", "one");

    ThreadItem saved = store().saveItem(OTHER_THREAD, item);

    ThreadItem loaded = store().loadItem(OTHER_THREAD, "msg_1");
    assertThat(saved.threadId()).isEqualTo(OTHER_THREAD);
    assertThat(loaded.threadId()).isEqualTo(OTHER_THREAD);
    assertThat(loaded.document().path("thread_id").asText()).isEqualTo(OTHER_THREAD);
    assertThat(loaded).isEqualTo(saved);
  }

  // --- Ordinals (§C.2 operations 6, 7, 9; observed formats) ---------------------------------------------------

  @Test
  void appendedItemsTakeOrdinalsZeroToNMinusOne() throws SQLException {
    thread(THREAD);

    for (int i = 0; i < 5; i++) {
      add(THREAD, "msg_" + i, "item " + i);
    }

    assertThat(rows().ordinals(THREAD)).containsExactly(0, 1, 2, 3, 4);
    assertThat(rows().itemIds(THREAD)).containsExactly("msg_0", "msg_1", "msg_2", "msg_3", "msg_4");
  }

  @Test
  void ordinalsAreCountedPerThread() throws SQLException {
    thread(THREAD);
    thread(OTHER_THREAD);

    add(THREAD, "msg_1", "one");
    add(OTHER_THREAD, "msg_2", "two");
    add(THREAD, "msg_3", "three");

    assertThat(rows().ordinals(THREAD)).containsExactly(0, 1);
    assertThat(rows().ordinals(OTHER_THREAD)).containsExactly(0);
  }

  @Test
  void deletedItemLeavesAGapInTheOrdinals() throws SQLException {
    thread(THREAD);
    add(THREAD, "msg_0", "zero");
    add(THREAD, "msg_1", "one");
    add(THREAD, "msg_2", "two");

    store().deleteItem(THREAD, "msg_1");
    add(THREAD, "msg_3", "three");

    assertThat(rows().ordinals(THREAD)).containsExactly(0, 2, 3);
  }

  @Test
  void deletingTheLastItemLetsTheNextTakeItsOrdinal() throws SQLException {
    thread(THREAD);
    add(THREAD, "msg_0", "zero");
    add(THREAD, "msg_1", "one");

    store().deleteItem(THREAD, "msg_1");
    add(THREAD, "msg_2", "two");

    assertThat(rows().query("SELECT id, ordinal FROM chat_messages ORDER BY ordinal"))
        .containsExactly(List.of("msg_0", "0"), List.of("msg_2", "1"));
  }

  @Test
  void addItemOnAnExistingIdKeepsItsOrdinal() throws SQLException {
    thread(THREAD);
    add(THREAD, "msg_0", "zero");
    add(THREAD, "msg_1", "one");
    add(THREAD, "msg_2", "two");

    add(THREAD, "msg_0", "zero, edited");

    assertThat(rows().query("SELECT id, ordinal FROM chat_messages ORDER BY ordinal"))
        .containsExactly(List.of("msg_0", "0"), List.of("msg_1", "1"), List.of("msg_2", "2"));
  }

  @Test
  void saveItemOnAnExistingIdKeepsItsOrdinal() throws SQLException {
    thread(THREAD);
    add(THREAD, "msg_0", "zero");
    add(THREAD, "msg_1", "one");

    store().saveItem(THREAD, userMessage("msg_0", THREAD, "zero, edited"));

    assertThat(rows().query("SELECT id, ordinal FROM chat_messages ORDER BY ordinal"))
        .containsExactly(List.of("msg_0", "0"), List.of("msg_1", "1"));
    assertThat(itemIds(store().listItems(THREAD, asc(10)))).containsExactly("msg_0", "msg_1");
  }

  @Test
  void saveItemOfANewItemAppendsItAtTheNextOrdinal() throws SQLException {
    thread(THREAD);
    add(THREAD, "msg_0", "zero");
    add(THREAD, "msg_1", "one");

    store().saveItem(THREAD, assistantMessage("msg_2", THREAD, "two"));

    assertThat(rows().query("SELECT id, ordinal FROM chat_messages WHERE id = ?", "msg_2"))
        .containsExactly(List.of("msg_2", "2"));
  }

  @Test
  void itemMovedWithSaveItemKeepsItsOrdinalInTheOtherThread() throws SQLException {
    thread(THREAD);
    thread(OTHER_THREAD);
    add(THREAD, "msg_a0", "a0");
    add(THREAD, "msg_a1", "a1");
    add(THREAD, "msg_a2", "a2");
    add(OTHER_THREAD, "msg_b0", "b0");

    store().saveItem(OTHER_THREAD, store().loadItem(THREAD, "msg_a2"));

    assertThat(rows().query("SELECT thread_id, ordinal FROM chat_messages WHERE id = ?", "msg_a2"))
        .containsExactly(List.of(OTHER_THREAD, "2"));
    assertThat(rows().ordinals(OTHER_THREAD)).containsExactly(0, 2);
  }

  // --- updated_at (§C.1) --------------------------------------------------------------------------------------

  @Test
  void addItemTouchesTheThreadsUpdatedAt() throws SQLException {
    thread(THREAD);
    clock.advance(TICK.multipliedBy(3));

    add(THREAD, "msg_1", "one");

    assertThat(rows().updatedAt(THREAD)).isEqualTo(START.plus(TICK.multipliedBy(3)));
  }

  @Test
  void saveItemOfANewItemTouchesTheThreadsUpdatedAt() throws SQLException {
    thread(THREAD);
    clock.advance(TICK.multipliedBy(3));

    store().saveItem(THREAD, userMessage("msg_1", THREAD, "one"));

    assertThat(rows().updatedAt(THREAD)).isEqualTo(START.plus(TICK.multipliedBy(3)));
  }

  @Test
  void saveItemOfAnExistingItemTouchesTheThreadsUpdatedAt() throws SQLException {
    thread(THREAD);
    add(THREAD, "msg_1", "one");
    clock.advance(TICK.multipliedBy(3));

    store().saveItem(THREAD, userMessage("msg_1", THREAD, "one, edited"));

    assertThat(rows().updatedAt(THREAD)).isEqualTo(START.plus(TICK.multipliedBy(3)));
  }

  @Test
  void movingAnItemTouchesTheThreadItMovesTo() throws SQLException {
    thread(THREAD);
    thread(OTHER_THREAD);
    ThreadItem item = add(THREAD, "msg_1", "one");
    clock.advance(TICK.multipliedBy(3));

    store().saveItem(OTHER_THREAD, item);

    assertThat(rows().updatedAt(OTHER_THREAD)).isEqualTo(START.plus(TICK.multipliedBy(3)));
  }

  @Test
  void deleteItemTouchesTheThreadsUpdatedAt() throws SQLException {
    thread(THREAD);
    add(THREAD, "msg_1", "one");
    clock.advance(TICK.multipliedBy(3));

    store().deleteItem(THREAD, "msg_1");

    assertThat(rows().updatedAt(THREAD)).isEqualTo(START.plus(TICK.multipliedBy(3)));
  }

  @Test
  void itemWritesLeaveTheThreadsCreationTime() {
    thread(THREAD);
    clock.advance(TICK);
    add(THREAD, "msg_1", "one");
    clock.advance(TICK);
    store().saveItem(THREAD, userMessage("msg_1", THREAD, "edited"));
    clock.advance(TICK);
    store().deleteItem(THREAD, "msg_1");

    assertThat(store().loadThread(THREAD).createdAt()).isEqualTo(START);
  }

  // --- Pages (§H.3 items 20, 29, 34) ---------------------------------------------------------------------------

  /** Five items appended to {@link #THREAD}, with ids that run against their order. */
  private List<String> fiveItems() {
    thread(THREAD);
    for (int i = 0; i < 5; i++) {
      add(THREAD, "msg_" + (9 - i), "item " + i);
    }
    return List.of("msg_9", "msg_8", "msg_7", "msg_6", "msg_5");
  }

  @Test
  void itemsAreListedByPositionAscending() {
    List<String> appended = fiveItems();

    assertThat(itemIds(store().listItems(THREAD, asc(10)))).containsExactlyElementsOf(appended);
  }

  @Test
  void itemsAreListedByPositionDescending() {
    List<String> appended = fiveItems();

    assertThat(itemIds(store().listItems(THREAD, desc(10)))).containsExactlyElementsOf(reversed(appended));
  }

  @Test
  void secondAscendingItemPageStartsRightAfterTheFirstPagesLastItem() {
    List<String> appended = fiveItems();
    ChatPage<ThreadItem> first = store().listItems(THREAD, asc(2));

    ChatPage<ThreadItem> second = store().listItems(THREAD, after(first.after(), 2, SortOrder.ASC));

    assertThat(itemIds(first)).containsExactlyElementsOf(appended.subList(0, 2));
    assertThat(first.hasMore()).isTrue();
    assertThat(first.after()).isEqualTo(appended.get(1));
    assertThat(itemIds(second)).containsExactlyElementsOf(appended.subList(2, 4));
    assertThat(second.hasMore()).isTrue();
  }

  @Test
  void secondDescendingItemPageStartsRightAfterTheFirstPagesLastItem() {
    List<String> newestFirst = reversed(fiveItems());
    ChatPage<ThreadItem> first = store().listItems(THREAD, desc(2));

    ChatPage<ThreadItem> second = store().listItems(THREAD, after(first.after(), 2, SortOrder.DESC));

    assertThat(itemIds(first)).containsExactlyElementsOf(newestFirst.subList(0, 2));
    assertThat(first.after()).isEqualTo(newestFirst.get(1));
    assertThat(itemIds(second)).containsExactlyElementsOf(newestFirst.subList(2, 4));
  }

  @Test
  void itemPageEndingExactlyAtTheLastItemHasNoMore() {
    List<String> appended = fiveItems();

    ChatPage<ThreadItem> last = store().listItems(THREAD, after(appended.get(2), 2, SortOrder.ASC));

    assertThat(itemIds(last)).containsExactly(appended.get(3), appended.get(4));
    assertThat(last.hasMore()).isFalse();
    assertThat(last.after()).isNull();
  }

  @Test
  void firstItemPageAsLargeAsTheThreadHasNoMore() {
    fiveItems();

    ChatPage<ThreadItem> page = store().listItems(THREAD, asc(5));

    assertThat(page.data()).hasSize(5);
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void itemsOfOtherThreadsAreNotListed() {
    thread(THREAD);
    thread(OTHER_THREAD);
    add(THREAD, "msg_1", "one");
    add(OTHER_THREAD, "msg_2", "two");

    assertThat(itemIds(store().listItems(THREAD, asc(10)))).containsExactly("msg_1");
  }

  @ParameterizedTest(name = "pages of {0}")
  @ValueSource(ints = {1, 2, 3})
  void itemsSharingOrdinalsArePagedAscendingByOrdinalAndIdOnEveryBackendUnlikeUpstreamSqlite(int limit)
      throws SQLException {
    equalOrdinals();
    assertThat(rows().ordinals(THREAD)).as("the fixture's ordinals").containsExactly(0, 0, 1, 1);

    List<ChatPage<ThreadItem>> pages = pages(p -> store().listItems(THREAD, p), limit, SortOrder.ASC);

    assertThat(allItemIds(pages)).containsExactlyElementsOf(BY_ORDINAL_AND_ID);
    assertThat(pages).hasSize((BY_ORDINAL_AND_ID.size() + limit - 1) / limit);
  }

  @ParameterizedTest(name = "pages of {0}")
  @ValueSource(ints = {1, 2, 3})
  void itemsSharingOrdinalsArePagedDescendingByOrdinalAndIdOnEveryBackendUnlikeUpstreamSqlite(int limit) {
    equalOrdinals();

    List<ChatPage<ThreadItem>> pages = pages(p -> store().listItems(THREAD, p), limit, SortOrder.DESC);

    assertThat(allItemIds(pages)).containsExactlyElementsOf(reversed(BY_ORDINAL_AND_ID));
  }

  @Test
  void pageAfterAnItemSharingItsOrdinalStartsWithTheNextIdOfThatOrdinal() {
    equalOrdinals();

    ChatPage<ThreadItem> page = store().listItems(THREAD, after("msg_a0", 1, SortOrder.ASC));

    assertThat(itemIds(page)).containsExactly("msg_b0");
    assertThat(page.hasMore()).isTrue();
    assertThat(page.after()).isEqualTo("msg_b0");
  }

  @Test
  void listItemsAfterAnUnknownItemIsRejectedNotRestarted() {
    fiveItems();

    assertThatThrownBy(() -> store().listItems(THREAD, after("msg_missing", 2, SortOrder.ASC)))
        .isInstanceOf(UnknownPageMarkerException.class)
        .satisfies(e -> assertThat(((UnknownPageMarkerException) e).after()).isEqualTo("msg_missing"));
  }

  @Test
  void listItemsAfterAnItemOfAnotherThreadIsRejectedNotRestarted() {
    fiveItems();
    thread(OTHER_THREAD);
    add(OTHER_THREAD, "msg_other", "elsewhere");

    assertThatThrownBy(() -> store().listItems(THREAD, after("msg_other", 2, SortOrder.ASC)))
        .isInstanceOf(UnknownPageMarkerException.class);
  }

  @Test
  void listItemsAfterADeletedItemIsRejectedNotRestarted() {
    List<String> appended = fiveItems();
    store().deleteItem(THREAD, appended.get(1));

    assertThatThrownBy(() -> store().listItems(THREAD, after(appended.get(1), 2, SortOrder.ASC)))
        .isInstanceOf(UnknownPageMarkerException.class);
  }

  // --- Timestamps and stored rows (§H.3 items 8, 24) -----------------------------------------------------------

  @Test
  void itemWithANaiveCreationTimeIsStoredAsUtc() throws SQLException {
    thread(THREAD);
    ObjectNode document = userMessage("msg_1", THREAD, "naive").document();
    document.put("created_at", "2025-01-02T03:04:05.123456");

    store().addItem(THREAD, ThreadItem.fromJson(document));

    assertThat(rows().instant("SELECT created_at FROM chat_messages WHERE id = ?", "msg_1")).isEqualTo(START);
    ThreadItem loaded = store().loadItem(THREAD, "msg_1");
    assertThat(loaded.createdAt()).isEqualTo(START);
    assertThat(loaded.document().path("created_at").asText()).isEqualTo("2025-01-02T03:04:05.123456Z");
  }

  @Test
  void storedItemWithoutIdThreadOrCreationInItsJsonTakesThemFromItsColumns() throws SQLException {
    thread(THREAD);
    Instant createdAt = Instant.parse("2024-06-01T10:00:00.250Z");
    rows().execute("INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at)"
            + " VALUES (?, ?, 0, 'user_message', " + rows().jsonParameter() + ", ?)",
        "msg_planted", THREAD,
        "{\"type\":\"user_message\",\"content\":[{\"type\":\"input_text\",\"text\":\"planted\"}],\"attachments\":[]}",
        rows().timestamp(createdAt));

    ThreadItem loaded = store().loadItem(THREAD, "msg_planted");

    assertThat(loaded.id()).isEqualTo("msg_planted");
    assertThat(loaded.threadId()).isEqualTo(THREAD);
    assertThat(loaded.createdAt()).isEqualTo(createdAt);
    assertThat(loaded.type()).isEqualTo(ItemType.USER_MESSAGE);
    assertThat(loaded.document().path("content").path(0).path("text").asText()).isEqualTo("planted");
    assertThat(itemIds(store().listItems(THREAD, asc(10)))).containsExactly("msg_planted");
  }

  @Test
  void storedItemWhoseJsonCreationHasNoOffsetIsReadAsUtc() throws SQLException {
    thread(THREAD);
    rows().execute("INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at)"
            + " VALUES (?, ?, 0, 'user_message', " + rows().jsonParameter() + ", ?)",
        "msg_planted", THREAD,
        "{\"id\":\"msg_planted\",\"thread_id\":\"thr_1\",\"created_at\":\"2024-06-01T10:00:00.5\","
            + "\"type\":\"user_message\",\"content\":[],\"attachments\":[]}",
        rows().timestamp(START));

    assertThat(store().loadItem(THREAD, "msg_planted").createdAt())
        .isEqualTo(Instant.parse("2024-06-01T10:00:00.5Z"));
  }

  @Test
  void itemAppendedAfterAPlantedRowTakesTheNextOrdinal() throws SQLException {
    thread(THREAD);
    rows().execute("INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at)"
            + " VALUES (?, ?, 7, 'end_of_turn', " + rows().jsonParameter() + ", ?)",
        "msg_planted", THREAD, "{\"type\":\"end_of_turn\"}", rows().timestamp(START));

    add(THREAD, "msg_next", "next");

    assertThat(rows().query("SELECT ordinal FROM chat_messages WHERE id = ?", "msg_next"))
        .containsExactly(List.of("8"));
  }

  // --- Text neither backend can store --------------------------------------------------------------------------

  static Stream<Arguments> unstorableDocuments() {
    UnaryOperator<ObjectNode> nulInText = d -> {
      ((ObjectNode) d.withArray("content").get(0)).put("text", "before\u0000after");
      return d;
    };
    UnaryOperator<ObjectNode> highSurrogateInText = d -> {
      ((ObjectNode) d.withArray("content").get(0)).put("text", "half \ud83d of an emoji");
      return d;
    };
    UnaryOperator<ObjectNode> lowSurrogateInText = d -> {
      ((ObjectNode) d.withArray("content").get(0)).put("text", "\ude00");
      return d;
    };
    UnaryOperator<ObjectNode> nulInQuotedText = d -> d.put("quoted_text", "\u0000");
    UnaryOperator<ObjectNode> nulInAKey = d -> {
      d.putObject("inference_options").put("mo\u0000del", "m");
      return d;
    };
    UnaryOperator<ObjectNode> surrogateInAKey = d -> d.put("\udbff", 1);
    return Stream.of(
        arguments(named("NUL in the message text", nulInText)),
        arguments(named("lone high surrogate in the message text", highSurrogateInText)),
        arguments(named("lone low surrogate in the message text", lowSurrogateInText)),
        arguments(named("NUL in the quoted text", nulInQuotedText)),
        arguments(named("NUL in a key", nulInAKey)),
        arguments(named("lone surrogate in a key", surrogateInAKey)));
  }

  private ThreadItem spoiled(String id, UnaryOperator<ObjectNode> spoil) {
    ThreadItem clean = userMessage(id, THREAD, "clean");
    return clean.withDocument(spoil.apply(clean.document()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unstorableDocuments")
  void addedItemWithUnstorableTextIsRejectedAndTheThreadIsUnchanged(UnaryOperator<ObjectNode> spoil)
      throws SQLException {
    thread(THREAD);
    ThreadItem kept = add(THREAD, "msg_0", "kept");
    Instant updatedAt = rows().updatedAt(THREAD);
    clock.advance(TICK);

    assertThatThrownBy(() -> store().addItem(THREAD, spoiled("msg_1", spoil)))
        .isInstanceOf(ValidationException.class);

    assertThat(store().listItems(THREAD, asc(10)).data()).containsExactly(kept);
    assertThat(rows().rowsOf("chat_messages")).isEqualTo(1);
    assertThat(rows().updatedAt(THREAD)).isEqualTo(updatedAt);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unstorableDocuments")
  void itemReplacedWithUnstorableTextIsRejectedAndKeepsItsContent(UnaryOperator<ObjectNode> spoil)
      throws SQLException {
    thread(THREAD);
    ThreadItem kept = add(THREAD, "msg_0", "kept");
    Instant updatedAt = rows().updatedAt(THREAD);
    clock.advance(TICK);

    assertThatThrownBy(() -> store().saveItem(THREAD, spoiled("msg_0", spoil)))
        .isInstanceOf(ValidationException.class);

    assertThat(store().loadItem(THREAD, "msg_0")).isEqualTo(kept);
    assertThat(rows().updatedAt(THREAD)).isEqualTo(updatedAt);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unstorableDocuments")
  void newItemSavedWithUnstorableTextIsRejectedAndNotWritten(UnaryOperator<ObjectNode> spoil) throws SQLException {
    thread(THREAD);

    assertThatThrownBy(() -> store().saveItem(THREAD, spoiled("msg_1", spoil)))
        .isInstanceOf(ValidationException.class);

    assertThat(rows().rowsOf("chat_messages")).isZero();
  }

  @Test
  void nonFiniteNumberInAnItemIsRejectedAndNotWritten() throws SQLException {
    thread(THREAD);
    ThreadItem item = itemOf(ItemType.CLIENT_TOOL_CALL, "tc_1", THREAD);
    ObjectNode document = item.document();
    document.putObject("output").put("score", Double.POSITIVE_INFINITY);

    assertThatThrownBy(() -> store().addItem(THREAD, item.withDocument(document)))
        .isInstanceOf(ValidationException.class);

    assertThat(rows().rowsOf("chat_messages")).isZero();
  }
}
