package io.orcheo.persistence.it.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.core.workflows.AuditRecord;
import io.orcheo.persistence.core.workflows.ChatKitPrompt;
import io.orcheo.persistence.core.workflows.DraftAccess;
import io.orcheo.persistence.core.workflows.NewVersion;
import io.orcheo.persistence.core.workflows.RunStatus;
import io.orcheo.persistence.core.workflows.VersionDiff;
import io.orcheo.persistence.core.workflows.Workflow;
import io.orcheo.persistence.core.workflows.WorkflowHandleConflictException;
import io.orcheo.persistence.core.workflows.WorkflowNotFoundException;
import io.orcheo.persistence.core.workflows.WorkflowRepository;
import io.orcheo.persistence.core.workflows.WorkflowRun;
import io.orcheo.persistence.core.workflows.WorkflowUpdate;
import io.orcheo.persistence.core.workflows.WorkflowVersion;
import io.orcheo.persistence.core.workflows.triggers.RetryDecision;
import io.orcheo.persistence.core.workflows.triggers.RetryPolicyConfig;
import io.orcheo.persistence.core.workflows.triggers.WebhookRequest;
import io.orcheo.persistence.core.workflows.triggers.WebhookTriggerConfig;
import io.orcheo.persistence.it.support.MutableClock;
import io.orcheo.persistence.it.support.PostgresServer;
import io.orcheo.persistence.it.support.UpstreamFixtures;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL database whose workflow repository tables upstream Orcheo created (its own DDL, no Liquibase) is
 * adopted, read and written by us: the PostgreSQL counterpart of {@link UpstreamWorkflowsSqliteTest}.
 *
 * <p>Each test gets a fresh, empty database with upstream HEAD's {@code POSTGRES_SCHEMA} typed in by hand (spec
 * §1.2–§1.7: TEXT ids, JSONB documents, {@code TIMESTAMP WITH TIME ZONE}, a BOOLEAN {@code is_archived}, the
 * PostgreSQL-only {@code idx_runs_status}, the handle indexes its migration step adds, and the remediation and
 * listener tables we do not manage). Its rows are the ones {@code src/test/resources/upstream/workflows/generate.py}
 * writes for the SQLite test, so both tests assert the same facts: JSONB documents with pydantic's {@code Z}
 * timestamps, an active workflow with a handle and an archived one sharing it, versions 1–2, runs in every status,
 * and webhook, cron (with {@code last_dispatched_at}) and retry configurations. A second database has the SEED-era
 * shape: no {@code handle}/{@code is_archived} columns, no {@code cron_triggers.last_dispatched_at}, and a payload
 * still carrying the retired publish-token keys.
 */
class PostgresUpstreamWorkflowsTest {
  /**
   * Upstream HEAD's repository DDL on PostgreSQL, as {@code _ensure_initialized} runs it (spec §1.2–§1.7; HEAD
   * a7b164e2, before the later workspace and tenant columns): the schema script, then the migration step's handle
   * indexes. It spells timestamps both ways, as upstream does.
   */
  private static final String HEAD_SCHEMA = """
      CREATE TABLE IF NOT EXISTS workflows (
          id TEXT PRIMARY KEY,
          handle TEXT,
          is_archived BOOLEAN NOT NULL DEFAULT FALSE,
          payload JSONB NOT NULL,
          created_at TIMESTAMP WITH TIME ZONE NOT NULL,
          updated_at TIMESTAMP WITH TIME ZONE NOT NULL
      );
      CREATE TABLE IF NOT EXISTS workflow_versions (
          id TEXT PRIMARY KEY,
          workflow_id TEXT NOT NULL,
          version INTEGER NOT NULL,
          payload JSONB NOT NULL,
          created_at TIMESTAMP WITH TIME ZONE NOT NULL,
          updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
          UNIQUE(workflow_id, version)
      );
      CREATE INDEX IF NOT EXISTS idx_versions_workflow ON workflow_versions(workflow_id);
      CREATE TABLE IF NOT EXISTS workflow_runs (
          id TEXT PRIMARY KEY,
          workflow_id TEXT NOT NULL,
          workflow_version_id TEXT NOT NULL,
          status TEXT NOT NULL,
          triggered_by TEXT NOT NULL,
          payload JSONB NOT NULL,
          created_at TIMESTAMP WITH TIME ZONE NOT NULL,
          updated_at TIMESTAMP WITH TIME ZONE NOT NULL
      );
      CREATE INDEX IF NOT EXISTS idx_runs_workflow ON workflow_runs(workflow_id);
      CREATE INDEX IF NOT EXISTS idx_runs_version ON workflow_runs(workflow_version_id);
      CREATE INDEX IF NOT EXISTS idx_runs_status ON workflow_runs(status);
      CREATE TABLE IF NOT EXISTS workflow_run_remediations (
          id TEXT PRIMARY KEY,
          workflow_id TEXT NOT NULL,
          workflow_version_id TEXT NOT NULL,
          run_id TEXT NOT NULL,
          status TEXT NOT NULL,
          fingerprint TEXT NOT NULL,
          version_checksum TEXT NOT NULL,
          payload JSONB NOT NULL,
          attempt_count INTEGER NOT NULL DEFAULT 0,
          created_at TIMESTAMP WITH TIME ZONE NOT NULL,
          updated_at TIMESTAMP WITH TIME ZONE NOT NULL
      );
      CREATE INDEX IF NOT EXISTS idx_remediations_workflow ON workflow_run_remediations(workflow_id);
      CREATE INDEX IF NOT EXISTS idx_remediations_version ON workflow_run_remediations(workflow_version_id);
      CREATE INDEX IF NOT EXISTS idx_remediations_run ON workflow_run_remediations(run_id);
      CREATE INDEX IF NOT EXISTS idx_remediations_status ON workflow_run_remediations(status);
      CREATE INDEX IF NOT EXISTS idx_remediations_fingerprint ON workflow_run_remediations(fingerprint);
      CREATE TABLE IF NOT EXISTS webhook_triggers (
          workflow_id TEXT PRIMARY KEY,
          config JSONB NOT NULL
      );
      CREATE TABLE IF NOT EXISTS cron_triggers (
          workflow_id TEXT PRIMARY KEY,
          config JSONB NOT NULL,
          last_dispatched_at TIMESTAMPTZ
      );
      CREATE TABLE IF NOT EXISTS retry_policies (
          workflow_id TEXT PRIMARY KEY,
          config JSONB NOT NULL
      );
      CREATE TABLE IF NOT EXISTS listener_subscriptions (
          id TEXT PRIMARY KEY,
          workflow_id TEXT NOT NULL,
          workflow_version_id TEXT NOT NULL,
          node_name TEXT NOT NULL,
          platform TEXT NOT NULL,
          bot_identity_key TEXT NOT NULL,
          status TEXT NOT NULL,
          assigned_runtime TEXT,
          lease_expires_at TIMESTAMPTZ,
          last_event_at TIMESTAMPTZ,
          last_error TEXT,
          payload JSONB NOT NULL,
          created_at TIMESTAMPTZ NOT NULL,
          updated_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX IF NOT EXISTS idx_listener_subscriptions_workflow ON listener_subscriptions(workflow_id);
      CREATE INDEX IF NOT EXISTS idx_listener_subscriptions_version ON listener_subscriptions(workflow_version_id);
      CREATE TABLE IF NOT EXISTS listener_cursors (
          subscription_id TEXT PRIMARY KEY,
          payload JSONB NOT NULL,
          updated_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE IF NOT EXISTS listener_dedupe (
          subscription_id TEXT NOT NULL,
          dedupe_key TEXT NOT NULL,
          payload JSONB NOT NULL,
          expires_at TIMESTAMPTZ NOT NULL,
          PRIMARY KEY (subscription_id, dedupe_key)
      );
      CREATE INDEX IF NOT EXISTS idx_workflows_handle ON workflows(handle);
      CREATE UNIQUE INDEX IF NOT EXISTS idx_workflows_active_handle ON workflows(handle)
          WHERE is_archived = FALSE AND handle IS NOT NULL;
      """;

