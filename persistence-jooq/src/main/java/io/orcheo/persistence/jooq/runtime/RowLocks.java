package io.orcheo.persistence.jooq.runtime;

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

  private static boolean isPostgres(DSLContext dsl) {
    return dsl.dialect().family() == SQLDialect.POSTGRES;
  }
}
