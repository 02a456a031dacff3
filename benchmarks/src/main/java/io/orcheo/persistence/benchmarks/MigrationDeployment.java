package io.orcheo.persistence.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

/**
 * The migration benchmark's data: a local deployment's four SQLite files ({@code workflows.sqlite},
 * {@code chatkit.sqlite}, {@code service_tokens.sqlite}, {@code vault.sqlite}) with rows in every table the migration
 * moves, generated from a seed until the files reach a requested size, and the changes made to them between the
 * copy and the cutover.
 *
 * <p>The schema is ours (opening {@link OrcheoPersistence} on the directory applies the changelog); the rows are
 * written by plain JDBC batches in the stores' SQLite formats (upstream's isoformat timestamps, JSON documents as
 * text, booleans as 0/1), because a gigabyte through the repositories would take most of an hour. The shape follows
 * a deployment that has been used for a while: per workflow three versions, triggers, 40 runs with their run
 * history (10 steps each), 60 agentensor checkpoints, 4 chat threads of 60 items, and service tokens with their audit
 * log and the vault's credentials and alerts. Most of the bytes, as in a real deployment, are JSON documents in run
 * history, checkpoints and chat items.
 *
 * <p>A generated set is kept in a directory named by seed and size, with a {@value #MARKER} file written last; a
 * later run with the same seed and size reuses it and works on a copy, because the cutover changes the files.
 */
final class MigrationDeployment {
  /** The four SQLite files of a deployment, in the order the stores are listed. */
  static final List<String> FILES = List.of("workflows.sqlite", "chatkit.sqlite", "service_tokens.sqlite",
      "vault.sqlite");
  /** Written after generation completes: seed, size, generator version and row counts. */
  static final String MARKER = "generated.properties";
  /** Changes when the generated rows change, so an older set is not reused. */
  private static final String GENERATOR_VERSION = "2";
  private static final int WORKFLOWS_PER_ROUND = 20;
  private static final int VERSIONS = 3;
  private static final int RUNS = 40;
  private static final int STEPS = 10;
  private static final int CHECKPOINTS = 60;
  private static final int THREADS = 4;
  private static final int ITEMS = 60;
  private static final int TOKENS = 2;
  private static final int AUDIT_EVENTS = 20;
  private static final Instant EPOCH = Instant.parse("2026-06-01T00:00:00Z");
  private static final String[] WORDS = {"the", "workflow", "finished", "pool", "connection", "worker", "request",
      "retry", "deploy", "résumé", "履歴書", "Zoë", "agent", "token", "latency", "graph", "node", "prompt", "model",
      "answer", "question", "summary", "invoice", "customer", "🚀", "schedule", "webhook", "tool", "search", "index",
      "postgres", "sqlite", "checkpoint", "metric", "score", "evaluation", "Straße", "naïve", "données", "報告"};
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private MigrationDeployment() {}

  /**
   * The generated deployment of about {@code megabytes} MB (10^6 bytes) from {@code seed} in {@code cache}, generated
   * there first unless a complete set with the same seed and size is already there.
   *
   * @return the directory holding the four files
   */
  static Path generated(Path cache, long seed, long megabytes) throws IOException, SQLException {
    Path directory = cache.resolve("seed-" + seed + "-" + megabytes + "mb");
    Path marker = directory.resolve(MARKER);
    if (Files.isRegularFile(marker)) {
      Properties properties = read(marker);
      if (GENERATOR_VERSION.equals(properties.getProperty("generator"))) {
        System.out.printf("Reusing the deployment in %s (seed %d, %d MB)%n", directory, seed, megabytes);
        return directory;
      }
    }
    if (Files.exists(directory)) {
      TrialDatabase.deleteRecursively(directory);
    }
    Files.createDirectories(directory);
    long started = System.nanoTime();
    // Our changelog creates every table, index and trigger (FTS5 on chat items) the application's files have.
    OrcheoPersistence.open(PersistenceSettings.defaults().withSqliteDirectory(directory)).close();
    Map<String, Long> rows = new Generator(directory, seed).fill(megabytes * 1_000_000L);
    Properties properties = new Properties();
    properties.setProperty("seed", Long.toString(seed));
    properties.setProperty("megabytes", Long.toString(megabytes));
    properties.setProperty("generator", GENERATOR_VERSION);
    rows.forEach((table, count) -> properties.setProperty("rows." + table, Long.toString(count)));
    try (OutputStream out = Files.newOutputStream(marker)) {
      properties.store(out, "MigrationBenchmark's generated deployment");
    }
    System.out.printf("Generated %,d rows, %.1f MB of SQLite files in %s in %.0f s%n",
        rows.values().stream().mapToLong(Long::longValue).sum(), size(directory) / 1e6, directory,
        (System.nanoTime() - started) / 1e9);
    return directory;
  }

