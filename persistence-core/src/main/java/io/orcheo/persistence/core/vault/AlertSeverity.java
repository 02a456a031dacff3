package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.Locale;

/** How urgent a governance alert is. */
public enum AlertSeverity {
  /** For information. */
  INFO("info"),
  /** Needs attention soon. */
  WARNING("warning"),
  /** Needs attention now. */
  CRITICAL("critical");

  private final String value;

  AlertSeverity(String value) {
    this.value = value;
  }

  /** The value payloads store. */
  public String value() {
    return value;
  }

  /**
   * The severity a stored or user-given value names, ignoring case and surrounding blanks.
   *
   * @throws ValidationException naming the accepted values
   */
  public static AlertSeverity fromValue(String value) {
    String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    for (AlertSeverity severity : values()) {
      if (severity.value.equals(wanted)) {
        return severity;
      }
    }
    throw new ValidationException(
        "'" + value + "' is not an alert severity; expected 'info', 'warning' or 'critical'");
  }
}
