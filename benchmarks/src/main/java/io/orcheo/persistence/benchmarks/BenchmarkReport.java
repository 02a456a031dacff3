package io.orcheo.persistence.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a benchmark class and prints a summary table.
 *
 * <ul>
 *   <li>{@code --benchmark=tokens} (the default): {@link ServiceTokenBenchmark}; per backend and operation, the
 *       throughput of the jOOQ side, of the JDBC side, their ratio and whether it meets the target (jOOQ/JDBC ≥ 0.90
 *       on PostgreSQL, ≥ 0.85 on SQLite).</li>
 *   <li>{@code --benchmark=workflows}: {@link WorkflowBenchmark}; per backend and operation, the throughput, and for
 *       the deep page its ratio to the first page.</li>
 *   <li>{@code --benchmark=history}: {@link HistoryBenchmark}; per backend and operation, the throughput, and for
 *       page 1,000 its ratio to page 1.</li>
 *   <li>{@code --benchmark=migration}: {@link MigrationBenchmark}, {@code migrate copy} of a generated SQLite
 *       deployment into PostgreSQL beside {@code pgloader} loading the same files ({@code --megabytes=N[,M…]},
 *       {@code --quick}, {@code --content}, …): rows/s, MB/s, peak heap and RSS, the ratio, and the cutover window.
 *   <li>{@code --benchmark=chat}: {@link ChatBenchmark}, which is not a JMH benchmark and takes its own options
 *       ({@code --quick}, {@code --backend}, {@code --items}, {@code --threads}, {@code --warmup}, {@code --measure}):
 *       per backend and operation, the median and 95th percentile time of a call, the ratio of each last page to
 *       page 1, and the query plans.</li>
 * </ul>
 *
 * <p>It only reports: a missed target never makes it fail (exit status 0 unless JMH itself cannot run).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.orcheo.persistence.benchmarks.BenchmarkReport
 *     [--benchmark=tokens|workflows|history|chat|migration] [--quick] [--backend=sqlite|postgres] [--operation=NAME] [--warmup=N]
 *     [--json=results.json]
 * </pre>
 */
public final class BenchmarkReport {
  private static final Map<String, Double> TARGETS = Map.of("postgres", 0.90, "sqlite", 0.85);
  /** {@link WorkflowBenchmark}'s methods, in the order the table lists them. */
  private static final List<String> WORKFLOW_OPERATIONS = List.of("createRun", "listRunsFirstPage",
      "listRunsDeepPage", "listRunsForWorkflowLimit50", "dispatchDueCronRuns");
  /** {@link HistoryBenchmark}'s methods, in the order the table lists them. */
  private static final List<String> HISTORY_OPERATIONS = List.of("recordsFirstPage", "recordsDeepPage",
      "historiesFirstPage", "historiesDeepPage");

  private BenchmarkReport() {}

