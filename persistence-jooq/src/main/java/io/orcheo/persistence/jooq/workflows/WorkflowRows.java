package io.orcheo.persistence.jooq.workflows;

import static io.orcheo.persistence.jooq.generated.Tables.RETRY_POLICIES;
import static io.orcheo.persistence.jooq.generated.Tables.WEBHOOK_TRIGGERS;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOWS;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOW_RUNS;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOW_RUN_RETRIES;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOW_VERSIONS;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.inline;

import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.core.error.StorageException;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.workflows.NewRun;
import io.orcheo.persistence.core.workflows.Workflow;
import io.orcheo.persistence.core.workflows.WorkflowNotFoundException;
import io.orcheo.persistence.core.workflows.WorkflowRun;
import io.orcheo.persistence.core.workflows.WorkflowRunNotFoundException;
import io.orcheo.persistence.core.workflows.WorkflowVersion;
import io.orcheo.persistence.core.workflows.WorkflowVersionNotFoundException;
import io.orcheo.persistence.core.workflows.triggers.RetryPolicyConfig;
import io.orcheo.persistence.core.workflows.triggers.WebhookTriggerConfig;
import io.orcheo.persistence.jooq.runtime.RowLocks;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * The row reads and writes the repository's operations share, each inside the caller's transaction. Loads that
 * precede a write can lock the row ({@link RowLocks}), so the check and the write see the same state.
 */
final class WorkflowRows {
  private WorkflowRows() {}

  // A loaded row keeps the document it was read from, so that writing it back keeps fields this code does not know.

  record Loaded(Workflow workflow, JsonNode document) {}

  record LoadedVersion(WorkflowVersion version, JsonNode document) {}

  record LoadedRun(WorkflowRun run, JsonNode document) {}

  static Loaded loadWorkflow(DSLContext dsl, UUID workflowId, boolean lock) {
    var select = dsl.select(WORKFLOWS.PAYLOAD).from(WORKFLOWS).where(WORKFLOWS.ID.eq(workflowId.toString()));
    JsonNode document = (lock ? RowLocks.forUpdate(dsl, select) : select)
        .fetchOptional(Record1::value1)
        .orElseThrow(() -> new WorkflowNotFoundException(workflowId.toString()));
    return new Loaded(WorkflowDocuments.workflow(document), document);
  }

  /** Publication applies to active workflows only: an archived one is reported missing, as upstream. */
  static Loaded loadActiveWorkflow(DSLContext dsl, UUID workflowId) {
    Loaded loaded = loadWorkflow(dsl, workflowId, true);
    if (loaded.workflow().isArchived()) {
      throw new WorkflowNotFoundException(workflowId.toString());
    }
    return loaded;
  }

  static void lockWorkflow(DSLContext dsl, UUID workflowId) {
    RowLocks.forUpdate(dsl, dsl.select(WORKFLOWS.ID).from(WORKFLOWS).where(WORKFLOWS.ID.eq(workflowId.toString())))
        .fetchOptional()
        .orElseThrow(() -> new WorkflowNotFoundException(workflowId.toString()));
  }

  static boolean workflowExists(DSLContext dsl, UUID workflowId) {
    return dsl.fetchExists(WORKFLOWS, WORKFLOWS.ID.eq(workflowId.toString()));
  }

  static void requireWorkflow(DSLContext dsl, UUID workflowId) {
    if (!workflowExists(dsl, workflowId)) {
      throw new WorkflowNotFoundException(workflowId.toString());
    }
  }

  static void writeWorkflow(DSLContext dsl, Workflow workflow, JsonNode stored) {
    dsl.update(WORKFLOWS)
        .set(WORKFLOWS.HANDLE, workflow.handle())
        .set(WORKFLOWS.IS_ARCHIVED, workflow.isArchived())
        .set(WORKFLOWS.PAYLOAD, WorkflowDocuments.workflow(workflow, stored))
        .set(WORKFLOWS.UPDATED_AT, workflow.updatedAt())
        .where(WORKFLOWS.ID.eq(workflow.id().toString()))
        .execute();
  }

  static LoadedVersion versionByNumber(DSLContext dsl, UUID workflowId, int number, boolean lock) {
    var select = dsl.select(WORKFLOW_VERSIONS.PAYLOAD)
        .from(WORKFLOW_VERSIONS)
        .where(WORKFLOW_VERSIONS.WORKFLOW_ID.eq(workflowId.toString()))
        .and(WORKFLOW_VERSIONS.VERSION.eq(number));
    JsonNode document = (lock ? RowLocks.forUpdate(dsl, select) : select)
        .fetchOptional(Record1::value1)
        .orElseThrow(() -> new WorkflowVersionNotFoundException("v" + number));
    return new LoadedVersion(WorkflowDocuments.version(document), document);
  }

  static Optional<WorkflowVersion> versionById(DSLContext dsl, UUID versionId) {
    return dsl.select(WORKFLOW_VERSIONS.PAYLOAD)
        .from(WORKFLOW_VERSIONS)
        .where(WORKFLOW_VERSIONS.ID.eq(versionId.toString()))
        .fetchOptional(r -> WorkflowDocuments.version(r.value1()));
  }

