package io.orcheo.persistence.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.core.workflows.NewRun;
import io.orcheo.persistence.core.workflows.WorkflowRepository;
import io.orcheo.persistence.core.workflows.WorkflowRun;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The workflow repository's run operations on a workflow with {@value WorkflowFixture#RUNS} runs, and cron dispatch
 * over {@value WorkflowFixture#CRON_WORKFLOWS} triggers of which none is due, on SQLite and on an embedded
 * PostgreSQL. See {@link WorkflowFixture} for the data.
 *
 * <p>The two page benchmarks run the same query from two depths: keyset pagination seeks in
 * {@code idx_runs_workflow_created}, so a page {@value WorkflowFixture#DEEP_OFFSET} runs deep should cost what the
 * first page costs. {@link BenchmarkReport} ({@code --benchmark=workflows}) prints that ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {
    "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class WorkflowBenchmark {
  @Param({"sqlite", "postgres"})
  public String backend;

  private WorkflowFixture fixture;
  private WorkflowRepository workflows;
  private UUID workflowId;
  private PageRequest deepPage;
  private final ObjectNode input = WorkflowFixture.input();

  @Setup(Level.Trial)
  public void open() throws IOException {
    fixture = new WorkflowFixture(backend);
    workflows = fixture.workflows;
    workflowId = fixture.workflowId;
    deepPage = PageRequest.after(fixture.deepCursor, WorkflowFixture.PAGE_SIZE);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    if (fixture != null) {
      fixture.close();
    }
  }

  /** A manual run of the latest version, as the API creates one; the workflow's run count grows as it runs. */
  @Benchmark
  public WorkflowRun createRun() {
    return workflows.createRun(NewRun.of(workflowId, fixture.versionId, "manual", input));
  }

  @Benchmark
  public Page<WorkflowRun> listRunsFirstPage() {
    return workflows.listRuns(workflowId, PageRequest.first(WorkflowFixture.PAGE_SIZE));
  }

  @Benchmark
  public Page<WorkflowRun> listRunsDeepPage() {
    return workflows.listRuns(workflowId, deepPage);
  }

  /** Upstream's form: the newest runs, at most {@code limit}, without a cursor. */
  @Benchmark
  public List<WorkflowRun> listRunsForWorkflowLimit50() {
    return workflows.listRunsForWorkflow(workflowId, WorkflowFixture.PAGE_SIZE);
  }

  /** One tick of a dispatcher that finds nothing due: reads every trigger and computes its next occurrence. */
  @Benchmark
  public List<WorkflowRun> dispatchDueCronRuns() {
    return workflows.dispatchDueCronRuns(Instant.now());
  }
}