  /** Upstream SEED's (Dec 2025) PostgreSQL DDL: no handle or is_archived columns, no cron cursor, no handle indexes. */
  private static final String SEED_SCHEMA = """
      CREATE TABLE IF NOT EXISTS workflows (
          id TEXT PRIMARY KEY,
          payload JSONB NOT NULL,
          created_at TIMESTAMP WITH TIME ZONE NOT NULL,
          updated_at TIMESTAMP WITH TIME ZONE NOT NULL
      );
      CREATE TABLE IF NOT EXISTS workflow_versions (
          id TEXT PRIMARY KEY,
          workflow_id TEXT NOT NULL,
          version INTEGER NOT NULL,
          payload JSONB NOT NULL,
          created_at TIMESTAMP WITH TIME ZONE NOT NULL,
          updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
          UNIQUE(workflow_id, version)
      );
      CREATE INDEX IF NOT EXISTS idx_versions_workflow ON workflow_versions(workflow_id);
      CREATE TABLE IF NOT EXISTS workflow_runs (
          id TEXT PRIMARY KEY,
          workflow_id TEXT NOT NULL,
          workflow_version_id TEXT NOT NULL,
          status TEXT NOT NULL,
          triggered_by TEXT NOT NULL,
          payload JSONB NOT NULL,
          created_at TIMESTAMP WITH TIME ZONE NOT NULL,
          updated_at TIMESTAMP WITH TIME ZONE NOT NULL
      );
      CREATE INDEX IF NOT EXISTS idx_runs_workflow ON workflow_runs(workflow_id);
      CREATE INDEX IF NOT EXISTS idx_runs_version ON workflow_runs(workflow_version_id);
      CREATE INDEX IF NOT EXISTS idx_runs_status ON workflow_runs(status);
      CREATE TABLE IF NOT EXISTS webhook_triggers (
          workflow_id TEXT PRIMARY KEY,
          config JSONB NOT NULL
      );
      CREATE TABLE IF NOT EXISTS cron_triggers (
          workflow_id TEXT PRIMARY KEY,
          config JSONB NOT NULL
      );
      CREATE TABLE IF NOT EXISTS retry_policies (
          workflow_id TEXT PRIMARY KEY,
          config JSONB NOT NULL
      );
      """;

  /**
   * One row in each HEAD table we do not manage (spec §1.5, §1.7, §1.9.4–§1.9.6), so that adoption can be seen to
   * leave them alone. The JSON is wrapped for reading; jsonb keeps no whitespace, so the stored documents are the
   * same as from upstream's one-line {@code json.dumps}.
   */
  private static final String HEAD_UNMANAGED_ROWS = """
      INSERT INTO workflow_run_remediations (id, workflow_id, workflow_version_id, run_id, status, fingerprint,
          version_checksum, payload, attempt_count, created_at, updated_at) VALUES (
          'f1000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000001',
          'b1000000-0000-4000-8000-000000000012', 'c1000000-0000-4000-8000-000000000002', 'pending', 'llm-timeout',
          '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
          '{"id": "f1000000-0000-4000-8000-000000000001", "created_at": "2025-01-01T09:20:03Z",
            "updated_at": "2025-01-01T09:20:03Z", "audit_log": [{"actor": "worker",
            "action": "remediation_created", "at": "2025-01-01T09:20:03Z", "metadata": {}}],
            "workflow_id": "a1000000-0000-4000-8000-000000000001",
            "workflow_version_id": "b1000000-0000-4000-8000-000000000012",
            "run_id": "c1000000-0000-4000-8000-000000000002", "status": "pending", "fingerprint": "llm-timeout",
            "version_checksum": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "graph_format": null, "attempt_count": 0, "classification": null, "action": null,
            "context": {"error": "LLM timeout"}, "developer_note": null, "created_version_id": null,
            "artifacts": {}, "validation_result": null, "last_error": null, "claimed_by": null,
            "claimed_at": null}',
          0, '2025-01-01T09:20:03+00:00', '2025-01-01T09:20:03+00:00');
      INSERT INTO listener_subscriptions (id, workflow_id, workflow_version_id, node_name, platform, bot_identity_key,
          status, assigned_runtime, lease_expires_at, last_event_at, last_error, payload, created_at, updated_at)
          VALUES ('f2000000-0000-5000-8000-000000000001', 'a1000000-0000-4000-8000-000000000001',
          'b1000000-0000-4000-8000-000000000012', 'inbox', 'telegram', 'telegram:123:abc', 'active', 'runtime-1',
          '2025-01-01T09:31:00+00:00', NULL, NULL,
          '{"id": "f2000000-0000-5000-8000-000000000001", "created_at": "2025-01-01T09:10:00.000123Z",
            "updated_at": "2025-01-01T09:30:00Z", "audit_log": [],
            "workflow_id": "a1000000-0000-4000-8000-000000000001",
            "workflow_version_id": "b1000000-0000-4000-8000-000000000012", "node_name": "inbox",
            "platform": "telegram", "bot_identity_key": "telegram:123:abc", "config": {"token": "123:abc"},
            "status": "active", "assigned_runtime": "runtime-1", "lease_expires_at": "2025-01-01T09:31:00Z",
            "last_event_at": null, "last_error": null}',
          '2025-01-01T09:10:00.000123+00:00', '2025-01-01T09:30:00+00:00');
      INSERT INTO listener_cursors (subscription_id, payload, updated_at) VALUES (
          'f2000000-0000-5000-8000-000000000001',
          '{"subscription_id": "f2000000-0000-5000-8000-000000000001", "telegram_offset": 42,
            "discord_session_id": null, "discord_sequence": null, "discord_resume_gateway_url": null,
            "qq_session_id": null, "qq_sequence": null, "qq_resume_gateway_url": null, "metadata": {},
            "updated_at": "2025-01-01T09:30:00Z"}',
          '2025-01-01T09:30:00+00:00');
      INSERT INTO listener_dedupe (subscription_id, dedupe_key, payload, expires_at) VALUES (
          'f2000000-0000-5000-8000-000000000001', 'update:42',
          '{"subscription_id": "f2000000-0000-5000-8000-000000000001", "dedupe_key": "update:42",
            "created_at": "2025-01-01T09:30:00Z", "expires_at": "2025-01-01T09:35:00Z"}',
          '2025-01-01T09:35:00+00:00');
      """;

