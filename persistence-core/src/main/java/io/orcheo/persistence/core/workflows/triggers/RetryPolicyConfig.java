package io.orcheo.persistence.core.workflows.triggers;

import io.orcheo.persistence.core.error.ValidationException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How failed runs of a workflow are retried, as upstream Orcheo's {@code RetryPolicyConfig}: exponential backoff with
 * an optional cap and symmetric jitter.
 *
 * @param maxAttempts attempts in all, the first one included ({@code max_attempts}), at least 1
 * @param initialDelaySeconds delay before the first retry ({@code initial_delay_seconds}), at least 0
 * @param backoffFactor multiplier applied per retry ({@code backoff_factor}), at least 1
 * @param maxDelaySeconds cap on the delay before jitter ({@code max_delay_seconds}), at least 0; {@code null} for no
 *     cap
 * @param jitterFactor share of the delay by which jitter may move it either way ({@code jitter_factor}), 0 to 1
 */
public record RetryPolicyConfig(
    int maxAttempts,
    double initialDelaySeconds,
    double backoffFactor,
    Double maxDelaySeconds,
    double jitterFactor) {

  private static final RetryPolicyConfig DEFAULTS = new RetryPolicyConfig(3, 30.0, 2.0, 300.0, 0.1);

  /**
   * Checks every bound; NaN and infinities are rejected wherever a number is expected.
   *
   * @throws ValidationException naming the field that is out of range
   */
  public RetryPolicyConfig {
    if (maxAttempts < 1) {
      throw new ValidationException("max_attempts must be at least 1 (got " + maxAttempts + ")");
    }
    requireAtLeast(initialDelaySeconds, 0, "initial_delay_seconds");
    requireAtLeast(backoffFactor, 1, "backoff_factor");
    if (maxDelaySeconds != null) {
      requireAtLeast(maxDelaySeconds, 0, "max_delay_seconds");
    }
    requireAtLeast(jitterFactor, 0, "jitter_factor");
    if (jitterFactor > 1) {
      throw new ValidationException("jitter_factor must be at most 1 (got " + jitterFactor + ")");
    }
  }

  /**
   * Upstream's defaults: 3 attempts, 30 s doubling per retry, capped at 300 s, with 10 % jitter.
   *
   * @return the default retry policy
   */
  public static RetryPolicyConfig defaults() {
    return DEFAULTS;
  }

  /**
   * Whether and when to retry a run that failed after {@code retriesScheduled} retries had been scheduled for it.
   *
   * <p>The delay is {@code initial_delay_seconds × backoff_factor^retriesScheduled}, capped at
   * {@code max_delay_seconds}, then moved by {@code (2u − 1) × delay × jitter_factor} for a draw {@code u} of
   * {@code uniform01} (drawn only when {@code jitter_factor} is above 0). The retry is scheduled that long after
   * {@code failedAt}, truncated to microseconds.
   *
   * @param retriesScheduled retries already scheduled for the run, 0 after its first attempt failed
   * @param failedAt when the failed attempt ended
   * @param uniform01 source of uniformly distributed values in [0, 1)
   * @return the retry, or empty once {@code max_attempts} attempts have been used
   * @throws IllegalArgumentException if {@code retriesScheduled} is negative or {@code uniform01} returns a value
   *     outside [0, 1)
   * @throws ValidationException if, without {@code max_delay_seconds}, the delay grows past what an instant can
   *     hold
   */
  public Optional<RetryDecision> decide(int retriesScheduled, Instant failedAt, DoubleSupplier uniform01) {
    if (retriesScheduled < 0) {
      throw new IllegalArgumentException("retriesScheduled must not be negative, got " + retriesScheduled);
    }
    Objects.requireNonNull(failedAt, "failedAt");
    Objects.requireNonNull(uniform01, "uniform01");
    if (retriesScheduled >= maxAttempts - 1) {
      return Optional.empty();
    }
    // 0 times an overflowed power would be NaN; without an initial delay every delay is 0.
    double delay = initialDelaySeconds == 0 ? 0 : initialDelaySeconds * Math.pow(backoffFactor, retriesScheduled);
    if (maxDelaySeconds != null) {
      delay = Math.min(delay, maxDelaySeconds);
    }
    if (Double.isInfinite(delay)) {
      throw tooLong(delay, null);
    }
    if (jitterFactor > 0) {
      double u = uniform01.getAsDouble();
      if (!(u >= 0 && u < 1)) {
        throw new IllegalArgumentException("uniform01 must return values in [0, 1), got " + u);
      }
      // jitter_factor <= 1 keeps the result at or above 0, the floor upstream applies.
      delay += (2 * u - 1) * delay * jitterFactor;
    }
    return Optional.of(new RetryDecision(retriesScheduled + 1, scheduledFor(failedAt, delay), delay));
  }

  private static Instant scheduledFor(Instant failedAt, double delaySeconds) {
    try {
      long whole = (long) delaySeconds;
      long nanos = Math.round((delaySeconds - whole) * 1e9);
      return failedAt.plus(Duration.ofSeconds(whole, nanos)).truncatedTo(ChronoUnit.MICROS);
    } catch (ArithmeticException | DateTimeException e) {
      throw tooLong(delaySeconds, e);
    }
  }

  private static ValidationException tooLong(double delaySeconds, Throwable cause) {
    return new ValidationException(
        "A retry delay of " + delaySeconds + " seconds cannot be scheduled; set max_delay_seconds to cap it", cause);
  }

  private static void requireAtLeast(double value, double minimum, String field) {
    if (!Double.isFinite(value) || value < minimum) {
      throw new ValidationException(field + " must be a finite number of at least " + minimum + " (got " + value + ")");
    }
  }
}
