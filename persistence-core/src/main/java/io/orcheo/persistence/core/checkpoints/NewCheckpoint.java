package io.orcheo.persistence.core.checkpoints;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.ValidationException;
import java.time.Instant;

/**
 * What {@link AgentensorCheckpointStore#recordCheckpoint} needs; validated here, before any database access, as
 * upstream validates its model before writing.
 *
 * @param workflowId 1–128 characters
 * @param runnableConfig the config, or {@code null} for {@code {}}
 * @param metrics the metrics, or {@code null} for {@code {}}
 * @param metadata details, or {@code null} for {@code {}}
 * @param artifactUrl or {@code null}
 * @param isBest whether this becomes the workflow's best checkpoint (clearing the previous best)
 * @param configVersion an explicit version (1 or more), or {@code null} for the workflow's highest + 1
 */
public record NewCheckpoint(
    String workflowId, ObjectNode runnableConfig, ObjectNode metrics, ObjectNode metadata, String artifactUrl,
    boolean isBest, Integer configVersion) {

  /** The longest workflow id upstream's model accepts. */
  public static final int MAX_WORKFLOW_ID_LENGTH = 128;

  public NewCheckpoint {
    requireWorkflowId(workflowId);
    if (configVersion != null) {
      requireVersion(configVersion);
    }
    runnableConfig = copy(runnableConfig);
    metrics = copy(metrics);
    metadata = copy(metadata);
  }

  /** A checkpoint of the next version, not best. */
  public static NewCheckpoint of(String workflowId, ObjectNode runnableConfig, ObjectNode metrics) {
    return new NewCheckpoint(workflowId, runnableConfig, metrics, null, null, false, null);
  }

  /** This request marked best. */
  public NewCheckpoint asBest() {
    return new NewCheckpoint(workflowId, runnableConfig, metrics, metadata, artifactUrl, true, configVersion);
  }

  /** This request with an explicit version. */
  public NewCheckpoint withConfigVersion(int version) {
    return new NewCheckpoint(workflowId, runnableConfig, metrics, metadata, artifactUrl, isBest, version);
  }

  /** This request with metadata. */
  public NewCheckpoint withMetadata(ObjectNode metadata) {
    return new NewCheckpoint(workflowId, runnableConfig, metrics, metadata, artifactUrl, isBest, configVersion);
  }

  /** This request with an artifact link. */
  public NewCheckpoint withArtifactUrl(String artifactUrl) {
    return new NewCheckpoint(workflowId, runnableConfig, metrics, metadata, artifactUrl, isBest, configVersion);
  }

  /** The checkpoint this request records as {@code version}, with {@code id}, at {@code now}. */
  public AgentensorCheckpoint toCheckpoint(String id, int version, Instant now) {
    return new AgentensorCheckpoint(id, workflowId, version, runnableConfig, metrics, metadata, artifactUrl, isBest,
        now);
  }

  static void requireWorkflowId(String workflowId) {
    if (workflowId == null || workflowId.isEmpty() || workflowId.length() > MAX_WORKFLOW_ID_LENGTH) {
      throw new ValidationException("workflow_id must be 1 to " + MAX_WORKFLOW_ID_LENGTH + " characters, got "
          + (workflowId == null ? "none" : workflowId.length()));
    }
  }

  static void requireVersion(int version) {
    if (version < 1) {
      throw new ValidationException("config_version must be at least 1, got " + version);
    }
  }

  private static ObjectNode copy(ObjectNode node) {
    return node == null ? JsonNodeFactory.instance.objectNode() : node.deepCopy();
  }
}
