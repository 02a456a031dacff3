package io.orcheo.persistence.it.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.runtime.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Plain JDBC on the database that holds the run history (the repository's: {@code workflows.sqlite}, or the test's
 * PostgreSQL database), beneath the store: to check what is stored, or to change rows as another writer would.
 */
final class HistoryRows {
  private final OrcheoPersistence persistence;
  private final TestBackend backend;

  HistoryRows(OrcheoPersistence persistence, TestBackend backend) {
    this.persistence = persistence;
    this.backend = backend;
  }

  private Connection connection() throws SQLException {
    return persistence.database(Store.REPOSITORY).dataSource().getConnection();
  }

  /** Every row of {@code sql}, each column as the driver's text. */
  List<List<String>> query(String sql, Object... parameters) throws SQLException {
    try (Connection connection = connection()) {
      return Rows.query(connection, sql, parameters);
    }
  }

  /** The one column of the one row {@code sql} returns. */
  String text(String sql, Object... parameters) throws SQLException {
    List<List<String>> rows = query(sql, parameters);
    assertThat(rows).as("rows of %s", sql).hasSize(1);
    return rows.get(0).get(0);
  }

  long count(String sql, Object... parameters) throws SQLException {
    return Long.parseLong(text(sql, parameters));
  }

  /** The number of rows of {@code table}. */
  long rowsOf(String table) throws SQLException {
    return count("SELECT count(*) FROM " + table);
  }

  /** Runs a statement; returns the number of rows it changed. */
  int execute(String sql, Object... parameters) throws SQLException {
    try (Connection connection = connection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }

  /** A JSON column of one row, parsed from the text the database returns. */
  JsonNode json(String sql, Object... parameters) throws SQLException {
    return JsonCodec.read(text(sql, parameters));
  }

  /** A timestamp column of one row, or {@code null}: isoformat text on SQLite, {@code timestamptz} on PostgreSQL. */
  Instant instant(String sql, Object... parameters) throws SQLException {
    try (Connection connection = connection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).as("a row from %s", sql).isTrue();
        // Read as an OffsetDateTime on PostgreSQL: its text form follows the session's time zone.
        OffsetDateTime value = backend == TestBackend.POSTGRES
            ? rows.getObject(1, OffsetDateTime.class)
            : rows.getString(1) == null ? null : OffsetDateTime.parse(rows.getString(1));
        return value == null ? null : value.toInstant();
      }
    }
  }
}
