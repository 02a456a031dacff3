package io.orcheo.persistence.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.core.workflows.NewRun;
import io.orcheo.persistence.core.workflows.NewVersion;
import io.orcheo.persistence.core.workflows.NewWorkflow;
import io.orcheo.persistence.core.workflows.WorkflowRepository;
import io.orcheo.persistence.core.workflows.WorkflowRun;
import io.orcheo.persistence.core.workflows.triggers.CronTriggerConfig;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.runtime.Store;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The workflow benchmark's trial: a {@link TrialDatabase} holding
 *
 * <ul>
 *   <li>one workflow with one version and {@value #RUNS} succeeded runs, the newest written by the repository and the
 *       rest copied from it by {@link RunSeeder}, one every {@link RunSeeder#SPACING} back in time;</li>
 *   <li>{@value #CRON_WORKFLOWS} other workflows, each with a version and a daily cron trigger whose next occurrence
 *       is hours away, already evaluated once (so each has its anchor, as after the dispatcher's first tick).</li>
 * </ul>
 *
 * <p>It also holds the cursor of the page that starts {@value #DEEP_OFFSET} runs deep. Closing stops and deletes
 * everything.
 */
final class WorkflowFixture implements AutoCloseable {
  /** Runs of the listed workflow, the template included. */
  static final int RUNS = 100_000;
  /** How many runs precede the deep page. */
  static final int DEEP_OFFSET = 90_000;
  /** The page size of every listing measured. */
  static final int PAGE_SIZE = 50;
  /** Workflows with a cron trigger. */
  static final int CRON_WORKFLOWS = 100;

  private static final String ACTOR = "bench";
  private static final List<String> CRON_ZONES = List.of("UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo");

  private final TrialDatabase database;
  final boolean postgres;
  /** The repository store's pool, the one {@link #workflows} uses. */
  final DataSource dataSource;
  final WorkflowRepository workflows;
  final UUID workflowId;
  /** The latest (and only) version of the listed workflow. */
  final UUID versionId;
  /** Where the page starting {@value #DEEP_OFFSET} runs deep begins. */
  final String deepCursor;
  /** The run just before that page: the keyset the cursor stands for. */
  final WorkflowRun lastBeforeDeep;

  WorkflowFixture(String backend) throws IOException {
    database = new TrialDatabase(backend);
    try {
      postgres = database.postgres;
      dataSource = database.persistence.database(Store.REPOSITORY).dataSource();
      workflows = database.persistence.workflows();
      workflowId = workflows.createWorkflow(NewWorkflow.named("Runs", ACTOR)).id();
      versionId = workflows.createVersion(workflowId, version()).id();
      WorkflowRun template = workflows.createRun(NewRun.of(workflowId, versionId, "manual", input()));
      workflows.markRunStarted(template.id(), ACTOR);
      template = workflows.markRunSucceeded(template.id(), ACTOR, output());
      List<UUID> newestFirst = new RunSeeder(dataSource, postgres).seed(template, RUNS - 1);
      if (postgres) {
        analyze();
      }
      Page<WorkflowRun> above = pageEndingAt(DEEP_OFFSET);
      deepCursor = above.nextCursor();
      lastBeforeDeep = above.items().get(above.items().size() - 1);
      check(newestFirst);
      seedCronTriggers();
    } catch (RuntimeException e) {
      // JMH does not tear down a trial whose setup failed: without this the temporary directory, and on PostgreSQL
      // the server, would outlive it.
      try {
        database.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The input of every run: a chat message, as a webhook or the ChatKit front end would send. */
  static ObjectNode input() {
    ObjectNode input = JsonCodec.mapper().createObjectNode();
    input.put("message", "Summarise the attached report and list the three largest risks.");
    input.putArray("attachments").add("s3://reports/2025/q3.pdf");
    input.putObject("context").put("user", "u-1842").put("locale", "en-GB");
    return input;
  }

  private static ObjectNode output() {
    ObjectNode output = JsonCodec.mapper().createObjectNode();
    output.put("answer", "The report names supply-chain delays, currency exposure and key-person dependency.");
    output.putObject("usage").put("prompt_tokens", 1830).put("completion_tokens", 214);
    return output;
  }

  private static NewVersion version() {
    ObjectNode graph = JsonCodec.mapper().createObjectNode();
    var nodes = graph.putArray("nodes");
    for (String name : List.of("start", "fetch", "summarise", "review", "end")) {
      nodes.addObject().put("name", name).put("type", name.equals("summarise") ? "llm" : "task");
    }
    var edges = graph.putArray("edges");
    edges.addObject().put("from", "start").put("to", "fetch");
    edges.addObject().put("from", "fetch").put("to", "summarise");
    edges.addObject().put("from", "summarise").put("to", "review");
    edges.addObject().put("from", "review").put("to", "end");
    ObjectNode config = JsonCodec.mapper().createObjectNode();
    config.putArray("tags").add("reports");
    config.putObject("metadata").put("team", "finance");
    config.put("recursion_limit", 40);
    return NewVersion.of(graph, ACTOR).withRunnableConfig(config);
  }

  /**
   * PostgreSQL's autovacuum would analyse the freshly filled table within a minute or so, in the middle of a
   * measurement, and could change the plans there; analysing now measures the plans a settled database uses.
   * SQLite has no automatic statistics (the repository never runs {@code ANALYZE}), so it is measured without.
   */
  private void analyze() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE workflow_runs");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot analyse workflow_runs", e);
    }
  }

  /** Pages through the runs a thousand at a time, the largest page there is, up to the page ending at offset. */
  private Page<WorkflowRun> pageEndingAt(int offset) {
    PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
    for (int skipped = 0; ; ) {
      Page<WorkflowRun> page = workflows.listRuns(workflowId, request);
      skipped += page.items().size();
      if (skipped >= offset) {
        if (skipped != offset || !page.hasNext()) {
          throw new IllegalStateException("Cannot stop paging at " + offset + " runs: got " + skipped);
        }
        return page;
      }
      request = page.next(PageRequest.MAX_LIMIT).orElseThrow();
    }
  }

  /** Both measured pages start where the seed says they must; otherwise the numbers would describe another query. */
  private void check(List<UUID> newestFirst) {
    UUID first = workflows.listRuns(workflowId, PageRequest.first(PAGE_SIZE)).items().get(0).id();
    UUID deep = workflows.listRuns(workflowId, PageRequest.after(deepCursor, PAGE_SIZE)).items().get(0).id();
    if (!first.equals(newestFirst.get(0)) || !deep.equals(newestFirst.get(DEEP_OFFSET))) {
      throw new IllegalStateException("Pages start at the wrong runs: " + first + " and " + deep + ", expected "
          + newestFirst.get(0) + " and " + newestFirst.get(DEEP_OFFSET));
    }
  }

  /**
   * Daily triggers, at least two hours away in their own time zone, so none comes due during the trial. The first
   * dispatch anchors each schedule (one write per trigger); it happens here, so that the benchmark measures the
   * steady state of a dispatcher that ticks every minute and finds nothing to do.
   */
  private void seedCronTriggers() {
    for (int i = 0; i < CRON_WORKFLOWS; i++) {
      UUID id = workflows.createWorkflow(NewWorkflow.named("Cron " + i, ACTOR)).id();
      workflows.createVersion(id, version());
      String zone = CRON_ZONES.get(i % CRON_ZONES.size());
      int hour = (ZonedDateTime.now(ZoneId.of(zone)).getHour() + 3 + i % 18) % 24;
      workflows.configureCronTrigger(id,
          new CronTriggerConfig((i % 60) + " " + hour + " * * *", zone, false, null, null));
    }
    List<WorkflowRun> dispatched = workflows.dispatchDueCronRuns(Instant.now());
    if (!dispatched.isEmpty()) {
      throw new IllegalStateException("No cron trigger should be due, but " + dispatched.size() + " were");
    }
  }

  @Override
  public void close() throws IOException {
    database.close();
  }
}
