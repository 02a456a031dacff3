package io.orcheo.persistence.it.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.core.workflows.AuditRecord;
import io.orcheo.persistence.core.workflows.CredentialHealthException;
import io.orcheo.persistence.core.workflows.NewRun;
import io.orcheo.persistence.core.workflows.RunStatus;
import io.orcheo.persistence.core.workflows.Workflow;
import io.orcheo.persistence.core.workflows.WorkflowNotFoundException;
import io.orcheo.persistence.core.workflows.WorkflowRepository;
import io.orcheo.persistence.core.workflows.WorkflowRun;
import io.orcheo.persistence.core.workflows.WorkflowRunNotFoundException;
import io.orcheo.persistence.core.workflows.WorkflowVersion;
import io.orcheo.persistence.core.workflows.WorkflowVersionNotFoundException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs of the workflow repository on every backend: creation (the checks, the health gate and the runnable-config
 * merge of spec §2.3.2), the status state machine of §2.3.1 with upstream's messages, listing (upstream's
 * {@code list_runs_for_workflow} and our keyset-paginated {@code listRuns}), and upstream's run tests (spec §4,
 * items 28–33 and 35). Item 34 (cron runs and the overlap guard) is in {@link TriggersContract}; item 36
 * ({@code reset()}) has no counterpart in {@link WorkflowRepository}.
 */
public abstract class RunsContract extends RunContractSupport {
  private static final Duration STEP = Duration.ofSeconds(1);

  private Workflow workflow;
  private WorkflowVersion version;

  @BeforeEach
  void workflowWithAVersion() {
    workflow = workflow("Runs");
    version = version(workflow.id());
  }

  /** The four transitions of §2.3.1, each with the message upstream gives when the run's status refuses it. */
  enum Transition {
    START("Only pending runs can be started.") {
      @Override
      WorkflowRun apply(WorkflowRepository repository, UUID runId) {
        return repository.markRunStarted(runId, ACTOR);
      }
    },
    SUCCEED("Only running runs can be marked as succeeded.") {
      @Override
      WorkflowRun apply(WorkflowRepository repository, UUID runId) {
        return repository.markRunSucceeded(runId, ACTOR, json("{\"answer\": 42}"));
      }
    },
    FAIL("Only pending or running runs can be marked as failed.") {
      @Override
      WorkflowRun apply(WorkflowRepository repository, UUID runId) {
        return repository.markRunFailed(runId, ACTOR, "boom");
      }
    },
    CANCEL("Cannot cancel a run that is already completed.") {
      @Override
      WorkflowRun apply(WorkflowRepository repository, UUID runId) {
        return repository.markRunCancelled(runId, ACTOR, "no longer needed");
      }
    };

    final String refusal;

    Transition(String refusal) {
      this.refusal = refusal;
    }

    abstract WorkflowRun apply(WorkflowRepository repository, UUID runId);
  }

  /** §2.3.1: the six allowed transitions and where they lead. */
  private static final Map<RunStatus, Map<Transition, RunStatus>> ALLOWED = Map.of(
      RunStatus.PENDING, Map.of(
          Transition.START, RunStatus.RUNNING,
          Transition.FAIL, RunStatus.FAILED,
          Transition.CANCEL, RunStatus.CANCELLED),
      RunStatus.RUNNING, Map.of(
          Transition.SUCCEED, RunStatus.SUCCEEDED,
          Transition.FAIL, RunStatus.FAILED,
          Transition.CANCEL, RunStatus.CANCELLED));

  static Stream<Arguments> allowedTransitions() {
    return ALLOWED.entrySet().stream().flatMap(from -> from.getValue().entrySet().stream()
        .map(to -> arguments(from.getKey(), to.getKey(), to.getValue())));
  }

