package io.orcheo.persistence.jooq.json;

import static org.jooq.impl.DSL.and;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/**
 * SQLite: containment spelled out with JSON1 functions, path by path. A scalar leaf must have the same JSON type and
 * value ({@code json_type}, {@code json_extract}); a nested object must be an object matching key by key; an array of
 * scalars must be an array holding each element ({@code json_each}). That is PostgreSQL's {@code @>} for these
 * shapes. jOOQ does not emulate {@code @>} on SQLite (jOOQ#14264), hence the plain-SQL template for
 * {@code json_each}, a table-valued function jOOQ has no API for.
 */
final class SqliteJsonPredicates implements JsonPredicates {
  static final SqliteJsonPredicates INSTANCE = new SqliteJsonPredicates();

  private SqliteJsonPredicates() {}

  @Override
  public Condition contains(Field<JsonNode> document, ObjectNode subset) {
    return object(document, "$", subset);
  }

  @Override
  public Field<Double> number(Field<JsonNode> document, String key) {
    String path = path("$", key);
    // As a REAL, as PostgreSQL casts to double precision: integers past 2^53 then compare (and page) alike on both.
    return when(type(document, path).in(inline("integer"), inline("real")),
        function("json_extract", Object.class, document, inline(path)).cast(SQLDataType.DOUBLE));
  }

  @Override
  public Field<String> text(Field<JsonNode> document, String key) {
    // A plain key unquoted, as expression indexes spell it: SQLite matches an index by the expression's text.
    String path = key.matches("[A-Za-z_][A-Za-z0-9_]*") ? "$." + key : path("$", key);
    return function("json_extract", String.class, document, inline(path));
  }

  private static Condition object(Field<JsonNode> document, String path, ObjectNode subset) {
    List<Condition> conditions = new ArrayList<>();
    conditions.add(type(document, path).eq(inline("object")));
    Iterator<Map.Entry<String, JsonNode>> fields = subset.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      conditions.add(value(document, path(path, field.getKey()), field.getValue()));
    }
    return and(conditions);
  }

  private static Condition value(Field<JsonNode> document, String path, JsonNode expected) {
    if (expected.isObject()) {
      return object(document, path, (ObjectNode) expected);
    }
    if (expected.isArray()) {
      List<Condition> conditions = new ArrayList<>();
      conditions.add(type(document, path).eq(inline("array")));
      for (JsonNode element : expected) {
        conditions.add(condition("exists (select 1 from json_each({0}, {1}) where {2})", document, inline(path),
            scalar(column("type", String.class), column("value", Object.class), element)));
      }
      return and(conditions);
    }
    return scalar(type(document, path), function("json_extract", Object.class, document, inline(path)), expected);
  }

  /** A scalar's JSON type and value, given as SQLite reports them ({@code json_type} / {@code json_each.type}). */
  private static Condition scalar(Field<String> type, Field<Object> value, JsonNode expected) {
    if (expected.isNull()) {
      return type.eq(inline("null"));
    }
    if (expected.isBoolean()) {
      return type.eq(inline(expected.booleanValue() ? "true" : "false"));
    }
    if (expected.isNumber()) {
      // SQLite compares integers and reals by value, as PostgreSQL compares jsonb numbers.
      return type.in(inline("integer"), inline("real")).and(value.eq(val(expected.numberValue())));
    }
    return type.eq(inline("text")).and(value.eq(val(expected.textValue())));
  }

  private static Field<String> type(Field<JsonNode> document, String path) {
    return function("json_type", String.class, document, inline(path));
  }

  /** A column of {@code json_each}, which has no generated table. */
  private static <T> Field<T> column(String name, Class<T> type) {
    return field(name(name), type);
  }

  /**
   * {@code path} extended by {@code key}, quoted so that dots and brackets in a key stay part of it.
   * {@link io.orcheo.persistence.core.json.JsonContainment} refuses the keys a quoted label cannot hold.
   */
  private static String path(String path, String key) {
    return path + ".\"" + key + "\"";
  }
}
