package io.orcheo.persistence.it.chatkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatPage;
import io.orcheo.persistence.core.chatkit.ChatPageRequest;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.core.chatkit.ChatThreadNotFoundException;
import io.orcheo.persistence.core.chatkit.ItemType;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.core.chatkit.ThreadItem;
import io.orcheo.persistence.core.chatkit.UnknownPageMarkerException;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.it.support.TestBackend;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two ChatKit queries upstream Orcheo has on PostgreSQL only (spec §C.2 operations 14 and 15, §H.3 items 29,
 * 32, 34), here on every backend with the same answers: {@code filterThreads}, JSON containment on the thread's
 * metadata with keyset pages, and {@code searchItems}, a full-text search of message text with keyset pages by
 * position.
 *
 * <p>Where we deliberately differ from upstream: search looks at the text of user and assistant messages only
 * (upstream searches {@code item_json::text}, so ids, JSON keys and type names match), its query is web-search
 * style rather than plain words, and a page marker that names nothing of the listing's scope is rejected instead of
 * restarting from the first page.
 *
 * <p>Search answers are expected equal on both backends, the engines' own operators taken as plain text. The one
 * documented difference (docs/chatkit.md: SQLite's Porter and PostgreSQL's Snowball stemmers reduce a few words
 * differently) is pinned by {@link ChatSearchParityTest} and not asserted here.
 */
public abstract class ChatSearchContract extends ChatContractSupport {
  static final String THREAD = "thr_1";
  static final String OTHER_THREAD = "thr_2";

  // --- filterThreads -------------------------------------------------------------------------------------------

  /**
   * Five threads whose metadata differ in shape and type, a second apart and of two workflows and none, in creation
   * order: nested, float, text, dotted, empty.
   */
  private void metadataFixture() {
    thread("thr_nested", "{\"team\": \"a\", \"env\": {\"region\": \"eu\", \"zone\": 1}, \"n\": 1, \"flag\": true,"
        + " \"none\": null, \"labels\": [\"x\", \"y\", \"z\"], \"workflow_id\": \"" + WORKFLOW + "\"}");
    clock.advance(TICK);
    thread("thr_float", "{\"team\": \"b\", \"env\": {\"region\": \"us\"}, \"n\": 1.0, \"flag\": false,"
        + " \"labels\": [\"x\"]}");
    clock.advance(TICK);
    thread("thr_text", "{\"team\": \"a\", \"env\": \"eu\", \"n\": \"1\", \"flag\": \"true\", \"none\": \"null\","
        + " \"labels\": \"x\", \"workflow_id\": \"" + OTHER_WORKFLOW + "\"}");
    clock.advance(TICK);
    thread("thr_dotted", "{\"a.b\": 1, \"labels\": [1, 2], \"uni\": \"n\u00e9 \u2603\"}");
    clock.advance(TICK);
    thread("thr_empty", "{}");
  }

  /** Adds, after {@link #metadataFixture()}'s threads, one whose keys a JSON path would have to quote. */
  private void oddKeys() {
    clock.advance(TICK);
    thread("thr_odd_keys", "{\"a[0]\": 1, \"it's\": \"quoted\", \"$\": \"dollar\", \"*\": \"star\","
        + " \"a b\": {\"c.d\": [\"e\", \"f\"]}, \"\u043a\u043b\u044e\u0447\": 1,"
        + " \"big\": 9007199254740993, \"bigs\": [9007199254740993]}");
  }