  public static void main(String[] args)
      throws RunnerException, java.io.IOException, java.sql.SQLException, InterruptedException {
    if (List.of(args).contains("--benchmark=migration")) {
      // Not JMH: one seeded deployment, one copy (see MigrationBenchmark).
      MigrationBenchmark.main(args);
      return;
    }
    if (List.of(args).contains("--benchmark=chat")) {
      // Not JMH: one seeding per backend for all operations (see ChatBenchmark).
      ChatBenchmark.main(args);
      return;
    }
    boolean quick = false;
    String benchmark = "tokens";
    String backend = null;
    String operation = null;
    String json = null;
    Integer warmups = null;
    for (String arg : args) {
      if (arg.equals("--quick")) {
        quick = true;
      } else if (arg.startsWith("--benchmark=")) {
        benchmark = arg.substring("--benchmark=".length());
      } else if (arg.startsWith("--backend=")) {
        backend = arg.substring("--backend=".length());
      } else if (arg.startsWith("--operation=")) {
        operation = arg.substring("--operation=".length());
      } else if (arg.startsWith("--warmup=")) {
        warmups = Integer.valueOf(arg.substring("--warmup=".length()));
      } else if (arg.startsWith("--json=")) {
        json = arg.substring("--json=".length());
      } else {
        usage("Unknown argument " + arg);
      }
    }
    if (!List.of("tokens", "workflows", "history").contains(benchmark)) {
      usage("Unknown benchmark " + benchmark);
    }
    boolean workflows = benchmark.equals("workflows");
    boolean history = benchmark.equals("history");
    if (workflows && operation != null && !WORKFLOW_OPERATIONS.contains(operation)) {
      usage("Unknown workflow operation " + operation);
    }
    if (history && operation != null && !HISTORY_OPERATIONS.contains(operation)) {
      usage("Unknown history operation " + operation);
    }

    // JMH finds the pattern anywhere in a benchmark's full name: anchored, an operation selects its method only.
    String include = workflows
        ? WorkflowBenchmark.class.getName() + "\\." + (operation == null ? ".*" : operation + "$")
        : history
        ? HistoryBenchmark.class.getName() + "\\." + (operation == null ? ".*" : operation + "$")
        : ServiceTokenBenchmark.class.getName() + "\\." + (operation == null ? "" : operation + "_") + ".*";
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(include)
        .forks(1)
        .threads(1)
        .mode(org.openjdk.jmh.annotations.Mode.Throughput)
        .timeUnit(TimeUnit.SECONDS)
        .warmupIterations(warmups != null ? warmups : quick ? 1 : 3)
        .warmupTime(TimeValue.seconds(quick ? 1 : 2))
        .measurementIterations(quick ? 2 : 5)
        .measurementTime(TimeValue.seconds(quick ? 1 : 2));
    if (backend != null) {
      options.param("backend", backend);
    }
    if (json != null) {
      options.resultFormat(ResultFormatType.JSON).result(json);
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    System.out.println();
    System.out.print(workflows ? workflowTable(results, quick) : history ? historyTable(results, quick)
        : table(results, quick));
  }

  private static void usage(String problem) {
    System.err.println(problem + "; expected --benchmark=tokens|workflows|history|chat|migration, --quick, --backend=sqlite|postgres,"
        + " --operation=NAME (tokens: findByHash|create; workflows: " + String.join("|", WORKFLOW_OPERATIONS)
        + "; history: " + String.join("|", HISTORY_OPERATIONS) + "),"
        + " --warmup=N, --json=FILE");
    System.exit(2);
  }

  /** The summary: one row per backend × operation that has both sides. */
  static String table(Collection<RunResult> results, boolean quick) {
    // backend -> operation -> side -> result
    Map<String, Map<String, Map<String, Result<?>>>> byKey = new TreeMap<>();
    for (RunResult run : results) {
      String method = run.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      int split = method.lastIndexOf('_');
      String op = method.substring(0, split);
      String side = method.substring(split + 1);
      String backend = run.getParams().getParam("backend");
      byKey.computeIfAbsent(backend, b -> new TreeMap<>()).computeIfAbsent(op, o -> new TreeMap<>())
          .put(side, run.getPrimaryResult());
    }
    StringBuilder out = new StringBuilder();
    out.append("jOOQ vs hand-written JDBC, same pool, 1 thread, ops/s (± 99.9% CI)")
        .append(quick ? "  [QUICK RUN: indicative only]" : "").append('\n');
    String format = "%-9s %-11s %22s %22s %15s %7s  %s%n";
    out.append(String.format(Locale.ROOT, format, "backend", "operation", "jOOQ ops/s", "JDBC ops/s",
        "jOOQ/JDBC", "target", "met?"));
    List<String> missed = new ArrayList<>();
    for (var backendEntry : byKey.entrySet()) {
      String backend = backendEntry.getKey();
      double target = TARGETS.getOrDefault(backend, 0.90);
      for (var opEntry : backendEntry.getValue().entrySet()) {
        Result<?> jooq = opEntry.getValue().get("jooq");
        Result<?> jdbc = opEntry.getValue().get("jdbc");
        if (jooq == null || jdbc == null) {
          continue;
        }
        double ratio = jooq.getScore() / jdbc.getScore();
        double ratioError = ratio * Math.sqrt(square(relative(jooq)) + square(relative(jdbc)));
        String met;
        if (ratio >= target) {
          met = ratio - ratioError >= target ? "yes" : "yes (within noise)";
        } else {
          met = ratio + ratioError >= target ? "NO (within noise)" : "NO";
          missed.add(backend + "/" + opEntry.getKey());
        }
        out.append(String.format(Locale.ROOT, format, backend, opEntry.getKey(), scored(jooq), scored(jdbc),
            quick || ratioError == 0 ? String.format(Locale.ROOT, "%.3f", ratio)
                : String.format(Locale.ROOT, "%.3f ± %.3f", ratio, ratioError), String.format(Locale.ROOT, "≥ %.2f", target),
            met));
      }
    }
    out.append(missed.isEmpty() ? "All targets met.\n" : "Targets missed (report only, not a failure): " + missed + "\n");
    return out.toString();
  }

  /** The workflow summary: one row per backend × operation, and the deep page's cost relative to the first. */
  static String workflowTable(Collection<RunResult> results, boolean quick) {
    Map<String, Map<String, Result<?>>> byKey = byBackendAndOperation(results);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Workflow repository, %,d runs in one workflow, %d cron triggers none due,"
            + " 1 thread, ops/s (± 99.9%% CI)", WorkflowFixture.RUNS, WorkflowFixture.CRON_WORKFLOWS))
        .append(quick ? "  [QUICK RUN: indicative only]" : "").append('\n');
    String format = "%-9s %-27s %18s  %s%n";
    out.append(String.format(Locale.ROOT, format, "backend", "operation", "ops/s", "deep/first page"));
    for (var backendEntry : byKey.entrySet()) {
      Map<String, Result<?>> byOperation = backendEntry.getValue();
      for (String operation : WORKFLOW_OPERATIONS) {
        Result<?> result = byOperation.get(operation);
        if (result == null) {
          continue;
        }
        Result<?> first = byOperation.get("listRunsFirstPage");
        String ratio = operation.equals("listRunsDeepPage") && first != null ? ratio(result, first, quick) : "";
        out.append(String.format(Locale.ROOT, format, backendEntry.getKey(), operation, scored(result), ratio));
      }
    }
    out.append(String.format(Locale.ROOT, "deep/first page: ops/s of the page %,d runs deep over ops/s of the first"
        + " page; 1.0 means depth costs nothing, below 1.0 deeper pages are slower.%n", WorkflowFixture.DEEP_OFFSET));
    return out.toString();
  }

  static String historyTable(Collection<RunResult> results, boolean quick) {
    Map<String, Map<String, Result<?>>> byKey = byBackendAndOperation(results);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Run history, %,d executions of one workflow (%d steps each), pages of %d,"
            + " 1 thread, ops/s (± 99.9%% CI)", HistoryFixture.HISTORIES, HistoryFixture.STEPS_PER_HISTORY,
            HistoryFixture.PAGE_SIZE))
        .append(quick ? "  [QUICK RUN: indicative only]" : "").append('\n');
    String format = "%-9s %-20s %18s  %s%n";
    out.append(String.format(Locale.ROOT, format, "backend", "operation", "ops/s",
        "page " + HistoryFixture.DEEP_PAGE + " / page 1"));
    for (var backendEntry : byKey.entrySet()) {
      Map<String, Result<?>> byOperation = backendEntry.getValue();
      for (String operation : HISTORY_OPERATIONS) {
        Result<?> result = byOperation.get(operation);
        if (result == null) {
          continue;
        }
        Result<?> first = byOperation.get(operation.replace("DeepPage", "FirstPage"));
        String ratio = operation.endsWith("DeepPage") && first != null ? ratio(result, first, quick) : "";
        out.append(String.format(Locale.ROOT, format, backendEntry.getKey(), operation, scored(result), ratio));
      }
    }
    out.append(String.format(Locale.ROOT, "page %,d / page 1: ops/s of page %,d over ops/s of page 1; 1.0 means"
        + " depth costs nothing.%n", HistoryFixture.DEEP_PAGE, HistoryFixture.DEEP_PAGE));
    return out.toString();
  }

  /** backend → benchmark method → its result. */
  private static Map<String, Map<String, Result<?>>> byBackendAndOperation(Collection<RunResult> results) {
    Map<String, Map<String, Result<?>>> byKey = new TreeMap<>();
    for (RunResult run : results) {
      String method = run.getParams().getBenchmark();
      byKey.computeIfAbsent(run.getParams().getParam("backend"), b -> new TreeMap<>())
          .put(method.substring(method.lastIndexOf('.') + 1), run.getPrimaryResult());
    }
    return byKey;
  }

  /** {@code a / b} with the error propagated from both scores' errors, as in the token table. */
  private static String ratio(Result<?> a, Result<?> b, boolean quick) {
    double ratio = a.getScore() / b.getScore();
    double error = ratio * Math.sqrt(square(relative(a)) + square(relative(b)));
    return quick || error == 0 ? String.format(Locale.ROOT, "%.3f", ratio)
        : String.format(Locale.ROOT, "%.3f ± %.3f", ratio, error);
  }

  private static String scored(Result<?> result) {
    double error = result.getScoreError();
    return Double.isNaN(error)
        ? String.format(Locale.ROOT, "%.0f", result.getScore())
        : String.format(Locale.ROOT, "%.0f ± %.0f", result.getScore(), error);
  }

  private static double relative(Result<?> result) {
    double error = result.getScoreError();
    return Double.isNaN(error) || result.getScore() == 0 ? 0 : error / result.getScore();
  }

  private static double square(double x) {
    return x * x;
  }
}
