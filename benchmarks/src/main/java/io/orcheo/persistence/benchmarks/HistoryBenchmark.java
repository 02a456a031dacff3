package io.orcheo.persistence.benchmarks;

import io.orcheo.persistence.core.history.HistoryFilter;
import io.orcheo.persistence.core.history.RunHistory;
import io.orcheo.persistence.core.history.RunHistoryRecord;
import io.orcheo.persistence.core.history.RunHistoryStore;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import java.io.IOException;
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
 * Keyset pages of run history on {@value HistoryFixture#HISTORIES} executions of one workflow: page 1 against page
 * {@value HistoryFixture#DEEP_PAGE} ({@value HistoryFixture#PAGE_SIZE} per page), records alone and with their
 * steps, on SQLite and on an embedded PostgreSQL. A keyset page seeks to its cursor, so its cost should not grow with
 * its depth; {@link BenchmarkReport} ({@code --benchmark=history}) prints each deep page's ratio to page 1.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {
    "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class HistoryBenchmark {
  @Param({"sqlite", "postgres"})
  public String backend;

  private HistoryFixture fixture;
  private RunHistoryStore history;
  private PageRequest firstPage;
  private PageRequest deepPage;

  @Setup(Level.Trial)
  public void open() throws IOException {
    fixture = new HistoryFixture(backend);
    history = fixture.history;
    firstPage = PageRequest.first(HistoryFixture.PAGE_SIZE);
    deepPage = PageRequest.after(fixture.deepCursor, HistoryFixture.PAGE_SIZE);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Benchmark
  public Page<RunHistoryRecord> recordsFirstPage() {
    return history.listHistoryRecords(HistoryFixture.WORKFLOW_ID, HistoryFilter.all(), firstPage);
  }

  @Benchmark
  public Page<RunHistoryRecord> recordsDeepPage() {
    return history.listHistoryRecords(HistoryFixture.WORKFLOW_ID, HistoryFilter.all(), deepPage);
  }

  /** Page 1 with every history's steps: two queries whatever the page size. */
  @Benchmark
  public Page<RunHistory> historiesFirstPage() {
    return history.listHistories(HistoryFixture.WORKFLOW_ID, HistoryFilter.all(), firstPage);
  }

  @Benchmark
  public Page<RunHistory> historiesDeepPage() {
    return history.listHistories(HistoryFixture.WORKFLOW_ID, HistoryFilter.all(), deepPage);
  }
}
