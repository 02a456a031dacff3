package io.orcheo.persistence.migration;

import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import io.orcheo.persistence.jooq.runtime.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Checks the SQLite files before anything is written to PostgreSQL, for what SQLite accepts and PostgreSQL refuses:
 * invalid JSON in a JSON column, a NUL character in text, a timestamp that does not parse, and a row whose parent is
 * missing (PostgreSQL enforces the foreign keys SQLite files often leave unchecked). Each problem names its table,
 * row and column and suggests a fix. Read-only.
 */
public final class Preflight {
  /** The most problems reported per table and kind; the count says how many there are. */
  private static final int SHOWN = 20;

  /**
   * One problem.
   *
   * @param table the table
   * @param key the row's primary key
   * @param column the column, or the foreign key's columns
   * @param problem what PostgreSQL would refuse
   * @param fix what to do about it
   */
  public record Problem(String table, String key, String column, String problem, String fix) {
    @Override
    public String toString() {
      return table + " " + key + " " + column + ": " + problem + " (" + fix + ")";
    }
  }

  private Preflight() {}

  /** Checks the tables of the SQLite files the settings name; an empty list means the copy may go ahead. */
  public static List<Problem> check(PersistenceSettings settings, List<MigrationTable> tables) {
    List<Problem> problems = new ArrayList<>();
    for (MigrationTable table : tables) {
      Path file = table.store().sqlitePath(settings);
      if (!Files.isRegularFile(file)) {
        throw new MigrationException("Missing SQLite database: " + file);
      }
      try (Connection connection = SqliteFiles.openReadOnly(file)) {
        DSLContext dsl = DSL.using(connection, SQLDialect.SQLITE);
        values(dsl, table, problems);
        orphans(dsl, table, problems);
      } catch (SQLException e) {
        throw new MigrationException("Cannot check " + file + ": " + e.getMessage(), e);
      }
    }
    return problems;
  }

  /**
   * Reads every value as text, so that nothing is parsed before it is checked: the columns are named plainly here,
   * not through the generated fields, whose bindings would parse them.
   */
  private static void values(DSLContext dsl, MigrationTable table, List<Problem> problems) {
    Table<?> t = table.table();
    List<Field<?>> key = List.of(t.getPrimaryKey().getFieldsArray());
    List<Field<String>> columns = table.allColumns().stream()
        .map(name -> DSL.field(DSL.name(name), String.class)).toList();
    int shown = 0;
    try (var cursor = dsl.select(columns).from(DSL.table(DSL.name(table.name()))).fetchLazy()) {
      for (Record row : cursor) {
        for (int i = 0; i < columns.size(); i++) {
          String value = row.get(i, String.class);
          if (value == null) {
            continue;
          }
          Field<?> field = t.field(columns.get(i).getName());
          String problem = problem(field, value);
          if (problem != null && shown++ < SHOWN) {
            problems.add(new Problem(table.name(), key(row, key), field.getName(), problem, fix(problem)));
          }
        }
      }
    }
  }

  private static String problem(Field<?> field, String value) {
    if (value.indexOf('\u0000') >= 0) {
      return "holds a NUL character, which PostgreSQL cannot store";
    }
    if (JsonNode.class.isAssignableFrom(field.getType()) && !value.isBlank()) {
      try {
        JsonCodec.read(value.strip());
      } catch (RuntimeException e) {
        return "is not valid JSON";
      }
    }
    if (field.getType() == Instant.class) {
      try {
        UpstreamTimestamps.parse(value);
      } catch (RuntimeException e) {
        return "is not a timestamp ('" + value + "')";
      }
    }
    return null;
  }

  private static String fix(String problem) {
    if (problem.startsWith("holds a NUL")) {
      return "remove the NUL character from the value";
    }
    if (problem.startsWith("is not valid JSON")) {
      return "repair the document or delete the row";
    }
    return "write the time as ISO-8601, such as 2025-01-02T03:04:05+00:00";
  }

  /** Rows whose parent row is missing, for each foreign key the PostgreSQL schema declares. */
  private static void orphans(DSLContext dsl, MigrationTable table, List<Problem> problems) {
    for (ForeignKey<?, ?> reference : table.table().getReferences()) {
      Table<?> parent = reference.getKey().getTable();
      List<Field<?>> childColumns = reference.getFields().stream().<Field<?>>map(f -> plain(table.name(), f))
          .toList();
      List<Field<?>> parentColumns = reference.getKey().getFields().stream()
          .<Field<?>>map(f -> plain("parent", f)).toList();
      var join = DSL.noCondition();
      var present = DSL.noCondition();
      for (int i = 0; i < childColumns.size(); i++) {
        join = join.and(((Field<Object>) childColumns.get(i)).eq((Field<Object>) parentColumns.get(i)));
        present = present.and(childColumns.get(i).isNotNull());
      }
      List<Field<?>> key = List.of(table.table().getPrimaryKey().getFieldsArray()).stream()
          .<Field<?>>map(f -> plain(table.name(), f)).toList();
      var rows = dsl.select(key).from(DSL.table(DSL.name(table.name())))
          .leftJoin(DSL.table(DSL.name(parent.getName())).as("parent")).on(join)
          .where(present).and(parentColumns.get(0).isNull())
          .limit(SHOWN).fetch();
      String columns = reference.getFields().stream().map(Field::getName).collect(Collectors.joining(", "));
      for (Record row : rows) {
        problems.add(new Problem(table.name(), key(row, key), columns, "names a missing " + parent.getName()
            + " row, which the PostgreSQL foreign key refuses", "delete the row, or restore its "
            + parent.getName() + " row"));
      }
    }
  }

  private static Field<?> plain(String table, Field<?> field) {
    return DSL.field(DSL.name(table, field.getName()), Object.class);
  }

  private static String key(Record row, List<Field<?>> key) {
    List<String> parts = new ArrayList<>();
    for (Field<?> field : key) {
      parts.add(field.getName() + "=" + row.get(field.getName()));
    }
    return "(" + String.join(", ", parts) + ")";
  }

}
