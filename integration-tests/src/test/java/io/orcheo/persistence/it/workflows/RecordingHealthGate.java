package io.orcheo.persistence.it.workflows;

import io.orcheo.persistence.core.workflows.CredentialHealthException;
import io.orcheo.persistence.core.workflows.WorkflowHealthGate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link WorkflowHealthGate} a test sets by hand: it refuses the workflows it was told to refuse and records every
 * question it was asked. It stands in for upstream's credential service, which lives outside the repository.
 */
final class RecordingHealthGate implements WorkflowHealthGate {
  /** One question the repository asked. */
  record Check(UUID workflowId, String actor) {}

  static final String REASON = "credential 'slack' has expired";

  private final Set<UUID> refused = ConcurrentHashMap.newKeySet();
  private final List<Check> checks = new CopyOnWriteArrayList<>();

  /** From now on, {@code workflowId} may not run. */
  void refuse(UUID workflowId) {
    refused.add(workflowId);
  }

  /** From now on, {@code workflowId} may run again. */
  void allow(UUID workflowId) {
    refused.remove(workflowId);
  }

  /**
   * Every question asked so far, oldest first. A retried transaction asks again, so a workflow may appear more than
   * once.
   */
  List<Check> checks() {
    return List.copyOf(checks);
  }

  @Override
  public void ensureHealthy(UUID workflowId, String actor) {
    checks.add(new Check(workflowId, actor));
    if (refused.contains(workflowId)) {
      throw new CredentialHealthException(workflowId, REASON);
    }
  }
}
