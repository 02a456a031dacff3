package io.orcheo.persistence.it.migration;

import static io.orcheo.persistence.jooq.generated.Tables.CHAT_MESSAGES;
import static io.orcheo.persistence.jooq.generated.Tables.CHAT_THREADS;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOW_RUNS;
import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.PostgresServer;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.migration.ContentComparison;
import io.orcheo.persistence.migration.DatabaseSync;
import io.orcheo.persistence.migration.DatabaseSync.Changes;
import io.orcheo.persistence.migration.DatabaseSync.Method;
import io.orcheo.persistence.migration.DatabaseSync.Pass;
import io.orcheo.persistence.migration.DatabaseSync.Report;
import io.orcheo.persistence.migration.MigrationTable;
import io.orcheo.persistence.migration.MigrationTables;
import io.orcheo.persistence.migration.SqliteToPostgresCopy;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sync} with a state file: the first pass walks everything and records the marks, later passes read only what
 * changed since (tables with a reliable {@code updated_at}) or write only what differs (the others), and a state
 * that does not fit the databases is not trusted. Both directions.
 */
class PostgresSyncIncrementalTest extends BackendContract {
  private OrcheoPersistence sqlite;
  private Path stateFile;

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
    stateFile = tempDir.resolve("sync-state.json");
  }

  @AfterEach
  void closeTheSqliteDeployment() {
    sqlite.close();
  }

  @Test
  void aSecondSyncReadsOnlyRowsChangedSinceTheFirst() {
    Report first = toPostgres().run();
    long runs = count(sqlite, "workflow_runs");
    Instant mark = maxRunUpdate(sqlite);
    String changed = oldestRun(sqlite);
    setRun(sqlite, changed, "cancelled", mark.plus(Duration.ofHours(1)));
    long changedSinceMark = sqlite.database(Store.REPOSITORY).transactor().read("count", dsl -> (long) dsl
        .fetchCount(WORKFLOW_RUNS, WORKFLOW_RUNS.UPDATED_AT.ge(mark.minus(DatabaseSync.DEFAULT_OVERLAP))));

    Report second = toPostgres().run();

    assertThat(first.pass()).isEqualTo(Pass.FULL);
    assertThat(first.tables().get("workflow_runs").rowsRead()).isEqualTo(2 * runs);
    assertThat(second.pass()).isEqualTo(Pass.INCREMENTAL);
    Changes runChanges = second.tables().get("workflow_runs");
    assertThat(runChanges.method()).isEqualTo(Method.SINCE_MARK);
    assertThat(runChanges.updated()).isEqualTo(1);
    // Each changed source row and its target row; the unchanged runs older than the overlap are not read.
    assertThat(changedSinceMark).isLessThan(runs);
    assertThat(runChanges.rowsRead()).isEqualTo(2 * changedSinceMark);
    assertThat(runChanges.keysRead()).isEqualTo(2 * runs);
    assertThat(runStatus(persistence, changed)).isEqualTo("cancelled");
    assertIdentical(sqlite, persistence);
  }

  @Test
  void rowsDeletedAfterTheLastSyncAreDeletedFromTheTarget() {
    toPostgres().run();
    String deleted = oldestRun(sqlite);
    sqlite.database(Store.REPOSITORY).transactor().inTransaction("delete a run",
        dsl -> dsl.deleteFrom(WORKFLOW_RUNS).where(WORKFLOW_RUNS.ID.eq(deleted)).execute());

    Changes runChanges = toPostgres().run().tables().get("workflow_runs");

    assertThat(runChanges.method()).isEqualTo(Method.SINCE_MARK);
    assertThat(runChanges.deleted()).isEqualTo(1);
    int left = persistence.database(Store.REPOSITORY).transactor().read("count",
        dsl -> dsl.fetchCount(WORKFLOW_RUNS, WORKFLOW_RUNS.ID.eq(deleted)));
    assertThat(left).isZero();
    assertIdentical(sqlite, persistence);
  }

  @Test
  void aRowUpdatedWithAnOlderTimestampWithinTheOverlapIsStillSynced() {
    toPostgres().run();
    Instant mark = maxRunUpdate(sqlite);
    String late = oldestRun(sqlite);
    // A writer that took its timestamp two minutes before the mark and committed after the sync's snapshot.
    setRun(sqlite, late, "cancelled", mark.minus(Duration.ofMinutes(2)));

    Changes runChanges = toPostgres().run().tables().get("workflow_runs");

    assertThat(runChanges.method()).isEqualTo(Method.SINCE_MARK);
    assertThat(runChanges.updated()).isEqualTo(1);
    assertThat(runStatus(persistence, late)).isEqualTo("cancelled");
    assertIdentical(sqlite, persistence);
  }

  @Test
  void aStateFromAnotherTargetIsNotTrusted() {
    toPostgres().run();
    PersistenceSettings otherSettings = TestBackend.POSTGRES.settings(tempDir.resolve("other"));
    try (OrcheoPersistence other = OrcheoPersistence.open(otherSettings, clock)) {
      Report report = DatabaseSync.between(sqlite, other, UpstreamDeployment.allTables()).withState(stateFile).run();

      assertThat(report.pass()).isEqualTo(Pass.FULL);
      assertThat(report.reason()).contains("another target");
      assertThat(report.tables().get("workflow_runs").method()).isEqualTo(Method.FULL);
      assertIdentical(sqlite, other);
    } finally {
      otherSettings.postgresDsn().ifPresent(PostgresServer.get()::drop);
    }
  }

  @Test
  void aStateFromAnotherSourceIsNotTrusted() throws SQLException, IOException {
    toPostgres().run();
    Path files = UpstreamDeployment.writeTo(tempDir.resolve("another-sqlite"));
    PersistenceSettings settings = TestBackend.SQLITE.settings(files).withVaultEncryptionKey(TestBackend.VAULT_KEY);
    try (OrcheoPersistence another = OrcheoPersistence.open(settings, clock)) {
      Report report = DatabaseSync.between(another, persistence, UpstreamDeployment.allTables())
          .withState(stateFile).run();

      assertThat(report.pass()).isEqualTo(Pass.FULL);
      assertThat(report.reason()).contains("another source");
    }
  }

  @Test
  void aRowStampedInTheFutureDoesNotCarryTheMarkPastTheSnapshot() {
    setRun(sqlite, oldestRun(sqlite), "running", Instant.parse("2100-01-01T00:00:00Z"));
    toPostgres().run();
    // Written after the first sync's snapshot, stamped by a correct clock: later than the snapshot, long before 2100.
    String run = oldestRun(sqlite);
    setRun(sqlite, run, "cancelled", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));

    Changes runChanges = toPostgres().run().tables().get("workflow_runs");

    assertThat(runChanges.method()).isEqualTo(Method.SINCE_MARK);
    assertThat(runChanges.updated()).isEqualTo(1);
    assertThat(runStatus(persistence, run)).isEqualTo("cancelled");
  }

  @Test
  void aPassWithoutTheVaultKeepsTheMarksOfTheVaultsTables() {
    toPostgres().run();

    Report withoutVault = DatabaseSync.between(sqlite, persistence, MigrationTables.UPSTREAM).withState(stateFile)
        .run();
    Report again = toPostgres().run();

    assertThat(withoutVault.pass()).isEqualTo(Pass.INCREMENTAL);
    assertThat(withoutVault.tables()).doesNotContainKey("governance_alerts");
    assertThat(again.pass()).isEqualTo(Pass.INCREMENTAL);
    assertThat(again.tables().get("governance_alerts").method()).isEqualTo(Method.SINCE_MARK);
  }

  @Test
  void aTargetWrittenSinceTheLastSyncIsWalkedInFull() {
    toPostgres().run();
    // Someone else writes the target: the source's rows did not change, so their timestamps reveal nothing.
    persistence.database(Store.CHATKIT).transactor().inTransaction("write the target", dsl -> dsl
        .update(CHAT_THREADS).set(CHAT_THREADS.TITLE, "Written in PostgreSQL")
        .set(CHAT_THREADS.UPDATED_AT, Instant.parse("2030-01-01T00:00:00Z"))
        .where(CHAT_THREADS.ID.eq("thr_1b2c3d4e")).execute());

    Report report = toPostgres().run();

    assertThat(report.pass()).isEqualTo(Pass.INCREMENTAL);
    Changes threads = report.tables().get("chat_threads");
    assertThat(threads.method()).isEqualTo(Method.FULL);
    assertThat(threads.updated()).isEqualTo(1);
    assertThat(report.tables().get("workflow_runs").method()).isEqualTo(Method.SINCE_MARK);
    assertIdentical(sqlite, persistence);
  }

  @Test
  void syncToSqliteAfterCutoverCarriesPostgresWritesBack() {
    toPostgres().run();
    toPostgres().run();
    // The cutover: the application now writes PostgreSQL.
    clock.set(Instant.parse("2026-01-01T00:00:00Z"));
    persistence.vault().createCredential(NewCredential.secret("After cutover", "stripe", "sk_after", "alice"));
    String run = oldestRun(persistence);
    setRun(persistence, run, "cancelled", Instant.parse("2026-01-01T00:00:01Z"));

    Report back = toSqlite().run();

    assertThat(back.pass()).isEqualTo(Pass.FULL);
    assertThat(back.tables().get("credentials").inserted()).isEqualTo(1);
    assertThat(back.tables().get("workflow_runs").updated()).isEqualTo(1);
    assertIdentical(persistence, sqlite);

    setRun(persistence, run, "failed", Instant.parse("2026-01-01T00:00:02Z"));
    Report again = toSqlite().run();

    assertThat(again.pass()).isEqualTo(Pass.INCREMENTAL);
    assertThat(again.tables().get("workflow_runs").method()).isEqualTo(Method.SINCE_MARK);
    assertThat(again.tables().get("workflow_runs").updated()).isEqualTo(1);
    assertThat(runStatus(sqlite, run)).isEqualTo("failed");
    assertIdentical(persistence, sqlite);
  }

  @Test
  void tablesWithoutUpdatedAtSkipUnchangedRows() {
    toPostgres().run();
    Map<String, String> before = messageVersions();
    String edited = sqlite.database(Store.CHATKIT).transactor().inTransaction("edit a message", dsl -> {
      String id = dsl.select(CHAT_MESSAGES.ID).from(CHAT_MESSAGES).orderBy(CHAT_MESSAGES.ID).limit(1)
          .fetchOne(CHAT_MESSAGES.ID);
      dsl.update(CHAT_MESSAGES).set(CHAT_MESSAGES.ITEM_TYPE, "edited").where(CHAT_MESSAGES.ID.eq(id)).execute();
      return id;
    });

    Changes messages = toPostgres().run().tables().get("chat_messages");
    Map<String, String> after = messageVersions();

    assertThat(messages.method()).isEqualTo(Method.CHECKSUM);
    assertThat(List.of(messages.inserted(), messages.updated(), messages.deleted())).containsExactly(0L, 1L, 0L);
    // PostgreSQL gives a row a new xmin whenever it is written: only the edited message was.
    Map<String, String> rewritten = new HashMap<>();
    after.forEach((id, version) -> {
      if (!version.equals(before.get(id))) {
        rewritten.put(id, version);
      }
    });
    assertThat(rewritten.keySet()).containsExactly(edited);
    assertThat(after).hasSameSizeAs(before);
  }

  private DatabaseSync toPostgres() {
    return DatabaseSync.between(sqlite, persistence, UpstreamDeployment.allTables()).withState(stateFile);
  }

  private DatabaseSync toSqlite() {
    return DatabaseSync.between(persistence, sqlite, UpstreamDeployment.allTables()).withState(stateFile);
  }

  private Map<String, String> messageVersions() {
    return persistence.database(Store.CHATKIT).transactor().read("xmin of the messages", dsl -> {
      Map<String, String> versions = new HashMap<>();
      for (Record row : dsl.fetch("select id, xmin::text from chat_messages")) {
        versions.put(row.get(0, String.class), row.get(1, String.class));
      }
      return versions;
    });
  }

  private static long count(OrcheoPersistence side, String table) {
    return side.database(Store.REPOSITORY).transactor().read("count",
        dsl -> (long) dsl.fetchCount(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(table))));
  }

  private static Instant maxRunUpdate(OrcheoPersistence side) {
    return side.database(Store.REPOSITORY).transactor().read("the latest run update",
        dsl -> dsl.select(org.jooq.impl.DSL.max(WORKFLOW_RUNS.UPDATED_AT)).from(WORKFLOW_RUNS).fetchOne().value1());
  }

  /** The run updated longest ago: older than any overlap before the mark. */
  private static String oldestRun(OrcheoPersistence side) {
    return side.database(Store.REPOSITORY).transactor().read("the oldest run", dsl -> dsl.select(WORKFLOW_RUNS.ID)
        .from(WORKFLOW_RUNS).orderBy(WORKFLOW_RUNS.UPDATED_AT, WORKFLOW_RUNS.ID).limit(1).fetchOne().value1());
  }

  private static void setRun(OrcheoPersistence side, String id, String status, Instant updatedAt) {
    side.database(Store.REPOSITORY).transactor().inTransaction("change a run", dsl -> dsl.update(WORKFLOW_RUNS)
        .set(WORKFLOW_RUNS.STATUS, status).set(WORKFLOW_RUNS.UPDATED_AT, updatedAt)
        .where(WORKFLOW_RUNS.ID.eq(id)).execute());
  }

  private static String runStatus(OrcheoPersistence side, String id) {
    return side.database(Store.REPOSITORY).transactor().read("a run's status", dsl -> dsl
        .select(WORKFLOW_RUNS.STATUS).from(WORKFLOW_RUNS).where(WORKFLOW_RUNS.ID.eq(id)).fetchOne().value1());
  }

  private static void assertIdentical(OrcheoPersistence left, OrcheoPersistence right) {
    for (MigrationTable table : UpstreamDeployment.allTables()) {
      ContentComparison.Result result = ContentComparison.compare(left, right, table);
      assertThat(result.matches()).as("%s", result).isTrue();
    }
  }
}
