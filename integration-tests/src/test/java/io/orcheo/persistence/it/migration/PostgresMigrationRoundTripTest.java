package io.orcheo.persistence.it.migration;

import static io.orcheo.persistence.jooq.generated.Tables.CHAT_MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.migration.ContentComparison;
import io.orcheo.persistence.migration.MigrationTable;
import io.orcheo.persistence.migration.MigrationTables;
import io.orcheo.persistence.migration.UpstreamExport;
import io.orcheo.persistence.migration.UpstreamImport;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A SQLite deployment (upstream's files, adopted by our changelogs, plus a vault credential) exported and imported
 * into PostgreSQL has the same content in every column upstream's format carries, compared row by row in canonical
 * form; a value altered in transit is caught and named by its table and key.
 */
class PostgresMigrationRoundTripTest extends BackendContract {
  private OrcheoPersistence sqlite;

  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }

  @BeforeEach
  void openTheSqliteDeployment() throws SQLException, IOException {
    Path files = UpstreamDeployment.writeTo(tempDir.resolve("sqlite"));
    PersistenceSettings settings = TestBackend.SQLITE.settings(files);
    sqlite = OrcheoPersistence.open(settings, clock);
    sqlite.vault().createCredential(NewCredential.secret("Stripe", "stripe", "sk_live", "alice"));
    UpstreamExport.of(settings, false).writeTo(tempDir.resolve("export"));
  }

  @AfterEach
  void closeTheSqliteDeployment() {
    sqlite.close();
  }

  @Test
  void everyTableHasTheSameContentAfterTheMove() {
    UpstreamImport.into(persistence).run(tempDir.resolve("export"));

    List<ContentComparison.Result> results = new ArrayList<>();
    for (MigrationTable table : UpstreamDeployment.allTables()) {
      results.add(ContentComparison.compareExported(sqlite, persistence, table));
    }

    assertThat(results).allSatisfy(result -> assertThat(result.matches()).as("%s", result).isTrue());
    assertThat(results).filteredOn(result -> result.table().equals("chat_messages"))
        .singleElement().extracting(ContentComparison.Result::sourceRows).isEqualTo(2500L);
    assertThat(results).filteredOn(result -> result.table().equals("credentials"))
        .singleElement().extracting(ContentComparison.Result::targetRows).isEqualTo(1L);
  }

  @Test
  void workflowsHandlesAndArchivedFlagsAreSetFromTheirPayloads() {
    UpstreamImport.into(persistence).run(tempDir.resolve("export"));

    ContentComparison.Result workflows = ContentComparison.compare(sqlite, persistence,
        MigrationTables.byName("workflows").orElseThrow());

    assertThat(workflows.matches()).as("%s", workflows).isTrue();
  }

  @Test
  void aValueAlteredInTransitIsNamedByItsTableAndKey() {
    UpstreamImport.into(persistence).run(tempDir.resolve("export"));
    String altered = persistence.database(Store.CHATKIT).transactor().inTransaction("alter one message", dsl -> {
      String id = dsl.select(CHAT_MESSAGES.ID).from(CHAT_MESSAGES).orderBy(CHAT_MESSAGES.ID).limit(1, 1)
          .fetchOne(CHAT_MESSAGES.ID);
      dsl.update(CHAT_MESSAGES).set(CHAT_MESSAGES.ITEM_JSON, JsonNodeFactory.instance.objectNode().put("x", 1))
          .where(CHAT_MESSAGES.ID.eq(id)).execute();
      return id;
    });

    ContentComparison.Result result = ContentComparison.compareExported(sqlite, persistence,
        MigrationTables.byName("chat_messages").orElseThrow());

    assertThat(result.matches()).isFalse();
    assertThat(result.sourceRows()).isEqualTo(result.targetRows());
    assertThat(result.firstDifference()).hasValueSatisfying(key -> assertThat(key).contains(altered));
  }

}
