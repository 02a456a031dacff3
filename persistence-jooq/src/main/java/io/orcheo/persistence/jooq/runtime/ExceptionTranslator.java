package io.orcheo.persistence.jooq.runtime;

import io.orcheo.persistence.core.error.ConflictException;
import io.orcheo.persistence.core.error.PersistenceException;
import io.orcheo.persistence.core.error.StorageException;
import io.orcheo.persistence.core.error.StorageUnavailableException;
import io.orcheo.persistence.core.error.ValidationException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one place where database errors become the typed hierarchy of {@code persistence-core}. Repositories never
 * let a {@link SQLException} or a jOOQ {@code DataAccessException} escape; they pass it through here.
 *
 * <p>Messages carry the first line of the driver's own explanation (which constraint failed), never jOOQ's message
 * with the statement's SQL, nor PostgreSQL's detail line with the clashing values; the original exception stays
 * attached as the cause for logs that are allowed to see it.
 */
public final class ExceptionTranslator {

  private ExceptionTranslator() {}

  /**
   * Translates {@code failure} for an operation described by {@code operation} (for example
   * {@code "create service token 'ci'"}).
   */
  public static PersistenceException translate(String operation, Throwable failure) {
    PersistenceException ours = find(failure, PersistenceException.class);
    if (ours != null) {
      return ours;
    }
    SQLException sql = find(failure, SQLException.class);
    if (sql == null) {
      return new StorageException(operation + " failed: " + failure.getClass().getSimpleName(), null, failure);
    }
    if (sql instanceof SQLiteException sqlite) {
      return fromSqlite(operation, sqlite);
    }
    if (sql instanceof SQLTransientConnectionException) {
      return new StorageUnavailableException(operation + " failed: no database connection available: " + firstLine(sql), sql);
    }
    return fromSqlState(operation, sql);
  }

  /**
   * Whether a failed transaction may succeed if run again: serialization failures, deadlocks, SQLITE_BUSY, and a
   * {@link ConcurrentUpdateException}.
   */
  public static boolean isTransient(Throwable failure) {
    if (find(failure, ConcurrentUpdateException.class) != null) {
      return true;
    }
    SQLException sql = find(failure, SQLException.class);
    if (sql == null) {
      return false;
    }
    if (sql instanceof SQLiteException sqlite) {
      String name = sqlite.getResultCode().name();
      return name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED");
    }
    String state = sql.getSQLState();
    return "40001".equals(state) || "40P01".equals(state);
  }

  private static PersistenceException fromSqlite(String operation, SQLiteException e) {
    SQLiteErrorCode code = e.getResultCode();
    String name = code.name();
    String detail = operation + " failed: " + firstLine(e);
    if (name.equals("SQLITE_CONSTRAINT_PRIMARYKEY") || name.equals("SQLITE_CONSTRAINT_UNIQUE")
        || name.equals("SQLITE_CONSTRAINT_FOREIGNKEY")) {
      return new ConflictException(detail, e);
    }
    if (name.startsWith("SQLITE_CONSTRAINT") || name.equals("SQLITE_MISMATCH") || name.equals("SQLITE_TOOBIG")) {
      return new ValidationException(detail, e);
    }
    if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED") || name.startsWith("SQLITE_CANTOPEN")
        || name.startsWith("SQLITE_IOERR") || name.equals("SQLITE_FULL") || name.startsWith("SQLITE_READONLY")) {
      return new StorageUnavailableException(detail, e);
    }
    return new StorageException(detail, name, e);
  }

  private static PersistenceException fromSqlState(String operation, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String detail = operation + " failed: " + firstLine(e);
    if (state.equals("23505") || state.equals("23503") || state.equals("23P01")) {
      return new ConflictException(detail, e);
    }
    if (state.startsWith("23") || state.startsWith("22")) {
      return new ValidationException(detail, e);
    }
    if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.equals("40001")
        || state.equals("40P01")) {
      return new StorageUnavailableException(detail, e);
    }
    return new StorageException(detail, state.isEmpty() ? null : state, e);
  }

  private static String firstLine(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
