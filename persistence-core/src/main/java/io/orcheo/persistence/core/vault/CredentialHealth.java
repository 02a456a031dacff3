package io.orcheo.persistence.core.vault;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The result of a credential's last health check.
 *
 * @param status unknown until checked
 * @param lastCheckedAt when it was last checked or reset, or {@code null}
 * @param failureReason why the last check failed, or {@code null}
 */
public record CredentialHealth(HealthStatus status, Instant lastCheckedAt, String failureReason) {
  private static final CredentialHealth UNCHECKED = new CredentialHealth(HealthStatus.UNKNOWN, null, null);

  public CredentialHealth {
    Objects.requireNonNull(status, "status");
    lastCheckedAt = lastCheckedAt == null ? null : lastCheckedAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** Never checked. */
  public static CredentialHealth unchecked() {
    return UNCHECKED;
  }
}
