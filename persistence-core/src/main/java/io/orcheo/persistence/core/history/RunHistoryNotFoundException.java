package io.orcheo.persistence.core.history;

import io.orcheo.persistence.core.error.NotFoundException;

/** No history has the execution id (upstream's {@code RunHistoryNotFoundError}, same message). */
public class RunHistoryNotFoundException extends NotFoundException {
  private static final long serialVersionUID = 1L;
  private final String executionId;

  /** For {@code executionId}. */
  public RunHistoryNotFoundException(String executionId) {
    super("History not found for execution_id=" + executionId);
    this.executionId = executionId;
  }

  /** The unknown execution id. */
  public String executionId() {
    return executionId;
  }
}
