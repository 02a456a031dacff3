package io.orcheo.persistence.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The hand-written JDBC baseline: the same statements as {@code TokenQueries} (same columns, same bind types, same
 * {@code cast(? as jsonb)} on PostgreSQL), mapped into the same {@link ServiceToken} with the same Jackson mapper and
 * timestamp codec, on the very pool the jOOQ repository uses. What it leaves out is exactly what jOOQ adds: the
 * query DSL, SQL rendering, {@code Record} materialisation and the retry/translation wrapper.
 */
final class JdbcServiceTokens {
  /** All 18 columns, as jOOQ's {@code selectFrom(SERVICE_TOKENS)} renders them. */
  static final String SELECT_BY_HASH = "SELECT identifier, secret_hash, scopes, workspace_ids, created_at, created_by,"
      + " issued_at, expires_at, last_used_at, use_count, rotation_expires_at, rotated_to, rotated_from, revoked_at,"
      + " revoked_by, revocation_reason, allowed_ip_ranges, rate_limit_override"
      + " FROM service_tokens WHERE secret_hash = ? LIMIT 1";

  // Column positions in SELECT_BY_HASH.
  private static final int IDENTIFIER = 1;
  private static final int SECRET_HASH = 2;
  private static final int SCOPES = 3;
  private static final int WORKSPACE_IDS = 4;
  private static final int ISSUED_AT = 7;
  private static final int EXPIRES_AT = 8;
  private static final int LAST_USED_AT = 9;
  private static final int USE_COUNT = 10;
  private static final int ROTATION_EXPIRES_AT = 11;
  private static final int ROTATED_TO = 12;
  private static final int REVOKED_AT = 14;
  private static final int REVOCATION_REASON = 16;

  private final DataSource dataSource;
  private final boolean postgres;
  private final Clock clock;
  private final String insertSql;
  private final ObjectMapper mapper = JsonCodec.mapper();

  JdbcServiceTokens(DataSource dataSource, boolean postgres, Clock clock) {
    this.dataSource = dataSource;
    this.postgres = postgres;
    this.clock = clock;
    String json = postgres ? "cast(? as jsonb)" : "?";
    this.insertSql = "INSERT INTO service_tokens (identifier, secret_hash, scopes, workspace_ids, created_at,"
        + " issued_at, expires_at, rotation_expires_at, rotated_to, revoked_at, revocation_reason)"
        + " VALUES (?, ?, " + json + ", " + json + ", ?, ?, ?, ?, ?, ?, ?)";
  }

  /** {@code findByHash}: one autocommit SELECT on a pooled connection. */
  Optional<ServiceToken> findByHash(String secretHash) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(SELECT_BY_HASH)) {
      statement.setString(1, secretHash);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(map(rows));
      }
    }
  }

  /** Maps the current row of a result with the columns of {@link #SELECT_BY_HASH}, in that order. */
  ServiceToken map(ResultSet rows) throws SQLException {
    int useCount = rows.getInt(USE_COUNT);
    if (rows.wasNull()) {
      useCount = 0;
    }
    return new ServiceToken(
        rows.getString(IDENTIFIER),
        rows.getString(SECRET_HASH),
        set(rows.getString(SCOPES)),
        set(rows.getString(WORKSPACE_IDS)),
        instant(rows, ISSUED_AT),
        instant(rows, EXPIRES_AT),
        instant(rows, ROTATION_EXPIRES_AT),
        instant(rows, REVOKED_AT),
        rows.getString(REVOCATION_REASON),
        rows.getString(ROTATED_TO),
        instant(rows, LAST_USED_AT),
        useCount);
  }

  /** {@code create}: one INSERT in its own transaction (BEGIN IMMEDIATE on SQLite), committed. */
  ServiceToken create(ServiceToken token) throws SQLException {
    Instant now = clock.instant();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement statement = connection.prepareStatement(insertSql)) {
          bindInsert(statement, token, now);
          statement.executeUpdate();
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
    return token.withUsage(null, 0);
  }

  /** The eleven values of {@code insertSql}, as the repository writes them. */
  private void bindInsert(PreparedStatement statement, ServiceToken token, Instant now) throws SQLException {
    statement.setString(1, token.identifier());
    statement.setString(2, token.secretHash());
    setJson(statement, 3, token.scopes());
    setJson(statement, 4, token.workspaceIds());
    setInstant(statement, 5, now);
    setInstant(statement, 6, token.issuedAt());
    setInstant(statement, 7, token.expiresAt());
    setInstant(statement, 8, token.rotationExpiresAt());
    statement.setString(9, token.rotatedTo());
    setInstant(statement, 10, token.revokedAt());
    statement.setString(11, token.revocationReason());
  }

  /** Setup only: inserts the rows in one transaction, as one JDBC batch. */
  void insertBatch(java.util.List<ServiceToken> tokens) throws SQLException {
    Instant now = clock.instant();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement(insertSql)) {
        for (ServiceToken token : tokens) {
          bindInsert(statement, token, now);
          statement.addBatch();
        }
        statement.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  private Instant instant(ResultSet rows, int column) throws SQLException {
    if (postgres) {
      OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
      return value == null ? null : value.toInstant();
    }
    String text = rows.getString(column);
    return text == null ? null : UpstreamTimestamps.parse(text);
  }

  private void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
    if (value == null) {
      statement.setNull(index, postgres ? Types.TIMESTAMP_WITH_TIMEZONE : Types.VARCHAR);
    } else if (postgres) {
      statement.setObject(index, UpstreamTimestamps.normalize(value).atOffset(ZoneOffset.UTC));
    } else {
      statement.setString(index, UpstreamTimestamps.format(value));
    }
  }

  /** Same rule as the repository: an empty set is stored as NULL, otherwise a compact JSON array. */
  private static void setJson(PreparedStatement statement, int index, SortedSet<String> values) throws SQLException {
    if (values.isEmpty()) {
      statement.setNull(index, Types.VARCHAR);
      return;
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode(values.size());
    values.forEach(array::add);
    statement.setString(index, JsonCodec.write(array));
  }

  /** Same rule as the repository: a JSON array, or a JSON string holding one (a value encoded twice). */
  private SortedSet<String> set(String text) throws SQLException {
    SortedSet<String> values = new TreeSet<>();
    if (text == null) {
      return values;
    }
    try {
      JsonNode node = mapper.readTree(text);
      if (node.isTextual()) {
        node = mapper.readTree(node.textValue());
      }
      node.forEach(element -> values.add(element.asText()));
    } catch (JsonProcessingException e) {
      throw new SQLException("Stored JSON is not valid: " + e.getOriginalMessage(), e);
    }
    return values;
  }
}
