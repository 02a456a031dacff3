package io.orcheo.persistence.core.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A numbered version of a workflow's graph, as stored in upstream's {@code workflow_versions.payload}. Immutable;
 * the JSON values are copies.
 *
 * @param id the version's UUID
 * @param workflowId the workflow it belongs to
 * @param version 1, 2, 3… in creation order within the workflow
 * @param graph the graph document
 * @param mermaid a Mermaid rendering of the graph, or {@code null}
 * @param metadata free-form details
 * @param runnableConfig the default runnable config of runs of this version, kept verbatim, or {@code null}
 * @param createdBy who created it
 * @param notes or {@code null}
 * @param createdAt creation time
 * @param updatedAt time of the last event
 * @param auditLog every event, oldest first
 */
public record WorkflowVersion(
    UUID id,
    UUID workflowId,
    int version,
    JsonNode graph,
    String mermaid,
    ObjectNode metadata,
    JsonNode runnableConfig,
    String createdBy,
    String notes,
    Instant createdAt,
    Instant updatedAt,
    List<AuditRecord> auditLog) {

  public WorkflowVersion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workflowId, "workflowId");
    if (version < 1) {
      throw new ValidationException("Version numbers start at 1, got " + version);
    }
    graph = Objects.requireNonNull(graph, "graph").deepCopy();
    metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata.deepCopy();
    runnableConfig = runnableConfig == null || runnableConfig.isNull() ? null : runnableConfig.deepCopy();
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    auditLog = List.copyOf(auditLog == null ? List.of() : auditLog);
  }

  @Override
  public JsonNode graph() {
    return graph.deepCopy();
  }

  @Override
  public ObjectNode metadata() {
    return metadata.deepCopy();
  }

  @Override
  public JsonNode runnableConfig() {
    return runnableConfig == null ? null : runnableConfig.deepCopy();
  }

  /**
   * This version with its runnable config replaced ({@code null} removes it; {@code {}} is kept as {@code {}}) and
   * a {@code version_runnable_config_updated} event.
   */
  public WorkflowVersion withRunnableConfig(JsonNode config, String actor, Instant now) {
    List<AuditRecord> log = new ArrayList<>(auditLog);
    log.add(AuditRecord.of(actor, "version_runnable_config_updated", now));
    return new WorkflowVersion(id, workflowId, version, graph, mermaid, metadata, config, createdBy, notes, createdAt,
        now, log);
  }
}
