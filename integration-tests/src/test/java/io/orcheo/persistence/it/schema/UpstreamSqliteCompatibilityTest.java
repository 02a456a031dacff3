package io.orcheo.persistence.it.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.tokens.AuditEntry;
import io.orcheo.persistence.core.tokens.MintedToken;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.TokenSecrets;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.it.support.MutableClock;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code service_tokens.sqlite} written by upstream Orcheo (its own DDL, spec §A.1, and its own text formats) is
 * opened, read and written by us. Upstream declared foreign keys it never enforced; opening the file rebuilds the two
 * tables without them, keeping every row, audit id and the AUTOINCREMENT sequence.
 */
class UpstreamSqliteCompatibilityTest {
  /** Upstream's {@code SCHEMA_SQL} of the SQLite service-token repository, statement for statement. */
  private static final String UPSTREAM_SCHEMA = """
      CREATE TABLE IF NOT EXISTS service_tokens (
          identifier TEXT PRIMARY KEY,
          secret_hash TEXT NOT NULL,
          scopes TEXT,
          workspace_ids TEXT,
          created_at TEXT NOT NULL,
          created_by TEXT,
          issued_at TEXT,
          expires_at TEXT,
          last_used_at TEXT,
          use_count INTEGER DEFAULT 0,
          rotation_expires_at TEXT,
          rotated_to TEXT,
          rotated_from TEXT,
          revoked_at TEXT,
          revoked_by TEXT,
          revocation_reason TEXT,
          allowed_ip_ranges TEXT,
          rate_limit_override INTEGER,
          FOREIGN KEY (rotated_to) REFERENCES service_tokens(identifier)
      );

      CREATE INDEX IF NOT EXISTS idx_service_tokens_hash
          ON service_tokens(secret_hash);
      CREATE INDEX IF NOT EXISTS idx_service_tokens_expires
          ON service_tokens(expires_at);
      CREATE INDEX IF NOT EXISTS idx_service_tokens_active
          ON service_tokens(revoked_at) WHERE revoked_at IS NULL;

      CREATE TABLE IF NOT EXISTS service_token_audit_log (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          token_id TEXT NOT NULL,
          action TEXT NOT NULL,
          actor TEXT,
          ip_address TEXT,
          user_agent TEXT,
          timestamp TEXT NOT NULL,
          details TEXT,
          FOREIGN KEY (token_id) REFERENCES service_tokens(identifier)
      );

      CREATE INDEX IF NOT EXISTS idx_audit_log_token
          ON service_token_audit_log(token_id);
      CREATE INDEX IF NOT EXISTS idx_audit_log_timestamp
          ON service_token_audit_log(timestamp);
      """;

  private static final String INSERT_TOKEN = "INSERT INTO service_tokens (identifier, secret_hash, scopes, workspace_ids,"
      + " created_at, created_by, issued_at, expires_at, rotation_expires_at, rotated_to, revoked_at, revoked_by,"
      + " revocation_reason) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, ?)";
  private static final String INSERT_AUDIT = "INSERT INTO service_token_audit_log (id, token_id, action, actor,"
      + " ip_address, user_agent, timestamp, details) VALUES (?, ?, ?, NULL, ?, ?, ?, ?)";
  /** The highest audit id upstream wrote; ids 1 to 3 exist too. */
  private static final long OLD_MAX_AUDIT_ID = 41;

  @TempDir Path directory;
  private Path file;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-02T03:04:05.000001Z"));
  private final List<OrcheoPersistence> opened = new ArrayList<>();

