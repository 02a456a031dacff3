package io.orcheo.persistence.core.error;

/** The write clashes with what is stored: a duplicate key, a uniqueness rule, or a state that changed under the caller. */
public class ConflictException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  /** With a message for the caller; it never contains a password. */
  public ConflictException(String message) {
    super(message);
  }

  /** With a message for the caller and the underlying failure. */
  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
