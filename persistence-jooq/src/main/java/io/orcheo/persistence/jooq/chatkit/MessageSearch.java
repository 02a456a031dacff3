package io.orcheo.persistence.jooq.chatkit;

import static io.orcheo.persistence.jooq.generated.Tables.CHAT_MESSAGES;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;

/**
 * Full-text search of message text, the one place where the dialects differ for it (design §3). Both index the same
 * text (the changelog's {@code chatkit-0.1-search-*} changesets) and receive the same parsed {@link SearchQuery}.
 *
 * <p>The objects searched are not in the generated classes: {@code search_vector} exists only on PostgreSQL and
 * {@code chat_messages_fts} only on SQLite, so each implementation names its own.
 */
interface MessageSearch {

  /** Rows of {@code chat_messages} whose message text matches {@code query}. */
  Condition matches(SearchQuery query);

  /** The context to run a search's statements in. */
  DSLContext context(DSLContext dsl);

  /** The implementation for {@code dsl}'s dialect. */
  static MessageSearch of(DSLContext dsl) {
    return dsl.dialect().family() == SQLDialect.POSTGRES ? Postgres.INSTANCE : Sqlite.INSTANCE;
  }

  /** A stored tsvector column, served by the GIN index {@code idx_chat_messages_search}. */
  enum Postgres implements MessageSearch {
    INSTANCE;

    private static final Field<Object> SEARCH_VECTOR = field(DSL.name(CHAT_MESSAGES.getName(), "search_vector"));

    @Override
    public Condition matches(SearchQuery query) {
      // to_tsquery with the same configuration as the column applies the same stemming to the query's words.
      return condition("{0} @@ to_tsquery({1}::regconfig, {2})", SEARCH_VECTOR, inline("english"),
          val(query.toTsquery()));
    }

    /**
     * Every value rendered as a literal. Once pgjdbc prepares a statement on the server, PostgreSQL may settle on a
     * generic plan, which knows neither how many rows a bound tsquery matches nor how large the bound thread is;
     * it then reads every match of a common word, or the thread's whole index range for a rare one. Literals give
     * each search its own plan. jOOQ escapes them.
     */
    @Override
    public DSLContext context(DSLContext dsl) {
      return dsl.configuration()
          .deriveSettings(settings -> settings.withStatementType(StatementType.STATIC_STATEMENT))
          .dsl();
    }
  }

  /** An FTS5 table whose rowids are those of {@code chat_messages}, kept by triggers. */
  enum Sqlite implements MessageSearch {
    INSTANCE;

    private static final Table<?> FTS = table(DSL.name("chat_messages_fts"));
    private static final Field<Long> FTS_ROWID = field(DSL.name("chat_messages_fts", "rowid"), Long.class);
    private static final Field<Long> MESSAGE_ROWID = field(DSL.name(CHAT_MESSAGES.getName(), "rowid"), Long.class);

    @Override
    public Condition matches(SearchQuery query) {
      return MESSAGE_ROWID.in(
          select(FTS_ROWID).from(FTS).where(condition("{0} MATCH {1}", FTS, val(query.toFts5()))));
    }

    /** SQLite plans every statement anew: bind values cost no plan quality. */
    @Override
    public DSLContext context(DSLContext dsl) {
      return dsl;
    }
  }
}