  static Stream<Arguments> metadataFilters() {
    return Stream.of(
        arguments("{}", List.of("thr_odd_keys", "thr_empty", "thr_dotted", "thr_text", "thr_float", "thr_nested")),
        arguments("{\"team\": \"a\"}", List.of("thr_text", "thr_nested")),
        arguments("{\"team\": \"c\"}", List.of()),
        arguments("{\"missing\": \"x\"}", List.of()),
        arguments("{\"env\": {\"region\": \"eu\"}}", List.of("thr_nested")),
        arguments("{\"env\": {}}", List.of("thr_float", "thr_nested")),
        arguments("{\"env\": {\"region\": \"eu\", \"zone\": 2}}", List.of()),
        arguments("{\"n\": 1}", List.of("thr_float", "thr_nested")),
        arguments("{\"n\": 1.0}", List.of("thr_float", "thr_nested")),
        arguments("{\"n\": \"1\"}", List.of("thr_text")),
        arguments("{\"flag\": true}", List.of("thr_nested")),
        arguments("{\"flag\": false}", List.of("thr_float")),
        arguments("{\"flag\": \"true\"}", List.of("thr_text")),
        arguments("{\"none\": null}", List.of("thr_nested")),
        arguments("{\"labels\": [\"x\"]}", List.of("thr_float", "thr_nested")),
        arguments("{\"labels\": [\"z\", \"x\"]}", List.of("thr_nested")),
        arguments("{\"labels\": [\"x\", \"w\"]}", List.of()),
        arguments("{\"labels\": []}", List.of("thr_dotted", "thr_float", "thr_nested")),
        arguments("{\"labels\": \"x\"}", List.of("thr_text")),
        arguments("{\"labels\": [1]}", List.of("thr_dotted")),
        arguments("{\"labels\": [\"1\"]}", List.of()),
        arguments("{\"a.b\": 1}", List.of("thr_dotted")),
        arguments("{\"a\": {\"b\": 1}}", List.of()),
        arguments("{\"uni\": \"n\u00e9 \u2603\"}", List.of("thr_dotted")),
        arguments("{\"team\": \"a\", \"n\": 1}", List.of("thr_nested")),
        arguments("{\"workflow_id\": \"" + WORKFLOW + "\"}", List.of("thr_nested")),
        arguments("{\"flag\": 1}", List.of()),
        arguments("{\"flag\": 0}", List.of()),
        arguments("{\"n\": true}", List.of()),
        arguments("{\"env\": {\"zone\": 1.0}}", List.of("thr_nested")),
        arguments("{\"env\": {\"zone\": true}}", List.of()),
        arguments("{\"labels\": [1.0, 2]}", List.of("thr_dotted")),
        arguments("{\"labels\": [true]}", List.of()),
        arguments("{\"none\": \"null\"}", List.of("thr_text")),
        arguments("{\"a[0]\": 1}", List.of("thr_odd_keys")),
        arguments("{\"it's\": \"quoted\"}", List.of("thr_odd_keys")),
        arguments("{\"$\": \"dollar\"}", List.of("thr_odd_keys")),
        arguments("{\"*\": \"star\"}", List.of("thr_odd_keys")),
        arguments("{\"a b\": {\"c.d\": [\"e\"]}}", List.of("thr_odd_keys")),
        arguments("{\"\u043a\u043b\u044e\u0447\": 1}", List.of("thr_odd_keys")),
        arguments("{\"big\": 9007199254740993}", List.of("thr_odd_keys")),
        arguments("{\"big\": 9007199254740992}", List.of()),
        arguments("{\"bigs\": [9007199254740992]}", List.of()),
        arguments("{\"team\": \"A\"}", List.of()),
        arguments("{\"team\": \"a \"}", List.of()));
  }

  @ParameterizedTest(name = "{0} matches {1}")
  @MethodSource("metadataFilters")
  void metadataFilterMatchesAsJsonContainmentOnEveryBackend(String filter, List<String> expected) {
    metadataFixture();
    oddKeys();

    ChatPage<ChatThread> page = store().filterThreads(json(filter), desc(50));

    assertThat(threadIds(page)).containsExactlyElementsOf(expected);
  }

  @Test
  void filterThreadsIsNotScopedByWorkflow() {
    metadataFixture();

    assertThat(threadIds(store().filterThreads(json("{\"team\": \"a\"}"), asc(50))))
        .containsExactly("thr_nested", "thr_text");
  }

  @Test
  void filteredThreadsAreWholeThreads() {
    metadataFixture();

    ChatPage<ChatThread> page = store().filterThreads(json("{\"env\": {\"region\": \"eu\"}}"), asc(50));

    assertThat(page.data()).containsExactly(store().loadThread("thr_nested"));
  }

