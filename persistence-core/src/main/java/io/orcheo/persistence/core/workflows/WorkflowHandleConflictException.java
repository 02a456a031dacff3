package io.orcheo.persistence.core.workflows;

import io.orcheo.persistence.core.error.ConflictException;

/**
 * Another active (non-archived) workflow already owns the handle: on create, on a handle change, and on
 * un-archiving a workflow whose handle was taken meanwhile. Nothing was written.
 */
public class WorkflowHandleConflictException extends ConflictException {
  private static final long serialVersionUID = 1L;
  private final String handle;

  /** For {@code handle}, with upstream's message. */
  public WorkflowHandleConflictException(String handle) {
    this(handle, null);
  }

  /** For {@code handle}, when the database's unique index caught the clash. */
  public WorkflowHandleConflictException(String handle, Throwable cause) {
    super("Workflow handle '" + handle + "' is already in use.", cause);
    this.handle = handle;
  }

  /** The normalised handle that is taken. */
  public String handle() {
    return handle;
  }
}
