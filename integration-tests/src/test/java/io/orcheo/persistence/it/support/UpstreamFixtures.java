package io.orcheo.persistence.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Databases as upstream Orcheo writes them, for the compatibility tests: upstream's DDL plus the rows its own Python
 * generators ({@code src/test/resources/upstream/…/generate.py}) wrote, one SQL statement per line.
 */
public final class UpstreamFixtures {
  private UpstreamFixtures() {}

  /** The non-blank lines of a test resource (UTF-8; the generators escape or write raw UTF-8). */
  public static List<String> resourceLines(String name) throws IOException {
    try (InputStream in = UpstreamFixtures.class.getResourceAsStream(name)) {
      assertThat(in).as("resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
  }

  /**
   * Writes {@code dir/workflows.sqlite} through a plain connection, as Python's sqlite3 module does: the
   * {@code ;}-separated {@code schema}, then each statement of the resource {@code rows}.
   */
  public static void writeSqlite(Path dir, String schema, String rows) throws SQLException, IOException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("workflows.sqlite"));
        Statement statement = connection.createStatement()) {
      for (String sql : schema.split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
      for (String line : resourceLines(rows)) {
        statement.executeUpdate(line);
      }
    }
  }

  /**
   * The statements of a script resource the generators write: each ends with {@code ;} at the end of a line, and may
   * span several lines (upstream's multi-line CREATE statements). Values never hold a raw line break (JSON escapes
   * it), so a line that ends with {@code ;} ends a statement.
   */
  public static List<String> scriptStatements(String name) throws IOException {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : resourceLines(name)) {
      current.append(current.length() == 0 ? "" : "\n").append(line);
      if (line.stripTrailing().endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    assertThat(current.toString()).as("unterminated statement at the end of %s", name).isBlank();
    return statements;
  }

  /** The statements of {@link #scriptStatements} that define the schema (everything but the INSERTs). */
  public static List<String> schemaStatements(String name) throws IOException {
    return scriptStatements(name).stream().filter(sql -> !sql.startsWith("INSERT ")).toList();
  }

  /**
   * Runs every statement of a script resource ({@link #scriptStatements}) on {@code file} through a plain
   * connection, as Python's sqlite3 module does (foreign keys off, the script's own journal mode).
   */
  public static void runSqliteScript(Path file, String name) throws SQLException, IOException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      execute(connection, scriptStatements(name));
    }
  }

  /** Executes {@code statements} in order on {@code connection}. */
  public static void execute(Connection connection, List<String> statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
