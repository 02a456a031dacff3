package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.Locale;

/** The outcome of a credential's last health check. */
public enum HealthStatus {
  /** Never checked, or changed since the last check. */
  UNKNOWN("unknown"),
  /** The last check succeeded. */
  HEALTHY("healthy"),
  /** The last check failed; see {@link CredentialHealth#failureReason()}. */
  UNHEALTHY("unhealthy");

  private final String value;

  HealthStatus(String value) {
    this.value = value;
  }

  /** The value payloads store. */
  public String value() {
    return value;
  }

  /**
   * The status a stored or user-given value names, ignoring case and surrounding blanks.
   *
   * @throws ValidationException naming the accepted values
   */
  public static HealthStatus fromValue(String value) {
    String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    for (HealthStatus status : values()) {
      if (status.value.equals(wanted)) {
        return status;
      }
    }
    throw new ValidationException(
        "'" + value + "' is not a credential health status; expected 'unknown', 'healthy' or 'unhealthy'");
  }
}
