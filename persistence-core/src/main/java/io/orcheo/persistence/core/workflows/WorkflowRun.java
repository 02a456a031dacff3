package io.orcheo.persistence.core.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A run of a workflow version, as stored in upstream's {@code workflow_runs} row. Immutable; the JSON values are
 * copies. The transition methods ({@link #start}, {@link #succeed}, {@link #fail}, {@link #cancel}) return the next
 * state or throw a {@link io.orcheo.persistence.core.error.ValidationException} with upstream's message.
 *
 * @param id the run's UUID; also the run-history execution id
 * @param workflowId the workflow (kept in a column only: upstream's payload has no such field)
 * @param workflowVersionId the version that runs
 * @param status the state
 * @param triggeredBy {@code manual}, {@code manual_batch}, {@code webhook}, {@code cron}, a label…
 * @param inputPayload the input document
 * @param runnableConfig the merged runnable config, without defaults and nulls
 * @param tags from the merged config
 * @param callbacks from the merged config
 * @param metadata from the merged config
 * @param runName from the merged config, or {@code null}
 * @param outputPayload set on success, else {@code null}
 * @param startedAt set when started
 * @param completedAt set on success, failure or cancellation
 * @param error the failure message or the cancellation reason
 * @param createdAt creation time
 * @param updatedAt time of the last event
 * @param auditLog every event, oldest first
 */
public record WorkflowRun(
    UUID id,
    UUID workflowId,
    UUID workflowVersionId,
    RunStatus status,
    String triggeredBy,
    JsonNode inputPayload,
    ObjectNode runnableConfig,
    List<String> tags,
    ArrayNode callbacks,
    ObjectNode metadata,
    String runName,
    JsonNode outputPayload,
    Instant startedAt,
    Instant completedAt,
    String error,
    Instant createdAt,
    Instant updatedAt,
    List<AuditRecord> auditLog) {

  public WorkflowRun {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(workflowVersionId, "workflowVersionId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(triggeredBy, "triggeredBy");
    inputPayload = inputPayload == null ? JsonNodeFactory.instance.objectNode() : inputPayload.deepCopy();
    runnableConfig = runnableConfig == null ? JsonNodeFactory.instance.objectNode() : runnableConfig.deepCopy();
    tags = List.copyOf(tags == null ? List.of() : tags);
    callbacks = callbacks == null ? JsonNodeFactory.instance.arrayNode() : callbacks.deepCopy();
    metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata.deepCopy();
    outputPayload = outputPayload == null || outputPayload.isNull() ? null : outputPayload.deepCopy();
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    auditLog = List.copyOf(auditLog == null ? List.of() : auditLog);
  }

  @Override
  public JsonNode inputPayload() {
    return inputPayload.deepCopy();
  }

  @Override
  public ObjectNode runnableConfig() {
    return runnableConfig.deepCopy();
  }

  @Override
  public ArrayNode callbacks() {
    return callbacks.deepCopy();
  }

  @Override
  public ObjectNode metadata() {
    return metadata.deepCopy();
  }

  @Override
  public JsonNode outputPayload() {
    return outputPayload == null ? null : outputPayload.deepCopy();
  }

  /** pending → running: sets {@code started_at}; event {@code run_started}. */
  public WorkflowRun start(String actor, Instant now) {
    status.requireCanStart();
    return next(RunStatus.RUNNING, outputPayload, now, completedAt, error, AuditRecord.of(actor, "run_started", now));
  }

  /** running → succeeded: sets {@code completed_at} and the output ({@code {}} when null); clears the error. */
  public WorkflowRun succeed(String actor, JsonNode output, Instant now) {
    status.requireCanSucceed();
    JsonNode stored = output == null || output.isNull() ? JsonNodeFactory.instance.objectNode() : output;
    return next(RunStatus.SUCCEEDED, stored, startedAt, now, null, AuditRecord.of(actor, "run_succeeded", now));
  }

  /** pending or running → failed: sets {@code completed_at} and the error; event {@code run_failed {error}}. */
  public WorkflowRun fail(String actor, String error, Instant now) {
    status.requireCanFail();
    ObjectNode details = JsonNodeFactory.instance.objectNode().put("error", error);
    return next(RunStatus.FAILED, outputPayload, startedAt, now, error,
        new AuditRecord(actor, "run_failed", now, details));
  }

  /** Any non-terminal state → cancelled: the reason goes to {@code error}; event {@code run_cancelled {reason?}}. */
  public WorkflowRun cancel(String actor, String reason, Instant now) {
    status.requireCanCancel();
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    if (reason != null) {
      details.put("reason", reason);
    }
    return next(RunStatus.CANCELLED, outputPayload, startedAt, now, reason,
        new AuditRecord(actor, "run_cancelled", now, details));
  }

  private WorkflowRun next(RunStatus status, JsonNode output, Instant startedAt, Instant completedAt, String error,
      AuditRecord event) {
    List<AuditRecord> log = new ArrayList<>(auditLog);
    log.add(event);
    return new WorkflowRun(id, workflowId, workflowVersionId, status, triggeredBy, inputPayload, runnableConfig, tags,
        callbacks, metadata, runName, output, startedAt, completedAt, error, createdAt, event.at(), log);
  }
}
