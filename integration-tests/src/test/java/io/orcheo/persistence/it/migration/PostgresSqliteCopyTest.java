package io.orcheo.persistence.it.migration;

import static io.orcheo.persistence.jooq.generated.Tables.CHAT_MESSAGES;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOW_RUNS;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOW_RUN_RETRIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.migration.ContentComparison;
import io.orcheo.persistence.migration.MigrationException;
import io.orcheo.persistence.migration.MigrationTable;
import io.orcheo.persistence.migration.MigrationTables;
import io.orcheo.persistence.migration.SqliteToPostgresCopy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jooq.ForeignKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code migrate copy}: every table of a SQLite deployment (upstream's files adopted, plus a vault credential)
 * arrives in PostgreSQL with the same content, also when the copy is killed ({@code SIGKILL}) again and again and
 * resumed each time.
 */
class PostgresSqliteCopyTest extends BackendContract {
  private Path files;
  private PersistenceSettings sqliteSettings;
  private OrcheoPersistence sqlite;

  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }

  @BeforeEach
  void openTheSqliteDeployment() throws SQLException, IOException {
    files = UpstreamDeployment.writeTo(tempDir.resolve("sqlite"));
    sqliteSettings = TestBackend.SQLITE.settings(files);
    sqlite = OrcheoPersistence.open(sqliteSettings, clock);
    sqlite.vault().createCredential(NewCredential.secret("Stripe", "stripe", "sk_live", "alice"));
  }

  @AfterEach
  void closeTheSqliteDeployment() {
    sqlite.close();
  }

  @Test
  void everyTableArrivesWithTheSameContent() {
    SqliteToPostgresCopy.Report report = SqliteToPostgresCopy.of(sqliteSettings, persistence,
        tempDir.resolve("copy-state.json"), false).withBatchSize(700).run(SqliteToPostgresCopy.Listener.NONE);

    assertThat(report.rows()).containsEntry("chat_messages", 2500L).containsEntry("credentials", 1L);
    assertAllTablesMatch();
  }

  @Test
  void charactersBeyondTheBasicPlaneArriveIntactWhereverTheCopyDataIsCut() throws SQLException {
    // Each row is its own batch, so its COPY data starts at char 0; pgjdbc used to encode a Reader 65,536 chars at a
    // time, and with emoji on every even (then, after "x", every odd) char one of the two rows has a pair cut there.
    Path emoji = tempDir.resolve("emoji");
    PersistenceSettings settings = TestBackend.SQLITE.settings(emoji);
    OrcheoPersistence.open(settings, clock).close();
    String text = "\uD83D\uDE80".repeat(40_000);
    try (Connection chatkit = DriverManager.getConnection("jdbc:sqlite:" + emoji.resolve("chatkit.sqlite"));
        PreparedStatement thread = chatkit.prepareStatement("INSERT INTO chat_threads (id, title, status_json,"
            + " metadata_json, created_at, updated_at) VALUES ('thr_emoji', 'Rockets', '{\"type\":\"active\"}', '{}',"
            + " '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')");
        PreparedStatement item = chatkit.prepareStatement("INSERT INTO chat_messages (id, thread_id, ordinal,"
            + " item_type, item_json, created_at) VALUES (?, 'thr_emoji', ?, 'user_message', ?,"
            + " '2026-01-01T00:00:01+00:00')")) {
      thread.executeUpdate();
      for (int i = 0; i < 2; i++) {
        item.setString(1, "msg_emoji_" + i);
        item.setInt(2, i);
        item.setString(3, "{\"id\":\"msg_emoji_" + i + "\",\"type\":\"user_message\",\"content\":[{\"type\":"
            + "\"input_text\",\"text\":\"" + (i == 0 ? "" : "x") + text + "\"}]}");
        item.executeUpdate();
      }
    }

    SqliteToPostgresCopy.of(settings, persistence, tempDir.resolve("emoji-state.json"), true).withBatchSize(1)
        .run(SqliteToPostgresCopy.Listener.NONE);

    try (OrcheoPersistence files = OrcheoPersistence.open(settings, clock)) {
      ContentComparison.Result result = ContentComparison.compare(files, persistence,
          MigrationTables.byName("chat_messages").orElseThrow());
      assertThat(result.matches()).as("%s", result).isTrue();
    }
  }

  @Test
  void ourRetryCountsArriveThoughUpstreamsExportFormatCannotCarryThem() {
    String run = sqlite.database(Store.REPOSITORY).transactor().inTransaction("a run with scheduled retries", dsl -> {
      String id = dsl.select(WORKFLOW_RUNS.ID).from(WORKFLOW_RUNS).orderBy(WORKFLOW_RUNS.ID).limit(1)
          .fetchOne(WORKFLOW_RUNS.ID);
      dsl.insertInto(WORKFLOW_RUN_RETRIES).set(WORKFLOW_RUN_RETRIES.RUN_ID, id)
          .set(WORKFLOW_RUN_RETRIES.POLICY, JsonNodeFactory.instance.objectNode().put("max_attempts", 3))
          .set(WORKFLOW_RUN_RETRIES.RETRIES_SCHEDULED, 2)
          .set(WORKFLOW_RUN_RETRIES.UPDATED_AT, clock.instant())
          .execute();
      return id;
    });

    SqliteToPostgresCopy.of(sqliteSettings, persistence, tempDir.resolve("copy-state.json"), false)
        .run(SqliteToPostgresCopy.Listener.NONE);

    Integer scheduled = persistence.database(Store.REPOSITORY).transactor().read("retries", dsl -> dsl
        .select(WORKFLOW_RUN_RETRIES.RETRIES_SCHEDULED).from(WORKFLOW_RUN_RETRIES)
        .where(WORKFLOW_RUN_RETRIES.RUN_ID.eq(run)).fetchOne(WORKFLOW_RUN_RETRIES.RETRIES_SCHEDULED));
    assertThat(scheduled).isEqualTo(2);
    assertAllTablesMatch();
  }

  @Test
  void aFinishedCopyRunAgainCopiesNothing() {
    Path state = tempDir.resolve("copy-state.json");
    SqliteToPostgresCopy.of(sqliteSettings, persistence, state, false).run(SqliteToPostgresCopy.Listener.NONE);

    SqliteToPostgresCopy.Report again = SqliteToPostgresCopy.of(sqliteSettings, persistence, state, false)
        .run(SqliteToPostgresCopy.Listener.NONE);

    assertThat(again.rows().values()).allMatch(rows -> rows == 0);
    assertAllTablesMatch();
  }

  @Test
  void aCopyKilledFiveTimesAndResumedEndsCompleteAndValidated() throws Exception {
    Path state = tempDir.resolve("copy-state.json");
    String dsn = persistence.settings().postgresDsn().orElseThrow().toString();
    Random random = new Random(20261127L);
    int kills = 0;
    for (int attempt = 0; attempt < 12 && kills < 5; attempt++) {
      Process copy = start(dsn, state);
      int batchesBeforeKill = 1 + random.nextInt(6);
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(copy.getInputStream(), StandardCharsets.UTF_8))) {
        int seen = 0;
        String line;
        while ((line = lines.readLine()) != null && !line.equals("finished")) {
          if (line.startsWith("committed ") && ++seen == batchesBeforeKill) {
            copy.destroyForcibly();
            kills++;
            break;
          }
        }
      }
      copy.waitFor(60, TimeUnit.SECONDS);
    }
    assertThat(kills).as("kills that landed mid-copy").isGreaterThanOrEqualTo(5);

    Process last = start(dsn, state);
    String output = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(last.exitValue()).as(output).isZero();
    assertThat(output).contains("finished");
    assertAllTablesMatch();
  }

  @Test
  void comparingAllTablesAtOnceNamesOnlyTheTableThatDiffers() {
    SqliteToPostgresCopy.of(sqliteSettings, persistence, tempDir.resolve("copy-state.json"), false)
        .run(SqliteToPostgresCopy.Listener.NONE);
    String altered = persistence.database(Store.CHATKIT).transactor().inTransaction("alter one message", dsl -> {
      String id = dsl.select(CHAT_MESSAGES.ID).from(CHAT_MESSAGES).orderBy(CHAT_MESSAGES.ID).offset(7).limit(1)
          .fetchOne(CHAT_MESSAGES.ID);
      dsl.update(CHAT_MESSAGES).set(CHAT_MESSAGES.ITEM_TYPE, "altered").where(CHAT_MESSAGES.ID.eq(id)).execute();
      return id;
    });

    List<ContentComparison.Result> results =
        ContentComparison.compareAll(sqlite, persistence, UpstreamDeployment.allTables(), 3);

    assertThat(results).extracting(ContentComparison.Result::table)
        .containsExactlyElementsOf(UpstreamDeployment.allTables().stream().map(MigrationTable::name).toList());
    assertThat(results).filteredOn(result -> !result.matches()).singleElement().satisfies(result -> {
      assertThat(result.table()).isEqualTo("chat_messages");
      assertThat(result.firstDifference()).hasValueSatisfying(key -> assertThat(key).contains(altered));
    });
  }

  @Test
  void comparingReadsTheFilesWhileAWriterHoldsTheirWriteLock() throws SQLException {
    SqliteToPostgresCopy.of(sqliteSettings, persistence, tempDir.resolve("copy-state.json"), false)
        .run(SqliteToPostgresCopy.Listener.NONE);

    try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + Store.CHATKIT.sqlitePath(sqliteSettings));
        Statement statement = writer.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      try {
        assertThat(ContentComparison.compareAll(sqlite, persistence, UpstreamDeployment.allTables(), 2))
            .allSatisfy(result -> assertThat(result.matches()).as("%s", result).isTrue());
      } finally {
        statement.execute("ROLLBACK");
      }
    }
  }

  @Test
  void aTableStartsOnlyOnceEveryTableItReferencesIsComplete() {
    List<String> commits = Collections.synchronizedList(new ArrayList<>());

    SqliteToPostgresCopy.of(sqliteSettings, persistence, tempDir.resolve("copy-state.json"), false)
        .withBatchSize(150).withParallelism(4).run((table, rows, bytes) -> commits.add(table));

    for (MigrationTable child : UpstreamDeployment.allTables()) {
      for (ForeignKey<?, ?> reference : child.table().getReferences()) {
        String parent = reference.getKey().getTable().getName();
        if (!parent.equals(child.name()) && commits.contains(child.name()) && commits.contains(parent)) {
          assertThat(commits.indexOf(child.name())).as("%s's first batch after %s's last", child.name(), parent)
              .isGreaterThan(commits.lastIndexOf(parent));
        }
      }
    }
    assertAllTablesMatch();
  }

  @Test
  void aBatchOfLargeDocumentsEndsAtTheByteLimitInsteadOfTheRowCount() {
    String large = "x".repeat(6 * 1024 * 1024);
    sqlite.database(Store.CHATKIT).transactor().inTransaction("enlarge the first messages", dsl ->
        dsl.update(CHAT_MESSAGES).set(CHAT_MESSAGES.ITEM_JSON, JsonNodeFactory.instance.objectNode().put("text", large))
            .where(CHAT_MESSAGES.ID.in(dsl.select(CHAT_MESSAGES.ID).from(CHAT_MESSAGES).orderBy(CHAT_MESSAGES.ID)
                .limit(4).fetch(CHAT_MESSAGES.ID)))
            .execute());
    List<Long> batches = Collections.synchronizedList(new ArrayList<>());

    SqliteToPostgresCopy.of(sqliteSettings, persistence, tempDir.resolve("copy-state.json"), false)
        .run((table, rows, bytes) -> {
          if (table.equals("chat_messages")) {
            batches.add(rows);
          }
        });

    assertThat(batches).containsExactly(3L, 2497L);
    assertAllTablesMatch();
  }

  @Test
  void aTableThatFailsStopsTheCopyAndARunAgainFinishesIt() {
    Path state = tempDir.resolve("copy-state.json");
    persistence.database(Store.CHATKIT).transactor().inTransaction("refuse chat messages for now", dsl ->
        dsl.execute("ALTER TABLE chat_messages ADD CONSTRAINT refuse_all CHECK (ordinal < 0) NOT VALID"));

    assertThatThrownBy(() -> SqliteToPostgresCopy.of(sqliteSettings, persistence, state, false)
        .withBatchSize(200).run(SqliteToPostgresCopy.Listener.NONE))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("chat_messages")
        .hasMessageContaining("refuse_all");

    persistence.database(Store.CHATKIT).transactor().inTransaction("accept chat messages again", dsl ->
        dsl.execute("ALTER TABLE chat_messages DROP CONSTRAINT refuse_all"));
    SqliteToPostgresCopy.of(sqliteSettings, persistence, state, false).withBatchSize(200)
        .run(SqliteToPostgresCopy.Listener.NONE);
    assertAllTablesMatch();
  }

  private Process start(String dsn, Path state) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CopyMain.class.getName(), files.toString(), dsn,
        state.toString(), "200"));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private void assertAllTablesMatch() {
    assertThat(ContentComparison.compareAll(sqlite, persistence, UpstreamDeployment.allTables(), 2))
        .allSatisfy(result -> assertThat(result.matches()).as("%s", result).isTrue());
  }
}
