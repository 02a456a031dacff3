package io.orcheo.persistence.it.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.it.support.PostgresServer;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Database;
import io.orcheo.persistence.jooq.runtime.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The changelog gives both backends the same token tables (design §2): names, column order, nullability, indexes,
 * the partial index, and SQLite type names that keep their affinity. Each backend is migrated from nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaParityTest {
  private static final List<String> TOKEN_TABLES = List.of("service_tokens", "service_token_audit_log");

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

  private static Database tokenDatabase(OrcheoPersistence persistence) {
    return persistence.databases().stream()
        .filter(database -> database.stores().contains(Store.SERVICE_TOKENS))
        .findFirst().orElseThrow();
  }

  private static List<List<String>> query(OrcheoPersistence persistence, String sql, Object... parameters)
      throws SQLException {
    try (Connection connection = tokenDatabase(persistence).dataSource().getConnection()) {
      return Rows.query(connection, sql, parameters);
    }
  }

  private static List<String> column(List<List<String>> rows, int index) {
    return rows.stream().map(row -> row.get(index)).toList();
  }

  // --------------------------------------------------------------------------------- catalogue of each backend

  private List<String> sqliteTables() throws SQLException {
    return column(query(sqlite, "SELECT name FROM sqlite_master WHERE type = 'table'"), 0);
  }

  private List<String> postgresTables() throws SQLException {
    return column(query(postgres,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"), 0);
  }

  /** Column name → NOT NULL, in declaration order. */
  private Map<String, Boolean> sqliteColumns(String table) throws SQLException {
    Map<String, Boolean> columns = new LinkedHashMap<>();
    for (List<String> row : query(sqlite, "SELECT name, \"notnull\" FROM pragma_table_info(?) ORDER BY cid", table)) {
      columns.put(row.get(0), "1".equals(row.get(1)));
    }
    return columns;
  }

  private Map<String, Boolean> postgresColumns(String table) throws SQLException {
    Map<String, Boolean> columns = new LinkedHashMap<>();
    for (List<String> row : query(postgres, "SELECT column_name, is_nullable FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position", table)) {
      columns.put(row.get(0), "NO".equals(row.get(1)));
    }
    return columns;
  }

  /** Index name → SQL, without the indexes behind primary keys. */
  private Map<String, String> sqliteIndexes(String table) throws SQLException {
    Map<String, String> indexes = new TreeMap<>();
    for (List<String> row : query(sqlite,
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", table)) {
      indexes.put(row.get(0), row.get(1));
    }
    return indexes;
  }

  private Map<String, String> postgresIndexes(String table) throws SQLException {
    Map<String, String> indexes = new TreeMap<>();
    for (List<String> row : query(postgres, "SELECT i.indexname, i.indexdef FROM pg_indexes i"
        + " JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid"
        + " WHERE i.schemaname = current_schema() AND i.tablename = ? AND NOT x.indisprimary", table)) {
      indexes.put(row.get(0), row.get(1));
    }
    return indexes;
  }

  // ------------------------------------------------------------------------------------------------------ tests

  @Test
  void bothBackendsHaveTheTokenTables() throws SQLException {
    assertThat(sqliteTables()).containsAll(TOKEN_TABLES);
    assertThat(postgresTables()).containsAll(TOKEN_TABLES);
  }

  @Test
  void theSqliteTokenFileHoldsOnlyTokenTablesBesidesLiquibaseAndSqliteBookkeeping() throws SQLException {
    assertThat(sqliteTables()).filteredOn(name -> !name.startsWith("sqlite_") && !name.toLowerCase().startsWith("databasechangelog"))
        .containsExactlyInAnyOrderElementsOf(TOKEN_TABLES);
  }

  @Test
  void tokenTablesHaveTheSameColumnsInTheSameOrder() throws SQLException {
    for (String table : TOKEN_TABLES) {
      assertThat(new ArrayList<>(sqliteColumns(table).keySet())).as(table)
          .isNotEmpty()
          .containsExactlyElementsOf(postgresColumns(table).keySet());
    }
  }

  @Test
  void tokenTableColumnsHaveTheSameNullability() throws SQLException {
    for (String table : TOKEN_TABLES) {
      assertThat(sqliteColumns(table)).as(table).containsExactlyEntriesOf(postgresColumns(table));
    }
    assertThat(postgresColumns("service_tokens")).containsEntry("identifier", true).containsEntry("secret_hash", true)
        .containsEntry("created_at", true).containsEntry("scopes", false);
    assertThat(postgresColumns("service_token_audit_log")).containsEntry("id", true).containsEntry("token_id", true)
        .containsEntry("action", true).containsEntry("timestamp", true).containsEntry("details", false);
  }

  @Test
  void tokenTablesHaveTheSameIndexNames() throws SQLException {
    for (String table : TOKEN_TABLES) {
      assertThat(sqliteIndexes(table).keySet()).as(table).isNotEmpty()
          .containsExactlyElementsOf(postgresIndexes(table).keySet());
    }
    assertThat(new TreeSet<>(sqliteIndexes("service_tokens").keySet()))
        .containsExactly("idx_service_tokens_active", "idx_service_tokens_expires", "idx_service_tokens_hash");
    assertThat(new TreeSet<>(sqliteIndexes("service_token_audit_log").keySet()))
        .containsExactly("idx_audit_log_timestamp", "idx_audit_log_token");
  }

  @Test
  void activeTokenIndexIsPartialOnSqlite() throws SQLException {
    assertThat(sqliteIndexes("service_tokens").get("idx_service_tokens_active")).contains("WHERE revoked_at IS NULL");
  }

  @Test
  void activeTokenIndexIsPartialOnPostgres() throws SQLException {
    assertThat(postgresIndexes("service_tokens").get("idx_service_tokens_active")).contains("WHERE (revoked_at IS NULL)");
  }

  @Test
  void onlyTheActiveTokenIndexIsPartial() throws SQLException {
    for (String table : TOKEN_TABLES) {
      sqliteIndexes(table).forEach((name, sql) -> {
        if (!name.equals("idx_service_tokens_active")) {
          assertThat(sql).as(name).doesNotContainIgnoringCase("WHERE");
        }
      });
      postgresIndexes(table).forEach((name, sql) -> {
        if (!name.equals("idx_service_tokens_active")) {
          assertThat(sql).as(name).doesNotContainIgnoringCase("WHERE");
        }
      });
    }
  }

  @Test
  void sqliteDeclaresOnlyTextIntegerRealAndBlobColumnTypes() throws SQLException {
    for (String table : sqliteTables()) {
      if (table.startsWith("sqlite_") || table.toLowerCase().startsWith("databasechangelog")) {
        continue;
      }
      assertThat(column(query(sqlite, "SELECT type FROM pragma_table_info(?)", table), 0)).as(table)
          .isNotEmpty()
          .allSatisfy(type -> assertThat(type.toUpperCase()).isIn("TEXT", "INTEGER", "REAL", "BLOB"));
    }
  }

  @Test
  void tokenTablesHaveNoForeignKeysOnSqlite() throws SQLException {
    for (String table : TOKEN_TABLES) {
      assertThat(query(sqlite, "SELECT * FROM pragma_foreign_key_list(?)", table)).as(table).isEmpty();
    }
  }

  @Test
  void tokenTablesHaveNoForeignKeysOnPostgres() throws SQLException {
    assertThat(query(postgres, "SELECT constraint_name FROM information_schema.table_constraints"
        + " WHERE table_schema = current_schema() AND constraint_type = 'FOREIGN KEY'"
        + " AND table_name IN ('service_tokens', 'service_token_audit_log')")).isEmpty();
  }

  @Test
  void postgresUsesJsonbAndTimestamptzWhereSqliteUsesText() throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    for (List<String> row : query(postgres, "SELECT column_name, data_type FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = 'service_tokens'")) {
      types.put(row.get(0), row.get(1));
    }
    assertThat(types).containsEntry("scopes", "jsonb").containsEntry("allowed_ip_ranges", "jsonb")
        .containsEntry("created_at", "timestamp with time zone").containsEntry("use_count", "integer")
        .containsEntry("identifier", "text");
  }

  @Test
  void useCountDefaultsToZeroOnBothBackends() throws SQLException {
    assertThat(column(query(sqlite, "SELECT dflt_value FROM pragma_table_info('service_tokens') WHERE name = 'use_count'"), 0))
        .containsExactly("0");
    assertThat(column(query(postgres, "SELECT column_default FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = 'service_tokens' AND column_name = 'use_count'"), 0))
        .containsExactly("0");
  }
}
