package io.orcheo.persistence.core.workflows;

import java.util.UUID;

/**
 * Asked before a run is created whether the workflow may run (upstream: the credential health check). The gate runs
 * inside the operation's transaction and may be called again if the transaction is retried, so it must not write
 * through the repository and should be quick.
 */
@FunctionalInterface
public interface WorkflowHealthGate {
  /** Lets every workflow run. */
  WorkflowHealthGate ALWAYS_HEALTHY = (workflowId, actor) -> {};

  /**
   * Returns normally when {@code workflowId} may run.
   *
   * @param actor who asks: the run's actor, or {@code webhook}, {@code cron}
   * @throws CredentialHealthException when it may not
   */
  void ensureHealthy(UUID workflowId, String actor);
}