  /** Seven threads, those of even index in team a; ties on creation in pairs. */
  private List<String> teamAThreads() {
    List<String> teamA = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String id = "thr_" + (char) ('g' - i);
      thread(id, i % 2 == 0 ? "{\"team\": \"a\", \"i\": " + i + "}" : "{\"team\": \"b\"}");
      if (i % 2 == 0) {
        teamA.add(id);
      }
      clock.advance(i % 2 == 0 ? Duration.ZERO : TICK);
    }
    return teamA;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orders")
  void filteredPagesHoldEachMatchingThreadOnceInOrder(SortOrder order) {
    teamAThreads();
    List<String> expected = store().listThreads(ChatPageRequest.first(50, order), ChatContext.NONE).data().stream()
        .filter(t -> t.metadata().path("team").asText().equals("a")).map(ChatThread::id).toList();

    List<ChatPage<ChatThread>> pages = pages(p -> store().filterThreads(json("{\"team\": \"a\"}"), p), 2, order);

    assertThat(expected).hasSize(4);
    assertThat(pages).extracting(p -> p.data().size()).containsExactly(2, 2);
    assertThat(allThreadIds(pages)).containsExactlyElementsOf(expected);
  }

  static Stream<SortOrder> orders() {
    return Stream.of(SortOrder.ASC, SortOrder.DESC);
  }

  @Test
  void filterPageEndingExactlyAtTheLastMatchHasNoMore() {
    List<String> teamA = teamAThreads();

    ChatPage<ChatThread> page = store().filterThreads(json("{\"team\": \"a\"}"), after(teamA.get(1), 2, SortOrder.ASC));

    assertThat(threadIds(page)).containsExactlyElementsOf(teamA.subList(2, 4));
    assertThat(page.hasMore()).isFalse();
    assertThat(page.after()).isNull();
  }

  @Test
  void filterThreadsAfterAnUnknownThreadIsRejectedNotRestarted() {
    metadataFixture();

    assertThatThrownBy(() -> store().filterThreads(json("{}"), after("thr_missing", 2, SortOrder.DESC)))
        .isInstanceOf(UnknownPageMarkerException.class);
  }

  @Test
  void filterThreadsAfterAThreadOutsideTheFilterContinuesFromItsPosition() {
    metadataFixture();

    ChatPage<ChatThread> page = store().filterThreads(json("{\"labels\": []}"), after("thr_text", 10, SortOrder.DESC));

    assertThat(threadIds(page)).containsExactly("thr_float", "thr_nested");
  }

