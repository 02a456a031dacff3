package io.orcheo.persistence.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.migration.MigrationTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.Field;

/**
 * {@code pgloader} loading a deployment's SQLite files into an existing PostgreSQL database whose schema is ours:
 * data only (no table, index or sequence created, reset or dropped), the tables the migration moves and no others
 * (not Liquibase's bookkeeping, not the FTS5 shadow tables), one {@code LOAD DATABASE} command per file in one
 * command file, run once under {@code /usr/bin/time} for its wall time and peak resident set size.
 *
 * <p>The {@code CAST} rules name each column's type in our schema: {@code jsonb} for documents, {@code timestamptz}
 * for timestamps, {@code boolean}, {@code integer}. The files declare documents and timestamps {@code TEXT} and
 * booleans {@code INTEGER}, which pgloader's SQLite casting would map to {@code text} and {@code bigint} and then warn,
 * column by column, that the existing target columns differ. No {@code using} transform is needed: the values reach
 * {@code COPY} as upstream wrote them and the server parses them (isoformat with {@code +00:00} is valid
 * {@code timestamptz} input, the 0/1 of a boolean valid {@code boolean} input); pgloader's
 * {@code tinyint-to-boolean} would refuse them, as it expects text. The loaded database is checked against the files
 * afterwards.
 *
 * <p>{@code disable triggers}: pgloader loads several tables at once, children possibly before their parents, so
 * the foreign keys (enforced by triggers) are switched off during its load, as pgloader's documentation advises for
 * data-only loads. Our copy keeps them on and loads parents first.
 */
final class PgLoaderRun {
  /**
   * One run.
   *
   * @param seconds wall time of the pgloader process
   * @param peakRssBytes its maximum resident set size, as {@code /usr/bin/time} reports it
   * @param exitCode its exit status
   * @param output what it printed (its summary table)
   */
  record Result(double seconds, long peakRssBytes, int exitCode, String output) {}

  private PgLoaderRun() {}

  /**
   * pgloader's options beyond the data-only ones unless told otherwise: {@code prefetch rows = 10000}. With its
   * default (100,000 rows read ahead per table, four workers) pgloader 3.6.7 exhausted its SBCL heap on the 1 GB
   * deployment's {@code workflows.sqlite} ("Heap exhausted during garbage collection", then the LDB debugger;
   * dimitri/pgloader#962 and #327 report the same and the same remedy).
   */
  static final String DEFAULT_OPTIONS = "prefetch rows = 10000";

  /**
   * The command file loading {@code tablesByFile} (file name to tables) from {@code directory} into {@code url},
   * with {@code options} (pgloader's {@code WITH} syntax, may be empty) after the data-only ones.
   */
  static String commands(Path directory, Map<String, List<MigrationTable>> tablesByFile, String url,
      String options) {
    StringBuilder out = new StringBuilder();
    tablesByFile.forEach((file, tables) -> {
      if (tables.isEmpty()) {
        return;
      }
      List<String> casts = new ArrayList<>();
      for (MigrationTable table : tables) {
        for (Field<?> field : table.table().fields()) {
          String type = targetType(field.getType());
          if (type != null) {
            casts.add("column " + table.name() + "." + field.getName() + " to " + type);
          }
        }
      }
      out.append("LOAD DATABASE\n")
          .append("  FROM sqlite://").append(directory.resolve(file).toAbsolutePath()).append('\n')
          .append("  INTO ").append(url).append('\n')
          .append("  WITH data only, create no tables, create no indexes, reset no sequences, disable triggers")
          .append(options.isBlank() ? "" : ", " + options).append('\n')
          .append("  CAST ").append(String.join(",\n       ", casts)).append('\n')
          .append("  INCLUDING ONLY TABLE NAMES LIKE ")
          .append(tables.stream().map(table -> "'" + table.name() + "'").collect(Collectors.joining(", ")))
          .append(";\n\n");
    });
    return out.toString();
  }

  private static String targetType(Class<?> type) {
    if (JsonNode.class.isAssignableFrom(type)) {
      return "jsonb";
    }
    if (type == Instant.class) {
      return "timestamptz";
    }
    if (type == Boolean.class) {
      return "boolean";
    }
    if (type == Integer.class) {
      return "integer";
    }
    return null;
  }

  /** Runs {@code pgloader} on {@code commandFile}, writing the command file's text first. */
  static Result run(String pgloader, Path workDirectory, String commandText) throws IOException, InterruptedException {
    Path commandFile = workDirectory.resolve("load.pgloader");
    Path timeFile = workDirectory.resolve("pgloader.time");
    Path log = workDirectory.resolve("pgloader.log");
    Files.writeString(commandFile, commandText, StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", timeFile.toString(),
        pgloader, "--root-dir", workDirectory.resolve("pgloader").toString(),
        commandFile.toString()));
    // No input: when SBCL fails it drops into its LDB debugger, which then ends at end of input instead of waiting.
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    int exit = process.waitFor();
    if (exit != 0) {
      return new Result(0, 0, exit, Files.readString(log));
    }
    String[] time = lastLine(Files.readString(timeFile)).trim().split(" ");
    // GNU time's %e is elapsed seconds, %M the maximum resident set size in KiB.
    return new Result(Double.parseDouble(time[0]), Long.parseLong(time[1]) * 1024, exit, Files.readString(log));
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }
}
