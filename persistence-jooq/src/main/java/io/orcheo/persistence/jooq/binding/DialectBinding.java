package io.orcheo.persistence.jooq.binding;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import org.jooq.Binding;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * Base of our bindings: the one place where a column type's SQLite and PostgreSQL representations differ.
 * Subclasses say how a value is written as a bind value and as an inline literal, and how it is read back; the
 * JDBC paths we never use (stored procedures, UDTs) are refused explicitly instead of half-implemented.
 *
 * @param <T> the type jOOQ generated for the PostgreSQL column
 * @param <U> the type our code sees
 */
abstract class DialectBinding<T, U> implements Binding<T, U> {
  private static final long serialVersionUID = 1L;

  /** Whether the statement being rendered or executed targets PostgreSQL (otherwise SQLite). */
  static boolean isPostgres(SQLDialect dialect) {
    return dialect.family() == SQLDialect.POSTGRES;
  }

  /** The SQL for the bind marker, for example {@code cast(? as jsonb)}; {@code ?} when no cast is needed. */
  abstract String placeholder(SQLDialect dialect);

  /** The value as an inline literal, for logging and for queries rendered with inlined parameters. */
  abstract String inlineLiteral(SQLDialect dialect, U value);

  @Override
  public final void sql(BindingSQLContext<U> ctx) throws SQLException {
    if (ctx.render().paramType() == ParamType.INLINED) {
      U value = ctx.value();
      ctx.render().sql(value == null ? "null" : inlineLiteral(ctx.dialect(), value));
    } else {
      ctx.render().sql(placeholder(ctx.dialect()));
    }
  }

  /** Quotes text as an SQL string literal, the same way in both dialects. */
  static String quoted(String text) {
    return DSL.inline(text).toString();
  }

  @Override
  public void register(BindingRegisterContext<U> ctx) throws SQLException {
    throw new SQLFeatureNotSupportedException(getClass().getSimpleName() + " is not used with OUT parameters");
  }

  @Override
  public void set(BindingSetSQLOutputContext<U> ctx) throws SQLException {
    throw new SQLFeatureNotSupportedException(getClass().getSimpleName() + " is not used with SQL UDTs");
  }

  @Override
  public void get(BindingGetStatementContext<U> ctx) throws SQLException {
    throw new SQLFeatureNotSupportedException(getClass().getSimpleName() + " is not used with OUT parameters");
  }

  @Override
  public void get(BindingGetSQLInputContext<U> ctx) throws SQLException {
    throw new SQLFeatureNotSupportedException(getClass().getSimpleName() + " is not used with SQL UDTs");
  }
}
