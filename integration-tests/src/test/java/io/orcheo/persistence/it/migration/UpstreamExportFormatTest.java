package io.orcheo.persistence.it.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.it.support.UpstreamFixtures;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.migration.Manifest;
import io.orcheo.persistence.migration.MigrationException;
import io.orcheo.persistence.migration.MigrationTables;
import io.orcheo.persistence.migration.UpstreamExport;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our export of upstream's SQLite files is upstream's export (the committed {@code upstream/migration/export},
 * written by {@code generate.py} to the spec's rules): the same batch files byte for byte, the same checksums, row
 * counts and column lists. Only what names the run differs: the SQLite paths and the time.
 */
class UpstreamExportFormatTest {
  private static final String FIXTURES = "/upstream/migration/";

  @TempDir Path dir;
  private Map<Store, Path> files;

  @BeforeEach
  void writeUpstreamFiles() throws SQLException, IOException {
    files = Map.of(
        Store.REPOSITORY, dir.resolve("workflows.sqlite"),
        Store.CHATKIT, dir.resolve("chatkit.sqlite"),
        Store.SERVICE_TOKENS, dir.resolve("service_tokens.sqlite"));
    UpstreamFixtures.runSqliteScript(files.get(Store.REPOSITORY), FIXTURES + "workflows.sql");
    UpstreamFixtures.runSqliteScript(files.get(Store.CHATKIT), FIXTURES + "chatkit.sql");
    UpstreamFixtures.runSqliteScript(files.get(Store.SERVICE_TOKENS), FIXTURES + "service_tokens.sql");
  }

  @Test
  void batchFilesAreByteIdenticalToUpstreamsExport() throws IOException, URISyntaxException {
    Path ours = dir.resolve("ours");
    UpstreamExport.of(files, MigrationTables.UPSTREAM).writeTo(ours);
    Path theirs = fixture("export");

    Manifest expected = Manifest.read(theirs);
    for (Manifest.Entry table : expected.tables().values()) {
      for (Manifest.Batch batch : table.batches()) {
        assertThat(ours.resolve(batch.file())).as(batch.file()).hasSameBinaryContentAs(theirs.resolve(batch.file()));
      }
    }
  }

  @Test
  void manifestListsTheSameTablesBatchesChecksumsAndColumns() throws URISyntaxException {
    Manifest ours = UpstreamExport.of(files, MigrationTables.UPSTREAM).writeTo(dir.resolve("ours"));
    Manifest theirs = Manifest.read(fixture("export"));

    assertThat(ours.tables().keySet()).containsExactlyInAnyOrderElementsOf(theirs.tables().keySet());
    for (Manifest.Entry expected : theirs.tables().values()) {
      Manifest.Entry actual = ours.tables().get(expected.name());
      assertThat(actual.batches()).as(expected.name()).isEqualTo(expected.batches());
      assertThat(actual.rowCount()).as(expected.name()).isEqualTo(expected.rowCount());
      assertThat(actual.columns()).as(expected.name()).isEqualTo(expected.columns());
      assertThat(actual.jsonColumns()).as(expected.name()).isEqualTo(expected.jsonColumns());
      assertThat(actual.boolColumns()).as(expected.name()).isEqualTo(expected.boolColumns());
      assertThat(actual.postgresTable()).isEqualTo(expected.postgresTable());
    }
  }

  @Test
  void manifestTextIsWrittenAsPythonWritesIt() throws IOException, URISyntaxException {
    Path theirs = fixture("export");
    Manifest read = Manifest.read(theirs);

    assertThat(read.toJson()).isEqualTo(Files.readString(theirs.resolve(Manifest.FILE)));
  }

  @Test
  void emptyTablesGetNoFolderAndNoBatch() throws URISyntaxException {
    Path empty = dir.resolve("empty");
    Map<Store, Path> emptyFiles = Map.of(Store.REPOSITORY, empty.resolve("workflows.sqlite"),
        Store.CHATKIT, empty.resolve("chatkit.sqlite"), Store.SERVICE_TOKENS, empty.resolve("service_tokens.sqlite"));
    emptyFiles.forEach((store, file) -> schemaOnly(file, store));

    Manifest ours = UpstreamExport.of(emptyFiles, MigrationTables.UPSTREAM).writeTo(dir.resolve("out"));

    assertThat(ours.tables().values()).allSatisfy(entry -> {
      assertThat(entry.rowCount()).isZero();
      assertThat(entry.batches()).isEmpty();
      assertThat(dir.resolve("out").resolve(entry.name())).doesNotExist();
    });
    assertThat(ours.tables().keySet())
        .containsExactlyInAnyOrderElementsOf(Manifest.read(fixture("export-empty")).tables().keySet());
  }

  @Test
  void aMissingSqliteFileIsRejectedAndNoManifestIsWritten() throws IOException {
    Files.delete(files.get(Store.CHATKIT));

    assertThatThrownBy(() -> UpstreamExport.of(files, MigrationTables.UPSTREAM).writeTo(dir.resolve("out")))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("Missing SQLite database: " + files.get(Store.CHATKIT));
    assertThat(dir.resolve("out").resolve(Manifest.FILE)).doesNotExist();
  }

  @Test
  void aNonPositiveBatchSizeIsRejected() {
    assertThatThrownBy(() -> UpstreamExport.of(files, MigrationTables.UPSTREAM).withBatchSize(0))
        .isInstanceOf(MigrationException.class).hasMessageContaining("batch_size must be positive");
  }

  private void schemaOnly(Path file, Store store) {
    String script = switch (store) {
      case REPOSITORY -> "workflows.sql";
      case CHATKIT -> "chatkit.sql";
      default -> "service_tokens.sql";
    };
    try {
      Files.createDirectories(file.getParent());
      try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
        UpstreamFixtures.execute(connection, UpstreamFixtures.schemaStatements(FIXTURES + script));
      }
    } catch (IOException | SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(UpstreamExportFormatTest.class.getResource(FIXTURES + name).toURI());
  }
}
