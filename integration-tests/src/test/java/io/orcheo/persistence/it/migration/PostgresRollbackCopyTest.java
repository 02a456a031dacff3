package io.orcheo.persistence.it.migration;

import static io.orcheo.persistence.jooq.generated.Tables.CHAT_THREADS;
import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.vault.AccessContext;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.migration.ContentComparison;
import io.orcheo.persistence.migration.DatabaseCopy;
import io.orcheo.persistence.migration.MigrationTable;
import io.orcheo.persistence.migration.SqliteToPostgresCopy;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The way back: after a move to PostgreSQL, the writes made there (new rows and changed ones) are copied back into
 * the SQLite files before the configuration is reverted, so the rollback loses nothing; and SQLite → PostgreSQL →
 * fresh SQLite ends with the content it started with.
 */
class PostgresRollbackCopyTest extends BackendContract {
  private PersistenceSettings sqliteSettings;
  private OrcheoPersistence sqlite;

  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }

  @BeforeEach
  void moveTheSqliteDeploymentToPostgres() throws SQLException, IOException {
    Path files = UpstreamDeployment.writeTo(tempDir.resolve("sqlite"));
    // Ciphertext moves as it is, so both sides open the vault with one key.
    sqliteSettings = TestBackend.SQLITE.settings(files).withVaultEncryptionKey(TestBackend.VAULT_KEY);
    sqlite = OrcheoPersistence.open(sqliteSettings, clock);
    sqlite.vault().createCredential(NewCredential.secret("Stripe", "stripe", "sk_live", "alice"));
    SqliteToPostgresCopy.of(sqliteSettings, persistence, tempDir.resolve("to-postgres.json"), false)
        .run(SqliteToPostgresCopy.Listener.NONE);
  }

  @AfterEach
  void closeTheSqliteDeployment() {
    sqlite.close();
  }

  @Test
  void writesMadeAfterTheCutoverGoBackToTheSqliteFiles() {
    Credential added = persistence.vault().createCredential(NewCredential.secret("OpenAI", "openai", "sk-o", "bob"));
    persistence.database(Store.CHATKIT).transactor().inTransaction("rename a thread", dsl -> dsl
        .update(CHAT_THREADS).set(CHAT_THREADS.TITLE, "Renamed after the cutover")
        .where(CHAT_THREADS.ID.eq(dsl.select(CHAT_THREADS.ID).from(CHAT_THREADS).orderBy(CHAT_THREADS.ID).limit(1)))
        .execute());

    DatabaseCopy.between(persistence, sqlite, UpstreamDeployment.allTables(), tempDir.resolve("back.json"))
        .run(SqliteToPostgresCopy.Listener.NONE);

    assertIdentical(persistence, sqlite);
    assertThat(sqlite.vault().revealSecret(added.id(), AccessContext.none()).reveal()).isEqualTo("sk-o");
  }

  @Test
  void sqliteToPostgresToAFreshSqliteKeepsEveryValue() {
    PersistenceSettings fresh = TestBackend.SQLITE.settings(tempDir.resolve("fresh"))
        .withVaultEncryptionKey(TestBackend.VAULT_KEY);
    try (OrcheoPersistence back = OrcheoPersistence.open(fresh, clock)) {
      DatabaseCopy.between(persistence, back, UpstreamDeployment.allTables(), tempDir.resolve("fresh.json"))
          .withBatchSize(333)
          .run(SqliteToPostgresCopy.Listener.NONE);

      assertIdentical(sqlite, back);
    }
  }

  private static void assertIdentical(OrcheoPersistence left, OrcheoPersistence right) {
    for (MigrationTable table : UpstreamDeployment.allTables()) {
      ContentComparison.Result result = ContentComparison.compare(left, right, table);
      assertThat(result.matches()).as("%s", result).isTrue();
    }
  }

}
