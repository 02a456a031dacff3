package io.orcheo.persistence.jooq.runtime;

import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SelectForUpdateStep;
import org.jooq.SelectFinalStep;

/**
 * Row locks for read-check-write transactions, the one place that knows the dialects differ. PostgreSQL locks the
 * rows read ({@code FOR UPDATE}, or {@code FOR UPDATE SKIP LOCKED} to claim work another process holds). SQLite has
 * no row locks and needs none: every transaction begins with {@code BEGIN IMMEDIATE}, so writers run one at a time.
 */
public final class RowLocks {
  private RowLocks() {}

  /** {@code select}, locking its rows until the transaction ends. */
  public static <R extends Record> SelectFinalStep<R> forUpdate(DSLContext dsl, SelectForUpdateStep<R> select) {
    return isPostgres(dsl) ? select.forUpdate() : select;
  }

  /** {@code select}, locking its rows and skipping those another transaction holds. */
  public static <R extends Record> SelectFinalStep<R> forUpdateSkipLocked(DSLContext dsl,
      SelectForUpdateStep<R> select) {
    return isPostgres(dsl) ? select.forUpdate().skipLocked() : select;
  }

  /**
   * Serialises the transactions that pass the same {@code key} until they end, for read-check-writes that have no
   * row to lock (the next checkpoint version of a workflow, its single best checkpoint). PostgreSQL takes a
   * transaction-scoped advisory lock on the key's hash (a hash collision only serialises two unrelated keys); SQLite
   * already holds the database's write lock.
   */
  public static void lockKey(DSLContext dsl, String key) {
    if (isPostgres(dsl)) {
      dsl.select(function("pg_advisory_xact_lock", Object.class,
          function("hashtextextended", Long.class, val(key), inline(0L)))).fetch();
    }
  }

  private static boolean isPostgres(DSLContext dsl) {
    return dsl.dialect().family() == SQLDialect.POSTGRES;
  }
}