  /** A working copy of the generated files in {@code target} (created), which the benchmark may change. */
  static Path copy(Path generated, Path target) throws IOException {
    Files.createDirectories(target);
    for (String name : FILES) {
      Files.copy(generated.resolve(name), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  /** The bytes of the four files (with any write-ahead log). */
  static long size(Path directory) throws IOException {
    long bytes = 0;
    for (String name : FILES) {
      bytes += Files.size(directory.resolve(name));
      Path wal = directory.resolve(name + "-wal");
      if (Files.exists(wal)) {
        bytes += Files.size(wal);
      }
    }
    return bytes;
  }

  private static Properties read(Path file) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    }
    return properties;
  }

  /**
   * What happens in the files between the copy and the cutover, on a share of the rows of every table: new runs,
   * executions with their steps, checkpoints, chat items and audit events; runs that finished, executions that
   * completed, threads renamed, tokens used, alerts acknowledged; executions and threads deleted (their steps and
   * items with them, by the foreign keys' cascades).
   *
   * @param share the fraction of a table's rows each kind of change touches, e.g. 0.005
   * @return rows inserted, updated and deleted per table, as the statements reported them (cascades not included)
   */
  static Map<String, long[]> change(Path directory, double share, Instant now) throws SQLException {
    int every = Math.max(2, (int) Math.round(1 / share));
    String at = UpstreamTimestamps.format(now);
    String atZ = at.replace("+00:00", "Z");
    Map<String, long[]> changes = new LinkedHashMap<>();
    try (Connection workflows = open(directory.resolve("workflows.sqlite"));
        Connection chatkit = open(directory.resolve("chatkit.sqlite"));
        Connection tokens = open(directory.resolve("service_tokens.sqlite"));
        Connection vault = open(directory.resolve("vault.sqlite"))) {
      // Inserts copy existing rows under new keys (ids suffixed "-late"), so they have the generated shapes.
      apply(workflows, changes, "workflow_runs", every,
          "INSERT INTO workflow_runs SELECT id || '-late', workflow_id, workflow_version_id, 'pending', 'webhook',"
              + " json_set(payload, '$.id', id || '-late', '$.status', 'pending', '$.created_at', ?1),"
              + " ?2, ?2 FROM workflow_runs WHERE rowid % ?3 = 1",
          "UPDATE workflow_runs SET status = 'succeeded', updated_at = ?2,"
              + " payload = json_set(payload, '$.status', 'succeeded', '$.updated_at', ?1) WHERE rowid % ?3 = 2",
          null, atZ, at);
      apply(workflows, changes, "execution_history", every,
          "INSERT INTO execution_history SELECT execution_id || '-late', workflow_id, inputs, runnable_config, tags,"
              + " callbacks, json_set(metadata, '$.late', json('true')), run_name, 'running', ?2, NULL, NULL,"
              + " trace_id, ?2, NULL, ?2 FROM execution_history WHERE rowid % ?3 = 1",
          "UPDATE execution_history SET status = 'completed', completed_at = ?2, trace_completed_at = ?2"
              + " WHERE rowid % ?3 = 2",
          "DELETE FROM execution_history WHERE rowid % ?3 = 3", atZ, at);
      apply(workflows, changes, "execution_history_steps", every,
          "INSERT INTO execution_history_steps SELECT execution_id, step_index + 1000, ?2,"
              + " json_set(payload, '$.late', json('true')) FROM execution_history_steps"
              + " WHERE rowid % ?3 = 1 AND execution_id IN (SELECT execution_id FROM execution_history)",
          null, null, atZ, at);
      apply(workflows, changes, "agentensor_checkpoints", every,
          "INSERT INTO agentensor_checkpoints SELECT id || '-late', workflow_id, config_version + 1000,"
              + " runnable_config, metrics, metadata, artifact_url, 0, ?2 FROM agentensor_checkpoints"
              + " WHERE rowid % ?3 = 1",
          "UPDATE agentensor_checkpoints SET is_best = 1 - is_best, metrics = json_set(metrics, '$.rescored',"
              + " json('true')) WHERE rowid % ?3 = 2",
          null, atZ, at);
      apply(workflows, changes, "workflows", every,
          null,
          "UPDATE workflows SET updated_at = ?2, payload = json_set(payload, '$.updated_at', ?1)"
              + " WHERE rowid % ?3 = 2",
          null, atZ, at);
      apply(workflows, changes, "cron_triggers", every,
          null, "UPDATE cron_triggers SET last_dispatched_at = ?2 WHERE rowid % ?3 = 2", null, atZ, at);
      apply(chatkit, changes, "chat_threads", every,
          null,
          "UPDATE chat_threads SET title = title || ' (renamed)', updated_at = ?2 WHERE rowid % ?3 = 2",
          "DELETE FROM chat_threads WHERE rowid % ?3 = 3", atZ, at);
      apply(chatkit, changes, "chat_messages", every,
          "INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at)"
              + " SELECT id || '-late', thread_id, ordinal + 1000, item_type, json_set(item_json, '$.id',"
              + " id || '-late', '$.created_at', ?1), ?2 FROM chat_messages WHERE rowid % ?3 = 1",
          null, null, atZ, at);
      apply(tokens, changes, "service_tokens", every,
          null,
          "UPDATE service_tokens SET use_count = use_count + 1, last_used_at = ?2 WHERE rowid % ?3 = 2",
          null, atZ, at);
      apply(tokens, changes, "service_token_audit_log", every,
          "INSERT INTO service_token_audit_log (token_id, \"action\", actor, ip_address, user_agent, timestamp,"
              + " details) SELECT token_id, 'used', actor, ip_address, user_agent, ?2, details"
              + " FROM service_token_audit_log WHERE rowid % ?3 = 1",
          null, null, atZ, at);
      apply(vault, changes, "governance_alerts", every,
          null,
          "UPDATE governance_alerts SET acknowledged = 1, updated_at = ?2 WHERE rowid % ?3 = 2 AND acknowledged = 0",
          null, atZ, at);
      apply(vault, changes, "credentials", every,
          null,
          "UPDATE credentials SET updated_at = ?2, payload = json_set(payload, '$.last_rotated_at', ?1)"
              + " WHERE rowid % ?3 = 2",
          null, atZ, at);
    }
    return changes;
  }

  private static void apply(Connection connection, Map<String, long[]> changes, String table, int every,
      String insert, String update, String delete, String atZ, String at) throws SQLException {
    long[] counts = new long[3];
    String[] statements = {insert, update, delete};
    connection.setAutoCommit(false);
    for (int i = 0; i < statements.length; i++) {
      if (statements[i] == null) {
        continue;
      }
      try (PreparedStatement statement = connection.prepareStatement(statements[i])) {
        if (statements[i].contains("?1")) {
          statement.setString(1, atZ);
        }
        if (statements[i].contains("?2")) {
          statement.setString(2, at);
        }
        statement.setInt(3, every);
        counts[i] = statement.executeUpdate();
      }
    }
    connection.commit();
    connection.setAutoCommit(true);
    changes.put(table, counts);
  }

  private static Connection open(Path file) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement statement = connection.createStatement()) {
      // The cascades a deletion of a thread or an execution has in the application.
      statement.execute("PRAGMA foreign_keys = ON");
      statement.execute("PRAGMA busy_timeout = 5000");
    }
    return connection;
  }

  /** Writes rows round by round until the files reach the requested size. */
  private static final class Generator {
    private final Path directory;
    private final Random random;
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private long workflowCount;
    private long auditId;
    private Instant clock = EPOCH;

    Generator(Path directory, long seed) {
      this.directory = directory;
      this.random = new Random(seed);
    }

    Map<String, Long> fill(long bytes) throws SQLException, IOException {
      try (Connection workflows = connect("workflows.sqlite");
          Connection chatkit = connect("chatkit.sqlite");
          Connection tokens = connect("service_tokens.sqlite");
          Connection vault = connect("vault.sqlite")) {
        vaultTemplates(vault);
        while (size(directory) < bytes) {
          for (int i = 0; i < WORKFLOWS_PER_ROUND; i++) {
            workflow(workflows, chatkit, tokens, vault);
          }
          for (Connection connection : List.of(workflows, chatkit, tokens, vault)) {
            connection.commit();
          }
        }
        for (Connection connection : List.of(workflows, chatkit, tokens, vault)) {
          try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            // Back to the application's journal mode (it persists in the file).
            statement.execute("PRAGMA journal_mode = WAL");
          }
        }
      }
      return rows;
    }

    private Connection connect(String name) throws SQLException {
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(name));
      try (Statement statement = connection.createStatement()) {
        // Generation only: a crash means generating again, so durability is not worth its fsyncs.
        statement.execute("PRAGMA synchronous = OFF");
        // A rollback journal while generating: the main file then holds every page written, so its size is the
        // deployment's size at each check (with a write-ahead log, the pages sit in -wal until a checkpoint).
        statement.execute("PRAGMA journal_mode = DELETE");
        statement.execute("PRAGMA cache_size = -65536");
      }
      connection.setAutoCommit(false);
      return connection;
    }

    private void count(String table, int n) {
      rows.merge(table, (long) n, Long::sum);
    }

    private String text(int words) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < words; i++) {
        out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
      }
      return out.toString();
    }

    private Instant tick(int maxMillis) {
      clock = clock.plusMillis(1 + random.nextInt(maxMillis)).plusNanos(random.nextInt(1000) * 1000L);
      return clock;
    }

    private static String at(Instant instant) {
      return UpstreamTimestamps.format(instant);
    }

    /** Documents spell UTC with Z (pydantic's form), the columns with +00:00 (isoformat's). */
    private static String z(Instant instant) {
      String text = UpstreamTimestamps.format(instant);
      return text.substring(0, text.length() - "+00:00".length()) + "Z";
    }

    private UUID uuid() {
      return new UUID(random.nextLong(), random.nextLong());
    }

    private ArrayNode audit(String actor, Instant... times) {
      ArrayNode log = JSON.arrayNode();
      String[] actions = {"created", "started", "succeeded"};
      for (int i = 0; i < times.length; i++) {
        log.addObject().put("actor", actor).put("action", "run_" + actions[Math.min(i, 2)]).put("at", z(times[i]))
            .putObject("metadata");
      }
      return log;
    }

    private void workflow(Connection workflows, Connection chatkit, Connection tokens, Connection vault)
        throws SQLException {
      long n = workflowCount++;
      String workflowId = uuid().toString();
      Instant created = tick(60_000);
      ObjectNode workflow = JSON.objectNode().put("id", workflowId).put("created_at", z(created))
          .put("updated_at", z(created));
      workflow.set("audit_log", audit("alice", created));
      workflow.put("name", "Workflow " + n + " — " + text(3)).put("handle", "wf-" + n).put("slug", "wf-" + n)
          .put("description", text(20)).put("is_archived", false).put("draft_access", "personal")
          .put("is_public", n % 5 == 0).putNull("published_at").put("require_login", false).putNull("chatkit");
      workflow.putArray("tags").add("team:" + WORDS[(int) (n % WORDS.length)]).add("bench");
      try (PreparedStatement insert = workflows.prepareStatement("INSERT INTO workflows (id, handle, is_archived,"
          + " payload, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, workflowId);
        insert.setString(2, "wf-" + n);
        insert.setInt(3, 0);
        insert.setString(4, JsonCodec.write(workflow));
        insert.setString(5, at(created));
        insert.setString(6, at(created));
        insert.executeUpdate();
      }
      count("workflows", 1);
      String[] versionIds = new String[VERSIONS];
      try (PreparedStatement insert = workflows.prepareStatement("INSERT INTO workflow_versions (id, workflow_id,"
          + " version, payload, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (int v = 0; v < VERSIONS; v++) {
          versionIds[v] = uuid().toString();
          Instant when = tick(5_000);
          ObjectNode version = JSON.objectNode().put("id", versionIds[v]).put("created_at", z(when))
              .put("updated_at", z(when)).put("workflow_id", workflowId).put("version", v + 1);
          version.set("audit_log", audit("alice", when));
          ObjectNode graph = version.putObject("graph");
          ArrayNode nodes = graph.putArray("nodes");
          ArrayNode edges = graph.putArray("edges");
          for (int k = 0; k < 8; k++) {
            nodes.addObject().put("name", "node_" + k).put("type", k == 0 ? "input" : k % 3 == 0 ? "llm" : "tool")
                .put("prompt", text(12)).put("temperature", random.nextInt(100) / 100.0);
            if (k > 0) {
              edges.addObject().put("source", "node_" + (k - 1)).put("target", "node_" + k);
            }
          }
          version.putNull("mermaid").put("created_by", "alice").put("notes", text(6));
          version.putObject("metadata").put("source", "canvas");
          version.putObject("runnable_config").put("recursion_limit", 25).putArray("tags").add("bench");
          insert.setString(1, versionIds[v]);
          insert.setString(2, workflowId);
          insert.setInt(3, v + 1);
          insert.setString(4, JsonCodec.write(version));
          insert.setString(5, at(when));
          insert.setString(6, at(when));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      count("workflow_versions", VERSIONS);
      triggers(workflows, workflowId, n);
      runsAndHistory(workflows, workflowId, versionIds);
      checkpoints(workflows, workflowId);
      chat(chatkit, workflowId);
      tokens(tokens, n);
      vault(vault, workflowId, n);
    }

    private void triggers(Connection workflows, String workflowId, long n) throws SQLException {
      ObjectNode webhook = JSON.objectNode();
      webhook.putArray("allowed_methods").add("POST");
      webhook.putObject("required_headers").put("x-team", "bench");
      webhook.put("shared_secret_header", "x-secret").put("shared_secret", "s3cr3t-" + n)
          .put("hmac_algorithm", "sha256").put("hmac_tolerance_seconds", 300);
      webhook.putObject("rate_limit").put("limit", 60).put("interval_seconds", 60);
      try (PreparedStatement insert = workflows.prepareStatement(
          "INSERT INTO webhook_triggers (workflow_id, config) VALUES (?, ?)")) {
        insert.setString(1, workflowId);
        insert.setString(2, JsonCodec.write(webhook));
        insert.executeUpdate();
      }
      count("webhook_triggers", 1);
      if (n % 2 == 0) {
        ObjectNode cron = JSON.objectNode().put("expression", (n % 60) + " " + (n % 24) + " * * *")
            .put("timezone", n % 4 == 0 ? "UTC" : "Europe/Paris").put("allow_overlapping", false)
            .putNull("start_at").putNull("end_at");
        try (PreparedStatement insert = workflows.prepareStatement(
            "INSERT INTO cron_triggers (workflow_id, config, last_dispatched_at) VALUES (?, ?, ?)")) {
          insert.setString(1, workflowId);
          insert.setString(2, JsonCodec.write(cron));
          insert.setString(3, at(clock));
          insert.executeUpdate();
        }
        count("cron_triggers", 1);
      }
      if (n % 3 == 0) {
        ObjectNode retry = JSON.objectNode().put("max_attempts", 3).put("initial_delay_seconds", 1.5)
            .put("backoff_factor", 2.0).put("max_delay_seconds", 60).put("jitter_factor", 0.1);
        try (PreparedStatement insert = workflows.prepareStatement(
            "INSERT INTO retry_policies (workflow_id, config) VALUES (?, ?)")) {
          insert.setString(1, workflowId);
          insert.setString(2, JsonCodec.write(retry));
          insert.executeUpdate();
        }
        count("retry_policies", 1);
      }
    }

    private void runsAndHistory(Connection workflows, String workflowId, String[] versionIds) throws SQLException {
      try (PreparedStatement run = workflows.prepareStatement("INSERT INTO workflow_runs (id, workflow_id,"
              + " workflow_version_id, status, triggered_by, payload, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement history = workflows.prepareStatement("INSERT INTO execution_history (execution_id,"
              + " workflow_id, inputs, runnable_config, tags, callbacks, metadata, run_name, status, started_at,"
              + " completed_at, error, trace_id, trace_started_at, trace_completed_at, trace_last_span_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement step = workflows.prepareStatement("INSERT INTO execution_history_steps (execution_id,"
              + " step_index, at, payload) VALUES (?, ?, ?, ?)")) {
        String[] triggers = {"manual", "webhook", "cron"};
        for (int r = 0; r < RUNS; r++) {
          String runId = uuid().toString();
          Instant created = tick(30_000);
          Instant started = created.plusMillis(200 + random.nextInt(800));
          Instant completed = started.plusMillis(500 + random.nextInt(20_000));
          boolean failed = random.nextInt(20) == 0;
          String status = failed ? "failed" : "succeeded";
          String triggeredBy = triggers[random.nextInt(triggers.length)];
          ObjectNode input = JSON.objectNode().put("question", text(15)).put("user", "user-" + random.nextInt(500))
              .put("priority", random.nextInt(5));
          ObjectNode config = JSON.objectNode().put("recursion_limit", 25).put("run_name", "run " + r);
          config.putArray("tags").add("bench").add(triggeredBy);
          config.putObject("metadata").put("team", WORDS[random.nextInt(WORDS.length)]).put("attempt", 1);
          ObjectNode payload = JSON.objectNode().put("id", runId).put("created_at", z(created))
              .put("updated_at", z(completed));
          payload.set("audit_log", audit(triggeredBy, created, started, completed));
          payload.put("workflow_version_id", versionIds[r % versionIds.length]).put("status", status)
              .put("triggered_by", triggeredBy);
          payload.set("input_payload", input);
          payload.set("runnable_config", config);
          payload.put("started_at", z(started)).put("completed_at", z(completed));
          payload.putObject("output_payload").put("answer", text(25)).put("tokens", 100 + random.nextInt(4000));
          if (failed) {
            payload.put("error", "LLM timeout after " + random.nextInt(60) + " s");
          } else {
            payload.putNull("error");
          }
          run.setString(1, runId);
          run.setString(2, workflowId);
          run.setString(3, versionIds[r % versionIds.length]);
          run.setString(4, status);
          run.setString(5, triggeredBy);
          run.setString(6, JsonCodec.write(payload));
          run.setString(7, at(created));
          run.setString(8, at(completed));
          run.addBatch();

          history.setString(1, runId);
          history.setString(2, workflowId);
          history.setString(3, JsonCodec.write(input));
          history.setString(4, JsonCodec.write(config));
          history.setString(5, JsonCodec.write(config.get("tags")));
          history.setString(6, "[]");
          history.setString(7, JsonCodec.write(config.get("metadata")));
          history.setString(8, "run " + r);
          history.setString(9, failed ? "error" : "completed");
          history.setString(10, at(started));
          history.setString(11, at(completed));
          history.setString(12, failed ? "LLM timeout" : null);
          history.setString(13, Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
          history.setString(14, at(started));
          history.setString(15, at(completed));
          history.setString(16, at(completed));
          history.addBatch();
          for (int s = 0; s < STEPS; s++) {
            Instant stepAt = started.plusMillis((completed.toEpochMilli() - started.toEpochMilli()) * s / STEPS);
            ObjectNode stepPayload = JSON.objectNode();
            ObjectNode node = stepPayload.putObject("node_" + s);
            node.put("status", "completed").put("duration_ms", random.nextInt(3000));
            node.putArray("messages").addObject().put("role", s % 2 == 0 ? "assistant" : "tool")
                .put("content", text(30 + random.nextInt(30)));
            node.putObject("usage").put("prompt_tokens", random.nextInt(2000))
                .put("completion_tokens", random.nextInt(800)).put("cost", random.nextInt(10_000) / 1e5);
            stepPayload.put("at", z(stepAt));
            step.setString(1, runId);
            step.setInt(2, s);
            step.setString(3, at(stepAt));
            step.setString(4, JsonCodec.write(stepPayload));
            step.addBatch();
          }
        }
        run.executeBatch();
        history.executeBatch();
        step.executeBatch();
      }
      count("workflow_runs", RUNS);
      count("execution_history", RUNS);
      count("execution_history_steps", RUNS * STEPS);
    }

    private void checkpoints(Connection workflows, String workflowId) throws SQLException {
      int best = random.nextInt(CHECKPOINTS);
      try (PreparedStatement insert = workflows.prepareStatement("INSERT INTO agentensor_checkpoints (id,"
          + " workflow_id, config_version, runnable_config, metrics, metadata, artifact_url, is_best, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int c = 0; c < CHECKPOINTS; c++) {
          ObjectNode config = JSON.objectNode().put("recursion_limit", 25);
          ObjectNode configurable = config.putObject("configurable");
          configurable.putObject("prompts").put("system", text(25)).put("planner", text(15));
          configurable.put("temperature", random.nextInt(100) / 100.0);
          ObjectNode metrics = JSON.objectNode().put("score", random.nextInt(1_000_000) / 1e6)
              .put("latency_ms", random.nextInt(5000)).put("cost_usd", random.nextInt(100_000) / 1e5);
          ArrayNode losses = metrics.putArray("loss_curve");
          for (int i = 0; i < 12; i++) {
            losses.add(random.nextInt(1_000_000) / 1e6);
          }
          ObjectNode metadata = JSON.objectNode().put("epoch", c).put("optimizer", "textgrad")
              .put("note", text(8));
          insert.setString(1, uuid().toString());
          insert.setString(2, workflowId);
          insert.setInt(3, c + 1);
          insert.setString(4, JsonCodec.write(config));
          insert.setString(5, JsonCodec.write(metrics));
          insert.setString(6, JsonCodec.write(metadata));
          insert.setString(7, c % 4 == 0 ? "s3://artifacts/" + workflowId + "/" + c + ".json" : null);
          insert.setInt(8, c == best ? 1 : 0);
          insert.setString(9, at(tick(2_000)));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      count("agentensor_checkpoints", CHECKPOINTS);
    }

    private void chat(Connection chatkit, String workflowId) throws SQLException {
      try (PreparedStatement thread = chatkit.prepareStatement("INSERT INTO chat_threads (id, title, workflow_id,"
              + " status_json, metadata_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement item = chatkit.prepareStatement("INSERT INTO chat_messages (id, thread_id, ordinal,"
              + " item_type, item_json, created_at) VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement attachment = chatkit.prepareStatement("INSERT INTO chat_attachments (id, thread_id,"
              + " attachment_type, name, mime_type, details_json, storage_path, created_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int t = 0; t < THREADS; t++) {
          String threadId = "thr_" + Long.toHexString(random.nextLong());
          Instant created = tick(10_000);
          ObjectNode metadata = JSON.objectNode().put("workflow_id", workflowId)
              .put("team", WORDS[random.nextInt(WORDS.length)]).put("source", t % 2 == 0 ? "web" : "api");
          Instant last = created;
          for (int i = 0; i < ITEMS; i++) {
            last = last.plusMillis(500 + random.nextInt(30_000));
            String itemId = "msg_" + Long.toHexString(random.nextLong());
            String type = i % 6 == 5 ? "client_tool_call" : i % 2 == 0 ? "user_message" : "assistant_message";
            ObjectNode json = JSON.objectNode().put("id", itemId).put("thread_id", threadId)
                .put("created_at", z(last)).put("type", type);
            if (type.equals("client_tool_call")) {
              json.put("status", "completed").put("call_id", "call_" + i).put("name", "search");
              json.putObject("arguments").put("query", text(6));
              json.putObject("output").put("hits", random.nextInt(100)).put("summary", text(60));
            } else {
              ArrayNode content = json.putArray("content");
              content.addObject().put("type", type.equals("user_message") ? "input_text" : "output_text")
                  .put("text", text(80 + random.nextInt(120)));
              if (type.equals("assistant_message")) {
                ((ObjectNode) content.get(0)).putArray("annotations");
              } else {
                json.putObject("inference_options").put("model", "gpt-4.1");
              }
            }
            item.setString(1, itemId);
            item.setString(2, threadId);
            item.setInt(3, i);
            item.setString(4, type);
            item.setString(5, JsonCodec.write(json));
            item.setString(6, at(last));
            item.addBatch();
          }
          thread.setString(1, threadId);
          thread.setString(2, text(4));
          thread.setString(3, workflowId);
          thread.setString(4, t == 0 ? "{\"type\":\"closed\",\"reason\":null}" : "{\"type\":\"active\"}");
          thread.setString(5, JsonCodec.write(metadata));
          thread.setString(6, at(created));
          thread.setString(7, at(last));
          thread.executeUpdate();
          if (t % 2 == 0) {
            String attachmentId = "atc_" + Long.toHexString(random.nextLong());
            ObjectNode details = JSON.objectNode().put("id", attachmentId).put("type", "file")
                .put("name", "report " + t + ".pdf").put("mime_type", "application/pdf").putNull("upload_url");
            attachment.setString(1, attachmentId);
            attachment.setString(2, threadId);
            attachment.setString(3, "file");
            attachment.setString(4, "report " + t + ".pdf");
            attachment.setString(5, "application/pdf");
            attachment.setString(6, JsonCodec.write(details));
            attachment.setString(7, attachmentId + "_report " + t + ".pdf");
            attachment.setString(8, at(created));
            attachment.executeUpdate();
            count("chat_attachments", 1);
          }
        }
        item.executeBatch();
      }
      count("chat_threads", THREADS);
      count("chat_messages", THREADS * ITEMS);
    }

    private void tokens(Connection tokens, long n) throws SQLException {
      try (PreparedStatement token = tokens.prepareStatement("INSERT INTO service_tokens (identifier, secret_hash,"
              + " scopes, workspace_ids, created_at, created_by, issued_at, expires_at, last_used_at, use_count,"
              + " allowed_ip_ranges, rate_limit_override) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement audit = tokens.prepareStatement("INSERT INTO service_token_audit_log (id, token_id,"
              + " \"action\", actor, ip_address, user_agent, timestamp, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int k = 0; k < TOKENS; k++) {
          String identifier = "tok_" + n + "_" + k;
          Instant created = tick(1_000);
          token.setString(1, identifier);
          token.setString(2, Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())
              + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
          token.setString(3, "[\"workflows:read\", \"workflows:execute\", \"chatkit:write\"]");
          token.setString(4, "[\"ws-" + (n % 7) + "\"]");
          token.setString(5, at(created));
          token.setString(6, "alice");
          token.setString(7, at(created));
          token.setString(8, at(created.plus(Duration.ofDays(90))));
          token.setString(9, at(created.plusSeconds(3600)));
          token.setInt(10, random.nextInt(10_000));
          token.setString(11, k == 0 ? "[\"10.0.0.0/8\"]" : null);
          if (k == 1) {
            token.setInt(12, 120);
          } else {
            token.setNull(12, java.sql.Types.INTEGER);
          }
          token.addBatch();
          for (int e = 0; e < AUDIT_EVENTS / TOKENS; e++) {
            audit.setLong(1, ++auditId);
            audit.setString(2, identifier);
            audit.setString(3, e == 0 ? "created" : "used");
            audit.setString(4, e == 0 ? "alice" : "service");
            audit.setString(5, "10.0." + random.nextInt(256) + "." + random.nextInt(256));
            audit.setString(6, "orcheo-sdk/0.9 python-httpx/0.27");
            audit.setString(7, at(tick(500)));
            audit.setString(8, "{\"path\": \"/api/workflows/" + n + "/runs\", \"status\": 200}");
            audit.addBatch();
          }
        }
        token.executeBatch();
        audit.executeBatch();
      }
      count("service_tokens", TOKENS);
      count("service_token_audit_log", AUDIT_EVENTS);
    }

    private void vaultTemplates(Connection vault) throws SQLException {
      try (PreparedStatement insert = vault.prepareStatement("INSERT INTO credential_templates (id, scope_hint, name,"
          + " provider, created_at, updated_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < 20; i++) {
          String id = uuid().toString();
          Instant when = tick(1_000);
          ObjectNode payload = JSON.objectNode().put("id", id).put("name", "Template " + i)
              .put("provider", "provider-" + i).put("description", text(12)).put("kind", "secret");
          payload.putArray("fields").addObject().put("name", "api_key").put("secret", true);
          payload.putObject("scope").putArray("workflow_ids");
          insert.setString(1, id);
          insert.setString(2, "unrestricted");
          insert.setString(3, "Template " + i);
          insert.setString(4, "provider-" + i);
          insert.setString(5, at(when));
          insert.setString(6, at(when));
          insert.setString(7, JsonCodec.write(payload));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      count("credential_templates", 20);
    }

    private void vault(Connection vault, String workflowId, long n) throws SQLException {
      byte[] ciphertext = new byte[256];
      random.nextBytes(ciphertext);
      String id = uuid().toString();
      Instant when = tick(1_000);
      ObjectNode payload = JSON.objectNode().put("id", id).put("name", "Credential " + n)
          .put("provider", "openai").put("kind", "secret");
      payload.putObject("secret").put("algorithm", "aes256-gcm.v1").put("key_id", "k1")
          .put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
      payload.putObject("scope").putArray("workflow_ids").add(workflowId);
      payload.putArray("audit_log").addObject().put("actor", "alice").put("action", "credential_created")
          .put("at", z(when));
      try (PreparedStatement credential = vault.prepareStatement("INSERT INTO credentials (id, workflow_id, name,"
              + " provider, created_at, updated_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement alert = vault.prepareStatement("INSERT INTO governance_alerts (id, scope_hint,"
              + " acknowledged, created_at, updated_at, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
        credential.setString(1, id);
        credential.setString(2, workflowId);
        credential.setString(3, "Credential " + n);
        credential.setString(4, "openai");
        credential.setString(5, at(when));
        credential.setString(6, at(when));
        credential.setString(7, JsonCodec.write(payload));
        credential.executeUpdate();
        for (int a = 0; a < 2; a++) {
          String alertId = uuid().toString();
          ObjectNode document = JSON.objectNode().put("id", alertId).put("kind", "token_expiring")
              .put("severity", a == 0 ? "warning" : "critical").put("message", text(12)).put("credential_id", id);
          alert.setString(1, alertId);
          alert.setString(2, workflowId);
          alert.setInt(3, a);
          alert.setString(4, at(when));
          alert.setString(5, at(when));
          alert.setString(6, JsonCodec.write(document));
          alert.addBatch();
        }
        alert.executeBatch();
      }
      count("credentials", 1);
      count("governance_alerts", 2);
    }
  }

  /** Rows per table in a deployment's files, for the reports and to check a load. */
  static Map<String, Long> countRows(Path directory, List<String> tables, Map<String, String> fileOf)
      throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables) {
      try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(
              fileOf.get(table)));
          Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
        result.next();
        counts.put(table, result.getLong(1));
      }
    }
    return counts;
  }
}
