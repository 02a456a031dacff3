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
}
