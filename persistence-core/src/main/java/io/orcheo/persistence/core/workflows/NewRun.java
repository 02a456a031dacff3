package io.orcheo.persistence.core.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What {@link WorkflowRepository#createRun} needs.
 *
 * @param workflowId the workflow; it must exist and not be archived
 * @param workflowVersionId the version to run; it must belong to the workflow
 * @param triggeredBy a label such as {@code manual}, {@code webhook} or {@code cron}
 * @param inputPayload the input document, or {@code null} for {@code {}}
 * @param actor who creates it, or {@code null} for {@code triggeredBy}
 * @param runnableConfig overrides of the version's runnable config, or {@code null}/{@code {}} for none
 */
public record NewRun(
    UUID workflowId, UUID workflowVersionId, String triggeredBy, JsonNode inputPayload, String actor,
    JsonNode runnableConfig) {

  public NewRun {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(workflowVersionId, "workflowVersionId");
    Objects.requireNonNull(triggeredBy, "triggeredBy");
    inputPayload = inputPayload == null ? JsonNodeFactory.instance.objectNode() : inputPayload.deepCopy();
    runnableConfig = runnableConfig == null || runnableConfig.isNull() ? null : runnableConfig.deepCopy();
  }

  /** A run of {@code workflowVersionId} without config overrides. */
  public static NewRun of(UUID workflowId, UUID workflowVersionId, String triggeredBy, JsonNode inputPayload) {
    return new NewRun(workflowId, workflowVersionId, triggeredBy, inputPayload, null, null);
  }

  /** This request by {@code actor}. */
  public NewRun withActor(String actor) {
    return new NewRun(workflowId, workflowVersionId, triggeredBy, inputPayload, actor, runnableConfig);
  }

  /** This request with config overrides. */
  public NewRun withRunnableConfig(JsonNode runnableConfig) {
    return new NewRun(workflowId, workflowVersionId, triggeredBy, inputPayload, actor, runnableConfig);
  }

  /** Who the {@code run_created} event names: the actor, else the trigger label. */
  public String effectiveActor() {
    return actor != null ? actor : triggeredBy;
  }

  /**
   * The pending run this request creates, with the version's runnable config merged under the overrides.
   *
   * @throws io.orcheo.persistence.core.error.ValidationException if either config breaks the runnable-config rules
   */
  public WorkflowRun toRun(UUID id, WorkflowVersion version, Instant now) {
    MergedRunConfig merged = RunnableConfigs.merge(version.runnableConfig(), runnableConfig);
    return new WorkflowRun(id, workflowId, workflowVersionId, RunStatus.PENDING, triggeredBy, inputPayload,
        merged.runnableConfig(), merged.tags(), merged.callbacks(), merged.metadata(), merged.runName(), null, null,
        null, null, now, now, List.of(AuditRecord.of(effectiveActor(), "run_created", now)));
  }
}
