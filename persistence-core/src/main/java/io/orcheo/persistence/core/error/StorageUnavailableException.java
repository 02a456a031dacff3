package io.orcheo.persistence.core.error;

/** The database could not be reached or stayed busy: connection failures, pool exhaustion, or transient conflicts that outlived the bounded retry. Retrying later may succeed. */
public class StorageUnavailableException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  /** With a message for the caller; it never contains a password. */
  public StorageUnavailableException(String message) {
    super(message);
  }

  /** With a message for the caller and the underlying failure. */
  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