  @BeforeEach
  void writeUpstreamFile() throws SQLException {
    file = directory.resolve("service_tokens.sqlite");
    // A plain connection, as Python's sqlite3 module opens it: foreign_keys off, rollback journal.
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (Statement statement = connection.createStatement()) {
        for (String sql : UPSTREAM_SCHEMA.split(";")) {
          if (!sql.isBlank()) {
            statement.executeUpdate(sql);
          }
        }
      }
      try (PreparedStatement insert = connection.prepareStatement(INSERT_TOKEN)) {
        token(insert, "up-a", "a", "[\"a\", \"b\"]", null, "2025-01-01T00:00:00+00:00", "2025-01-01T00:00:00+00:00",
            "2025-01-02T03:04:05+00:00", null, null, null, null);
        token(insert, "up-b", "b", "[\"workflows:read\"]", "[\"ws-1\", \"ws-2\"]", "2025-01-01T00:00:01.123456+00:00",
            "2025-01-01T00:00:01.123456+00:00", "2025-01-02T03:04:06+00:00", null, null, null, null);
        token(insert, "up-c", "c", null, null, "2025-01-01T00:00:02+00:00", "2025-01-01T00:00:02+00:00", null,
            "2025-01-01T00:05:02+00:00", "up-b", "2025-01-01T06:00:00.500000+00:00", "leaked");
        token(insert, "up-d", "d", null, null, "2025-01-01T00:00:03.000123+00:00", "2025-01-01T00:00:03.000123+00:00",
            "2025-01-02T03:04:05.000002+00:00", null, null, null, null);
      }
      try (Statement statement = connection.createStatement()) {
        // record_usage, as upstream writes it.
        statement.executeUpdate("UPDATE service_tokens SET last_used_at = '2025-01-01T12:00:00.123456+00:00',"
            + " use_count = use_count + 3 WHERE identifier = 'up-a'");
      }
      try (PreparedStatement insert = connection.prepareStatement(INSERT_AUDIT)) {
        audit(insert, 1, "up-a", "created", null, null, "2025-01-01T00:00:00+00:00", null);
        audit(insert, 2, "up-a", "used", "1.2.3.4", null, "2025-01-01T12:00:00.123456+00:00", "{\"ip\": \"1.2.3.4\"}");
        audit(insert, 3, "ghost", "used", null, "curl/8", "2025-01-01T12:30:00+00:00", "{\"user_agent\": \"curl/8\"}");
        audit(insert, OLD_MAX_AUDIT_ID, "up-c", "revoked", null, null, "2025-01-01T06:00:00.500000+00:00",
            "{\"reason\": \"leaked\"}");
      }
    }
  }

  private static void token(PreparedStatement insert, String id, String secret, String scopes, String workspaces,
      String createdAt, String issuedAt, String expiresAt, String rotationExpiresAt, String rotatedTo, String revokedAt,
      String reason) throws SQLException {
    Object[] values = {id, TokenSecrets.hash(secret), scopes, workspaces, createdAt, issuedAt, expiresAt,
        rotationExpiresAt, rotatedTo, revokedAt, reason};
    for (int i = 0; i < values.length; i++) {
      insert.setObject(i + 1, values[i]);
    }
    insert.executeUpdate();
  }

  private static void audit(PreparedStatement insert, long id, String tokenId, String action, String ip, String agent,
      String timestamp, String details) throws SQLException {
    Object[] values = {id, tokenId, action, ip, agent, timestamp, details};
    for (int i = 0; i < values.length; i++) {
      insert.setObject(i + 1, values[i]);
    }
    insert.executeUpdate();
  }

  @AfterEach
  void closeAll() {
    opened.forEach(OrcheoPersistence::close);
  }

  private OrcheoPersistence open() {
    OrcheoPersistence persistence =
        OrcheoPersistence.open(PersistenceSettings.defaults().withSqliteDirectory(directory), clock);
    opened.add(persistence);
    assertThat(persistence.databases().stream().filter(d -> d.stores().contains(Store.SERVICE_TOKENS))
        .findFirst().orElseThrow().target()).isEqualTo(file.toAbsolutePath().normalize().toString());
    return persistence;
  }

  private List<List<String>> query(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      return Rows.query(connection, sql);
    }
  }

  private String single(String sql) throws SQLException {
    List<List<String>> rows = query(sql);
    assertThat(rows).as(sql).hasSize(1);
    return rows.get(0).get(0);
  }

  // ------------------------------------------------------------------------------------------------ opening

  @Test
  void upstreamFileOpensAndItsTablesAreMarkedAsRanNotRecreated() throws SQLException {
    open();

    assertThat(query("SELECT id, exectype FROM databasechangelog ORDER BY orderexecuted")).containsExactly(
        List.of("service-tokens-0.1-tokens-table", "MARK_RAN"),
        List.of("service-tokens-0.1-audit-log-table", "MARK_RAN"),
        List.of("service-tokens-0.1-active-index", "EXECUTED"),
        List.of("service-tokens-0.1-sqlite-unenforced-fks", "EXECUTED"));
  }

  @Test
  void upstreamForeignKeysAreGoneAfterOpening() throws SQLException {
    assertThat(query("SELECT * FROM pragma_foreign_key_list('service_token_audit_log')")).isNotEmpty();

    open();

    assertThat(query("SELECT * FROM pragma_foreign_key_list('service_tokens')")).isEmpty();
    assertThat(query("SELECT * FROM pragma_foreign_key_list('service_token_audit_log')")).isEmpty();
  }

  @Test
  void rebuildKeepsEveryRowAndColumnValueVerbatim() throws SQLException {
    String tokens = "SELECT * FROM service_tokens ORDER BY identifier";
    String audit = "SELECT * FROM service_token_audit_log ORDER BY id";
    List<List<String>> tokensBefore = query(tokens);
    List<List<String>> auditBefore = query(audit);

    open();

    assertThat(query(tokens)).isEqualTo(tokensBefore).hasSize(4);
    assertThat(query(audit)).isEqualTo(auditBefore).hasSize(4);
  }

  @Test
  void rebuildKeepsTheIndexesIncludingThePartialOne() throws SQLException {
    open();

    assertThat(query("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"))
        .extracting(row -> row.get(0)).containsExactly("idx_audit_log_timestamp", "idx_audit_log_token",
            "idx_service_tokens_active", "idx_service_tokens_expires", "idx_service_tokens_hash");
    assertThat(single("SELECT sql FROM sqlite_master WHERE name = 'idx_service_tokens_active'"))
        .contains("WHERE revoked_at IS NULL");
  }

  @Test
  void newAuditRowGetsAnIdAboveUpstreamsHighest() {
    OrcheoPersistence persistence = open();

    persistence.serviceTokens().recordAuditEvent("up-b", "inspected", null, null, null);

    assertThat(persistence.serviceTokens().auditLog("up-b", 1)).singleElement()
        .extracting(AuditEntry::id).satisfies(id -> assertThat(id).isGreaterThan(OLD_MAX_AUDIT_ID));
  }

  @Test
  void rebuildKeepsTheAutoincrementSequenceAboveTheHighestRemainingId() throws SQLException {
    execute("DELETE FROM service_token_audit_log WHERE id = " + OLD_MAX_AUDIT_ID);
    OrcheoPersistence persistence = open();

    persistence.serviceTokens().recordAuditEvent("up-b", "inspected", null, null, null);

    assertThat(persistence.serviceTokens().auditLog("up-b", 1)).singleElement()
        .extracting(AuditEntry::id).satisfies(id -> assertThat(id).isGreaterThan(OLD_MAX_AUDIT_ID));
  }

  @Test
  void tableWithAColumnWeDoNotKnowKeepsItsForeignKeysRatherThanLoseTheColumn() throws SQLException {
    execute("ALTER TABLE service_tokens ADD COLUMN tenant_id TEXT");
    execute("UPDATE service_tokens SET tenant_id = 'acme' WHERE identifier = 'up-a'");

    open();

    assertThat(single("SELECT tenant_id FROM service_tokens WHERE identifier = 'up-a'")).isEqualTo("acme");
    assertThat(query("SELECT * FROM pragma_foreign_key_list('service_token_audit_log')")).isNotEmpty();
  }

  @Test
  void missingAuditLogTableOfAnAdoptedFileIsCreated() throws SQLException {
    execute("DROP TABLE service_token_audit_log");

    OrcheoPersistence persistence = open();
    persistence.serviceTokens().recordUsage("up-a", null, null);

    assertThat(persistence.serviceTokens().auditLog("up-a", 10)).singleElement()
        .extracting(AuditEntry::action).isEqualTo("used");
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  @Test
  void openingASecondTimeIsANoOp() throws SQLException {
    open().close();
    List<List<String>> tokensAfterFirst = query("SELECT * FROM service_tokens ORDER BY identifier");

    open();

    assertThat(query("SELECT id, count(*) FROM databasechangelog GROUP BY id ORDER BY id")).containsExactly(
        List.of("service-tokens-0.1-active-index", "1"),
        List.of("service-tokens-0.1-audit-log-table", "1"),
        List.of("service-tokens-0.1-sqlite-unenforced-fks", "1"),
        List.of("service-tokens-0.1-tokens-table", "1"));
    assertThat(query("SELECT * FROM service_tokens ORDER BY identifier")).isEqualTo(tokensAfterFirst);
  }

  // ------------------------------------------------------------------------------------------------ reading

  @Test
  void upstreamTokenReadsBackWithItsValues() {
    ServiceToken a = open().serviceTokens().findById("up-a").orElseThrow();

    assertThat(a.secretHash()).isEqualTo(TokenSecrets.hash("a"));
    assertThat(a.scopes()).containsExactly("a", "b");
    assertThat(a.workspaceIds()).isEmpty();
    assertThat(a.issuedAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(a.expiresAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
    assertThat(a.lastUsedAt()).isEqualTo(Instant.parse("2025-01-01T12:00:00.123456Z"));
    assertThat(a.useCount()).isEqualTo(3);
    assertThat(a.revokedAt()).isNull();
  }

  @Test
  void upstreamRevokedAndRotatedTokenReadsBackWithItsValues() {
    ServiceToken c = open().serviceTokens().findById("up-c").orElseThrow();

    assertThat(c.scopes()).isEmpty();
    assertThat(c.expiresAt()).isNull();
    assertThat(c.rotatedTo()).isEqualTo("up-b");
    assertThat(c.rotationExpiresAt()).isEqualTo(Instant.parse("2025-01-01T00:05:02Z"));
    assertThat(c.revokedAt()).isEqualTo(Instant.parse("2025-01-01T06:00:00.5Z"));
    assertThat(c.revocationReason()).isEqualTo("leaked");
    assertThat(c.useCount()).isZero();
    assertThat(c.lastUsedAt()).isNull();
  }

  @Test
  void upstreamPythonJsonWithSpacesParsesAsSets() {
    ServiceToken b = open().serviceTokens().findById("up-b").orElseThrow();

    assertThat(b.scopes()).containsExactly("workflows:read");
    assertThat(b.workspaceIds()).containsExactly("ws-1", "ws-2");
  }

  @Test
  void upstreamAuditRowsReadBackWithParsedDetails() {
    List<AuditEntry> log = open().serviceTokens().auditLog("up-a", 10);

    assertThat(log).extracting(AuditEntry::id).containsExactly(2L, 1L);
    assertThat(log.get(0).details()).isEqualTo(JsonNodeFactory.instance.objectNode().put("ip", "1.2.3.4"));
    assertThat(log.get(0).timestamp()).isEqualTo(Instant.parse("2025-01-01T12:00:00.123456Z"));
    assertThat(log.get(1).details()).isNull();
  }

  @Test
  void upstreamAuditRowOfAMissingTokenIsReadable() {
    assertThat(open().serviceTokens().auditLog("ghost", 10)).singleElement().satisfies(entry -> {
      assertThat(entry.userAgent()).isEqualTo("curl/8");
      assertThat(entry.details().get("user_agent").asText()).isEqualTo("curl/8");
    });
  }

  @Test
  void listActiveComparesUpstreamTimestampsWithOursAtMicrosecondPrecision() {
    // now = …:05.000001: "…:05+00:00" has expired, "…:05.000002+00:00" and "…:06+00:00" have not.
    List<ServiceToken> active = open().serviceTokens().listActive(clock.instant());

    assertThat(active).extracting(ServiceToken::identifier).containsExactly("up-d", "up-b");
  }

  @Test
  void listActiveAtExactlyAnUpstreamExpiryExcludesThatToken() {
    List<ServiceToken> active = open().serviceTokens().listActive(Instant.parse("2025-01-02T03:04:05Z"));

    assertThat(active).extracting(ServiceToken::identifier).containsExactly("up-d", "up-b");
  }

  @Test
  void listActiveJustBeforeAnUpstreamExpiryIncludesThatToken() {
    List<ServiceToken> active = open().serviceTokens().listActive(Instant.parse("2025-01-02T03:04:04.999999Z"));

    assertThat(active).extracting(ServiceToken::identifier).containsExactly("up-d", "up-b", "up-a");
  }

  @Test
  void listAllOrdersOurNewTokenAmongUpstreamsByCreatedAt() {
    OrcheoPersistence persistence = open();
    clock.set(Instant.parse("2025-01-01T00:00:01.5Z"));
    persistence.serviceTokens().create(ServiceToken.issued("ours", TokenSecrets.hash("ours"), Set.of(), Set.of(),
        clock.instant(), null));

    assertThat(persistence.serviceTokens().listAll()).extracting(ServiceToken::identifier)
        .containsExactly("up-d", "up-c", "ours", "up-b", "up-a");
  }

  // ------------------------------------------------------------------------------------------------ writing

  @Test
  void mintingANewTokenWritesUpstreamFormats() throws SQLException {
    OrcheoPersistence persistence = open();

    MintedToken minted = persistence.serviceTokenService().mint("ours", List.of("b", "a"), List.of(),
        Duration.ofHours(1));

    assertThat(persistence.serviceTokens().findById("ours")).contains(minted.token());
    assertThat(query("SELECT created_at, issued_at, expires_at, scopes, workspace_ids FROM service_tokens"
        + " WHERE identifier = 'ours'")).singleElement().isEqualTo(java.util.Arrays.asList(
            "2025-01-02T03:04:05.000001+00:00", "2025-01-02T03:04:05.000001+00:00",
            "2025-01-02T04:04:05.000001+00:00", "[\"a\",\"b\"]", null));
  }

  @Test
  void recordUsageOnAnUpstreamTokenCountsOnFromItsStoredCount() throws SQLException {
    OrcheoPersistence persistence = open();

    persistence.serviceTokens().recordUsage("up-a", "5.6.7.8", null);

    ServiceToken a = persistence.serviceTokens().findById("up-a").orElseThrow();
    assertThat(a.useCount()).isEqualTo(4);
    assertThat(a.lastUsedAt()).isEqualTo(clock.instant());
    assertThat(single("SELECT last_used_at FROM service_tokens WHERE identifier = 'up-a'"))
        .isEqualTo("2025-01-02T03:04:05.000001+00:00");
  }

  @Test
  void recordUsageOfAnUnknownTokenStillAuditsWithForeignKeysOn() {
    OrcheoPersistence persistence = open();

    persistence.serviceTokens().recordUsage("stranger", null, null);

    assertThat(persistence.serviceTokens().auditLog("stranger", 10)).hasSize(1);
  }

  @Test
  void revokingAnUpstreamTokenThroughTheServiceWorks() throws SQLException {
    OrcheoPersistence persistence = open();

    persistence.serviceTokenService().revoke("up-b", "rotated out");

    assertThat(persistence.serviceTokens().findById("up-b").orElseThrow().revokedAt()).isEqualTo(clock.instant());
    assertThat(single("SELECT revoked_at FROM service_tokens WHERE identifier = 'up-b'"))
        .isEqualTo("2025-01-02T03:04:05.000001+00:00");
    assertThat(persistence.serviceTokens().listActive(clock.instant())).extracting(ServiceToken::identifier)
        .containsExactly("up-d");
  }

  @Test
  void deletingAnUpstreamTokenThatHasAuditRowsWorksAndKeepsThem() {
    OrcheoPersistence persistence = open();

    assertThat(persistence.serviceTokens().delete("up-a")).isTrue();

    assertThat(persistence.serviceTokens().findById("up-a")).isEmpty();
    assertThat(persistence.serviceTokens().auditLog("up-a", 10)).hasSize(2);
  }

  @Test
  void deletingAnUpstreamTokenThatAnotherRotatedToWorks() {
    OrcheoPersistence persistence = open();

    assertThat(persistence.serviceTokens().delete("up-b")).isTrue();

    assertThat(persistence.serviceTokens().findById("up-c").orElseThrow().rotatedTo()).isEqualTo("up-b");
  }

  @Test
  void rotatingAnUpstreamTokenWorks() {
    OrcheoPersistence persistence = open();

    MintedToken successor = persistence.serviceTokenService().rotate("up-b", Duration.ofSeconds(30), null);

    ServiceToken old = persistence.serviceTokens().findById("up-b").orElseThrow();
    assertThat(old.rotatedTo()).isEqualTo(successor.token().identifier());
    assertThat(old.expiresAt()).isEqualTo(Instant.parse("2025-01-02T03:04:06Z"));
    assertThat(successor.token().scopes()).containsExactly("workflows:read");
  }
}
