package io.orcheo.persistence.it.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.core.tokens.AuditEntry;
import io.orcheo.persistence.core.tokens.MintedToken;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.TokenSecrets;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.it.support.MutableClock;
import io.orcheo.persistence.it.support.PostgresServer;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL database whose token tables upstream Orcheo created (its own DDL, spec §A.1, no Liquibase) is adopted:
 * the table changeset is marked as ran, the rows stay readable, and writes work.
 */
class PostgresAdoptionTest {
  /** Upstream's {@code POSTGRES_SERVICE_TOKEN_SCHEMA}, statement for statement. */
  private static final String UPSTREAM_SCHEMA = """
      CREATE TABLE IF NOT EXISTS service_tokens (
          identifier TEXT PRIMARY KEY,
          secret_hash TEXT NOT NULL,
          scopes JSONB,
          workspace_ids JSONB,
          created_at TIMESTAMP WITH TIME ZONE NOT NULL,
          created_by TEXT,
          issued_at TIMESTAMP WITH TIME ZONE,
          expires_at TIMESTAMP WITH TIME ZONE,
          last_used_at TIMESTAMP WITH TIME ZONE,
          use_count INTEGER DEFAULT 0,
          rotation_expires_at TIMESTAMP WITH TIME ZONE,
          rotated_to TEXT,
          rotated_from TEXT,
          revoked_at TIMESTAMP WITH TIME ZONE,
          revoked_by TEXT,
          revocation_reason TEXT,
          allowed_ip_ranges JSONB,
          rate_limit_override INTEGER
      );

      CREATE INDEX IF NOT EXISTS idx_service_tokens_hash
          ON service_tokens(secret_hash);
      CREATE INDEX IF NOT EXISTS idx_service_tokens_expires
          ON service_tokens(expires_at);
      CREATE INDEX IF NOT EXISTS idx_service_tokens_active
          ON service_tokens(revoked_at) WHERE revoked_at IS NULL;

      CREATE TABLE IF NOT EXISTS service_token_audit_log (
          id SERIAL PRIMARY KEY,
          token_id TEXT NOT NULL,
          action TEXT NOT NULL,
          actor TEXT,
          ip_address TEXT,
          user_agent TEXT,
          timestamp TIMESTAMP WITH TIME ZONE NOT NULL,
          details JSONB
      );

      CREATE INDEX IF NOT EXISTS idx_audit_log_token
          ON service_token_audit_log(token_id);
      CREATE INDEX IF NOT EXISTS idx_audit_log_timestamp
          ON service_token_audit_log(timestamp);
      """;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-02T03:04:05.123456Z"));
  private final List<OrcheoPersistence> opened = new ArrayList<>();
  private PostgresDsn dsn;

