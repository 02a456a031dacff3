package io.orcheo.persistence.jooq.binding;

import java.sql.SQLException;
import java.sql.Types;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.SQLDialect;

/**
 * Boolean columns: {@code BOOLEAN} on PostgreSQL, {@code INTEGER} 0/1 on SQLite (as upstream's Python writes them).
 * A SQLite column declared BOOLEAN would get NUMERIC affinity, so the schema declares INTEGER and this binding
 * keeps the Java side a {@link Boolean}.
 */
public final class BooleanBinding extends DialectBinding<Boolean, Boolean> {
  private static final long serialVersionUID = 1L;

  private static final Converter<Boolean, Boolean> CONVERTER = Converter.ofNullable(Boolean.class, Boolean.class, value -> value, value -> value);

  @Override
  public Converter<Boolean, Boolean> converter() {
    return CONVERTER;
  }

  @Override
  String placeholder(SQLDialect dialect) {
    return "?";
  }

  @Override
  String inlineLiteral(SQLDialect dialect, Boolean value) {
    if (isPostgres(dialect)) {
      return value ? "true" : "false";
    }
    return value ? "1" : "0";
  }

  @Override
  public void set(BindingSetStatementContext<Boolean> ctx) throws SQLException {
    Boolean value = ctx.value();
    boolean postgres = isPostgres(ctx.dialect());
    if (value == null) {
      ctx.statement().setNull(ctx.index(), postgres ? Types.BOOLEAN : Types.INTEGER);
    } else if (postgres) {
      ctx.statement().setBoolean(ctx.index(), value);
    } else {
      ctx.statement().setInt(ctx.index(), value ? 1 : 0);
    }
  }

  @Override
  public void get(BindingGetResultSetContext<Boolean> ctx) throws SQLException {
    boolean value = ctx.resultSet().getBoolean(ctx.index());
    ctx.value(ctx.resultSet().wasNull() ? null : value);
  }
}
