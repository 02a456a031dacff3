package io.orcheo.persistence.jooq.json;

import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.jsonbGetAttribute;
import static org.jooq.impl.DSL.jsonbGetAttributeAsText;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.SQLDataType;

/**
 * PostgreSQL: {@code @>} for containment, which a GIN index ({@code jsonb_ops} or {@code jsonb_path_ops}) serves, and
 * {@code ->>} with a {@code jsonb_typeof} guard for numbers, so a string under the key yields NULL instead of a cast
 * error. Our columns carry a {@code JsonNode} binding over {@code jsonb}; they are coerced to jOOQ's own JSONB type
 * so that jOOQ renders the operators itself ({@code Field.contains} renders {@code @>} for JSONB since jOOQ#14262).
 */
final class PostgresJsonPredicates implements JsonPredicates {
  static final PostgresJsonPredicates INSTANCE = new PostgresJsonPredicates();

  private PostgresJsonPredicates() {}

  @Override
  public Condition contains(Field<JsonNode> document, ObjectNode subset) {
    return jsonb(document).contains(val(JSONB.jsonb(JsonCodec.write(subset))));
  }

  @Override
  public Field<Double> number(Field<JsonNode> document, String key) {
    Field<JSONB> value = jsonbGetAttribute(jsonb(document), inline(key));
    return when(function("jsonb_typeof", String.class, value).eq(inline("number")),
        jsonbGetAttributeAsText(jsonb(document), inline(key)).cast(SQLDataType.DOUBLE));
  }

  @Override
  public Field<String> text(Field<JsonNode> document, String key) {
    return jsonbGetAttributeAsText(jsonb(document), inline(key));
  }

  private static Field<JSONB> jsonb(Field<JsonNode> document) {
    return document.coerce(SQLDataType.JSONB);
  }
}
