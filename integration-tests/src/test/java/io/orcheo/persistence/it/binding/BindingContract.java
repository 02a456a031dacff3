package io.orcheo.persistence.it.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orcheo.persistence.core.tokens.AuditEntry;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.ServiceTokenRepository;
import io.orcheo.persistence.core.tokens.TokenSecrets;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.runtime.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bindings (design §2) through the real {@code service_tokens} tables: what goes in comes back equal, and what
 * lands in the column is upstream's representation. Raw values are read with plain JDBC on the pool's connections.
 */
public abstract class BindingContract extends BackendContract {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServiceTokenRepository tokens;

  @BeforeEach
  void repository() {
    tokens = persistence.serviceTokens();
  }

  private boolean sqlite() {
    return backend() == TestBackend.SQLITE;
  }

  private static ServiceToken token(String id, Instant issuedAt, Instant expiresAt) {
    return ServiceToken.issued(id, TokenSecrets.hash("secret-" + id), Set.of(), Set.of(), issuedAt, expiresAt);
  }

  // ----------------------------------------------------------------------------------------------- instants

  @Test
  void instantsRoundTripExactlyAtMicrosecondPrecision() {
    List<Instant> instants = List.of(
        Instant.parse("2025-01-02T03:04:05Z"),
        Instant.parse("2025-01-02T03:04:05.000001Z"),
        Instant.parse("2025-01-02T03:04:05.123456Z"),
        Instant.parse("2025-01-02T03:04:05.500000Z"),
        Instant.parse("2025-03-09T10:30:00.999999Z"), // Los Angeles switches to DST at 02:00 local that day
        Instant.parse("2025-11-02T09:30:00.000010Z"), // and back, the hour that repeats
        Instant.parse("1969-12-31T23:59:59.999999Z"),
        Instant.parse("1900-01-01T00:00:00.000001Z"),
        Instant.parse("0001-01-01T00:00:00Z"),
        Instant.parse("9999-12-31T23:59:59.999999Z"));
    for (int i = 0; i < instants.size(); i++) {
      tokens.create(token("t" + i, instants.get(i), instants.get(i)));
    }

    for (int i = 0; i < instants.size(); i++) {
      ServiceToken read = tokens.findById("t" + i).orElseThrow();
      assertThat(read.issuedAt()).as("issued_at of %s", instants.get(i)).isEqualTo(instants.get(i));
      assertThat(read.expiresAt()).as("expires_at of %s", instants.get(i)).isEqualTo(instants.get(i));
    }
  }

  @Test
  void clockInstantsWithNanosecondsAreStoredTruncatedToMicroseconds() throws SQLException {
    clock.set(Instant.parse("2025-01-02T03:04:05.123456789Z"));

    tokens.create(token("nanos", START, null));
    tokens.recordUsage("nanos", null, null);

    Instant truncated = Instant.parse("2025-01-02T03:04:05.123456Z");
    assertThat(rawInstant("SELECT created_at FROM service_tokens WHERE identifier = 'nanos'")).isEqualTo(truncated);
    assertThat(rawInstant("SELECT timestamp FROM service_token_audit_log WHERE token_id = 'nanos'"))
        .isEqualTo(truncated);
  }

  @Test
  void nanosecondsReadBackTruncatedThroughTheRepository() {
    clock.set(Instant.parse("2025-01-02T03:04:05.999999999Z"));
    tokens.create(token("nanos", START, null));

    tokens.recordUsage("nanos", null, null);

    Instant truncated = Instant.parse("2025-01-02T03:04:05.999999Z");
    assertThat(tokens.findById("nanos").orElseThrow().lastUsedAt()).isEqualTo(truncated);
    assertThat(tokens.auditLog("nanos", 1)).extracting(AuditEntry::timestamp).containsExactly(truncated);
  }

  @Test
  void timestampsAreStoredAsUpstreamIsoformatTextOnSqliteAndAsTimestamptzOnPostgres() throws SQLException {
    clock.set(Instant.parse("2025-01-02T03:04:05.000123Z"));
    tokens.create(token("fmt", Instant.parse("2025-01-02T03:04:05Z"), Instant.parse("2025-06-07T08:09:10.5Z")));

    if (sqlite()) {
      assertThat(rawText("SELECT typeof(created_at) FROM service_tokens")).isEqualTo("text");
      assertThat(rawText("SELECT created_at FROM service_tokens")).isEqualTo("2025-01-02T03:04:05.000123+00:00");
      assertThat(rawText("SELECT issued_at FROM service_tokens")).isEqualTo("2025-01-02T03:04:05+00:00");
      assertThat(rawText("SELECT expires_at FROM service_tokens")).isEqualTo("2025-06-07T08:09:10.500000+00:00");
    } else {
      assertThat(rawText("SELECT pg_typeof(created_at)::text FROM service_tokens")).isEqualTo("timestamp with time zone");
      assertThat(rawText("SELECT (created_at = '2025-01-02T03:04:05.000123+00:00'::timestamptz"
          + " AND issued_at = '2025-01-02T03:04:05+00:00'::timestamptz"
          + " AND expires_at = '2025-06-07T08:09:10.5+00:00'::timestamptz)::text FROM service_tokens"))
          .isEqualTo("true");
    }
  }