  /** Every (status, transition) pair the table of §2.3.1 does not allow: 14 of the 20. */
  static Stream<Arguments> refusedTransitions() {
    return Arrays.stream(RunStatus.values()).flatMap(from -> Arrays.stream(Transition.values())
        .filter(transition -> !ALLOWED.getOrDefault(from, Map.of()).containsKey(transition))
        .map(transition -> arguments(from, transition)));
  }

  /** A run brought to {@code status} by allowed transitions, one clock step apart. */
  private WorkflowRun runIn(RunStatus status) {
    UUID id = run(version).id();
    switch (status) {
      case PENDING -> { }
      case RUNNING -> repository().markRunStarted(id, ACTOR);
      case SUCCEEDED -> {
        repository().markRunStarted(id, ACTOR);
        clock.advance(STEP);
        repository().markRunSucceeded(id, ACTOR, json("{}"));
      }
      case FAILED -> repository().markRunFailed(id, ACTOR, "earlier failure");
      case CANCELLED -> repository().markRunCancelled(id, ACTOR, "earlier cancellation");
    }
    clock.advance(STEP);
    return repository().getRun(id);
  }

  private List<List<String>> storedRow(UUID runId) throws SQLException {
    return rows("SELECT status, payload, created_at, updated_at FROM workflow_runs WHERE id = ?", runId.toString());
  }

  private long storedRuns() throws SQLException {
    return count("SELECT count(*) FROM workflow_runs");
  }

  private long storedRetryStates() throws SQLException {
    return count("SELECT count(*) FROM workflow_run_retries");
  }

  private static List<String> actions(WorkflowRun run) {
    return run.auditLog().stream().map(AuditRecord::action).toList();
  }

  // --- Creation ------------------------------------------------------------------------------------------------

  @Test
  void createRunReturnsAPendingRunOfTheRequestThatReadsBackEqual() {
    JsonNode input = json("{\"question\": \"why?\", \"n\": [1, 2]}");

    WorkflowRun created = repository().createRun(
        NewRun.of(workflow.id(), version.id(), "manual", input).withActor(ACTOR));

    assertThat(created.status()).isEqualTo(RunStatus.PENDING);
    assertThat(created.workflowId()).isEqualTo(workflow.id());
    assertThat(created.workflowVersionId()).isEqualTo(version.id());
    assertThat(created.triggeredBy()).isEqualTo("manual");
    assertThat(created.inputPayload()).isEqualTo(input);
    assertThat(created.createdAt()).isEqualTo(START);
    assertThat(created.auditLog()).containsExactly(AuditRecord.of(ACTOR, "run_created", START));
    assertThat(repository().getRun(created.id())).isEqualTo(created);
  }

  @Test
  void runCreatedWithoutAnActorIsAuditedUnderItsTrigger() {
    WorkflowRun created = repository().createRun(NewRun.of(workflow.id(), version.id(), "nightly-job", null));

    assertThat(created.auditLog()).extracting(AuditRecord::actor).containsExactly("nightly-job");
  }

  @Test
  void runRowMirrorsTheRunWhilePayloadHasNoWorkflowIdAsUpstream() throws SQLException {
    WorkflowRun created = run(version, "webhook");

    List<String> row = rows("SELECT workflow_id, workflow_version_id, status, triggered_by, payload"
        + " FROM workflow_runs WHERE id = ?", created.id().toString()).get(0);
    assertThat(row.subList(0, 4))
        .containsExactly(workflow.id().toString(), version.id().toString(), "pending", "webhook");
    JsonNode payload = json(row.get(4));
    assertThat(payload.has("workflow_id")).as("upstream's run payload has no workflow_id").isFalse();
    assertThat(payload.path("status").asText()).isEqualTo("pending");
    assertThat(payload.path("workflow_version_id").asText()).isEqualTo(version.id().toString());
  }

