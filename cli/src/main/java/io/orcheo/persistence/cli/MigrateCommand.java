package io.orcheo.persistence.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.migration.ContentComparison;
import io.orcheo.persistence.migration.DatabaseCopy;
import io.orcheo.persistence.migration.DatabaseSync;
import io.orcheo.persistence.migration.Manifest;
import io.orcheo.persistence.migration.MigrationTable;
import io.orcheo.persistence.migration.MigrationTables;
import io.orcheo.persistence.migration.Preflight;
import io.orcheo.persistence.migration.PreflightException;
import io.orcheo.persistence.migration.PreflightFix;
import io.orcheo.persistence.migration.SqliteToPostgresCopy;
import io.orcheo.persistence.migration.UpstreamExport;
import io.orcheo.persistence.migration.UpstreamImport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code orcheo-db migrate …}: moving the SQLite files of a deployment into PostgreSQL and back. {@code copy} and
 * {@code sync} move every table directly (the cutover and the rollback), after a {@code preflight} that may
 * {@code --fix} what PostgreSQL would refuse; {@code export} and {@code import} go through a folder in upstream's
 * format, so an export written by upstream's {@code python -m orcheo.tooling.postgres_migration} imports here, and
 * ours imports there; {@code validate} checks the result.
 */
@Command(name = "migrate",
    description = "Move the SQLite databases into PostgreSQL and back: copy, sync and validate directly, or export "
        + "and import through upstream's migration format.",
    subcommands = {MigrateCommand.Export.class, MigrateCommand.Import.class, MigrateCommand.Validate.class,
        MigrateCommand.Copy.class, MigrateCommand.Sync.class, MigrateCommand.PreflightCheck.class})
