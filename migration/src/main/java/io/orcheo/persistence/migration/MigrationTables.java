package io.orcheo.persistence.migration;

import static io.orcheo.persistence.jooq.generated.Tables.AGENTENSOR_CHECKPOINTS;
import static io.orcheo.persistence.jooq.generated.Tables.CHAT_ATTACHMENTS;
import static io.orcheo.persistence.jooq.generated.Tables.CHAT_MESSAGES;
import static io.orcheo.persistence.jooq.generated.Tables.CHAT_THREADS;
import static io.orcheo.persistence.jooq.generated.Tables.CREDENTIALS;
import static io.orcheo.persistence.jooq.generated.Tables.CREDENTIAL_TEMPLATES;
import static io.orcheo.persistence.jooq.generated.Tables.CRON_TRIGGERS;
import static io.orcheo.persistence.jooq.generated.Tables.EXECUTION_HISTORY;
import static io.orcheo.persistence.jooq.generated.Tables.EXECUTION_HISTORY_STEPS;
import static io.orcheo.persistence.jooq.generated.Tables.GOVERNANCE_ALERTS;
import static io.orcheo.persistence.jooq.generated.Tables.RETRY_POLICIES;
import static io.orcheo.persistence.jooq.generated.Tables.SERVICE_TOKENS;
import static io.orcheo.persistence.jooq.generated.Tables.SERVICE_TOKEN_AUDIT_LOG;
import static io.orcheo.persistence.jooq.generated.Tables.WEBHOOK_TRIGGERS;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOWS;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOW_RUNS;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOW_RUN_RETRIES;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOW_VERSIONS;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.jooq.runtime.Store;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The tables the migration moves, in upstream's export order (spec §G.2), which is also an order that loads every
 * parent before its children: workflows before their versions, runs and triggers, executions before their steps,
 * chat threads before their messages and attachments, tokens before their audit log. Upstream's importer followed
 * the manifest's alphabetical key order instead and broke the ChatKit foreign keys; ours follows this list.
 */
public final class MigrationTables {
  /** Upstream's fourteen tables; the two token tables only when a token database exists. */
  public static final List<MigrationTable> UPSTREAM = List.of(
      table("workflows", Store.REPOSITORY, WORKFLOWS, cols("id", "payload", "created_at", "updated_at"),
          cols("id"), Set.of("payload"), Set.of()),
      table("workflow_versions", Store.REPOSITORY, WORKFLOW_VERSIONS,
          cols("id", "workflow_id", "version", "payload", "created_at", "updated_at"), cols("workflow_id", "version"),
          Set.of("payload"), Set.of()),
      table("workflow_runs", Store.REPOSITORY, WORKFLOW_RUNS,
          cols("id", "workflow_id", "workflow_version_id", "status", "triggered_by", "payload", "created_at",
              "updated_at"),
          cols("workflow_id", "created_at"), Set.of("payload"), Set.of()),
      table("webhook_triggers", Store.REPOSITORY, WEBHOOK_TRIGGERS, cols("workflow_id", "config"),
          cols("workflow_id"), Set.of("config"), Set.of()),
      table("cron_triggers", Store.REPOSITORY, CRON_TRIGGERS, cols("workflow_id", "config"), cols("workflow_id"),
          Set.of("config"), Set.of()),
      table("retry_policies", Store.REPOSITORY, RETRY_POLICIES, cols("workflow_id", "config"), cols("workflow_id"),
          Set.of("config"), Set.of()),
      table("execution_history", Store.REPOSITORY, EXECUTION_HISTORY,
          cols("execution_id", "workflow_id", "inputs", "runnable_config", "tags", "callbacks", "metadata",
              "run_name", "status", "started_at", "completed_at", "error", "trace_id", "trace_started_at",
              "trace_completed_at", "trace_last_span_at"),
          cols("execution_id"), Set.of("inputs", "runnable_config", "tags", "callbacks", "metadata"), Set.of()),
      table("execution_history_steps", Store.REPOSITORY, EXECUTION_HISTORY_STEPS,
          cols("execution_id", "step_index", "at", "payload"), cols("execution_id", "step_index"), Set.of("payload"),
          Set.of()),
      table("agentensor_checkpoints", Store.REPOSITORY, AGENTENSOR_CHECKPOINTS,
          cols("id", "workflow_id", "config_version", "runnable_config", "metrics", "metadata", "artifact_url",
              "is_best", "created_at"),
          cols("workflow_id", "config_version"), Set.of("runnable_config", "metrics", "metadata"),
          Set.of("is_best")),
      table("chat_threads", Store.CHATKIT, CHAT_THREADS,
          cols("id", "title", "workflow_id", "status_json", "metadata_json", "created_at", "updated_at"), cols("id"),
          Set.of("status_json", "metadata_json"), Set.of()),
      table("chat_messages", Store.CHATKIT, CHAT_MESSAGES,
          cols("id", "thread_id", "ordinal", "item_type", "item_json", "created_at"), cols("thread_id", "ordinal"),
          Set.of("item_json"), Set.of()),
      table("chat_attachments", Store.CHATKIT, CHAT_ATTACHMENTS,
          cols("id", "thread_id", "attachment_type", "name", "mime_type", "details_json", "storage_path",
              "created_at"),
          cols("id"), Set.of("details_json"), Set.of()),
      table("service_tokens", Store.SERVICE_TOKENS, SERVICE_TOKENS,
          cols("identifier", "secret_hash", "scopes", "workspace_ids", "created_at", "created_by", "issued_at",
              "expires_at", "last_used_at", "use_count", "rotation_expires_at", "rotated_to", "rotated_from",
              "revoked_at", "revoked_by", "revocation_reason", "allowed_ip_ranges", "rate_limit_override"),
          cols("identifier"), Set.of("scopes", "workspace_ids", "allowed_ip_ranges"), Set.of()),
      table("service_token_audit_log", Store.SERVICE_TOKENS, SERVICE_TOKEN_AUDIT_LOG,
          cols("id", "token_id", "action", "actor", "ip_address", "user_agent", "timestamp", "details"), cols("id"),
          Set.of("details"), Set.of()));

