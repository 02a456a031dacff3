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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Plain JDBC on the database of one store ({@code workflows.sqlite}, {@code chatkit.sqlite}…, or the test's
 * PostgreSQL database), beneath the repositories: for tests that check what is stored, or plant rows the repositories
 * would not write.
 */
public class StoreRows {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private final OrcheoPersistence persistence;
  private final TestBackend backend;
  private final Store store;

  public StoreRows(OrcheoPersistence persistence, TestBackend backend, Store store) {
    this.persistence = persistence;
    this.backend = backend;
    this.store = store;
  }

  private Connection connection() throws SQLException {
    return persistence.database(store).dataSource().getConnection();
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

  /** The first column of every row {@code sql} returns. */
  public List<String> column(String sql, Object... parameters) throws SQLException {
    return query(sql, parameters).stream().map(row -> row.get(0)).toList();
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

  /** A JSON parameter's placeholder: PostgreSQL needs a cast to {@code jsonb}, SQLite stores the text. */
  public String jsonParameter() {
    return backend == TestBackend.POSTGRES ? "CAST(? AS jsonb)" : "?";
  }

  /** A timestamp parameter as the backend stores it: isoformat text on SQLite, {@code timestamptz} on PostgreSQL. */
  public Object timestamp(Instant instant) {
    OffsetDateTime utc = instant.atOffset(ZoneOffset.UTC);
    if (backend == TestBackend.POSTGRES) {
      return utc;
    }
    // Python's isoformat: six fraction digits, or none when the microseconds are zero.
    int micros = utc.getNano() / 1000;
    String seconds = SECONDS.format(utc);
    return micros == 0 ? seconds + "+00:00" : seconds + String.format(".%06d", micros) + "+00:00";
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
    int changed = execute("UPDATE " + table + " SET payload = " + jsonParameter() + " WHERE id = ?",
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
