package io.orcheo.persistence.it.migration;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.migration.SqliteToPostgresCopy;
import java.nio.file.Path;

/**
 * A copy run in a process of its own, for the test that kills it: {@code <sqlite dir> <dsn> <state file>
 * <batch size>}. Prints one line per committed batch, so the test knows the copy is under way.
 */
public final class CopyMain {
  private CopyMain() {}

  public static void main(String[] args) {
    PersistenceSettings sqlite = TestBackend.SQLITE.settings(Path.of(args[0]));
    try (OrcheoPersistence target = OrcheoPersistence.open(sqlite.withPostgres(PostgresDsn.parse(args[1])))) {
      SqliteToPostgresCopy.of(sqlite, target, Path.of(args[2]), false)
          .withBatchSize(Integer.parseInt(args[3]))
          .run((table, rows, bytes) -> System.out.println("committed " + table + " " + rows));
    }
    System.out.println("finished");
  }
}
