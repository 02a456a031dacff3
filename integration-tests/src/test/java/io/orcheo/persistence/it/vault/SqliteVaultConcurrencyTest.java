package io.orcheo.persistence.it.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.it.support.Together;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link VaultConcurrencyContract} on a SQLite file, plus the race only the file vault has: two processes opening a
 * fresh vault without a configured key must end up with one {@code vault.key}, so each reads what the other wrote.
 */
class SqliteVaultConcurrencyTest extends VaultConcurrencyContract {
  private static final int FRESH_ROUNDS = 10;

  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void twoProcessesOpeningAFreshVaultAgreeOnItsGeneratedKey() throws Exception {
    for (int round = 0; round < FRESH_ROUNDS; round++) {
      PersistenceSettings fresh = backend().settings(tempDir.resolve("fresh-" + round));
      try (OrcheoPersistence first = OrcheoPersistence.open(fresh, clock);
          OrcheoPersistence second = OrcheoPersistence.open(fresh, clock)) {
        OrcheoPersistence[] processes = {first, second};
        AtomicReferenceArray<Credential> created = new AtomicReferenceArray<>(2);

        Together.run(2, 60, writer -> created.set(writer, processes[writer].vault()
            .createCredential(NewCredential.secret("Writer " + writer, PROVIDER, "sk_writer_" + writer, ACTOR))));

        for (int writer = 0; writer < 2; writer++) {
          OrcheoPersistence reader = processes[1 - writer];
          assertThat(reader.vault().revealSecret(created.get(writer).id(), none()).reveal())
              .as("round %d: writer %d's secret read by the other process", round, writer)
              .isEqualTo("sk_writer_" + writer);
        }
      }
    }
  }
}
