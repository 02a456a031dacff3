package io.orcheo.persistence.it.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.error.StorageException;
import io.orcheo.persistence.core.workflows.AuditRecord;
import io.orcheo.persistence.core.workflows.CredentialHealthException;
import io.orcheo.persistence.core.workflows.CronTriggerNotFoundException;
import io.orcheo.persistence.core.workflows.RunStatus;
import io.orcheo.persistence.core.workflows.Workflow;
import io.orcheo.persistence.core.workflows.WorkflowNotFoundException;
import io.orcheo.persistence.core.workflows.WorkflowRepository;
import io.orcheo.persistence.core.workflows.WorkflowRun;
import io.orcheo.persistence.core.workflows.WorkflowRunNotFoundException;
import io.orcheo.persistence.core.workflows.WorkflowVersion;
import io.orcheo.persistence.core.workflows.WorkflowVersionNotFoundException;
import io.orcheo.persistence.core.workflows.triggers.CronTriggerConfig;
import io.orcheo.persistence.core.workflows.triggers.ManualDispatchRequest;
import io.orcheo.persistence.core.workflows.triggers.ManualRunItem;
import io.orcheo.persistence.core.workflows.triggers.RateLimitConfig;
import io.orcheo.persistence.core.workflows.triggers.RetryDecision;
import io.orcheo.persistence.core.workflows.triggers.RetryPolicyConfig;
import io.orcheo.persistence.core.workflows.triggers.WebhookRequest;
import io.orcheo.persistence.core.workflows.triggers.WebhookTriggerConfig;
import io.orcheo.persistence.it.support.TestBackend;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The triggers that create runs, on every backend: webhook configuration and runs (spec §2.5.1; the request
 * checks — methods, HMAC, rate limits — are the application's, so requests arrive here validated), cron schedules
 * and their dispatch (§2.5.2), manual dispatch (§2.5.3), retry policies and decisions (§2.6), and the health gate
 * in front of each. Upstream's trigger tests are spec §4, items 34 and 37–56.
 *
 * <p>Upstream kept the cron schedule's position, its overlap guard and the retry counts in one process's memory;
 * here they live in the database, so the tests also reopen the persistence layer, or use a second instance, and
 * check that nothing was lost. Tests that pin down a difference from upstream say so in their names.
 *
 * <p>Dispatch times are passed explicitly, as upstream's tests pass {@code now}. The test clock, which stamps the
 * rows and measures how long a cron run has gone unchanged (the overlap timeout), stays put unless a test is about
 * time passing.
 */
public abstract class TriggersContract extends RunContractSupport {
  static final String NOON_JAN_1 = "2025-01-01T12:00:00Z";

  Workflow workflow;
  WorkflowVersion version;

  @BeforeEach
  void workflowWithAVersion() {
    workflow = workflow("Triggers");
    version = version(workflow.id());
  }

  static CronTriggerConfig exclusive(String expression) {
    return new CronTriggerConfig(expression, "UTC", false, null, null);
  }

  static CronTriggerConfig overlapping(String expression) {
    return new CronTriggerConfig(expression, "UTC", true, null, null);
  }

  List<WorkflowRun> dispatch(String now) {
    return repository().dispatchDueCronRuns(Instant.parse(now));
  }

  static String scheduledFor(WorkflowRun run) {
    return run.inputPayload().path("scheduled_for").asText();
  }

  Instant lastDispatchedAt(UUID workflowId) throws SQLException {
    return instant("SELECT last_dispatched_at FROM cron_triggers WHERE workflow_id = ?", workflowId.toString());
  }

  long storedRuns() throws SQLException {
    return count("SELECT count(*) FROM workflow_runs");
  }

  // --- Webhook: configuration ----------------------------------------------------------------------------------

  private static WebhookTriggerConfig securedWebhook() {
    return new WebhookTriggerConfig(List.of("post", "GET", "POST"), Map.of("X-Source", "github"),
        Map.of("team", "ops"), "X-Shared-Secret", "s3cret", "X-Signature", "hmac-key", "SHA512", "X-Timestamp", 120,
        new RateLimitConfig(10, 30));
  }

  @Test
  void webhookOperationsOnAnUnknownWorkflowAreWorkflowNotFound() {
    UUID unknown = UUID.randomUUID();
    WebhookRequest request = new WebhookRequest("POST", null, null, null, null);

    assertThatThrownBy(() -> repository().configureWebhookTrigger(unknown, WebhookTriggerConfig.defaults()))
        .isInstanceOf(WorkflowNotFoundException.class);
    assertThatThrownBy(() -> repository().getWebhookTriggerConfig(unknown))
        .isInstanceOf(WorkflowNotFoundException.class);
    assertThatThrownBy(() -> repository().handleWebhookTrigger(unknown, request))
        .isInstanceOf(WorkflowNotFoundException.class);
  }

  @Test
  void webhookConfigRoundTrips() {
    WebhookTriggerConfig config = securedWebhook();

    WebhookTriggerConfig returned = repository().configureWebhookTrigger(workflow.id(), config);

    assertThat(returned).isEqualTo(config);
    assertThat(repository().getWebhookTriggerConfig(workflow.id())).isEqualTo(config);
    assertThat(config.allowedMethods()).containsExactly("GET", "POST");
  }

  @Test
  void webhookConfigIsStoredUnderUpstreamsKeys() throws SQLException {
    repository().configureWebhookTrigger(workflow.id(), securedWebhook());

    var stored = json(text("SELECT config FROM webhook_triggers WHERE workflow_id = ?", workflow.id().toString()));
    assertThat(stored.get("allowed_methods")).isEqualTo(json("[\"GET\", \"POST\"]"));
    assertThat(stored.get("shared_secret_header").asText()).isEqualTo("x-shared-secret");
    assertThat(stored.get("required_headers")).isEqualTo(json("{\"x-source\": \"github\"}"));
    assertThat(stored.get("rate_limit")).isEqualTo(json("{\"limit\": 10, \"interval_seconds\": 30}"));
  }

  @Test
  void webhookConfigIsTheDefaultsWhenNoneIsStoredAndReadingItStoresNothing() throws SQLException {
    assertThat(repository().getWebhookTriggerConfig(workflow.id())).isEqualTo(WebhookTriggerConfig.defaults());
    assertThat(count("SELECT count(*) FROM webhook_triggers")).isZero();
  }

  @Test
  void reconfiguringAWebhookReplacesItsConfig() throws SQLException {
    repository().configureWebhookTrigger(workflow.id(), securedWebhook());
    WebhookTriggerConfig replacement = WebhookTriggerConfig.defaults();

    repository().configureWebhookTrigger(workflow.id(), replacement);

    assertThat(repository().getWebhookTriggerConfig(workflow.id())).isEqualTo(replacement);
    assertThat(count("SELECT count(*) FROM webhook_triggers")).isEqualTo(1);
  }

  // --- Webhook: runs -------------------------------------------------------------------------------------------

  private static WebhookRequest pushEvent() {
    return new WebhookRequest("POST",
        Map.of("Content-Type", "application/json", "X-Shared-Secret", "s3cret", "X-Signature", "sha512=abc",
            "X-Request-Id", "r-1"),
        Map.of("team", "ops"), json("{\"event\": \"push\", \"commits\": 3}"), "203.0.113.7");
  }

  @Test
  void webhookCreatesAPendingWebhookRunOfTheLatestVersion() {
    WorkflowVersion latest = version(workflow.id());

    WorkflowRun run = repository().handleWebhookTrigger(workflow.id(), pushEvent());

    assertThat(run.status()).isEqualTo(RunStatus.PENDING);
    assertThat(run.triggeredBy()).isEqualTo("webhook");
    assertThat(run.workflowVersionId()).isEqualTo(latest.id());
    assertThat(run.auditLog()).extracting(AuditRecord::actor).containsExactly("webhook");
    assertThat(repository().getRun(run.id())).isEqualTo(run);
  }

  @Test
  void webhookRunInputHoldsBodyLowercasedHeadersQueryParamsAndSourceIp() {
    WorkflowRun run = repository().handleWebhookTrigger(workflow.id(), pushEvent());

    // Without a stored config no header is a secret, so every header stays.
    assertThat(run.inputPayload()).isEqualTo(json("{"
        + "\"body\": {\"event\": \"push\", \"commits\": 3},"
        + "\"headers\": {\"content-type\": \"application/json\", \"x-shared-secret\": \"s3cret\","
        + " \"x-signature\": \"sha512=abc\", \"x-request-id\": \"r-1\"},"
        + "\"query_params\": {\"team\": \"ops\"},"
        + "\"source_ip\": \"203.0.113.7\"}"));
  }

  @Test
  void webhookRunInputLeavesOutTheConfiguredSharedSecretAndHmacHeaders() {
    repository().configureWebhookTrigger(workflow.id(), securedWebhook());

    WorkflowRun run = repository().handleWebhookTrigger(workflow.id(), pushEvent());

    assertThat(run.inputPayload().get("headers"))
        .isEqualTo(json("{\"content-type\": \"application/json\", \"x-request-id\": \"r-1\"}"));
  }

  @Test
  void webhookRawBodyIsStoredAsRawText() {
    WebhookRequest request = WebhookRequest.withRawBody("POST", Map.of(), Map.of(),
        "a=1&b=é".getBytes(StandardCharsets.UTF_8), null);

    WorkflowRun run = repository().handleWebhookTrigger(workflow.id(), request);

    assertThat(run.inputPayload()).isEqualTo(json(
        "{\"body\": {\"raw\": \"a=1&b=é\"}, \"headers\": {}, \"query_params\": {}, \"source_ip\": null}"));
  }

  @Test
  void webhookOfAWorkflowWithoutVersionsIsVersionNotFound() throws SQLException {
    Workflow bare = workflow("No versions");

    assertThatThrownBy(() -> repository().handleWebhookTrigger(bare.id(), pushEvent()))
        .isInstanceOf(WorkflowVersionNotFoundException.class)
        .hasMessageContaining("latest");
    assertThat(storedRuns()).isZero();
  }

  @Test
  void webhookAfterItsOnlyVersionRowWasDeletedIsVersionNotFound() throws SQLException {
    execute("DELETE FROM workflow_versions WHERE id = ?", version.id().toString());

    assertThatThrownBy(() -> repository().handleWebhookTrigger(workflow.id(), pushEvent()))
        .isInstanceOf(WorkflowVersionNotFoundException.class);
    assertThat(storedRuns()).isZero();
  }

  @Test
  void webhookOfAnArchivedWorkflowStillCreatesARunAsUpstream() {
    repository().archiveWorkflow(workflow.id(), ACTOR);

    WorkflowRun run = repository().handleWebhookTrigger(workflow.id(), pushEvent());

    assertThat(repository().getRun(run.id()).triggeredBy()).isEqualTo("webhook");
  }

  @Test
  void webhookRefusedByTheHealthGateThrowsAndWritesNothing() throws SQLException {
    RecordingHealthGate gate = new RecordingHealthGate();
    gate.refuse(workflow.id());
    WorkflowRepository gated = anotherInstance(gate);

    assertThatThrownBy(() -> gated.handleWebhookTrigger(workflow.id(), pushEvent()))
        .isInstanceOf(CredentialHealthException.class);
    assertThat(gate.checks()).contains(new RecordingHealthGate.Check(workflow.id(), "webhook"));
    assertThat(storedRuns()).isZero();
  }

  // --- Cron: configuration -------------------------------------------------------------------------------------

  @Test
  void cronOperationsOnAnUnknownWorkflowAreWorkflowNotFound() {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> repository().configureCronTrigger(unknown, exclusive("0 12 * * *")))
        .isInstanceOf(WorkflowNotFoundException.class);
    assertThatThrownBy(() -> repository().getCronTriggerConfig(unknown))
        .isInstanceOf(WorkflowNotFoundException.class);
    assertThatThrownBy(() -> repository().deleteCronTrigger(unknown))
        .isInstanceOf(WorkflowNotFoundException.class);
  }

  @Test
  void cronConfigRoundTrips() {
    CronTriggerConfig config = new CronTriggerConfig("30 9 * * 1-5", "America/Los_Angeles", true,
        Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-12-31T23:59:00Z"));

    CronTriggerConfig returned = repository().configureCronTrigger(workflow.id(), config);

    assertThat(returned).isEqualTo(config);
    assertThat(repository().getCronTriggerConfig(workflow.id())).isEqualTo(config);
  }

  @Test
  void cronConfigOfAWorkflowWithoutATriggerIsCronTriggerNotFound() {
    assertThatThrownBy(() -> repository().getCronTriggerConfig(workflow.id()))
        .isInstanceOf(CronTriggerNotFoundException.class);
  }

  @Test
  void aStoredCronConfigThatCannotBeReadIsAStorageErrorAndDispatchSkipsIt() throws SQLException {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));
    // As another writer (a newer upstream, or a hand edit) could leave it: the caller's input is not at fault.
    String json = backend() == TestBackend.POSTGRES ? "CAST(? AS jsonb)" : "?";
    execute("UPDATE cron_triggers SET config = " + json + " WHERE workflow_id = ?",
        "{\"expression\": \"every day at noon\", \"timezone\": \"UTC\"}", workflow.id().toString());

    assertThatThrownBy(() -> repository().getCronTriggerConfig(workflow.id()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("cron trigger of workflow " + workflow.id());
    assertThat(dispatch(NOON_JAN_1)).isEmpty();
  }

  @Test
  void deletingACronTriggerThatDoesNotExistIsNotAnError() throws SQLException {
    repository().deleteCronTrigger(workflow.id());

    assertThat(count("SELECT count(*) FROM cron_triggers")).isZero();
  }

  @Test
  void deletedCronTriggerIsGoneAndDispatchesNothing() {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));

    repository().deleteCronTrigger(workflow.id());

    assertThat(dispatch(NOON_JAN_1)).isEmpty();
    assertThatThrownBy(() -> repository().getCronTriggerConfig(workflow.id()))
        .isInstanceOf(CronTriggerNotFoundException.class);
  }

  // --- Cron: when it fires -------------------------------------------------------------------------------------

  @Test
  void dailyScheduleDispatchedAtItsMinuteCreatesOneCronRunOfTheLatestVersion() {
    WorkflowVersion latest = version(workflow.id());
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));

    List<WorkflowRun> runs = dispatch(NOON_JAN_1);

    assertThat(runs).singleElement().satisfies(run -> {
      assertThat(run.workflowId()).isEqualTo(workflow.id());
      assertThat(run.workflowVersionId()).isEqualTo(latest.id());
      assertThat(run.triggeredBy()).isEqualTo("cron");
      assertThat(run.inputPayload())
          .isEqualTo(json("{\"scheduled_for\": \"2025-01-01T12:00:00+00:00\", \"timezone\": \"UTC\"}"));
      assertThat(run.auditLog()).extracting(AuditRecord::actor).containsExactly("cron");
      assertThat(repository().getRun(run.id())).isEqualTo(run);
    });
    assertThat(repository().getCronTriggerConfig(workflow.id()).expression()).isEqualTo("0 12 * * *");
  }

  @Test
  void dispatchingAgainAtTheSameTimeCreatesNothing() throws SQLException {
    repository().configureCronTrigger(workflow.id(), overlapping("0 12 * * *"));
    dispatch(NOON_JAN_1);

    assertThat(dispatch(NOON_JAN_1)).isEmpty();
    assertThat(storedRuns()).isEqualTo(1);
  }

  @Test
  void scheduleIsNotDispatchedBeforeItsTime() {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));

    assertThat(dispatch("2025-01-01T11:59:00Z")).isEmpty();
    assertThat(dispatch(NOON_JAN_1)).extracting(TriggersContract::scheduledFor)
        .containsExactly("2025-01-01T12:00:00+00:00");
  }

  @Test
  void firstEvaluationAfterTheDueMinuteSkipsThatOccurrenceAsUpstream() {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));

    assertThat(dispatch("2025-01-01T12:01:00Z")).isEmpty();
    assertThat(dispatch("2025-01-02T12:00:00Z")).extracting(TriggersContract::scheduledFor)
        .containsExactly("2025-01-02T12:00:00+00:00");
  }

  @Test
  void firstEvaluationWithinTheDueMinuteFiresAtThatInstantAsUpstream() {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));

    // Upstream matches the first reference at minute granularity and keeps its seconds as the fire time.
    assertThat(dispatch("2025-01-01T12:00:30Z")).extracting(TriggersContract::scheduledFor)
        .containsExactly("2025-01-01T12:00:30+00:00");
  }

  @Test
  void nineOClockInLosAngelesIsDueAtFiveInTheAfternoonUtcInJanuary() {
    repository().configureCronTrigger(workflow.id(),
        new CronTriggerConfig("0 9 * * *", "America/Los_Angeles", false, null, null));

    assertThat(dispatch("2025-01-01T16:59:00Z")).isEmpty();
    assertThat(dispatch("2025-01-01T17:00:00Z")).singleElement().satisfies(run -> assertThat(run.inputPayload())
        .isEqualTo(json("{\"scheduled_for\": \"2025-01-01T17:00:00+00:00\", \"timezone\": \"America/Los_Angeles\"}")));
  }

  @Test
  void missedOccurrencesSinceStartAtAreReplayedOnePerCall() {
    repository().configureCronTrigger(workflow.id(),
        new CronTriggerConfig("0 12 * * *", "UTC", true, Instant.parse(NOON_JAN_1), null));
    String later = "2025-01-03T13:00:00Z";

    assertThat(dispatch(later)).extracting(TriggersContract::scheduledFor).containsExactly("2025-01-01T12:00:00+00:00");
    assertThat(dispatch(later)).extracting(TriggersContract::scheduledFor).containsExactly("2025-01-02T12:00:00+00:00");
    assertThat(dispatch(later)).extracting(TriggersContract::scheduledFor).containsExactly("2025-01-03T12:00:00+00:00");
    assertThat(dispatch(later)).isEmpty();
  }

  @Test
  void noOccurrenceAfterEndAtIsDispatched() {
    repository().configureCronTrigger(workflow.id(),
        new CronTriggerConfig("0 12 * * *", "UTC", true, null, Instant.parse(NOON_JAN_1)));
    assertThat(dispatch(NOON_JAN_1)).as("the occurrence at end_at itself").hasSize(1);

    assertThat(dispatch("2025-01-05T13:00:00Z")).isEmpty();
  }

  @Test
  void eachDueWorkflowGetsOneRunPerCall() {
    Workflow other = workflow("Other");
    version(other.id());
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));
    repository().configureCronTrigger(other.id(), exclusive("0 12 * * *"));

    assertThat(dispatch(NOON_JAN_1)).extracting(WorkflowRun::workflowId)
        .containsExactlyInAnyOrder(workflow.id(), other.id());
  }

  @Test
  void dispatchStoresTheFireTimeNotTheDispatchTimeAsLastDispatchedAt() throws SQLException {
    repository().configureCronTrigger(workflow.id(),
        new CronTriggerConfig("0 12 * * *", "UTC", false, Instant.parse(NOON_JAN_1), null));

    dispatch("2025-01-01T15:00:00Z");

    assertThat(lastDispatchedAt(workflow.id())).isEqualTo(Instant.parse(NOON_JAN_1));
  }

  @Test
  void reconfiguringAScheduleKeepsItsCursor() throws SQLException {
    repository().configureCronTrigger(workflow.id(), overlapping("0 12 * * *"));
    dispatch(NOON_JAN_1);

    repository().configureCronTrigger(workflow.id(), overlapping("0 12 * * *"));

    assertThat(dispatch(NOON_JAN_1)).isEmpty();
    assertThat(lastDispatchedAt(workflow.id())).isEqualTo(Instant.parse(NOON_JAN_1));
  }

  @Test
  void reconfiguredExpressionCountsOnFromTheLastDispatchedOccurrence() {
    repository().configureCronTrigger(workflow.id(), overlapping("0 12 * * *"));
    dispatch(NOON_JAN_1);

    repository().configureCronTrigger(workflow.id(), overlapping("30 12 * * *"));

    assertThat(dispatch("2025-01-01T13:00:00Z")).extracting(TriggersContract::scheduledFor)
        .containsExactly("2025-01-01T12:30:00+00:00");
  }

  // --- Cron: what it skips -------------------------------------------------------------------------------------

  @Test
  void scheduleOfAWorkflowWithoutVersionsIsSkippedUntilOneExists() {
    Workflow bare = workflow("No versions yet");
    repository().configureCronTrigger(bare.id(), exclusive("0 12 * * *"));

    assertThat(dispatch(NOON_JAN_1)).isEmpty();
    WorkflowVersion first = version(bare.id());
    assertThat(dispatch(NOON_JAN_1)).singleElement().satisfies(run -> {
      assertThat(run.workflowVersionId()).isEqualTo(first.id());
      assertThat(scheduledFor(run)).isEqualTo("2025-01-01T12:00:00+00:00");
    });
  }

  @Test
  void scheduleWhoseOnlyVersionRowWasDeletedIsSkipped() throws SQLException {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));
    execute("DELETE FROM workflow_versions WHERE id = ?", version.id().toString());

    assertThat(dispatch(NOON_JAN_1)).isEmpty();
    assertThat(storedRuns()).isZero();
  }

  @Test
  void scheduleLeftBehindByADeletedWorkflowIsSkippedAndOthersStillRun() throws SQLException {
    Workflow doomed = workflow("Deleted behind our back");
    version(doomed.id());
    repository().configureCronTrigger(doomed.id(), exclusive("0 12 * * *"));
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));
    // Upstream can be left with trigger state for a workflow that no longer exists; a raw delete recreates that.
    execute("DELETE FROM workflows WHERE id = ?", doomed.id().toString());

    assertThat(dispatch(NOON_JAN_1)).extracting(WorkflowRun::workflowId).containsExactly(workflow.id());
  }

  @Test
  void scheduleOfAnArchivedWorkflowIsStillDispatchedAsUpstream() {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));
    repository().archiveWorkflow(workflow.id(), ACTOR);

    assertThat(dispatch(NOON_JAN_1)).hasSize(1);
  }

  @Test
  void unhealthyWorkflowIsSkippedWhileTheHealthyOneIsDispatched() {
    Workflow unhealthy = workflow("Unhealthy");
    version(unhealthy.id());
    repository().configureCronTrigger(unhealthy.id(), exclusive("0 12 * * *"));
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));
    RecordingHealthGate gate = new RecordingHealthGate();
    gate.refuse(unhealthy.id());

    List<WorkflowRun> runs = anotherInstance(gate).dispatchDueCronRuns(Instant.parse(NOON_JAN_1));

    assertThat(runs).extracting(WorkflowRun::workflowId).containsExactly(workflow.id());
    assertThat(gate.checks()).contains(
        new RecordingHealthGate.Check(unhealthy.id(), "cron"), new RecordingHealthGate.Check(workflow.id(), "cron"));
    assertThat(repository().listRunsForWorkflow(unhealthy.id(), null)).isEmpty();
  }

  @Test
  void occurrenceSkippedForHealthIsDispatchedOnceTheWorkflowIsHealthy() {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));
    RecordingHealthGate gate = new RecordingHealthGate();
    gate.refuse(workflow.id());
    WorkflowRepository gated = anotherInstance(gate);
    assertThat(gated.dispatchDueCronRuns(Instant.parse(NOON_JAN_1))).isEmpty();

    gate.allow(workflow.id());

    assertThat(gated.dispatchDueCronRuns(Instant.parse("2025-01-01T12:05:00Z")))
        .extracting(TriggersContract::scheduledFor).containsExactly("2025-01-01T12:00:00+00:00");
  }

  // --- Cron: the overlap guard ---------------------------------------------------------------------------------

  @Test
  void activeCronRunBlocksTheNextOccurrenceUntilItSucceeds() {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));
    UUID first = dispatch(NOON_JAN_1).get(0).id();

    assertThat(dispatch("2025-01-02T12:00:00Z")).isEmpty();
    repository().markRunStarted(first, "worker");
    assertThat(dispatch("2025-01-02T12:00:00Z")).isEmpty();
    repository().markRunSucceeded(first, "worker", null);

    assertThat(dispatch("2025-01-02T12:00:00Z")).extracting(TriggersContract::scheduledFor)
        .containsExactly("2025-01-02T12:00:00+00:00");
  }

  @ParameterizedTest
  @EnumSource(value = RunStatus.class, names = {"FAILED", "CANCELLED"})
  void cronRunThatFailedOrWasCancelledNoLongerBlocks(RunStatus end) {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));
    UUID first = dispatch(NOON_JAN_1).get(0).id();

    if (end == RunStatus.FAILED) {
      repository().markRunFailed(first, "worker", "boom");
    } else {
      repository().markRunCancelled(first, ACTOR, "stop");
    }

    assertThat(dispatch("2025-01-02T12:00:00Z")).hasSize(1);
  }

  @Test
  void cronRunCreatedThroughCreateRunBlocksTheScheduleUntilItSucceeds() {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));
    WorkflowRun direct = run(version, "cron");

    assertThat(dispatch(NOON_JAN_1)).isEmpty();
    repository().markRunStarted(direct.id(), "worker");
    repository().markRunSucceeded(direct.id(), "worker", null);
    assertThat(dispatch(NOON_JAN_1)).hasSize(1);
  }

  @Test
  void activeRunsOfOtherTriggersDoNotBlockTheSchedule() {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));
    run(version, "manual");
    run(version, "webhook");

    assertThat(dispatch(NOON_JAN_1)).hasSize(1);
  }

  @Test
  void overlappingScheduleIsDispatchedWhileItsLastRunIsActive() {
    repository().configureCronTrigger(workflow.id(), overlapping("0 12 * * *"));
    dispatch(NOON_JAN_1);

    assertThat(dispatch("2025-01-02T12:00:00Z")).hasSize(1);
  }

  @Test
  void cronRunLeftRunningLongerThanTheOverlapTimeoutNoLongerBlocksUnlikeUpstream() {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));
    UUID crashed = dispatch(NOON_JAN_1).get(0).id();
    repository().markRunStarted(crashed, "worker");

    // Upstream restores such a run into its overlap guard at every start, so it blocks the schedule forever.
    clock.advance(persistence.settings().cronOverlapTimeout().plusSeconds(1));

    assertThat(dispatch("2025-01-02T12:00:00Z")).extracting(TriggersContract::scheduledFor)
        .containsExactly("2025-01-02T12:00:00+00:00");
  }

  @Test
  void cronRunUnchangedForLessThanTheOverlapTimeoutStillBlocks() {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));
    UUID running = dispatch(NOON_JAN_1).get(0).id();
    repository().markRunStarted(running, "worker");

    clock.advance(persistence.settings().cronOverlapTimeout().minusSeconds(1));

    assertThat(dispatch("2025-01-02T12:00:00Z")).isEmpty();
  }

  // --- Cron: other instances and restarts ----------------------------------------------------------------------

  @Test
  void scheduleConfiguredThroughAnotherInstanceIsDispatched() {
    anotherInstance().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));

    assertThat(dispatch(NOON_JAN_1)).hasSize(1);
  }

  @Test
  void scheduleDeletedThroughAnotherInstanceIsNotDispatched() {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));
    assertThat(dispatch("2025-01-01T11:00:00Z")).isEmpty();

    anotherInstance().deleteCronTrigger(workflow.id());

    assertThat(dispatch(NOON_JAN_1)).isEmpty();
  }

  @Test
  void occurrenceDispatchedByAnotherInstanceIsNotDispatchedAgain() throws SQLException {
    repository().configureCronTrigger(workflow.id(), overlapping("0 12 * * *"));

    List<WorkflowRun> elsewhere = anotherInstance().dispatchDueCronRuns(Instant.parse(NOON_JAN_1));

    assertThat(elsewhere).hasSize(1);
    assertThat(dispatch(NOON_JAN_1)).isEmpty();
    assertThat(storedRuns()).isEqualTo(1);
  }

  @Test
  void timezoneChangedThroughAnotherInstanceAppliesAtTheNextDispatch() {
    repository().configureCronTrigger(workflow.id(), exclusive("0 9 * * *"));
    assertThat(dispatch("2025-01-01T08:00:00Z")).isEmpty();

    anotherInstance().configureCronTrigger(workflow.id(),
        new CronTriggerConfig("0 9 * * *", "America/Los_Angeles", false, null, null));

    assertThat(dispatch("2025-01-01T09:00:00Z")).isEmpty();
    assertThat(dispatch("2025-01-01T17:00:00Z")).extracting(TriggersContract::scheduledFor)
        .containsExactly("2025-01-01T17:00:00+00:00");
  }

  @Test
  void firstFireTimeSurvivesReopeningUnlikeUpstream() {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));
    assertThat(dispatch("2025-01-01T11:00:00Z")).isEmpty();

    reopen();

    // Upstream forgot that the schedule was first evaluated at 11:00 and counted afresh from 12:30, skipping noon.
    assertThat(dispatch("2025-01-01T12:30:00Z")).extracting(TriggersContract::scheduledFor)
        .containsExactly("2025-01-01T12:00:00+00:00");
  }

  @Test
  void dispatchedOccurrenceIsNotDispatchedAgainAfterReopeningUnlikeUpstreamSeed() throws SQLException {
    repository().configureCronTrigger(workflow.id(), overlapping("0 12 * * *"));
    dispatch(NOON_JAN_1);

    reopen();

    assertThat(lastDispatchedAt(workflow.id())).isEqualTo(Instant.parse(NOON_JAN_1));
    assertThat(dispatch(NOON_JAN_1)).isEmpty();
    assertThat(dispatch("2025-01-02T12:00:00Z")).extracting(TriggersContract::scheduledFor)
        .containsExactly("2025-01-02T12:00:00+00:00");
  }

  @Test
  void activeCronRunStillBlocksTheScheduleAfterReopening() {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));
    dispatch(NOON_JAN_1);

    reopen();

    assertThat(dispatch("2025-01-02T12:00:00Z")).isEmpty();
  }

  @Test
  void twoActiveCronRunsDoNotPreventReopeningAndStillBlockTheSchedule() {
    // Upstream logs and skips the second one when it rebuilds its overlap guard at start-up.
    run(version, "cron");
    run(version, "cron");
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));

    reopen();

    assertThat(dispatch(NOON_JAN_1)).isEmpty();
  }

  @Test
  void triggerAndRetryConfigsSurviveReopening() {
    WebhookTriggerConfig webhook = repository().configureWebhookTrigger(workflow.id(), securedWebhook());
    CronTriggerConfig cron = repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));
    RetryPolicyConfig retry = repository().configureRetryPolicy(workflow.id(),
        new RetryPolicyConfig(4, 12.5, 3.0, null, 0.0));

    reopen();

    assertThat(repository().getWebhookTriggerConfig(workflow.id())).isEqualTo(webhook);
    assertThat(repository().getCronTriggerConfig(workflow.id())).isEqualTo(cron);
    assertThat(repository().getRetryPolicyConfig(workflow.id())).isEqualTo(retry);
  }

  // --- Manual dispatch -----------------------------------------------------------------------------------------

  private static ManualDispatchRequest manual(UUID workflowId, ManualRunItem... items) {
    return new ManualDispatchRequest(workflowId, "bob", List.of(items), null);
  }

  @Test
  void manualRunWithoutAVersionRunsTheLatestUnderTheRequestActor() {
    WorkflowVersion latest = version(workflow.id());

    List<WorkflowRun> runs = repository().dispatchManualRuns(
        manual(workflow.id(), ManualRunItem.latest(json("{\"q\": 1}"))));

    assertThat(runs).singleElement().satisfies(run -> {
      assertThat(run.workflowVersionId()).isEqualTo(latest.id());
      assertThat(run.triggeredBy()).isEqualTo("manual");
      assertThat(run.inputPayload()).isEqualTo(json("{\"q\": 1}"));
      assertThat(run.auditLog()).extracting(AuditRecord::actor).containsExactly("bob");
      assertThat(repository().getRun(run.id())).isEqualTo(run);
    });
  }

  @Test
  void manualBatchKeepsEachItemsVersionInputAndOrder() {
    WorkflowVersion latest = version(workflow.id());

    List<WorkflowRun> runs = repository().dispatchManualRuns(manual(workflow.id(),
        new ManualRunItem(version.id(), json("{\"n\": 1}")),
        ManualRunItem.latest(json("{\"n\": 2}")),
        new ManualRunItem(version.id(), json("{\"n\": 3}"))));

    assertThat(runs).extracting(WorkflowRun::workflowVersionId)
        .containsExactly(version.id(), latest.id(), version.id());
    assertThat(runs).extracting(run -> run.inputPayload().get("n").asInt()).containsExactly(1, 2, 3);
    assertThat(runs).extracting(WorkflowRun::triggeredBy).containsOnly("manual_batch");
  }

  @Test
  void manualDispatchLabelBecomesTheRunsTrigger() {
    List<WorkflowRun> runs = repository().dispatchManualRuns(new ManualDispatchRequest(workflow.id(), null,
        List.of(ManualRunItem.latest(null), ManualRunItem.latest(null)), "backfill"));

    assertThat(runs).extracting(WorkflowRun::triggeredBy).containsExactly("backfill", "backfill");
    assertThat(runs.get(0).auditLog()).extracting(AuditRecord::actor).containsExactly("manual");
  }

  @Test
  void manualDispatchOfAnUnknownWorkflowIsWorkflowNotFound() {
    assertThatThrownBy(() -> repository().dispatchManualRuns(manual(UUID.randomUUID(), ManualRunItem.latest(null))))
        .isInstanceOf(WorkflowNotFoundException.class);
  }

  @Test
  void manualDispatchOnAWorkflowWithoutVersionsIsVersionNotFoundNamingTheWorkflow() {
    Workflow bare = workflow("No versions");

    assertThatThrownBy(() -> repository().dispatchManualRuns(manual(bare.id(), ManualRunItem.latest(null))))
        .isInstanceOf(WorkflowVersionNotFoundException.class)
        .hasMessageContaining(bare.id().toString());
  }

  @Test
  void manualDispatchOfAnUnknownVersionIsVersionNotFound() throws SQLException {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> repository().dispatchManualRuns(manual(workflow.id(), new ManualRunItem(unknown, null))))
        .isInstanceOf(WorkflowVersionNotFoundException.class)
        .hasMessageContaining(unknown.toString());
    assertThat(storedRuns()).isZero();
  }

  @Test
  void manualDispatchOfAnotherWorkflowsVersionIsVersionNotFound() throws SQLException {
    WorkflowVersion foreign = version(workflow("Other").id());

    assertThatThrownBy(() -> repository().dispatchManualRuns(
            manual(workflow.id(), new ManualRunItem(foreign.id(), null))))
        .isInstanceOf(WorkflowVersionNotFoundException.class)
        .hasMessageContaining(foreign.id().toString());
    assertThat(storedRuns()).isZero();
  }

  @Test
  void manualDispatchChecksEveryItemBeforeCreatingAnyRun() throws SQLException {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> repository().dispatchManualRuns(manual(workflow.id(),
            ManualRunItem.latest(null), new ManualRunItem(unknown, null))))
        .isInstanceOf(WorkflowVersionNotFoundException.class);
    assertThat(storedRuns()).isZero();
  }

  @Test
  void manualDispatchOfAnArchivedWorkflowStillCreatesRunsAsUpstream() {
    repository().archiveWorkflow(workflow.id(), ACTOR);

    assertThat(repository().dispatchManualRuns(manual(workflow.id(), ManualRunItem.latest(null)))).hasSize(1);
  }

  @Test
  void manualDispatchRefusedByTheHealthGateThrowsAndWritesNothing() throws SQLException {
    RecordingHealthGate gate = new RecordingHealthGate();
    gate.refuse(workflow.id());
    WorkflowRepository gated = anotherInstance(gate);

    assertThatThrownBy(() -> gated.dispatchManualRuns(manual(workflow.id(), ManualRunItem.latest(null))))
        .isInstanceOf(CredentialHealthException.class);
    assertThat(gate.checks()).contains(new RecordingHealthGate.Check(workflow.id(), "bob"));
    assertThat(storedRuns()).isZero();
  }

  // --- Retry policy --------------------------------------------------------------------------------------------

  private static final Instant FAILED_AT = Instant.parse("2025-01-02T10:00:00.000001Z");

  /** A run created under the workflow's current policy, then failed. */
  private WorkflowRun failedRun() {
    WorkflowRun run = run(version);
    return repository().markRunFailed(run.id(), "worker", "boom");
  }

  private Optional<RetryDecision> retry(WorkflowRun run) {
    return repository().scheduleRetryForRun(run.id(), FAILED_AT);
  }

  @Test
  void retryPolicyOperationsOnAnUnknownWorkflowAreWorkflowNotFound() {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> repository().configureRetryPolicy(unknown, RetryPolicyConfig.defaults()))
        .isInstanceOf(WorkflowNotFoundException.class);
    assertThatThrownBy(() -> repository().getRetryPolicyConfig(unknown))
        .isInstanceOf(WorkflowNotFoundException.class);
  }

  @Test
  void retryPolicyRoundTrips() {
    RetryPolicyConfig config = new RetryPolicyConfig(4, 12.5, 3.0, null, 0.25);

    RetryPolicyConfig returned = repository().configureRetryPolicy(workflow.id(), config);

    assertThat(returned).isEqualTo(config);
    assertThat(repository().getRetryPolicyConfig(workflow.id())).isEqualTo(config);
  }

  @Test
  void retryPolicyIsTheDefaultsWhenNoneIsStoredAndReadingItStoresNothing() throws SQLException {
    assertThat(repository().getRetryPolicyConfig(workflow.id())).isEqualTo(RetryPolicyConfig.defaults());
    assertThat(count("SELECT count(*) FROM retry_policies")).isZero();
  }

  @Test
  void twoAttemptsGiveRetryOneThenNone() {
    repository().configureRetryPolicy(workflow.id(), new RetryPolicyConfig(2, 12.5, 2.0, 300.0, 0.0));
    WorkflowRun failed = failedRun();

    assertThat(retry(failed)).contains(new RetryDecision(1, FAILED_AT.plusMillis(12_500), 12.5));
    assertThat(retry(failed)).isEmpty();
  }

  @Test
  void retryDelaysGrowByTheBackoffFactorUpToTheCap() {
    repository().configureRetryPolicy(workflow.id(), new RetryPolicyConfig(4, 10.0, 3.0, 50.0, 0.0));
    WorkflowRun failed = failedRun();

    assertThat(retry(failed)).map(RetryDecision::delaySeconds).contains(10.0);
    assertThat(retry(failed)).map(RetryDecision::delaySeconds).contains(30.0);
    assertThat(retry(failed)).map(RetryDecision::delaySeconds).contains(50.0);
    assertThat(retry(failed)).isEmpty();
  }

  @Test
  void retryWithoutAFailureTimeCountsFromNow() {
    repository().configureRetryPolicy(workflow.id(), new RetryPolicyConfig(2, 30.0, 2.0, null, 0.0));

    Optional<RetryDecision> decision = repository().scheduleRetryForRun(failedRun().id(), null);

    assertThat(decision).map(RetryDecision::scheduledFor).contains(clock.instant().plusSeconds(30));
  }

  @Test
  void runCreatedWithoutAPolicyRetriesUnderTheDefaults() {
    WorkflowRun failed = failedRun();

    // Three attempts in all: two retries.
    assertThat(retry(failed)).map(RetryDecision::retryNumber).contains(1);
    assertThat(retry(failed)).map(RetryDecision::retryNumber).contains(2);
    assertThat(retry(failed)).isEmpty();
  }

  @Test
  void retryCountSurvivesReopeningUnlikeUpstream() {
    repository().configureRetryPolicy(workflow.id(), new RetryPolicyConfig(3, 10.0, 2.0, null, 0.0));
    WorkflowRun failed = failedRun();
    assertThat(retry(failed)).map(RetryDecision::retryNumber).contains(1);

    reopen();

    // Upstream restarted every count at zero and would schedule retry #1 again.
    assertThat(retry(failed)).map(RetryDecision::retryNumber).contains(2);
    assertThat(retry(failed)).isEmpty();
  }

  @Test
  void runThatFailedBeforeAReopeningGetsRetryOne() {
    repository().configureRetryPolicy(workflow.id(), new RetryPolicyConfig(2, 10.0, 2.0, null, 0.0));
    WorkflowRun failed = failedRun();

    reopen();

    assertThat(retry(failed)).map(RetryDecision::retryNumber).contains(1);
  }

  @ParameterizedTest
  @EnumSource(value = RunStatus.class, names = {"SUCCEEDED", "CANCELLED"})
  void runThatSucceededOrWasCancelledGetsNoRetry(RunStatus end) {
    UUID id = run(version).id();
    if (end == RunStatus.SUCCEEDED) {
      repository().markRunStarted(id, "worker");
      repository().markRunSucceeded(id, "worker", null);
    } else {
      repository().markRunCancelled(id, ACTOR, null);
    }

    assertThat(repository().scheduleRetryForRun(id, FAILED_AT)).isEmpty();
  }

  @Test
  void policyConfiguredAfterARunWasCreatedDoesNotChangeThatRunsRetries() {
    repository().configureRetryPolicy(workflow.id(), new RetryPolicyConfig(2, 10.0, 2.0, null, 0.0));
    WorkflowRun run = run(version);

    repository().configureRetryPolicy(workflow.id(), new RetryPolicyConfig(5, 60.0, 2.0, null, 0.0));
    repository().markRunFailed(run.id(), "worker", "boom");

    assertThat(retry(run)).contains(new RetryDecision(1, FAILED_AT.plusSeconds(10), 10.0));
    assertThat(retry(run)).isEmpty();
  }

  @Test
  void runCreatedAfterAPolicyChangeFollowsTheNewPolicy() {
    repository().configureRetryPolicy(workflow.id(), new RetryPolicyConfig(2, 10.0, 2.0, null, 0.0));
    repository().configureRetryPolicy(workflow.id(), new RetryPolicyConfig(3, 60.0, 2.0, null, 0.0));
    WorkflowRun failed = failedRun();

    assertThat(retry(failed)).map(RetryDecision::delaySeconds).contains(60.0);
    assertThat(retry(failed)).map(RetryDecision::delaySeconds).contains(120.0);
  }

  @Test
  void retryOfAnUnknownRunIsRunNotFound() {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> repository().scheduleRetryForRun(unknown, null))
        .isInstanceOf(WorkflowRunNotFoundException.class)
        .hasMessageContaining(unknown.toString());
  }

  @Test
  void schedulingARetryCreatesNoRunAndLeavesTheRunAsItWas() throws SQLException {
    WorkflowRun failed = failedRun();

    retry(failed);

    assertThat(storedRuns()).isEqualTo(1);
    assertThat(repository().getRun(failed.id())).isEqualTo(failed);
  }
}
