package io.orcheo.persistence.core.error;

/** The entity named by an operation does not exist (unknown id, handle or version). */
public class NotFoundException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  /** With a message for the caller; it never contains a password. */
  public NotFoundException(String message) {
    super(message);
  }

  /** With a message for the caller and the underlying failure. */
  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
