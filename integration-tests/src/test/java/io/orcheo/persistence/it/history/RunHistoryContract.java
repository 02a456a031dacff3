package io.orcheo.persistence.it.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.ConflictException;
import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.history.HistoryFilter;
import io.orcheo.persistence.core.history.HistoryStatus;
import io.orcheo.persistence.core.history.RunHistory;
import io.orcheo.persistence.core.history.RunHistoryNotFoundException;
import io.orcheo.persistence.core.history.RunHistoryRecord;
import io.orcheo.persistence.core.history.RunHistoryStep;
import io.orcheo.persistence.core.history.RunHistoryStore;
import io.orcheo.persistence.core.history.StartRun;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.it.support.StoreRows;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.Together;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The run-history store ({@link RunHistoryStore}) on every backend: upstream Orcheo's history behaviours of spec §4
 * (items 73–81, and a few of item 82's serialisation rules end to end), the start and mark rules of spec §2.9 (trace
 * fields, value derivation, no state machine), and what we add to upstream: keyset pages with a metadata containment
 * filter that gives the same results on both backends, reading a long trace a piece at a time, and values that
 * neither backend can store refused before anything is written.
 *
 * <p>Each test runs on a fresh database with a {@link io.orcheo.persistence.it.support.MutableClock} starting at
 * {@link #START}; timestamps are therefore exact. Tests look beneath the store with plain JDBC ({@link StoreRows})
 * where the stored row matters. Item 81's "init runs once under concurrent callers" is covered only by stores opened
 * together on one database, and its SQLite upgrade of a legacy table by {@link SqliteRunHistoryTest}; concurrent
 * appends, and item 83 (PostgreSQL init under races and DDL errors), are left to the concurrency tests.
 */
public abstract class RunHistoryContract extends BackendContract {
  static final String WORKFLOW = "workflow-1";
  static final String OTHER_WORKFLOW = "workflow-2";
  static final Duration TICK = Duration.ofSeconds(1);

  private final List<OrcheoPersistence> others = new ArrayList<>();

  /** A value with components, as a Python dataclass or a pydantic model is upstream. */
  record Embedding(List<Double> values) {}

  /** A runnable config given as a record: upstream's config object with {@code model_dump}. */
  record RunConfig(List<String> tags, Map<String, Object> metadata, String run_name, Object callbacks) {}

  @AfterEach
  void closeOtherInstances() {
    others.forEach(OrcheoPersistence::close);
  }

  RunHistoryStore store() {
    return persistence.runHistory();
  }

  StoreRows rows() {
    return new StoreRows(persistence, backend(), Store.REPOSITORY);
  }

  /** Another instance on the test's database, as another process would open it. */
  RunHistoryStore anotherInstance() {
    OrcheoPersistence other = OrcheoPersistence.open(persistence.settings(), clock);
    others.add(other);
    return other.runHistory();
  }

  static ObjectNode json(String text) {
    return (ObjectNode) JsonCodec.read(text);
  }

  static JsonNode node(String text) {
    return JsonCodec.read(text);
  }

  RunHistoryRecord start(String workflowId, String executionId) {
    return store().startRun(StartRun.of(workflowId, executionId, Map.of("execution", executionId)));
  }

  RunHistoryRecord startWithMetadata(String workflowId, String executionId, String metadata) {
    return store().startRun(StartRun.of(workflowId, executionId, null).withMetadata(json(metadata)));
  }

  private long histories() throws SQLException {
    return rows().rowsOf("execution_history");
  }

  private long steps() throws SQLException {
    return rows().rowsOf("execution_history_steps");
  }

  private static List<String> ids(List<RunHistory> histories) {
    return histories.stream().map(RunHistory::executionId).toList();
  }

  private static List<String> recordIds(List<RunHistoryRecord> records) {
    return records.stream().map(RunHistoryRecord::executionId).toList();
  }

  /** The listing's order: {@code started_at DESC, execution_id DESC}. */
  private static List<String> newestFirst(List<RunHistoryRecord> records) {
    return records.stream()
        .sorted(Comparator.comparing(RunHistoryRecord::startedAt).thenComparing(RunHistoryRecord::executionId)
            .reversed())
        .map(RunHistoryRecord::executionId)
        .toList();
  }

  /** Every page of a listing, following the cursors from the first page. */
  private static <T> List<Page<T>> pages(Function<PageRequest, Page<T>> listing, int size) {
    List<Page<T>> pages = new ArrayList<>();
    Page<T> page = listing.apply(PageRequest.first(size));
    pages.add(page);
    while (page.hasNext()) {
      assertThat(pages).as("pages so far (a cursor that never ends?)").hasSizeLessThan(1000);
      page = listing.apply(PageRequest.after(page.nextCursor(), size));
      pages.add(page);
    }
    return pages;
  }

  private static <T> List<T> items(List<Page<T>> pages) {
    return pages.stream().flatMap(page -> page.items().stream()).toList();
  }

  // --- Start, append, complete (§4 items 73, 74) -------------------------------------------------------------------

  @Test
  void startAppendCompleteGivesACompletedHistoryWithItsInputsAndStep() {
    store().startRun(StartRun.of(WORKFLOW, "exec", Map.of("question", "why?")));
    clock.advance(TICK);
    RunHistoryStep step = store().appendStep("exec", Map.of("node", "start", "output", 1));
    clock.advance(TICK);
    RunHistory completed = store().markCompleted("exec");

    assertThat(step.stepIndex()).isZero();
    assertThat(step.at()).isEqualTo(START.plus(TICK));
    assertThat(step.payload()).isEqualTo(json("{\"node\": \"start\", \"output\": 1}"));
    assertThat(completed.status()).isEqualTo(HistoryStatus.COMPLETED);
    assertThat(completed.record().inputs()).isEqualTo(json("{\"question\": \"why?\"}"));
    assertThat(completed.steps()).containsExactly(step);
    assertThat(store().getHistory("exec")).isEqualTo(completed);
  }

  @Test
  void startedHistoryIsRunningSinceNowAndReadsBackEqual() {
    RunHistoryRecord started = store().startRun(StartRun.of(WORKFLOW, "exec", Map.of("n", 1)));

    assertThat(started.status()).isEqualTo(HistoryStatus.RUNNING);
    assertThat(started.workflowId()).isEqualTo(WORKFLOW);
    assertThat(started.startedAt()).isEqualTo(START);
    assertThat(started.completedAt()).isNull();
    assertThat(started.error()).isNull();
    assertThat(store().getHistory("exec")).isEqualTo(new RunHistory(started, List.of()));
  }

  @Test
  void anotherStoreInstanceOnTheSameDatabaseSeesTheSameHistory() {
    store().startRun(StartRun.of(WORKFLOW, "exec", Map.of("question", "why?")));
    clock.advance(TICK);
    store().appendStep("exec", Map.of("node", "start"));
    clock.advance(TICK);
    RunHistory completed = store().markCompleted("exec");

    RunHistoryStore other = anotherInstance();

    assertThat(other.getHistory("exec")).isEqualTo(completed);
    assertThat(other.listHistories(WORKFLOW, null)).containsExactly(completed);
  }

  @Test
  void anotherStoreInstanceAppendsAtTheNextStepIndex() {
    start(WORKFLOW, "exec");
    store().appendStep("exec", Map.of("by", "first"));

    RunHistoryStep second = anotherInstance().appendStep("exec", Map.of("by", "second"));

    assertThat(second.stepIndex()).isEqualTo(1);
    assertThat(store().getHistory("exec").steps()).extracting(RunHistoryStep::stepIndex, s -> s.payload().get("by"))
        .containsExactly(
            tuple(0, node("\"first\"")),
            tuple(1, node("\"second\"")));
  }

  @Test
  void stepsAreNumberedFromZeroPerExecution() {
    start(WORKFLOW, "a");
    start(WORKFLOW, "b");

    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      indexes.add(store().appendStep("a", Map.of("i", i)).stepIndex());
      indexes.add(store().appendStep("b", Map.of("i", i)).stepIndex());
    }

    assertThat(indexes).containsExactly(0, 0, 1, 1, 2, 2);
    assertThat(store().getHistory("b").steps()).extracting(s -> s.payload().get("i").intValue())
        .containsExactly(0, 1, 2);
  }

  @Test
  void traceStartDefaultsToTheStartTimeWhichIsAlsoTheLastSpan() throws SQLException {
    RunHistoryRecord started = start(WORKFLOW, "exec");

    assertThat(started.traceId()).isNull();
    assertThat(started.traceStartedAt()).isEqualTo(started.startedAt()).isEqualTo(START);
    assertThat(started.traceLastSpanAt()).isEqualTo(START);
    assertThat(started.traceCompletedAt()).isNull();
    assertThat(rows().instant("SELECT trace_started_at FROM execution_history WHERE execution_id = ?", "exec"))
        .isEqualTo(START);
    assertThat(rows().instant("SELECT trace_last_span_at FROM execution_history WHERE execution_id = ?", "exec"))
        .isEqualTo(START);
  }

  @Test
  void givenTraceIdAndTraceStartArePreservedToTheMicrosecond() {
    Instant traceStart = START.minusSeconds(30).plusNanos(789);
    Instant stored = traceStart.truncatedTo(ChronoUnit.MICROS);

    store().startRun(StartRun.of(WORKFLOW, "exec", null).withTrace("span-42", traceStart));

    RunHistoryRecord read = store().getHistory("exec").record();
    assertThat(read.traceId()).isEqualTo("span-42");
    assertThat(read.traceStartedAt()).isEqualTo(stored);
    assertThat(read.traceLastSpanAt()).as("trace_last_span_at starts at trace_started_at").isEqualTo(stored);
    assertThat(read.startedAt()).isEqualTo(START);
  }

  @Test
  void traceLastSpanIsTheTimeOfTheLastAppendedStep() throws SQLException {
    start(WORKFLOW, "exec");
    clock.advance(TICK);
    store().appendStep("exec", Map.of("i", 0));
    clock.advance(TICK);
    RunHistoryStep last = store().appendStep("exec", Map.of("i", 1));

    assertThat(last.at()).isEqualTo(START.plus(TICK.multipliedBy(2)));
    assertThat(store().getHistory("exec").record().traceLastSpanAt()).isEqualTo(last.at());
    assertThat(rows().instant("SELECT trace_last_span_at FROM execution_history WHERE execution_id = ?", "exec"))
        .isEqualTo(last.at());
  }

  @Test
  void completionSetsCompletedAtAndTraceCompletedAtAndKeepsTheLastSpan() {
    start(WORKFLOW, "exec");
    clock.advance(TICK);
    RunHistoryStep step = store().appendStep("exec", Map.of("i", 0));
    Instant done = clock.advance(Duration.ofSeconds(5));

    RunHistoryRecord completed = store().markCompleted("exec").record();

    assertThat(completed.completedAt()).isEqualTo(done);
    assertThat(completed.traceCompletedAt()).isEqualTo(done);
    assertThat(completed.traceLastSpanAt()).isEqualTo(step.at());
  }

  @Test
  void markingAHistoryWithoutALastSpanSetsItToTheCompletionTime() throws SQLException {
    start(WORKFLOW, "exec");
    rows().execute("UPDATE execution_history SET trace_last_span_at = NULL WHERE execution_id = ?", "exec");
    assertThat(store().getHistory("exec").record().traceLastSpanAt()).as("precondition").isNull();
    Instant done = clock.advance(TICK);

    RunHistoryRecord failed = store().markFailed("exec", "boom").record();

    assertThat(failed.traceLastSpanAt()).isEqualTo(failed.traceCompletedAt()).isEqualTo(done);
    assertThat(rows().instant("SELECT trace_last_span_at FROM execution_history WHERE execution_id = ?", "exec"))
        .isEqualTo(done);
  }

  // --- What start_run stores (§4 item 75, §2.9 value derivation) ---------------------------------------------------

  @Test
  void explicitRunFieldsArePersisted() {
    store().startRun(StartRun.of(WORKFLOW, "exec", Map.of("x", 1))
        .withRunnableConfig(Map.of("recursion_limit", 10))
        .withTags(List.of("alpha", "beta"))
        .withCallbacks(List.of(Map.of("handler", "log")))
        .withMetadata(Map.of("team", "a"))
        .withRunName("nightly"));

    RunHistoryRecord read = anotherInstance().getHistory("exec").record();
    assertThat(read.runnableConfig()).isEqualTo(json("{\"recursion_limit\": 10}"));
    assertThat(read.tags()).containsExactly("alpha", "beta");
    assertThat(read.callbacks()).isEqualTo(node("[{\"handler\": \"log\"}]"));
    assertThat(read.metadata()).isEqualTo(json("{\"team\": \"a\"}"));
    assertThat(read.runName()).isEqualTo("nightly");
  }

  @Test
  void configSuppliesTagsCallbacksMetadataAndRunNameWhenNoneAreGiven() {
    ObjectNode config = json("{\"tags\": [\"t1\", \"t2\"], \"callbacks\": [{\"handler\": \"cfg\"}],"
        + " \"metadata\": {\"source\": \"config\"}, \"run_name\": \"from-config\"}");

    store().startRun(StartRun.of(WORKFLOW, "exec", null).withRunnableConfig(config));

    RunHistoryRecord read = store().getHistory("exec").record();
    assertThat(read.runnableConfig()).isEqualTo(config);
    assertThat(read.tags()).containsExactly("t1", "t2");
    assertThat(read.callbacks()).isEqualTo(node("[{\"handler\": \"cfg\"}]"));
    assertThat(read.metadata()).isEqualTo(json("{\"source\": \"config\"}"));
    assertThat(read.runName()).isEqualTo("from-config");
  }

  @Test
  void explicitValuesWinOverTheConfigs() {
    ObjectNode config = json("{\"tags\": [\"cfg\"], \"callbacks\": [\"cfg\"], \"metadata\": {\"source\": \"config\"},"
        + " \"run_name\": \"from-config\"}");

    store().startRun(StartRun.of(WORKFLOW, "exec", null).withRunnableConfig(config)
        .withTags(List.of("explicit")).withCallbacks(List.of("explicit")).withMetadata(Map.of("source", "explicit"))
        .withRunName("explicit"));

    RunHistoryRecord read = store().getHistory("exec").record();
    assertThat(read.tags()).containsExactly("explicit");
    assertThat(read.callbacks()).isEqualTo(node("[\"explicit\"]"));
    assertThat(read.metadata()).isEqualTo(json("{\"source\": \"explicit\"}"));
    assertThat(read.runName()).isEqualTo("explicit");
  }

  @Test
  void explicitEmptyMetadataIsKeptOverTheConfigsAsUpstreamHead() throws SQLException {
    store().startRun(StartRun.of(WORKFLOW, "exec", null)
        .withRunnableConfig(Map.of("metadata", Map.of("source", "config")))
        .withMetadata(Map.of()));

    assertThat(store().getHistory("exec").record().metadata()).isEmpty();
    assertThat(rows().json("SELECT metadata FROM execution_history WHERE execution_id = ?", "exec"))
        .isEqualTo(json("{}"));
  }

  @Test
  void emptyExplicitTagsAndCallbacksFallBackToTheConfigs() {
    store().startRun(StartRun.of(WORKFLOW, "exec", null)
        .withRunnableConfig(Map.of("tags", List.of("cfg"), "callbacks", List.of("cfg-callback")))
        .withTags(List.of())
        .withCallbacks(List.of()));

    RunHistoryRecord read = store().getHistory("exec").record();
    assertThat(read.tags()).containsExactly("cfg");
    assertThat(read.callbacks()).isEqualTo(node("[\"cfg-callback\"]"));
  }

  @Test
  void configMetadataThatIsNotAnObjectGivesEmptyMetadata() {
    store().startRun(StartRun.of(WORKFLOW, "exec", null).withRunnableConfig(Map.of("metadata", List.of("a"))));

    assertThat(store().getHistory("exec").record().metadata()).isEmpty();
  }

  @Test
  void tagsAreStoredAsAJsonArrayOfText() throws SQLException {
    store().startRun(StartRun.of(WORKFLOW, "exec", null).withTags(List.of("a", 1, 2.5)));

    assertThat(store().getHistory("exec").record().tags()).containsExactly("a", "1", "2.5");
    assertThat(rows().json("SELECT tags FROM execution_history WHERE execution_id = ?", "exec"))
        .isEqualTo(node("[\"a\", \"1\", \"2.5\"]"));
  }

  @Test
  void singleExplicitCallbackIsWrappedInAList() throws SQLException {
    store().startRun(StartRun.of(WORKFLOW, "exec", null).withCallbacks(Map.of("handler", "log")));

    assertThat(store().getHistory("exec").record().callbacks()).isEqualTo(node("[{\"handler\": \"log\"}]"));
    assertThat(rows().json("SELECT callbacks FROM execution_history WHERE execution_id = ?", "exec"))
        .isEqualTo(node("[{\"handler\": \"log\"}]"));
  }

  @Test
  void singleCallbackOfTheConfigIsWrappedInAList() {
    store().startRun(StartRun.of(WORKFLOW, "exec", null)
        .withRunnableConfig(Map.of("callbacks", Map.of("handler", "cfg"))));

    assertThat(store().getHistory("exec").record().callbacks()).isEqualTo(node("[{\"handler\": \"cfg\"}]"));
  }

  @Test
  void noCallbacksAnywhereIsAnEmptyList() throws SQLException {
    start(WORKFLOW, "exec");

    assertThat(store().getHistory("exec").record().callbacks()).isEmpty();
    assertThat(rows().json("SELECT callbacks FROM execution_history WHERE execution_id = ?", "exec"))
        .isEqualTo(node("[]"));
  }

  @Test
  void emptyRunNameFallsBackToTheConfigs() {
    store().startRun(StartRun.of(WORKFLOW, "exec", null)
        .withRunnableConfig(Map.of("run_name", "from-config"))
        .withRunName(""));

    assertThat(store().getHistory("exec").record().runName()).isEqualTo("from-config");
  }

  @Test
  void whitespaceRunNameIsKeptAsUpstreamWhereItIsTruthy() {
    store().startRun(StartRun.of(WORKFLOW, "exec", null)
        .withRunnableConfig(Map.of("run_name", "from-config"))
        .withRunName("  "));

    assertThat(store().getHistory("exec").record().runName()).isEqualTo("  ");
  }

  @Test
  void configRunNameThatIsNotTextIsStoredAsText() {
    store().startRun(StartRun.of(WORKFLOW, "exec", null).withRunnableConfig(Map.of("run_name", 42)));

    assertThat(store().getHistory("exec").record().runName()).isEqualTo("42");
  }

  @Test
  void noRunNameAnywhereIsNull() throws SQLException {
    start(WORKFLOW, "exec");

    assertThat(store().getHistory("exec").record().runName()).isNull();
    assertThat(rows().text("SELECT run_name FROM execution_history WHERE execution_id = ?", "exec")).isNull();
  }

  @Test
  void runnableConfigThatIsNotAnObjectIsStoredAsAnEmptyObject() throws SQLException {
    store().startRun(StartRun.of(WORKFLOW, "exec", null).withRunnableConfig(List.of("tags", "metadata")));

    RunHistoryRecord read = store().getHistory("exec").record();
    assertThat(read.runnableConfig()).isEmpty();
    assertThat(read.tags()).isEmpty();
    assertThat(rows().json("SELECT runnable_config FROM execution_history WHERE execution_id = ?", "exec"))
        .isEqualTo(json("{}"));
  }

  @Test
  void recordConfigSuppliesItsValuesAsUpstreamsModelDumpDoes() {
    RunConfig config = new RunConfig(List.of("t1"), Map.of("source", "model"), "from-model",
        Map.of("handler", "model"));

    store().startRun(StartRun.of(WORKFLOW, "exec", null).withRunnableConfig(config));

    RunHistoryRecord read = store().getHistory("exec").record();
    assertThat(read.runnableConfig()).isEqualTo(json("{\"tags\": [\"t1\"], \"metadata\": {\"source\": \"model\"},"
        + " \"run_name\": \"from-model\", \"callbacks\": {\"handler\": \"model\"}}"));
    assertThat(read.tags()).containsExactly("t1");
    assertThat(read.metadata()).isEqualTo(json("{\"source\": \"model\"}"));
    assertThat(read.runName()).isEqualTo("from-model");
    assertThat(read.callbacks()).isEqualTo(node("[{\"handler\": \"model\"}]"));
  }

  @Test
  void absentInputsAreStoredAsAnEmptyObject() throws SQLException {
    store().startRun(StartRun.of(WORKFLOW, "exec", null));

    assertThat(store().getHistory("exec").record().inputs()).isEmpty();
    assertThat(rows().json("SELECT inputs FROM execution_history WHERE execution_id = ?", "exec"))
        .isEqualTo(json("{}"));
  }

  // --- Errors (§4 items 76, 77) ------------------------------------------------------------------------------------

  @Test
  void startingAnExistingExecutionIdIsAConflictAndLeavesTheFirstUnchanged() throws SQLException {
    RunHistoryRecord first = store().startRun(StartRun.of(WORKFLOW, "exec", Map.of("n", 1))
        .withMetadata(Map.of("attempt", 1)));
    clock.advance(TICK);

    assertThatThrownBy(() -> store().startRun(StartRun.of(OTHER_WORKFLOW, "exec", Map.of("n", 2))
        .withMetadata(Map.of("attempt", 2))))
        .isInstanceOf(ConflictException.class)
        .hasMessage("History already exists for execution_id=exec");

    assertThat(store().getHistory("exec")).isEqualTo(new RunHistory(first, List.of()));
    assertThat(histories()).isEqualTo(1);
  }

  /** Every operation on one execution id, named for the test report. */
  static Stream<Arguments> operationsOnOneExecution() {
    return Stream.of(
        operation("appendStep", (store, id) -> store.appendStep(id, Map.of())),
        operation("markCompleted", RunHistoryStore::markCompleted),
        operation("markFailed", (store, id) -> store.markFailed(id, "boom")),
        operation("markCancelled", (store, id) -> store.markCancelled(id, "stop")),
        operation("getHistory", RunHistoryStore::getHistory),
        operation("steps", (store, id) -> store.steps(id, -1, 10)));
  }

  private static Arguments operation(String name, BiConsumer<RunHistoryStore, String> operation) {
    return arguments(named(name, operation));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operationsOnOneExecution")
  void operationOnAnUnknownExecutionIdIsHistoryNotFoundAndWritesNothing(
      BiConsumer<RunHistoryStore, String> operation) throws SQLException {
    start(WORKFLOW, "known");

    assertThatThrownBy(() -> operation.accept(store(), "missing"))
        .isInstanceOf(NotFoundException.class)
        .isInstanceOfSatisfying(RunHistoryNotFoundException.class,
            e -> assertThat(e.executionId()).isEqualTo("missing"))
        .hasMessage("History not found for execution_id=missing");

    assertThat(histories()).isEqualTo(1);
    assertThat(steps()).isZero();
    assertThat(store().getHistory("known").status()).isEqualTo(HistoryStatus.RUNNING);
  }

  // --- Normalised values end to end (§4 items 78, 82) --------------------------------------------------------------

  @Test
  void recordInAStepPayloadIsStoredAsAnObjectOfItsComponents() throws SQLException {
    start(WORKFLOW, "exec");

    RunHistoryStep step = store().appendStep("exec", Map.of("embedding", new Embedding(List.of(0.25, 0.5))));

    ObjectNode expected = json("{\"embedding\": {\"values\": [0.25, 0.5]}}");
    assertThat(step.payload()).isEqualTo(expected);
    assertThat(store().getHistory("exec").steps().get(0).payload()).isEqualTo(expected);
    assertThat(rows().json("SELECT payload FROM execution_history_steps WHERE execution_id = ?", "exec"))
        .isEqualTo(expected);
  }

  @Test
  void topLevelListPayloadIsWrappedAsValue() throws SQLException {
    start(WORKFLOW, "exec");

    store().appendStep("exec", List.of(1, "two", Map.of("three", 3)));

    ObjectNode expected = json("{\"value\": [1, \"two\", {\"three\": 3}]}");
    assertThat(store().getHistory("exec").steps().get(0).payload()).isEqualTo(expected);
    assertThat(rows().json("SELECT payload FROM execution_history_steps WHERE execution_id = ?", "exec"))
        .isEqualTo(expected);
  }

  @Test
  void instantInAPayloadIsStoredAsIsoformatWithPlusZeroOffset() throws SQLException {
    start(WORKFLOW, "exec");

    store().appendStep("exec", Map.of("at", Instant.parse("2025-03-04T05:06:07.000123Z")));

    String stored = rows().text("SELECT payload FROM execution_history_steps WHERE execution_id = ?", "exec");
    assertThat(JsonCodec.read(stored).get("at").textValue()).isEqualTo("2025-03-04T05:06:07.000123+00:00");
    assertThat(stored).doesNotContain("07.000123Z");
    assertThat(store().getHistory("exec").steps().get(0).payload().get("at").textValue())
        .isEqualTo("2025-03-04T05:06:07.000123+00:00");
  }

  @Test
  void inputsThatAreNotAMappingAreWrappedAsValue() {
    store().startRun(StartRun.of(WORKFLOW, "exec", "just text"));

    assertThat(store().getHistory("exec").record().inputs()).isEqualTo(json("{\"value\": \"just text\"}"));
  }

  // --- Status marks: no state machine (§4 item 80, §2.9) -----------------------------------------------------------

  @Test
  void markFailedGivesStatusErrorWithTheMessage() {
    start(WORKFLOW, "exec");
    Instant done = clock.advance(TICK);

    RunHistory failed = store().markFailed("exec", "boom");

    assertThat(failed.status()).isEqualTo(HistoryStatus.ERROR);
    assertThat(failed.record().error()).isEqualTo("boom");
    assertThat(failed.record().completedAt()).isEqualTo(done);
    assertThat(store().getHistory("exec")).isEqualTo(failed);
  }

  @Test
  void markCancelledKeepsTheReasonAsTheError() {
    start(WORKFLOW, "exec");
    Instant done = clock.advance(TICK);

    RunHistory cancelled = store().markCancelled("exec", "user asked");

    assertThat(cancelled.status()).isEqualTo(HistoryStatus.CANCELLED);
    assertThat(cancelled.record().error()).isEqualTo("user asked");
    assertThat(cancelled.record().completedAt()).isEqualTo(done);
  }

  @Test
  void markCancelledWithoutAReasonLeavesNoError() throws SQLException {
    start(WORKFLOW, "exec");

    RunHistory cancelled = store().markCancelled("exec", null);

    assertThat(cancelled.status()).isEqualTo(HistoryStatus.CANCELLED);
    assertThat(cancelled.record().error()).isNull();
    assertThat(rows().text("SELECT status FROM execution_history WHERE execution_id = ?", "exec"))
        .isEqualTo("cancelled");
  }

  @Test
  void markReturnsTheHistoryWithItsSteps() {
    start(WORKFLOW, "exec");
    RunHistoryStep first = store().appendStep("exec", Map.of("i", 0));
    RunHistoryStep second = store().appendStep("exec", Map.of("i", 1));

    assertThat(store().markCompleted("exec").steps()).containsExactly(first, second);
  }

  @Test
  void historyCanBeMarkedAgainAndTheLastMarkWins() throws SQLException {
    start(WORKFLOW, "exec");
    store().markCompleted("exec");
    clock.advance(TICK);
    store().markFailed("exec", "boom");
    clock.advance(TICK);
    store().markCancelled("exec", "stop");
    Instant last = clock.advance(TICK);

    RunHistory completed = store().markCompleted("exec");

    assertThat(completed.status()).isEqualTo(HistoryStatus.COMPLETED);
    assertThat(completed.record().error()).as("completion clears the earlier error").isNull();
    assertThat(completed.record().completedAt()).isEqualTo(last);
    assertThat(completed.record().traceCompletedAt()).isEqualTo(last);
    assertThat(rows().query("SELECT status, error FROM execution_history WHERE execution_id = ?", "exec"))
        .containsExactly(Arrays.asList("completed", null));
  }

  @Test
  void completedHistoryCanBeMarkedFailedAsUpstream() {
    start(WORKFLOW, "exec");
    store().markCompleted("exec");
    clock.advance(TICK);

    RunHistory failed = store().markFailed("exec", "late failure");

    assertThat(failed.status()).isEqualTo(HistoryStatus.ERROR);
    assertThat(failed.record().error()).isEqualTo("late failure");
  }

  @Test
  void stepsCanBeAppendedAfterCompletionAsUpstream() {
    start(WORKFLOW, "exec");
    store().markCompleted("exec");
    clock.advance(TICK);

    RunHistoryStep late = store().appendStep("exec", Map.of("late", true));

    RunHistoryRecord read = store().getHistory("exec").record();
    assertThat(late.stepIndex()).isZero();
    assertThat(read.status()).isEqualTo(HistoryStatus.COMPLETED);
    assertThat(read.traceLastSpanAt()).isEqualTo(late.at());
  }

  // --- Upstream's listing (§4 item 79) -----------------------------------------------------------------------------

  @Test
  void listHistoriesIsNewestFirstWithEachHistorysStepsInOrder() {
    start(WORKFLOW, "old");
    store().appendStep("old", Map.of("i", 0));
    clock.advance(TICK);
    start(WORKFLOW, "new");
    store().appendStep("new", Map.of("i", 0));
    store().appendStep("old", Map.of("i", 1));
    store().appendStep("new", Map.of("i", 1));
    store().appendStep("new", Map.of("i", 2));

    List<RunHistory> listed = store().listHistories(WORKFLOW, null);

    assertThat(ids(listed)).containsExactly("new", "old");
    assertThat(listed.get(0).steps()).extracting(RunHistoryStep::stepIndex).containsExactly(0, 1, 2);
    assertThat(listed.get(1).steps()).extracting(RunHistoryStep::stepIndex).containsExactly(0, 1);
    assertThat(listed).containsExactly(store().getHistory("new"), store().getHistory("old"));
  }

  @Test
  void listHistoriesLeavesOutOtherWorkflows() {
    start(WORKFLOW, "mine");
    clock.advance(TICK);
    start(OTHER_WORKFLOW, "theirs");

    assertThat(ids(store().listHistories(WORKFLOW, null))).containsExactly("mine");
    assertThat(ids(store().listHistories(OTHER_WORKFLOW, null))).containsExactly("theirs");
    assertThat(store().listHistories("no-such-workflow", null)).isEmpty();
  }

  @Test
  void listHistoriesWithLimitOneIsTheNewest() {
    for (String id : List.of("first", "second", "third")) {
      start(WORKFLOW, id);
      clock.advance(TICK);
    }

    assertThat(ids(store().listHistories(WORKFLOW, 1))).containsExactly("third");
    assertThat(ids(store().listHistories(WORKFLOW, 2))).containsExactly("third", "second");
  }

  @Test
  void listHistoriesWithLimitZeroIsEmptyAsUpstream() {
    start(WORKFLOW, "exec");

    assertThat(store().listHistories(WORKFLOW, 0)).isEmpty();
  }

  @Test
  void negativeLimitIsRejectedOnBothBackendsUnlikeUpstreamSqlite() {
    start(WORKFLOW, "exec");

    assertThatThrownBy(() -> store().listHistories(WORKFLOW, -1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("-1");
  }

  // --- Keyset pages ------------------------------------------------------------------------------------------------

  @Test
  void pagesHoldEveryHistoryExactlyOnceNewestFirst() {
    List<RunHistoryRecord> started = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      started.add(start(WORKFLOW, "exec-" + i));
      clock.advance(TICK);
    }

    List<Page<RunHistory>> pages = pages(p -> store().listHistories(WORKFLOW, HistoryFilter.all(), p), 3);

    assertThat(pages).extracting(p -> p.items().size()).containsExactly(3, 3, 1);
    assertThat(ids(items(pages))).containsExactlyElementsOf(newestFirst(started));
    assertThat(pages.get(2).nextCursor()).isNull();
  }

  @Test
  void historiesStartedAtTheSameInstantArePagedByExecutionIdDescending() {
    List<RunHistoryRecord> started = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      started.add(start(WORKFLOW, UUID.randomUUID().toString()));
    }
    clock.advance(TICK);
    for (int i = 0; i < 4; i++) {
      started.add(start(WORKFLOW, UUID.randomUUID().toString()));
    }

    List<Page<RunHistoryRecord>> pages =
        pages(p -> store().listHistoryRecords(WORKFLOW, HistoryFilter.all(), p), 2);

    assertThat(pages).hasSize(5);
    assertThat(recordIds(items(pages))).containsExactlyElementsOf(newestFirst(started)).doesNotHaveDuplicates();
  }

  @Test
  void tiedExecutionIdsAreOrderedByCodePointOnEveryBackend() {
    List<RunHistoryRecord> started = new ArrayList<>();
    for (String id : List.of("beta", "Alpha", "alpha", "Beta", "_under", "a-b", "ab", "a b", "\u00e9t\u00e9", "Zed")) {
      started.add(start(WORKFLOW, id));
    }

    List<String> listed = recordIds(items(pages(p -> store().listHistoryRecords(WORKFLOW, HistoryFilter.all(), p),
        3)));

    assertThat(listed).containsExactlyElementsOf(newestFirst(started));
    assertThat(ids(store().listHistories(WORKFLOW, null))).containsExactlyElementsOf(newestFirst(started));
  }

  @Test
  void historyPagesCarryEachHistorysSteps() {
    start(WORKFLOW, "a");
    store().appendStep("a", Map.of("i", 0));
    store().appendStep("a", Map.of("i", 1));
    clock.advance(TICK);
    start(WORKFLOW, "b");
    clock.advance(TICK);
    start(WORKFLOW, "c");
    store().appendStep("c", Map.of("i", 0));

    List<RunHistory> listed = items(pages(p -> store().listHistories(WORKFLOW, HistoryFilter.all(), p), 2));

    assertThat(listed).containsExactly(store().getHistory("c"), store().getHistory("b"), store().getHistory("a"));
  }

  @Test
  void recordPagesListTheSameHistoriesInTheSameOrder() {
    for (int i = 0; i < 5; i++) {
      start(WORKFLOW, "exec-" + i);
      store().appendStep("exec-" + i, Map.of("i", i));
      clock.advance(i % 2 == 0 ? Duration.ZERO : TICK);
    }

    List<RunHistory> histories = items(pages(p -> store().listHistories(WORKFLOW, HistoryFilter.all(), p), 2));
    List<RunHistoryRecord> records =
        items(pages(p -> store().listHistoryRecords(WORKFLOW, HistoryFilter.all(), p), 2));

    assertThat(records).containsExactlyElementsOf(histories.stream().map(RunHistory::record).toList());
  }

  @Test
  void fullLastPageHasNoNextCursor() {
    for (int i = 0; i < 4; i++) {
      start(WORKFLOW, "exec-" + i);
      clock.advance(TICK);
    }

    List<Page<RunHistoryRecord>> pages =
        pages(p -> store().listHistoryRecords(WORKFLOW, HistoryFilter.all(), p), 2);

    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).nextCursor()).isNotNull();
    assertThat(pages.get(1).items()).hasSize(2);
    assertThat(pages.get(1).nextCursor()).isNull();
  }

  @Test
  void listingWithoutHistoriesIsOneEmptyPage() {
    start(OTHER_WORKFLOW, "elsewhere");

    Page<RunHistory> page = store().listHistories(WORKFLOW, HistoryFilter.all(), PageRequest.first());

    assertThat(page.items()).isEmpty();
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void pagesLeaveOutOtherWorkflows() {
    for (int i = 0; i < 4; i++) {
      start(WORKFLOW, "mine-" + i);
      start(OTHER_WORKFLOW, "theirs-" + i);
      clock.advance(TICK);
    }

    List<String> listed = recordIds(items(pages(p -> store().listHistoryRecords(WORKFLOW, HistoryFilter.all(), p),
        3)));

    assertThat(listed).containsExactly("mine-3", "mine-2", "mine-1", "mine-0");
  }

  @Test
  void historyStartedWhilePagingDoesNotShiftLaterPages() {
    List<RunHistoryRecord> started = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      started.add(start(WORKFLOW, "exec-" + i));
      clock.advance(TICK);
    }
    Page<RunHistoryRecord> first = store().listHistoryRecords(WORKFLOW, HistoryFilter.all(), PageRequest.first(2));

    start(WORKFLOW, "started-while-paging");
    List<RunHistoryRecord> seen = new ArrayList<>(first.items());
    Page<RunHistoryRecord> page = first;
    while (page.hasNext()) {
      page = store().listHistoryRecords(WORKFLOW, HistoryFilter.all(), PageRequest.after(page.nextCursor(), 2));
      seen.addAll(page.items());
    }

    assertThat(recordIds(seen)).containsExactlyElementsOf(newestFirst(started));
  }

  @Test
  void malformedCursorIsAValidationError() {
    start(WORKFLOW, "exec");

    assertThatThrownBy(() -> store().listHistories(WORKFLOW, HistoryFilter.all(), PageRequest.after("not-a-cursor",
        2)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cursor");
    assertThatThrownBy(() -> store().listHistoryRecords(WORKFLOW, HistoryFilter.all(), PageRequest.after("%%%", 2)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cursor");
  }

  @Test
  void alteredCursorIsAValidationError() {
    for (int i = 0; i < 3; i++) {
      start(WORKFLOW, "exec-" + i);
      clock.advance(TICK);
    }
    String cursor = store().listHistoryRecords(WORKFLOW, HistoryFilter.all(), PageRequest.first(1)).nextCursor();
    String decoded = new String(Base64.getUrlDecoder().decode(cursor),
        StandardCharsets.UTF_8);
    // Move the position to another history, keeping the checksum: as a client editing the cursor would.
    String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(
        decoded.replace("exec-2", "exec-9").getBytes(StandardCharsets.UTF_8));
    assertThat(edited).as("precondition: the cursor names the history").isNotEqualTo(cursor);

    assertThatThrownBy(() -> store().listHistoryRecords(WORKFLOW, HistoryFilter.all(), PageRequest.after(edited, 1)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void cursorFromAnotherWorkflowsListingIsAValidationError() {
    for (int i = 0; i < 3; i++) {
      start(WORKFLOW, "mine-" + i);
      start(OTHER_WORKFLOW, "theirs-" + i);
      clock.advance(TICK);
    }
    String cursor = store().listHistoryRecords(WORKFLOW, HistoryFilter.all(), PageRequest.first(1)).nextCursor();

    assertThatThrownBy(() -> store().listHistoryRecords(OTHER_WORKFLOW, HistoryFilter.all(),
        PageRequest.after(cursor, 1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("does not belong to this listing");
  }

  @Test
  void cursorFromAnotherFilterIsAValidationError() {
    for (int i = 0; i < 3; i++) {
      startWithMetadata(WORKFLOW, "exec-" + i, "{\"team\": \"a\"}");
      clock.advance(TICK);
    }
    String cursor = store().listHistoryRecords(WORKFLOW, HistoryFilter.all(), PageRequest.first(1)).nextCursor();
    HistoryFilter teamA = HistoryFilter.metadataContains(json("{\"team\": \"a\"}"));
    HistoryFilter teamB = HistoryFilter.metadataContains(json("{\"team\": \"b\"}"));
    String teamACursor = store().listHistoryRecords(WORKFLOW, teamA, PageRequest.first(1)).nextCursor();

    assertThatThrownBy(() -> store().listHistoryRecords(WORKFLOW, teamA, PageRequest.after(cursor, 1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("does not belong to this listing");
    assertThatThrownBy(() -> store().listHistories(WORKFLOW, teamB, PageRequest.after(teamACursor, 1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("does not belong to this listing");
  }

  // --- Metadata containment filter ---------------------------------------------------------------------------------

  /** Five histories whose metadata differ in shape and type, and one of another workflow that would match most. */
  private void metadataFixture() {
    startWithMetadata(WORKFLOW, "nested", "{\"team\": \"a\", \"env\": {\"region\": \"eu\", \"zone\": 1}, \"n\": 1,"
        + " \"flag\": true, \"none\": null, \"labels\": [\"x\", \"y\", \"z\"]}");
    clock.advance(TICK);
    startWithMetadata(WORKFLOW, "float", "{\"team\": \"b\", \"env\": {\"region\": \"us\"}, \"n\": 1.0,"
        + " \"flag\": false, \"labels\": [\"x\"]}");
    clock.advance(TICK);
    startWithMetadata(WORKFLOW, "text", "{\"team\": \"a\", \"env\": \"eu\", \"n\": \"1\", \"flag\": \"true\","
        + " \"none\": \"null\", \"labels\": \"x\"}");
    clock.advance(TICK);
    startWithMetadata(WORKFLOW, "dotted", "{\"a.b\": 1, \"labels\": [1, 2], \"uni\": \"n\u00e9 \u2603\"}");
    clock.advance(TICK);
    startWithMetadata(WORKFLOW, "empty", "{}");
    clock.advance(TICK);
    startWithMetadata(OTHER_WORKFLOW, "other-workflow", "{\"team\": \"a\", \"n\": 1, \"labels\": [\"x\"]}");
  }

  static Stream<Arguments> metadataFilters() {
    return Stream.of(
        arguments("{}", List.of("empty", "dotted", "text", "float", "nested")),
        arguments("{\"team\": \"a\"}", List.of("text", "nested")),
        arguments("{\"team\": \"c\"}", List.of()),
        arguments("{\"missing\": \"x\"}", List.of()),
        arguments("{\"env\": {\"region\": \"eu\"}}", List.of("nested")),
        arguments("{\"env\": {}}", List.of("float", "nested")),
        arguments("{\"env\": {\"region\": \"eu\", \"zone\": 2}}", List.of()),
        arguments("{\"n\": 1}", List.of("float", "nested")),
        arguments("{\"n\": 1.0}", List.of("float", "nested")),
        arguments("{\"n\": \"1\"}", List.of("text")),
        arguments("{\"flag\": true}", List.of("nested")),
        arguments("{\"flag\": false}", List.of("float")),
        arguments("{\"none\": null}", List.of("nested")),
        arguments("{\"labels\": [\"x\"]}", List.of("float", "nested")),
        arguments("{\"labels\": [\"z\", \"x\"]}", List.of("nested")),
        arguments("{\"labels\": [\"x\", \"w\"]}", List.of()),
        arguments("{\"labels\": []}", List.of("dotted", "float", "nested")),
        arguments("{\"labels\": [1]}", List.of("dotted")),
        arguments("{\"labels\": [\"1\"]}", List.of()),
        arguments("{\"a.b\": 1}", List.of("dotted")),
        arguments("{\"a\": {\"b\": 1}}", List.of()),
        arguments("{\"uni\": \"n\u00e9 \u2603\"}", List.of("dotted")),
        arguments("{\"team\": \"a\", \"n\": 1}", List.of("nested")));
  }

  @ParameterizedTest(name = "{0} matches {1}")
  @MethodSource("metadataFilters")
  void metadataFilterMatchesAsPostgresContainmentOnEveryBackend(String filter, List<String> expected) {
    metadataFixture();

    Page<RunHistoryRecord> page = store().listHistoryRecords(WORKFLOW,
        HistoryFilter.metadataContains(json(filter)), PageRequest.first());

    assertThat(recordIds(page.items())).containsExactlyElementsOf(expected);
  }

  @Test
  void filteredPagesHoldEachMatchingHistoryOnce() {
    List<RunHistoryRecord> matching = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      RunHistoryRecord record = startWithMetadata(WORKFLOW, "exec-" + i,
          i % 3 == 0 ? "{\"team\": \"b\"}" : "{\"team\": \"a\", \"i\": " + i + "}");
      if (i % 3 != 0) {
        matching.add(record);
      }
      clock.advance(i % 2 == 0 ? Duration.ZERO : TICK);
    }
    HistoryFilter teamA = HistoryFilter.metadataContains(json("{\"team\": \"a\"}"));

    List<Page<RunHistory>> pages = pages(p -> store().listHistories(WORKFLOW, teamA, p), 2);

    assertThat(pages).extracting(p -> p.items().size()).containsExactly(2, 2);
    assertThat(ids(items(pages))).containsExactlyElementsOf(newestFirst(matching));
  }

  @Test
  void filterWithAnArrayOfObjectsIsAValidationError() {
    startWithMetadata(WORKFLOW, "exec", "{\"labels\": [{\"x\": 1}]}");

    assertThatThrownBy(() -> store().listHistoryRecords(WORKFLOW,
        HistoryFilter.metadataContains(json("{\"labels\": [{\"x\": 1}]}")), PageRequest.first()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.labels");
  }

  @Test
  void filterWithAnArrayOfArraysIsAValidationError() {
    assertThatThrownBy(() -> store().listHistories(WORKFLOW,
        HistoryFilter.metadataContains(json("{\"labels\": [[\"x\"]]}")), PageRequest.first()))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void filterKeyWithADoubleQuoteIsAValidationError() {
    assertThatThrownBy(() -> store().listHistoryRecords(WORKFLOW,
        HistoryFilter.metadataContains(json("{\"a\\\"b\": 1}")), PageRequest.first()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("a\"b");
  }

  // --- Steps a piece at a time -------------------------------------------------------------------------------------

  private List<RunHistoryStep> tenStepTrace() {
    start(WORKFLOW, "exec");
    List<RunHistoryStep> steps = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      clock.advance(TICK);
      steps.add(store().appendStep("exec", Map.of("i", i)));
    }
    return steps;
  }

  @Test
  void stepsAreReadInPiecesAfterAnIndex() {
    tenStepTrace();

    assertThat(store().steps("exec", -1, 4)).extracting(RunHistoryStep::stepIndex).containsExactly(0, 1, 2, 3);
    assertThat(store().steps("exec", 3, 4)).extracting(RunHistoryStep::stepIndex).containsExactly(4, 5, 6, 7);
    assertThat(store().steps("exec", 7, 4)).extracting(RunHistoryStep::stepIndex).containsExactly(8, 9);
    assertThat(store().steps("exec", 9, 4)).isEmpty();
  }

  @Test
  void piecesOfATraceTogetherAreTheHistorysSteps() {
    List<RunHistoryStep> appended = tenStepTrace();

    List<RunHistoryStep> read = new ArrayList<>();
    int after = -1;
    List<RunHistoryStep> piece;
    while (!(piece = store().steps("exec", after, 3)).isEmpty()) {
      read.addAll(piece);
      after = piece.get(piece.size() - 1).stepIndex();
    }

    assertThat(read).containsExactlyElementsOf(appended).isEqualTo(store().getHistory("exec").steps());
  }

  @Test
  void stepsOfAHistoryWithoutStepsAreEmpty() {
    start(WORKFLOW, "exec");

    assertThat(store().steps("exec", -1, 10)).isEmpty();
  }

  static Stream<Arguments> badStepRanges() {
    return Stream.of(
        arguments(-2, 10),
        arguments(Integer.MIN_VALUE, 10),
        arguments(-1, 0),
        arguments(-1, -5),
        arguments(-1, PageRequest.MAX_LIMIT + 1));
  }

  @ParameterizedTest(name = "afterIndex {0}, limit {1}")
  @MethodSource("badStepRanges")
  void stepsWithABadRangeIsAValidationError(int afterIndex, int limit) {
    tenStepTrace();

    assertThatThrownBy(() -> store().steps("exec", afterIndex, limit)).isInstanceOf(ValidationException.class);
  }

  @Test
  void stepsLimitOfTheLargestPageIsAccepted() {
    tenStepTrace();

    assertThat(store().steps("exec", -1, PageRequest.MAX_LIMIT)).hasSize(10);
  }

  // --- clear() and the cascade (§4 item 81) ------------------------------------------------------------------------

  @Test
  void clearEmptiesBothTables() throws SQLException {
    start(WORKFLOW, "a");
    store().appendStep("a", Map.of("i", 0));
    start(OTHER_WORKFLOW, "b");
    store().appendStep("b", Map.of("i", 0));

    store().clear();

    assertThat(histories()).isZero();
    assertThat(steps()).isZero();
    assertThat(store().listHistories(WORKFLOW, null)).isEmpty();
    assertThatThrownBy(() -> store().getHistory("a")).isInstanceOf(RunHistoryNotFoundException.class);
  }

  @Test
  void executionIdCanBeStartedAgainAfterClear() {
    start(WORKFLOW, "exec");
    store().appendStep("exec", Map.of("i", 0));
    store().clear();

    start(WORKFLOW, "exec");

    assertThat(store().appendStep("exec", Map.of("i", 0)).stepIndex()).as("numbering starts again").isZero();
  }

  @Test
  void deletingAHistoryRowCascadesToItsSteps() throws SQLException {
    start(WORKFLOW, "deleted");
    store().appendStep("deleted", Map.of("i", 0));
    store().appendStep("deleted", Map.of("i", 1));
    start(WORKFLOW, "kept");
    store().appendStep("kept", Map.of("i", 0));

    int deleted = rows().execute("DELETE FROM execution_history WHERE execution_id = ?", "deleted");

    assertThat(deleted).isEqualTo(1);
    assertThat(rows().count("SELECT count(*) FROM execution_history_steps WHERE execution_id = ?", "deleted"))
        .isZero();
    assertThat(store().getHistory("kept").steps()).hasSize(1);
  }

  @Test
  void storesOpenedTogetherOnOneDatabaseAllServeTheHistory() throws Exception {
    var settings = persistence.settings();
    List<OrcheoPersistence> opened = Collections.synchronizedList(new ArrayList<>());
    try {
      Together.run(3, 120, thread -> {
        OrcheoPersistence instance = OrcheoPersistence.open(settings, clock);
        opened.add(instance);
        instance.runHistory().startRun(StartRun.of(WORKFLOW, "exec-" + thread, null));
      });
    } finally {
      opened.forEach(OrcheoPersistence::close);
    }

    assertThat(ids(store().listHistories(WORKFLOW, null))).containsExactlyInAnyOrder("exec-0", "exec-1", "exec-2");
  }

  // --- Values neither backend can store ----------------------------------------------------------------------------

  @Test
  void nulInAnInputStringIsRejectedAndNothingIsWritten() throws SQLException {
    assertThatThrownBy(() -> store().startRun(StartRun.of(WORKFLOW, "exec", Map.of("text", "a\0b"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("NUL");

    assertThat(histories()).isZero();
  }

  @Test
  void nanInMetadataIsRejectedAndNothingIsWritten() throws SQLException {
    assertThatThrownBy(() -> store().startRun(StartRun.of(WORKFLOW, "exec", null)
        .withMetadata(Map.of("score", Double.NaN))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("NaN");

    assertThat(histories()).isZero();
  }

  @Test
  void infinityInTheRunnableConfigIsRejectedAndNothingIsWritten() throws SQLException {
    assertThatThrownBy(() -> store().startRun(StartRun.of(WORKFLOW, "exec", null)
        .withRunnableConfig(Map.of("temperature", Double.POSITIVE_INFINITY))))
        .isInstanceOf(ValidationException.class);

    assertThat(histories()).isZero();
  }

  @Test
  void nanInAStepPayloadIsRejectedAndNoStepIsWritten() throws SQLException {
    start(WORKFLOW, "exec");
    clock.advance(TICK);
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.putObject("metrics").put("loss", Double.NaN);

    assertThatThrownBy(() -> store().appendStep("exec", payload))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.metrics.loss");

    assertThat(steps()).isZero();
    assertThat(store().getHistory("exec").record().traceLastSpanAt()).as("last span unchanged").isEqualTo(START);
  }

  @Test
  void nulInAStepPayloadKeyIsRejectedAndNoStepIsWritten() throws SQLException {
    start(WORKFLOW, "exec");

    assertThatThrownBy(() -> store().appendStep("exec", Map.of("a\0b", 1)))
        .isInstanceOf(ValidationException.class);

    assertThat(steps()).isZero();
  }

  @Test
  void nulInTheRunNameIsRejectedAndNothingIsWritten() throws SQLException {
    assertThatThrownBy(() -> store().startRun(StartRun.of(WORKFLOW, "exec", null).withRunName("a\0b")))
        .isInstanceOf(ValidationException.class);

    assertThat(histories()).isZero();
  }

  @Test
  void nulInTheExecutionIdIsRejectedAndNothingIsWritten() throws SQLException {
    assertThatThrownBy(() -> store().startRun(StartRun.of(WORKFLOW, "exec\0", null)))
        .isInstanceOf(ValidationException.class);

    assertThat(histories()).isZero();
  }

  @Test
  void nulInAFailureMessageIsRejectedAndTheHistoryIsUnchanged() {
    RunHistoryRecord started = start(WORKFLOW, "exec");
    clock.advance(TICK);

    assertThatThrownBy(() -> store().markFailed("exec", "bad\0message")).isInstanceOf(ValidationException.class);

    assertThat(store().getHistory("exec").record()).isEqualTo(started);
  }
}
