package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.ValidationException;

/** A rotation breaks the rotation policy: the new secret equals the old (upstream's {@code RotationPolicyError}). */
public class RotationPolicyException extends ValidationException {
  private static final long serialVersionUID = 1L;

  /** With upstream's message. */
  public RotationPolicyException(String message) {
    super(message);
  }
}
