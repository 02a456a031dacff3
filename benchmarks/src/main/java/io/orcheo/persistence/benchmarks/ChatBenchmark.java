package io.orcheo.persistence.benchmarks;

import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatPage;
import io.orcheo.persistence.core.chatkit.ChatStore;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.jooq.chatkit.JooqChatStore;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.jooq.runtime.Transactor;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * The ChatKit store on a long thread and many threads, on SQLite and on an embedded PostgreSQL
 * ({@link ChatFixture}): keyset pages of items at page 1 and at the last page (page 2,000 of a 200,000-item thread,
 * 100 per page) in both orders, message search for a rare word, a common word and a phrase, and thread listings
 * (all threads, one workflow's, a metadata filter) at page 1 and at their last page, and a metadata filter that
 * matches a handful of threads.
 *
 * <p>Not a JMH benchmark: seeding 200,000 items takes most of a minute per backend, and JMH would repeat it in a
 * fork for each of the 14 operations. Instead one JVM seeds each backend once, warms up, then runs rounds in which
 * every operation is called once, in a shuffled order, timing each call: a page 1 and a deep page are measured
 * side by side under the same load, which is what their ratio needs. It prints the median and the 95th percentile
 * per operation, the ratios deep page / page 1, and the plans of the statements the store really issued for the deep
 * pages and the searches (captured by a jOOQ listener, explained with the same binds). It never fails on a timing.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.orcheo.persistence.benchmarks.BenchmarkReport --benchmark=chat
 *     [--quick] [--backend=sqlite|postgres] [--items=N] [--threads=N] [--warmup=SECONDS] [--measure=SECONDS]
 *     [--plan-cache-mode=auto|force_custom_plan|force_generic_plan]
 * </pre>
 *
 * <p>{@code --plan-cache-mode} starts the embedded PostgreSQL with that {@code plan_cache_mode}, a diagnostic: with
 * {@code force_custom_plan} every execution is planned for its values, as if no statement were ever prepared on the
 * server.
 */
public final class ChatBenchmark {
  static final int FULL_ITEMS = 200_000;
  static final int FULL_THREADS = 10_000;
  static final int QUICK_ITEMS = 20_000;
  static final int QUICK_THREADS = 2_000;

  /** One measured call. */
  record Operation(String name, Function<ChatStore, ChatPage<?>> call) {}

  /** The timings of an operation, in nanoseconds, sorted. */
  record Timings(long[] sorted, int rows) {
    long percentile(double p) {
      int rank = (int) Math.ceil(p * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    long median() {
      return percentile(0.50);
    }

    long p95() {
      return percentile(0.95);
    }

    double mean() {
      return Arrays.stream(sorted).average().orElse(0);
    }
  }

  /** Measurement settings. */
  record Settings(int items, int threads, int warmupSeconds, int measureSeconds, int minRounds, boolean quick) {}

  private static volatile long sink;

  private ChatBenchmark() {}

  public static void main(String[] args) throws IOException, SQLException {
    boolean quick = false;
    List<String> backends = List.of("sqlite", "postgres");
    Integer items = null;
    Integer threads = null;
    Integer warmup = null;
    Integer measure = null;
    Map<String, String> serverConfig = new LinkedHashMap<>();
    for (String arg : args) {
      if (arg.equals("--quick")) {
        quick = true;
      } else if (arg.startsWith("--backend=")) {
        backends = List.of(arg.substring("--backend=".length()));
      } else if (arg.startsWith("--items=")) {
        items = Integer.valueOf(arg.substring("--items=".length()));
      } else if (arg.startsWith("--threads=")) {
        threads = Integer.valueOf(arg.substring("--threads=".length()));
      } else if (arg.startsWith("--warmup=")) {
        warmup = Integer.valueOf(arg.substring("--warmup=".length()));
      } else if (arg.startsWith("--measure=")) {
        measure = Integer.valueOf(arg.substring("--measure=".length()));
      } else if (arg.startsWith("--plan-cache-mode=")) {
        serverConfig.put("plan_cache_mode", arg.substring("--plan-cache-mode=".length()));
      } else if (!arg.startsWith("--benchmark=")) {
        System.err.println("Unknown argument " + arg + "; expected --quick, --backend=sqlite|postgres, --items=N,"
            + " --threads=N, --warmup=SECONDS, --measure=SECONDS, --plan-cache-mode=auto|force_custom_plan|"
            + "force_generic_plan");
        System.exit(2);
      }
    }
    Settings settings = new Settings(
        items != null ? items : quick ? QUICK_ITEMS : FULL_ITEMS,
        threads != null ? threads : quick ? QUICK_THREADS : FULL_THREADS,
        warmup != null ? warmup : quick ? 3 : 20,
        measure != null ? measure : quick ? 6 : 60,
        quick ? 10 : 100,
        quick);
    PrintStream out = System.out;
    Map<String, Map<String, Timings>> results = new LinkedHashMap<>();
    Map<String, List<Operation>> operationsByBackend = new LinkedHashMap<>();
    for (String backend : backends) {
      out.printf(Locale.ROOT, "%n== %s: seeding %,d threads, one of them with %,d items%s ...%n", backend,
          settings.threads(), settings.items(),
          backend.equals("postgres") && !serverConfig.isEmpty() ? ", server settings " + serverConfig : "");
      try (ChatFixture fixture = new ChatFixture(backend, settings.items(), settings.threads(), serverConfig)) {
        out.printf(Locale.ROOT, "   seeded in %.1f s%s; the big thread's items matching each search: %s%n",
            fixture.seedTime.toMillis() / 1000.0,
            fixture.postgres ? String.format(Locale.ROOT, " (+ %.1f s VACUUM ANALYZE)",
                fixture.maintenanceTime.toMillis() / 1000.0) : "",
            fixture.matches);
        List<Operation> operations = operations(fixture);
        operationsByBackend.put(backend, operations);
        Map<String, Timings> timings = measure(fixture.chat, operations, settings, out);
        results.put(backend, timings);
        out.println();
        out.print(table(Map.of(backend, timings), operations, settings));
        out.println();
        plans(fixture, out);
      }
    }
    if (results.size() > 1) {
      out.println();
      out.print(table(results, operationsByBackend.values().iterator().next(), settings));
    }
  }

  // --------------------------------------------------------------------------------------------------- operations

  static List<Operation> operations(ChatFixture f) {
    String thread = f.bigThread;
    int deep = f.deepItemPage;
    List<Operation> operations = new ArrayList<>();
    for (SortOrder order : List.of(SortOrder.ASC, SortOrder.DESC)) {
      String after = order == SortOrder.ASC ? f.deepItemAfterAsc : f.deepItemAfterDesc;
      String name = "listItems " + order.name().toLowerCase(Locale.ROOT);
      operations.add(new Operation(name + ", page 1", chat -> chat.listItems(thread, ChatFixture.first(order))));
      operations.add(new Operation(String.format(Locale.ROOT, "%s, page %,d", name, deep),
          chat -> chat.listItems(thread, ChatFixture.after(after, order))));
    }
    for (Map.Entry<String, String> search : ChatFixture.searches().entrySet()) {
      String query = search.getValue();
      operations.add(new Operation(String.format(Locale.ROOT, "searchItems %s %s (%,d hits)", search.getKey(),
          query, f.matches.get(search.getKey())),
          chat -> chat.searchItems(thread, query, ChatFixture.first(SortOrder.DESC))));
    }
    addThreadPages(operations, "listThreads", f.allThreads,
        (chat, request) -> chat.listThreads(request, ChatContext.NONE));
    addThreadPages(operations, "listThreads workflow", f.workflowThreads,
        (chat, request) -> chat.listThreads(request, f.workflowContext));
    addThreadPages(operations, "filterThreads team", f.filteredThreads,
        (chat, request) -> chat.filterThreads(f.filter, request));
    operations.add(new Operation(String.format(Locale.ROOT, "filterThreads rare team (%,d), page 1",
        f.rareFilterThreads), chat -> chat.filterThreads(f.rareFilter, ChatFixture.first(SortOrder.DESC))));
    return operations;
  }

  private interface ThreadCall {
    ChatPage<?> call(ChatStore chat, io.orcheo.persistence.core.chatkit.ChatPageRequest request);
  }

  private static void addThreadPages(List<Operation> operations, String name, ChatFixture.ThreadListing listing,
      ThreadCall call) {
    String scope = String.format(Locale.ROOT, "%s (%,d)", name, listing.threads());
    operations.add(new Operation(scope + ", page 1", chat -> call.call(chat, ChatFixture.first(SortOrder.DESC))));
    operations.add(new Operation(String.format(Locale.ROOT, "%s, page %,d", scope, listing.deepPage()),
        chat -> call.call(chat, ChatFixture.after(listing.deepAfter(), SortOrder.DESC))));
  }

  // -------------------------------------------------------------------------------------------------- measurement

  /** Warm-up rounds, then measured rounds; each round calls every operation once, in a shuffled order. */
  static Map<String, Timings> measure(ChatStore chat, List<Operation> operations, Settings settings,
      PrintStream out) {
    Random random = new Random(1);
    List<Operation> order = new ArrayList<>(operations);
    long warmupEnd = System.nanoTime() + settings.warmupSeconds() * 1_000_000_000L;
    int warmupRounds = 0;
    // Twenty rounds at least, so that the PostgreSQL driver has prepared each statement on the server (after five
    // executions) and the server has settled on a custom or generic plan (after five more) before measuring.
    while (System.nanoTime() < warmupEnd || warmupRounds < 20) {
      Collections.shuffle(order, random);
      for (Operation operation : order) {
        sink += operation.call().apply(chat).data().size();
      }
      warmupRounds++;
    }
    Map<String, long[]> samples = new HashMap<>();
    Map<String, Integer> rows = new HashMap<>();
    int capacity = 1024;
    for (Operation operation : operations) {
      samples.put(operation.name(), new long[capacity]);
    }
    long measureEnd = System.nanoTime() + settings.measureSeconds() * 1_000_000_000L;
    int rounds = 0;
    while (System.nanoTime() < measureEnd || rounds < settings.minRounds()) {
      Collections.shuffle(order, random);
      for (Operation operation : order) {
        long start = System.nanoTime();
        ChatPage<?> page = operation.call().apply(chat);
        long elapsed = System.nanoTime() - start;
        sink += page.data().size();
        long[] values = samples.get(operation.name());
        if (rounds == values.length) {
          values = Arrays.copyOf(values, values.length * 2);
          samples.put(operation.name(), values);
        }
        values[rounds] = elapsed;
        rows.put(operation.name(), page.data().size());
      }
      rounds++;
    }
    out.printf(Locale.ROOT, "   %d warm-up rounds (%d s), %d measured rounds (%d s), each operation once per round"
        + " in a shuffled order%n", warmupRounds, settings.warmupSeconds(), rounds, settings.measureSeconds());
    Map<String, Timings> timings = new LinkedHashMap<>();
    for (Operation operation : operations) {
      long[] values = Arrays.copyOf(samples.get(operation.name()), rounds);
      Arrays.sort(values);
      timings.put(operation.name(), new Timings(values, rows.get(operation.name())));
    }
    return timings;
  }

  // -------------------------------------------------------------------------------------------------------- table

  static String table(Map<String, Map<String, Timings>> results, List<Operation> operations, Settings settings) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "ChatKit store: one thread of %,d items, %,d threads, pages of %d;"
            + " ms per call, 1 thread%s%n", settings.items(), settings.threads(), ChatFixture.PAGE_SIZE,
        settings.quick() ? "  [QUICK RUN: indicative only]" : ""));
    String format = "%-9s %-52s %9s %9s %9s %5s  %s%n";
    out.append(String.format(Locale.ROOT, format, "backend", "operation", "median", "p95", "mean", "rows",
        "deep/page 1 (median, p95)"));
    for (Map.Entry<String, Map<String, Timings>> backend : results.entrySet()) {
      Map<String, Timings> timings = backend.getValue();
      Timings previous = null;
      for (Operation operation : operations) {
        Timings t = timings.get(operation.name());
        String ratio = "";
        boolean deep = !operation.name().endsWith(", page 1") && operation.name().contains(", page ");
        if (deep && previous != null) {
          ratio = String.format(Locale.ROOT, "%.2f, %.2f", (double) t.median() / previous.median(),
              (double) t.p95() / previous.p95());
        }
        out.append(String.format(Locale.ROOT, format, backend.getKey(), operation.name(), ms(t.median()),
            ms(t.p95()), ms((long) t.mean()), t.rows(), ratio));
        previous = t;
      }
    }
    out.append("deep/page 1: the last page's time over page 1's; 1.00 means depth costs nothing.\n");
    return out.toString();
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
  }

  // -------------------------------------------------------------------------------------------------------- plans

  /**
   * The plans of the statements the store issues for the deep pages and the searches: the calls are made once more
   * through a store whose statements are captured, and each captured {@code select} is explained with its binds.
   */
  static void plans(ChatFixture f, PrintStream out) throws SQLException {
    List<CapturedStatement> captured = new CopyOnWriteArrayList<>();
    DSLContext dsl = f.persistence().database(Store.CHATKIT).transactor().read("borrow the store's DSL", d -> d);
    ChatStore recording = new JooqChatStore(new Transactor(CapturedStatement.recording(dsl, captured), 1),
        Clock.systemUTC(), f.persistence().settings().chatkitStorage());
    Map<String, Function<ChatStore, ChatPage<?>>> explained = new LinkedHashMap<>();
    for (Operation operation : operations(f)) {
      String name = operation.name();
      if (name.startsWith("searchItems") || name.startsWith("listItems") && !name.endsWith(", page 1")
          || name.startsWith("listThreads") || name.startsWith("filterThreads")) {
        // Item pages at page 1 are the deep pages' statements without the keyset predicate.
        explained.put(name, operation.call());
      }
    }
    out.println(f.postgres
        ? "Plans (PostgreSQL): EXPLAIN (ANALYZE, BUFFERS) with the captured binds (the custom plan), and the generic"
            + " plan (PREPARE + EXPLAIN (ANALYZE, BUFFERS) EXECUTE under plan_cache_mode = force_generic_plan, the"
            + " plan a statement prepared on the server may switch to after five executions)"
        : "Plans (SQLite): EXPLAIN QUERY PLAN with the captured binds");
    try (Connection connection = f.dataSource.getConnection()) {
      for (Map.Entry<String, Function<ChatStore, ChatPage<?>>> call : explained.entrySet()) {
        captured.clear();
        call.getValue().apply(recording);
        List<CapturedStatement> selects = captured.stream().filter(CapturedStatement::isSelect).toList();
        out.println();
        out.println("-- " + call.getKey());
        for (int i = 0; i < selects.size(); i++) {
          CapturedStatement statement = selects.get(i);
          boolean page = i == selects.size() - 1;
          out.println("   " + statement.sql());
          out.println("   binds: " + statement.binds());
          if (f.postgres) {
            List<String> custom;
            try (PreparedStatement explain = statement.prepare(connection, "EXPLAIN (ANALYZE, BUFFERS) ")) {
              custom = CapturedStatement.lines(explain.executeQuery());
            }
            print(out, "   custom plan:", page ? custom : custom.subList(0, 1));
            if (page) {
              print(out, "   generic plan, executed with the same values:",
                  statement.genericPlan(connection, "(ANALYZE, BUFFERS)"));
            }
          } else {
            print(out, "   plan:", sqlitePlan(connection, statement));
          }
        }
      }
    }
  }

  private static void print(PrintStream out, String title, List<String> lines) {
    out.println(title);
    for (String line : lines) {
      out.println("     " + line);
    }
  }

  /** EXPLAIN QUERY PLAN's rows, indented by depth. */
  static List<String> sqlitePlan(Connection connection, CapturedStatement statement) throws SQLException {
    Map<Integer, Integer> depth = new HashMap<>();
    List<String> lines = new ArrayList<>();
    try (PreparedStatement explain = statement.prepare(connection, "EXPLAIN QUERY PLAN ");
        ResultSet rows = explain.executeQuery()) {
      while (rows.next()) {
        int id = rows.getInt("id");
        int level = depth.getOrDefault(rows.getInt("parent"), -1) + 1;
        depth.put(id, level);
        lines.add("  ".repeat(level) + rows.getString("detail"));
      }
    }
    return lines;
  }
}
