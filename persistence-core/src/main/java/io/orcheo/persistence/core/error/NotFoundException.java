package io.orcheo.persistence.core.error;

/** The entity named by an operation does not exist (unknown id, handle or version). */
public class NotFoundException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
