package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.Locale;

/** What a governance alert is about. */
public enum AlertKind {
  /** An OAuth token expires soon. */
  TOKEN_EXPIRING("token_expiring"),
  /** A credential failed validation. */
  VALIDATION_FAILED("validation_failed"),
  /** A credential is past its template's rotation period. */
  ROTATION_OVERDUE("rotation_overdue");

  private final String value;

  AlertKind(String value) {
    this.value = value;
  }

  /** The value payloads store. */
  public String value() {
    return value;
  }

  /**
   * The kind a stored or user-given value names, ignoring case and surrounding blanks.
   *
   * @throws ValidationException naming the accepted values
   */
  public static AlertKind fromValue(String value) {
    String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    for (AlertKind kind : values()) {
      if (kind.value.equals(wanted)) {
        return kind;
      }
    }
    throw new ValidationException("'" + value
        + "' is not a governance alert kind; expected 'token_expiring', 'validation_failed' or 'rotation_overdue'");
  }
}
