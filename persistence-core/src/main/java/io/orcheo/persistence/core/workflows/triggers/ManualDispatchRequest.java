package io.orcheo.persistence.core.workflows.triggers;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Runs started by hand, one or a batch.
 *
 * @param workflowId the workflow (archived ones are accepted, as upstream)
 * @param actor who dispatches; trimmed, non-blank; {@code null} for {@code manual}
 * @param runs 1 to {@value #MAX_RUNS} runs, created in this order
 * @param label the runs' {@code triggered_by}, or {@code null} for {@code manual} (one run) / {@code manual_batch}
 */
public record ManualDispatchRequest(UUID workflowId, String actor, List<ManualRunItem> runs, String label) {
  /** The most runs one request may create. */
  public static final int MAX_RUNS = 100;

  public ManualDispatchRequest {
    Objects.requireNonNull(workflowId, "workflowId");
    actor = actor == null ? "manual" : actor.trim();
    if (actor.isEmpty()) {
      throw new ValidationException("actor must not be blank");
    }
    runs = List.copyOf(Objects.requireNonNull(runs, "runs"));
    if (runs.isEmpty() || runs.size() > MAX_RUNS) {
      throw new ValidationException("A manual dispatch creates 1 to " + MAX_RUNS + " runs, got " + runs.size());
    }
  }

  /** The {@code triggered_by} of the runs. */
  public String triggeredBy() {
    return label != null ? label : runs.size() == 1 ? "manual" : "manual_batch";
  }
}
