package io.orcheo.persistence.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.UUID;

/**
 * Plain JDBC on the workflow repository's database ({@code workflows.sqlite}, or the test's PostgreSQL database),
 * beneath the repository: for tests that check what is stored, or plant rows the repository would not write.
 */
public final class RepositoryRows {
  private final OrcheoPersistence persistence;
  private final TestBackend backend;

  public RepositoryRows(OrcheoPersistence persistence, TestBackend backend) {
    this.persistence = persistence;
    this.backend = backend;
  }

  private Connection connection() throws SQLException {
    return persistence.database(Store.REPOSITORY).dataSource().getConnection();
  }

  /** Every row of {@code sql}, each column as text. */
  public List<List<String>> query(String sql, Object... parameters) throws SQLException {
    try (Connection connection = connection()) {
      return Rows.query(connection, sql, parameters);
    }
  }

  /** The one column of the one row {@code sql} returns. */
  public String text(String sql, Object... parameters) throws SQLException {
    List<List<String>> rows = query(sql, parameters);
    assertThat(rows).as("rows of %s", sql).hasSize(1);
    return rows.get(0).get(0);
  }

  /** The count {@code sql} returns. */
  public long count(String sql, Object... parameters) throws SQLException {
    return Long.parseLong(text(sql, parameters));
  }

  /** The number of rows of {@code table}. */
  public long rowsOf(String table) throws SQLException {
    return count("SELECT count(*) FROM " + table);
  }

  /** The one JSON value {@code sql} returns, parsed. */
  public JsonNode json(String sql, Object... parameters) throws SQLException {
    return JsonCodec.read(text(sql, parameters));
  }

  /** Runs a statement; returns the number of rows it changed. */
  public int execute(String sql, Object... parameters) throws SQLException {
    try (Connection connection = connection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }

  /** The stored {@code payload} of the row {@code id} of {@code table}, parsed. */
  public ObjectNode payload(String table, UUID id) throws SQLException {
    return (ObjectNode) JsonCodec.read(text("SELECT payload FROM " + table + " WHERE id = ?", id.toString()));
  }

  /** The stored {@code payload} text of the row {@code id} of {@code table}, as the database returns it. */
  public String payloadText(String table, UUID id) throws SQLException {
    return text("SELECT payload FROM " + table + " WHERE id = ?", id.toString());
  }

  /** Overwrites the {@code payload} of the row {@code id} of {@code table}, leaving every other column alone. */
  public void replacePayload(String table, UUID id, JsonNode payload) throws SQLException {
    // PostgreSQL will not take text for a jsonb column without a cast; SQLite stores the text as it is.
    String parameter = backend == TestBackend.POSTGRES ? "CAST(? AS jsonb)" : "?";
    int changed = execute("UPDATE " + table + " SET payload = " + parameter + " WHERE id = ?",
        JsonCodec.write(payload), id.toString());
    assertThat(changed).as("rows of %s with id %s", table, id).isEqualTo(1);
  }

  /** A timestamp column of one row, or {@code null}: isoformat text on SQLite, {@code timestamptz} on PostgreSQL. */
  public Instant instant(String sql, Object... parameters) throws SQLException {
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
