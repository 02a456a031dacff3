package io.orcheo.persistence.core.checkpoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A training checkpoint of a workflow's runnable config, as upstream's {@code agentensor_checkpoints} row holds it.
 * Immutable; the JSON values are copies.
 *
 * @param id the checkpoint's id (a UUID in upstream's rows)
 * @param workflowId the workflow, 1–128 characters
 * @param configVersion 1 or more; not necessarily unique within the workflow
 * @param runnableConfig the config this checkpoint holds
 * @param metrics what training measured, for example {@code {"accuracy": 0.93}}
 * @param metadata free-form details
 * @param artifactUrl a link to stored artifacts, or {@code null}
 * @param isBest whether it is the workflow's best checkpoint (at most one is)
 * @param createdAt when it was recorded
 */
public record AgentensorCheckpoint(
    String id,
    String workflowId,
    int configVersion,
    ObjectNode runnableConfig,
    ObjectNode metrics,
    ObjectNode metadata,
    String artifactUrl,
    boolean isBest,
    Instant createdAt) {

  public AgentensorCheckpoint {
    Objects.requireNonNull(id, "id");
    NewCheckpoint.requireWorkflowId(workflowId);
    NewCheckpoint.requireVersion(configVersion);
    runnableConfig = copy(runnableConfig);
    metrics = copy(metrics);
    metadata = copy(metadata);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  private static ObjectNode copy(ObjectNode node) {
    return node == null ? JsonNodeFactory.instance.objectNode() : node.deepCopy();
  }

  @Override
  public ObjectNode runnableConfig() {
    return runnableConfig.deepCopy();
  }

  @Override
  public ObjectNode metrics() {
    return metrics.deepCopy();
  }

  @Override
  public ObjectNode metadata() {
    return metadata.deepCopy();
  }

  /** The metric {@code name}, or a missing node. */
  public JsonNode metric(String name) {
    return metrics.path(name).deepCopy();
  }
}