  static Stream<Arguments> refusedFilters() {
    return Stream.of(
        arguments("{\"labels\": [{\"x\": 1}]}"),
        arguments("{\"labels\": [[\"x\"]]}"),
        arguments("{\"a\\\"b\": 1}"),
        arguments("{\"a\\\\b\": 1}"),
        arguments("{\"\": 1}"),
        arguments("{\"n\": 18446744073709551616}"),
        arguments("{\"text\": \"a\\u0000b\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedFilters")
  void filterShapeTheRulesRefuseIsAValidationError(String filter) {
    metadataFixture();

    assertThatThrownBy(() -> store().filterThreads(json(filter), desc(50))).isInstanceOf(ValidationException.class);
  }

  // --- searchItems ---------------------------------------------------------------------------------------------

  /** A tool call, hidden context and widget whose fields hold the word "walrus". */
  private void nonMessagesMentioningWalrus(String threadId) {
    store().addItem(threadId, new ThreadItem("tc_1", threadId, clock.instant(), ItemType.CLIENT_TOOL_CALL,
        json("{\"status\": \"completed\", \"call_id\": \"call_1\", \"name\": \"walrus\","
            + " \"arguments\": {\"text\": \"walrus\"}, \"output\": \"walrus\","
            + " \"content\": [{\"type\": \"input_text\", \"text\": \"walrus\"}]}")));
    store().addItem(threadId, new ThreadItem("hcx_1", threadId, clock.instant(), ItemType.HIDDEN_CONTEXT_ITEM,
        json("{\"content\": [{\"type\": \"input_text\", \"text\": \"walrus\"}]}")));
    store().addItem(threadId, new ThreadItem("hcx_2", threadId, clock.instant(), ItemType.SDK_HIDDEN_CONTEXT,
        json("{\"content\": \"walrus\"}")));
    store().addItem(threadId, new ThreadItem("msg_w", threadId, clock.instant(), ItemType.WIDGET,
        json("{\"widget\": {\"type\": \"Text\", \"value\": \"walrus\"}, \"copy_text\": \"walrus\","
            + " \"content\": [{\"type\": \"output_text\", \"text\": \"walrus\"}]}")));
  }

  /**
   * {@link #THREAD}'s conversation, in order: msg_1 (user), msg_2 (assistant), msg_3 (user, with quoted text),
   * msg_4 (user), msg_5 (assistant), then non-messages mentioning "walrus"; {@link #OTHER_THREAD} has one message
   * that matches most queries.
   */
  private void conversation() {
    thread(THREAD);
    thread(OTHER_THREAD);
    add(THREAD, "msg_1", "The quick brown fox jumps over the lazy dog");
    store().addItem(THREAD, assistantMessage("msg_2", THREAD, "A fox runs through the forest"));
    ObjectNode quoting = userMessage("msg_3", THREAD, "What about this?").document();
    quoting.put("quoted_text", "Zeppelin manual");
    store().addItem(THREAD, userMessage("msg_3", THREAD, "x").withDocument(quoting));
    add(THREAD, "msg_4", "I like apples");
    store().addItem(THREAD, assistantMessage("msg_5", THREAD, "Bananas are yellow"));
    nonMessagesMentioningWalrus(THREAD);
    add(OTHER_THREAD, "msg_other", "apples bananas fox forest lazy dog zeppelin walrus");
  }

  private List<String> search(String query) {
    return itemIds(store().searchItems(THREAD, query, asc(50)));
  }

  @Test
  void searchFindsTheTextOfAUserMessage() {
    conversation();

    assertThat(search("lazy")).containsExactly("msg_1");
  }

  @Test
  void searchFindsTheTextOfAnAssistantMessage() {
    conversation();

    assertThat(search("forest")).containsExactly("msg_2");
  }

  @Test
  void searchFindsTheQuotedTextOfAUserMessage() {
    conversation();

    assertThat(search("zeppelin")).containsExactly("msg_3");
  }

  @Test
  void searchReturnsTheWholeTypedItems() {
    conversation();

    ChatPage<ThreadItem> page = store().searchItems(THREAD, "forest", asc(50));

    assertThat(page.data()).containsExactly(store().loadItem(THREAD, "msg_2"));
    assertThat(page.data().get(0).type()).isEqualTo(ItemType.ASSISTANT_MESSAGE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"user_message", "assistant_message", "msg", "msg_1", "thr_1", "type", "input_text",
      "output_text", "quoted_text", "content", "text", "annotations", "attachments", "inference_options",
      "tool_choice", "thread_id", "created_at", "user", "message", "assistant"})
  void searchDoesNotFindIdsJsonKeysOrTypeNames(String query) {
    conversation();

    assertThat(search(query)).isEmpty();
  }

  @Test
  void searchDoesNotFindToolCallsHiddenContextOrWidgets() {
    conversation();

    assertThat(search("walrus")).isEmpty();
  }

  @Test
  void searchFindsOnlyItemsOfTheGivenThread() {
    conversation();

    assertThat(itemIds(store().searchItems(OTHER_THREAD, "apples", asc(50)))).containsExactly("msg_other");
    assertThat(search("apples")).containsExactly("msg_4");
  }

  @Test
  void searchMatchesEnglishStems() {
    conversation();

    assertThat(search("running")).as("running finds runs").containsExactly("msg_2");
    assertThat(search("foxes")).as("foxes finds fox").containsExactly("msg_1", "msg_2");
    assertThat(search("apple")).as("apple finds apples").containsExactly("msg_4");
  }

  @Test
  void searchIgnoresCase() {
    conversation();

    assertThat(search("LAZY Dog")).containsExactly("msg_1");
  }

  @Test
  void everyWordOfTheQueryMustMatch() {
    conversation();

    assertThat(search("fox forest")).containsExactly("msg_2");
    assertThat(search("fox bananas")).isEmpty();
  }

  @Test
  void quotedPhraseMatchesOnlyItsWordsTogetherInOrder() {
    conversation();

    assertThat(search("\"brown fox\"")).containsExactly("msg_1");
    assertThat(search("\"fox brown\"")).isEmpty();
    assertThat(search("\"quick fox\"")).isEmpty();
  }

  @Test
  void quotedPhraseWithStopWordsInsideFindsTheTextItQuotes() {
    conversation();

    assertThat(search("\"jumps over the lazy dog\"")).containsExactly("msg_1");
  }

  @Test
  void hyphenatedWordWithStopWordsInsideIsFound() {
    thread(THREAD);
    add(THREAD, "msg_1", "A state-of-the-art design");

    assertThat(search("state-of-the-art")).containsExactly("msg_1");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"O'Neil", "snake_case", "C3PO", "50%", "e-mail", "na\u00efve"})
  void searchFindsAWordWithPunctuationAsItIsWrittenInTheMessage(String token) {
    thread(THREAD);
    add(THREAD, "msg_1", "Look at " + token + " now");
    add(THREAD, "msg_2", "Nothing to see");

    assertThat(search(token)).containsExactly("msg_1");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"john@example.com", "docs.example.org", "3.14", "v1.2.3", "/usr/local/bin"})
  void searchFindsAnAddressNumberVersionOrPathAsItIsWrittenInTheMessage(String token) {
    thread(THREAD);
    add(THREAD, "msg_1", "Look at " + token + " now");
    add(THREAD, "msg_2", "Nothing to see");

    assertThat(search(token)).containsExactly("msg_1");
  }

