package io.orcheo.persistence.core.workflows.triggers;

import io.orcheo.persistence.core.error.ValidationException;

/**
 * How many webhook requests a trigger accepts per window, as upstream Orcheo's {@code RateLimitConfig}.
 *
 * @param limit the most requests accepted in one window ({@code limit}), at least 1
 * @param intervalSeconds the window's length in seconds ({@code interval_seconds}), at least 1
 */
public record RateLimitConfig(int limit, int intervalSeconds) {
  private static final RateLimitConfig DEFAULTS = new RateLimitConfig(60, 60);

  /**
   * Checks both bounds.
   *
   * @throws ValidationException if {@code limit} or {@code intervalSeconds} is below 1, naming the field
   */
  public RateLimitConfig {
    if (limit < 1) {
      throw new ValidationException("rate_limit.limit must be at least 1 (got " + limit + ")");
    }
    if (intervalSeconds < 1) {
      throw new ValidationException("rate_limit.interval_seconds must be at least 1 (got " + intervalSeconds + ")");
    }
  }

  /**
   * Upstream's defaults: 60 requests per 60 seconds.
   *
   * @return the default rate limit
   */
  public static RateLimitConfig defaults() {
    return DEFAULTS;
  }
}
