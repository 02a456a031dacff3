package io.orcheo.persistence.core.config;

import io.orcheo.persistence.core.error.ConfigurationException;
import java.time.Duration;

/**
 * Sizing of the PostgreSQL connection pool, with upstream Orcheo's defaults.
 *
 * @param minSize connections kept open when idle ({@code ORCHEO_POSTGRES_POOL_MIN_SIZE}), at least 1
 * @param maxSize the most connections open at once ({@code ORCHEO_POSTGRES_POOL_MAX_SIZE}), at least {@code minSize}
 * @param timeout how long a caller waits for a free connection ({@code ORCHEO_POSTGRES_POOL_TIMEOUT}), positive
 * @param maxIdle how long a surplus connection may stay idle before it is closed
 *     ({@code ORCHEO_POSTGRES_POOL_MAX_IDLE}), positive
 */
public record PoolSettings(int minSize, int maxSize, Duration timeout, Duration maxIdle) {
  private static final PoolSettings DEFAULTS =
      new PoolSettings(1, 10, Duration.ofSeconds(30), Duration.ofSeconds(300));

  /**
   * Checks the values, naming the offending setting's key.
   *
   * @param minSize connections kept open when idle, at least 1
   * @param maxSize the most connections open at once, at least {@code minSize}
   * @param timeout how long a caller waits for a free connection, positive
   * @param maxIdle how long a surplus connection may stay idle, positive
   * @throws ConfigurationException if a size is below 1, {@code maxSize < minSize}, or a duration is missing,
   *     zero or negative
   */
  public PoolSettings {
    if (minSize < 1) {
      throw new ConfigurationException(
          PersistenceSettings.POOL_MIN_SIZE_KEY,
          PersistenceSettings.POOL_MIN_SIZE_KEY + " must be at least 1 (got " + minSize + ").");
    }
    if (maxSize < 1) {
      throw new ConfigurationException(
          PersistenceSettings.POOL_MAX_SIZE_KEY,
          PersistenceSettings.POOL_MAX_SIZE_KEY + " must be at least 1 (got " + maxSize + ").");
    }
    // Upstream does not check this; a pool that may never reach its minimum fails late and obscurely.
    if (maxSize < minSize) {
      throw new ConfigurationException(
          PersistenceSettings.POOL_MAX_SIZE_KEY,
          PersistenceSettings.POOL_MAX_SIZE_KEY + " (" + maxSize + ") must not be less than "
              + PersistenceSettings.POOL_MIN_SIZE_KEY + " (" + minSize + ").");
    }
    requirePositive(PersistenceSettings.POOL_TIMEOUT_KEY, timeout);
    requirePositive(PersistenceSettings.POOL_MAX_IDLE_KEY, maxIdle);
  }

  /**
   * Upstream Orcheo's defaults: 1 to 10 connections, 30 s wait, 300 s idle.
   *
   * @return the default pool settings
   */
  public static PoolSettings defaults() {
    return DEFAULTS;
  }

  private static void requirePositive(String key, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new ConfigurationException(
          key, key + " must be a duration greater than 0 seconds (got " + describe(value) + ").");
    }
  }

  private static String describe(Duration value) {
    return value == null ? "nothing" : value.toString();
  }
}
