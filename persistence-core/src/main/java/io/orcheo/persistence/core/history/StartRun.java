package io.orcheo.persistence.core.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.StorableText;
import io.orcheo.persistence.core.error.ValidationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What {@link RunHistoryStore#startRun} needs. Values may be any Java value {@link JsonValues#normalize} accepts
 * (maps, lists, records, JSON trees, times…); they are normalised to JSON as upstream does.
 *
 * <p>Upstream's derivation, applied by {@link #toRecord}: tags are the explicit ones if any, else the config's;
 * callbacks likewise (a single callback becomes a list); metadata is the explicit value whenever one is given, even
 * {@code {}}, else the config's; the run name is the explicit one if not empty, else the config's.
 *
 * @param workflowId the workflow, 1 or more characters
 * @param executionId the execution's id, unique among histories
 * @param inputs the run's inputs, or {@code null} for {@code {}}
 * @param runnableConfig the run's config, or {@code null}; anything that is not a JSON object counts as {@code {}}
 * @param tags explicit tags, or {@code null}
 * @param callbacks explicit callbacks, or {@code null}
 * @param metadata explicit metadata, or {@code null} to take the config's
 * @param runName explicit run name, or {@code null}
 * @param traceId the tracing span id, or {@code null}
 * @param traceStartedAt when the trace started, or {@code null} for the start time
 */
public record StartRun(
    String workflowId,
    String executionId,
    Object inputs,
    Object runnableConfig,
    List<?> tags,
    Object callbacks,
    Object metadata,
    String runName,
    String traceId,
    Instant traceStartedAt) {

  public StartRun {
    requireText(workflowId, "workflowId");
    requireText(executionId, "executionId");
    StorableText.require(runName, "runName");
    StorableText.require(traceId, "traceId");
  }

  /** A run with only inputs. */
  public static StartRun of(String workflowId, String executionId, Object inputs) {
    return new StartRun(workflowId, executionId, inputs, null, null, null, null, null, null, null);
  }

  /** This request with a runnable config. */
  public StartRun withRunnableConfig(Object runnableConfig) {
    return new StartRun(workflowId, executionId, inputs, runnableConfig, tags, callbacks, metadata, runName, traceId,
        traceStartedAt);
  }

  /** This request with explicit metadata. */
  public StartRun withMetadata(Object metadata) {
    return new StartRun(workflowId, executionId, inputs, runnableConfig, tags, callbacks, metadata, runName, traceId,
        traceStartedAt);
  }

  /** This request with explicit tags. */
  public StartRun withTags(List<?> tags) {
    return new StartRun(workflowId, executionId, inputs, runnableConfig, tags, callbacks, metadata, runName, traceId,
        traceStartedAt);
  }

  /** This request with explicit callbacks. */
  public StartRun withCallbacks(Object callbacks) {
    return new StartRun(workflowId, executionId, inputs, runnableConfig, tags, callbacks, metadata, runName, traceId,
        traceStartedAt);
  }

  /** This request with an explicit run name. */
  public StartRun withRunName(String runName) {
    return new StartRun(workflowId, executionId, inputs, runnableConfig, tags, callbacks, metadata, runName, traceId,
        traceStartedAt);
  }

  /** This request with a trace. */
  public StartRun withTrace(String traceId, Instant traceStartedAt) {
    return new StartRun(workflowId, executionId, inputs, runnableConfig, tags, callbacks, metadata, runName, traceId,
        traceStartedAt);
  }

  /** The history row this request starts at {@code now}: status running, the trace's last span at its start. */
  public RunHistoryRecord toRecord(Instant now) {
    JsonNode config = JsonValues.normalize(runnableConfig);
    ObjectNode configObject = config.isObject() ? (ObjectNode) config : JsonNodeFactory.instance.objectNode();
    Instant traceStart = traceStartedAt == null ? now : traceStartedAt.truncatedTo(ChronoUnit.MICROS);
    return new RunHistoryRecord(executionId, workflowId, JsonValues.normalizeMapping(inputs), configObject,
        resolveTags(configObject), resolveCallbacks(configObject), resolveMetadata(configObject),
        resolveRunName(configObject), HistoryStatus.RUNNING, now, null, null, traceId, traceStart, null, traceStart);
  }

  private List<String> resolveTags(ObjectNode config) {
    List<String> resolved = new ArrayList<>();
    if (tags != null && !tags.isEmpty()) {
      // Python's str() of each item; a JSON string is its text, not its quoted form.
      tags.forEach(tag -> resolved.add(text(JsonValues.normalize(tag))));
    } else if (config.path("tags").isArray()) {
      config.path("tags").forEach(tag -> resolved.add(text(tag)));
    }
    return resolved;
  }

  private ArrayNode resolveCallbacks(ObjectNode config) {
    JsonNode value = callbacks != null && !isEmpty(callbacks) ? JsonValues.normalize(callbacks)
        : config.path("callbacks");
    if (value.isMissingNode() || value.isNull()) {
      return JsonNodeFactory.instance.arrayNode();
    }
    if (value.isArray()) {
      return (ArrayNode) value;
    }
    return JsonNodeFactory.instance.arrayNode().add(value);
  }

  private ObjectNode resolveMetadata(ObjectNode config) {
    if (metadata != null) {
      JsonNode value = JsonValues.normalize(metadata);
      if (!value.isObject()) {
        throw new ValidationException("metadata must be a mapping, got " + value.getNodeType());
      }
      return (ObjectNode) value;
    }
    JsonNode fromConfig = config.path("metadata");
    return fromConfig.isObject() ? (ObjectNode) fromConfig : JsonNodeFactory.instance.objectNode();
  }

  private String resolveRunName(ObjectNode config) {
    if (runName != null && !runName.isEmpty()) {
      return runName;
    }
    JsonNode fromConfig = config.path("run_name");
    return fromConfig.isMissingNode() || fromConfig.isNull() ? null : text(fromConfig);
  }

  private static boolean isEmpty(Object value) {
    return value instanceof Collection<?> collection && collection.isEmpty()
        || value instanceof JsonNode node && node.isContainerNode() && node.isEmpty();
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.textValue() : value.toString();
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new ValidationException(name + " must not be empty");
    }
    StorableText.require(value, name);
  }
}
