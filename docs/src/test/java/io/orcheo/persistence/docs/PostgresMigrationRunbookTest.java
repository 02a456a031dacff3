package io.orcheo.persistence.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.config.Backend;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.workflows.RunStatus;
import io.orcheo.persistence.docs.RunbookApplication.Writes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/migration.md}, followed: a SQLite deployment whose application keeps writing is moved to an embedded
 * PostgreSQL by the page's commands, run in the page's order, then rolled back by them. Between the steps the test
 * does what the page says happens there: the application writes while {@code copy} and the first {@code sync} run,
 * its writers stop before the cutover, it starts on PostgreSQL after the switch and writes there, and it stops again
 * before the rollback. The whole runbook runs once; each test checks one outcome of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresMigrationRunbookTest {
  private final Runbook runbook = Runbook.read();
  private RunbookSession session;
  /** Everything the application wrote on SQLite, in order, the background writer's included. */
  private final List<Writes> writtenOnSqlite = new ArrayList<>();
  private final List<Writes> writtenWhileMigrating = Collections.synchronizedList(new ArrayList<>());
  private Writes beforeCopy;
  private Writes afterCopy;
  private Writes afterCutover;
  private String threadDeletedAfterCopy;
  private String threadDeletedOnPostgres;

  private Backend backendAfterSwitch;
  private List<String> missingOnPostgres;
  private RunStatus runChangedAfterCopyOnPostgres;
  private boolean threadDeletedAfterCopyOnPostgres;

  private Backend backendAfterRevert;
  private List<String> missingFromSqlite;
  private RunStatus runChangedOnPostgresInTheFiles;
  private boolean threadDeletedOnPostgresInTheFiles;

  @BeforeAll
  void followTheRunbook(@TempDir Path deployment) throws InterruptedException {
    session = new RunbookSession(runbook, deployment, EmbeddedPostgresServer.get().newDatabase());

    RunbookApplication app = RunbookApplication.start(sqliteDeployment(deployment));
    beforeCopy = app.write("before-copy"); // the vault's first credential writes vault.key, which step 2 reads
    threadDeletedAfterCopy = app.write("deleted-after-copy").threadId();
    threadDeletedOnPostgres = app.write("deleted-on-postgres").threadId();
    writtenOnSqlite.add(beforeCopy);

    session.run("settings");
    session.run("preflight");
    BackgroundWriter writer = new BackgroundWriter(app);
    session.run("copy");
    afterCopy = app.write("after-copy");
    writtenOnSqlite.add(afterCopy);
    app.persistence().workflows().markRunStarted(beforeCopy.runId(), "worker-1");
    app.persistence().workflows().markRunSucceeded(beforeCopy.runId(), "worker-1", null);
    app.persistence().chat().deleteThread(threadDeletedAfterCopy);
    session.run("sync-while-running");
    writtenOnSqlite.add(app.write("after-first-sync"));
    writer.stop();
    writtenOnSqlite.addAll(writtenWhileMigrating);
    app.close();

    session.run("cutover");
    session.run("switch");
    app = RunbookApplication.start(session.environment());
    backendAfterSwitch = app.backend();
    missingOnPostgres = missing(app, writtenOnSqlite);
    runChangedAfterCopyOnPostgres = app.persistence().workflows().getRun(beforeCopy.runId()).status();
    threadDeletedAfterCopyOnPostgres = !threadExists(app, threadDeletedAfterCopy);
    session.run("start-on-postgres");
    afterCutover = app.write("after-cutover");
    app.persistence().workflows().markRunStarted(afterCopy.runId(), "worker-1");
    app.persistence().workflows().markRunFailed(afterCopy.runId(), "worker-1", "failed on PostgreSQL");
    app.persistence().chat().deleteThread(threadDeletedOnPostgres);
    app.close();

    session.run("rollback");
    session.run("revert");
    app = RunbookApplication.start(session.environment());
    backendAfterRevert = app.backend();
    missingFromSqlite = missing(app, Stream.concat(writtenOnSqlite.stream(), Stream.of(afterCutover)).toList());
    runChangedOnPostgresInTheFiles = app.persistence().workflows().getRun(afterCopy.runId()).status();
    threadDeletedOnPostgresInTheFiles = !threadExists(app, threadDeletedOnPostgres);
    app.close();
  }

  /** The deployment before the migration: every store on SQLite in one directory, the vault's key in its file. */
  private static Map<String, String> sqliteDeployment(Path deployment) {
    return Map.of(
        PersistenceSettings.REPOSITORY_SQLITE_PATH_KEY, deployment.resolve("workflows.sqlite").toString(),
        PersistenceSettings.CHATKIT_SQLITE_PATH_KEY, deployment.resolve("chatkit.sqlite").toString(),
        PersistenceSettings.CHATKIT_STORAGE_PATH_KEY, deployment.resolve("chatkit").toString(),
        PersistenceSettings.VAULT_LOCAL_PATH_KEY, deployment.resolve("vault.sqlite").toString());
  }

  private static List<String> missing(RunbookApplication app, List<Writes> writes) {
    return writes.stream().flatMap(w -> app.missing(w).stream()).toList();
  }

  private static boolean threadExists(RunbookApplication app, String threadId) {
    try {
      app.persistence().chat().loadThread(threadId);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Test
  void everyStepOfTheRunbookButTheAlternativeRunsInThePagesOrder() {
    List<String> cutoverAndRollback = runbook.steps().stream().map(Runbook.Step::name)
        .filter(name -> !name.equals("export-import")).toList();

    assertThat(session.stepsRun()).isEqualTo(cutoverAndRollback);
  }

  @Test
  void everyOrcheoDbCommandOfTheStepsRanAndExitedZero() {
    List<String> commandsOfTheSteps = session.stepsRun().stream().flatMap(step -> runbook.step(step).lines().stream())
        .filter(line -> line.startsWith("./orcheo-db ")).toList();

    assertThat(session.executed()).extracting(RunbookSession.Executed::line).isEqualTo(commandsOfTheSteps);
    assertThat(session.executed()).allSatisfy(command -> assertThat(command.exitCode()).isZero());
  }

  @Test
  void thePreflightFindsNothingPostgresWouldRefuseInTheWrittenDeployment() {
    assertThat(session.executed()).filteredOn(command -> command.step().equals("preflight"))
        .singleElement().satisfies(preflight -> assertThat(preflight.out()).contains("Pre-flight passed"));
  }

  @Test
  void theSyncAtTheCutoverReadsOnlyWhatChangedSinceTheSyncBefore() {
    assertThat(session.executed())
        .filteredOn(command -> command.step().equals("cutover") && command.args().contains("sync"))
        .singleElement().satisfies(sync -> assertThat(sync.out()).contains("\"pass\":\"incremental\""));
  }

  @Test
  void validateFindsTheSidesEqualAtTheCutoverAndAfterTheRollback() {
    List<RunbookSession.Executed> validations = session.executed().stream()
        .filter(command -> command.args().size() >= 2 && command.args().subList(0, 2).equals(List.of("migrate", "validate")))
        .toList();

    assertThat(validations).extracting(RunbookSession.Executed::step).containsExactly("cutover", "rollback");
    assertThat(validations).allSatisfy(validation -> {
      assertThat(validation.out()).contains("Validation passed").doesNotContain("DIFFERS");
      assertThat(validation.err()).doesNotContain("Validation failed");
    });
  }

  @Test
  void theApplicationWroteWhileCopyAndTheFirstSyncRan() {
    assertThat(writtenWhileMigrating).isNotEmpty();
  }

  @Test
  void theApplicationRunsOnPostgresAfterTheSwitch() {
    assertThat(backendAfterSwitch).isEqualTo(Backend.POSTGRES);
  }

  @Test
  void postgresHoldsEveryRowWrittenOnSqliteBeforeTheCutoverAndDecryptsItsCredentials() {
    assertThat(writtenOnSqlite).hasSizeGreaterThan(3);
    assertThat(missingOnPostgres).isEmpty();
  }

  @Test
  void aRunFinishedAfterTheCopyIsFinishedOnPostgres() {
    assertThat(runChangedAfterCopyOnPostgres).isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void aThreadDeletedAfterTheCopyIsGoneFromPostgres() {
    assertThat(threadDeletedAfterCopyOnPostgres).isTrue();
  }

  @Test
  void theApplicationRunsOnSqliteAfterTheRevert() {
    assertThat(backendAfterRevert).isEqualTo(Backend.SQLITE);
  }

  @Test
  void theSqliteFilesHoldTheWritesMadeOnPostgresAfterTheRollback() {
    assertThat(missingFromSqlite).isEmpty();
  }

  @Test
  void aRunFailedOnPostgresIsFailedInTheFilesAfterTheRollback() {
    assertThat(runChangedOnPostgresInTheFiles).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void aThreadDeletedOnPostgresIsGoneFromTheFilesAfterTheRollback() {
    assertThat(threadDeletedOnPostgresInTheFiles).isTrue();
  }

  @Test
  void theExportImportAlternativeLoadsTheDeploymentIntoAnEmptyDatabase(@TempDir Path other) {
    RunbookSession alternative = new RunbookSession(runbook, other, EmbeddedPostgresServer.get().newDatabase());
    Writes writes;
    try (RunbookApplication app = RunbookApplication.start(sqliteDeployment(other))) {
      writes = app.write("exported");
    }

    alternative.run("settings");
    alternative.run("export-import");
    alternative.run("switch");

    assertThat(alternative.executed()).extracting(RunbookSession.Executed::out)
        .anySatisfy(out -> assertThat(out).contains("Validation passed"));
    try (RunbookApplication app = RunbookApplication.start(alternative.environment())) {
      assertThat(app.backend()).isEqualTo(Backend.POSTGRES);
      assertThat(app.missing(writes)).isEmpty();
    }
  }

  /** The application's other writers: a worker writing continuously until the writers are stopped. */
  private final class BackgroundWriter {
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopped;

    BackgroundWriter(RunbookApplication app) {
      thread = new Thread(() -> {
        try {
          for (int i = 0; !stopped; i++) {
            writtenWhileMigrating.add(app.write("live-" + i));
            Thread.sleep(20);
          }
        } catch (Throwable e) {
          failure.set(e);
        }
      }, "runbook-application-writer");
      thread.setDaemon(true); // a step that fails leaves it running; it must not keep the test JVM alive
      thread.start();
    }

    void stop() throws InterruptedException {
      stopped = true;
      thread.join();
      if (failure.get() != null) {
        throw new AssertionError("The application's writer failed", failure.get());
      }
    }
  }
}