  /**
   * Tables of ours that upstream does not have, so its export format cannot carry them: {@code copy}, {@code sync}
   * and {@code validate} move and compare them; {@code export} leaves them out. {@code workflow_run_retries} holds
   * each run's scheduled-retry count (upstream keeps it in memory; a run without a row starts again from zero).
   */
  public static final List<MigrationTable> OURS = List.of(
      table("workflow_run_retries", Store.REPOSITORY, WORKFLOW_RUN_RETRIES,
          cols("run_id", "policy", "retries_scheduled", "updated_at"), cols("run_id"), Set.of("policy"), Set.of()));

  /**
   * The vault's tables, which upstream's tool leaves where they are ("vault data stays in its existing backend");
   * ours moves them unless told not to. Secrets move as the ciphertext they are.
   */
  public static final List<MigrationTable> VAULT = List.of(
      table("credentials", Store.VAULT, CREDENTIALS,
          cols("id", "workflow_id", "name", "provider", "created_at", "updated_at", "payload"), cols("id"),
          Set.of("payload"), Set.of()),
      table("credential_templates", Store.VAULT, CREDENTIAL_TEMPLATES,
          cols("id", "scope_hint", "name", "provider", "created_at", "updated_at", "payload"), cols("id"),
          Set.of("payload"), Set.of()),
      table("governance_alerts", Store.VAULT, GOVERNANCE_ALERTS,
          cols("id", "scope_hint", "acknowledged", "created_at", "updated_at", "payload"), cols("id"),
          Set.of("payload"), Set.of("acknowledged")));

  private MigrationTables() {}

  /** Every table of every store, parents first: upstream's, ours and, unless {@code excludeVault}, the vault's. */
  public static List<MigrationTable> all(boolean excludeVault) {
    List<MigrationTable> tables = new ArrayList<>(UPSTREAM);
    tables.addAll(OURS);
    if (!excludeVault) {
      tables.addAll(VAULT);
    }
    return List.copyOf(tables);
  }

  /**
   * The tables a copy of the SQLite files {@code settings} names moves: {@link #all} of them, less the token tables
   * when there is no token database and the vault's when there is no vault file.
   */
  public static List<MigrationTable> forDeployment(PersistenceSettings settings, boolean excludeVault) {
    return all(excludeVault).stream()
        .filter(table -> table.store() != Store.SERVICE_TOKENS
            || Files.exists(Store.SERVICE_TOKENS.sqlitePath(settings)))
        .filter(table -> table.store() != Store.VAULT || Files.exists(Store.VAULT.sqlitePath(settings)))
        .toList();
  }

  /** The table named {@code name}, in any of the lists. */
  public static Optional<MigrationTable> byName(String name) {
    return Stream.of(UPSTREAM, OURS, VAULT).flatMap(List::stream)
        .filter(table -> table.name().equals(name))
        .findFirst();
  }

  private static MigrationTable table(String name, Store store, org.jooq.Table<?> table, List<String> columns,
      List<String> orderBy, Set<String> json, Set<String> bool) {
    return new MigrationTable(name, store, table, columns, orderBy, json, bool);
  }

  private static List<String> cols(String... names) {
    return List.of(names);
  }
}