  @Test
  void createRunOfAnUnknownWorkflowIsWorkflowNotFoundAndWritesNothing() throws SQLException {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> repository().createRun(NewRun.of(unknown, version.id(), "manual", null)))
        .isInstanceOf(WorkflowNotFoundException.class)
        .hasMessageContaining(unknown.toString());
    assertThat(storedRuns()).isZero();
  }

  @Test
  void createRunOfAnUnknownVersionIsVersionNotFoundAndWritesNothing() throws SQLException {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> repository().createRun(NewRun.of(workflow.id(), unknown, "manual", null)))
        .isInstanceOf(WorkflowVersionNotFoundException.class)
        .hasMessageContaining(unknown.toString());
    assertThat(storedRuns()).isZero();
  }

  @Test
  void createRunOfAnotherWorkflowsVersionIsVersionNotFoundAndWritesNothing() throws SQLException {
    WorkflowVersion foreign = version(workflow("Other").id());

    assertThatThrownBy(() -> repository().createRun(NewRun.of(workflow.id(), foreign.id(), "manual", null)))
        .isInstanceOf(WorkflowVersionNotFoundException.class)
        .hasMessageContaining(foreign.id().toString());
    assertThat(storedRuns()).isZero();
  }

  @Test
  void createRunOnAnArchivedWorkflowIsWorkflowNotFound() throws SQLException {
    repository().archiveWorkflow(workflow.id(), ACTOR);

    assertThatThrownBy(() -> run(version)).isInstanceOf(WorkflowNotFoundException.class);
    assertThat(storedRuns()).isZero();
  }

  @Test
  void createRunRefusedByTheHealthGateThrowsAndWritesNothing() throws SQLException {
    RecordingHealthGate gate = new RecordingHealthGate();
    gate.refuse(workflow.id());
    WorkflowRepository gated = anotherInstance(gate);

    assertThatThrownBy(() -> gated.createRun(NewRun.of(workflow.id(), version.id(), "manual", null)))
        .isInstanceOfSatisfying(CredentialHealthException.class,
            e -> assertThat(e.workflowId()).isEqualTo(workflow.id()))
        .hasMessageContaining(RecordingHealthGate.REASON);
    assertThat(storedRuns()).isZero();
    assertThat(storedRetryStates()).isZero();
  }

  @Test
  void createRunAsksTheHealthGateForItsActorElseItsTrigger() {
    RecordingHealthGate gate = new RecordingHealthGate();
    WorkflowRepository gated = anotherInstance(gate);

    gated.createRun(NewRun.of(workflow.id(), version.id(), "manual", null).withActor("bob"));
    gated.createRun(NewRun.of(workflow.id(), version.id(), "nightly-job", null));

    assertThat(gate.checks()).containsSubsequence(
        new RecordingHealthGate.Check(workflow.id(), "bob"),
        new RecordingHealthGate.Check(workflow.id(), "nightly-job"));
  }

  // --- Runnable-config merge (§2.3.2) ------------------------------------------------------------------------

  private WorkflowRun runWithConfigs(String versionConfig, String override) {
    WorkflowVersion configured = version(workflow.id(), versionConfig == null ? null : json(versionConfig));
    NewRun request = NewRun.of(workflow.id(), configured.id(), "manual", null)
        .withRunnableConfig(override == null ? null : json(override));
    WorkflowRun created = repository().createRun(request);
    // What the caller got is what was stored.
    assertThat(repository().getRun(created.id())).isEqualTo(created);
    return created;
  }

  @Test
  void runOverrideReplacesTheVersionsTagsAndMergesItsMetadata() {
    WorkflowRun run = runWithConfigs(
        "{\"tags\": [\"stored\"], \"metadata\": {\"env\": \"prod\", \"team\": \"ops\"}}",
        "{\"tags\": [\"run\"], \"metadata\": {\"env\": \"stage\"}}");

    assertThat(run.tags()).containsExactly("run");
    assertThat(run.metadata()).isEqualTo(json("{\"env\": \"stage\", \"team\": \"ops\"}"));
    assertThat(run.runnableConfig())
        .isEqualTo(json("{\"tags\": [\"run\"], \"metadata\": {\"env\": \"stage\", \"team\": \"ops\"}}"));
  }

  @Test
  void runWithoutOverrideTakesTheVersionsConfig() {
    WorkflowRun run = runWithConfigs(
        "{\"tags\": [\"stored\"], \"metadata\": {\"env\": \"prod\", \"team\": \"ops\"}, \"run_name\": \"nightly\"}",
        null);

    assertThat(run.tags()).containsExactly("stored");
    assertThat(run.metadata()).isEqualTo(json("{\"env\": \"prod\", \"team\": \"ops\"}"));
    assertThat(run.runName()).isEqualTo("nightly");
  }

  @Test
  void emptyOverrideCountsAsNoOverride() {
    WorkflowRun run = runWithConfigs("{\"metadata\": {\"env\": \"prod\"}, \"recursion_limit\": 10}", "{}");

    assertThat(run.runnableConfig()).isEqualTo(json("{\"metadata\": {\"env\": \"prod\"}, \"recursion_limit\": 10}"));
  }

  @Test
  void emptyMetadataOverrideResetsTheVersionsMetadata() {
    WorkflowRun run = runWithConfigs("{\"metadata\": {\"env\": \"prod\"}, \"tags\": [\"kept\"]}",
        "{\"metadata\": {}}");

    assertThat(run.metadata()).isEmpty();
    assertThat(run.runnableConfig()).isEqualTo(json("{\"tags\": [\"kept\"]}"));
  }

  @Test
  void configurableIsMergedKeyByKeyWithTheOverrideWinning() {
    WorkflowRun run = runWithConfigs("{\"configurable\": {\"model\": \"small\", \"region\": \"eu\"}}",
        "{\"configurable\": {\"model\": \"large\"}}");

    assertThat(run.runnableConfig())
        .isEqualTo(json("{\"configurable\": {\"model\": \"large\", \"region\": \"eu\"}}"));
  }

  @Test
  void scalarFieldsOfTheOverrideReplaceTheVersionsOnlyWhenPresent() {
    WorkflowRun run = runWithConfigs("{\"recursion_limit\": 10, \"max_concurrency\": 4}",
        "{\"recursion_limit\": 20}");

    assertThat(run.runnableConfig()).isEqualTo(json("{\"recursion_limit\": 20, \"max_concurrency\": 4}"));
  }

  @Test
  void promptsAreMergedAndANullOverrideClearsThem() {
    String versionConfig = "{\"prompts\": {\"greeting\": \"hi\", \"farewell\": \"bye\"}}";

    WorkflowRun merged = runWithConfigs(versionConfig, "{\"prompts\": {\"greeting\": \"hello\"}}");
    WorkflowRun cleared = runWithConfigs(versionConfig, "{\"prompts\": null}");

    assertThat(merged.runnableConfig())
        .isEqualTo(json("{\"prompts\": {\"greeting\": \"hello\", \"farewell\": \"bye\"}}"));
    assertThat(cleared.runnableConfig()).isEmpty();
  }

  @Test
  void tagsAreDeduplicatedIgnoringCaseKeepingTheFirstSpelling() {
    WorkflowRun run = runWithConfigs(null, "{\"tags\": [\"Alpha\", \"alpha\", \" beta \", \"\", \"ALPHA\"]}");

    assertThat(run.tags()).containsExactly("Alpha", "beta");
  }

  @Test
  void runNameIsTrimmedAndABlankOverrideRemovesTheVersionsName() {
    WorkflowRun trimmed = runWithConfigs("{\"run_name\": \"base\"}", "{\"run_name\": \"  nightly  \"}");
    WorkflowRun blank = runWithConfigs("{\"run_name\": \"base\"}", "{\"run_name\": \"   \"}");

    assertThat(trimmed.runName()).isEqualTo("nightly");
    assertThat(blank.runName()).isNull();
    assertThat(blank.runnableConfig().has("run_name")).isFalse();
  }

  @Test
  void storedRunConfigLeavesOutDefaultsAndNulls() throws SQLException {
    WorkflowRun run = runWithConfigs("{\"configurable\": {}, \"tags\": [], \"metadata\": {}, \"callbacks\": [],"
        + " \"run_name\": null, \"recursion_limit\": 5, \"max_concurrency\": null, \"prompts\": null}", null);

    JsonNode expected = json("{\"recursion_limit\": 5}");
    assertThat(run.runnableConfig()).isEqualTo(expected);
    assertThat(json(text("SELECT payload FROM workflow_runs WHERE id = ?", run.id().toString()))
        .get("runnable_config")).isEqualTo(expected);
  }

  @Test
  void invalidVersionConfigIsRejectedAtRunCreationAndNoRunIsWritten() throws SQLException {
    // Upstream checks a version's config only when a run is created, never when it is stored.
    repository().updateVersionRunnableConfig(workflow.id(), version.version(), json("{\"recursion_limit\": 251}"),
        ACTOR);

    assertThatThrownBy(() -> run(version)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("recursion_limit");
    assertThat(storedRuns()).isZero();
    assertThat(storedRetryStates()).isZero();
  }

  @Test
  void invalidRunOverrideIsRejectedAndNoRunIsWritten() throws SQLException {
    NewRun request = NewRun.of(workflow.id(), version.id(), "manual", null)
        .withRunnableConfig(json("{\"temperature\": 0.2}"));

    assertThatThrownBy(() -> repository().createRun(request)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("temperature");
    assertThat(storedRuns()).isZero();
  }

  // --- State machine (§2.3.1) ----------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} --{1}--> {2}")
  @MethodSource("allowedTransitions")
  void allowedTransitionMovesTheRunAndItsStatusColumn(RunStatus from, Transition transition, RunStatus to)
      throws SQLException {
    WorkflowRun before = runIn(from);

    WorkflowRun after = transition.apply(repository(), before.id());

    assertThat(after.status()).isEqualTo(to);
    assertThat(after.updatedAt()).isEqualTo(clock.instant());
    assertThat(repository().getRun(before.id())).isEqualTo(after);
    assertThat(text("SELECT status FROM workflow_runs WHERE id = ?", before.id().toString())).isEqualTo(to.value());
  }

  @ParameterizedTest(name = "{0} refuses {1}")
  @MethodSource("refusedTransitions")
  void refusedTransitionThrowsUpstreamsMessageAndWritesNothing(RunStatus from, Transition transition)
      throws SQLException {
    WorkflowRun before = runIn(from);
    List<List<String>> stored = storedRow(before.id());

    assertThatThrownBy(() -> transition.apply(repository(), before.id()))
        .isInstanceOf(ValidationException.class)
        .hasMessage(transition.refusal);
    assertThat(storedRow(before.id())).isEqualTo(stored);
    assertThat(repository().getRun(before.id())).isEqualTo(before);
  }

  @Test
  void startSetsStartedAtAndRecordsRunStarted() {
    UUID id = run(version).id();
    clock.advance(STEP);

    WorkflowRun started = repository().markRunStarted(id, "worker-1");

    assertThat(started.startedAt()).isEqualTo(clock.instant());
    assertThat(started.completedAt()).isNull();
    assertThat(started.auditLog()).last().isEqualTo(AuditRecord.of("worker-1", "run_started", clock.instant()));
  }

  @Test
  void succeedStoresTheOutputAndCompletionTimeAndClearsTheError() {
    WorkflowRun running = runIn(RunStatus.RUNNING);

    WorkflowRun succeeded = repository().markRunSucceeded(running.id(), "worker-1", json("{\"answer\": 42}"));

    assertThat(repository().getRun(running.id())).isEqualTo(succeeded);
    assertThat(succeeded.outputPayload()).isEqualTo(json("{\"answer\": 42}"));
    assertThat(succeeded.completedAt()).isEqualTo(clock.instant());
    assertThat(succeeded.startedAt()).isEqualTo(running.startedAt());
    assertThat(succeeded.error()).isNull();
    assertThat(actions(succeeded)).containsExactly("run_created", "run_started", "run_succeeded");
  }

  @Test
  void succeedWithoutOutputStoresAnEmptyObject() {
    WorkflowRun running = runIn(RunStatus.RUNNING);

    repository().markRunSucceeded(running.id(), ACTOR, null);

    assertThat(repository().getRun(running.id()).outputPayload()).isEqualTo(json("{}"));
  }

  @ParameterizedTest
  @EnumSource(value = RunStatus.class, names = {"PENDING", "RUNNING"})
  void failStoresTheErrorAndCompletionTime(RunStatus from) {
    WorkflowRun before = runIn(from);

    repository().markRunFailed(before.id(), "worker-1", "Timeout after 30s");

    WorkflowRun failed = repository().getRun(before.id());
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.error()).isEqualTo("Timeout after 30s");
    assertThat(failed.completedAt()).isEqualTo(clock.instant());
    assertThat(failed.auditLog()).last().satisfies(event -> {
      assertThat(event.action()).isEqualTo("run_failed");
      assertThat(event.metadata()).isEqualTo(json("{\"error\": \"Timeout after 30s\"}"));
    });
  }

  @ParameterizedTest
  @EnumSource(value = RunStatus.class, names = {"PENDING", "RUNNING"})
  void cancelStoresTheReasonAsTheError(RunStatus from) {
    WorkflowRun before = runIn(from);

    repository().markRunCancelled(before.id(), ACTOR, "superseded");

    WorkflowRun cancelled = repository().getRun(before.id());
    assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(cancelled.error()).isEqualTo("superseded");
    assertThat(cancelled.completedAt()).isEqualTo(clock.instant());
    assertThat(cancelled.auditLog()).last().satisfies(event -> {
      assertThat(event.action()).isEqualTo("run_cancelled");
      assertThat(event.metadata()).isEqualTo(json("{\"reason\": \"superseded\"}"));
    });
  }

  @Test
  void cancelWithoutAReasonLeavesTheErrorAndEventDetailsEmpty() {
    WorkflowRun cancelled = repository().markRunCancelled(run(version).id(), ACTOR, null);

    assertThat(cancelled.error()).isNull();
    assertThat(cancelled.auditLog()).last().satisfies(event -> assertThat(event.metadata()).isEmpty());
  }

  @Test
  void getRunOfAnUnknownRunIsRunNotFound() {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> repository().getRun(unknown))
        .isInstanceOf(WorkflowRunNotFoundException.class)
        .hasMessageContaining(unknown.toString());
  }

  @ParameterizedTest
  @EnumSource(Transition.class)
  void transitionOfAnUnknownRunIsRunNotFound(Transition transition) {
    assertThatThrownBy(() -> transition.apply(repository(), UUID.randomUUID()))
        .isInstanceOf(WorkflowRunNotFoundException.class);
  }

  // --- listRunsForWorkflow (upstream's listing) ---------------------------------------------------------------

  /** A succeeded, a failed and a cancelled run, created one clock step apart in that order. */
  private List<WorkflowRun> runsOfEveryEnd() {
    List<WorkflowRun> runs = new ArrayList<>();
    for (RunStatus status : List.of(RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.CANCELLED)) {
      runs.add(runIn(status));
    }
    return runs;
  }

  @Test
  void listRunsForWorkflowReturnsRunsOfEveryStatusNewestFirst() {
    List<WorkflowRun> runs = runsOfEveryEnd();

    assertThat(repository().listRunsForWorkflow(workflow.id(), null))
        .extracting(WorkflowRun::id, WorkflowRun::status)
        .containsExactly(
            tuple(runs.get(2).id(), RunStatus.CANCELLED),
            tuple(runs.get(1).id(), RunStatus.FAILED),
            tuple(runs.get(0).id(), RunStatus.SUCCEEDED));
  }

  @Test
  void listRunsForWorkflowWithLimitOneReturnsTheNewestRun() {
    List<WorkflowRun> runs = runsOfEveryEnd();

    assertThat(repository().listRunsForWorkflow(workflow.id(), 1)).extracting(WorkflowRun::id)
        .containsExactly(runs.get(2).id());
  }

  @Test
  void listRunsForWorkflowWithLimitZeroIsEmpty() {
    runsOfEveryEnd();

    assertThat(repository().listRunsForWorkflow(workflow.id(), 0)).isEmpty();
  }

  @Test
  void listRunsForWorkflowRejectsANegativeLimitUnlikeUpstreamWhoseSqliteStoreReturnedEveryRun() {
    run(version);

    // Upstream's PostgreSQL store failed on a negative LIMIT, its SQLite store read it as "no limit".
    assertThatThrownBy(() -> repository().listRunsForWorkflow(workflow.id(), -1))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void listRunsForWorkflowListsOnlyThatWorkflowsRuns() {
    WorkflowRun mine = run(version);
    run(version(workflow("Other").id()));

    assertThat(repository().listRunsForWorkflow(workflow.id(), null)).extracting(WorkflowRun::id)
        .containsExactly(mine.id());
  }

  @Test
  void listRunsForWorkflowOfAnArchivedWorkflowStillListsItsRuns() {
    WorkflowRun run = run(version);
    repository().archiveWorkflow(workflow.id(), ACTOR);

    assertThat(repository().listRunsForWorkflow(workflow.id(), null)).extracting(WorkflowRun::id)
        .containsExactly(run.id());
  }

  @Test
  void listingRunsOrVersionsOfAnUnknownWorkflowIsWorkflowNotFound() {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> repository().listRunsForWorkflow(unknown, null))
        .isInstanceOf(WorkflowNotFoundException.class);
    assertThatThrownBy(() -> repository().listRuns(unknown, PageRequest.first()))
        .isInstanceOf(WorkflowNotFoundException.class);
    assertThatThrownBy(() -> repository().listVersions(unknown))
        .isInstanceOf(WorkflowNotFoundException.class);
  }

  // --- listRuns (keyset pages) ---------------------------------------------------------------------------------

  /** {@code count} runs, the clock moving {@code step} between them (zero: all at the same instant). */
  private List<WorkflowRun> runs(int count, Duration step) {
    List<WorkflowRun> runs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      runs.add(run(version));
      clock.advance(step);
    }
    return runs;
  }

  /** The listing's documented order: {@code created_at DESC, id DESC}, ids compared as the stored text. */
  private static List<UUID> newestFirst(List<WorkflowRun> runs) {
    return runs.stream()
        .sorted(Comparator.comparing(WorkflowRun::createdAt)
            .thenComparing(run -> run.id().toString())
            .reversed())
        .map(WorkflowRun::id)
        .toList();
  }

  /** Every page of the workflow's runs, following the cursors from the first page. */
  private List<Page<WorkflowRun>> allPages(UUID workflowId, int size) {
    List<Page<WorkflowRun>> pages = new ArrayList<>();
    Page<WorkflowRun> page = repository().listRuns(workflowId, PageRequest.first(size));
    pages.add(page);
    while (page.hasNext()) {
      assertThat(pages).as("pages so far; the listing does not end").hasSizeLessThan(100);
      page = repository().listRuns(workflowId, PageRequest.after(page.nextCursor(), size));
      pages.add(page);
    }
    return pages;
  }

  private static List<UUID> ids(List<Page<WorkflowRun>> pages) {
    return pages.stream().flatMap(p -> p.items().stream()).map(WorkflowRun::id).toList();
  }

  @Test
  void pagesOfTwoOverFiveRunsReturnEveryRunOnceNewestFirst() {
    List<WorkflowRun> runs = runs(5, STEP);

    List<Page<WorkflowRun>> pages = allPages(workflow.id(), 2);

    assertThat(pages).extracting(p -> p.items().size()).containsExactly(2, 2, 1);
    assertThat(ids(pages)).containsExactlyElementsOf(newestFirst(runs));
  }

  @Test
  void pagesOfTwoOverFiveRunsCreatedAtTheSameInstantReturnEveryRunOnceByIdDescending() {
    List<WorkflowRun> runs = runs(5, Duration.ZERO);
    assertThat(runs).extracting(WorkflowRun::createdAt).containsOnly(START);

    List<Page<WorkflowRun>> pages = allPages(workflow.id(), 2);

    assertThat(pages).extracting(p -> p.items().size()).containsExactly(2, 2, 1);
    assertThat(ids(pages)).containsExactlyElementsOf(newestFirst(runs));
  }

  @Test
  void fullLastPageHasNoNextCursor() {
    runs(4, STEP);

    List<Page<WorkflowRun>> pages = allPages(workflow.id(), 2);

    assertThat(pages).extracting(p -> p.items().size()).containsExactly(2, 2);
    assertThat(pages.get(1).nextCursor()).isNull();
  }

  @Test
  void workflowWithoutRunsHasOneEmptyPage() {
    Page<WorkflowRun> page = repository().listRuns(workflow.id(), PageRequest.first(2));

    assertThat(page.items()).isEmpty();
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void runCreatedWhilePagingDoesNotShiftLaterPages() {
    List<UUID> expected = newestFirst(runs(5, STEP));
    Page<WorkflowRun> first = repository().listRuns(workflow.id(), PageRequest.first(2));

    WorkflowRun newcomer = run(version);
    Page<WorkflowRun> second = repository().listRuns(workflow.id(), PageRequest.after(first.nextCursor(), 2));
    Page<WorkflowRun> third = repository().listRuns(workflow.id(), PageRequest.after(second.nextCursor(), 2));

    assertThat(second.items()).extracting(WorkflowRun::id).containsExactlyElementsOf(expected.subList(2, 4));
    assertThat(third.items()).extracting(WorkflowRun::id).containsExactlyElementsOf(expected.subList(4, 5));
    assertThat(third.hasNext()).isFalse();
    assertThat(repository().listRuns(workflow.id(), PageRequest.first(2)).items()).extracting(WorkflowRun::id)
        .startsWith(newcomer.id());
  }

  @Test
  void malformedCursorIsAValidationError() {
    run(version);

    assertThatThrownBy(() -> repository().listRuns(workflow.id(), PageRequest.after("not-a-cursor", 2)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void alteredCursorIsAValidationError() {
    runs(3, STEP);
    String cursor = repository().listRuns(workflow.id(), PageRequest.first(2)).nextCursor();
    char[] altered = cursor.toCharArray();
    int middle = altered.length / 2;
    altered[middle] = altered[middle] == 'A' ? 'B' : 'A';

    assertThatThrownBy(() -> repository().listRuns(workflow.id(), PageRequest.after(new String(altered), 2)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void cursorFromAnotherWorkflowsListingIsAValidationError() {
    runs(3, STEP);
    String cursor = repository().listRuns(workflow.id(), PageRequest.first(2)).nextCursor();
    Workflow other = workflow("Other");
    run(version(other.id()));

    assertThatThrownBy(() -> repository().listRuns(other.id(), PageRequest.after(cursor, 2)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void pagesListOnlyTheWorkflowsOwnRuns() {
    List<WorkflowRun> mine = runs(3, STEP);
    run(version(workflow("Other").id()));

    assertThat(ids(allPages(workflow.id(), 2))).containsExactlyInAnyOrderElementsOf(
        mine.stream().map(WorkflowRun::id).toList());
  }
}
