package io.orcheo.persistence.it.migration;

import io.orcheo.persistence.it.support.UpstreamFixtures;
import io.orcheo.persistence.migration.MigrationTable;
import io.orcheo.persistence.migration.MigrationTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * The SQLite files of an upstream deployment, written from the committed {@code upstream/migration} scripts
 * ({@code generate.py}): {@code workflows.sqlite}, {@code chatkit.sqlite} and {@code service_tokens.sqlite}.
 */
final class UpstreamDeployment {
  private UpstreamDeployment() {}

  /** Writes the three files into {@code directory} (created) and returns it. */
  static Path writeTo(Path directory) throws SQLException, IOException {
    Files.createDirectories(directory);
    for (String name : List.of("workflows", "chatkit", "service_tokens")) {
      UpstreamFixtures.runSqliteScript(directory.resolve(name + ".sqlite"), "/upstream/migration/" + name + ".sql");
    }
    return directory;
  }

  /** Every table a migration moves: upstream's and the vault's. */
  static List<MigrationTable> allTables() {
    return MigrationTables.all(false);
  }
}
