package io.orcheo.persistence.it.migration;

import static io.orcheo.persistence.jooq.generated.Tables.CHAT_MESSAGES;
import static io.orcheo.persistence.jooq.generated.Tables.CHAT_THREADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.migration.ContentComparison;
import io.orcheo.persistence.migration.DatabaseSync;
import io.orcheo.persistence.migration.MigrationException;
import io.orcheo.persistence.migration.MigrationTable;
import io.orcheo.persistence.migration.SqliteToPostgresCopy;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sync} after a {@code copy}: what the application wrote to the SQLite files meanwhile (new rows, changed
 * rows, deleted rows) reaches PostgreSQL, and only that is written; both directions.
 */
class PostgresSyncTest extends BackendContract {
  private OrcheoPersistence sqlite;

  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }

  @BeforeEach
  void copyTheSqliteDeploymentToPostgres() throws SQLException, IOException {
    Path files = UpstreamDeployment.writeTo(tempDir.resolve("sqlite"));
    PersistenceSettings settings = TestBackend.SQLITE.settings(files).withVaultEncryptionKey(TestBackend.VAULT_KEY);
    sqlite = OrcheoPersistence.open(settings, clock);
    SqliteToPostgresCopy.of(settings, persistence, tempDir.resolve("copy.json"), false)
        .run(SqliteToPostgresCopy.Listener.NONE);
  }

  @AfterEach
  void closeTheSqliteDeployment() {
    sqlite.close();
  }

  @Test
  void rowsAddedChangedAndDeletedAfterTheCopyReachPostgres() {
    sqlite.vault().createCredential(NewCredential.secret("Late", "stripe", "sk_late", "alice"));
    String renamed = sqlite.database(Store.CHATKIT).transactor().inTransaction("change the files", dsl -> {
      String thread = dsl.select(CHAT_THREADS.ID).from(CHAT_THREADS).orderBy(CHAT_THREADS.ID).limit(1)
          .fetchOne(CHAT_THREADS.ID);
      dsl.update(CHAT_THREADS).set(CHAT_THREADS.TITLE, "Renamed").where(CHAT_THREADS.ID.eq(thread)).execute();
      dsl.deleteFrom(CHAT_MESSAGES).where(CHAT_MESSAGES.ID.in(dsl.select(CHAT_MESSAGES.ID).from(CHAT_MESSAGES)
          .orderBy(CHAT_MESSAGES.ID).limit(3))).execute();
      return thread;
    });

    Map<String, DatabaseSync.Changes> changes =
        DatabaseSync.between(sqlite, persistence, UpstreamDeployment.allTables()).run().tables();

    assertThat(written(changes.get("credentials"))).containsExactly(1L, 0L, 0L);
    assertThat(written(changes.get("chat_threads"))).containsExactly(0L, 1L, 0L);
    assertThat(written(changes.get("chat_messages"))).containsExactly(0L, 0L, 3L);
    assertThat(written(changes.get("workflows"))).containsExactly(0L, 0L, 0L);
    assertThat(renamed).isNotNull();
    assertIdentical(sqlite, persistence);
  }

  @Test
  void aTableDifferingInMoreRowsThanTheLimitStopsTheSyncBeforeAnyWrite() {
    persistence.database(Store.CHATKIT).transactor().inTransaction("empty the chat tables in PostgreSQL", dsl -> {
      dsl.deleteFrom(CHAT_MESSAGES).execute();
      return dsl.update(CHAT_THREADS).set(CHAT_THREADS.TITLE, "changed in PostgreSQL").execute();
    });

    assertThatThrownBy(() -> DatabaseSync.between(sqlite, persistence, UpstreamDeployment.allTables())
        .withPendingLimit(1000).run())
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("chat_messages differs from the target in more than 1000 rows")
        .hasMessageContaining("nothing was written");

    int messages = persistence.database(Store.CHATKIT).transactor().read("count", dsl -> dsl.fetchCount(CHAT_MESSAGES));
    int changedThreads = persistence.database(Store.CHATKIT).transactor().read("count", dsl ->
        dsl.fetchCount(CHAT_THREADS, CHAT_THREADS.TITLE.eq("changed in PostgreSQL")));
    assertThat(messages).isZero();
    assertThat(changedThreads).isPositive();
  }

  @Test
  void syncingBackFromPostgresMakesTheFilesEqualToIt() {
    persistence.database(Store.CHATKIT).transactor().inTransaction("write after the cutover", dsl -> dsl
        .deleteFrom(CHAT_THREADS).where(CHAT_THREADS.ID.eq(dsl.select(CHAT_THREADS.ID).from(CHAT_THREADS)
            .orderBy(CHAT_THREADS.ID.desc()).limit(1))).execute());

    DatabaseSync.between(persistence, sqlite, UpstreamDeployment.allTables()).run();

    assertIdentical(persistence, sqlite);
  }

  private static List<Long> written(DatabaseSync.Changes changes) {
    return List.of(changes.inserted(), changes.updated(), changes.deleted());
  }

  private static void assertIdentical(OrcheoPersistence left, OrcheoPersistence right) {
    for (MigrationTable table : UpstreamDeployment.allTables()) {
      ContentComparison.Result result = ContentComparison.compare(left, right, table);
      assertThat(result.matches()).as("%s", result).isTrue();
    }
  }

}
