package io.orcheo.persistence.cli;

import io.orcheo.persistence.core.health.DatabaseHealth;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code orcheo-db status}: health of every database, with row counts per table. */
@Command(name = "status", description = "Show backend, round-trip latency, pool, schema version and row counts.")
final class StatusCommand implements Callable<Integer> {
  @ParentCommand OrcheoDb root;

  @Override
  public Integer call() {
    PrintWriter out = root.spec.commandLine().getOut();
    try (OrcheoPersistence persistence = root.open()) {
      List<DatabaseHealth> report = persistence.health(true);
      boolean allUp = true;
      for (DatabaseHealth health : report) {
        allUp &= health.up();
        print(out, health);
      }
      return allUp ? 0 : OrcheoDb.EXIT_STORAGE;
    }
  }

  private static void print(PrintWriter out, DatabaseHealth health) {
    out.printf("%s  %s%n", health.backend().id(), health.target());
    out.printf("  stores:    %s%n", String.join(", ", health.stores()));
    if (health.up()) {
      out.printf("  status:    UP (round trip %.2f ms)%n", health.roundTrip().orElseThrow().toNanos() / 1e6);
    } else {
      out.printf("  status:    DOWN: %s%n", health.error().orElse("unknown"));
    }
    DatabaseHealth.PoolStats pool = health.pool();
    out.printf("  pool:      %d active, %d idle, %d open, %d waiting, max %d%n",
        pool.active(), pool.idle(), pool.total(), pool.waiting(), pool.maximum());
    out.printf("  schema:    %s%n", health.lastChangeSet().map(id -> "last changeset " + id).orElse("not initialized"));
    for (Map.Entry<String, Long> count : health.rowCounts().entrySet()) {
      out.printf("  rows:      %-28s %d%n", count.getKey(), count.getValue());
    }
  }
}
