package io.orcheo.persistence.jooq.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;

/**
 * JSON filters on stored documents, the one place where the dialects differ for them (design §3): PostgreSQL uses
 * {@code jsonb} operators that its GIN indexes serve, SQLite its JSON1 functions. Both give the same answers for the
 * filters {@link io.orcheo.persistence.core.json.JsonContainment} accepts.
 */
public interface JsonPredicates {

  /** Rows whose {@code document} contains {@code subset} (PostgreSQL's {@code document @> subset}). */
  Condition contains(Field<JsonNode> document, ObjectNode subset);

  /** The number under top-level key {@code key} of {@code document}, or SQL {@code NULL} if it is not a number. */
  Field<Double> number(Field<JsonNode> document, String key);

  /**
   * The string under top-level key {@code key} of {@code document} as text, or SQL {@code NULL} if it is absent or
   * JSON null. Rendered with the key inline ({@code payload ->> 'key'}, {@code json_extract(payload, '$.key')}), so
   * that an expression index on the same expression serves it.
   */
  Field<String> text(Field<JsonNode> document, String key);

  /** The implementation for {@code dsl}'s dialect. */
  static JsonPredicates of(DSLContext dsl) {
    return dsl.dialect().family() == SQLDialect.POSTGRES ? PostgresJsonPredicates.INSTANCE
        : SqliteJsonPredicates.INSTANCE;
  }
}
