package io.orcheo.persistence.core.workflows;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The state of a workflow run, with upstream's stored values and its transition rules.
 *
 * <p>A run starts {@link #PENDING}, is started into {@link #RUNNING}, and ends {@link #SUCCEEDED}, {@link #FAILED} or
 * {@link #CANCELLED}. The {@code requireCan…} guards throw upstream's messages for a transition from a state that
 * does not allow it.
 */
public enum RunStatus {
  /** Created, not yet started. */
  PENDING("pending"),
  /** Started, not yet finished. */
  RUNNING("running"),
  /** Finished with an output. */
  SUCCEEDED("succeeded"),
  /** Finished with an error. */
  FAILED("failed"),
  /** Stopped before finishing. */
  CANCELLED("cancelled");

  private final String value;

  RunStatus(String value) {
    this.value = value;
  }

  /**
   * The value upstream stores and sends.
   *
   * @return the lower-case name, e.g. {@code "running"}
   */
  public String value() {
    return value;
  }

  /**
   * The constant with this stored value; the match is exact, as upstream's enum validation is.
   *
   * @param value a stored value
   * @return the matching constant
   * @throws ValidationException if no constant has that value, naming the allowed ones
   */
  public static RunStatus fromValue(String value) {
    for (RunStatus status : values()) {
      if (status.value.equals(value)) {
        return status;
      }
    }
    String allowed = Arrays.stream(values()).map(RunStatus::value).collect(Collectors.joining(", "));
    throw new ValidationException("Unknown run status '" + value + "'; expected one of: " + allowed + ".");
  }

  /**
   * Whether the run has finished and no transition leads out of this state.
   *
   * @return true for {@link #SUCCEEDED}, {@link #FAILED} and {@link #CANCELLED}
   */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }

  /**
   * Checks that a run in this state may be started.
   *
   * @throws ValidationException unless this is {@link #PENDING}
   */
  public void requireCanStart() {
    if (this != PENDING) {
      throw new ValidationException("Only pending runs can be started.");
    }
  }

  /**
   * Checks that a run in this state may be marked as succeeded.
   *
   * @throws ValidationException unless this is {@link #RUNNING}
   */
  public void requireCanSucceed() {
    if (this != RUNNING) {
      throw new ValidationException("Only running runs can be marked as succeeded.");
    }
  }

  /**
   * Checks that a run in this state may be marked as failed; a pending run may fail before it starts.
   *
   * @throws ValidationException unless this is {@link #PENDING} or {@link #RUNNING}
   */
  public void requireCanFail() {
    if (this != PENDING && this != RUNNING) {
      throw new ValidationException("Only pending or running runs can be marked as failed.");
    }
  }

  /**
   * Checks that a run in this state may be cancelled.
   *
   * @throws ValidationException if this state is terminal
   */
  public void requireCanCancel() {
    if (isTerminal()) {
      throw new ValidationException("Cannot cancel a run that is already completed.");
    }
  }
}
