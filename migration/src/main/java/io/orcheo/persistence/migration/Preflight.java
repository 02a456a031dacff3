package io.orcheo.persistence.migration;

import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Checks the SQLite files before anything is written to PostgreSQL, for what SQLite accepts and PostgreSQL refuses:
 * invalid JSON in a JSON column (or a document holding a NUL character, a lone surrogate or a non-finite number), a
 * NUL character in text, a timestamp that does not parse, and a row whose parent is missing (PostgreSQL enforces the
 * foreign keys SQLite files often leave unchecked). Each problem names its table, row and column and suggests a fix,
 * saying whether {@link PreflightFix} applies it. Read-only.
 */
public final class Preflight {
  /** The most problems reported per table for values, and per foreign key for missing parents. */
  private static final int SHOWN = 20;

  /**
   * One problem.
   *
   * @param table the table
   * @param key the row's primary key
   * @param column the column, or the foreign key's columns
   * @param problem what PostgreSQL would refuse
   * @param fix what to do about it, and whether {@code --fix} does it
   */
  public record Problem(String table, String key, String column, String problem, String fix) {
    public Problem {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(fix, "fix");
    }

    @Override
    public String toString() {
      return table + " " + key + " " + column + ": " + problem + " (" + fix + ")";
    }
  }

  /** What is wrong with one value. */
  enum Defect { NUL, INVALID_JSON, UNSTORABLE_JSON, BAD_TIMESTAMP }

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
          Defect defect = defect(field, value);
          if (defect != null && shown++ < SHOWN) {
            problems.add(new Problem(table.name(), key(row, key), field.getName(), describe(defect, value),
                suggest(defect, table, field, value)));
          }
        }
      }
    }
  }

  /** What PostgreSQL would refuse in {@code value}, stored in {@code field}'s column, or {@code null}. */
  static Defect defect(Field<?> field, String value) {
    if (value.indexOf('\u0000') >= 0) {
      return Defect.NUL;
    }
    if (isJson(field) && !value.isBlank()) {
      JsonNode document;
      try {
        document = JsonCodec.read(value.strip());
      } catch (RuntimeException e) {
        return Defect.INVALID_JSON;
      }
      if (unstorable(document) != null) {
        return Defect.UNSTORABLE_JSON;
      }
    }
    if (field.getType() == Instant.class) {
      try {
        UpstreamTimestamps.parse(value);
      } catch (RuntimeException e) {
        return Defect.BAD_TIMESTAMP;
      }
    }
    return null;
  }

  static String describe(Defect defect, String value) {
    return switch (defect) {
      case NUL -> "holds a NUL character, which PostgreSQL cannot store";
      case INVALID_JSON -> "is not valid JSON";
      case UNSTORABLE_JSON -> "is a document PostgreSQL cannot store: " + unstorable(JsonCodec.read(value.strip()));
      case BAD_TIMESTAMP -> "is not a timestamp ('" + value + "')";
    };
  }

  private static String suggest(Defect defect, MigrationTable table, Field<?> field, String value) {
    String repaired = repaired(table, field, value);
    return switch (defect) {
      case NUL -> repaired != null ? "remove the NUL character (--fix does)"
          : "remove the NUL character by hand, here and in every row naming this key (--fix leaves keys alone)";
      case INVALID_JSON -> "repair the document, or delete the row (--fix leaves documents it cannot read)";
      case UNSTORABLE_JSON -> repaired != null ? "remove the NUL characters from the document's strings (--fix does)"
          : "replace the value by hand (--fix leaves it)";
      case BAD_TIMESTAMP -> repaired != null ? "write it as " + repaired + " (--fix does)"
          : "write the time as ISO-8601, such as 2025-01-02T03:04:05+00:00 (--fix cannot read it)";
    };
  }

  /**
   * The value with the safe fixes of {@link PreflightFix} applied, or {@code null} if they change nothing: NUL
   * characters removed (not from a key, whose rows would then name another row), from a JSON document's strings and
   * field names too, and a timestamp with a single lenient reading rewritten in upstream's canonical form.
   */
  static String repaired(MigrationTable table, Field<?> field, String value) {
    String result = value;
    if (!isKey(table, field)) {
      result = result.replace("\u0000", "");
    }
    if (isJson(field) && !result.isBlank()) {
      result = LenientValues.withoutNulInStrings(result).orElse(result);
    }
    if (field.getType() == Instant.class) {
      result = LenientValues.canonicalTimestamp(result).orElse(result);
    }
    return result.equals(value) ? null : result;
  }

  /** A column of the primary key or of a foreign key: a value there names a row. */
  static boolean isKey(MigrationTable table, Field<?> field) {
    Table<?> t = table.table();
    return t.getPrimaryKey().getFields().stream().anyMatch(f -> f.getName().equals(field.getName()))
        || t.getReferences().stream().flatMap(r -> r.getFields().stream())
            .anyMatch(f -> f.getName().equals(field.getName()));
  }

  private static boolean isJson(Field<?> field) {
    return JsonNode.class.isAssignableFrom(field.getType());
  }

  /** Why PostgreSQL's {@code jsonb} would refuse a parsed document, or {@code null}. */
  private static String unstorable(JsonNode document) {
    try {
      JsonCodec.requireStorable(document);
      return null;
    } catch (ValidationException e) {
      return e.getMessage();
    }
  }

  /** Rows whose parent row is missing, for each foreign key the PostgreSQL schema declares. */
  private static void orphans(DSLContext dsl, MigrationTable table, List<Problem> problems) {
    List<Field<?>> key = List.of(table.table().getPrimaryKey().getFieldsArray()).stream()
        .<Field<?>>map(f -> plain(table.name(), f)).toList();
    for (ForeignKey<?, ?> reference : table.table().getReferences()) {
      String parent = reference.getKey().getTable().getName();
      String columns = reference.getFields().stream().map(Field::getName).collect(Collectors.joining(", "));
      String fix = clearsOnly(reference)
          ? "clear the reference, as the foreign key's ON DELETE SET NULL would (--fix does), or restore its "
              + parent + " row"
          : "delete the row with the rows that depend on it, as the foreign key's ON DELETE CASCADE would (--fix "
              + "does), or restore its " + parent + " row";
      for (Record row : orphans(dsl, table, reference, key).limit(SHOWN).fetch()) {
        problems.add(new Problem(table.name(), key(row, key), columns, "names a missing " + parent
            + " row, which the PostgreSQL foreign key refuses", fix));
      }
    }
  }

  /**
   * The {@code select}ed columns of the rows of {@code table} whose {@code reference} names a missing parent row.
   * Plain names, as everywhere here: the values are read as SQLite holds them.
   */
  static SelectConditionStep<Record> orphans(DSLContext dsl, MigrationTable table, ForeignKey<?, ?> reference,
      List<Field<?>> select) {
    List<Field<?>> childColumns = reference.getFields().stream().<Field<?>>map(f -> plain(table.name(), f))
        .toList();
    List<Field<?>> parentColumns = reference.getKey().getFields().stream()
        .<Field<?>>map(f -> plain("parent", f)).toList();
    Condition join = DSL.noCondition();
    Condition present = DSL.noCondition();
    for (int i = 0; i < childColumns.size(); i++) {
      @SuppressWarnings("unchecked")
      Field<Object> child = (Field<Object>) childColumns.get(i);
      @SuppressWarnings("unchecked")
      Field<Object> parent = (Field<Object>) parentColumns.get(i);
      join = join.and(child.eq(parent));
      present = present.and(child.isNotNull());
    }
    return dsl.select(select).from(DSL.table(DSL.name(table.name())))
        .leftJoin(DSL.table(DSL.name(reference.getKey().getTable().getName())).as("parent")).on(join)
        .where(present).and(parentColumns.get(0).isNull());
  }

  /**
   * Whether an orphan only loses its reference: when every column of the foreign key may be NULL. The schema's own
   * rules follow the same line (a nullable reference is ON DELETE SET NULL, a NOT NULL one ON DELETE CASCADE), and
   * the generated keys do not carry the rule itself.
   */
  static boolean clearsOnly(ForeignKey<?, ?> reference) {
    return reference.getFields().stream().allMatch(f -> f.getDataType().nullable());
  }

  static Field<Object> plain(String table, Field<?> field) {
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
