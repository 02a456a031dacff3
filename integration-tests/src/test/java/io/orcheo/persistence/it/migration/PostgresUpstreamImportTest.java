package io.orcheo.persistence.it.migration;

import static io.orcheo.persistence.jooq.generated.Tables.CHAT_MESSAGES;
import static io.orcheo.persistence.jooq.generated.Tables.SERVICE_TOKENS;
import static io.orcheo.persistence.jooq.generated.Tables.SERVICE_TOKEN_AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.PostgresServer;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.migration.Manifest;
import io.orcheo.persistence.migration.MigrationException;
import io.orcheo.persistence.migration.MigrationTables;
import io.orcheo.persistence.migration.UpstreamImport;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An export in upstream's format (the committed {@code upstream/migration/export}) loads into PostgreSQL, fixing
 * the hazards of upstream's importer: parents before children, re-runs that neither fail nor duplicate, JSON
 * scalars, the audit log's sequence, a stale state file.
 */
class PostgresUpstreamImportTest extends BackendContract {
  private Path export;

  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }

  @BeforeEach
  void copyTheExport() throws IOException, URISyntaxException {
    Path source = Path.of(getClass().getResource("/upstream/migration/export").toURI());
    export = tempDir.resolve("export");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = export.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
  }

  @Test
  void everyTableLoadsWithTheManifestsRowCount() {
    UpstreamImport.Report report = UpstreamImport.into(persistence).run(export);

    Manifest manifest = Manifest.read(export);
    for (Manifest.Entry entry : manifest.tables().values()) {
      var table = MigrationTables.byName(entry.name()).orElseThrow();
      assertThat(dsl(table.store()).fetchCount(table.table())).as(entry.name()).isEqualTo(entry.rowCount());
    }
    assertThat(report.tables()).startsWith("workflows", "workflow_versions");
    assertThat(report.tables().indexOf("chat_threads")).isLessThan(report.tables().indexOf("chat_messages"));
  }

  @Test
  void anImportIntoADatabaseWithoutTheSchemaCreatesTheSchemaFirst() {
    PostgresDsn empty = PostgresServer.get().newEmptyDatabase();

    try (OrcheoPersistence fresh = OrcheoPersistence.open(persistence.settings().withPostgres(empty))) {
      UpstreamImport.into(fresh).run(export);

      Manifest manifest = Manifest.read(export);
      for (Manifest.Entry entry : manifest.tables().values()) {
        var table = MigrationTables.byName(entry.name()).orElseThrow();
        int rows = fresh.database(table.store()).transactor().read("count", dsl -> dsl.fetchCount(table.table()));
        assertThat(rows).as(entry.name()).isEqualTo(entry.rowCount());
      }
    } finally {
      PostgresServer.get().drop(empty);
    }
  }

  @Test
  void importingAgainInsertsNothingAndFailsNothing() {
    UpstreamImport.into(persistence).run(export);
    long messages = dsl(Store.CHATKIT).fetchCount(CHAT_MESSAGES);

    UpstreamImport.Report again = UpstreamImport.into(persistence).withoutResume().run(export);

    assertThat(again.rowsInserted()).isZero();
    assertThat(dsl(Store.CHATKIT).fetchCount(CHAT_MESSAGES)).isEqualTo(messages);
  }

  @Test
  void aResumedImportSkipsTheBatchesItsStateLists() {
    UpstreamImport.into(persistence).run(export);

    UpstreamImport.Report resumed = UpstreamImport.into(persistence).run(export);

    assertThat(resumed.batchesLoaded()).isZero();
    assertThat(resumed.batchesSkipped()).isEqualTo(
        Manifest.read(export).tables().values().stream().mapToInt(entry -> entry.batches().size()).sum());
  }

  @Test
  void aStateFileFromAnotherExportIsNotTrusted() throws IOException {
    Files.writeString(export.resolve(UpstreamImport.STATE_FILE),
        "{\"completed_batches\": [\"chat_messages/batch_0001.jsonl\"]}");

    UpstreamImport.Report report = UpstreamImport.into(persistence).run(export);

    assertThat(report.batchesSkipped()).isZero();
    assertThat(dsl(Store.CHATKIT).fetchCount(CHAT_MESSAGES)).isEqualTo(2500);
  }

  @Test
  void anAlteredBatchIsRejectedAndNothingOfItIsWritten() throws IOException {
    Path batch = export.resolve("chat_messages/batch_0002.jsonl");
    Files.writeString(batch, Files.readString(batch).replace("a", "b"));

    assertThatThrownBy(() -> UpstreamImport.into(persistence).run(export))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("Checksum mismatch for chat_messages/batch_0002.jsonl");
    assertThat(dsl(Store.CHATKIT).fetchCount(CHAT_MESSAGES)).isEqualTo(1000);
  }

  @Test
  void aBareJsonStringIsStoredAsTheJsonStringItIs() {
    UpstreamImport.into(persistence).run(export);

    assertThat(dsl(Store.SERVICE_TOKENS).select(SERVICE_TOKENS.ALLOWED_IP_RANGES).from(SERVICE_TOKENS)
        .where(SERVICE_TOKENS.ALLOWED_IP_RANGES.isNotNull()).fetch(SERVICE_TOKENS.ALLOWED_IP_RANGES))
        .extracting(JsonNode::textValue).contains("10.0.0.0/8");
  }

  @Test
  void theAuditLogsNextIdFollowsTheLargestImported() {
    UpstreamImport.into(persistence).run(export);
    Integer largest = dsl(Store.SERVICE_TOKENS).select(org.jooq.impl.DSL.max(SERVICE_TOKEN_AUDIT_LOG.ID))
        .from(SERVICE_TOKEN_AUDIT_LOG).fetchOne().value1();

    Long next = dsl(Store.SERVICE_TOKENS).select(org.jooq.impl.DSL.function("nextval", Long.class,
        org.jooq.impl.DSL.function("pg_get_serial_sequence", String.class, org.jooq.impl.DSL.inline(
            "service_token_audit_log"), org.jooq.impl.DSL.inline("id")))).fetchOne().value1();

    assertThat(next).isEqualTo(largest + 1L);
  }

  private DSLContext dsl(Store store) {
    return persistence.database(store).transactor().read("borrow the DSL", dsl -> dsl);
  }
}
