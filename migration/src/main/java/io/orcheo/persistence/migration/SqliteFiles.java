package io.orcheo.persistence.migration;

import io.orcheo.persistence.core.config.Backend;
import io.orcheo.persistence.jooq.runtime.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.SQLDialect;
import org.sqlite.SQLiteConfig;

/**
 * Reading the databases a migration compares and copies: read-only connections and snapshots, and quoted names for
 * plain SQL.
 */
final class SqliteFiles {
  /** Rows per insert statement stay under both drivers' bind limits (SQLite 32,766, PostgreSQL 65,535). */
  static final int MAX_BINDS = 30_000;

  private SqliteFiles() {}

  /** A read-only connection that waits up to 30 s for a writer's lock. */
  static Connection openReadOnly(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(30_000);
    return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
  }

  /**
   * A connection in a read-only transaction of its own, begun by its first read: on SQLite a read-only connection
   * to the file, outside the pool (whose transactions take the write lock up front, so two readers would wait on
   * each other), on PostgreSQL a pooled connection at repeatable read. Roll it back before closing it.
   */
  static Connection snapshot(Database database) throws SQLException {
    Connection connection = database.backend() == Backend.SQLITE
        ? openReadOnly(Path.of(database.target()))
        : database.dataSource().getConnection();
    connection.setAutoCommit(false);
    if (database.backend() == Backend.POSTGRES) {
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
    }
    return connection;
  }

  static SQLDialect dialect(Database database) {
    return database.backend() == Backend.POSTGRES ? SQLDialect.POSTGRES : SQLDialect.SQLITE;
  }

  static String quoted(List<String> names) {
    return names.stream().map(SqliteFiles::quote).collect(Collectors.joining(", "));
  }

  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