  @BeforeEach
  void createUpstreamTables() throws SQLException {
    dsn = PostgresServer.get().newEmptyDatabase();
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String sql : UPSTREAM_SCHEMA.split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
      // As upstream's repository writes a row: ISO strings for the timestamps, JSON text for the sets.
      statement.executeUpdate("INSERT INTO service_tokens (identifier, secret_hash, scopes, workspace_ids, created_at,"
          + " created_by, issued_at, expires_at, rotation_expires_at, rotated_to, revoked_at, revoked_by,"
          + " revocation_reason) VALUES ('up-a', '" + TokenSecrets.hash("a") + "', '[\"a\", \"b\"]'::jsonb, NULL,"
          + " '2025-01-01T00:00:00+00:00', NULL, '2025-01-01T00:00:00+00:00', '2025-01-03T00:00:00.5+00:00', NULL,"
          + " NULL, NULL, NULL, NULL)");
      statement.executeUpdate("INSERT INTO service_token_audit_log (token_id, action, actor, ip_address, user_agent,"
          + " timestamp, details) VALUES ('up-a', 'used', NULL, '1.2.3.4', NULL, '2025-01-01T12:00:00.123456+00:00',"
          + " '{\"ip\": \"1.2.3.4\"}'::jsonb)");
    }
  }

  @AfterEach
  void closeAll() {
    opened.forEach(OrcheoPersistence::close);
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(dsn.jdbcUrl(), dsn.connectionProperties());
  }

  private OrcheoPersistence open() {
    OrcheoPersistence persistence = OrcheoPersistence.open(PersistenceSettings.defaults().withPostgres(dsn), clock);
    opened.add(persistence);
    return persistence;
  }

  private List<List<String>> query(String sql) throws SQLException {
    try (Connection connection = connect()) {
      return Rows.query(connection, sql);
    }
  }

  private static final String TOKEN_CHANGESETS =
      "SELECT id, exectype FROM databasechangelog WHERE id LIKE 'service-tokens-%' ORDER BY orderexecuted";

  @Test
  void upstreamTablesChangeSetIsMarkedAsRan() throws SQLException {
    open();

    assertThat(query(TOKEN_CHANGESETS)).containsExactly(
        List.of("service-tokens-0.1-tokens-table", "MARK_RAN"),
        List.of("service-tokens-0.1-audit-log-table", "MARK_RAN"),
        List.of("service-tokens-0.1-active-index", "EXECUTED"));
  }

  @Test
  void adoptionLeavesUpstreamTablesAndIndexesAsTheyWere() throws SQLException {
    String indexes = "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
        + " AND tablename IN ('service_tokens', 'service_token_audit_log') ORDER BY indexname";
    String columns = "SELECT table_name, column_name, data_type, is_nullable, column_default"
        + " FROM information_schema.columns WHERE table_schema = current_schema()"
        + " AND table_name IN ('service_tokens', 'service_token_audit_log') ORDER BY table_name, ordinal_position";
    List<List<String>> indexesBefore = query(indexes);
    List<List<String>> columnsBefore = query(columns);

    open();

    assertThat(query(indexes)).isEqualTo(indexesBefore);
    assertThat(query(columns)).isEqualTo(columnsBefore);
  }

  @Test
  void upstreamRowIsReadable() {
    ServiceToken a = open().serviceTokens().findById("up-a").orElseThrow();

    assertThat(a.secretHash()).isEqualTo(TokenSecrets.hash("a"));
    assertThat(a.scopes()).containsExactly("a", "b");
    assertThat(a.workspaceIds()).isEmpty();
    assertThat(a.issuedAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(a.expiresAt()).isEqualTo(Instant.parse("2025-01-03T00:00:00.5Z"));
    assertThat(a.useCount()).isZero();
  }

  @Test
  void upstreamAuditRowIsReadable() {
    List<AuditEntry> log = open().serviceTokens().auditLog("up-a", 10);

    assertThat(log).singleElement().satisfies(entry -> {
      assertThat(entry.id()).isEqualTo(1);
      assertThat(entry.ipAddress()).isEqualTo("1.2.3.4");
      assertThat(entry.timestamp()).isEqualTo(Instant.parse("2025-01-01T12:00:00.123456Z"));
      assertThat(entry.details()).isEqualTo(JsonNodeFactory.instance.objectNode().put("ip", "1.2.3.4"));
    });
  }

  @Test
  void writesWorkOnAdoptedTables() {
    OrcheoPersistence persistence = open();

    MintedToken minted = persistence.serviceTokenService().mint("ours", Set.of("x"), Set.of(), Duration.ofHours(1));
    persistence.serviceTokens().recordUsage("up-a", "5.6.7.8", null);
    persistence.serviceTokenService().revoke("ours", "test");

    assertThat(persistence.serviceTokens().findById("up-a").orElseThrow().useCount()).isEqualTo(1);
    assertThat(persistence.serviceTokens().findById("ours").orElseThrow().revokedAt()).isEqualTo(clock.instant());
    assertThat(persistence.serviceTokens().listActive(clock.instant())).extracting(ServiceToken::identifier)
        .containsExactly("up-a");
    assertThat(minted.token().scopes()).containsExactly("x");
  }

  @Test
  void newAuditRowsContinueUpstreamsSerialSequence() {
    OrcheoPersistence persistence = open();

    persistence.serviceTokens().recordAuditEvent("up-a", "inspected", null, null, null);

    assertThat(persistence.serviceTokens().auditLog("up-a", 1)).singleElement()
        .extracting(AuditEntry::id).isEqualTo(2L);
  }

  @Test
  void deletingAnAdoptedTokenWithAuditRowsWorks() {
    OrcheoPersistence persistence = open();

    assertThat(persistence.serviceTokens().delete("up-a")).isTrue();

    assertThat(persistence.serviceTokens().auditLog("up-a", 10)).hasSize(1);
  }

  @Test
  void openingAnAdoptedDatabaseASecondTimeIsANoOp() throws SQLException {
    open().close();

    open();

    assertThat(query("SELECT id, count(*) FROM databasechangelog GROUP BY id HAVING count(*) > 1")).isEmpty();
    assertThat(query(TOKEN_CHANGESETS)).hasSize(3);
  }
}