  @Test
  void accentsAreSignificantAsInPostgresqlsEnglishConfiguration() {
    thread(THREAD);
    add(THREAD, "msg_1", "Un caf\u00e9 noir");

    assertThat(search("cafe")).isEmpty();
  }

  @Test
  void orMatchesEitherWord() {
    conversation();

    assertThat(search("apples or bananas")).containsExactly("msg_4", "msg_5");
  }

  static Stream<Arguments> queriesWithOperators() {
    return Stream.of(
        arguments("apples OR bananas", List.of("msg_4", "msg_5")),
        arguments("or apples", List.of("msg_4")),
        arguments("apples or", List.of("msg_4")),
        arguments("fox*", List.of("msg_1", "msg_2")),
        arguments("fox:*", List.of("msg_1", "msg_2")),
        arguments("fox & dog", List.of("msg_1")),
        arguments("fox | dog", List.of("msg_1")),
        arguments("fox AND dog", List.of("msg_1")),
        arguments("!fox", List.of("msg_1", "msg_2")),
        arguments("(lazy)", List.of("msg_1")),
        arguments("lazy^", List.of("msg_1")),
        arguments("content:lazy", List.of()),
        arguments("\"unterminated", List.of()));
  }

  @ParameterizedTest(name = "{0} finds {1}")
  @MethodSource("queriesWithOperators")
  void operatorsOfTheSearchEnginesAreTakenAsPlainText(String query, List<String> expected) {
    conversation();

    assertThat(search(query)).containsExactlyElementsOf(expected);
  }

  @Test
  void minusWordExcludesItemsWithThatWord() {
    conversation();

    assertThat(search("fox -forest")).containsExactly("msg_1");
  }

