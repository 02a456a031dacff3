package io.orcheo.persistence.core.workflows.triggers;

import java.time.Instant;
import java.util.Objects;

/**
 * A retry that {@link RetryPolicyConfig#decide} scheduled for a failed run.
 *
 * @param retryNumber which retry this is, from 1 ({@code retry_number})
 * @param scheduledFor when the retry should start, to the microsecond ({@code scheduled_for})
 * @param delaySeconds the delay after the failure, jitter included ({@code delay_seconds}), at least 0
 */
public record RetryDecision(int retryNumber, Instant scheduledFor, double delaySeconds) {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if {@code retryNumber} is below 1 or {@code delaySeconds} is negative or NaN
   */
  public RetryDecision {
    if (retryNumber < 1) {
      throw new IllegalArgumentException("retryNumber must be at least 1, got " + retryNumber);
    }
    Objects.requireNonNull(scheduledFor, "scheduledFor");
    if (!(delaySeconds >= 0)) {
      throw new IllegalArgumentException("delaySeconds must be at least 0, got " + delaySeconds);
    }
  }
}
