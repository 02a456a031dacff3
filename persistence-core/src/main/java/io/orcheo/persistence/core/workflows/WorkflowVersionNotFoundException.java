package io.orcheo.persistence.core.workflows;

import io.orcheo.persistence.core.error.NotFoundException;

/** No version matches */
public class WorkflowVersionNotFoundException extends NotFoundException {
  private static final long serialVersionUID = 1L;

  /** With a message for the caller. */
  public WorkflowVersionNotFoundException(String message) {
    super(message);
  }
}
