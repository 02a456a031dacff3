package io.orcheo.persistence.core.history;

import java.util.List;
import java.util.Objects;

/**
 * An execution's history with its steps in order, as upstream's {@code get_history} returns it.
 *
 * @param record the execution's row
 * @param steps every step, by ascending index
 */
public record RunHistory(RunHistoryRecord record, List<RunHistoryStep> steps) {
  public RunHistory {
    Objects.requireNonNull(record, "record");
    steps = List.copyOf(steps);
  }

  /** The execution id. */
  public String executionId() {
    return record.executionId();
  }

  /** The status. */
  public HistoryStatus status() {
    return record.status();
  }
}
