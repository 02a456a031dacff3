package io.orcheo.persistence.core.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What {@link WorkflowRepository#createVersion} needs. The repository assigns the number.
 *
 * @param graph the graph document (an object)
 * @param metadata free-form details, or {@code null} for none
 * @param runnableConfig the default runnable config of the version's runs; {@code null} or {@code {}} store none
 * @param notes or {@code null}
 * @param mermaid a Mermaid rendering, or {@code null}
 * @param createdBy who creates it
 */
public record NewVersion(
    JsonNode graph, ObjectNode metadata, JsonNode runnableConfig, String notes, String mermaid, String createdBy) {

  public NewVersion {
    Objects.requireNonNull(graph, "graph");
    if (!graph.isObject()) {
      throw new ValidationException("A version's graph must be a JSON object");
    }
    graph = graph.deepCopy();
    metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata.deepCopy();
    // Upstream stores an empty config as none; update_version_runnable_config, by contrast, keeps {}.
    runnableConfig = runnableConfig == null || runnableConfig.isNull() || runnableConfig.isEmpty()
        ? null : runnableConfig.deepCopy();
    Objects.requireNonNull(createdBy, "createdBy");
  }

  /** A version with only a graph. */
  public static NewVersion of(JsonNode graph, String createdBy) {
    return new NewVersion(graph, null, null, null, null, createdBy);
  }

  /** This request with {@code runnableConfig}. */
  public NewVersion withRunnableConfig(JsonNode runnableConfig) {
    return new NewVersion(graph, metadata, runnableConfig, notes, mermaid, createdBy);
  }

  /** This request with {@code metadata}. */
  public NewVersion withMetadata(ObjectNode metadata) {
    return new NewVersion(graph, metadata, runnableConfig, notes, mermaid, createdBy);
  }

  /** This request with {@code notes}. */
  public NewVersion withNotes(String notes) {
    return new NewVersion(graph, metadata, runnableConfig, notes, mermaid, createdBy);
  }

  /** The version this request creates as number {@code number}, with its {@code version_created} event. */
  public WorkflowVersion toVersion(UUID id, UUID workflowId, int number, Instant now) {
    return new WorkflowVersion(id, workflowId, number, graph, mermaid, metadata, runnableConfig, createdBy, notes, now,
        now, List.of(AuditRecord.of(createdBy, "version_created", now)));
  }
}
