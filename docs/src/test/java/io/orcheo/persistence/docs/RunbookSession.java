package io.orcheo.persistence.docs;

import io.orcheo.persistence.cli.OrcheoDb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An operator's shell following {@code docs/migration.md}: runs the lines of a step in order, applying its
 * {@code export}s to the environment and running its {@code ./orcheo-db} commands in process through the CLI's entry
 * point with that environment. The page's deployment directory and PostgreSQL server are replaced by the test's.
 * A command that exits with anything but 0 fails the step, with what it printed.
 */
final class RunbookSession {
  /** The deployment directory the page's examples use. */
  static final String PAGE_DEPLOYMENT = "/var/lib/orcheo";
  /** The PostgreSQL server the page's examples use. */
  static final String PAGE_DSN = "postgresql://orcheo:secret@db.example:5432/orcheo";

  /** One command run: the step, the line as the page shows it, its exit code and output. */
  record Executed(String step, String line, List<String> args, int exitCode, String out, String err) {}

  private final Runbook runbook;
  private final Path deployment;
  private final String dsn;
  private final Map<String, String> environment = new HashMap<>();
  private final List<Executed> executed = new ArrayList<>();
  private final List<String> stepsRun = new ArrayList<>();

  RunbookSession(Runbook runbook, Path deployment, String dsn) {
    this.runbook = runbook;
    this.deployment = deployment;
    this.dsn = dsn;
  }

  /** Runs every line of the step named {@code name}. */
  void run(String name) {
    stepsRun.add(name);
    for (String pageLine : runbook.step(name).lines()) {
      String line = pageLine.replace(PAGE_DEPLOYMENT, deployment.toString()).replace(PAGE_DSN, dsn);
      Runbook.Line parsed = Runbook.parse(line, environment::get);
      if (parsed instanceof Runbook.Export export) {
        environment.put(export.name(), export.value());
      } else if (parsed instanceof Runbook.Command command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = OrcheoDb.run(Map.copyOf(environment), new PrintWriter(out, true), new PrintWriter(err, true),
            command.args().toArray(String[]::new));
        executed.add(new Executed(name, pageLine, command.args(), exitCode, out.toString(), err.toString()));
        if (exitCode != 0) {
          throw new AssertionError(String.format("%s, step '%s': `%s` exited with %d%n--- stdout%n%s--- stderr%n%s",
              Runbook.PAGE, name, pageLine, exitCode, out, err));
        }
      }
    }
  }

  /** The environment the steps so far have set: the one the application is configured with. */
  Map<String, String> environment() {
    return Map.copyOf(environment);
  }

  List<Executed> executed() {
    return List.copyOf(executed);
  }

  List<String> stepsRun() {
    return List.copyOf(stepsRun);
  }
}
