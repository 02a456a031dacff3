package io.orcheo.persistence.it.runtime;

import static io.orcheo.persistence.jooq.generated.Tables.SERVICE_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.TokenSecrets;
import io.orcheo.persistence.it.support.PostgresServer;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Transactor;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real deadlock (40P01) between two transactions is retried at the transaction boundary; both commit. */
class PostgresTransactionRetryTest {
  private OrcheoPersistence persistence;
  private Transactor transactor;

  @BeforeEach
  void open() {
    persistence = OrcheoPersistence.open(PersistenceSettings.defaults().withPostgres(PostgresServer.get().newDatabase()));
    transactor = persistence.databases().get(0).transactor();
    for (String id : List.of("a", "b")) {
      persistence.serviceTokens().create(
          ServiceToken.issued(id, TokenSecrets.hash(id), Set.of(), Set.of(), Instant.parse("2025-01-01T00:00:00Z"), null));
    }
  }

  @AfterEach
  void close() {
    persistence.close();
  }

  private static void bump(DSLContext dsl, String identifier) {
    dsl.update(SERVICE_TOKENS)
        .set(SERVICE_TOKENS.USE_COUNT, SERVICE_TOKENS.USE_COUNT.plus(1))
        .where(SERVICE_TOKENS.IDENTIFIER.eq(identifier))
        .execute();
  }

  @Test
  void deadlockedTransactionIsRetriedAndBothCommitOnce() throws Exception {
    CyclicBarrier bothHoldTheirFirstRow = new CyclicBarrier(2);
    AtomicInteger attempts = new AtomicInteger();

    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> lockInOrder("a", "b", bothHoldTheirFirstRow, attempts));
    CompletableFuture<Void> second = CompletableFuture.runAsync(() -> lockInOrder("b", "a", bothHoldTheirFirstRow, attempts));
    CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);

    assertThat(attempts).as("one transaction was aborted as the deadlock victim and run again").hasValueGreaterThan(2);
    assertThat(persistence.serviceTokens().findById("a").orElseThrow().useCount()).isEqualTo(2);
    assertThat(persistence.serviceTokens().findById("b").orElseThrow().useCount()).isEqualTo(2);
  }

  private void lockInOrder(String firstRow, String secondRow, CyclicBarrier barrier, AtomicInteger attempts) {
    transactor.inTransaction("bump " + firstRow + " then " + secondRow, dsl -> {
      boolean firstAttempt = attempts.incrementAndGet() <= 2;
      bump(dsl, firstRow);
      if (firstAttempt) {
        try {
          barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      bump(dsl, secondRow);
      return null;
    });
  }
}
