package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.PersistenceException;

/**
 * The caller's {@link AccessContext} does not satisfy the scope of the credential, template or alert it asked for
 * (upstream's {@code WorkflowScopeError}, same messages).
 */
public class WorkflowScopeException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  /** With upstream's message. */
  public WorkflowScopeException(String message) {
    super(message);
  }
}
