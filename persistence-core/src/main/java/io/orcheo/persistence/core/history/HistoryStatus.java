package io.orcheo.persistence.core.history;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The status of an execution's history; not the same values as a workflow run's status. */
public enum HistoryStatus {
  /** Started and not yet marked. */
  RUNNING("running"),
  /** Marked completed. */
  COMPLETED("completed"),
  /** Marked failed; the error is kept. */
  ERROR("error"),
  /** Marked cancelled; the reason is kept as the error. */
  CANCELLED("cancelled");

  private final String value;

  HistoryStatus(String value) {
    this.value = value;
  }

  /** The stored value. */
  public String value() {
    return value;
  }

  /** The status stored as {@code value}. */
  public static HistoryStatus fromValue(String value) {
    for (HistoryStatus status : values()) {
      if (status.value.equals(value)) {
        return status;
      }
    }
    throw new ValidationException("Unknown history status '" + value + "'; expected one of "
        + Arrays.stream(values()).map(HistoryStatus::value).collect(Collectors.joining(", ")));
  }
}
