package io.orcheo.persistence.core.health;

import io.orcheo.persistence.core.config.Backend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one database as seen from this process.
 *
 * @param backend SQLite or PostgreSQL
 * @param target where it is: the SQLite file, or the PostgreSQL DSN with its password redacted
 * @param stores the Orcheo stores it holds (for example {@code service-tokens}); several on PostgreSQL
 * @param up whether a round trip succeeded
 * @param roundTrip how long {@code SELECT 1} took, when up
 * @param pool connection-pool statistics
 * @param lastChangeSet id of the Liquibase changeset applied last, empty when none was
 * @param rowCounts rows per table, when asked for
 * @param error why the database is down, when it is
 */
public record DatabaseHealth(
    Backend backend,
    String target,
    List<String> stores,
    boolean up,
    Optional<Duration> roundTrip,
    PoolStats pool,
    Optional<String> lastChangeSet,
    Map<String, Long> rowCounts,
    Optional<String> error) {

  /** Copies the collections; every component is required (absent values are empty optionals). */
  public DatabaseHealth {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(target, "target");
    stores = List.copyOf(stores);
    Objects.requireNonNull(roundTrip, "roundTrip");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(lastChangeSet, "lastChangeSet");
    rowCounts = Map.copyOf(rowCounts);
    Objects.requireNonNull(error, "error");
  }

  /**
   * Connection-pool statistics.
   *
   * @param active connections in use
   * @param idle connections waiting in the pool
   * @param total connections open
   * @param waiting threads waiting for a connection
   * @param maximum the pool's size limit
   */
  public record PoolStats(int active, int idle, int total, int waiting, int maximum) {}
}
