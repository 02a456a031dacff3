package io.orcheo.persistence.it.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.it.support.PostgresServer;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The changelog gives both backends the same tables (design §2): names, column order, nullability, indexes, the
 * partial indexes, and SQLite type names that keep their affinity. Each backend is migrated from nothing; every
 * store is checked in the database that holds it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaParityTest {
  private static final Map<Store, List<String>> TABLES = Map.of(
      Store.SERVICE_TOKENS, List.of("service_tokens", "service_token_audit_log"),
      Store.REPOSITORY, List.of("workflows", "workflow_versions", "workflow_runs", "webhook_triggers",
          "cron_triggers", "retry_policies", "workflow_run_retries", "execution_history", "execution_history_steps",
          "agentensor_checkpoints"));
  /**
   * Upstream creates the first four on PostgreSQL only; the last three serve our keyset pages and JSON filters, and
   * are PostgreSQL-only too so that the SQLite schema stays exactly upstream's.
   */
  private static final Set<String> POSTGRES_ONLY_INDEXES = Set.of("idx_runs_status", "idx_execution_history_workflow",
      "idx_agentensor_checkpoints_metrics", "idx_agentensor_checkpoints_metadata",
      "idx_execution_history_workflow_started", "idx_execution_history_metadata");

  private OrcheoPersistence sqlite;
  private OrcheoPersistence postgres;

  @BeforeAll
  void migrateBothFromNothing(@TempDir Path tempDir) {
    sqlite = OrcheoPersistence.open(PersistenceSettings.defaults().withSqliteDirectory(tempDir.resolve("fresh")));
    PostgresDsn empty = PostgresServer.get().newEmptyDatabase();
    postgres = OrcheoPersistence.open(PersistenceSettings.defaults().withPostgres(empty));
  }

  @AfterAll
  void close() {
    if (sqlite != null) {
      sqlite.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private Catalogue sqlite(Store store) {
    return Catalogue.of(sqlite, store);
  }

  private Catalogue postgres(Store store) {
    return Catalogue.of(postgres, store);
  }

  private static boolean bookkeeping(String table) {
    return table.startsWith("sqlite_") || table.toLowerCase().startsWith("databasechangelog");
  }

  // ------------------------------------------------------------------------------------------------------ tests

  @ParameterizedTest
  @EnumSource(Store.class)
  void bothBackendsHaveTheTablesOfEveryStore(Store store) throws SQLException {
    assertThat(sqlite(store).tables()).containsAll(TABLES.get(store));
    assertThat(postgres(store).tables()).containsAll(TABLES.get(store));
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void eachSqliteFileHoldsOnlyItsStoresTablesBesidesBookkeeping(Store store) throws SQLException {
    assertThat(sqlite(store).tables()).filteredOn(table -> !bookkeeping(table))
        .containsExactlyInAnyOrderElementsOf(TABLES.get(store));
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void tablesHaveTheSameColumnsInTheSameOrder(Store store) throws SQLException {
    for (String table : TABLES.get(store)) {
      assertThat(new ArrayList<>(sqlite(store).columns(table).keySet())).as(table)
          .isNotEmpty()
          .containsExactlyElementsOf(postgres(store).columns(table).keySet());
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void columnsHaveTheSameNullability(Store store) throws SQLException {
    for (String table : TABLES.get(store)) {
      assertThat(sqlite(store).columns(table)).as(table).containsExactlyEntriesOf(postgres(store).columns(table));
    }
  }

  @Test
  void nullabilityFollowsUpstream() throws SQLException {
    assertThat(postgres(Store.SERVICE_TOKENS).columns("service_tokens")).containsEntry("identifier", true)
        .containsEntry("secret_hash", true).containsEntry("created_at", true).containsEntry("scopes", false);
    assertThat(postgres(Store.SERVICE_TOKENS).columns("service_token_audit_log")).containsEntry("id", true)
        .containsEntry("token_id", true).containsEntry("action", true).containsEntry("timestamp", true)
        .containsEntry("details", false);
    assertThat(postgres(Store.REPOSITORY).columns("workflows")).containsEntry("handle", false)
        .containsEntry("is_archived", true).containsEntry("payload", true);
    assertThat(postgres(Store.REPOSITORY).columns("cron_triggers")).containsEntry("last_dispatched_at", false)
        .containsEntry("anchored_at", false);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void tablesHaveTheSameIndexNamesBesidesUpstreamsPostgresOnlyOne(Store store) throws SQLException {
    for (String table : TABLES.get(store)) {
      Set<String> postgresIndexes = new TreeSet<>(postgres(store).indexes(table).keySet());
      postgresIndexes.removeAll(POSTGRES_ONLY_INDEXES);
      assertThat(sqlite(store).indexes(table).keySet()).as(table).containsExactlyElementsOf(postgresIndexes);
    }
  }

  @Test
  void indexesAreUpstreamsPlusTheOnesOurQueriesNeed() throws SQLException {
    Catalogue tokens = sqlite(Store.SERVICE_TOKENS);
    assertThat(tokens.indexes("service_tokens").keySet())
        .containsExactly("idx_service_tokens_active", "idx_service_tokens_expires", "idx_service_tokens_hash");
    assertThat(tokens.indexes("service_token_audit_log").keySet())
        .containsExactly("idx_audit_log_timestamp", "idx_audit_log_token");
    Catalogue repository = postgres(Store.REPOSITORY);
    assertThat(repository.indexes("workflows").keySet())
        .containsExactly("idx_workflows_active_handle", "idx_workflows_handle");
    assertThat(repository.indexes("workflow_versions").keySet())
        .containsExactly("idx_versions_workflow", "uq_workflow_versions_workflow_version");
    assertThat(repository.indexes("workflow_runs").keySet())
        .containsExactly("idx_runs_status", "idx_runs_version", "idx_runs_workflow", "idx_runs_workflow_created",
            "idx_runs_workflow_status");
    assertThat(repository.indexes("execution_history").keySet()).containsExactly("idx_execution_history_metadata",
        "idx_execution_history_workflow", "idx_execution_history_workflow_started");
    assertThat(repository.indexes("execution_history_steps").keySet()).containsExactly("idx_history_steps_execution");
    assertThat(repository.indexes("agentensor_checkpoints").keySet()).containsExactly(
        "idx_agentensor_checkpoints_best", "idx_agentensor_checkpoints_metadata", "idx_agentensor_checkpoints_metrics",
        "idx_agentensor_checkpoints_workflow");
  }

  @Test
  void jsonContainmentIndexesAreGinWithJsonbPathOps() throws SQLException {
    Catalogue repository = postgres(Store.REPOSITORY);
    assertThat(repository.indexes("agentensor_checkpoints").get("idx_agentensor_checkpoints_metadata"))
        .contains("USING gin (metadata jsonb_path_ops)");
    assertThat(repository.indexes("execution_history").get("idx_execution_history_metadata"))
        .contains("USING gin (metadata jsonb_path_ops)");
  }

  @Test
  void historyStepsCascadeWithTheirExecutionOnBothBackends() throws SQLException {
    assertThat(sqlite(Store.REPOSITORY).column(
        "SELECT \"table\" || ':' || on_delete FROM pragma_foreign_key_list('execution_history_steps')"))
        .containsExactly("execution_history:CASCADE");
    assertThat(postgres(Store.REPOSITORY).column("SELECT delete_rule FROM information_schema.referential_constraints"
        + " WHERE constraint_schema = current_schema() AND constraint_name = 'fk_history_steps_execution'"))
        .containsExactly("CASCADE");
  }

  @Test
  void partialIndexesArePartialOnSqlite() throws SQLException {
    assertThat(sqlite(Store.SERVICE_TOKENS).indexes("service_tokens").get("idx_service_tokens_active"))
        .contains("WHERE revoked_at IS NULL");
    assertThat(sqlite(Store.REPOSITORY).indexes("workflows").get("idx_workflows_active_handle"))
        .contains("UNIQUE").contains("WHERE is_archived = 0 AND handle IS NOT NULL");
  }

  @Test
  void partialIndexesArePartialOnPostgres() throws SQLException {
    assertThat(postgres(Store.SERVICE_TOKENS).indexes("service_tokens").get("idx_service_tokens_active"))
        .contains("WHERE (revoked_at IS NULL)");
    assertThat(postgres(Store.REPOSITORY).indexes("workflows").get("idx_workflows_active_handle"))
        .contains("UNIQUE").contains("WHERE ((is_archived = false) AND (handle IS NOT NULL))");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void onlyTheDeclaredPartialIndexesArePartial(Store store) throws SQLException {
    Set<String> partial = Set.of("idx_service_tokens_active", "idx_workflows_active_handle");
    for (String table : TABLES.get(store)) {
      for (Catalogue catalogue : List.of(sqlite(store), postgres(store))) {
        catalogue.indexes(table).forEach((name, sql) -> {
          if (!partial.contains(name)) {
            assertThat(sql).as(name).doesNotContainIgnoringCase("WHERE");
          }
        });
      }
    }
  }

  @Test
  void runsPageIndexIsNewestFirstOnBothBackends() throws SQLException {
    assertThat(sqlite(Store.REPOSITORY).indexes("workflow_runs").get("idx_runs_workflow_created"))
        .contains("workflow_id").contains("created_at DESC").contains("id DESC");
    assertThat(postgres(Store.REPOSITORY).indexes("workflow_runs").get("idx_runs_workflow_created"))
        .contains("(workflow_id, created_at DESC, id DESC)");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void sqliteDeclaresOnlyTextIntegerRealAndBlobColumnTypes(Store store) throws SQLException {
    Catalogue catalogue = sqlite(store);
    for (String table : catalogue.tables()) {
      if (bookkeeping(table)) {
        continue;
      }
      assertThat(catalogue.column("SELECT type FROM pragma_table_info(?)", table)).as(table)
          .isNotEmpty()
          .allSatisfy(type -> assertThat(type.toUpperCase()).isIn("TEXT", "INTEGER", "REAL", "BLOB"));
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void noTableButHistoryStepsHasForeignKeysOnSqlite(Store store) throws SQLException {
    for (String table : TABLES.get(store)) {
      if (!table.equals("execution_history_steps")) {
        assertThat(sqlite(store).query("SELECT * FROM pragma_foreign_key_list(?)", table)).as(table).isEmpty();
      }
    }
  }

  @Test
  void theOnlyForeignKeyOnPostgresIsHistoryStepsToTheirExecution() throws SQLException {
    assertThat(postgres(Store.REPOSITORY).column("SELECT table_name FROM information_schema.table_constraints"
        + " WHERE table_schema = current_schema() AND constraint_type = 'FOREIGN KEY'"))
        .containsExactly("execution_history_steps");
  }

  @Test
  void postgresUsesJsonbTimestamptzAndBooleanWhereSqliteUsesTextAndInteger() throws SQLException {
    String types = "SELECT column_name || ':' || data_type FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = ?";
    assertThat(postgres(Store.SERVICE_TOKENS).column(types, "service_tokens")).contains("scopes:jsonb",
        "allowed_ip_ranges:jsonb", "created_at:timestamp with time zone", "use_count:integer", "identifier:text");
    assertThat(postgres(Store.REPOSITORY).column(types, "workflows")).contains("payload:jsonb",
        "is_archived:boolean", "created_at:timestamp with time zone", "id:text");
    assertThat(sqlite(Store.REPOSITORY).column("SELECT name || ':' || type FROM pragma_table_info(?)", "workflows"))
        .contains("payload:TEXT", "is_archived:INTEGER", "created_at:TEXT", "id:TEXT");
  }

  @Test
  void defaultsAreTheSameOnBothBackends() throws SQLException {
    assertThat(sqlite(Store.SERVICE_TOKENS)
        .column("SELECT dflt_value FROM pragma_table_info('service_tokens') WHERE name = 'use_count'"))
        .containsExactly("0");
    assertThat(postgres(Store.SERVICE_TOKENS).column("SELECT column_default FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = 'service_tokens' AND column_name = 'use_count'"))
        .containsExactly("0");
    assertThat(sqlite(Store.REPOSITORY)
        .column("SELECT dflt_value FROM pragma_table_info('workflows') WHERE name = 'is_archived'"))
        .containsExactly("0");
    assertThat(postgres(Store.REPOSITORY).column("SELECT column_default FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = 'workflows' AND column_name = 'is_archived'"))
        .containsExactly("false");
  }
}
