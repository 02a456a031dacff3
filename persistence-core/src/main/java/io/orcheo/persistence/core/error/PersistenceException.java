package io.orcheo.persistence.core.error;

/**
 * Root of every exception the persistence layer throws to its callers.
 *
 * <p>No {@code SQLException}, jOOQ {@code DataAccessException} or driver exception crosses a repository
 * boundary: the jOOQ layer translates them, in one place, into one of the subclasses. Catch this type to
 * handle every storage failure; catch a subclass to handle one kind.
 */
public class PersistenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message for the caller; it never contains a password. */
  public PersistenceException(String message) {
    super(message);
  }

  /** With a message for the caller and the underlying failure. */
  public PersistenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
