package io.orcheo.persistence.jooq.workflows;

import static io.orcheo.persistence.jooq.generated.Tables.CRON_TRIGGERS;
import static io.orcheo.persistence.jooq.generated.Tables.RETRY_POLICIES;
import static io.orcheo.persistence.jooq.generated.Tables.WEBHOOK_TRIGGERS;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOWS;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOW_RUNS;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOW_RUN_RETRIES;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOW_VERSIONS;
import static io.orcheo.persistence.jooq.workflows.WorkflowRows.insertRetryState;
import static io.orcheo.persistence.jooq.workflows.WorkflowRows.insertRun;
import static io.orcheo.persistence.jooq.workflows.WorkflowRows.latestVersion;
import static io.orcheo.persistence.jooq.workflows.WorkflowRows.loadActiveWorkflow;
import static io.orcheo.persistence.jooq.workflows.WorkflowRows.loadRun;
import static io.orcheo.persistence.jooq.workflows.WorkflowRows.loadWorkflow;
import static io.orcheo.persistence.jooq.workflows.WorkflowRows.lockWorkflow;
import static io.orcheo.persistence.jooq.workflows.WorkflowRows.requireWorkflow;
import static io.orcheo.persistence.jooq.workflows.WorkflowRows.retryPolicy;
import static io.orcheo.persistence.jooq.workflows.WorkflowRows.stored;
import static io.orcheo.persistence.jooq.workflows.WorkflowRows.upsertConfig;
import static io.orcheo.persistence.jooq.workflows.WorkflowRows.versionById;
import static io.orcheo.persistence.jooq.workflows.WorkflowRows.versionByNumber;
import static io.orcheo.persistence.jooq.workflows.WorkflowRows.webhookConfig;
import static io.orcheo.persistence.jooq.workflows.WorkflowRows.writeWorkflow;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.ConflictException;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.core.workflows.CronTriggerNotFoundException;
import io.orcheo.persistence.core.workflows.NewRun;
import io.orcheo.persistence.core.workflows.NewVersion;
import io.orcheo.persistence.core.workflows.NewWorkflow;
import io.orcheo.persistence.core.workflows.RunStatus;
import io.orcheo.persistence.core.workflows.VersionDiff;
import io.orcheo.persistence.core.workflows.Workflow;
import io.orcheo.persistence.core.workflows.WorkflowHandleConflictException;
import io.orcheo.persistence.core.workflows.WorkflowHealthGate;
import io.orcheo.persistence.core.workflows.WorkflowNotFoundException;
import io.orcheo.persistence.core.workflows.WorkflowPublishStateException;
import io.orcheo.persistence.core.workflows.WorkflowRepository;
import io.orcheo.persistence.core.workflows.WorkflowRun;
import io.orcheo.persistence.core.workflows.WorkflowUpdate;
import io.orcheo.persistence.core.workflows.WorkflowVersion;
import io.orcheo.persistence.core.workflows.WorkflowVersionNotFoundException;
import io.orcheo.persistence.core.workflows.triggers.CronTriggerConfig;
import io.orcheo.persistence.core.workflows.triggers.ManualDispatchRequest;
import io.orcheo.persistence.core.workflows.triggers.ManualRunItem;
import io.orcheo.persistence.core.workflows.triggers.RetryDecision;
import io.orcheo.persistence.core.workflows.triggers.RetryPolicyConfig;
import io.orcheo.persistence.core.workflows.triggers.WebhookRequest;
import io.orcheo.persistence.core.workflows.triggers.WebhookTriggerConfig;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import io.orcheo.persistence.jooq.json.PythonJson;
import io.orcheo.persistence.jooq.runtime.ConcurrentUpdateException;
import io.orcheo.persistence.jooq.runtime.RowLocks;
import io.orcheo.persistence.jooq.runtime.Transactor;
import io.orcheo.persistence.jooq.workflows.WorkflowRows.Loaded;
import io.orcheo.persistence.jooq.workflows.WorkflowRows.LoadedRun;
import io.orcheo.persistence.jooq.workflows.WorkflowRows.LoadedVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * {@link WorkflowRepository} on SQLite or PostgreSQL, whichever the {@link Transactor}'s context speaks.
 *
 * <p>Each operation is one transaction. Read-check-write sequences take the row they depend on with
 * {@link RowLocks} (on SQLite, {@code BEGIN IMMEDIATE} already serialises writers), and the writes that decide a
 * race are conditional besides, for writers that take no locks (upstream's): a run's status and a retry count only
 * move from the value the transaction read, and a {@link ConcurrentUpdateException} runs the transaction again when
 * another writer got there first; the cron cursor only moves forward ({@link CronDispatcher}). Handle uniqueness is
 * the database's partial unique index.
 */
public final class JooqWorkflowRepository implements WorkflowRepository {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Transactor db;
  private final Clock clock;
  private final WorkflowHealthGate healthGate;
  private final CronDispatcher cron;

  /**
   * Runs on {@code db}.
   *
   * @param clock the source of the timestamps written
   * @param healthGate asked before a run is created
   * @param cronOverlapTimeout how long an unchanged active cron run blocks its schedule (see
   *     {@link #dispatchDueCronRuns})
   */
  public JooqWorkflowRepository(Transactor db, Clock clock, WorkflowHealthGate healthGate,
      Duration cronOverlapTimeout) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.healthGate = Objects.requireNonNull(healthGate, "healthGate");
    this.cron = new CronDispatcher(healthGate, cronOverlapTimeout);
  }

  // --- Workflows ---------------------------------------------------------------------------------------------

  @Override
  public List<Workflow> listWorkflows(boolean includeArchived) {
    return db.read("list workflows", dsl -> dsl
        .select(WORKFLOWS.PAYLOAD)
        .from(WORKFLOWS)
        .where(includeArchived ? noCondition() : WORKFLOWS.IS_ARCHIVED.eq(false))
        .orderBy(WORKFLOWS.CREATED_AT, WORKFLOWS.ID)
        .fetch(r -> WorkflowDocuments.workflow(r.value1())));
  }

  @Override
  public Workflow createWorkflow(NewWorkflow request) {
    Objects.requireNonNull(request, "request");
    Workflow workflow = request.toWorkflow(UUID.randomUUID(), now());
    return withHandleGuard(workflow.handle(), () -> db.inTransaction("create workflow", dsl -> {
      requireHandleFree(dsl, workflow.handle(), null);
      dsl.insertInto(WORKFLOWS)
          .set(WORKFLOWS.ID, workflow.id().toString())
          .set(WORKFLOWS.HANDLE, workflow.handle())
          .set(WORKFLOWS.IS_ARCHIVED, workflow.isArchived())
          .set(WORKFLOWS.PAYLOAD, WorkflowDocuments.workflow(workflow, null))
          .set(WORKFLOWS.CREATED_AT, workflow.createdAt())
          .set(WORKFLOWS.UPDATED_AT, workflow.updatedAt())
          .execute();
      return workflow;
    }));
  }

  @Override
  public Workflow getWorkflow(UUID workflowId) {
    Objects.requireNonNull(workflowId, "workflowId");
    return db.read("get workflow " + workflowId, dsl -> loadWorkflow(dsl, workflowId, false).workflow());
  }

  @Override
  public UUID resolveWorkflowRef(String ref, boolean includeArchived) {
    String normalized = ref == null ? "" : ref.trim().toLowerCase(Locale.ROOT);
    if (normalized.isEmpty()) {
      throw new WorkflowNotFoundException("workflow ref is empty");
    }
    var handleMatch = includeArchived
        ? WORKFLOWS.HANDLE.eq(normalized)
        : WORKFLOWS.HANDLE.eq(normalized).and(WORKFLOWS.IS_ARCHIVED.eq(false));
    // Only the canonical text form can equal a stored id; as upstream, the id branch ignores includeArchived.
    var match = CANONICAL_UUID.matcher(normalized).matches()
        ? handleMatch.or(WORKFLOWS.ID.eq(normalized)) : handleMatch;
    return db.read("resolve workflow ref '" + normalized + "'", dsl -> dsl
            .select(WORKFLOWS.ID)
            .from(WORKFLOWS)
            .where(match)
            .orderBy(
                when(WORKFLOWS.HANDLE.eq(normalized).and(WORKFLOWS.IS_ARCHIVED.eq(false)), inline(0))
                    .when(WORKFLOWS.HANDLE.eq(normalized), inline(1))
                    .otherwise(inline(2)),
                WORKFLOWS.UPDATED_AT.desc())
            .limit(inline(1))
            .fetchOptional(Record1::value1))
        .map(UUID::fromString)
        .orElseThrow(() -> new WorkflowNotFoundException(normalized));
  }

  @Override
  public Workflow updateWorkflow(UUID workflowId, WorkflowUpdate update) {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(update, "update");
    Instant now = now();
    String[] handle = new String[1];
    return withHandleGuard(() -> handle[0], () -> db.inTransaction("update workflow " + workflowId, dsl -> {
      Loaded current = loadWorkflow(dsl, workflowId, true);
      WorkflowUpdate.Applied applied = update.applyTo(current.workflow(), now);
      Workflow updated = applied.workflow();
      handle[0] = updated.handle();
      boolean restored = current.workflow().isArchived() && !updated.isArchived();
      if (applied.handleChanged() || restored) {
        requireHandleFree(dsl, updated.handle(), workflowId);
      }
      writeWorkflow(dsl, updated, current.document());
      return updated;
    }));
  }

  @Override
  public Workflow archiveWorkflow(UUID workflowId, String actor) {
    return updateWorkflow(workflowId, WorkflowUpdate.by(actor).withArchived(true));
  }

  @Override
  public Workflow publishWorkflow(UUID workflowId, boolean requireLogin, String actor) {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(actor, "actor");
    Instant now = now();
    return db.inTransaction("publish workflow " + workflowId, dsl -> {
      Loaded current = loadActiveWorkflow(dsl, workflowId);
      Workflow published = current.workflow().publish(requireLogin, actor, now);
      writeWorkflow(dsl, published, current.document());
      return published;
    });
  }

  @Override
  public Workflow revokePublish(UUID workflowId, String actor) {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(actor, "actor");
    Instant now = now();
    return db.inTransaction("revoke publication of workflow " + workflowId, dsl -> {
      Loaded current = loadActiveWorkflow(dsl, workflowId);
      Workflow revoked = current.workflow().revokePublish(actor, now);
      writeWorkflow(dsl, revoked, current.document());
      return revoked;
    });
  }

  // --- Versions ----------------------------------------------------------------------------------------------

  @Override
  public WorkflowVersion createVersion(UUID workflowId, NewVersion request) {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(request, "request");
    Instant now = now();
    return db.inTransaction("create a version of workflow " + workflowId, dsl -> {
      // The workflow's row lock serialises numbering among our writers; the unique key catches anyone else.
      lockWorkflow(dsl, workflowId);
      int next = dsl.select(coalesce(max(WORKFLOW_VERSIONS.VERSION), inline(0)))
          .from(WORKFLOW_VERSIONS)
          .where(WORKFLOW_VERSIONS.WORKFLOW_ID.eq(workflowId.toString()))
          .fetchSingle(Record1::value1) + 1;
      WorkflowVersion version = request.toVersion(UUID.randomUUID(), workflowId, next, now);
      try {
        dsl.insertInto(WORKFLOW_VERSIONS)
            .set(WORKFLOW_VERSIONS.ID, version.id().toString())
            .set(WORKFLOW_VERSIONS.WORKFLOW_ID, workflowId.toString())
            .set(WORKFLOW_VERSIONS.VERSION, next)
            .set(WORKFLOW_VERSIONS.PAYLOAD, WorkflowDocuments.version(version, null))
            .set(WORKFLOW_VERSIONS.CREATED_AT, now)
            .set(WORKFLOW_VERSIONS.UPDATED_AT, now)
            .execute();
      } catch (IntegrityConstraintViolationException e) {
        throw new ConcurrentUpdateException("version " + next + " of workflow " + workflowId + " was taken");
      }
      return version;
    });
  }

  @Override
  public List<WorkflowVersion> listVersions(UUID workflowId) {
    Objects.requireNonNull(workflowId, "workflowId");
    return db.read("list versions of workflow " + workflowId, dsl -> {
      requireWorkflow(dsl, workflowId);
      return dsl.select(WORKFLOW_VERSIONS.PAYLOAD)
          .from(WORKFLOW_VERSIONS)
          .where(WORKFLOW_VERSIONS.WORKFLOW_ID.eq(workflowId.toString()))
          .orderBy(WORKFLOW_VERSIONS.VERSION)
          .fetch(r -> WorkflowDocuments.version(r.value1()));
    });
  }

  @Override
  public WorkflowVersion getVersionByNumber(UUID workflowId, int number) {
    Objects.requireNonNull(workflowId, "workflowId");
    return db.read("get version " + number + " of workflow " + workflowId, dsl -> {
      requireWorkflow(dsl, workflowId);
      return versionByNumber(dsl, workflowId, number, false).version();
    });
  }

  @Override
  public WorkflowVersion getVersion(UUID versionId) {
    Objects.requireNonNull(versionId, "versionId");
    return db.read("get version " + versionId, dsl -> versionById(dsl, versionId)
        .orElseThrow(() -> new WorkflowVersionNotFoundException(versionId.toString())));
  }

  @Override
  public WorkflowVersion getLatestVersion(UUID workflowId) {
    Objects.requireNonNull(workflowId, "workflowId");
    return db.read("get the latest version of workflow " + workflowId, dsl -> {
      requireWorkflow(dsl, workflowId);
      return latestVersion(dsl, workflowId).orElseThrow(() -> new WorkflowVersionNotFoundException("latest"));
    });
  }

  @Override
  public WorkflowVersion updateVersionRunnableConfig(UUID workflowId, int number, JsonNode runnableConfig,
      String actor) {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(actor, "actor");
    Instant now = now();
    return db.inTransaction("update the runnable config of version " + number + " of workflow " + workflowId,
        dsl -> {
          requireWorkflow(dsl, workflowId);
          LoadedVersion current = versionByNumber(dsl, workflowId, number, true);
          WorkflowVersion updated = current.version().withRunnableConfig(runnableConfig, actor, now);
          dsl.update(WORKFLOW_VERSIONS)
              .set(WORKFLOW_VERSIONS.PAYLOAD, WorkflowDocuments.version(updated, current.document()))
              .set(WORKFLOW_VERSIONS.UPDATED_AT, now)
              .where(WORKFLOW_VERSIONS.ID.eq(updated.id().toString()))
              .execute();
          return updated;
        });
  }

  @Override
  public VersionDiff diffVersions(UUID workflowId, int baseNumber, int targetNumber) {
    Objects.requireNonNull(workflowId, "workflowId");
    return db.read("diff versions " + baseNumber + " and " + targetNumber + " of workflow " + workflowId, dsl -> {
      requireWorkflow(dsl, workflowId);
      WorkflowVersion base = versionByNumber(dsl, workflowId, baseNumber, false).version();
      WorkflowVersion target = versionByNumber(dsl, workflowId, targetNumber, false).version();
      List<String> diff = UnifiedDiff.unifiedDiff(lines(base.graph()), lines(target.graph()),
          "v" + baseNumber, "v" + targetNumber);
      return new VersionDiff(baseNumber, targetNumber, diff);
    });
  }

  private static List<String> lines(JsonNode graph) {
    return Arrays.asList(PythonJson.dumpsPretty(graph).split("\n", -1));
  }

  // --- Runs --------------------------------------------------------------------------------------------------

  @Override
  public WorkflowRun createRun(NewRun request) {
    Objects.requireNonNull(request, "request");
    Instant now = now();
    return db.inTransaction("create a run of workflow " + request.workflowId(), dsl -> {
      Loaded workflow = loadWorkflow(dsl, request.workflowId(), false);
      if (workflow.workflow().isArchived()) {
        throw new WorkflowNotFoundException(request.workflowId().toString());
      }
      healthGate.ensureHealthy(request.workflowId(), request.effectiveActor());
      WorkflowVersion version = versionById(dsl, request.workflowVersionId())
          .filter(v -> v.workflowId().equals(request.workflowId()))
          .orElseThrow(() -> new WorkflowVersionNotFoundException(request.workflowVersionId().toString()));
      return insertRun(dsl, request, version, now);
    });
  }

  @Override
  public List<WorkflowRun> listRunsForWorkflow(UUID workflowId, Integer limit) {
    Objects.requireNonNull(workflowId, "workflowId");
    if (limit != null && limit < 0) {
      // Upstream's SQLite store reads a negative limit as "all" and its PostgreSQL store fails; we refuse both.
      throw new ValidationException("limit must not be negative, got " + limit);
    }
    return db.read("list runs of workflow " + workflowId, dsl -> {
      requireWorkflow(dsl, workflowId);
      var query = dsl.select(WORKFLOW_RUNS.WORKFLOW_ID, WORKFLOW_RUNS.PAYLOAD)
          .from(WORKFLOW_RUNS)
          .where(WORKFLOW_RUNS.WORKFLOW_ID.eq(workflowId.toString()))
          .orderBy(WORKFLOW_RUNS.CREATED_AT.desc(), WORKFLOW_RUNS.ID.desc());
      return (limit == null ? query.fetch() : query.limit(limit).fetch())
          .map(r -> WorkflowDocuments.run(r.value2(), UUID.fromString(r.value1())));
    });
  }

  @Override
  public Page<WorkflowRun> listRuns(UUID workflowId, PageRequest page) {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(page, "page");
    RunCursor after = page.cursor() == null ? null : RunCursor.decode(workflowId, page.cursor());
    return db.read("list a page of runs of workflow " + workflowId, dsl -> {
      requireWorkflow(dsl, workflowId);
      var ordered = dsl.select(WORKFLOW_RUNS.WORKFLOW_ID, WORKFLOW_RUNS.PAYLOAD)
          .from(WORKFLOW_RUNS)
          .where(WORKFLOW_RUNS.WORKFLOW_ID.eq(workflowId.toString()))
          .orderBy(WORKFLOW_RUNS.CREATED_AT.desc(), WORKFLOW_RUNS.ID.desc());
      // One row more than the page tells whether a next page exists without a count.
      List<WorkflowRun> runs = (after == null
          ? ordered.limit(page.limit() + 1)
          : ordered.seek(after.createdAt(), after.runId().toString()).limit(page.limit() + 1))
          .fetch(r -> WorkflowDocuments.run(r.value2(), UUID.fromString(r.value1())));
      if (runs.size() <= page.limit()) {
        return new Page<>(runs, null);
      }
      List<WorkflowRun> items = runs.subList(0, page.limit());
      WorkflowRun last = items.get(items.size() - 1);
      return new Page<>(items, RunCursor.encode(workflowId, last.createdAt(), last.id()));
    });
  }

  @Override
  public WorkflowRun getRun(UUID runId) {
    Objects.requireNonNull(runId, "runId");
    return db.read("get run " + runId, dsl -> loadRun(dsl, runId, false).run());
  }

  @Override
  public WorkflowRun markRunStarted(UUID runId, String actor) {
    return transition(runId, "start run ", run -> run.start(actor, now()));
  }

  @Override
  public WorkflowRun markRunSucceeded(UUID runId, String actor, JsonNode output) {
    return transition(runId, "mark run succeeded: ", run -> run.succeed(actor, output, now()));
  }

  @Override
  public WorkflowRun markRunFailed(UUID runId, String actor, String error) {
    return transition(runId, "mark run failed: ", run -> run.fail(actor, error, now()));
  }

  @Override
  public WorkflowRun markRunCancelled(UUID runId, String actor, String reason) {
    return transition(runId, "cancel run ", run -> run.cancel(actor, reason, now()));
  }

  private WorkflowRun transition(UUID runId, String operation,
      UnaryOperator<WorkflowRun> change) {
    Objects.requireNonNull(runId, "runId");
    return db.inTransaction(operation + runId, dsl -> {
      LoadedRun current = loadRun(dsl, runId, true);
      WorkflowRun next = change.apply(current.run());
      int updated = dsl.update(WORKFLOW_RUNS)
          .set(WORKFLOW_RUNS.STATUS, next.status().value())
          .set(WORKFLOW_RUNS.PAYLOAD, WorkflowDocuments.run(next, current.document()))
          .set(WORKFLOW_RUNS.UPDATED_AT, next.updatedAt())
          .where(WORKFLOW_RUNS.ID.eq(runId.toString()))
          .and(WORKFLOW_RUNS.STATUS.eq(current.run().status().value()))
          .execute();
      if (updated == 0) {
        throw new ConcurrentUpdateException("run " + runId + " changed status concurrently");
      }
      if (next.status() == RunStatus.SUCCEEDED || next.status() == RunStatus.CANCELLED) {
        // As upstream: success and cancellation end the retry state; a failed run keeps it for scheduleRetry.
        dsl.deleteFrom(WORKFLOW_RUN_RETRIES).where(WORKFLOW_RUN_RETRIES.RUN_ID.eq(runId.toString())).execute();
      }
      return next;
    });
  }

  // --- Webhook trigger ---------------------------------------------------------------------------------------

  @Override
  public WebhookTriggerConfig configureWebhookTrigger(UUID workflowId, WebhookTriggerConfig config) {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(config, "config");
    ObjectNode document = TriggerDocuments.toJson(config);
    db.inTransaction("configure the webhook trigger of workflow " + workflowId, dsl -> {
      requireWorkflow(dsl, workflowId);
      return upsertConfig(dsl, WEBHOOK_TRIGGERS, WEBHOOK_TRIGGERS.WORKFLOW_ID, WEBHOOK_TRIGGERS.CONFIG, workflowId,
          document);
    });
    return config;
  }

  @Override
  public WebhookTriggerConfig getWebhookTriggerConfig(UUID workflowId) {
    Objects.requireNonNull(workflowId, "workflowId");
    return db.read("get the webhook trigger of workflow " + workflowId, dsl -> {
      requireWorkflow(dsl, workflowId);
      return webhookConfig(dsl, workflowId).orElseGet(WebhookTriggerConfig::defaults);
    });
  }

  @Override
  public WorkflowRun handleWebhookTrigger(UUID workflowId, WebhookRequest request) {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(request, "request");
    Instant now = now();
    return db.inTransaction("handle a webhook call of workflow " + workflowId, dsl -> {
      requireWorkflow(dsl, workflowId);
      WorkflowVersion latest =
          latestVersion(dsl, workflowId).orElseThrow(() -> new WorkflowVersionNotFoundException("latest"));
      healthGate.ensureHealthy(workflowId, "webhook");
      WebhookTriggerConfig config = webhookConfig(dsl, workflowId).orElseGet(WebhookTriggerConfig::defaults);
      ObjectNode input = JSON.objectNode();
      input.set("body", request.body());
      ObjectNode headers = input.putObject("headers");
      request.headers().forEach((name, value) -> {
        String lower = name.toLowerCase(Locale.ROOT);
        // The secrets that authenticated the call are not part of the run's input.
        if (!lower.equals(config.sharedSecretHeader()) && !lower.equals(config.hmacHeader())) {
          headers.put(lower, value);
        }
      });
      ObjectNode query = input.putObject("query_params");
      request.queryParams().forEach(query::put);
      input.put("source_ip", request.sourceIp());
      NewRun run = new NewRun(workflowId, latest.id(), "webhook", input, "webhook", null);
      return insertRun(dsl, run, latest, now);
    });
  }

  // --- Cron trigger ------------------------------------------------------------------------------------------

  @Override
  public CronTriggerConfig configureCronTrigger(UUID workflowId, CronTriggerConfig config) {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(config, "config");
    ObjectNode document = TriggerDocuments.toJson(config);
    db.inTransaction("configure the cron trigger of workflow " + workflowId, dsl -> {
      requireWorkflow(dsl, workflowId);
      // The cursor (last_dispatched_at) stays; the anchor is dropped so a schedule that never fired counts afresh.
      return dsl.insertInto(CRON_TRIGGERS)
          .set(CRON_TRIGGERS.WORKFLOW_ID, workflowId.toString())
          .set(CRON_TRIGGERS.CONFIG, document)
          .onConflict(CRON_TRIGGERS.WORKFLOW_ID)
          .doUpdate()
          .set(CRON_TRIGGERS.CONFIG, excluded(CRON_TRIGGERS.CONFIG))
          .setNull(CRON_TRIGGERS.ANCHORED_AT)
          .execute();
    });
    return config;
  }

  @Override
  public CronTriggerConfig getCronTriggerConfig(UUID workflowId) {
    Objects.requireNonNull(workflowId, "workflowId");
    return db.read("get the cron trigger of workflow " + workflowId, dsl -> {
      requireWorkflow(dsl, workflowId);
      return dsl.select(CRON_TRIGGERS.CONFIG)
          .from(CRON_TRIGGERS)
          .where(CRON_TRIGGERS.WORKFLOW_ID.eq(workflowId.toString()))
          .fetchOptional(r -> stored("cron trigger of workflow " + workflowId,
              () -> TriggerDocuments.cronFromJson(r.value1())))
          .orElseThrow(() -> new CronTriggerNotFoundException(
              "Workflow " + workflowId + " has no cron trigger configured"));
    });
  }

  @Override
  public void deleteCronTrigger(UUID workflowId) {
    Objects.requireNonNull(workflowId, "workflowId");
    db.inTransaction("delete the cron trigger of workflow " + workflowId, dsl -> {
      requireWorkflow(dsl, workflowId);
      return dsl.deleteFrom(CRON_TRIGGERS).where(CRON_TRIGGERS.WORKFLOW_ID.eq(workflowId.toString())).execute();
    });
  }

  @Override
  public List<WorkflowRun> dispatchDueCronRuns(Instant now) {
    Instant at = UpstreamTimestamps.normalize(now == null ? clock.instant() : now);
    Instant created = now();
    return db.inTransaction("dispatch due cron runs", dsl -> cron.dispatch(dsl, at, created));
  }

  // --- Manual dispatch ---------------------------------------------------------------------------------------

  @Override
  public List<WorkflowRun> dispatchManualRuns(ManualDispatchRequest request) {
    Objects.requireNonNull(request, "request");
    UUID workflowId = request.workflowId();
    Instant now = now();
    return db.inTransaction("dispatch manual runs of workflow " + workflowId, dsl -> {
      requireWorkflow(dsl, workflowId);
      WorkflowVersion latest = latestVersion(dsl, workflowId)
          .orElseThrow(() -> new WorkflowVersionNotFoundException(workflowId.toString()));
      healthGate.ensureHealthy(workflowId, request.actor());
      List<WorkflowVersion> versions = new ArrayList<>();
      for (ManualRunItem item : request.runs()) {
        versions.add(item.workflowVersionId() == null ? latest : versionById(dsl, item.workflowVersionId())
            .filter(v -> v.workflowId().equals(workflowId))
            .orElseThrow(() -> new WorkflowVersionNotFoundException(item.workflowVersionId().toString())));
      }
      List<WorkflowRun> runs = new ArrayList<>();
      for (int i = 0; i < versions.size(); i++) {
        WorkflowVersion version = versions.get(i);
        NewRun run = new NewRun(workflowId, version.id(), request.triggeredBy(),
            request.runs().get(i).inputPayload(), request.actor(), null);
        runs.add(insertRun(dsl, run, version, now));
      }
      return runs;
    });
  }

  // --- Retry policy ------------------------------------------------------------------------------------------

  @Override
  public RetryPolicyConfig configureRetryPolicy(UUID workflowId, RetryPolicyConfig config) {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(config, "config");
    ObjectNode document = TriggerDocuments.toJson(config);
    db.inTransaction("configure the retry policy of workflow " + workflowId, dsl -> {
      requireWorkflow(dsl, workflowId);
      return upsertConfig(dsl, RETRY_POLICIES, RETRY_POLICIES.WORKFLOW_ID, RETRY_POLICIES.CONFIG, workflowId,
          document);
    });
    return config;
  }

  @Override
  public RetryPolicyConfig getRetryPolicyConfig(UUID workflowId) {
    Objects.requireNonNull(workflowId, "workflowId");
    return db.read("get the retry policy of workflow " + workflowId, dsl -> {
      requireWorkflow(dsl, workflowId);
      return retryPolicy(dsl, workflowId);
    });
  }

  @Override
  public Optional<RetryDecision> scheduleRetryForRun(UUID runId, Instant failedAt) {
    Objects.requireNonNull(runId, "runId");
    Instant failed = UpstreamTimestamps.normalize(failedAt == null ? clock.instant() : failedAt);
    Instant now = now();
    return db.inTransaction("schedule a retry of run " + runId, dsl -> {
      LoadedRun run = loadRun(dsl, runId, true);
      RunStatus status = run.run().status();
      if (status == RunStatus.SUCCEEDED || status == RunStatus.CANCELLED) {
        return Optional.empty();
      }
      var state = dsl.select(WORKFLOW_RUN_RETRIES.POLICY, WORKFLOW_RUN_RETRIES.RETRIES_SCHEDULED)
          .from(WORKFLOW_RUN_RETRIES)
          .where(WORKFLOW_RUN_RETRIES.RUN_ID.eq(runId.toString()))
          .fetchOptional();
      RetryPolicyConfig policy;
      int scheduled;
      if (state.isPresent()) {
        policy = stored("retry state of run " + runId, () -> TriggerDocuments.retryFromJson(state.get().value1()));
        scheduled = state.get().value2();
      } else {
        // A run created by upstream, which kept its count in memory: start counting under the current policy.
        policy = retryPolicy(dsl, run.run().workflowId());
        scheduled = 0;
        insertRetryState(dsl, runId, policy, now);
      }
      Optional<RetryDecision> decision =
          policy.decide(scheduled, failed, () -> ThreadLocalRandom.current().nextDouble());
      if (decision.isPresent()) {
        int moved = dsl.update(WORKFLOW_RUN_RETRIES)
            .set(WORKFLOW_RUN_RETRIES.RETRIES_SCHEDULED, scheduled + 1)
            .set(WORKFLOW_RUN_RETRIES.UPDATED_AT, now)
            .where(WORKFLOW_RUN_RETRIES.RUN_ID.eq(runId.toString()))
            .and(WORKFLOW_RUN_RETRIES.RETRIES_SCHEDULED.eq(scheduled))
            .execute();
        if (moved == 0) {
          throw new ConcurrentUpdateException("retry count of run " + runId + " changed concurrently");
        }
      }
      return decision;
    });
  }

  // --- Shared steps ------------------------------------------------------------------------------------------

  private Instant now() {
    return UpstreamTimestamps.normalize(clock.instant());
  }

  /** Upstream's friendly check; the partial unique index is what holds when two writers race. */
  private static void requireHandleFree(DSLContext dsl, String handle, UUID self) {
    if (handle == null) {
      return;
    }
    var owner = WORKFLOWS.HANDLE.eq(handle).and(WORKFLOWS.IS_ARCHIVED.eq(false));
    // Text against text: upstream's PostgreSQL store compared the TEXT id to a uuid and failed every rename.
    if (self != null) {
      owner = owner.and(WORKFLOWS.ID.ne(self.toString()));
    }
    if (dsl.fetchExists(WORKFLOWS, owner)) {
      throw new WorkflowHandleConflictException(handle);
    }
  }

  private static <T> T withHandleGuard(String handle, Supplier<T> work) {
    return withHandleGuard(() -> handle, work);
  }

  /**
   * Maps the unique-index violation of a workflow write to {@link WorkflowHandleConflictException}: the only
   * unique key such a write can break besides a random UUID primary key.
   */
  private static <T> T withHandleGuard(Supplier<String> handle,
      Supplier<T> work) {
    try {
      return work.get();
    } catch (WorkflowHandleConflictException | WorkflowPublishStateException e) {
      throw e;
    } catch (ConflictException e) {
      throw new WorkflowHandleConflictException(handle.get(), e);
    }
  }

}
