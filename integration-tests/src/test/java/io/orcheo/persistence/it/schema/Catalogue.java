package io.orcheo.persistence.it.schema;

import io.orcheo.persistence.core.config.Backend;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Database;
import io.orcheo.persistence.jooq.runtime.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a store's database declares (tables, columns, indexes), read from SQLite's or PostgreSQL's own catalogue. */
final class Catalogue {
  private final Database database;
  private final boolean postgres;

  private Catalogue(Database database) {
    this.database = database;
    this.postgres = database.backend() == Backend.POSTGRES;
  }

  /** The catalogue of the database that holds {@code store}. */
  static Catalogue of(OrcheoPersistence persistence, Store store) {
    return new Catalogue(persistence.database(store));
  }

  /** Every row of {@code sql}, each column as text. */
  List<List<String>> query(String sql, Object... parameters) throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      return Rows.query(connection, sql, parameters);
    }
  }

  List<String> column(String sql, Object... parameters) throws SQLException {
    return query(sql, parameters).stream().map(row -> row.get(0)).toList();
  }

  /** The tables, Liquibase's and SQLite's bookkeeping included. */
  List<String> tables() throws SQLException {
    return postgres
        ? column("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
        : column("SELECT name FROM sqlite_master WHERE type = 'table'");
  }

  /** Column name → NOT NULL, in declaration order. */
  Map<String, Boolean> columns(String table) throws SQLException {
    Map<String, Boolean> columns = new LinkedHashMap<>();
    List<List<String>> rows = postgres
        ? query("SELECT column_name, is_nullable = 'NO' FROM information_schema.columns"
            + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position", table)
        : query("SELECT name, \"notnull\" = 1 FROM pragma_table_info(?) ORDER BY cid", table);
    for (List<String> row : rows) {
      columns.put(row.get(0), "1".equals(row.get(1)) || "t".equals(row.get(1)) || "true".equals(row.get(1)));
    }
    return columns;
  }

  /** A SQLite table's foreign keys as table:column:referenced table:referenced column:ON DELETE (table twice). */
  static final String SQLITE_FOREIGN_KEYS = "SELECT ? || ':' || \"from\" || ':' || \"table\" || ':' || \"to\""
      + " || ':' || on_delete FROM pragma_foreign_key_list(?)";
  private static final String POSTGRES_FOREIGN_KEYS = "SELECT tc.table_name || ':' || kcu.column_name || ':'"
      + " || ccu.table_name || ':' || ccu.column_name || ':' || rc.delete_rule"
      + " FROM information_schema.table_constraints tc"
      + " JOIN information_schema.key_column_usage kcu"
      + " ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name"
      + " JOIN information_schema.constraint_column_usage ccu"
      + " ON ccu.constraint_schema = tc.constraint_schema AND ccu.constraint_name = tc.constraint_name"
      + " JOIN information_schema.referential_constraints rc"
      + " ON rc.constraint_schema = tc.constraint_schema AND rc.constraint_name = tc.constraint_name"
      + " WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'FOREIGN KEY' AND tc.table_name = ?";

  /**
   * The table's foreign keys, each as table:column:referenced table:referenced column:ON DELETE action, in the
   * spelling both catalogues share (CASCADE, SET NULL, NO ACTION).
   */
  List<String> foreignKeys(String table) throws SQLException {
    return postgres ? column(POSTGRES_FOREIGN_KEYS, table) : column(SQLITE_FOREIGN_KEYS, table, table);
  }

  /** Index name → its SQL, without the indexes behind primary keys. */
  Map<String, String> indexes(String table) throws SQLException {
    Map<String, String> indexes = new TreeMap<>();
    List<List<String>> rows = postgres
        ? query("SELECT i.indexname, i.indexdef FROM pg_indexes i"
            + " JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid"
            + " WHERE i.schemaname = current_schema() AND i.tablename = ? AND NOT x.indisprimary", table)
        : query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
            table);
    for (List<String> row : rows) {
      indexes.put(row.get(0), row.get(1));
    }
    return indexes;
  }
}
