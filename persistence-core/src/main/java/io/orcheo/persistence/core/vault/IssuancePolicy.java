package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.ValidationException;

/**
 * What a template asks of the credentials issued from it.
 *
 * @param requireRefreshToken whether an OAuth credential needs a refresh token
 * @param rotationPeriodDays how often the secret should be rotated, at least 1, or {@code null} for never
 * @param expiryThresholdMinutes how long before expiry a token counts as expiring, at least 1
 */
public record IssuancePolicy(boolean requireRefreshToken, Integer rotationPeriodDays, int expiryThresholdMinutes) {
  /** Upstream's defaults: no refresh token needed, no rotation period, a 60-minute expiry threshold. */
  public static final IssuancePolicy DEFAULT = new IssuancePolicy(false, null, 60);

  public IssuancePolicy {
    if (rotationPeriodDays != null && rotationPeriodDays < 1) {
      throw new ValidationException("rotation_period_days must be at least 1 (got " + rotationPeriodDays + ")");
    }
    if (expiryThresholdMinutes < 1) {
      throw new ValidationException(
          "expiry_threshold_minutes must be at least 1 (got " + expiryThresholdMinutes + ")");
    }
  }
}
