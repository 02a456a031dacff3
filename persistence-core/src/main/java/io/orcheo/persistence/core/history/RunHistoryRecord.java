package io.orcheo.persistence.core.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An execution's history without its steps: upstream's {@code execution_history} row. Immutable; JSON values are
 * copies.
 *
 * @param executionId the caller's id (the worker uses the run id)
 * @param workflowId the workflow, as the caller named it
 * @param inputs the normalised inputs
 * @param runnableConfig the normalised runnable config
 * @param tags the run's tags
 * @param callbacks the run's callbacks
 * @param metadata the run's metadata
 * @param runName or {@code null}
 * @param status where the execution stands
 * @param startedAt when it started
 * @param completedAt when it was last marked, or {@code null}
 * @param error the failure message or the cancellation reason, or {@code null}
 * @param traceId the tracing span id, or {@code null}
 * @param traceStartedAt when the trace started
 * @param traceCompletedAt when the trace completed, or {@code null}
 * @param traceLastSpanAt the time of the last step (or of the start, or of the completion)
 */
public record RunHistoryRecord(
    String executionId,
    String workflowId,
    ObjectNode inputs,
    ObjectNode runnableConfig,
    List<String> tags,
    ArrayNode callbacks,
    ObjectNode metadata,
    String runName,
    HistoryStatus status,
    Instant startedAt,
    Instant completedAt,
    String error,
    String traceId,
    Instant traceStartedAt,
    Instant traceCompletedAt,
    Instant traceLastSpanAt) {

  public RunHistoryRecord {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(workflowId, "workflowId");
    inputs = copy(inputs);
    runnableConfig = copy(runnableConfig);
    tags = List.copyOf(tags == null ? List.of() : tags);
    callbacks = callbacks == null ? JsonNodeFactory.instance.arrayNode() : callbacks.deepCopy();
    metadata = copy(metadata);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
  }

  private static ObjectNode copy(ObjectNode node) {
    return node == null ? JsonNodeFactory.instance.objectNode() : node.deepCopy();
  }

  @Override
  public ObjectNode inputs() {
    return inputs.deepCopy();
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

  /** The value of metadata key {@code key}, or a missing node. */
  public JsonNode metadata(String key) {
    return metadata.path(key).deepCopy();
  }
}
