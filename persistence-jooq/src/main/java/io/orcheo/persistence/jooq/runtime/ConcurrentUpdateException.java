package io.orcheo.persistence.jooq.runtime;

/**
 * A conditional write found the row changed since the transaction read it (for example a run's status moved under
 * it, written by a process that does not take our row locks). {@link Transactor} runs the transaction again, so the
 * operation re-reads and decides on the new state.
 */
public final class ConcurrentUpdateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Describing what changed. */
  public ConcurrentUpdateException(String message) {
    super(message, null, false, false);
  }
}
