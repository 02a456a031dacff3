package io.orcheo.persistence.jooq.runtime;

import io.orcheo.persistence.core.error.StorageUnavailableException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs repository operations: each write is one transaction, retried a bounded number of times when the database
 * reports a transient conflict (PostgreSQL 40001 serialization failure, 40P01 deadlock, SQLite SQLITE_BUSY).
 * Everything that fails is translated by {@link ExceptionTranslator}.
 *
 * <p>On SQLite every transaction begins with {@code BEGIN IMMEDIATE} (the pool sets sqlite-jdbc's
 * {@code transaction_mode}), so a writer takes the lock up front instead of failing when it upgrades a read lock;
 * {@code busy_timeout} makes it wait for the lock, and the retry covers what outlasts the wait.
 */
public final class Transactor {
  private static final Logger log = LoggerFactory.getLogger(Transactor.class);

  private final DSLContext dsl;
  private final int maxAttempts;

  public Transactor(DSLContext dsl, int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.dsl = dsl;
    this.maxAttempts = maxAttempts;
  }

  /**
   * Runs {@code work} in one transaction and commits it; runs it again on a transient conflict. {@code work} must
   * therefore have no effects outside the database.
   *
   * @param operation a description for error messages, such as {@code "rotate service token 'ci'"}
   */
  public <T> T inTransaction(String operation, Function<DSLContext, T> work) {
    return withRetry(operation, () -> dsl.transactionResult(configuration -> work.apply(configuration.dsl())));
  }

  /**
   * Runs a read in autocommit mode, without an explicit transaction: on SQLite an explicit one would take the
   * write lock ({@code BEGIN IMMEDIATE}). Use it for single statements; anything that must see one consistent
   * state across statements belongs in {@link #inTransaction}.
   */
  public <T> T read(String operation, Function<DSLContext, T> work) {
    return withRetry(operation, () -> work.apply(dsl));
  }

  private <T> T withRetry(String operation, Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        if (!ExceptionTranslator.isTransient(e)) {
          throw ExceptionTranslator.translate(operation, e);
        }
        if (attempt >= maxAttempts) {
          throw new StorageUnavailableException(
              operation + " failed: the database stayed busy or kept aborting the transaction after " + attempt
                  + " attempts", e);
        }
        log.debug("{}: transient conflict on attempt {}, retrying", operation, attempt);
        backOff(attempt);
      }
    }
  }

  private static void backOff(int attempt) {
    long ceiling = Math.min(200, 5L << attempt);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageUnavailableException("Interrupted while waiting to retry a transaction", e);
    }
  }
}
