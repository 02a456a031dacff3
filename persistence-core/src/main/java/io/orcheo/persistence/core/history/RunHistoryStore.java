package io.orcheo.persistence.core.history;

import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import java.util.List;

/**
 * Upstream Orcheo's run-history store: the trace of each execution, step by step.
 *
 * <p>Every operation is one transaction; step indexes are assigned in the database (the execution's row is locked
 * while the next index is taken), so several processes may append to one execution. Values are normalised to JSON
 * as upstream does ({@link JsonValues}). A status can be marked any number of times, the last call wins, as
 * upstream: there is no state machine.
 *
 * <p>Errors: {@link RunHistoryNotFoundException} for an unknown execution id;
 * {@link io.orcheo.persistence.core.error.ConflictException} when starting an execution id that exists
 * ("History already exists for execution_id=…"); {@link io.orcheo.persistence.core.error.ValidationException} for
 * values that cannot be stored.
 */
public interface RunHistoryStore {

  /** Starts an execution's history: status running, {@code started_at} now. */
  RunHistoryRecord startRun(StartRun request);

  /**
   * Appends a step at the next index (0 for the first), with {@code at} now; the execution's
   * {@code trace_last_span_at} becomes that time. A payload that is not a JSON object is stored as
   * {@code {"value": payload}}.
   */
  RunHistoryStep appendStep(String executionId, Object payload);

  /** Status completed, no error; {@code completed_at} and {@code trace_completed_at} now. Returns the history. */
  RunHistory markCompleted(String executionId);

  /** Status error, with {@code error}; otherwise as {@link #markCompleted}. */
  RunHistory markFailed(String executionId, String error);

  /** Status cancelled, the reason (or {@code null}) kept as the error; otherwise as {@link #markCompleted}. */
  RunHistory markCancelled(String executionId, String reason);

  /** The history with every step in order. */
  RunHistory getHistory(String executionId);

  /** The history's row without its steps, for a trace too long to read at once (see {@link #steps}). */
  RunHistoryRecord getRecord(String executionId);

  /**
   * Steps of an execution after index {@code afterIndex} ({@code -1} for the first), at most {@code limit} of them,
   * in order: a long trace read a piece at a time.
   *
   * @throws RunHistoryNotFoundException if there is no such execution
   */
  List<RunHistoryStep> steps(String executionId, int afterIndex, int limit);

  /**
   * Upstream's listing: the workflow's histories newest first ({@code started_at DESC}), each with all its steps, at
   * most {@code limit} ({@code null} for all).
   */
  List<RunHistory> listHistories(String workflowId, Integer limit);

  /**
   * One page of the workflow's histories, newest first ({@code started_at DESC, execution_id DESC}), each with all
   * its steps, read in a constant number of queries.
   *
   * @throws io.orcheo.persistence.core.error.ValidationException if the cursor is malformed or belongs to another
   *     listing
   */
  Page<RunHistory> listHistories(String workflowId, HistoryFilter filter, PageRequest page);

  /** As {@link #listHistories(String, HistoryFilter, PageRequest)}, without the steps. */
  Page<RunHistoryRecord> listHistoryRecords(String workflowId, HistoryFilter filter, PageRequest page);

  /** Deletes every history and step (upstream's {@code clear}, used by tests and tools). */
  void clear();
}