  static Optional<WorkflowVersion> latestVersion(DSLContext dsl, UUID workflowId) {
    return dsl.select(WORKFLOW_VERSIONS.PAYLOAD)
        .from(WORKFLOW_VERSIONS)
        .where(WORKFLOW_VERSIONS.WORKFLOW_ID.eq(workflowId.toString()))
        .orderBy(WORKFLOW_VERSIONS.VERSION.desc())
        .limit(inline(1))
        .fetchOptional(r -> WorkflowDocuments.version(r.value1()));
  }

  static LoadedRun loadRun(DSLContext dsl, UUID runId, boolean lock) {
    var select = dsl.select(WORKFLOW_RUNS.WORKFLOW_ID, WORKFLOW_RUNS.PAYLOAD)
        .from(WORKFLOW_RUNS)
        .where(WORKFLOW_RUNS.ID.eq(runId.toString()));
    var row = (lock ? RowLocks.forUpdate(dsl, select) : select)
        .fetchOptional()
        .orElseThrow(() -> new WorkflowRunNotFoundException(runId.toString()));
    return new LoadedRun(WorkflowDocuments.run(row.value2(), UUID.fromString(row.value1())), row.value2());
  }

  /** Inserts the run and its retry state (the workflow's policy as of now, which the run keeps). */
  static WorkflowRun insertRun(DSLContext dsl, NewRun request, WorkflowVersion version, Instant now) {
    WorkflowRun run = request.toRun(UUID.randomUUID(), version, now);
    dsl.insertInto(WORKFLOW_RUNS)
        .set(WORKFLOW_RUNS.ID, run.id().toString())
        .set(WORKFLOW_RUNS.WORKFLOW_ID, run.workflowId().toString())
        .set(WORKFLOW_RUNS.WORKFLOW_VERSION_ID, run.workflowVersionId().toString())
        .set(WORKFLOW_RUNS.STATUS, run.status().value())
        .set(WORKFLOW_RUNS.TRIGGERED_BY, run.triggeredBy())
        .set(WORKFLOW_RUNS.PAYLOAD, WorkflowDocuments.run(run, null))
        .set(WORKFLOW_RUNS.CREATED_AT, now)
        .set(WORKFLOW_RUNS.UPDATED_AT, now)
        .execute();
    insertRetryState(dsl, run.id(), retryPolicy(dsl, run.workflowId()), now);
    return run;
  }

  static void insertRetryState(DSLContext dsl, UUID runId, RetryPolicyConfig policy, Instant now) {
    dsl.insertInto(WORKFLOW_RUN_RETRIES)
        .set(WORKFLOW_RUN_RETRIES.RUN_ID, runId.toString())
        .set(WORKFLOW_RUN_RETRIES.POLICY, TriggerDocuments.toJson(policy))
        .set(WORKFLOW_RUN_RETRIES.RETRIES_SCHEDULED, 0)
        .set(WORKFLOW_RUN_RETRIES.UPDATED_AT, now)
        .execute();
  }

  static RetryPolicyConfig retryPolicy(DSLContext dsl, UUID workflowId) {
    return dsl.select(RETRY_POLICIES.CONFIG)
        .from(RETRY_POLICIES)
        .where(RETRY_POLICIES.WORKFLOW_ID.eq(workflowId.toString()))
        .fetchOptional(r -> stored("retry policy of workflow " + workflowId,
            () -> TriggerDocuments.retryFromJson(r.value1())))
        .orElseGet(RetryPolicyConfig::defaults);
  }

  static Optional<WebhookTriggerConfig> webhookConfig(DSLContext dsl, UUID workflowId) {
    return dsl.select(WEBHOOK_TRIGGERS.CONFIG)
        .from(WEBHOOK_TRIGGERS)
        .where(WEBHOOK_TRIGGERS.WORKFLOW_ID.eq(workflowId.toString()))
        .fetchOptional(r -> stored("webhook trigger of workflow " + workflowId,
            () -> TriggerDocuments.webhookFromJson(r.value1())));
  }

  /** Stores a workflow's trigger or retry document, replacing the previous one: upstream's upsert, column for column. */
  static <R extends Record> int upsertConfig(DSLContext dsl, Table<R> table, TableField<R, String> workflowIdField,
      TableField<R, JsonNode> configField, UUID workflowId, JsonNode config) {
    return dsl.insertInto(table)
        .set(workflowIdField, workflowId.toString())
        .set(configField, config)
        .onConflict(workflowIdField)
        .doUpdate()
        .set(configField, excluded(configField))
        .execute();
  }

  /**
   * Reads a stored trigger or policy document. One the configuration rules refuse (written by a newer upstream, or by
   * hand) is the database's problem, not the caller's: it is reported as a {@link StorageException} naming the row,
   * not as the {@link ValidationException} a caller's own invalid config gets.
   */
  static <T> T stored(String what, Supplier<T> read) {
    try {
      return read.get();
    } catch (ValidationException e) {
      throw new StorageException("Stored " + what + " cannot be read: " + e.getMessage(), null, e);
    }
  }
}
