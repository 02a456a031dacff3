package io.orcheo.persistence.it.migration;

import static io.orcheo.persistence.jooq.generated.Tables.CHAT_MESSAGES;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.migration.Preflight;
import io.orcheo.persistence.migration.PreflightException;
import io.orcheo.persistence.migration.SqliteToPostgresCopy;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Before the first write, {@code copy} checks the SQLite files for what PostgreSQL refuses; with any problem it
 * writes nothing and names each one by table, row and column.
 */
class PostgresPreflightTest extends BackendContract {
  private Path files;
  private PersistenceSettings sqliteSettings;

  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }

  @BeforeEach
  void writeTheSqliteDeployment() throws SQLException, IOException {
    files = UpstreamDeployment.writeTo(tempDir.resolve("sqlite"));
    sqliteSettings = TestBackend.SQLITE.settings(files);
    OrcheoPersistence.open(sqliteSettings, clock).close();
  }

  @Test
  void cleanFilesPassThePreflight() {
    assertThat(Preflight.check(sqliteSettings, io.orcheo.persistence.migration.MigrationTables.UPSTREAM)).isEmpty();
  }

  @Test
  void anOrphanMessageAnInvalidDocumentANulAndABadTimestampAreEachNamedAndNothingIsWritten() throws SQLException {
    sql("chatkit.sqlite", "INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at)"
        + " VALUES ('msg_orphan', 'thr_gone', 0, 'user_message', '{}', '2025-01-01T00:00:00+00:00')");
    sql("chatkit.sqlite", "UPDATE chat_threads SET metadata_json = '{broken' WHERE id = (SELECT min(id) FROM"
        + " chat_threads)");
    sql("workflows.sqlite", "UPDATE workflows SET updated_at = 'yesterday' WHERE id = (SELECT min(id) FROM"
        + " workflows)");
    sql("workflows.sqlite", "UPDATE workflow_runs SET triggered_by = 'a' || char(0) || 'b' WHERE id = (SELECT"
        + " min(id) FROM workflow_runs)");

    assertThatThrownBy(() -> SqliteToPostgresCopy.of(sqliteSettings, persistence, tempDir.resolve("state.json"),
        true).run(SqliteToPostgresCopy.Listener.NONE))
        .isInstanceOfSatisfying(PreflightException.class, e -> assertThat(e.problems())
            .extracting(Preflight.Problem::table, Preflight.Problem::column)
            .contains(org.assertj.core.groups.Tuple.tuple("chat_messages", "thread_id"),
                org.assertj.core.groups.Tuple.tuple("chat_threads", "metadata_json"),
                org.assertj.core.groups.Tuple.tuple("workflows", "updated_at"),
                org.assertj.core.groups.Tuple.tuple("workflow_runs", "triggered_by")))
        .hasMessageContaining("msg_orphan").hasMessageContaining("nothing was written");
    assertThat(count(Store.REPOSITORY, WORKFLOWS)).isZero();
    assertThat(count(Store.CHATKIT, CHAT_MESSAGES)).isZero();
    assertThat(tempDir.resolve("state.json")).doesNotExist();
  }

  private int count(Store store, org.jooq.Table<?> table) {
    return persistence.database(store).transactor().read("count", dsl -> dsl.fetchCount(table));
  }

  private void sql(String file, String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + files.resolve(file));
        Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }
}
