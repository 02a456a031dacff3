package io.orcheo.persistence.core.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of an execution's trace.
 *
 * @param executionId the execution
 * @param stepIndex 0, 1, 2… in the order the steps were appended
 * @param at when it was appended
 * @param payload the normalised step document (a copy)
 */
public record RunHistoryStep(String executionId, int stepIndex, Instant at, ObjectNode payload) {
  public RunHistoryStep {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(at, "at");
    payload = Objects.requireNonNull(payload, "payload").deepCopy();
  }

  @Override
  public ObjectNode payload() {
    return payload.deepCopy();
  }
}