  /**
   * A SEED-shaped table can also hold a document that already names a handle (written by an upstream between SEED
   * and HEAD, or imported): the backfill must take the handle from the payload, not assume there is none.
   */
  private static final String SEED_HANDLED_ROW = """
      INSERT INTO workflows (id, payload, created_at, updated_at) VALUES ('d1000000-0000-4000-8000-000000000003',
          '{"id": "d1000000-0000-4000-8000-000000000003", "created_at": "2024-11-04T07:00:00Z",
            "updated_at": "2024-11-04T07:00:00Z", "audit_log": [{"actor": "dave", "action": "workflow_created",
            "at": "2024-11-04T07:00:00Z", "metadata": {}}], "name": "Seed Handled", "handle": "seed-handled",
            "slug": "seed-handled", "description": null, "tags": [], "is_archived": false, "is_public": false,
            "published_at": null, "published_by": null, "require_login": false}',
          '2024-11-04T07:00:00+00:00', '2024-11-04T07:00:00+00:00')
      """;

  /** The tables upstream HEAD creates in the repository's database; the last five are not ours to manage. */
  private static final List<String> UPSTREAM_TABLES = List.of("workflows", "workflow_versions", "workflow_runs",
      "webhook_triggers", "cron_triggers", "retry_policies", "workflow_run_remediations", "listener_subscriptions",
      "listener_cursors", "listener_dedupe");
  private static final List<String> UNMANAGED_TABLES = UPSTREAM_TABLES.subList(6, UPSTREAM_TABLES.size());

  // The ids generate.py writes.
  private static final UUID W_ACTIVE = UUID.fromString("a1000000-0000-4000-8000-000000000001");
  private static final UUID W_ARCHIVED = UUID.fromString("a1000000-0000-4000-8000-000000000002");
  private static final UUID W_DIGEST = UUID.fromString("a1000000-0000-4000-8000-000000000003");
  private static final UUID V_ACTIVE_1 = UUID.fromString("b1000000-0000-4000-8000-000000000011");
  private static final UUID V_ACTIVE_2 = UUID.fromString("b1000000-0000-4000-8000-000000000012");
  private static final UUID V_DIGEST_1 = UUID.fromString("b1000000-0000-4000-8000-000000000031");
  private static final UUID R_SUCCEEDED = UUID.fromString("c1000000-0000-4000-8000-000000000001");
  private static final UUID R_FAILED = UUID.fromString("c1000000-0000-4000-8000-000000000002");
  private static final UUID R_PENDING = UUID.fromString("c1000000-0000-4000-8000-000000000003");
  private static final UUID R_RUNNING = UUID.fromString("c1000000-0000-4000-8000-000000000004");
  private static final UUID R_CANCELLED = UUID.fromString("c1000000-0000-4000-8000-000000000005");
  private static final UUID S_ACTIVE = UUID.fromString("d1000000-0000-4000-8000-000000000001");
  private static final UUID S_ARCHIVED = UUID.fromString("d1000000-0000-4000-8000-000000000002");
  private static final UUID S_HANDLED = UUID.fromString("d1000000-0000-4000-8000-000000000003");
  private static final UUID S_VERSION = UUID.fromString("e1000000-0000-4000-8000-000000000001");

  /** The fields of upstream's pydantic Workflow model (spec §1.9.1), which forbids any other key. */
  private static final Set<String> WORKFLOW_KEYS = Set.of("id", "created_at", "updated_at", "audit_log", "name",
      "handle", "slug", "description", "tags", "is_archived", "draft_access", "is_public", "published_at",
      "published_by", "require_login", "share_url", "chatkit");