final class MigrateCommand implements Runnable {
  @ParentCommand OrcheoDb root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "Missing command: export, import, validate, copy, sync or preflight");
  }

  /** The settings with the PostgreSQL side of the migration: the flag's DSN, else ORCHEO_POSTGRES_DSN. */
  private static PersistenceSettings target(OrcheoDb root, CommandSpec spec, String dsn) {
    PersistenceSettings settings = root.settings();
    PostgresDsn server = dsn != null ? PostgresDsn.parse(dsn) : settings.postgresDsn().orElseThrow(() ->
        new ParameterException(spec.commandLine(),
            "ORCHEO_POSTGRES_DSN (or --postgres-dsn) must be set: it names the PostgreSQL side of the migration"));
    return settings.withPostgres(server);
  }

  /** {@code migrate copy}. */
  @Command(name = "copy", description = "Copy every table of the SQLite databases into PostgreSQL (COPY, resumable "
      + "after a kill), or with --to-sqlite back from PostgreSQL into the SQLite files (a rollback keeping the "
      + "writes made since the cutover). Progress on stderr, a JSON summary on stdout.")
  static final class Copy implements Callable<Integer> {
    @ParentCommand MigrateCommand parent;

    @Option(names = "--postgres-dsn", description = "The PostgreSQL server (default: ORCHEO_POSTGRES_DSN).")
    String dsn;

    @Option(names = "--state", description = "The checkpoint file (default: migration-state.json, or "
        + "rollback-state.json with --to-sqlite, beside the repository's SQLite file). Delete it to start over.")
    Path state;

    @Option(names = "--batch-size", description = "Rows per transaction (default 5000 to PostgreSQL, 2000 back).")
    Integer batchSize;

    @Option(names = "--exclude-vault", description = "Leave the vault's tables where they are.")
    boolean excludeVault;

    @Option(names = "--to-sqlite", description = "Copy from PostgreSQL back into the SQLite files.")
    boolean toSqlite;

    @Option(names = "--parallel", description = "Batches loading at once, each on a connection of its own: of "
        + "several tables as far as the foreign keys allow, and of one large table (default 4; to PostgreSQL only).")
    Integer parallel;

    @Option(names = "--fix", description = "Before copying, apply the pre-flight's safe fixes to the SQLite files and "
        + "check them again (see migrate preflight --fix); problems that remain stop the copy before PostgreSQL is "
        + "contacted.")
    boolean fix;

    @Option(names = "--fix-log", description = "With --fix: the JSON-lines file every change is appended to first "
        + "(default: preflight-fixes.jsonl beside the repository's SQLite file).")
    Path fixLog;

    @Override
    public Integer call() {
      if (fix && toSqlite) {
        throw new ParameterException(parent.spec.commandLine(), "--fix repairs the SQLite files before a copy into "
            + "PostgreSQL; it does not go with --to-sqlite");
      }
      if (parallel != null && (parallel < 1 || toSqlite)) {
        throw new ParameterException(parent.spec.commandLine(), toSqlite
            ? "--parallel applies to the copy into PostgreSQL only" : "--parallel must be at least 1");
      }
      requireFixForLog(parent.spec, fix, fixLog);
      PersistenceSettings sqlite = parent.root.settings();
      Path stateFile = state != null ? state : Store.REPOSITORY.sqlitePath(sqlite).resolveSibling(
          toSqlite ? "rollback-state.json" : "migration-state.json");
      PrintWriter err = parent.spec.commandLine().getErr();
      // Settings first, so that a usage error leaves the files untouched.
      PersistenceSettings server = target(parent.root, parent.spec, dsn);
      PreflightFix.Report fixed = null;
      if (fix) {
        fixed = fixFiles(sqlite, excludeVault, fixLog);
        printChanges(fixed, fixLogOrDefault(sqlite, fixLog), err);
        if (!fixed.passed()) {
          throw new PreflightException(fixed.remaining());
        }
      }
      CopyProgress progress = new CopyProgress(err);
      Map<String, Long> rows;
      long started = System.nanoTime();
      try (OrcheoPersistence postgres = OrcheoPersistence.open(server);
          OrcheoPersistence files = OrcheoPersistence.open(sqliteOnly(sqlite))) {
        if (toSqlite) {
          DatabaseCopy copy = DatabaseCopy.between(postgres, files, MigrationTables.all(excludeVault), stateFile);
          rows = (batchSize == null ? copy : copy.withBatchSize(batchSize)).run(progress);
        } else {
          SqliteToPostgresCopy copy = SqliteToPostgresCopy.of(sqliteOnly(sqlite), postgres, stateFile, excludeVault);
          copy = batchSize == null ? copy : copy.withBatchSize(batchSize);
          rows = (parallel == null ? copy : copy.withParallelism(parallel)).run(progress).rows();
        }
      }
      progress.done();
      double seconds = (System.nanoTime() - started) / 1e9;
      ObjectNode summary = JsonNodeFactory.instance.objectNode();
      summary.put("direction", toSqlite ? "postgres-to-sqlite" : "sqlite-to-postgres");
      summary.put("rows", rows.values().stream().mapToLong(Long::longValue).sum());
      summary.put("bytes", progress.bytes());
      summary.put("seconds", Math.round(seconds * 1000) / 1000.0);
      summary.put("state", stateFile.toString());
      if (fixed != null) {
        summary.putObject("fixed").put("changes", fixed.changes().size())
            .put("log", fixLogOrDefault(sqlite, fixLog).toString());
      }
      ObjectNode tables = summary.putObject("tables");
      rows.forEach(tables::put);
      parent.spec.commandLine().getOut().println(summary);
      return 0;
    }
  }

  /** {@code migrate sync}. */
  @Command(name = "sync", description = "Make PostgreSQL's tables equal to the SQLite files' (or with --to-sqlite the "
      + "files equal to PostgreSQL), writing only the rows that differ. The first pass walks every table; later "
      + "passes read only the rows changed since the marks kept in the state file (tables with a reliable "
      + "updated_at), and compare the others row by row. Runs while the application writes; at the cutover, stop "
      + "the writers and sync once more. Prints what it read and changed per table as JSON.")
  static final class Sync implements Callable<Integer> {
    @ParentCommand MigrateCommand parent;

    @Option(names = "--postgres-dsn", description = "The PostgreSQL server (default: ORCHEO_POSTGRES_DSN).")
    String dsn;

    @Option(names = "--exclude-vault", description = "Leave the vault's tables as they are.")
    boolean excludeVault;

    @Option(names = "--to-sqlite", description = "Sync from PostgreSQL into the SQLite files.")
    boolean toSqlite;

    @Option(names = "--state", description = "The sync state: marks per table and direction (default: "
        + "sync-state.json beside the repository SQLite file).")
    Path state;

    @Option(names = "--overlap-seconds", description = "How far before its mark a table is read again, for writers "
        + "that commit out of timestamp order and for skew between their clocks (default: 300).")
    Long overlapSeconds;

    @Option(names = "--full", description = "Walk every table in full whatever the state says, and record new "
        + "marks.")
    boolean full;

    @Option(names = "--max-pending-rows", description = "The most differing rows of one table a pass holds before "
        + "writing (default 100000); a table differing in more stops the pass before any write: copy first.")
    Integer maxPendingRows;

    @Override
    public Integer call() {
      List<MigrationTable> tables = MigrationTables.all(excludeVault);
      if (maxPendingRows != null && maxPendingRows < 1) {
        throw new ParameterException(parent.spec.commandLine(), "--max-pending-rows must be at least 1");
      }
      if (overlapSeconds != null && overlapSeconds < 0) {
        throw new ParameterException(parent.spec.commandLine(), "--overlap-seconds cannot be negative");
      }
      PersistenceSettings sqlite = sqliteOnly(parent.root.settings());
      Path stateFile = state != null ? state
          : Store.REPOSITORY.sqlitePath(sqlite).resolveSibling("sync-state.json");
      DatabaseSync.Report report;
      try (OrcheoPersistence postgres = OrcheoPersistence.open(target(parent.root, parent.spec, dsn));
          OrcheoPersistence files = OrcheoPersistence.open(sqlite)) {
        DatabaseSync sync = (toSqlite ? DatabaseSync.between(postgres, files, tables)
            : DatabaseSync.between(files, postgres, tables)).withState(stateFile);
        if (overlapSeconds != null) {
          sync = sync.withOverlap(Duration.ofSeconds(overlapSeconds));
        }
        if (maxPendingRows != null) {
          sync = sync.withPendingLimit(maxPendingRows);
        }
        report = (full ? sync.full() : sync).run();
      }
      ObjectNode summary = JsonNodeFactory.instance.objectNode();
      summary.put("direction", toSqlite ? "postgres-to-sqlite" : "sqlite-to-postgres");
      summary.put("pass", report.pass().name().toLowerCase(Locale.ROOT));
      summary.put("reason", report.reason());
      summary.put("state", stateFile.toString());
      summary.put("overlap_seconds", overlapSeconds != null ? overlapSeconds
          : DatabaseSync.DEFAULT_OVERLAP.toSeconds());
      ObjectNode perTable = summary.putObject("tables");
      report.tables().forEach((table, change) -> perTable.putObject(table)
          .put("method", change.method().name().toLowerCase(Locale.ROOT))
          .put("inserted", change.inserted()).put("updated", change.updated()).put("deleted", change.deleted())
          .put("rows_read", change.rowsRead()).put("keys_read", change.keysRead()));
      parent.spec.commandLine().getOut().println(summary);
      return 0;
    }
  }

  /** {@code migrate preflight}. */
  @Command(name = "preflight", description = "Check the SQLite databases for what PostgreSQL would refuse (invalid "
      + "JSON, NUL characters, timestamps that do not parse, rows whose parent is missing), one problem per line: "
      + "table, key, column, problem and fix, separated by tabs. Exit 0 when there is none, 2 when some remain: "
      + "migrate copy writes nothing until then.")
  static final class PreflightCheck implements Callable<Integer> {
    @ParentCommand MigrateCommand parent;

    @Option(names = "--fix", description = "First apply the safe fixes, then check again: remove NUL characters "
        + "(not from keys); rewrite a timestamp with a +HHMM offset, a UTC suffix or a date alone in the canonical "
        + "form; delete a row whose parent is missing through a NOT NULL foreign key, with the rows depending on it, "
        + "or clear a nullable reference. Invalid JSON and anything else is left to you. Each SQLite file is fixed in "
        + "one transaction, every change logged first.")
    boolean fix;

    @Option(names = "--fix-log", description = "With --fix: the JSON-lines file every change (table, key, column, "
        + "old value or whole deleted row, new value) is appended to before it is made, to undo it by hand "
        + "(default: preflight-fixes.jsonl beside the repository's SQLite file). Nothing is fixed if it cannot be "
        + "written.")
    Path fixLog;

    @Option(names = "--exclude-vault", description = "Leave the vault's tables out, as copy --exclude-vault does.")
    boolean excludeVault;

    @Override
    public Integer call() {
      requireFixForLog(parent.spec, fix, fixLog);
      PrintWriter out = parent.spec.commandLine().getOut();
      PersistenceSettings settings = parent.root.settings();
      List<Preflight.Problem> problems;
      if (fix) {
        PreflightFix.Report report = fixFiles(settings, excludeVault, fixLog);
        printChanges(report, fixLogOrDefault(settings, fixLog), out);
        problems = report.remaining();
      } else {
        PersistenceSettings files = openedFiles(settings);
        problems = Preflight.check(files, MigrationTables.forDeployment(files, excludeVault));
      }
      for (Preflight.Problem problem : problems) {
        out.println(String.join("\t", oneLine(problem.table()), oneLine(problem.key()), oneLine(problem.column()),
            oneLine(problem.problem()), oneLine(problem.fix())));
      }
      if (problems.isEmpty()) {
        out.println("Pre-flight passed: PostgreSQL will take every row");
        return 0;
      }
      out.printf("Pre-flight found %d problem%s (at most 20 listed per table); migrate copy writes nothing until "
          + "they are fixed%n", problems.size(), problems.size() == 1 ? "" : "s");
      return parent.spec.commandLine().getCommandSpec().exitCodeOnInvalidInput();
    }
  }

  private static void requireFixForLog(CommandSpec spec, boolean fix, Path fixLog) {
    if (fixLog != null && !fix) {
      throw new ParameterException(spec.commandLine(), "--fix-log goes with --fix");
    }
  }

  /**
   * The SQLite files, with their schema brought up to date as {@code copy} brings it before its pre-flight (unless
   * ORCHEO_SCHEMA_AUTO_UPDATE=false), so that the check reads the tables the copy will read.
   */
  private static PersistenceSettings openedFiles(PersistenceSettings settings) {
    PersistenceSettings files = sqliteOnly(settings);
    OrcheoPersistence.open(files).close();
    return files;
  }

  private static PreflightFix.Report fixFiles(PersistenceSettings settings, boolean excludeVault, Path fixLog) {
    PersistenceSettings files = openedFiles(settings);
    return PreflightFix.apply(files, MigrationTables.forDeployment(files, excludeVault),
        fixLogOrDefault(settings, fixLog));
  }

  private static Path fixLogOrDefault(PersistenceSettings settings, Path fixLog) {
    return fixLog != null ? fixLog : Store.REPOSITORY.sqlitePath(settings).resolveSibling("preflight-fixes.jsonl");
  }

  private static void printChanges(PreflightFix.Report report, Path log, PrintWriter out) {
    if (report.changes().isEmpty()) {
      out.println("Fixed nothing");
      return;
    }
    List<String> perTable = new ArrayList<>();
    report.changesPerTable().forEach((table, count) -> perTable.add(table + " " + count));
    out.printf("Fixed %s (%d change%s, each logged first in %s)%n", String.join(", ", perTable),
        report.changes().size(), report.changes().size() == 1 ? "" : "s", log);
  }

  /** A field of a problem line: tabs and line breaks in a stored value would split it, a NUL cut it short. */
  private static String oneLine(String text) {
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
        .replace("\u0000", "\\u0000");
  }

  /** The settings with every store on SQLite, at the files they name. */
  private static PersistenceSettings sqliteOnly(PersistenceSettings settings) {
    Map<String, String> environment = new HashMap<>();
    environment.put(PersistenceSettings.REPOSITORY_BACKEND_KEY, "sqlite");
    environment.put(PersistenceSettings.SERVICE_TOKEN_BACKEND_KEY, "sqlite");
    environment.put(PersistenceSettings.CHATKIT_BACKEND_KEY, "sqlite");
    environment.put(PersistenceSettings.VAULT_BACKEND_KEY, "sqlite");
    environment.put(PersistenceSettings.REPOSITORY_SQLITE_PATH_KEY, Store.REPOSITORY.sqlitePath(settings).toString());
    environment.put(PersistenceSettings.SERVICE_TOKEN_DB_PATH_KEY,
        Store.SERVICE_TOKENS.sqlitePath(settings).toString());
    environment.put(PersistenceSettings.CHATKIT_SQLITE_PATH_KEY, Store.CHATKIT.sqlitePath(settings).toString());
    environment.put(PersistenceSettings.CHATKIT_STORAGE_PATH_KEY, settings.chatkitStorage().storagePath().toString());
    environment.put(PersistenceSettings.VAULT_LOCAL_PATH_KEY, Store.VAULT.sqlitePath(settings).toString());
    settings.vaultEncryptionKey().ifPresent(key ->
        environment.put(PersistenceSettings.VAULT_ENCRYPTION_KEY_KEY, key.reveal()));
    return PersistenceSettings.fromMap(environment);
  }

  /** {@code migrate export}. */
  @Command(name = "export", description = "Write every table of the SQLite databases to an export folder: a "
      + "manifest and JSON-lines batches with their SHA-256, in upstream's format.")
  static final class Export implements Callable<Integer> {
    @ParentCommand MigrateCommand parent;

    @Option(names = "--output", required = true, description = "The export folder (created if missing).")
    Path output;

    @Option(names = "--batch-size", defaultValue = "1000", description = "Rows per batch file (default 1000).")
    int batchSize;

    @Option(names = "--exclude-vault", description = "Leave the vault's tables out (upstream's tool always does).")
    boolean excludeVault;

    @Override
    public Integer call() {
      PrintWriter out = parent.spec.commandLine().getOut();
      Manifest manifest = UpstreamExport.of(parent.root.settings(), excludeVault).withBatchSize(batchSize)
          .writeTo(output);
      out.printf("%-26s %10s %8s%n", "TABLE", "ROWS", "BATCHES");
      long rows = 0;
      for (Manifest.Entry entry : manifest.tables().values()) {
        out.printf("%-26s %10d %8d%n", entry.name(), entry.rowCount(), entry.batches().size());
        rows += entry.rowCount();
      }
      out.printf("Exported %d rows of %d tables to %s%n", rows, manifest.tables().size(), output);
      return 0;
    }
  }

  /** {@code migrate import}. */
  @Command(name = "import", description = "Load an export folder into PostgreSQL, parents first; rows already "
      + "there are kept, so running it again is safe. Resumes from import_state.json unless --no-resume.")
  static final class Import implements Callable<Integer> {
    @ParentCommand MigrateCommand parent;

    @Option(names = "--input", required = true, description = "The export folder (holding manifest.json).")
    Path input;

    @Option(names = "--postgres-dsn", description = "The PostgreSQL server (default: ORCHEO_POSTGRES_DSN).")
    String dsn;

    @Option(names = "--no-resume", description = "Ignore import_state.json and start over.")
    boolean noResume;

    @Override
    public Integer call() {
      PrintWriter out = parent.spec.commandLine().getOut();
      // A folder without an export is reported before the server is contacted.
      Manifest.read(input);
      try (OrcheoPersistence target = OrcheoPersistence.open(target(parent.root, parent.spec, dsn))) {
        UpstreamImport importer = UpstreamImport.into(target);
        UpstreamImport.Report report = (noResume ? importer.withoutResume() : importer).run(input);
        out.printf("Imported %d rows from %d batches (%d already done) into %d tables: %s%n", report.rowsInserted(),
            report.batchesLoaded(), report.batchesSkipped(), report.tables().size(),
            String.join(", ", report.tables()));
      }
      return 0;
    }
  }

  /** {@code migrate validate}. */
  @Command(name = "validate", description = "Compare PostgreSQL with the SQLite files: every table's rows and a "
      + "content checksum (JSON by value, timestamps as instants) must be equal on both sides. With --input, "
      + "compare with an export instead: every table's row count must equal the manifest's, and with --content "
      + "every row the SQLite databases' row. Exit 1 when a table differs.")
  static final class Validate implements Callable<Integer> {
    @ParentCommand MigrateCommand parent;

    @Option(names = "--input", description = "An export folder (holding manifest.json) to validate an import.")
    Path input;

    @Option(names = "--postgres-dsn", description = "The PostgreSQL server (default: ORCHEO_POSTGRES_DSN).")
    String dsn;

    @Option(names = "--content", description = "With --input: also compare every row with the SQLite databases.")
    boolean content;

    @Option(names = "--exclude-vault", description = "Without --input: leave the vault's tables out.")
    boolean excludeVault;

    @Option(names = "--parallel", defaultValue = "2", description = "Without --input: tables compared at once "
        + "(default 2).")
    int parallel;

    @Override
    public Integer call() {
      if (input == null && content) {
        throw new ParameterException(parent.spec.commandLine(),
            "--content compares an import with the SQLite files and needs --input; without --input every row is "
                + "compared anyway");
      }
      if (input != null && excludeVault) {
        throw new ParameterException(parent.spec.commandLine(), "--exclude-vault applies without --input only: an "
            + "export's manifest names its tables");
      }
      if (parallel < 1) {
        throw new ParameterException(parent.spec.commandLine(), "--parallel must be at least 1");
      }
      List<String> mismatches = input == null ? compareWithFiles() : compareWithExport();
      if (!mismatches.isEmpty()) {
        parent.spec.commandLine().getErr().println("orcheo-db: Validation failed: "
            + String.join(", ", mismatches.stream().distinct().toList()));
        return OrcheoDb.EXIT_STORAGE;
      }
      parent.spec.commandLine().getOut().println("Validation passed");
      return 0;
    }

    /** After {@code copy} or {@code sync}: every column of every table, the files against PostgreSQL. */
    private List<String> compareWithFiles() {
      PrintWriter out = parent.spec.commandLine().getOut();
      List<MigrationTable> tables = MigrationTables.all(excludeVault);
      List<String> mismatches = new ArrayList<>();
      try (OrcheoPersistence target = OrcheoPersistence.open(target(parent.root, parent.spec, dsn));
          OrcheoPersistence files = openSqlite(tables)) {
        out.printf("%-26s %10s %10s  %s%n", "TABLE", "SQLITE", "POSTGRES", "CONTENT");
        for (ContentComparison.Result result : ContentComparison.compareAll(files, target, tables, parallel)) {
          out.printf("%-26s %10d %10d  %s%n", result.table(), result.sourceRows(), result.targetRows(),
              verdict(result));
          if (!result.matches()) {
            mismatches.add(result.table());
          }
        }
      }
      return mismatches;
    }

    /** After {@code import}: the manifest's row counts, and with {@code --content} upstream's columns. */
    private List<String> compareWithExport() {
      PrintWriter out = parent.spec.commandLine().getOut();
      Manifest manifest = Manifest.read(input);
      List<MigrationTable> tables = new ArrayList<>();
      for (Manifest.Entry entry : manifest.tables().values()) {
        tables.add(MigrationTables.byName(entry.name()).orElseThrow(() -> new ParameterException(
            parent.spec.commandLine(), "The export holds table '" + entry.name() + "', which this version does "
                + "not know")));
      }
      List<String> mismatches = new ArrayList<>();
      try (OrcheoPersistence target = OrcheoPersistence.open(target(parent.root, parent.spec, dsn));
          OrcheoPersistence source = content ? openSqlite(tables) : null) {
        out.printf("%-26s %10s %10s  %s%n", "TABLE", "EXPECTED", "ACTUAL", "CONTENT");
        for (MigrationTable table : tables) {
          long expected = manifest.tables().get(table.name()).rowCount();
          long actual = target.database(table.store()).transactor()
              .read("count " + table.name(), dsl -> (long) dsl.fetchCount(table.table()));
          String verdict = "-";
          if (source != null) {
            ContentComparison.Result result = ContentComparison.compareExported(source, target, table);
            verdict = verdict(result);
            if (!result.matches()) {
              mismatches.add(table.name());
            }
          }
          if (actual != expected) {
            mismatches.add(table.name());
          }
          out.printf("%-26s %10d %10d  %s%n", table.name(), expected, actual, verdict);
        }
      }
      return mismatches;
    }

    private static String verdict(ContentComparison.Result result) {
      return result.matches() ? "same (" + result.targetChecksum().substring(0, 12) + ")"
          : "DIFFERS at key " + result.firstDifference().orElse("(row count)");
    }

    /** The SQLite databases holding {@code tables}, opened without touching their schema. */
    private OrcheoPersistence openSqlite(List<MigrationTable> tables) {
      PersistenceSettings settings = sqliteOnly(parent.root.settings());
      tables.stream().map(MigrationTable::store).distinct().map(store -> store.sqlitePath(settings))
          .filter(file -> !Files.exists(file)).findFirst().ifPresent(file -> {
            throw new ParameterException(parent.spec.commandLine(), "Missing SQLite database " + file);
          });
      // Without its schema update: validating must not change the files it compares.
      return OrcheoPersistence.open(new PersistenceSettings(settings.repositoryBackend(),
          settings.repositorySqlitePath(), settings.serviceTokenBackend(), settings.serviceTokenSqlitePath(),
          settings.chatkitBackend(), settings.chatkitSqlitePath(), settings.chatkitStorage(), settings.vaultBackend(),
          settings.vaultSqlitePath(), settings.vaultEncryptionKey(), settings.postgresDsn(), settings.pool(),
          settings.sqliteBusyTimeout(), false, settings.cronOverlapTimeout()));
    }
  }
}
