package io.orcheo.persistence.core.workflows;

import io.orcheo.persistence.core.error.NotFoundException;

/** No workflow matches the id or ref an operation named (an archived workflow counts as missing where upstream says so, for example when creating a run). */
public class WorkflowNotFoundException extends NotFoundException {
  private static final long serialVersionUID = 1L;

  /** With a message for the caller. */
  public WorkflowNotFoundException(String message) {
    super(message);
  }
}
