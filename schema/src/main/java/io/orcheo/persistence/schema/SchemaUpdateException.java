package io.orcheo.persistence.schema;

/** Liquibase could not bring a database up to date; the message names the changelog and the root cause. */
public class SchemaUpdateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With the changelog and root cause in the message. */
  public SchemaUpdateException(String message, Throwable cause) {
    super(message, cause);
  }
}
