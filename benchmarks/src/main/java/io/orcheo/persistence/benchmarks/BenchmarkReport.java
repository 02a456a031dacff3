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
 * Runs {@link ServiceTokenBenchmark} and prints, per backend and operation, the throughput of the jOOQ side, of the
 * JDBC side, their ratio and whether it meets the target (jOOQ/JDBC ≥ 0.90 on PostgreSQL, ≥ 0.85 on SQLite).
 *
 * <p>It only reports: a missed target never makes it fail (exit status 0 unless JMH itself cannot run).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.orcheo.persistence.benchmarks.BenchmarkReport [--quick]
 *     [--backend=sqlite|postgres] [--operation=findByHash|create] [--warmup=N] [--json=results.json]
 * </pre>
 */
public final class BenchmarkReport {
  private static final Map<String, Double> TARGETS = Map.of("postgres", 0.90, "sqlite", 0.85);

  private BenchmarkReport() {}

  public static void main(String[] args) throws RunnerException {
    boolean quick = false;
    String backend = null;
    String operation = null;
    String json = null;
    Integer warmups = null;
    for (String arg : args) {
      if (arg.equals("--quick")) {
        quick = true;
      } else if (arg.startsWith("--backend=")) {
        backend = arg.substring("--backend=".length());
      } else if (arg.startsWith("--operation=")) {
        operation = arg.substring("--operation=".length());
      } else if (arg.startsWith("--warmup=")) {
        warmups = Integer.valueOf(arg.substring("--warmup=".length()));
      } else if (arg.startsWith("--json=")) {
        json = arg.substring("--json=".length());
      } else {
        System.err.println("Unknown argument " + arg
            + "; expected --quick, --backend=sqlite|postgres, --operation=findByHash|create, --warmup=N, --json=FILE");
        System.exit(2);
      }
    }

    String include = ServiceTokenBenchmark.class.getName() + "\\." + (operation == null ? "" : operation + "_") + ".*";
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
    System.out.print(table(results, quick));
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
