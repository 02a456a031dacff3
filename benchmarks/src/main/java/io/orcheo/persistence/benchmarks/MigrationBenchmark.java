package io.orcheo.persistence.benchmarks;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.migration.ContentComparison;
import io.orcheo.persistence.migration.DatabaseSync;
import io.orcheo.persistence.migration.MigrationTable;
import io.orcheo.persistence.migration.MigrationTables;
import io.orcheo.persistence.migration.Preflight;
import io.orcheo.persistence.migration.SqliteToPostgresCopy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code migrate copy} against {@code pgloader}, and the cutover window, on a generated deployment.
 *
 * <p>For each size asked for ({@code --megabytes=N[,M…]}, MB of SQLite files; {@code --quick} is 20), it generates
 * (or reuses, same seed and size) a deployment with rows in every table the migration moves
 * ({@link MigrationDeployment}), then on one embedded PostgreSQL server:
 *
 * <ol>
 *   <li>copies it with {@link SqliteToPostgresCopy} into a fresh database with our schema, sampling the heap
 *       ({@link HeapSampler});
 *   <li>loads the same files with {@code pgloader} into a second fresh database with our schema (created by opening
 *       {@link OrcheoPersistence} on it), data only ({@link PgLoaderRun}), measuring its peak RSS, and checks that
 *       pgloader's database holds the same rows as the files (row counts, and with {@code --content} every value via
 *       {@link ContentComparison});
 *   <li>prints both side by side: rows, MB, seconds, rows/s, MB/s, peak memory, and the ratio;
 *   <li>changes a share of the rows in the files ({@code --change=0.005}: inserts, updates and deletes across the
 *       tables, see {@link MigrationDeployment#change}) and times the cutover: {@link DatabaseSync} from the files
 *       into our database, then the validation ({@link ContentComparison} of every table), the window during which
 *       writers are stopped.
 * </ol>
 *
 * <p>Every number printed is measured in this run. Options: {@code --seed=N} (default 7), {@code --data-dir=DIR}
 * (where generated sets are kept, default {@code $TMPDIR/orcheo-migration-bench}), {@code --pgloader=PATH}
 * ({@code pgloader} on the PATH by default; {@code --no-pgloader} to skip it), {@code --pgloader-with=OPTIONS} (its
 * {@code WITH} options beyond data only, default {@value PgLoaderRun#DEFAULT_OPTIONS}), {@code --batch-size=N} (the copy's rows
 * per batch), {@code --no-cutover}, {@code --change=F} (the share of rows changed before the cutover),
 * {@code --validate-copy} (compare our copy with the files before the cutover), {@code --generate-only}.
 */
public final class MigrationBenchmark {
  private MigrationBenchmark() {}

  /** The options, parsed. */
  private record Options(List<Long> sizes, long seed, Path dataDir, String pgloader, String pgloaderOptions,
      boolean content, int batchSize, boolean cutover, double change, boolean validateCopy, boolean generateOnly) {
    static Options parse(String[] args) {
      List<Long> sizes = new ArrayList<>(List.of(200L));
      long seed = 7;
      Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "orcheo-migration-bench");
      String pgloader = "pgloader";
      String pgloaderOptions = PgLoaderRun.DEFAULT_OPTIONS;
      boolean content = false;
      int batchSize = SqliteToPostgresCopy.DEFAULT_BATCH_SIZE;
      boolean cutover = true;
      double change = 0.005;
      boolean validateCopy = false;
      boolean generateOnly = false;
      for (String arg : args) {
        if (arg.equals("--quick")) {
          sizes = List.of(20L);
        } else if (arg.startsWith("--megabytes=")) {
          sizes = new ArrayList<>();
          for (String size : arg.substring("--megabytes=".length()).split(",")) {
            sizes.add(Long.parseLong(size.trim()));
          }
        } else if (arg.startsWith("--seed=")) {
          seed = Long.parseLong(arg.substring("--seed=".length()));
        } else if (arg.startsWith("--data-dir=")) {
          dataDir = Path.of(arg.substring("--data-dir=".length()));
        } else if (arg.startsWith("--pgloader=")) {
          pgloader = arg.substring("--pgloader=".length());
        } else if (arg.startsWith("--pgloader-with=")) {
          pgloaderOptions = arg.substring("--pgloader-with=".length());
        } else if (arg.equals("--no-pgloader")) {
          pgloader = null;
        } else if (arg.equals("--content")) {
          content = true;
        } else if (arg.startsWith("--batch-size=")) {
          batchSize = Integer.parseInt(arg.substring("--batch-size=".length()));
        } else if (arg.equals("--no-cutover")) {
          cutover = false;
        } else if (arg.startsWith("--change=")) {
          change = Double.parseDouble(arg.substring("--change=".length()));
        } else if (arg.equals("--validate-copy")) {
          validateCopy = true;
        } else if (arg.equals("--generate-only")) {
          generateOnly = true;
        } else if (!arg.startsWith("--benchmark=")) {
          throw new IllegalArgumentException("Unknown option " + arg);
        }
      }
      return new Options(sizes, seed, dataDir, pgloader, pgloaderOptions, content, batchSize, cutover, change,
          validateCopy, generateOnly);
    }
  }

  /** One side's load. */
  private record Load(String who, long rows, long fileBytes, double seconds, String memory) {
    String row() {
      return String.format("%-22s %,12d %9.1f %9.1f %,12.0f %8.2f  %s", who, rows, fileBytes / 1e6, seconds,
          rows / seconds, fileBytes / 1e6 / seconds, memory);
    }
  }

  public static void main(String[] args) throws IOException, SQLException, InterruptedException {
    // The report is this program's output; the libraries' banners and INFO lines would bury it.
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Options options = Options.parse(args);
    List<MigrationTable> tables = MigrationTables.all(false);
    System.out.printf("Migration benchmark, %s, JDK %s, %d CPUs, max heap %.0f MB, load average before: %s%n",
        Instant.now().truncatedTo(ChronoUnit.SECONDS), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e6, loadAverage());
    if (options.generateOnly()) {
      for (long megabytes : options.sizes()) {
        MigrationDeployment.generated(options.dataDir(), options.seed(), megabytes);
      }
      return;
    }
    List<String> summary = new ArrayList<>();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      System.out.printf("PostgreSQL %s (embedded, port %d)%n", serverVersion(postgres), postgres.getPort());
      for (long megabytes : options.sizes()) {
        summary.addAll(runSize(options, tables, postgres, megabytes));
      }
    }
    System.out.println();
    System.out.println("Summary (load average after: " + loadAverage() + ")");
    summary.forEach(System.out::println);
  }

  private static List<String> runSize(Options options, List<MigrationTable> tables, EmbeddedPostgres postgres,
      long megabytes) throws IOException, SQLException, InterruptedException {
    System.out.printf("%n=== %d MB ===%n", megabytes);
    Path generated = MigrationDeployment.generated(options.dataDir(), options.seed(), megabytes);
    Path work = Files.createTempDirectory("orcheo-migration-bench-work-");
    List<String> lines = new ArrayList<>();
    try {
      Path files = MigrationDeployment.copy(generated, work.resolve("files"));
      long fileBytes = MigrationDeployment.size(files);
      Map<String, String> fileOf = new LinkedHashMap<>();
      for (MigrationTable table : tables) {
        fileOf.put(table.name(), fileName(table.store()));
      }
      Map<String, Long> sourceRows = MigrationDeployment.countRows(files,
          tables.stream().map(MigrationTable::name).toList(), fileOf);
      long totalRows = sourceRows.values().stream().mapToLong(Long::longValue).sum();
      System.out.printf("Deployment: %.1f MB of SQLite files, %,d rows in %d tables: %s%n", fileBytes / 1e6,
          totalRows, tables.size(), sourceRows);
      PersistenceSettings sqlite = PersistenceSettings.defaults().withSqliteDirectory(files);

      // Ours.
      String ours = "ours_" + megabytes;
      createDatabase(postgres, ours);
      Load oursLoad;
      try (OrcheoPersistence target = OrcheoPersistence.open(sqlite.withPostgres(dsn(postgres, ours)))) {
        SqliteToPostgresCopy copy = SqliteToPostgresCopy.of(sqlite, target, work.resolve("state.json"), false)
            .withBatchSize(options.batchSize());
        TableClock tableClock = new TableClock();
        HeapSampler heap = new HeapSampler();
        StackSampler stacks = new StackSampler("orcheo-copy", "io.orcheo.persistence.migration.");
        long started = System.nanoTime();
        tableClock.start();
        SqliteToPostgresCopy.Report report = copy.run(tableClock);
        double seconds = (System.nanoTime() - started) / 1e9;
        String profile = stacks.report(14);
        HeapSampler.Peaks peaks = heap.peaks();
        long copied = report.rows().values().stream().mapToLong(Long::longValue).sum();
        if (copied != totalRows) {
          throw new IllegalStateException("The copy moved " + copied + " rows of " + totalRows + ": " + report.rows());
        }
        String memory = String.format("heap peak %.0f MB sampled, %.0f MB pools, %.0f MB after GC (before %.0f MB)",
            peaks.sampledPeak() / 1e6, peaks.poolPeaks() / 1e6, peaks.afterCollectionPeak() / 1e6,
            peaks.before() / 1e6);
        oursLoad = new Load("migrate copy (ours)", copied, fileBytes, seconds, memory);
        System.out.printf("migrate copy: %,d rows in %.1f s, %.1f MB of COPY data (%.1f MB/s); %s%n", copied,
            seconds, report.bytes() / 1e6, report.bytes() / 1e6 / seconds, memory);
        System.out.println("  each table's first and last commit, seconds from the start (the pre-flight comes"
            + " first): " + tableClock);
        System.out.println("  where the copy's busy threads were, share of samples every 10 ms (thread role,"
            + " innermost migration frame, library):");
        System.out.print(profile);
        if (options.validateCopy()) {
          try (OrcheoPersistence files2 = OrcheoPersistence.open(sqlite)) {
            long validateStarted = System.nanoTime();
            for (MigrationTable table : tables) {
              ContentComparison.Result compared = ContentComparison.compare(files2, target, table);
              if (!compared.matches()) {
                throw new IllegalStateException("The copy's " + table.name() + " differs from the file: " + compared);
              }
            }
            System.out.printf("  the copy: same content as the files in every table (%.1f s)%n",
                (System.nanoTime() - validateStarted) / 1e9);
          }
        }
        // Part of the copy above, timed again alone on the same (now cached) files: how much is the pre-flight.
        long preflightStarted = System.nanoTime();
        List<Preflight.Problem> problems = Preflight.check(sqlite, tables);
        System.out.printf("  of which the pre-flight alone, run again: %.1f s (%d problems)%n",
            (System.nanoTime() - preflightStarted) / 1e9, problems.size());
        analyze(postgres, ours);

        // pgloader.
        Load pgLoad = null;
        if (options.pgloader() != null) {
          pgLoad = pgloader(options, tables, postgres, megabytes, work, files, fileBytes, sourceRows, sqlite);
        }
        System.out.println();
        System.out.printf("%-22s %12s %9s %9s %12s %8s  %s%n", "", "rows", "MB", "s", "rows/s", "MB/s", "memory");
        System.out.println(oursLoad.row());
        lines.add(String.format("%d MB: %s", megabytes, oursLoad.row()));
        if (pgLoad != null) {
          System.out.println(pgLoad.row());
          double ratio = pgLoad.seconds() / oursLoad.seconds();
          String ratioLine = String.format("ours / pgloader throughput: %.2f (rows/s and MB/s alike: same rows, same"
              + " files)", ratio);
          System.out.println(ratioLine);
          lines.add(String.format("%d MB: %s", megabytes, pgLoad.row()));
          lines.add(String.format("%d MB: %s", megabytes, ratioLine));
        }

        // The cutover.
        if (options.cutover()) {
          lines.add(String.format("%d MB: %s", megabytes, cutover(options, tables, sqlite, files, target)));
        }
      } finally {
        dropDatabase(postgres, ours);
      }
    } finally {
      TrialDatabase.deleteRecursively(work);
    }
    return lines;
  }

  private static Load pgloader(Options options, List<MigrationTable> tables, EmbeddedPostgres postgres,
      long megabytes, Path work, Path files, long fileBytes, Map<String, Long> sourceRows,
      PersistenceSettings sqlite) throws IOException, SQLException, InterruptedException {
    String database = "pgloader_" + megabytes;
    createDatabase(postgres, database);
    try {
      PersistenceSettings target = sqlite.withPostgres(dsn(postgres, database));
      // Our schema, from our changelog, as for ours.
      OrcheoPersistence.open(target).close();
      Map<String, List<MigrationTable>> byFile = new LinkedHashMap<>();
      for (MigrationTable table : tables) {
        byFile.computeIfAbsent(fileName(table.store()), file -> new ArrayList<>()).add(table);
      }
      String url = "postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/" + database;
      PgLoaderRun.Result result = PgLoaderRun.run(options.pgloader(), work,
          PgLoaderRun.commands(files, byFile, url, options.pgloaderOptions()));
      System.out.println("pgloader's report (WITH data only, …, " + options.pgloaderOptions() + "):");
      // Its summary tables and any warning or error; not its progress lines.
      System.out.println(result.output().lines().filter(line -> !line.isBlank() && !line.matches("^\\S+Z LOG .*"))
          .map(line -> "  " + line)
          .reduce((a, b) -> a + "\n" + b).orElse(""));
      if (result.exitCode() != 0) {
        // Reported, not fatal: the rest of the run (the cutover) does not depend on it.
        System.out.printf("pgloader FAILED (exit status %d) with WITH options \"%s\"; no comparison at this size%n",
            result.exitCode(), options.pgloaderOptions());
        return null;
      }
      Map<String, Long> loaded = countRows(postgres, database, sourceRows.keySet());
      if (!loaded.equals(sourceRows)) {
        throw new IllegalStateException("pgloader's row counts differ from the files: " + loaded + " vs "
            + sourceRows);
      }
      System.out.println("pgloader's database: same row count as the files in every table");
      // pgloader drops the foreign keys of the tables it loads and creates them again at the end (which checks them).
      System.out.printf("pgloader's database: %d foreign keys after the load, as the schema has %d%n",
          foreignKeys(postgres, database), foreignKeys(postgres, "ours_" + megabytes));
      if (options.content()) {
        try (OrcheoPersistence files2 = OrcheoPersistence.open(sqlite);
            OrcheoPersistence loadedDb = OrcheoPersistence.open(target)) {
          long started = System.nanoTime();
          for (MigrationTable table : tables) {
            ContentComparison.Result compared = ContentComparison.compare(files2, loadedDb, table);
            if (!compared.matches()) {
              throw new IllegalStateException("pgloader's " + table.name() + " differs from the file: " + compared);
            }
          }
          System.out.printf("pgloader's database: same content as the files in every table (%.1f s)%n",
              (System.nanoTime() - started) / 1e9);
        }
      }
      long rows = loaded.values().stream().mapToLong(Long::longValue).sum();
      return new Load("pgloader " + pgloaderVersion(options.pgloader()), rows, fileBytes, result.seconds(),
          String.format("peak RSS %.0f MB (whole process)", result.peakRssBytes() / 1e6));
    } finally {
      dropDatabase(postgres, database);
    }
  }

  /**
   * The cutover as the runbook has it: a first sync while the application runs (a full pass that records the marks),
   * then changes to the files, then, timed as the window with writers stopped, the second sync and the validation.
   */
  private static String cutover(Options options, List<MigrationTable> tables, PersistenceSettings sqlite, Path files,
      OrcheoPersistence target) throws SQLException, IOException {
    Path state = Files.createTempDirectory("orcheo-sync-state").resolve("sync-state.json");
    try (OrcheoPersistence source = OrcheoPersistence.open(sqlite)) {
      long started = System.nanoTime();
      DatabaseSync.Report first = DatabaseSync.between(source, target, tables).withState(state).run();
      System.out.printf("%nsync while the application runs (first pass, %s): %.1f s, %,d rows written%n",
          first.pass().name().toLowerCase(Locale.ROOT), (System.nanoTime() - started) / 1e9,
          first.tables().values().stream().mapToLong(DatabaseSync.Changes::written).sum());
    }
    Map<String, long[]> changes = MigrationDeployment.change(files, options.change(), Instant.now());
    long inserted = changes.values().stream().mapToLong(c -> c[0]).sum();
    long updated = changes.values().stream().mapToLong(c -> c[1]).sum();
    long deleted = changes.values().stream().mapToLong(c -> c[2]).sum();
    System.out.printf("Then the files changed: %,d rows inserted, %,d updated, %,d deleted (plus the"
        + " deleted threads' and executions' items and steps, by cascade), about %.1f %% of each table%n",
        inserted, updated, deleted, options.change() * 100);
    try (OrcheoPersistence source = OrcheoPersistence.open(sqlite)) {
      HeapSampler heap = new HeapSampler();
      long started = System.nanoTime();
      DatabaseSync.Report report = DatabaseSync.between(source, target, tables).withState(state).run();
      double syncSeconds = (System.nanoTime() - started) / 1e9;
      HeapSampler.Peaks syncPeaks = heap.peaks();
      Map<String, DatabaseSync.Changes> synced = report.tables();
      long syncedRows = synced.values().stream().mapToLong(DatabaseSync.Changes::written).sum();
      long rowsRead = synced.values().stream().mapToLong(DatabaseSync.Changes::rowsRead).sum();
      StringBuilder perTable = new StringBuilder();
      synced.forEach((table, change) -> {
        if (change.written() > 0) {
          perTable.append(perTable.length() == 0 ? "" : ", ").append(table).append(" +").append(change.inserted())
              .append(" ~").append(change.updated()).append(" -").append(change.deleted());
        }
      });
      System.out.printf("sync with the writers stopped (%s pass): %.1f s, %,d rows read, %,d rows written (inserted"
          + " +, updated ~, deleted -: %s); heap peak %.0f MB sampled, %.0f MB after GC%n",
          report.pass().name().toLowerCase(Locale.ROOT), syncSeconds, rowsRead, syncedRows, perTable,
          syncPeaks.sampledPeak() / 1e6, syncPeaks.afterCollectionPeak() / 1e6);
      started = System.nanoTime();
      // As `migrate validate` runs it: two tables at a time.
      for (ContentComparison.Result result : ContentComparison.compareAll(source, target, tables, 2)) {
        if (!result.matches()) {
          throw new IllegalStateException("After the sync, " + result.table() + " differs: " + result);
        }
      }
      double validateSeconds = (System.nanoTime() - started) / 1e9;
      String line = String.format("cutover window: sync %.1f s + validation (every table, every value) %.1f s ="
          + " %.1f s, for %,d changed rows", syncSeconds, validateSeconds, syncSeconds + validateSeconds, syncedRows);
      System.out.println(line);
      return line;
    }
  }

  /** Each table's first and last batch commit, from the listener (called from the copy's threads). */
  private static final class TableClock implements SqliteToPostgresCopy.Listener {
    private final Map<String, double[]> spans = new LinkedHashMap<>();
    private long started;

    void start() {
      started = System.nanoTime();
    }

    @Override
    public synchronized void batchCommitted(String table, long rows, long bytes) {
      double now = (System.nanoTime() - started) / 1e9;
      spans.computeIfAbsent(table, name -> new double[] {now, now})[1] = now;
    }

    @Override
    public synchronized String toString() {
      StringBuilder out = new StringBuilder();
      spans.forEach((table, span) -> out.append(out.length() == 0 ? "" : ", ").append(table)
          .append(String.format(" %.1f–%.1f", span[0], span[1])));
      return out.toString();
    }
  }

  private static String fileName(Store store) {
    return switch (store) {
      case REPOSITORY -> "workflows.sqlite";
      case CHATKIT -> "chatkit.sqlite";
      case SERVICE_TOKENS -> "service_tokens.sqlite";
      case VAULT -> "vault.sqlite";
    };
  }

  private static PostgresDsn dsn(EmbeddedPostgres postgres, String database) {
    return PostgresDsn.parse(postgres.getJdbcUrl("postgres", database));
  }

  private static void createDatabase(EmbeddedPostgres postgres, String database) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database);
      statement.execute("CREATE DATABASE " + database);
    }
  }

  private static void dropDatabase(EmbeddedPostgres postgres, String database) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  /** Statistics now, so autovacuum's analyze of the fresh tables does not land in the next measurement. */
  private static void analyze(EmbeddedPostgres postgres, String database) throws SQLException {
    try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    }
  }

  private static Map<String, Long> countRows(EmbeddedPostgres postgres, String database, Iterable<String> tables)
      throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
        Statement statement = connection.createStatement()) {
      for (String table : tables) {
        try (ResultSet result = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
          result.next();
          counts.put(table, result.getLong(1));
        }
      }
    }
    return counts;
  }

  private static long foreignKeys(EmbeddedPostgres postgres, String database) throws SQLException {
    try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_constraint WHERE contype = 'f'")) {
      result.next();
      return result.getLong(1);
    }
  }

  private static String serverVersion(EmbeddedPostgres postgres) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SHOW server_version")) {
      result.next();
      return result.getString(1);
    }
  }

  private static String pgloaderVersion(String pgloader) {
    try {
      Process process = new ProcessBuilder(pgloader, "--version").redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes()).lines().findFirst().orElse("");
      process.waitFor();
      return output.replace("pgloader version ", "").replace("\"", "");
    } catch (IOException | InterruptedException e) {
      return "(version unknown)";
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
