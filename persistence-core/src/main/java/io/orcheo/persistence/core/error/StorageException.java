package io.orcheo.persistence.core.error;

/**
 * A database failure that fits no more specific type (for example a schema that does not match the code).
 * The SQLSTATE, when the database gave one, is kept for diagnostics.
 */
public class StorageException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  /** With the database's error code, when it gave one. */
  public StorageException(String message, String sqlState, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  /** The SQLSTATE (PostgreSQL) or the SQLite result-code name, or {@code null} when there was none. */
  public String sqlState() {
    return sqlState;
  }
}
