package io.orcheo.persistence.migration;

import io.orcheo.persistence.jooq.runtime.Store;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jooq.Table;

/**
 * One table as the migration moves it: upstream's export specification (columns in order, the export's
 * {@code ORDER BY}, which columns hold JSON or booleans) and where it lives on each side.
 *
 * @param name the table's name, the same in SQLite and PostgreSQL (upstream's {@code name} and
 *     {@code postgres_table})
 * @param store the store whose SQLite file holds it
 * @param table the generated table, for typed reads and writes on PostgreSQL
 * @param columns the exported columns, in upstream's order
 * @param orderBy the export's order, so that batches are stable between runs
 * @param jsonColumns columns holding JSON documents (TEXT in SQLite, JSONB in PostgreSQL)
 * @param boolColumns columns holding booleans (INTEGER 0/1 in SQLite)
 */
public record MigrationTable(String name, Store store, Table<?> table, List<String> columns, List<String> orderBy,
    Set<String> jsonColumns, Set<String> boolColumns) {

  /**
   * Every column of the table in our schema, the exported ones and ours beyond upstream's (a workflow's handle, say):
   * what {@code copy} moves and the comparison checks. Generated columns are not among them.
   */
  public List<String> allColumns() {
    return java.util.Arrays.stream(table.fields()).map(org.jooq.Field::getName).toList();
  }

  public MigrationTable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(columns);
    orderBy = List.copyOf(orderBy);
    jsonColumns = Set.copyOf(jsonColumns);
    boolColumns = Set.copyOf(boolColumns);
    if (!columns.containsAll(jsonColumns) || !columns.containsAll(boolColumns)) {
      throw new IllegalArgumentException(name + ": JSON and bool columns must be exported columns");
    }
    for (String column : columns) {
      if (table.field(column) == null) {
        throw new IllegalArgumentException(name + "." + column + " is not a column of the generated table");
      }
    }
  }
}
