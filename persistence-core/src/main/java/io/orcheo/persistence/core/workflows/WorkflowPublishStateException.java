package io.orcheo.persistence.core.workflows;

import io.orcheo.persistence.core.error.ConflictException;

/** Publishing a workflow that is already public, or revoking one that is not. Nothing was written. */
public class WorkflowPublishStateException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /** With upstream's message. */
  public WorkflowPublishStateException(String message) {
    super(message);
  }
}
