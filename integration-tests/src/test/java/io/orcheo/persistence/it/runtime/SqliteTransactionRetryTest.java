package io.orcheo.persistence.it.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.error.StorageUnavailableException;
import io.orcheo.persistence.core.tokens.ServiceTokenRepository;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLITE_BUSY never reaches a caller while the lock is released within the bounded retry: another process (a plain
 * connection here, as upstream's Python app would be) holds the write lock longer than {@code busy_timeout}.
 */
class SqliteTransactionRetryTest {
  @TempDir Path directory;
  private OrcheoPersistence persistence;
  private ServiceTokenRepository tokens;
  private Connection otherProcess;

  @BeforeEach
  void openWithAShortBusyTimeout() throws SQLException {
    persistence = OrcheoPersistence.open(PersistenceSettings.fromMap(Map.of(
        PersistenceSettings.SQLITE_BUSY_TIMEOUT_KEY, "0.05")).withSqliteDirectory(directory));
    tokens = persistence.serviceTokens();
    otherProcess = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("service_tokens.sqlite"));
  }

  @AfterEach
  void close() throws SQLException {
    otherProcess.close();
    persistence.close();
  }

  /** Takes the write lock as another process would: a write in an open transaction. */
  private void holdWriteLock() throws SQLException {
    otherProcess.setAutoCommit(false);
    try (Statement statement = otherProcess.createStatement()) {
      statement.executeUpdate("INSERT INTO service_token_audit_log (token_id, action, timestamp)"
          + " VALUES ('other', 'lock', '2025-01-01T00:00:00+00:00')");
    }
  }

  @Test
  void writeWaitsOutALockHeldLongerThanTheBusyTimeout() throws Exception {
    holdWriteLock();
    AtomicBoolean released = new AtomicBoolean();
    Thread releaser = new Thread(() -> {
      try {
        Thread.sleep(300);
        released.set(true);
        otherProcess.rollback();
      } catch (InterruptedException | SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    releaser.start();

    tokens.recordUsage("t", "10.0.0.1", null);

    assertThat(released).as("the write completed only after the other process let go").isTrue();
    assertThat(tokens.auditLog("t", 10)).hasSize(1);
    releaser.join();
  }

  @Test
  void lockThatIsNeverReleasedEndsInStorageUnavailableAndWritesNothing() throws SQLException {
    holdWriteLock();

    assertThatThrownBy(() -> tokens.recordUsage("t", null, null))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("stayed busy");

    otherProcess.rollback();
    assertThat(tokens.auditLog("t", 10)).isEmpty();
  }
}
