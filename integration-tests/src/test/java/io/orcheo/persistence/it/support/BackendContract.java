package io.orcheo.persistence.it.support;

import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of every contract test: a contract is written once as an abstract class extending this one, and run per
 * backend by a {@code Sqlite…Test} and a {@code Postgres…Test} subclass that only name their backend. Each test
 * gets its own database and a {@link MutableClock} starting at {@link #START}.
 */
public abstract class BackendContract {
  /** Where every test's clock starts: a time with a non-zero microsecond fraction. */
  public static final Instant START = Instant.parse("2025-01-02T03:04:05.123456Z");

  @TempDir protected Path tempDir;
  protected final MutableClock clock = new MutableClock(START);
  protected OrcheoPersistence persistence;

  /** The backend this subclass runs the contract on. */
  protected abstract TestBackend backend();

  @BeforeEach
  void openPersistence() {
    persistence = OrcheoPersistence.open(backend().settings(tempDir), clock);
  }

  @AfterEach
  void closePersistence() {
    if (persistence != null) {
      persistence.close();
      if (backend() == TestBackend.POSTGRES) {
        persistence.settings().postgresDsn().ifPresent(PostgresServer.get()::drop);
      }
    }
  }
}
