package io.orcheo.persistence.core.error;

/** The caller's input is invalid: a malformed value, an out-of-range number, a tampered cursor, or text the database cannot store. Nothing was written. */
public class ValidationException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  /** With a message for the caller; it never contains a password. */
  public ValidationException(String message) {
    super(message);
  }

  /** With a message for the caller and the underlying failure. */
  public ValidationException(String message, Throwable cause) {
    super(message, cause);
  }
}
