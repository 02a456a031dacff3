package io.orcheo.persistence.benchmarks;

import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.TokenSecrets;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The token benchmark's trial: a {@link TrialDatabase} seeded with {@value #PREPOPULATED} tokens. Closing stops and
 * deletes everything.
 */
final class Fixture implements AutoCloseable {
  /** Rows in the table before measuring; lookups hit a random one of them. */
  static final int PREPOPULATED = 10_000;

  private static final Set<String> SCOPES = Set.of("workflows:read", "workflows:write", "runs:read");
  private static final Set<String> WORKSPACES = Set.of("ws-alpha", "ws-beta");

  private final TrialDatabase database;
  final OrcheoPersistence persistence;
  /** The pool the repositories use: {@code persistence.database(Store.SERVICE_TOKENS).dataSource()}. */
  final DataSource dataSource;
  final JdbcServiceTokens jdbc;
  final String[] hashes = new String[PREPOPULATED];
  private final AtomicLong counter = new AtomicLong();

  Fixture(String backend) throws IOException {
    database = new TrialDatabase(backend);
    persistence = database.persistence;
    dataSource = persistence.database(Store.SERVICE_TOKENS).dataSource();
    jdbc = new JdbcServiceTokens(dataSource, database.postgres, Clock.systemUTC());

    List<ServiceToken> seed = new ArrayList<>(PREPOPULATED);
    for (int i = 0; i < PREPOPULATED; i++) {
      hashes[i] = TokenSecrets.hash(TokenSecrets.generate());
      seed.add(token("seed-" + i, hashes[i]));
    }
    // Seeded with one JDBC batch, not through either benchmarked path: 10 000 calls of one side in the setup would
    // JIT-compile that side before its competitor and bias the comparison.
    try {
      jdbc.insertBatch(seed);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot seed " + PREPOPULATED + " tokens", e);
    }
    // Both sides must read identical rows; check a few once.
    for (int i = 0; i < 10; i++) {
      Optional<ServiceToken> viaJooq = persistence.serviceTokens().findByHash(hashes[i]);
      Optional<ServiceToken> viaJdbc;
      try {
        viaJdbc = jdbc.findByHash(hashes[i]);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      if (viaJooq.isEmpty() || !viaJooq.equals(viaJdbc)) {
        throw new IllegalStateException("jOOQ and JDBC disagree on " + hashes[i] + ": " + viaJooq + " vs " + viaJdbc);
      }
    }
  }

  static ServiceToken token(String identifier, String hash) {
    Instant now = Instant.now();
    return ServiceToken.issued(identifier, hash, SCOPES, WORKSPACES, now, now.plus(Duration.ofDays(30)));
  }

  /** A random existing hash. */
  String randomHash() {
    return hashes[ThreadLocalRandom.current().nextInt(hashes.length)];
  }

  /** A token with a new identifier; its hash is reused from the seed (secret_hash is not unique, as upstream). */
  ServiceToken newToken(String prefix) {
    long n = counter.incrementAndGet();
    return token(prefix + "-" + n, hashes[(int) (n % hashes.length)]);
  }

  @Override
  public void close() throws IOException {
    database.close();
  }
}
