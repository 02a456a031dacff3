package io.orcheo.persistence.core.checkpoints;

import io.orcheo.persistence.core.error.NotFoundException;

/** No checkpoint has the id (upstream's {@code AgentensorCheckpointNotFoundError}, same message). */
public class AgentensorCheckpointNotFoundException extends NotFoundException {
  private static final long serialVersionUID = 1L;

  /** For {@code id}. */
  public AgentensorCheckpointNotFoundException(String id) {
    super("Checkpoint '" + id + "' not found.");
  }
}
