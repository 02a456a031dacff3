package io.orcheo.persistence.migration;

import io.orcheo.persistence.core.error.PersistenceException;

/**
 * A migration cannot go on: a missing or altered file, a row that cannot be moved, a state file from another
 * export. The message names the file, table and key concerned, never a secret.
 */
public class MigrationException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  /** With a message for the operator. */
  public MigrationException(String message) {
    super(message);
  }

  /** With a message for the operator and the underlying failure. */
  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