  /**
   * generate.py writes SQLite rows, where Python's booleans are 0/1; psycopg binds them as PostgreSQL booleans,
   * and PostgreSQL will not assign an integer to a BOOLEAN column. The only boolean column is
   * {@code workflows.is_archived}; everything else in the rows (JSON text, isoformat timestamps, integers) is what
   * PostgreSQL takes as it is.
   */
  private static final Pattern WORKFLOW_ROW_FLAG = Pattern.compile("^(INSERT INTO workflows \\(id, handle,"
      + " is_archived, payload, created_at, updated_at\\) VALUES \\('[0-9a-f-]{36}', (?:NULL|'[a-z0-9-]+'), )"
      + "([01])(, '\\{)");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Instant NOW = Instant.parse("2025-01-02T03:04:05.000001Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final List<OrcheoPersistence> opened = new ArrayList<>();
  private PostgresDsn head;

  @BeforeEach
  void createUpstreamHeadDatabase() throws SQLException, IOException {
    head = PostgresServer.get().newEmptyDatabase();
    try (Connection connection = connect(head); Statement statement = connection.createStatement()) {
      executeScript(statement, HEAD_SCHEMA);
      for (String line : UpstreamFixtures.resourceLines("/upstream/workflows/head-rows.sql")) {
        statement.executeUpdate(asPostgres(line));
      }
      executeScript(statement, HEAD_UNMANAGED_ROWS);
    }
  }

  /** A second fresh database with SEED's tables and generate.py's SEED rows, plus {@link #SEED_HANDLED_ROW}. */
  private PostgresDsn seedDatabase() throws SQLException, IOException {
    PostgresDsn seed = PostgresServer.get().newEmptyDatabase();
    try (Connection connection = connect(seed); Statement statement = connection.createStatement()) {
      executeScript(statement, SEED_SCHEMA);
      for (String line : UpstreamFixtures.resourceLines("/upstream/workflows/seed-rows.sql")) {
        statement.executeUpdate(line);
      }
      statement.executeUpdate(SEED_HANDLED_ROW);
    }
    return seed;
  }

  private static void executeScript(Statement statement, String script) throws SQLException {
    // As upstream runs its schema: split on ';', one statement at a time.
    for (String sql : script.split(";")) {
      if (!sql.isBlank()) {
        statement.execute(sql);
      }
    }
  }

  private static String asPostgres(String line) {
    if (!line.startsWith("INSERT INTO workflows ")) {
      return line;
    }
    Matcher m = WORKFLOW_ROW_FLAG.matcher(line);
    assertThat(m.find()).as("a workflows row of generate.py: %s", line.substring(0, 120)).isTrue();
    return m.replaceFirst("$1" + (m.group(2).equals("1") ? "TRUE" : "FALSE") + "$3");
  }

  @AfterEach
  void closeAll() {
    opened.forEach(OrcheoPersistence::close);
  }

  private WorkflowRepository open() {
    return open(head);
  }

  private WorkflowRepository open(PostgresDsn dsn) {
    OrcheoPersistence persistence = OrcheoPersistence.open(PersistenceSettings.defaults().withPostgres(dsn), clock);
    opened.add(persistence);
    return persistence.workflows();
  }

  private static Connection connect(PostgresDsn dsn) throws SQLException {
    return DriverManager.getConnection(dsn.jdbcUrl(), dsn.connectionProperties());
  }

  private List<List<String>> query(String sql, Object... parameters) throws SQLException {
    return query(head, sql, parameters);
  }

  private static List<List<String>> query(PostgresDsn dsn, String sql, Object... parameters) throws SQLException {
    try (Connection connection = connect(dsn)) {
      return Rows.query(connection, sql, parameters);
    }
  }

  private String single(String sql, Object... parameters) throws SQLException {
    List<List<String>> rows = query(sql, parameters);
    assertThat(rows).as(sql).hasSize(1);
    return rows.get(0).get(0);
  }

  /** A timestamptz column of one row, read as an instant (its text form follows the session's time zone). */
  private Instant instant(String sql, Object... parameters) throws SQLException {
    return instant(head, sql, parameters);
  }

  private static Instant instant(PostgresDsn dsn, String sql, Object... parameters) throws SQLException {
    try (Connection connection = connect(dsn); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).as("a row from %s", sql).isTrue();
        OffsetDateTime value = rows.getObject(1, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
      }
    }
  }

  private JsonNode payload(String table, UUID id) throws SQLException {
    return payload(head, table, id);
  }

