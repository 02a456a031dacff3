package io.orcheo.persistence.it.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.tokens.MintedToken;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.ServiceTokenRepository;
import io.orcheo.persistence.core.tokens.ServiceTokenService;
import io.orcheo.persistence.core.tokens.TokenAuthenticationException;
import io.orcheo.persistence.core.tokens.TokenAuthenticationException.Reason;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.Together;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many threads in two "processes" (two independent {@link OrcheoPersistence} instances on one database) mint,
 * authenticate and rotate at once; afterwards every use is counted exactly once, in the row and in the audit log.
 */
public abstract class ServiceTokenConcurrencyContract extends BackendContract {
  private static final int THREADS = 32;
  /** Authentications of a thread's own token before it rotates it. */
  private static final int OWN_USES = 20;
  /** Authentications of the successor after the rotation. */
  private static final int SUCCESSOR_USES = 10;
  /** Authentications of the shared token per thread. */
  private static final int SHARED_USES = 10;
  private static final Duration OVERLAP = Duration.ofSeconds(300);

  private OrcheoPersistence secondProcess;

  @BeforeEach
  void openSecondProcess() {
    secondProcess = OrcheoPersistence.open(persistence.settings(), clock);
  }

  @AfterEach
  void closeSecondProcess() {
    if (secondProcess != null) {
      secondProcess.close();
    }
  }

  private ServiceTokenService serviceOf(int thread) {
    return (thread % 2 == 0 ? persistence : secondProcess).serviceTokenService();
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }

