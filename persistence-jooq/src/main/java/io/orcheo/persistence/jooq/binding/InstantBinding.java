package io.orcheo.persistence.jooq.binding;

import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.SQLDialect;

/**
 * Timestamp columns as {@link Instant}s: {@code timestamptz} on PostgreSQL, upstream's isoformat text on SQLite
 * ({@link UpstreamTimestamps}).
 *
 * <p>jOOQ's default SQLite binding for {@code OffsetDateTime} writes {@code yyyy-MM-dd HH:mm:ss+HH:MM}, which neither
 * matches upstream's rows nor sorts with them, and sqlite-jdbc cannot read {@code java.time} values
 * (sqlite-jdbc#878). Every value is truncated to microseconds and checked for range before it is written.
 */
public final class InstantBinding extends DialectBinding<OffsetDateTime, Instant> {
  private static final long serialVersionUID = 1L;

  private static final Converter<OffsetDateTime, Instant> CONVERTER =
      Converter.ofNullable(
          OffsetDateTime.class,
          Instant.class,
          OffsetDateTime::toInstant,
          instant -> UpstreamTimestamps.normalize(instant).atOffset(ZoneOffset.UTC));

  @Override
  public Converter<OffsetDateTime, Instant> converter() {
    return CONVERTER;
  }

  @Override
  String placeholder(SQLDialect dialect) {
    return "?";
  }

  @Override
  String inlineLiteral(SQLDialect dialect, Instant value) {
    String literal = quoted(UpstreamTimestamps.format(value));
    return isPostgres(dialect) ? literal + "::timestamptz" : literal;
  }

  @Override
  public void set(BindingSetStatementContext<Instant> ctx) throws SQLException {
    Instant value = ctx.value();
    boolean postgres = isPostgres(ctx.dialect());
    if (value == null) {
      ctx.statement().setNull(ctx.index(), postgres ? Types.TIMESTAMP_WITH_TIMEZONE : Types.VARCHAR);
    } else if (postgres) {
      ctx.statement().setObject(ctx.index(), UpstreamTimestamps.normalize(value).atOffset(ZoneOffset.UTC));
    } else {
      ctx.statement().setString(ctx.index(), UpstreamTimestamps.format(value));
    }
  }

  @Override
  public void get(BindingGetResultSetContext<Instant> ctx) throws SQLException {
    if (isPostgres(ctx.dialect())) {
      OffsetDateTime value = ctx.resultSet().getObject(ctx.index(), OffsetDateTime.class);
      ctx.value(value == null ? null : value.toInstant());
    } else {
      String text = ctx.resultSet().getString(ctx.index());
      ctx.value(text == null ? null : UpstreamTimestamps.parse(text));
    }
  }
}
