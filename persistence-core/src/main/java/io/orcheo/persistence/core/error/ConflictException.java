package io.orcheo.persistence.core.error;

/** The write clashes with what is stored: a duplicate key, a uniqueness rule, or a state that changed under the caller. */
public class ConflictException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
