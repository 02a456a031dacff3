package io.orcheo.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
  @TempDir Path dir;

  private static Manifest manifest(long rows) {
    return new Manifest(1, "2025-03-04T05:06:07+00:00", Map.of("workflows", new Manifest.Entry("workflows",
        "/data/workflows.sqlite", "workflows", List.of("id", "payload"), rows,
        List.of(new Manifest.Batch("workflows/batch_0001.jsonl", rows, "ab")), List.of("payload"), List.of(),
        List.of())));
  }

  @Test
  void aWrittenManifestReadsBackEqual() throws IOException {
    manifest(3).write(dir);

    assertThat(Manifest.read(dir)).isEqualTo(manifest(3));
  }

  @Test
  void keysArePrettyPrintedInSortedOrderAsPythonWritesThem() {
    String json = manifest(3).toJson();

    assertThat(json).startsWith("{\n  \"generated_at\": \"2025-03-04T05:06:07+00:00\",\n  \"tables\": {");
    assertThat(json).endsWith("\n  },\n  \"version\": 1\n}");
  }

  @Test
  void aManifestOfAnotherVersionIsRefused() throws IOException {
    Files.writeString(dir.resolve(Manifest.FILE), "{\"version\": 2, \"tables\": {}}");

    assertThatThrownBy(() -> Manifest.read(dir)).isInstanceOf(MigrationException.class)
        .hasMessageContaining("not a version 1 manifest");
  }

  @Test
  void aFolderWithoutAManifestIsNamed() {
    assertThatThrownBy(() -> Manifest.read(dir)).isInstanceOf(MigrationException.class)
        .hasMessageContaining("manifest.json is missing");
  }

  @Test
  void theIdentityChangesWithTheManifest() throws IOException {
    manifest(3).write(dir);
    String first = Manifest.identity(dir);
    manifest(4).write(dir);

    assertThat(Manifest.identity(dir)).isNotEqualTo(first).hasSize(64);
  }
}
