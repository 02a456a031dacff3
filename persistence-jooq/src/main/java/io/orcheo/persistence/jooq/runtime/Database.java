package io.orcheo.persistence.jooq.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.orcheo.persistence.core.config.Backend;
import io.orcheo.persistence.core.config.PoolSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.core.error.PersistenceException;
import io.orcheo.persistence.core.error.StorageException;
import io.orcheo.persistence.core.error.StorageUnavailableException;
import io.orcheo.persistence.core.health.DatabaseHealth;
import io.orcheo.persistence.schema.SchemaMigrator;
import io.orcheo.persistence.schema.SchemaUpdateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.RenderTable;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One physical database (a SQLite file, or the PostgreSQL database) with its pool, its jOOQ context and the
 * changelog that describes it. Created by {@link io.orcheo.persistence.jooq.OrcheoPersistence}.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);
  /** Attempts per transaction before a transient conflict is reported. */
  static final int MAX_ATTEMPTS = 8;
  /** SQLite allows one writer at a time; a few connections serve concurrent WAL readers. */
  static final int SQLITE_POOL_SIZE = 4;

  private final Backend backend;
  private final String target;
  private final List<Store> stores;
  private final String changelog;
  private final HikariDataSource dataSource;
  private final DSLContext dsl;
  private final Transactor transactor;

  private Database(
      Backend backend, String target, List<Store> stores, String changelog, HikariDataSource dataSource) {
    this.backend = backend;
    this.target = target;
    this.stores = List.copyOf(stores);
    this.changelog = changelog;
    this.dataSource = dataSource;
    this.dsl = DSL.using(dataSource, backend == Backend.POSTGRES ? SQLDialect.POSTGRES : SQLDialect.SQLITE, jooqSettings());
    this.transactor = new Transactor(dsl, MAX_ATTEMPTS);
  }

  /**
   * Opens a SQLite file (creating it and its parent directories), with WAL, {@code busy_timeout},
   * {@code foreign_keys=ON}, {@code synchronous=NORMAL} and {@code BEGIN IMMEDIATE} transactions on every pooled
   * connection: sqlite-jdbc applies these driver properties to each connection it opens, which a one-off PRAGMA on
   * one connection would not (HikariCP#1772).
   */
  public static Database sqlite(Path file, Duration busyTimeout, List<Store> stores) {
    Path absolute = file.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute.getParent());
    } catch (IOException e) {
      throw new StorageUnavailableException("Cannot create the directory of SQLite database " + absolute + ": " + e, e);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("orcheo-sqlite-" + absolute.getFileName());
    config.setJdbcUrl("jdbc:sqlite:" + absolute);
    config.setMaximumPoolSize(SQLITE_POOL_SIZE);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(Math.max(busyTimeout.toMillis() * 2, 30_000));
    Properties pragmas = new Properties();
    pragmas.setProperty("journal_mode", "WAL");
    pragmas.setProperty("busy_timeout", Long.toString(busyTimeout.toMillis()));
    pragmas.setProperty("foreign_keys", "true");
    pragmas.setProperty("synchronous", "NORMAL");
    pragmas.setProperty("transaction_mode", "IMMEDIATE");
    config.setDataSourceProperties(pragmas);
    // The pool's first connection switches a new file to WAL, which must not race another opener.
    try (SqliteSetupLock setup = SqliteSetupLock.acquire(absolute)) {
      return new Database(Backend.SQLITE, absolute.toString(), stores, stores.get(0).sqliteChangelog(),
          pool(config, absolute.toString()));
    }
  }

  /** Opens the PostgreSQL database of {@code dsn} with the pool settings of {@code ORCHEO_POSTGRES_POOL_*}. */
  public static Database postgres(PostgresDsn dsn, PoolSettings pool, List<Store> stores) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("orcheo-postgres");
    config.setJdbcUrl(dsn.jdbcUrl());
    config.setDataSourceProperties(dsn.connectionProperties());
    config.setMinimumIdle(pool.minSize());
    config.setMaximumPoolSize(pool.maxSize());
    config.setConnectionTimeout(pool.timeout().toMillis());
    // HikariCP refuses idle timeouts under 10 s and would silently raise them.
    config.setIdleTimeout(Math.max(pool.maxIdle().toMillis(), 10_000));
    return new Database(Backend.POSTGRES, dsn.redacted(), stores, SchemaMigrator.MASTER, pool(config, dsn.redacted()));
  }

  private static HikariDataSource pool(HikariConfig config, String target) {
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StorageUnavailableException("Cannot connect to " + target + ": " + rootMessage(e), e);
    }
  }

  private static Settings jooqSettings() {
    return new Settings()
        // Names are generated schema-less; never qualify them (jOOQ#2846).
        .withRenderSchema(false)
        // Column names carry their table only where a query has several: shorter SQL, which sqlite-jdbc parses
        // anew for every statement (it has no statement cache).
        .withRenderTable(RenderTable.WHEN_MULTIPLE_TABLES)
        // Per-statement DEBUG logging and warning fetches cost time on every call; failures are still translated.
        .withExecuteLogging(false)
        .withFetchWarnings(false);
  }

  /**
   * Brings the schema up to date with this database's changelog. On SQLite, one process at a time per file
   * ({@link SqliteSetupLock}); a Liquibase lock row left taken by a process that died mid-update is released first.
   */
  public void migrate() {
    if (backend == Backend.SQLITE) {
      try (SqliteSetupLock setup = SqliteSetupLock.acquire(Path.of(target))) {
        releaseAbandonedLiquibaseLock();
        update();
      }
    } else {
      update();
    }
  }

  private void update() {
    try {
      SchemaMigrator.update(dataSource.getConnection(), changelog, null);
    } catch (SQLException e) {
      throw ExceptionTranslator.translate("open a connection to migrate " + target, e);
    } catch (SchemaUpdateException e) {
      throw new StorageException("Schema update of " + target + " failed: " + e.getMessage(), null, e);
    }
  }

  /**
   * Only called under the setup lock, when no other process of ours can hold Liquibase's lock: a taken row is a
   * leftover of a crash, and Liquibase would otherwise wait five minutes for it, then fail every start.
   */
  private void releaseAbandonedLiquibaseLock() {
    try (Connection connection = dataSource.getConnection()) {
      boolean exists;
      try (var tables = connection.getMetaData().getTables(null, null, "DATABASECHANGELOGLOCK", null)) {
        exists = tables.next();
      }
      if (exists) {
        try (var statement = connection.createStatement()) {
          int released = statement.executeUpdate(
              "UPDATE DATABASECHANGELOGLOCK SET LOCKED = 0, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE LOCKED <> 0");
          if (released > 0) {
            log.warn("Released the Liquibase lock of {} left by a schema update that did not finish", target);
          }
        }
      }
    } catch (SQLException e) {
      throw ExceptionTranslator.translate("check the schema update lock of " + target, e);
    }
  }

  /** SQLite or PostgreSQL. */
  public Backend backend() {
    return backend;
  }

  /** The SQLite file, or the redacted DSN. */
  public String target() {
    return target;
  }

  /** The Orcheo stores this database holds. */
  public List<Store> stores() {
    return stores;
  }

  /** Runs operations on this database; shared by every repository it holds. */
  public Transactor transactor() {
    return transactor;
  }

  /**
   * Checks the database: a timed round trip, pool statistics, the last changeset, and, if asked, row counts of the
   * stores' tables. Never throws for a database that is down; the result says so.
   */
  public DatabaseHealth health(boolean withRowCounts) {
    List<String> storeIds = stores.stream().map(Store::id).toList();
    try {
      Duration roundTrip;
      Optional<String> lastChangeSet;
      try (Connection connection = dataSource.getConnection()) {
        roundTrip = roundTrip(connection);
        lastChangeSet = SchemaMigrator.lastAppliedChangeSet(connection);
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      if (withRowCounts) {
        for (Store store : stores) {
          for (Table<?> table : store.tables()) {
            counts.put(table.getName(), (long) dsl.fetchCount(table));
          }
        }
      }
      return new DatabaseHealth(backend, target, storeIds, true, Optional.of(roundTrip), poolStats(), lastChangeSet,
          counts, Optional.empty());
    } catch (SQLException | RuntimeException e) {
      PersistenceException failure = ExceptionTranslator.translate("health check of " + target, e);
      return new DatabaseHealth(backend, target, storeIds, false, Optional.empty(), poolStats(), Optional.empty(),
          Map.of(), Optional.of(failure.getMessage()));
    }
  }

  /**
   * A {@code SELECT 1} on a pooled connection, timed on its second run so that the figure is the database's latency
   * and not the driver's first-use work.
   */
  private static Duration roundTrip(Connection connection) throws SQLException {
    try (var statement = connection.prepareStatement("SELECT 1")) {
      long elapsed = 0;
      for (int run = 0; run < 2; run++) {
        long start = System.nanoTime();
        try (var rows = statement.executeQuery()) {
          rows.next();
        }
        elapsed = System.nanoTime() - start;
      }
      return Duration.ofNanos(elapsed);
    }
  }

  private DatabaseHealth.PoolStats poolStats() {
    HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
    if (pool == null) {
      return new DatabaseHealth.PoolStats(0, 0, 0, 0, dataSource.getMaximumPoolSize());
    }
    return new DatabaseHealth.PoolStats(pool.getActiveConnections(), pool.getIdleConnections(),
        pool.getTotalConnections(), pool.getThreadsAwaitingConnection(), dataSource.getMaximumPoolSize());
  }

  /** The pool, for code that needs plain JDBC on the same connections (benchmarks, tests, the migration tool). */
  public javax.sql.DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
