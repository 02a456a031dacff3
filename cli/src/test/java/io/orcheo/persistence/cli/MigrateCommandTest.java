package io.orcheo.persistence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.migration.Manifest;
import org.junit.jupiter.api.Test;

/** {@code orcheo-db migrate}: what runs without a PostgreSQL server (the rest runs in integration-tests and docs). */
class MigrateCommandTest extends CommandLineTest {
  @Test
  void exportWritesEveryTableOfTheDemoDeploymentWithItsManifest() {
    assertThat(run("demo")).isZero();

    assertThat(run("migrate", "export", "--output", dir.resolve("export").toString())).isZero();

    Manifest manifest = Manifest.read(dir.resolve("export"));
    assertThat(manifest.tables()).containsKeys("workflows", "chat_messages", "service_tokens", "credentials");
    assertThat(manifest.tables().get("workflow_runs").rowCount()).isEqualTo(3);
    assertThat(out.toString()).contains("Exported ").contains(" rows of " + manifest.tables().size() + " tables");
  }

  @Test
  void exportWithoutTheVaultLeavesItsTablesOut() {
    assertThat(run("demo")).isZero();

    assertThat(run("migrate", "export", "--output", dir.resolve("export").toString(), "--exclude-vault")).isZero();

    assertThat(Manifest.read(dir.resolve("export")).tables()).doesNotContainKeys("credentials",
        "credential_templates", "governance_alerts");
  }

  @Test
  void importWithoutAPostgresServerIsAUsageError() {
    assertThat(run("demo")).isZero();
    assertThat(run("migrate", "export", "--output", dir.resolve("export").toString())).isZero();

    assertThat(run("migrate", "import", "--input", dir.resolve("export").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("ORCHEO_POSTGRES_DSN (or --postgres-dsn) must be set for imports or validation");
  }

  @Test
  void importOfAFolderWithoutAnExportIsRefused() {
    assertThat(run("migrate", "import", "--input", dir.toString(), "--postgres-dsn",
        "postgresql://orcheo@localhost:1/orcheo")).isNotZero();
    assertThat(err.toString()).contains("manifest.json is missing");
  }

  @Test
  void validateWithoutAPostgresServerIsAUsageError() {
    assertThat(run("demo")).isZero();

    assertThat(run("migrate", "validate")).isEqualTo(2);
    assertThat(err.toString()).contains("ORCHEO_POSTGRES_DSN (or --postgres-dsn) must be set");
  }

  @Test
  void validateContentWithoutAnExportIsAUsageError() {
    assertThat(run("migrate", "validate", "--content", "--postgres-dsn",
        "postgresql://orcheo@localhost:1/orcheo")).isEqualTo(2);
    assertThat(err.toString()).contains("--content compares an import with the SQLite files and needs --input");
  }
}
