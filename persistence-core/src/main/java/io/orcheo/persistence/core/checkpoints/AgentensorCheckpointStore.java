package io.orcheo.persistence.core.checkpoints;

import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * Upstream Orcheo's agentensor checkpoint store: the configs a training loop tried for a workflow, their metrics, and
 * which one is best.
 *
 * <p>Recording is one transaction that first locks the workflow's checkpoints (on SQLite, the write lock), so two
 * processes never take one automatic version and a workflow never has two best checkpoints. An explicit version is
 * kept as given, duplicates included, as upstream.
 */
public interface AgentensorCheckpointStore {

  /**
   * Records a checkpoint: version as given, or the workflow's highest + 1 (1 for the first); when best, every other
   * best of the workflow is cleared in the same transaction.
   */
  AgentensorCheckpoint recordCheckpoint(NewCheckpoint request);

  /** The workflow's checkpoints by {@code config_version DESC}, at most {@code limit} ({@code null} for all). */
  List<AgentensorCheckpoint> listCheckpoints(String workflowId, Integer limit);

  /** The checkpoint, else {@link AgentensorCheckpointNotFoundException} ("Checkpoint '&lt;id&gt;' not found."). */
  AgentensorCheckpoint getCheckpoint(String id);

  /** The checkpoint with the highest version (not the newest), if any. */
  Optional<AgentensorCheckpoint> latestCheckpoint(String workflowId);

  /** The workflow's best checkpoint, if one is marked. */
  Optional<AgentensorCheckpoint> bestCheckpoint(String workflowId);

  /**
   * One page of the workflow's checkpoints matching {@code query}, in its order. The same query gives the same
   * results on SQLite and PostgreSQL; PostgreSQL serves the metadata filter from a GIN index.
   *
   * @throws io.orcheo.persistence.core.error.ValidationException if the cursor is malformed or belongs to another
   *     query
   */
  Page<AgentensorCheckpoint> findCheckpoints(String workflowId, CheckpointQuery query, PageRequest page);
}