  /** Audit rows grouped by token and action, read straight from the table. */
  private Map<String, Map<String, Long>> auditCounts() {
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    try (Connection connection = persistence.database(Store.SERVICE_TOKENS).dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT token_id, action, count(*) FROM service_token_audit_log GROUP BY token_id, action")) {
      while (rows.next()) {
        counts.computeIfAbsent(rows.getString(1), k -> new TreeMap<>()).put(rows.getString(2), rows.getLong(3));
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return counts;
  }

  private static void expect(Map<String, Map<String, Long>> expected, String tokenId, String action, long count) {
    if (count > 0) {
      expected.computeIfAbsent(tokenId, k -> new TreeMap<>()).put(action, count);
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void concurrentMintAuthenticateAndRotateFromTwoProcessesCountEveryUseExactlyOnce() throws Exception {
    MintedToken shared = persistence.serviceTokenService().mint("shared", Set.of("workflows:execute"), Set.of(), null);
    Map<String, LongAdder> successes = new ConcurrentHashMap<>();
    Map<String, String> successors = new ConcurrentHashMap<>();
    Queue<Long> sharedCounts = new ConcurrentLinkedQueue<>();

    Together.run(THREADS, 50, thread -> {
      ServiceTokenService service = serviceOf(thread);
      String id = String.format("worker-%02d", thread);
      MintedToken own = service.mint(id, Set.of("workflows:read"), Set.of("ws-" + thread), null);
      for (int n = 1; n <= OWN_USES; n++) {
        ServiceToken used = service.authenticate(own.secret());
        successes.computeIfAbsent(id, k -> new LongAdder()).increment();
        check(used.identifier().equals(id) && used.useCount() == n,
            id + ": use " + n + " returned " + used.identifier() + " with use_count " + used.useCount());
        if (n <= SHARED_USES) {
          ServiceToken usedShared = service.authenticate(shared.secret());
          successes.computeIfAbsent("shared", k -> new LongAdder()).increment();
          check(usedShared.identifier().equals("shared"), "shared authentication returned " + usedShared.identifier());
          sharedCounts.add(usedShared.useCount());
        }
      }
      MintedToken next = service.rotate(id, OVERLAP, null);
      String nextId = next.token().identifier();
      successors.put(id, nextId);
      for (int m = 1; m <= SUCCESSOR_USES; m++) {
        ServiceToken used = service.authenticate(next.secret());
        successes.computeIfAbsent(nextId, k -> new LongAdder()).increment();
        check(used.identifier().equals(nextId) && used.useCount() == m,
            nextId + ": use " + m + " returned " + used.identifier() + " with use_count " + used.useCount());
      }
    });

    ServiceTokenRepository tokens = persistence.serviceTokens();
    List<ServiceToken> all = tokens.listAll();
    assertThat(all).hasSize(1 + 2 * THREADS);
    assertThat(successors).hasSize(THREADS);
    assertThat(Set.copyOf(successors.values())).hasSize(THREADS);

    // Every token's use_count is exactly its number of successful authentications.
    for (ServiceToken token : all) {
      long expected = successes.getOrDefault(token.identifier(), new LongAdder()).sum();
      assertThat(token.useCount()).as("use_count of %s", token.identifier()).isEqualTo(expected);
      assertThat(token.lastUsedAt()).as("last_used_at of %s", token.identifier()).isEqualTo(START);
    }
    assertThat(tokens.findById("shared").orElseThrow().useCount()).isEqualTo((long) THREADS * SHARED_USES);
    // No two authentications of the shared token saw the same count: no lost or doubled increments.
    assertThat(new ArrayList<>(sharedCounts)).containsExactlyInAnyOrderElementsOf(
        LongStream.rangeClosed(1, (long) THREADS * SHARED_USES).boxed().toList());

    // Rotation: each old token points at its successor and expires at the overlap end; the successor is a copy.
    for (int thread = 0; thread < THREADS; thread++) {
      String id = String.format("worker-%02d", thread);
      ServiceToken old = tokens.findById(id).orElseThrow();
      ServiceToken successor = tokens.findById(successors.get(id)).orElseThrow();
      assertThat(old.useCount()).isEqualTo(OWN_USES);
      assertThat(old.rotatedTo()).isEqualTo(successor.identifier());
      assertThat(old.rotationExpiresAt()).isEqualTo(START.plus(OVERLAP));
      assertThat(old.expiresAt()).isEqualTo(START.plus(OVERLAP));
      assertThat(successor.useCount()).isEqualTo(SUCCESSOR_USES);
      assertThat(successor.scopes()).isEqualTo(old.scopes());
      assertThat(successor.workspaceIds()).containsExactly("ws-" + thread);
      assertThat(successor.rotatedTo()).isNull();
    }

    // The audit log holds exactly: one created per token, one rotated per rotated token, one used per use.
    Map<String, Map<String, Long>> expected = new TreeMap<>();
    for (ServiceToken token : all) {
      expect(expected, token.identifier(), "created", 1);
      expect(expected, token.identifier(), "used", token.useCount());
      expect(expected, token.identifier(), "rotated", token.rotatedTo() == null ? 0 : 1);
    }
    Map<String, Map<String, Long>> actual = auditCounts();
    assertThat(actual).isEqualTo(expected);
    for (ServiceToken token : all) {
      assertThat(actual.get(token.identifier()).getOrDefault("used", 0L))
          .as("used audit rows of %s", token.identifier()).isEqualTo(token.useCount());
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void revokingWhileOthersAuthenticateNeverCountsAUseAfterTheRevocation() throws Exception {
    MintedToken contested = persistence.serviceTokenService().mint("contested", Set.of(), Set.of(), null);
    LongAdder successes = new LongAdder();
    AtomicLong refusals = new AtomicLong();
    CountDownLatch someUses = new CountDownLatch(THREADS - 1);
    CountDownLatch revoked = new CountDownLatch(1);

    Together.run(THREADS, 50, thread -> {
      ServiceTokenService service = serviceOf(thread);
      if (thread == 0) {
        check(someUses.await(30, TimeUnit.SECONDS), "the other threads never authenticated");
        service.revoke("contested", "race");
        revoked.countDown();
        return;
      }
      boolean refused = false;
      for (int n = 0; n < 40; n++) {
        boolean startedAfterRevocation = revoked.getCount() == 0;
        try {
          service.authenticate(contested.secret());
          successes.increment();
          check(!startedAfterRevocation, "a use that started after the revocation committed was counted");
          check(!refused, "the token was accepted again after it had been refused");
        } catch (TokenAuthenticationException e) {
          check(e.reason() == Reason.REVOKED, "unexpected refusal " + e.reason());
          refusals.incrementAndGet();
          refused = true;
        }
        if (n == 0) {
          someUses.countDown();
        }
      }
    });

    // After the revocation committed, the secret is refused for everyone.
    assertThatThrownBy(() -> secondProcess.serviceTokenService().authenticate(contested.secret()))
        .isInstanceOfSatisfying(TokenAuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REVOKED));

    ServiceToken read = persistence.serviceTokens().findById("contested").orElseThrow();
    assertThat(read.useCount()).isEqualTo(successes.sum());
    assertThat(successes.sum() + refusals.get()).isEqualTo((THREADS - 1) * 40L);
    assertThat(auditCounts()).isEqualTo(Map.of("contested",
        successes.sum() == 0
            ? Map.of("created", 1L, "revoked", 1L)
            : Map.of("created", 1L, "revoked", 1L, "used", successes.sum())));
  }
}
