package io.orcheo.persistence.it.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.it.support.PostgresServer;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.it.support.UpstreamFixtures;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.schema.SchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The changelog gives both backends the same tables (design §2): names, column order, nullability, indexes, the
 * partial indexes, foreign keys with their ON DELETE actions, and SQLite type names that keep their affinity. Each
 * backend is migrated from nothing; every store is checked in the database that holds it.
 *
 * <p>The documented differences, and only those, are allowed: upstream's PostgreSQL-only indexes and our
 * PostgreSQL-only JSON and search indexes ({@link #POSTGRES_ONLY_INDEXES}); ChatKit's message-text search, kept in
 * the generated {@code chat_messages.search_vector} column on PostgreSQL and in the FTS5 table
 * {@code chat_messages_fts} (with its shadow tables and three triggers) on SQLite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaParityTest {
  private static final Map<Store, List<String>> TABLES = Map.of(
      Store.SERVICE_TOKENS, List.of("service_tokens", "service_token_audit_log"),
      Store.REPOSITORY, List.of("workflows", "workflow_versions", "workflow_runs", "webhook_triggers",
          "cron_triggers", "retry_policies", "workflow_run_retries", "execution_history", "execution_history_steps",
          "agentensor_checkpoints"),
      Store.CHATKIT, List.of("chat_threads", "chat_messages", "chat_attachments"),
      Store.VAULT, List.of("credentials", "credential_templates", "governance_alerts"));
  /** ChatKit's FTS5 index of message text and the shadow tables FTS5 keeps it in. */
  private static final Map<Store, List<String>> SQLITE_ONLY_TABLES = Map.of(
      Store.SERVICE_TOKENS, List.of(),
      Store.REPOSITORY, List.of(),
      Store.CHATKIT, List.of("chat_messages_fts", "chat_messages_fts_data", "chat_messages_fts_idx",
          "chat_messages_fts_content", "chat_messages_fts_docsize", "chat_messages_fts_config"),
      Store.VAULT, List.of());
  /** The triggers that keep {@code chat_messages_fts} in step with {@code chat_messages}, on SQLite only. */
  private static final List<String> SQLITE_ONLY_TRIGGERS =
      List.of("chat_messages_fts_delete", "chat_messages_fts_insert", "chat_messages_fts_update");
  /** ChatKit's message text as a stored tsvector, on PostgreSQL only. */
  private static final Map<String, Set<String>> POSTGRES_ONLY_COLUMNS = Map.of("chat_messages", Set.of("search_vector"));
  /**
   * The foreign keys each backend declares, as table:column:referenced table:referenced column:ON DELETE action;
   * tables not named have none.
   */
  private static final Map<String, List<String>> FOREIGN_KEYS = Map.of(
      "execution_history_steps", List.of("execution_history_steps:execution_id:execution_history:execution_id:CASCADE"),
      "chat_messages", List.of("chat_messages:thread_id:chat_threads:id:CASCADE"),
      "chat_attachments", List.of("chat_attachments:thread_id:chat_threads:id:SET NULL"));
  /**
   * Upstream creates the first four on PostgreSQL only; the next two serve our keyset pages and JSON filters, and
   * are PostgreSQL-only too so that the SQLite schema stays exactly upstream's. Then ChatKit's: upstream's
   * PostgreSQL-only ten (B-tree, GIN on the JSON columns, and its full-text expression index), and ours on
   * {@code search_vector}, a column SQLite does not have. Last the vault's: upstream's PostgreSQL-only index on
   * {@code lower(name)} (its duplicate-name lookup).
   */
  private static final Set<String> POSTGRES_ONLY_INDEXES = Set.of("idx_runs_status", "idx_execution_history_workflow",
      "idx_agentensor_checkpoints_metrics", "idx_agentensor_checkpoints_metadata",
      "idx_execution_history_workflow_started", "idx_execution_history_metadata",
      "idx_chat_threads_created", "idx_chat_threads_workflow", "idx_chat_threads_metadata", "idx_chat_threads_status",
      "idx_chat_messages_created", "idx_chat_messages_item_type", "idx_chat_messages_json", "idx_chat_messages_fts",
      "idx_chat_attachments_created", "idx_chat_attachments_details", "idx_chat_messages_search",
      "idx_credentials_name_lower");

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

  /** The FTS5 table and its shadow tables, whose columns SQLite declares itself. */
  private static boolean fullTextIndex(String table) {
    return SQLITE_ONLY_TABLES.get(Store.CHATKIT).contains(table);
  }

  private static Set<String> postgresOnlyColumns(String table) {
    return POSTGRES_ONLY_COLUMNS.getOrDefault(table, Set.of());
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
    List<String> expected = new ArrayList<>(TABLES.get(store));
    expected.addAll(SQLITE_ONLY_TABLES.get(store));
    assertThat(sqlite(store).tables()).filteredOn(table -> !bookkeeping(table))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void postgresHasNoTableOfItsOwnBesidesBookkeeping(Store store) throws SQLException {
    List<String> everyStoresTables = TABLES.values().stream().flatMap(List::stream).toList();
    assertThat(postgres(store).tables()).filteredOn(table -> !bookkeeping(table))
        .containsExactlyInAnyOrderElementsOf(everyStoresTables);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void tablesHaveTheSameColumnsInTheSameOrder(Store store) throws SQLException {
    for (String table : TABLES.get(store)) {
      List<String> postgresColumns = new ArrayList<>(postgres(store).columns(table).keySet());
      postgresColumns.removeAll(postgresOnlyColumns(table));
      assertThat(new ArrayList<>(sqlite(store).columns(table).keySet())).as(table)
          .isNotEmpty()
          .containsExactlyElementsOf(postgresColumns);
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void columnsHaveTheSameNullability(Store store) throws SQLException {
    for (String table : TABLES.get(store)) {
      Map<String, Boolean> postgresColumns = new LinkedHashMap<>(postgres(store).columns(table));
      postgresColumns.keySet().removeAll(postgresOnlyColumns(table));
      assertThat(sqlite(store).columns(table)).as(table).containsExactlyEntriesOf(postgresColumns);
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

  @Test
  void chatkitNullabilityFollowsUpstream() throws SQLException {
    Catalogue chatkit = postgres(Store.CHATKIT);
    Map<String, Boolean> threads = new LinkedHashMap<>();
    threads.put("id", true);
    threads.put("title", false);
    threads.put("workflow_id", false);
    threads.put("status_json", true);
    threads.put("metadata_json", true);
    threads.put("created_at", true);
    threads.put("updated_at", true);
    assertThat(chatkit.columns("chat_threads")).containsExactlyEntriesOf(threads);
    assertThat(chatkit.columns("chat_messages")).containsEntry("id", true).containsEntry("thread_id", true)
        .containsEntry("ordinal", true).containsEntry("item_type", false).containsEntry("item_json", true)
        .containsEntry("created_at", true).containsEntry("search_vector", false);
    assertThat(chatkit.columns("chat_attachments")).containsEntry("id", true).containsEntry("thread_id", false)
        .containsEntry("attachment_type", true).containsEntry("name", true).containsEntry("mime_type", true)
        .containsEntry("details_json", true).containsEntry("storage_path", false).containsEntry("created_at", true);
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
  void chatkitIndexesOnSqliteAreUpstreamsTwoPlusTheOnesOurQueriesNeed() throws SQLException {
    Catalogue chatkit = sqlite(Store.CHATKIT);
    assertThat(chatkit.indexes("chat_threads").keySet()).containsExactly("idx_chat_threads_created_id",
        "idx_chat_threads_updated", "idx_chat_threads_workflow_created");
    assertThat(chatkit.indexes("chat_messages").keySet())
        .containsExactly("idx_chat_messages_thread", "idx_chat_messages_thread_ordinal_id");
    assertThat(chatkit.indexes("chat_attachments").keySet()).containsExactly("idx_chat_attachments_thread");
  }

  @Test
  void chatkitIndexesOnPostgresAreAllOfUpstreamsPlusTheOnesOurQueriesNeed() throws SQLException {
    Catalogue chatkit = postgres(Store.CHATKIT);
    assertThat(chatkit.indexes("chat_threads").keySet()).containsExactly("idx_chat_threads_created",
        "idx_chat_threads_created_id", "idx_chat_threads_metadata", "idx_chat_threads_status",
        "idx_chat_threads_updated", "idx_chat_threads_workflow", "idx_chat_threads_workflow_created");
    assertThat(chatkit.indexes("chat_messages").keySet()).containsExactly("idx_chat_messages_created",
        "idx_chat_messages_fts", "idx_chat_messages_item_type", "idx_chat_messages_json", "idx_chat_messages_search",
        "idx_chat_messages_thread", "idx_chat_messages_thread_ordinal_id");
    assertThat(chatkit.indexes("chat_attachments").keySet()).containsExactly("idx_chat_attachments_created",
        "idx_chat_attachments_details", "idx_chat_attachments_thread");
  }

  @Test
  void chatkitKeysetIndexesHaveTheColumnsOfTheirPagesOnBothBackends() throws SQLException {
    for (Catalogue chatkit : List.of(sqlite(Store.CHATKIT), postgres(Store.CHATKIT))) {
      assertThat(chatkit.indexes("chat_threads").get("idx_chat_threads_created_id")).contains("(created_at, id)");
      assertThat(chatkit.indexes("chat_threads").get("idx_chat_threads_workflow_created"))
          .contains("(workflow_id, created_at, id)");
      assertThat(chatkit.indexes("chat_messages").get("idx_chat_messages_thread_ordinal_id"))
          .contains("(thread_id, ordinal, id)");
    }
  }

  @Test
  void upstreamsChatkitGinAndFullTextIndexesAreDeclaredAsUpstreamDeclaresThem() throws SQLException {
    Catalogue chatkit = postgres(Store.CHATKIT);
    assertThat(chatkit.indexes("chat_threads").get("idx_chat_threads_metadata")).contains("USING gin (metadata_json)");
    assertThat(chatkit.indexes("chat_threads").get("idx_chat_threads_status")).contains("USING gin (status_json)");
    assertThat(chatkit.indexes("chat_messages").get("idx_chat_messages_json")).contains("USING gin (item_json)");
    assertThat(chatkit.indexes("chat_messages").get("idx_chat_messages_fts"))
        .contains("USING gin (to_tsvector('english'::regconfig, (item_json)::text))");
    assertThat(chatkit.indexes("chat_attachments").get("idx_chat_attachments_details"))
        .contains("USING gin (details_json)");
    assertThat(chatkit.indexes("chat_messages").get("idx_chat_messages_search")).contains("USING gin (search_vector)");
  }

  @Test
  void chatkitSearchVectorIsAStoredGeneratedTsvectorOnPostgres() throws SQLException {
    assertThat(postgres(Store.CHATKIT).query("SELECT data_type, is_generated, generation_expression IS NOT NULL"
        + " FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'chat_messages'"
        + " AND column_name = 'search_vector'")).containsExactly(List.of("tsvector", "ALWAYS", "t"));
  }

  @Test
  void chatkitSearchOnSqliteIsAnFts5TableKeptByThreeTriggers() throws SQLException {
    Catalogue chatkit = sqlite(Store.CHATKIT);
    assertThat(chatkit.column("SELECT sql FROM sqlite_master WHERE name = 'chat_messages_fts'"))
        .singleElement().asString().contains("USING fts5(body").contains("porter unicode61");
    assertThat(chatkit.column("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"))
        .containsExactlyElementsOf(SQLITE_ONLY_TRIGGERS);
    assertThat(chatkit.column("SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger'"))
        .containsExactly("chat_messages");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void postgresHasNoTriggers(Store store) throws SQLException {
    assertThat(postgres(store).column("SELECT trigger_name FROM information_schema.triggers"
        + " WHERE trigger_schema = current_schema()")).isEmpty();
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
      if (bookkeeping(table) || fullTextIndex(table)) {
        continue;
      }
      assertThat(catalogue.column("SELECT type FROM pragma_table_info(?)", table)).as(table)
          .isNotEmpty()
          .allSatisfy(type -> assertThat(type.toUpperCase()).isIn("TEXT", "INTEGER", "REAL", "BLOB"));
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void sqliteDeclaresExactlyTheDocumentedForeignKeysWithTheirDeleteActions(Store store) throws SQLException {
    for (String table : TABLES.get(store)) {
      assertThat(sqlite(store).foreignKeys(table)).as(table)
          .containsExactlyElementsOf(FOREIGN_KEYS.getOrDefault(table, List.of()));
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void postgresDeclaresExactlyTheDocumentedForeignKeysWithTheirDeleteActions(Store store) throws SQLException {
    for (String table : TABLES.get(store)) {
      assertThat(postgres(store).foreignKeys(table)).as(table)
          .containsExactlyElementsOf(FOREIGN_KEYS.getOrDefault(table, List.of()));
    }
  }

  @Test
  void postgresHasNoForeignKeyBesidesTheDocumentedOnes() throws SQLException {
    assertThat(postgres(Store.REPOSITORY).column("SELECT table_name FROM information_schema.table_constraints"
        + " WHERE table_schema = current_schema() AND constraint_type = 'FOREIGN KEY'"))
        .containsExactlyInAnyOrderElementsOf(FOREIGN_KEYS.keySet());
  }

  /**
   * Liquibase rebuilds a SQLite table for some changes and drops its ON DELETE actions when it does (liquibase#1896):
   * the ChatKit changelog is applied one changeset at a time, to a new file, to upstream's file and to upstream's
   * legacy file, and after every changeset each ChatKit table that has its thread column keeps its action.
   */
  @ParameterizedTest
  @ValueSource(strings = {"", "/upstream/chatkit/head.sql", "/upstream/chatkit/legacy.sql"})
  void chatkitForeignKeyActionsHoldAfterEveryChangesetOnSqlite(String upstreamScript, @TempDir Path tempDir)
      throws Exception {
    Path file = tempDir.resolve("stepwise-chatkit.sqlite");
    if (!upstreamScript.isEmpty()) {
      UpstreamFixtures.runSqliteScript(file, upstreamScript);
    }
    int applied = 0;
    while (StepwiseMigration.applyNext(file, SchemaMigrator.CHATKIT)) {
      applied++;
      try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
        for (String table : List.of("chat_messages", "chat_attachments")) {
          List<String> keys = Rows.query(connection, Catalogue.SQLITE_FOREIGN_KEYS, table, table).stream()
              .map(row -> row.get(0)).toList();
          // The legacy chat_messages has no thread column, hence no foreign key, until it is upgraded.
          boolean hasThread = !Rows.query(connection,
              "SELECT name FROM pragma_table_info(?) WHERE name = 'thread_id'", table).isEmpty();
          assertThat(keys).as("%s after %d changesets", table, applied)
              .containsExactlyElementsOf(hasThread ? FOREIGN_KEYS.get(table) : List.of());
        }
      }
    }
    assertThat(applied).as("changesets applied one by one").isGreaterThan(5);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertThat(Rows.query(connection, "SELECT id FROM databasechangelog WHERE id = 'chatkit-0.1-search-fts-sqlite'"))
          .as("the whole changelog was applied").hasSize(1);
      assertThat(Rows.query(connection, "SELECT count(*) FROM pragma_foreign_key_list('chat_messages')"))
          .containsExactly(List.of("1"));
    }
  }

  @Test
  void chatkitJsonAndTimeColumnsAreJsonbAndTimestamptzOnPostgresAndTextOnSqlite() throws SQLException {
    String types = "SELECT column_name || ':' || data_type FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = ?";
    assertThat(postgres(Store.CHATKIT).column(types, "chat_threads")).contains("status_json:jsonb",
        "metadata_json:jsonb", "created_at:timestamp with time zone", "updated_at:timestamp with time zone");
    assertThat(postgres(Store.CHATKIT).column(types, "chat_messages")).contains("item_json:jsonb",
        "ordinal:integer", "created_at:timestamp with time zone");
    assertThat(postgres(Store.CHATKIT).column(types, "chat_attachments")).contains("details_json:jsonb",
        "created_at:timestamp with time zone");
    assertThat(sqlite(Store.CHATKIT).column("SELECT name || ':' || type FROM pragma_table_info(?)", "chat_messages"))
        .containsExactly("id:TEXT", "thread_id:TEXT", "ordinal:INTEGER", "item_type:TEXT", "item_json:TEXT",
            "created_at:TEXT");
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

  // ------------------------------------------------------------------------------------------------------ vault

  /** Upstream's vault columns (spec §D.1), all NOT NULL, in upstream's order, on both backends. */
  @Test
  void vaultColumnsAreUpstreamsInOrderAndAllNotNull() throws SQLException {
    Map<String, List<String>> expected = Map.of(
        "credentials", List.of("id", "workflow_id", "name", "provider", "created_at", "updated_at", "payload"),
        "credential_templates", List.of("id", "scope_hint", "name", "provider", "created_at", "updated_at", "payload"),
        "governance_alerts", List.of("id", "scope_hint", "acknowledged", "created_at", "updated_at", "payload"));
    for (Catalogue vault : List.of(sqlite(Store.VAULT), postgres(Store.VAULT))) {
      for (Map.Entry<String, List<String>> table : expected.entrySet()) {
        Map<String, Boolean> columns = vault.columns(table.getKey());
        assertThat(columns.keySet()).as(table.getKey()).containsExactlyElementsOf(table.getValue());
        assertThat(columns.values()).as(table.getKey()).containsOnly(true);
      }
    }
  }

  @Test
  void vaultUsesJsonbTimestamptzAndBooleanOnPostgresAndTextAndIntegerOnSqlite() throws SQLException {
    String types = "SELECT column_name || ':' || data_type FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position";
    Catalogue postgresVault = postgres(Store.VAULT);
    assertThat(postgresVault.column(types, "credentials")).containsExactly("id:text", "workflow_id:text", "name:text",
        "provider:text", "created_at:timestamp with time zone", "updated_at:timestamp with time zone",
        "payload:jsonb");
    assertThat(postgresVault.column(types, "credential_templates")).containsExactly("id:text", "scope_hint:text",
        "name:text", "provider:text", "created_at:timestamp with time zone", "updated_at:timestamp with time zone",
        "payload:jsonb");
    assertThat(postgresVault.column(types, "governance_alerts")).containsExactly("id:text", "scope_hint:text",
        "acknowledged:boolean", "created_at:timestamp with time zone", "updated_at:timestamp with time zone",
        "payload:jsonb");
    String sqliteTypes = "SELECT name || ':' || type FROM pragma_table_info(?) ORDER BY cid";
    Catalogue sqliteVault = sqlite(Store.VAULT);
    assertThat(sqliteVault.column(sqliteTypes, "credentials")).containsExactly("id:TEXT", "workflow_id:TEXT",
        "name:TEXT", "provider:TEXT", "created_at:TEXT", "updated_at:TEXT", "payload:TEXT");
    assertThat(sqliteVault.column(sqliteTypes, "credential_templates")).containsExactly("id:TEXT", "scope_hint:TEXT",
        "name:TEXT", "provider:TEXT", "created_at:TEXT", "updated_at:TEXT", "payload:TEXT");
    assertThat(sqliteVault.column(sqliteTypes, "governance_alerts")).containsExactly("id:TEXT", "scope_hint:TEXT",
        "acknowledged:INTEGER", "created_at:TEXT", "updated_at:TEXT", "payload:TEXT");
  }

  @Test
  void vaultPrimaryKeysAreTheIdsAndNoColumnHasADefault() throws SQLException {
    for (String table : TABLES.get(Store.VAULT)) {
      assertThat(sqlite(Store.VAULT).column("SELECT name FROM pragma_table_info(?) WHERE pk > 0", table)).as(table)
          .containsExactly("id");
      assertThat(sqlite(Store.VAULT).column("SELECT name FROM pragma_table_info(?) WHERE dflt_value IS NOT NULL",
          table)).as(table).isEmpty();
      assertThat(postgres(Store.VAULT).column("SELECT kcu.column_name FROM information_schema.table_constraints tc"
          + " JOIN information_schema.key_column_usage kcu ON kcu.constraint_schema = tc.constraint_schema"
          + " AND kcu.constraint_name = tc.constraint_name WHERE tc.table_schema = current_schema()"
          + " AND tc.table_name = ? AND tc.constraint_type = 'PRIMARY KEY'", table)).as(table).containsExactly("id");
      assertThat(postgres(Store.VAULT).column("SELECT column_name FROM information_schema.columns"
          + " WHERE table_schema = current_schema() AND table_name = ? AND column_default IS NOT NULL", table))
          .as(table).isEmpty();
    }
  }

  @Test
  void vaultIndexesOnSqliteAreUpstreamsThreePlusTheOnesOurQueriesNeed() throws SQLException {
    Catalogue vault = sqlite(Store.VAULT);
    assertThat(vault.indexes("credentials").keySet()).containsExactly("idx_credentials_created_id",
        "idx_credentials_workflow", "uq_credentials_name_folded");
    assertThat(vault.indexes("credential_templates").keySet())
        .containsExactly("idx_templates_created_id", "idx_templates_scope");
    assertThat(vault.indexes("governance_alerts").keySet()).containsExactly("idx_alerts_created_id",
        "idx_alerts_credential", "idx_alerts_scope", "idx_alerts_template");
  }

  @Test
  void vaultIndexesOnPostgresAreAllOfUpstreamsPlusTheOnesOurQueriesNeed() throws SQLException {
    Catalogue vault = postgres(Store.VAULT);
    assertThat(vault.indexes("credentials").keySet()).containsExactly("idx_credentials_created_id",
        "idx_credentials_name_lower", "idx_credentials_workflow", "uq_credentials_name_folded");
    assertThat(vault.indexes("credential_templates").keySet())
        .containsExactly("idx_templates_created_id", "idx_templates_scope");
    assertThat(vault.indexes("governance_alerts").keySet()).containsExactly("idx_alerts_created_id",
        "idx_alerts_credential", "idx_alerts_scope", "idx_alerts_template");
  }

  @Test
  void upstreamsVaultIndexesAreDeclaredAsUpstreamDeclaresThem() throws SQLException {
    for (Catalogue vault : List.of(sqlite(Store.VAULT), postgres(Store.VAULT))) {
      assertThat(vault.indexes("credentials").get("idx_credentials_workflow")).contains("(workflow_id)")
          .doesNotContain("UNIQUE");
      assertThat(vault.indexes("credential_templates").get("idx_templates_scope")).contains("(scope_hint)")
          .doesNotContain("UNIQUE");
      assertThat(vault.indexes("governance_alerts").get("idx_alerts_scope")).contains("(scope_hint)")
          .doesNotContain("UNIQUE");
    }
    assertThat(postgres(Store.VAULT).indexes("credentials").get("idx_credentials_name_lower"))
        .contains("USING btree (lower(name))").doesNotContain("UNIQUE");
  }

  /**
   * Names are unique regardless of ASCII case on both backends, and only of ASCII case: SQLite's lower() folds ASCII
   * only, PostgreSQL's under the "C" collation too.
   */
  @Test
  void vaultNamesAreUniqueUnderAsciiOnlyFoldingOnBothBackends() throws SQLException {
    assertThat(sqlite(Store.VAULT).indexes("credentials").get("uq_credentials_name_folded"))
        .startsWith("CREATE UNIQUE INDEX").contains("(lower(name))");
    assertThat(postgres(Store.VAULT).indexes("credentials").get("uq_credentials_name_folded"))
        .startsWith("CREATE UNIQUE INDEX").contains("lower((name COLLATE \"C\"))");
  }

  @Test
  void vaultAlertTargetIndexesReadTheIdsOutOfThePayload() throws SQLException {
    Catalogue sqliteVault = sqlite(Store.VAULT);
    assertThat(sqliteVault.indexes("governance_alerts").get("idx_alerts_credential"))
        .contains("json_extract(payload, '$.credential_id')");
    assertThat(sqliteVault.indexes("governance_alerts").get("idx_alerts_template"))
        .contains("json_extract(payload, '$.template_id')");
    Catalogue postgresVault = postgres(Store.VAULT);
    assertThat(postgresVault.indexes("governance_alerts").get("idx_alerts_credential"))
        .contains("((payload ->> 'credential_id'::text))");
    assertThat(postgresVault.indexes("governance_alerts").get("idx_alerts_template"))
        .contains("((payload ->> 'template_id'::text))");
  }

  @Test
  void vaultListingIndexesAreOnCreatedAtAndIdOnBothBackends() throws SQLException {
    for (Catalogue vault : List.of(sqlite(Store.VAULT), postgres(Store.VAULT))) {
      assertThat(vault.indexes("credentials").get("idx_credentials_created_id")).contains("(created_at, id)");
      assertThat(vault.indexes("credential_templates").get("idx_templates_created_id")).contains("(created_at, id)");
      assertThat(vault.indexes("governance_alerts").get("idx_alerts_created_id")).contains("(created_at, id)");
    }
  }
}