  @Test
  void stopWordsInAQueryAreIgnored() {
    conversation();

    assertThat(search("the lazy dog")).containsExactly("msg_1");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"the", "the and of", "!!!", "?", "   ", "", "\"the\"", "-fox", "-fox -dog"})
  void queryWithNoWordToSearchForIsAValidationError(String query) {
    conversation();

    assertThatThrownBy(() -> store().searchItems(THREAD, query, asc(50))).isInstanceOf(ValidationException.class);
  }

  @Test
  void queryWithANulCharacterIsAValidationError() {
    conversation();

    assertThatThrownBy(() -> store().searchItems(THREAD, "fox\u0000", asc(50))).isInstanceOf(ValidationException.class);
  }

  @Test
  void searchFindsNonAsciiWords() {
    thread(THREAD);
    add(THREAD, "msg_1", "Un caf\u00e9 noir, s'il vous pla\u00eet");
    add(THREAD, "msg_2", "\u00dcbergr\u00f6\u00dfe Stra\u00dfe");

    assertThat(search("caf\u00e9")).containsExactly("msg_1");
    assertThat(search("CAF\u00c9")).containsExactly("msg_1");
  }

  @Test
  void searchOfAMissingThreadIsThreadNotFound() {
    assertThatThrownBy(() -> store().searchItems("thr_missing", "fox", asc(50)))
        .isInstanceOf(ChatThreadNotFoundException.class)
        .hasMessage("Thread thr_missing not found");
  }

  // --- Search order and pages ----------------------------------------------------------------------------------

  @Test
  void searchResultsAreInPositionOrderAscendingAndDescending() {
    conversation();

    assertThat(itemIds(store().searchItems(THREAD, "fox", asc(50)))).containsExactly("msg_1", "msg_2");
    assertThat(itemIds(store().searchItems(THREAD, "fox", desc(50)))).containsExactly("msg_2", "msg_1");
  }

  /** Nine items in {@link #THREAD}, every other one mentioning "echo"; returns those, in position order. */
  private List<String> echoes() {
    thread(THREAD);
    List<String> echoes = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      // Ids run against position, so ordering by id alone would give the wrong answer.
      String id = "msg_" + (char) ('z' - i);
      add(THREAD, id, i % 2 == 0 ? "echo number " + i : "silence " + i);
      if (i % 2 == 0) {
        echoes.add(id);
      }
    }
    return echoes;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orders")
  void searchPagesHoldEachMatchOnceInPositionOrder(SortOrder order) {
    List<String> echoes = echoes();

    List<ChatPage<ThreadItem>> pages = pages(p -> store().searchItems(THREAD, "echo", p), 2, order);

    assertThat(pages).extracting(p -> p.data().size()).containsExactly(2, 2, 1);
    assertThat(allItemIds(pages)).containsExactlyElementsOf(order == SortOrder.ASC ? echoes : reversed(echoes));
  }

  @Test
  void searchPageEndingExactlyAtTheLastMatchHasNoMore() {
    List<String> echoes = echoes();

    ChatPage<ThreadItem> page = store().searchItems(THREAD, "echo", after(echoes.get(2), 2, SortOrder.ASC));

    assertThat(itemIds(page)).containsExactlyElementsOf(echoes.subList(3, 5));
    assertThat(page.hasMore()).isFalse();
    assertThat(page.after()).isNull();
  }

  @Test
  void searchPageOneShortOfTheLastMatchHasMore() {
    List<String> echoes = echoes();

    ChatPage<ThreadItem> page = store().searchItems(THREAD, "echo", after(echoes.get(1), 2, SortOrder.ASC));

    assertThat(itemIds(page)).containsExactlyElementsOf(echoes.subList(2, 4));
    assertThat(page.hasMore()).isTrue();
    assertThat(page.after()).isEqualTo(echoes.get(3));
  }

  @Test
  void searchAfterANonMatchingItemOfTheThreadContinuesFromItsPosition() {
    echoes();

    ChatPage<ThreadItem> page = store().searchItems(THREAD, "echo", after("msg_w", 10, SortOrder.ASC));

    // msg_w is "silence 3": the matches after it are items 4, 6 and 8.
    assertThat(itemIds(page)).containsExactly("msg_v", "msg_t", "msg_r");
  }

  @Test
  void searchAfterAnItemOfAnotherThreadIsRejectedNotRestarted() {
    conversation();

    assertThatThrownBy(() -> store().searchItems(THREAD, "fox", after("msg_other", 10, SortOrder.ASC)))
        .isInstanceOf(UnknownPageMarkerException.class);
  }

  @Test
  void searchAfterAnUnknownItemIsRejectedNotRestarted() {
    conversation();

    assertThatThrownBy(() -> store().searchItems(THREAD, "fox", after("msg_missing", 10, SortOrder.ASC)))
        .isInstanceOf(UnknownPageMarkerException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orders")
  void searchPagesItemsSharingAnOrdinalByIdWithoutLoss(SortOrder order) throws SQLException {
    thread(THREAD);
    thread(OTHER_THREAD);
    add(THREAD, "msg_a0", "shared a0");
    add(THREAD, "msg_a1", "shared a1");
    add(OTHER_THREAD, "msg_b0", "shared b0");
    add(OTHER_THREAD, "msg_b1", "shared b1");
    store().saveItem(THREAD, store().loadItem(OTHER_THREAD, "msg_b0"));
    store().saveItem(THREAD, store().loadItem(OTHER_THREAD, "msg_b1"));
    assertThat(rows().ordinals(THREAD)).as("the fixture's ordinals").containsExactly(0, 0, 1, 1);
    List<String> byOrdinalAndId = List.of("msg_a0", "msg_b0", "msg_a1", "msg_b1");

    List<ChatPage<ThreadItem>> pages = pages(p -> store().searchItems(THREAD, "shared", p), 1, order);

    assertThat(allItemIds(pages))
        .containsExactlyElementsOf(order == SortOrder.ASC ? byOrdinalAndId : reversed(byOrdinalAndId));
  }

  // --- Search follows writes -----------------------------------------------------------------------------------

  @Test
  void savingAnItemWithNewTextUpdatesSearch() {
    conversation();

    store().saveItem(THREAD, userMessage("msg_4", THREAD, "I like cherries"));

    assertThat(search("apples")).isEmpty();
    assertThat(search("cherries")).containsExactly("msg_4");
  }

  @Test
  void addingAnItemAgainWithNewTextUpdatesSearch() {
    conversation();

    store().addItem(THREAD, assistantMessage("msg_5", THREAD, "Plums are purple"));

    assertThat(search("bananas")).isEmpty();
    assertThat(search("plums")).containsExactly("msg_5");
  }

  @Test
  void replacingAMessageWithANonMessageRemovesItFromSearch() {
    conversation();

    store().saveItem(THREAD, new ThreadItem("msg_4", THREAD, clock.instant(), ItemType.HIDDEN_CONTEXT_ITEM,
        json("{\"content\": [{\"type\": \"input_text\", \"text\": \"apples\"}]}")));

    assertThat(search("apples")).isEmpty();
  }

  @Test
  void deletingAnItemRemovesItFromSearch() {
    conversation();

    store().deleteItem(THREAD, "msg_1");

    assertThat(search("fox")).containsExactly("msg_2");
  }

  @Test
  void deletingAThreadRemovesItsItemsFromSearch() throws SQLException {
    conversation();

    store().deleteThread(THREAD);
    thread(THREAD);

    assertThat(search("fox")).isEmpty();
    assertThat(itemIds(store().searchItems(OTHER_THREAD, "fox", asc(50)))).containsExactly("msg_other");
    if (backend() == TestBackend.SQLITE) {
      assertThat(rows().count("SELECT count(*) FROM chat_messages_fts WHERE rowid NOT IN"
          + " (SELECT rowid FROM chat_messages)")).as("index entries of deleted items").isZero();
    }
  }

  @Test
  void movingAnItemToAnotherThreadMovesItsSearchHit() {
    conversation();

    store().saveItem(OTHER_THREAD, store().loadItem(THREAD, "msg_1"));

    assertThat(search("lazy")).isEmpty();
    // Both are at ordinal 0 of the other thread now (a moved item keeps its ordinal): the id decides.
    assertThat(itemIds(store().searchItems(OTHER_THREAD, "lazy", asc(50)))).containsExactly("msg_1", "msg_other");
  }

  @Test
  void searchFindsItemsWrittenBeneathTheStore() throws SQLException {
    thread(THREAD);
    rows().execute("INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at)"
            + " VALUES (?, ?, 0, 'user_message', " + rows().jsonParameter() + ", ?)",
        "msg_planted", THREAD,
        "{\"id\":\"msg_planted\",\"thread_id\":\"thr_1\",\"created_at\":\"2025-01-02T03:04:05Z\","
            + "\"type\":\"user_message\",\"content\":[{\"type\":\"input_text\",\"text\":\"planted gardens\"}],"
            + "\"attachments\":[],\"quoted_text\":null}",
        rows().timestamp(START));

    assertThat(search("garden")).containsExactly("msg_planted");
  }
}
