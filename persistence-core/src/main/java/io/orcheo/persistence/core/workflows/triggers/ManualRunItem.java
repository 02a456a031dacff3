package io.orcheo.persistence.core.workflows.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.UUID;

/**
 * One run of a {@link ManualDispatchRequest}.
 *
 * @param workflowVersionId the version to run, or {@code null} for the latest
 * @param inputPayload the input document, or {@code null} for {@code {}}
 */
public record ManualRunItem(UUID workflowVersionId, JsonNode inputPayload) {
  public ManualRunItem {
    inputPayload = inputPayload == null ? JsonNodeFactory.instance.objectNode() : inputPayload.deepCopy();
  }

  /** A run of the latest version. */
  public static ManualRunItem latest(JsonNode inputPayload) {
    return new ManualRunItem(null, inputPayload);
  }
}