  private static JsonNode payload(PostgresDsn dsn, String table, UUID id) throws SQLException {
    List<List<String>> rows = query(dsn, "SELECT payload::text FROM " + table + " WHERE id = ?", id.toString());
    assertThat(rows).as("%s row %s", table, id).hasSize(1);
    return parse(rows.get(0).get(0));
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static Set<String> keys(JsonNode object) {
    Set<String> keys = new TreeSet<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static final String COLUMNS = "SELECT column_name, data_type, is_nullable, column_default"
      + " FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?"
      + " ORDER BY ordinal_position";
  private static final String INDEXES = "SELECT indexname, indexdef FROM pg_indexes"
      + " WHERE schemaname = current_schema() AND tablename = ? ORDER BY indexname";

  private Map<String, List<List<String>>> describe(String sql, List<String> tables) throws SQLException {
    Map<String, List<List<String>>> byTable = new LinkedHashMap<>();
    for (String table : tables) {
      byTable.put(table, query(sql, table));
    }
    return byTable;
  }

  /** Every row of every upstream table, in the columns upstream created, as text. */
  private Map<String, List<List<String>>> upstreamRows() throws SQLException {
    Map<String, List<List<String>>> byTable = new LinkedHashMap<>();
    for (String table : UPSTREAM_TABLES) {
      List<String> columns = new ArrayList<>();
      query(COLUMNS, table).forEach(row -> columns.add(row.get(0)));
      // Our additions are not upstream's rows; the columns upstream created are compared.
      columns.remove("anchored_at");
      byTable.put(table, query("SELECT " + String.join(", ", columns) + " FROM " + table + " ORDER BY 1, 2"));
    }
    return byTable;
  }

  // ------------------------------------------------------------------------------------------------ opening

  @Test
  void upstreamTablesAreMarkedAsRanAndOnlyOurAdditionsExecute() throws SQLException {
    open();

    assertThat(query("SELECT id, exectype FROM databasechangelog WHERE id LIKE 'workflows-%'"
        + " ORDER BY orderexecuted")).containsExactly(
            List.of("workflows-0.1-workflows-table", "MARK_RAN"),
            List.of("workflows-0.1-legacy-handle-column", "MARK_RAN"),
            List.of("workflows-0.1-legacy-archived-column", "MARK_RAN"),
            List.of("workflows-0.1-legacy-backfill-postgresql", "EXECUTED"),
            List.of("workflows-0.1-handle-index", "EXECUTED"),
            List.of("workflows-0.1-active-handle-index-postgresql", "EXECUTED"),
            List.of("workflows-0.1-versions-table", "MARK_RAN"),
            List.of("workflows-0.1-runs-table", "MARK_RAN"),
            List.of("workflows-0.1-runs-status-index", "EXECUTED"),
            List.of("workflows-0.1-runs-page-index", "EXECUTED"),
            List.of("workflows-0.1-runs-active-index", "EXECUTED"),
            List.of("workflows-0.1-webhook-triggers-table", "MARK_RAN"),
            List.of("workflows-0.1-cron-triggers-table", "MARK_RAN"),
            List.of("workflows-0.1-legacy-cron-cursor-column", "MARK_RAN"),
            List.of("workflows-0.1-cron-anchor-column", "EXECUTED"),
            List.of("workflows-0.1-retry-policies-table", "MARK_RAN"),
            List.of("workflows-0.1-run-retries-table", "EXECUTED"));
  }

  @Test
  void openingKeepsEveryUpstreamRowVerbatim() throws SQLException {
    Map<String, List<List<String>>> before = upstreamRows();

    open();

    assertThat(upstreamRows()).isEqualTo(before);
    assertThat(before.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
  }

  @Test
  void upstreamColumnsStayAsTheyWereAndOnlyTheCronAnchorIsAdded() throws SQLException {
    Map<String, List<List<String>>> before = describe(COLUMNS, UPSTREAM_TABLES);

    open();

    Map<String, List<List<String>>> expected = new LinkedHashMap<>(before);
    List<List<String>> cron = new ArrayList<>(before.get("cron_triggers"));
    cron.add(Arrays.asList("anchored_at", "timestamp with time zone", "YES", null));
    expected.put("cron_triggers", cron);
    assertThat(describe(COLUMNS, UPSTREAM_TABLES)).isEqualTo(expected);
  }

  @Test
  void upstreamIndexesStayAsTheyWereAndOnlyOurTwoRunsIndexesAreAdded() throws SQLException {
    Map<String, List<List<String>>> before = describe(INDEXES, UPSTREAM_TABLES);

    open();

    Map<String, List<List<String>>> after = describe(INDEXES, UPSTREAM_TABLES);
    List<List<String>> runs = new ArrayList<>(after.get("workflow_runs"));
    assertThat(runs.removeIf(row -> row.get(0).equals("idx_runs_workflow_created"))).isTrue();
    assertThat(runs.removeIf(row -> row.get(0).equals("idx_runs_workflow_status"))).isTrue();
    after.put("workflow_runs", runs);
    assertThat(after).isEqualTo(before);
    // Upstream's partial unique index, which guards handles among active workflows, is the one that stays.
    assertThat(before.get("workflows")).extracting(row -> row.get(0))
        .contains("idx_workflows_handle", "idx_workflows_active_handle");
  }

  @Test
  void ourRunsPageIndexAndRetryStateTableAreAddedBesideUpstreamsTables() throws SQLException {
    open();

    assertThat(single("SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_runs_workflow_created'"))
        .contains("(workflow_id, created_at DESC, id DESC)");
    assertThat(query(COLUMNS, "workflow_run_retries")).extracting(row -> row.get(0))
        .containsExactly("run_id", "policy", "retries_scheduled", "updated_at");
    assertThat(single("SELECT count(*) FROM workflow_run_retries")).as("upstream's runs get theirs when asked")
        .isEqualTo("0");
  }

  @Test
  void upstreamsRemediationAndListenerTablesAreLeftAlone() throws SQLException {
    Map<String, List<List<String>>> columns = describe(COLUMNS, UNMANAGED_TABLES);
    Map<String, List<List<String>>> indexes = describe(INDEXES, UNMANAGED_TABLES);
    Map<String, List<List<String>>> rows = upstreamRows();

    open();

    assertThat(describe(COLUMNS, UNMANAGED_TABLES)).isEqualTo(columns);
    assertThat(describe(INDEXES, UNMANAGED_TABLES)).isEqualTo(indexes);
    Map<String, List<List<String>>> rowsAfter = upstreamRows();
    for (String table : UNMANAGED_TABLES) {
      assertThat(rowsAfter.get(table)).as(table).isEqualTo(rows.get(table)).hasSize(1);
    }
  }

  @Test
  void openingAnAdoptedDatabaseASecondTimeChangesNothing() throws SQLException {
    open();
    Map<String, List<List<String>>> rows = upstreamRows();
    List<List<String>> changelog = query("SELECT id, exectype FROM databasechangelog ORDER BY orderexecuted");

    open();

    assertThat(query("SELECT id, exectype FROM databasechangelog ORDER BY orderexecuted")).isEqualTo(changelog);
    assertThat(upstreamRows()).isEqualTo(rows);
  }

  // ------------------------------------------------------------------------------------------------ reading

  @Test
  void listingReturnsUpstreamsActiveWorkflowsOldestFirstAndArchivedOnesOnRequest() {
    WorkflowRepository workflows = open();

    assertThat(workflows.listWorkflows()).extracting(Workflow::id).containsExactly(W_DIGEST, W_ACTIVE);
    assertThat(workflows.listWorkflows(true)).extracting(Workflow::id)
        .containsExactly(W_ARCHIVED, W_DIGEST, W_ACTIVE);
  }

  @Test
  void gettingAnUpstreamWorkflowReadsEveryFieldOfItsJsonbDocument() {
    Workflow w = open().getWorkflow(W_ACTIVE);

    // json.dumps escaped these; jsonb decoded them (📄 from a surrogate pair) and hands back UTF-8.
    assertThat(w.name()).isEqualTo("Résumé Screener — 履歴書 📄");
    assertThat(w.handle()).isEqualTo("resume-screener");
    assertThat(w.slug()).isEqualTo("r-sum-screener");
    assertThat(w.description()).isEqualTo("Screens résumés");
    assertThat(w.tags()).containsExactly("hr", "screening");
    assertThat(w.isArchived()).isFalse();
    assertThat(w.draftAccess()).isEqualTo(DraftAccess.AUTHENTICATED);
    assertThat(w.isPublic()).isTrue();
    assertThat(w.publishedAt()).isEqualTo(Instant.parse("2025-01-01T10:00:00Z"));
    assertThat(w.publishedBy()).isEqualTo("alice");
    assertThat(w.requireLogin()).isTrue();
    assertThat(w.chatkit().startScreenPrompts()).extracting(ChatKitPrompt::label, ChatKitPrompt::prompt)
        .containsExactly(tuple("Start", "Screen this résumé"));
    assertThat(w.createdAt()).isEqualTo(Instant.parse("2025-01-01T09:00:00Z"));
    assertThat(w.updatedAt()).isEqualTo(Instant.parse("2025-01-01T11:30:00.25Z"));
    assertThat(w.auditLog()).extracting(AuditRecord::action)
        .containsExactly("workflow_created", "workflow_published", "workflow_updated");
  }

  @Test
  void archivedUpstreamWorkflowReadsAsArchivedAndKeepsTheHandleItShares() {
    Workflow w = open().getWorkflow(W_ARCHIVED);

    assertThat(w.isArchived()).isTrue();
    assertThat(w.handle()).isEqualTo("resume-screener");
    assertThat(w.updatedAt()).isEqualTo(Instant.parse("2024-12-31T23:59:59.999999Z"));
  }

  @Test
  void refResolutionPrefersTheActiveOwnerOfAHandleAnArchivedWorkflowAlsoKeeps() {
    WorkflowRepository workflows = open();

    assertThat(workflows.resolveWorkflowRef(" Resume-Screener ")).isEqualTo(W_ACTIVE);
    assertThat(workflows.resolveWorkflowRef("resume-screener", false)).isEqualTo(W_ACTIVE);
    assertThat(workflows.resolveWorkflowRef(W_ARCHIVED.toString())).isEqualTo(W_ARCHIVED);
    assertThat(workflows.resolveWorkflowRef(W_DIGEST.toString().toUpperCase())).isEqualTo(W_DIGEST);
    assertThatThrownBy(() -> workflows.resolveWorkflowRef("daily-digest"))
        .isInstanceOf(WorkflowNotFoundException.class);
  }

  @Test
  void upstreamVersionsReadBackInOrderWithTheirDocuments() {
    WorkflowRepository workflows = open();

    List<WorkflowVersion> versions = workflows.listVersions(W_ACTIVE);

    assertThat(versions).extracting(WorkflowVersion::id).containsExactly(V_ACTIVE_1, V_ACTIVE_2);
    WorkflowVersion v1 = versions.get(0);
    assertThat(v1.graph().path("nodes").get(1).path("prompt").asText()).isEqualTo("Évalue le CV — 履歴書");
    assertThat(v1.metadata()).isEqualTo(NODES.objectNode().put("source", "canvas"));
    assertThat(v1.runnableConfig()).isNull();
    assertThat(v1.notes()).isEqualTo("first draft");
    WorkflowVersion v2 = versions.get(1);
    assertThat(v2.runnableConfig().path("recursion_limit").asInt()).isEqualTo(30);
    assertThat(v2.createdAt()).isEqualTo(Instant.parse("2025-01-01T09:10:00.000123Z"));
    assertThat(workflows.getLatestVersion(W_ACTIVE).id()).isEqualTo(V_ACTIVE_2);
    assertThat(workflows.getVersion(V_DIGEST_1).workflowId()).isEqualTo(W_DIGEST);
    assertThat(workflows.getVersionByNumber(W_ACTIVE, 1)).isEqualTo(v1);
  }

  @Test
  void diffOfUpstreamVersionsIsByteIdenticalToUpstreamsThoughJsonbReordersTheKeys() throws SQLException {
    // generate.py wrote nodes, edges, outputs, index; jsonb keeps keys shorter-first, then bytewise. The diff
    // must not depend on the order the database hands the keys back in.
    List<String> storedOrder = new ArrayList<>();
    payload("workflow_versions", V_ACTIVE_1).path("graph").fieldNames().forEachRemaining(storedOrder::add);
    assertThat(storedOrder).containsExactly("edges", "index", "nodes", "outputs");

    VersionDiff diff = open().diffVersions(W_ACTIVE, 1, 2);

    // The same lines generate.py printed with upstream's own difflib call (see UpstreamWorkflowsSqliteTest).
    assertThat(diff.baseVersion()).isEqualTo(1);
    assertThat(diff.targetVersion()).isEqualTo(2);
    assertThat(diff.diff()).containsExactly(
        "--- v1",
        "+++ v2",
        "@@ -14,13 +14,14 @@",
        "       \"type\": \"input\"",
        "     },",
        "     {",
        "-      \"model\": \"gpt-4o-mini\",",
        "+      \"model\": \"gpt-4o\",",
        "       \"name\": \"screen\",",
        "       \"prompt\": \"\\u00c9value le CV \\u2014 \\u5c65\\u6b74\\u66f8\",",
        "       \"type\": \"llm\"",
        "     }",
        "   ],",
        "   \"outputs\": [",
        "-    \"a\"",
        "+    \"a\",",
        "+    \"b\"",
        "   ]",
        " }");
  }

  @Test
  void upstreamRunsReadBackInEveryStatusNewestFirst() {
    WorkflowRepository workflows = open();

    List<WorkflowRun> runs = workflows.listRunsForWorkflow(W_ACTIVE, null);

    assertThat(runs).extracting(WorkflowRun::id, WorkflowRun::status).containsExactly(
        tuple(R_CANCELLED, RunStatus.CANCELLED), tuple(R_RUNNING, RunStatus.RUNNING),
        tuple(R_PENDING, RunStatus.PENDING), tuple(R_FAILED, RunStatus.FAILED),
        tuple(R_SUCCEEDED, RunStatus.SUCCEEDED));
    // The workflow comes from the column: upstream's run document has none.
    assertThat(runs).extracting(WorkflowRun::workflowId).containsOnly(W_ACTIVE);
    WorkflowRun succeeded = runs.get(4);
    assertThat(succeeded.inputPayload().path("candidate").asText()).isEqualTo("Zoë");
    assertThat(succeeded.outputPayload().path("score").asDouble()).isEqualTo(0.87);
    assertThat(succeeded.completedAt()).isEqualTo(Instant.parse("2025-01-01T09:06:05.5Z"));
    assertThat(runs.get(3).error()).isEqualTo("LLM timeout");
    assertThat(runs.get(0).error()).isEqualTo("superseded");
  }

  @Test
  void upstreamRunsPageNewestFirstWithoutRepeatsOrGaps() {
    WorkflowRepository workflows = open();

    Page<WorkflowRun> first = workflows.listRuns(W_ACTIVE, PageRequest.first(2));
    Page<WorkflowRun> second = workflows.listRuns(W_ACTIVE, first.next(2).orElseThrow());
    Page<WorkflowRun> third = workflows.listRuns(W_ACTIVE, second.next(2).orElseThrow());

    assertThat(first.items()).extracting(WorkflowRun::id).containsExactly(R_CANCELLED, R_RUNNING);
    assertThat(second.items()).extracting(WorkflowRun::id).containsExactly(R_PENDING, R_FAILED);
    assertThat(third.items()).extracting(WorkflowRun::id).containsExactly(R_SUCCEEDED);
    assertThat(third.hasNext()).isFalse();
  }

  @Test
  void upstreamWebhookConfigReadsBackAndItsRunsDropTheSecretHeader() {
    WorkflowRepository workflows = open();

    WebhookTriggerConfig config = workflows.getWebhookTriggerConfig(W_ACTIVE);
    WorkflowRun run = workflows.handleWebhookTrigger(W_ACTIVE, new WebhookRequest("POST",
        Map.of("X-Team", "hr", "X-Secret", "s3cr3t"), Map.of(), NODES.objectNode().put("name", "Ann"), "10.0.0.9"));

    assertThat(config.allowedMethods()).containsExactly("GET", "POST");
    assertThat(config.requiredHeaders()).isEqualTo(Map.of("x-team", "hr"));
    assertThat(config.sharedSecretHeader()).isEqualTo("x-secret");
    assertThat(config.sharedSecret()).isEqualTo("s3cr3t");
    assertThat(run.workflowVersionId()).isEqualTo(V_ACTIVE_2);
    assertThat(run.inputPayload().path("headers")).isEqualTo(NODES.objectNode().put("x-team", "hr"));
  }

  // ------------------------------------------------------------------------------------------------ writing

  @Test
  void renamingAHandleOfAnUpstreamRowWorksUnlikeUpstreamsPostgresStore() throws SQLException {
    WorkflowRepository workflows = open();

    Workflow renamed = workflows.updateWorkflow(W_ACTIVE, WorkflowUpdate.by("bob").withHandle("cv-screener"));

    assertThat(renamed.handle()).isEqualTo("cv-screener");
    assertThat(query("SELECT handle, is_archived FROM workflows WHERE id = ?", W_ACTIVE.toString()))
        .containsExactly(List.of("cv-screener", "f"));
    assertThat(payload("workflows", W_ACTIVE).path("handle").asText()).isEqualTo("cv-screener");
    assertThat(workflows.resolveWorkflowRef("cv-screener")).isEqualTo(W_ACTIVE);
    // The old handle now belongs to the archived workflow alone.
    assertThat(workflows.resolveWorkflowRef("resume-screener")).isEqualTo(W_ARCHIVED);
  }

  @Test
  void upstreamsOwnRenameCheckFailsOnTheseTablesWhichIsWhyOursComparesText() throws SQLException {
    // Upstream HEAD's _ensure_handle_available_locked for an update, verbatim (psycopg's %s as JDBC's ?): the TEXT
    // id against a uuid. This is the bug of spec §2.1.1 that the rename test above shows we do not share.
    String upstreamUpdateCheck = "SELECT id, is_archived FROM workflows WHERE handle = ? AND id != ?::uuid";

    assertThatThrownBy(() -> query(upstreamUpdateCheck, "cv-screener", W_ACTIVE.toString()))
        .isInstanceOf(SQLException.class).hasMessageContaining("operator does not exist: text <> uuid");
  }

  @Test
  void restoringTheArchivedHolderOfAnActiveHandleConflictsOnUpstreamsPartialIndex() throws SQLException {
    WorkflowRepository workflows = open();

    assertThatThrownBy(() -> workflows.updateWorkflow(W_ARCHIVED, WorkflowUpdate.by("bob").withArchived(false)))
        .isInstanceOf(WorkflowHandleConflictException.class);

    assertThat(query("SELECT is_archived FROM workflows WHERE id = ?", W_ARCHIVED.toString()))
        .containsExactly(List.of("t"));
  }

  @Test
  void updatingAnUpstreamWorkflowKeepsUnknownPayloadFieldsAndMirrorsTheColumns() throws SQLException {
    WorkflowRepository workflows = open();

    workflows.updateWorkflow(W_ACTIVE,
        WorkflowUpdate.by("bob").withName("Resume Screener").withTags(List.of("hr", "Hiring")));

    JsonNode stored = payload("workflows", W_ACTIVE);
    assertThat(stored.path("x_future_field")).isEqualTo(NODES.objectNode().put("kept", true));
    assertThat(stored.path("name").asText()).isEqualTo("Resume Screener");
    assertThat(stored.path("slug").asText()).isEqualTo("r-sum-screener");
    assertThat(stored.path("tags")).isEqualTo(NODES.arrayNode().add("hr").add("hiring"));
    assertThat(stored.path("updated_at").asText()).isEqualTo("2025-01-02T03:04:05.000001Z");
    assertThat(stored.path("audit_log")).hasSize(4);
    assertThat(query("SELECT handle, is_archived FROM workflows WHERE id = ?", W_ACTIVE.toString()))
        .containsExactly(List.of("resume-screener", "f"));
    assertThat(instant("SELECT created_at FROM workflows WHERE id = ?", W_ACTIVE.toString()))
        .isEqualTo(Instant.parse("2025-01-01T09:00:00Z"));
    assertThat(instant("SELECT updated_at FROM workflows WHERE id = ?", W_ACTIVE.toString())).isEqualTo(NOW);
  }

  @Test
  void creatingAVersionOfAnUpstreamWorkflowNumbersItThree() throws SQLException {
    WorkflowRepository workflows = open();

    WorkflowVersion v3 = workflows.createVersion(W_ACTIVE, NewVersion.of(NODES.objectNode().put("v", 3), "bob"));

    assertThat(v3.version()).isEqualTo(3);
    assertThat(workflows.listVersions(W_ACTIVE)).extracting(WorkflowVersion::version).containsExactly(1, 2, 3);
    assertThat(single("SELECT version FROM workflow_versions WHERE id = ?", v3.id().toString())).isEqualTo("3");
    assertThat(instant("SELECT created_at FROM workflow_versions WHERE id = ?", v3.id().toString())).isEqualTo(NOW);
    assertThat(payload("workflow_versions", v3.id()).path("version").asInt()).isEqualTo(3);
  }

  @Test
  void upstreamRunsMoveThroughTheirTransitionsAndMirrorTheStatus() throws SQLException {
    WorkflowRepository workflows = open();

    WorkflowRun started = workflows.markRunStarted(R_PENDING, "worker");
    WorkflowRun succeeded = workflows.markRunSucceeded(R_RUNNING, "worker", NODES.objectNode().put("ok", true));

    assertThat(started.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(started.startedAt()).isEqualTo(NOW);
    assertThat(succeeded.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(succeeded.startedAt()).isEqualTo(Instant.parse("2025-01-01T09:45:01Z"));
    for (UUID id : List.of(R_PENDING, R_RUNNING)) {
      String column = single("SELECT status FROM workflow_runs WHERE id = ?", id.toString());
      assertThat(payload("workflow_runs", id).path("status").asText()).isEqualTo(column);
      assertThat(instant("SELECT updated_at FROM workflow_runs WHERE id = ?", id.toString())).isEqualTo(NOW);
    }
    assertThat(query("SELECT id, status FROM workflow_runs WHERE id IN (?, ?) ORDER BY id", R_PENDING.toString(),
        R_RUNNING.toString())).containsExactly(List.of(R_PENDING.toString(), "running"),
            List.of(R_RUNNING.toString(), "succeeded"));
    assertThat(payload("workflow_runs", R_PENDING).path("audit_log")).extracting(e -> e.path("action").asText())
        .containsExactly("run_created", "run_started");
  }

  @Test
  void cronDispatchContinuesFromTheStoredLastDispatchedAt() throws SQLException {
    WorkflowRepository workflows = open();
    // Three days on: the oldest missed occurrence after upstream's cursor (Jan 1st 09:00) comes first.
    clock.set(Instant.parse("2025-01-04T10:00:00Z"));

    List<WorkflowRun> runs = workflows.dispatchDueCronRuns(clock.instant());

    assertThat(runs).singleElement().satisfies(run -> {
      assertThat(run.workflowId()).isEqualTo(W_DIGEST);
      assertThat(run.workflowVersionId()).isEqualTo(V_DIGEST_1);
      assertThat(run.inputPayload().path("scheduled_for").asText()).isEqualTo("2025-01-02T09:00:00+00:00");
    });
    assertThat(instant("SELECT last_dispatched_at FROM cron_triggers WHERE workflow_id = ?", W_DIGEST.toString()))
        .isEqualTo(Instant.parse("2025-01-02T09:00:00Z"));
  }

  @Test
  void aFailedUpstreamRunGetsItsRetriesUnderTheStoredPolicy() throws SQLException {
    WorkflowRepository workflows = open();
    Instant failedAt = Instant.parse("2025-01-02T00:00:00Z");

    RetryPolicyConfig policy = workflows.getRetryPolicyConfig(W_ACTIVE);
    RetryDecision first = workflows.scheduleRetryForRun(R_FAILED, failedAt).orElseThrow();
    RetryDecision second = workflows.scheduleRetryForRun(R_FAILED, failedAt).orElseThrow();

    assertThat(policy).isEqualTo(new RetryPolicyConfig(3, 12.5, 2.0, 300.0, 0.0));
    assertThat(first.retryNumber()).isEqualTo(1);
    assertThat(first.scheduledFor()).isEqualTo(failedAt.plusMillis(12_500));
    assertThat(second.retryNumber()).isEqualTo(2);
    assertThat(second.delaySeconds()).isEqualTo(25.0);
    assertThat(workflows.scheduleRetryForRun(R_FAILED, failedAt)).as("max_attempts 3: two retries").isEmpty();
    // Upstream kept the count in memory; ours is a row, created for upstream's run on the first request.
    assertThat(query("SELECT retries_scheduled FROM workflow_run_retries WHERE run_id = ?", R_FAILED.toString()))
        .containsExactly(List.of("2"));
  }

  // ------------------------------------------------------------------------------------------------ SEED era

  @Test
  void seedEraTablesGetTheMirroredColumnsTheCronCursorAndTheHandleIndexes() throws SQLException, IOException {
    PostgresDsn seed = seedDatabase();

    open(seed);

    assertThat(query(seed, COLUMNS, "workflows")).contains(
        Arrays.asList("handle", "text", "YES", null),
        List.of("is_archived", "boolean", "NO", "false"));
    assertThat(query(seed, COLUMNS, "cron_triggers"))
        .contains(Arrays.asList("last_dispatched_at", "timestamp with time zone", "YES", null));
    assertThat(query(seed, INDEXES, "workflows")).extracting(row -> row.get(0))
        .contains("idx_workflows_handle", "idx_workflows_active_handle");
    assertThat(query(seed, "SELECT id, exectype FROM databasechangelog WHERE id LIKE 'workflows-0.1-legacy-%'"
        + " ORDER BY orderexecuted")).containsExactly(
            List.of("workflows-0.1-legacy-handle-column", "EXECUTED"),
            List.of("workflows-0.1-legacy-archived-column", "EXECUTED"),
            List.of("workflows-0.1-legacy-backfill-postgresql", "EXECUTED"),
            List.of("workflows-0.1-legacy-cron-cursor-column", "EXECUTED"));
  }

  @Test
  void seedEraHandleAndArchivedFlagAreBackfilledFromThePayload() throws SQLException, IOException {
    PostgresDsn seed = seedDatabase();

    open(seed);

    assertThat(query(seed, "SELECT id, handle, is_archived FROM workflows ORDER BY id")).containsExactly(
        Arrays.asList(S_ACTIVE.toString(), null, "f"),
        Arrays.asList(S_ARCHIVED.toString(), null, "t"),
        Arrays.asList(S_HANDLED.toString(), "seed-handled", "f"));
    assertThat(query(seed, "SELECT last_dispatched_at FROM cron_triggers"))
        .containsExactly(Arrays.asList((String) null));
  }

  @Test
  void seedEraRowsReadIncludingThePayloadWithLegacyPublishTokenKeys() throws SQLException, IOException {
    WorkflowRepository workflows = open(seedDatabase());

    Workflow legacy = workflows.getWorkflow(S_ACTIVE);

    assertThat(legacy.name()).isEqualTo("Seed Flow");
    assertThat(legacy.handle()).isNull();
    // No draft_access in SEED documents: upstream infers it from a workspace tag.
    assertThat(legacy.draftAccess()).isEqualTo(DraftAccess.WORKSPACE);
    assertThat(workflows.listWorkflows()).extracting(Workflow::id).containsExactly(S_ACTIVE, S_HANDLED);
    assertThat(workflows.listWorkflows(true)).extracting(Workflow::id)
        .containsExactly(S_ACTIVE, S_ARCHIVED, S_HANDLED);
    assertThat(workflows.resolveWorkflowRef("seed-handled")).isEqualTo(S_HANDLED);
    assertThat(workflows.listVersions(S_ACTIVE)).extracting(WorkflowVersion::id).containsExactly(S_VERSION);
  }

  @Test
  void seedEraLegacyKeysStayUntilTheWorkflowIsNextWrittenAndAreDroppedThen() throws SQLException, IOException {
    PostgresDsn seed = seedDatabase();
    WorkflowRepository workflows = open(seed);
    // Opening backfills columns only; the document is rewritten by the next write, not by the migration.
    assertThat(keys(payload(seed, "workflows", S_ACTIVE))).contains("publish_token_hash", "publish_token_rotated_at");

    workflows.updateWorkflow(S_ACTIVE, WorkflowUpdate.by("dave").withHandle("seed-flow"));

    JsonNode stored = payload(seed, "workflows", S_ACTIVE);
    assertThat(keys(stored)).isEqualTo(new TreeSet<>(WORKFLOW_KEYS));
    assertThat(stored.path("draft_access").asText()).isEqualTo("workspace");
    assertThat(query(seed, "SELECT handle, is_archived FROM workflows WHERE id = ?", S_ACTIVE.toString()))
        .containsExactly(List.of("seed-flow", "f"));
  }

  @Test
  void seedEraCronTriggerWithoutACursorDispatchesAndGetsOne() throws SQLException, IOException {
    PostgresDsn seed = seedDatabase();
    WorkflowRepository workflows = open(seed);
    Instant fire = Instant.parse("2025-01-05T06:30:00Z");

    List<WorkflowRun> runs = workflows.dispatchDueCronRuns(fire);

    assertThat(runs).singleElement().extracting(run -> run.inputPayload().path("scheduled_for").asText())
        .isEqualTo("2025-01-05T06:30:00+00:00");
    assertThat(instant(seed, "SELECT last_dispatched_at FROM cron_triggers WHERE workflow_id = ?",
        S_ACTIVE.toString())).isEqualTo(fire);
  }
}
