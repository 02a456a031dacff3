package io.orcheo.persistence.jooq.binding;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.sql.Types;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.JSONB;
import org.jooq.SQLDialect;

/**
 * JSON columns ({@code jsonb} on PostgreSQL, {@code TEXT} on SQLite) as Jackson {@link JsonNode}s.
 *
 * <p>Always bound as a string: PostgreSQL gets {@code cast(? as jsonb)}, SQLite a plain {@code ?}. jOOQ's own JSONB
 * binding is not used because on SQLite it binds a BLOB wrapped in {@code json(?)}, which SQLite 3.45+ reads as
 * binary JSONB (jOOQ#19664, jOOQ#15931). The document rules (NUL, NaN) are {@link JsonCodec}'s.
 */
public final class JsonNodeBinding extends DialectBinding<JSONB, JsonNode> {
  private static final long serialVersionUID = 1L;

  private static final Converter<JSONB, JsonNode> CONVERTER =
      Converter.ofNullable(
          JSONB.class,
          JsonNode.class,
          jsonb -> JsonCodec.read(jsonb.data()),
          node -> JSONB.valueOf(JsonCodec.write(node)));

  @Override
  public Converter<JSONB, JsonNode> converter() {
    return CONVERTER;
  }

  @Override
  String placeholder(SQLDialect dialect) {
    return isPostgres(dialect) ? "cast(? as jsonb)" : "?";
  }

  @Override
  String inlineLiteral(SQLDialect dialect, JsonNode value) {
    String literal = quoted(JsonCodec.write(value));
    return isPostgres(dialect) ? literal + "::jsonb" : literal;
  }

  @Override
  public void set(BindingSetStatementContext<JsonNode> ctx) throws SQLException {
    JsonNode value = ctx.value();
    if (value == null) {
      ctx.statement().setNull(ctx.index(), Types.VARCHAR);
    } else {
      ctx.statement().setString(ctx.index(), JsonCodec.write(value));
    }
  }

  @Override
  public void get(BindingGetResultSetContext<JsonNode> ctx) throws SQLException {
    String text = ctx.resultSet().getString(ctx.index());
    ctx.value(text == null ? null : JsonCodec.read(text));
  }
}
