package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.ConflictException;

/**
 * Another credential already has the name, regardless of ASCII case (upstream's {@code DuplicateCredentialNameError},
 * same message). The database enforces the rule, so two processes racing for one name end with one credential and
 * this error.
 */
public class DuplicateCredentialNameException extends ConflictException {
  private static final long serialVersionUID = 1L;
  private final String name;

  /** For the name that was refused. */
  public DuplicateCredentialNameException(String name) {
    super("Credential name '" + name + "' is already in use.");
    this.name = name;
  }

  /** For the name that was refused, with the database's refusal. */
  public DuplicateCredentialNameException(String name, Throwable cause) {
    super("Credential name '" + name + "' is already in use.", cause);
    this.name = name;
  }

  /** The refused name. */
  public String name() {
    return name;
  }
}
