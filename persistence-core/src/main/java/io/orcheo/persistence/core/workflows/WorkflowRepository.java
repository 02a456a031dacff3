package io.orcheo.persistence.core.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.core.workflows.triggers.CronTriggerConfig;
import io.orcheo.persistence.core.workflows.triggers.ManualDispatchRequest;
import io.orcheo.persistence.core.workflows.triggers.RetryDecision;
import io.orcheo.persistence.core.workflows.triggers.RetryPolicyConfig;
import io.orcheo.persistence.core.workflows.triggers.WebhookRequest;
import io.orcheo.persistence.core.workflows.triggers.WebhookTriggerConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Upstream Orcheo's workflow repository: workflows, their versions and runs, and the webhook, cron and retry
 * configuration that creates runs.
 *
 * <p>Every operation is one database transaction, and every read-check-write (version numbers, handle uniqueness,
 * run transitions, cron dispatch, retry counts) is atomic in the database, so several processes may share one
 * database. State that upstream kept in memory (the cron schedule's position, the overlap guard, retry counts)
 * lives in the database too, so a restart or another process sees it.
 *
 * <p>Errors: the {@code *NotFoundException}s of this package for unknown ids;
 * {@link WorkflowHandleConflictException}; {@link WorkflowPublishStateException};
 * {@link io.orcheo.persistence.core.error.ValidationException} for illegal run transitions and invalid names,
 * handles or configs (with upstream's messages); {@link CredentialHealthException} when the
 * {@link WorkflowHealthGate} refuses. A failed operation writes nothing. Returned objects are snapshots.
 */
public interface WorkflowRepository {

  // --- Workflows ---------------------------------------------------------------------------------------------

  /** Every workflow, oldest first; archived ones only when {@code includeArchived}. */
  List<Workflow> listWorkflows(boolean includeArchived);

  /** Every active workflow, oldest first. */
  default List<Workflow> listWorkflows() {
    return listWorkflows(false);
  }

  /**
   * Creates a workflow.
   *
   * @throws WorkflowHandleConflictException if an active workflow has the handle
   */
  Workflow createWorkflow(NewWorkflow request);

  /**
   * The workflow, archived or not.
   *
   * @throws WorkflowNotFoundException if there is none
   */
  Workflow getWorkflow(UUID workflowId);

  /**
   * The id a ref names: an active workflow's handle first, then an archived workflow's handle (when
   * {@code includeArchived}), then a workflow id in canonical form; the most recently updated wins a tie.
   *
   * @throws WorkflowNotFoundException if nothing matches, or the ref is blank ("workflow ref is empty")
   */
  UUID resolveWorkflowRef(String ref, boolean includeArchived);

  /** {@link #resolveWorkflowRef(String, boolean)} including archived workflows. */
  default UUID resolveWorkflowRef(String ref) {
    return resolveWorkflowRef(ref, true);
  }

  /**
   * Applies {@code update} (see {@link WorkflowUpdate#applyTo}). Always records {@code workflow_updated}.
   *
   * @throws WorkflowNotFoundException if there is no such workflow
   * @throws WorkflowHandleConflictException if the new handle, or the handle of a workflow being restored, is
   *     owned by another active workflow
   */
  Workflow updateWorkflow(UUID workflowId, WorkflowUpdate update);

  /** Archives the workflow (revoking publication first); records an event even if it was archived already. */
  Workflow archiveWorkflow(UUID workflowId, String actor);

  /**
   * Publishes the workflow.
   *
   * @throws WorkflowNotFoundException if it does not exist or is archived
   * @throws WorkflowPublishStateException if it is already published
   */
  Workflow publishWorkflow(UUID workflowId, boolean requireLogin, String actor);

  /**
   * Revokes publication.
   *
   * @throws WorkflowNotFoundException if it does not exist or is archived
   * @throws WorkflowPublishStateException if it is not published
   */
  Workflow revokePublish(UUID workflowId, String actor);

  // --- Versions ----------------------------------------------------------------------------------------------

  /**
   * Adds the next version (highest number + 1) to a workflow, archived or not.
   *
   * @throws WorkflowNotFoundException if there is no such workflow
   */
  WorkflowVersion createVersion(UUID workflowId, NewVersion request);

  /** The workflow's versions, by ascending number. */
  List<WorkflowVersion> listVersions(UUID workflowId);

  /** Version {@code number} of the workflow, else {@link WorkflowVersionNotFoundException} ("v{number}"). */
  WorkflowVersion getVersionByNumber(UUID workflowId, int number);

  /** The version with this id, whatever its workflow. */
  WorkflowVersion getVersion(UUID versionId);

  /** The highest-numbered version, else {@link WorkflowVersionNotFoundException} ("latest"). */
  WorkflowVersion getLatestVersion(UUID workflowId);

  /**
   * Replaces version {@code number}'s runnable config ({@code null} removes it; it is checked only when a run is
   * created) and records {@code version_runnable_config_updated}.
   */
  WorkflowVersion updateVersionRunnableConfig(UUID workflowId, int number, JsonNode runnableConfig, String actor);

  /** The unified diff of two versions' graphs, byte-identical to upstream's. */
  VersionDiff diffVersions(UUID workflowId, int baseNumber, int targetNumber);

  // --- Runs --------------------------------------------------------------------------------------------------

  /**
   * Creates a pending run, merging the version's runnable config under the request's overrides.
   *
   * @throws WorkflowNotFoundException if the workflow does not exist or is archived
   * @throws WorkflowVersionNotFoundException if the version does not exist or belongs to another workflow
   * @throws CredentialHealthException if the health gate refuses the workflow
   */
  WorkflowRun createRun(NewRun request);

  /**
   * The workflow's runs, newest first, at most {@code limit} of them (upstream's form; {@code null} for all).
   *
   * @throws io.orcheo.persistence.core.error.ValidationException if {@code limit} is negative
   */
  List<WorkflowRun> listRunsForWorkflow(UUID workflowId, Integer limit);

  /**
   * One page of the workflow's runs, newest first ({@code created_at DESC, id DESC}). Runs created while paging
   * never make a page repeat or skip older runs.
   *
   * @throws io.orcheo.persistence.core.error.ValidationException if the cursor is malformed or belongs to another
   *     workflow's listing
   */
  Page<WorkflowRun> listRuns(UUID workflowId, PageRequest page);

  /** The run, else {@link WorkflowRunNotFoundException}. */
  WorkflowRun getRun(UUID runId);

  /** pending → running ("Only pending runs can be started."). */
  WorkflowRun markRunStarted(UUID runId, String actor);

  /** running → succeeded with {@code output} ("Only running runs can be marked as succeeded."). */
  WorkflowRun markRunSucceeded(UUID runId, String actor, JsonNode output);

  /** pending or running → failed ("Only pending or running runs can be marked as failed."). */
  WorkflowRun markRunFailed(UUID runId, String actor, String error);

  /** Any non-terminal state → cancelled ("Cannot cancel a run that is already completed."). */
  WorkflowRun markRunCancelled(UUID runId, String actor, String reason);

  // --- Webhook trigger ---------------------------------------------------------------------------------------

  /** Stores the workflow's webhook configuration, replacing any previous one, and returns it. */
  WebhookTriggerConfig configureWebhookTrigger(UUID workflowId, WebhookTriggerConfig config);

  /** The stored webhook configuration, or the defaults (not stored) when none was configured. */
  WebhookTriggerConfig getWebhookTriggerConfig(UUID workflowId);

  /**
   * Creates a {@code webhook} run of the latest version for a request the application has validated. The run's
   * input is {@code {body, headers, query_params, source_ip}}, the headers lowercased and without the configured
   * shared-secret and HMAC headers. Archived workflows are accepted, as upstream.
   *
   * @throws WorkflowVersionNotFoundException if the workflow has no version ("latest")
   */
  WorkflowRun handleWebhookTrigger(UUID workflowId, WebhookRequest request);

  // --- Cron trigger ------------------------------------------------------------------------------------------

  /**
   * Stores the workflow's cron schedule, replacing any previous one. The schedule's position (the last dispatched
   * occurrence) is kept; a schedule that never fired counts again from the next dispatch.
   */
  CronTriggerConfig configureCronTrigger(UUID workflowId, CronTriggerConfig config);

  /** The stored cron schedule, else {@link CronTriggerNotFoundException}. */
  CronTriggerConfig getCronTriggerConfig(UUID workflowId);

  /** Removes the workflow's cron schedule, if any. */
  void deleteCronTrigger(UUID workflowId);

  /**
   * Creates the runs that are due at {@code now}: at most one per workflow per call, the oldest missed occurrence
   * first. Each occurrence gets exactly one run however many processes dispatch at once. A workflow is skipped
   * when it has no version, when the health gate refuses it, or when overlapping is off and a cron run of it is
   * still pending or running (one that has not changed for longer than the overlap timeout no longer counts, so a
   * crashed run cannot block its schedule forever).
   */
  List<WorkflowRun> dispatchDueCronRuns(Instant now);

  // --- Manual dispatch ---------------------------------------------------------------------------------------

  /**
   * Creates the request's runs in order, each item on its version or the latest. Every item's version is checked
   * before any run is created.
   *
   * @throws WorkflowVersionNotFoundException if the workflow has no version at all, or an item's version does not
   *     exist or belongs to another workflow
   */
  List<WorkflowRun> dispatchManualRuns(ManualDispatchRequest request);

  // --- Retry policy ------------------------------------------------------------------------------------------

  /** Stores the workflow's retry policy; runs created earlier keep the policy they were created under. */
  RetryPolicyConfig configureRetryPolicy(UUID workflowId, RetryPolicyConfig config);

  /** The stored retry policy, or the defaults when none was configured. */
  RetryPolicyConfig getRetryPolicyConfig(UUID workflowId);

  /**
   * Schedules the next retry of a failed (or still active) run under its policy and counts it; empty once the
   * attempts are used up, or when the run succeeded or was cancelled. Creates no run.
   *
   * @param failedAt when the attempt failed, or {@code null} for now
   * @throws WorkflowRunNotFoundException if there is no such run
   */
  Optional<RetryDecision> scheduleRetryForRun(UUID runId, Instant failedAt);
}