  @Test
  void auditTimestampIsStoredInUpstreamFormOnEachBackend() throws SQLException {
    clock.set(Instant.parse("2025-01-02T03:04:05.5Z"));

    tokens.recordAuditEvent("t", "created", null, null, null);

    if (sqlite()) {
      assertThat(rawText("SELECT timestamp FROM service_token_audit_log")).isEqualTo("2025-01-02T03:04:05.500000+00:00");
    } else {
      assertThat(rawInstant("SELECT timestamp FROM service_token_audit_log"))
          .isEqualTo(Instant.parse("2025-01-02T03:04:05.5Z"));
    }
  }

  // ----------------------------------------------------------------------------------------------------- JSON

  @Test
  void jsonArraysAreStoredSortedAndParseBackAsTheSameSets() throws Exception {
    tokens.create(ServiceToken.issued("j", TokenSecrets.hash("j"), Set.of("workflows:write", "admin:tokens:read"),
        Set.of("ws-2", "ws-1"), START, null));

    assertThat(JSON.readTree(rawText("SELECT scopes FROM service_tokens")))
        .isEqualTo(JSON.readTree("[\"admin:tokens:read\", \"workflows:write\"]"));
    assertThat(JSON.readTree(rawText("SELECT workspace_ids FROM service_tokens")))
        .isEqualTo(JSON.readTree("[\"ws-1\", \"ws-2\"]"));
    ServiceToken read = tokens.findById("j").orElseThrow();
    assertThat(read.scopes()).containsExactly("admin:tokens:read", "workflows:write");
    assertThat(read.workspaceIds()).containsExactly("ws-1", "ws-2");
  }

  @Test
  void jsonIsStoredCompactTextOnSqliteAndAsJsonbOnPostgres() throws SQLException {
    tokens.create(ServiceToken.issued("j", TokenSecrets.hash("j"), Set.of("b", "a"), Set.of("w"), START, null));

    if (sqlite()) {
      assertThat(rawText("SELECT typeof(scopes) FROM service_tokens")).isEqualTo("text");
      assertThat(rawText("SELECT scopes FROM service_tokens")).isEqualTo("[\"a\",\"b\"]");
      assertThat(rawText("SELECT workspace_ids FROM service_tokens")).isEqualTo("[\"w\"]");
    } else {
      assertThat(rawText("SELECT pg_typeof(scopes)::text FROM service_tokens")).isEqualTo("jsonb");
      assertThat(rawText("SELECT jsonb_typeof(scopes) FROM service_tokens")).isEqualTo("array");
      assertThat(rawText("SELECT (scopes = '[\"a\",\"b\"]'::jsonb)::text FROM service_tokens")).isEqualTo("true");
    }
  }

  @Test
  void jsonObjectsInAuditDetailsAreStoredAndParseBack() throws Exception {
    tokens.recordUsage("t", "10.0.0.1", "curl/8 \u00e9\u6f22");

    JsonNode raw = JSON.readTree(rawText("SELECT details FROM service_token_audit_log"));
    assertThat(raw).isEqualTo(JSON.readTree("{\"ip\": \"10.0.0.1\", \"user_agent\": \"curl/8 \u00e9\u6f22\"}"));
    assertThat(tokens.auditLog("t", 1).get(0).details()).isEqualTo(raw);
  }

  @Test
  void emptySetsAreStoredAsNull() throws SQLException {
    tokens.create(token("bare", START, null));

    assertThat(rawText("SELECT count(*) FROM service_tokens WHERE scopes IS NULL AND workspace_ids IS NULL"))
        .isEqualTo("1");
    ServiceToken read = tokens.findById("bare").orElseThrow();
    assertThat(read.scopes()).isEmpty();
    assertThat(read.workspaceIds()).isEmpty();
  }

  @Test
  void updatingToEmptySetsStoresNullAgain() throws SQLException {
    ServiceToken stored =
        tokens.create(ServiceToken.issued("u", TokenSecrets.hash("u"), Set.of("a"), Set.of("w"), START, null));

    tokens.update(new ServiceToken("u", stored.secretHash(), null, null, START, null, null, null, null, null, null, 0));

    assertThat(rawText("SELECT count(*) FROM service_tokens WHERE scopes IS NULL AND workspace_ids IS NULL"))
        .isEqualTo("1");
  }

  @Test
  void emptyAuditDetailsAreStoredAsNull() throws SQLException {
    tokens.recordUsage("t", null, null);

    assertThat(rawText("SELECT count(*) FROM service_token_audit_log WHERE details IS NULL")).isEqualTo("1");
  }

  // ------------------------------------------------------------------------------------------------ raw JDBC

  private Connection connection() throws SQLException {
    return persistence.database(Store.SERVICE_TOKENS).dataSource().getConnection();
  }

  private String rawText(String sql) throws SQLException {
    try (Connection connection = connection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      assertThat(rows.next()).as("a row from %s", sql).isTrue();
      return rows.getString(1);
    }
  }

  /** A stored timestamp as the database holds it: text parsed strictly on SQLite, timestamptz on PostgreSQL. */
  private Instant rawInstant(String sql) throws SQLException {
    try (Connection connection = connection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      assertThat(rows.next()).as("a row from %s", sql).isTrue();
      if (sqlite()) {
        return OffsetDateTime.parse(rows.getString(1)).toInstant();
      }
      return rows.getObject(1, OffsetDateTime.class).toInstant();
    }
  }
}
