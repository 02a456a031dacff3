package io.orcheo.persistence.core.workflows;

import io.orcheo.persistence.core.error.PersistenceException;
import java.util.UUID;

/**
 * The {@link WorkflowHealthGate} refused a workflow, typically because a credential it uses is missing or expired.
 * Thrown by run creation and by webhook and manual dispatch; cron dispatch skips the workflow instead. Nothing was
 * written.
 */
public class CredentialHealthException extends PersistenceException {
  private static final long serialVersionUID = 1L;
  private final UUID workflowId;

  /** For {@code workflowId}, with the gate's reason. */
  public CredentialHealthException(UUID workflowId, String reason) {
    super("Workflow " + workflowId + " cannot run: " + reason);
    this.workflowId = workflowId;
  }

  /** The refused workflow. */
  public UUID workflowId() {
    return workflowId;
  }
}
