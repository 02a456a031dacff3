package io.orcheo.persistence.cli;

import io.orcheo.persistence.core.health.DatabaseHealth;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code orcheo-db init}: brings every configured database's schema up to date. */
@Command(name = "init", description = "Apply the schema to the configured databases (idempotent).")
final class InitCommand implements Callable<Integer> {
  @ParentCommand OrcheoDb root;

  @Override
  public Integer call() {
    try (OrcheoPersistence persistence = root.open()) {
      // Opening already applied it unless ORCHEO_SCHEMA_AUTO_UPDATE=false; init applies it either way.
      persistence.migrate();
      for (DatabaseHealth health : persistence.health()) {
        root.spec.commandLine().getOut().printf("%s %s: schema up to date (last changeset %s)%n",
            health.backend().id(), health.target(), health.lastChangeSet().orElse("none"));
      }
    }
    return 0;
  }
}
