package io.orcheo.persistence.it.chatkit;

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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Plain JDBC on ChatKit's database ({@code chatkit.sqlite}, or the test's PostgreSQL database), beneath the store:
 * for tests that check what is stored, or plant rows the store would not write.
 */
final class ChatRows {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private final OrcheoPersistence persistence;
  private final TestBackend backend;

  ChatRows(OrcheoPersistence persistence, TestBackend backend) {
    this.persistence = persistence;
    this.backend = backend;
  }

  private Connection connection() throws SQLException {
    return persistence.database(Store.CHATKIT).dataSource().getConnection();
  }

  /** Every row of {@code sql}, each column as text. */
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

  /** The first column of every row {@code sql} returns. */
  List<String> column(String sql, Object... parameters) throws SQLException {
    return query(sql, parameters).stream().map(row -> row.get(0)).toList();
  }

  /** The count {@code sql} returns. */
  long count(String sql, Object... parameters) throws SQLException {
    return Long.parseLong(text(sql, parameters));
  }

  /** The number of rows of {@code table}. */
  long rowsOf(String table) throws SQLException {
    return count("SELECT count(*) FROM " + table);
  }

  /** The one JSON value {@code sql} returns, parsed. */
  JsonNode json(String sql, Object... parameters) throws SQLException {
    return JsonCodec.read(text(sql, parameters));
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

  /** A JSON parameter's placeholder: PostgreSQL needs a cast to {@code jsonb}, SQLite stores the text. */
  String jsonParameter() {
    return backend == TestBackend.POSTGRES ? "CAST(? AS jsonb)" : "?";
  }

  /** A timestamp parameter as the backend stores it: isoformat text on SQLite, {@code timestamptz} on PostgreSQL. */
  Object timestamp(Instant instant) {
    OffsetDateTime utc = instant.atOffset(ZoneOffset.UTC);
    if (backend == TestBackend.POSTGRES) {
      return utc;
    }
    // Python's isoformat: six fraction digits, or none when the microseconds are zero.
    int micros = utc.getNano() / 1000;
    String seconds = SECONDS.format(utc);
    return micros == 0 ? seconds + "+00:00" : seconds + String.format(".%06d", micros) + "+00:00";
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
        OffsetDateTime value = backend == TestBackend.POSTGRES
            ? rows.getObject(1, OffsetDateTime.class)
            : rows.getString(1) == null ? null : OffsetDateTime.parse(rows.getString(1));
        return value == null ? null : value.toInstant();
      }
    }
  }

  /** The thread's {@code updated_at}. */
  Instant updatedAt(String threadId) throws SQLException {
    return instant("SELECT updated_at FROM chat_threads WHERE id = ?", threadId);
  }

  /** The ordinals of the thread's items, ascending. */
  List<Integer> ordinals(String threadId) throws SQLException {
    return column("SELECT ordinal FROM chat_messages WHERE thread_id = ? ORDER BY ordinal, id", threadId).stream()
        .map(Integer::valueOf).toList();
  }

  /** The ids of the thread's items by (ordinal, id). */
  List<String> itemIds(String threadId) throws SQLException {
    return column("SELECT id FROM chat_messages WHERE thread_id = ? ORDER BY ordinal, id", threadId);
  }
}
