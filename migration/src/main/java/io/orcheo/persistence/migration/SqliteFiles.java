package io.orcheo.persistence.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.sqlite.SQLiteConfig;

/** Reading the SQLite files a migration starts from: read-only connections, and quoted names for plain SQL. */
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

  static String quoted(List<String> names) {
    return names.stream().map(SqliteFiles::quote).collect(Collectors.joining(", "));
  }

  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
