package io.orcheo.persistence.core.workflows;

import io.orcheo.persistence.core.error.NotFoundException;

/** No run has the given id. */
public class WorkflowRunNotFoundException extends NotFoundException {
  private static final long serialVersionUID = 1L;

  /** With a message for the caller. */
  public WorkflowRunNotFoundException(String message) {
    super(message);
  }
}
