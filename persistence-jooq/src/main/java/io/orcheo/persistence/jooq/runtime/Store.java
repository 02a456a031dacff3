package io.orcheo.persistence.jooq.runtime;

import io.orcheo.persistence.core.config.Backend;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.jooq.generated.Tables;
import io.orcheo.persistence.schema.SchemaMigrator;
import java.nio.file.Path;
import java.util.List;
import org.jooq.Table;

/**
 * The stores of upstream Orcheo's layout. On SQLite each lives in its own file, as upstream; on PostgreSQL they
 * share one database. Subsystems join this list as they are implemented.
 */
public enum Store {
  /**
   * Workflows, versions, runs, triggers and retry state, run history and agentensor checkpoints
   * ({@code workflows.sqlite}, upstream's repository file).
   */
  REPOSITORY("repository", SchemaMigrator.REPOSITORY,
      List.of(Tables.WORKFLOWS, Tables.WORKFLOW_VERSIONS, Tables.WORKFLOW_RUNS, Tables.WEBHOOK_TRIGGERS,
          Tables.CRON_TRIGGERS, Tables.RETRY_POLICIES, Tables.WORKFLOW_RUN_RETRIES, Tables.EXECUTION_HISTORY,
          Tables.EXECUTION_HISTORY_STEPS, Tables.AGENTENSOR_CHECKPOINTS)) {
    @Override
    public Backend backend(PersistenceSettings settings) {
      return settings.repositoryBackend();
    }

    @Override
    public Path sqlitePath(PersistenceSettings settings) {
      return settings.repositorySqlitePath();
    }
  },

  /** ChatKit threads, their items and attachments ({@code chatkit.sqlite}). */
  CHATKIT("chatkit", SchemaMigrator.CHATKIT,
      List.of(Tables.CHAT_THREADS, Tables.CHAT_MESSAGES, Tables.CHAT_ATTACHMENTS)) {
    @Override
    public Backend backend(PersistenceSettings settings) {
      return settings.chatkitBackend();
    }

    @Override
    public Path sqlitePath(PersistenceSettings settings) {
      return settings.chatkitSqlitePath();
    }
  },

  /** Encrypted credentials, their templates and governance alerts ({@code vault.sqlite}). */
  VAULT("vault", SchemaMigrator.VAULT,
      List.of(Tables.CREDENTIALS, Tables.CREDENTIAL_TEMPLATES, Tables.GOVERNANCE_ALERTS)) {
    @Override
    public Backend backend(PersistenceSettings settings) {
      return settings.vaultBackend();
    }

    @Override
    public Path sqlitePath(PersistenceSettings settings) {
      return settings.vaultSqlitePath();
    }
  },

  /** Service tokens and their audit log ({@code service_tokens.sqlite}). */
  SERVICE_TOKENS("service-tokens", SchemaMigrator.SERVICE_TOKENS,
      List.of(Tables.SERVICE_TOKENS, Tables.SERVICE_TOKEN_AUDIT_LOG)) {
    @Override
    public Backend backend(PersistenceSettings settings) {
      return settings.serviceTokenBackend();
    }

    @Override
    public Path sqlitePath(PersistenceSettings settings) {
      return settings.serviceTokenSqlitePath();
    }
  };

  private final String id;
  private final String sqliteChangelog;
  private final List<Table<?>> tables;

  Store(String id, String sqliteChangelog, List<Table<?>> tables) {
    this.id = id;
    this.sqliteChangelog = sqliteChangelog;
    this.tables = tables;
  }

  /** A short name for status output. */
  public String id() {
    return id;
  }

  /** The changelog entry point of this store's SQLite file. */
  String sqliteChangelog() {
    return sqliteChangelog;
  }

  /** This store's tables, for row counts. */
  List<Table<?>> tables() {
    return tables;
  }

  public abstract Backend backend(PersistenceSettings settings);

  /** This store's SQLite file, used when its backend is SQLite. */
  public abstract Path sqlitePath(PersistenceSettings settings);
}
