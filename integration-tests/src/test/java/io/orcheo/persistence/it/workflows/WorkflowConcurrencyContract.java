package io.orcheo.persistence.it.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.workflows.NewRun;
import io.orcheo.persistence.core.workflows.NewVersion;
import io.orcheo.persistence.core.workflows.NewWorkflow;
import io.orcheo.persistence.core.workflows.RunStatus;
import io.orcheo.persistence.core.workflows.WorkflowHandleConflictException;
import io.orcheo.persistence.core.workflows.WorkflowRepository;
import io.orcheo.persistence.core.workflows.WorkflowRun;
import io.orcheo.persistence.core.workflows.WorkflowVersion;
import io.orcheo.persistence.core.workflows.triggers.CronTriggerConfig;
import io.orcheo.persistence.core.workflows.triggers.RetryDecision;
import io.orcheo.persistence.core.workflows.triggers.RetryPolicyConfig;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.it.support.Together;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The workflow repository's read-check-write operations stay correct when two "processes" (two independent
 * {@link OrcheoPersistence} instances, each with its own pool, on one database) hammer them from many threads at
 * once: version numbers, cron occurrences, run transitions, handles and retry counts are each taken exactly once.
 *
 * <p>Upstream serialised these with an in-process lock only (spec §0.3, §6.2); here the database must do it. Every
 * test releases its threads together through a latch and checks both what the callers saw and what is stored.
 */
public abstract class WorkflowConcurrencyContract extends BackendContract {
  private static final int THREADS = 8;
  private static final int VERSIONS = 200;
  /** How many times each run race is repeated with a fresh run, for more interleavings. */
  private static final int ROUNDS = 5;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String ISOFORMAT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00";

  private OrcheoPersistence secondProcess;

  @BeforeEach
  void openSecondProcess() {
    secondProcess = OrcheoPersistence.open(persistence.settings(), clock);
  }

  @AfterEach
  void closeSecondProcess() {
    if (secondProcess != null) {
      secondProcess.close();
    }
  }

  /** Even numbers call the test's instance, odd ones the second: both "processes" take part in every race. */
  private WorkflowRepository process(int n) {
    return (n % 2 == 0 ? persistence : secondProcess).workflows();
  }

  // ------------------------------------------------------------------------------------------------ harness

  private DataSource repositoryDatabase() {
    return persistence.database(Store.REPOSITORY).dataSource();
  }

  private List<List<String>> rows(String sql, Object... parameters) throws SQLException {
    try (Connection connection = repositoryDatabase().getConnection()) {
      return Rows.query(connection, sql, parameters);
    }
  }

  /**
   * The cron cursor as stored. On SQLite it must be upstream's isoformat text, because upstream reads it back with
   * {@code datetime.fromisoformat} and SQLite compares such values as text.
   */
  private Instant lastDispatchedAt(UUID workflowId) throws SQLException {
    String sql = "SELECT last_dispatched_at FROM cron_triggers WHERE workflow_id = ?";
    try (Connection connection = repositoryDatabase().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, workflowId.toString());
      try (ResultSet row = statement.executeQuery()) {
        assertThat(row.next()).as("cron trigger row of %s", workflowId).isTrue();
        if (backend() == TestBackend.SQLITE) {
          String text = row.getString(1);
          assertThat(text).matches(ISOFORMAT);
          return OffsetDateTime.parse(text).toInstant();
        }
        return row.getObject(1, OffsetDateTime.class).toInstant();
      }
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("stored JSON does not parse: " + json, e);
    }
  }

  /** How many entries of the run's stored audit log have {@code action}. */
  private static long events(JsonNode payload, String action) {
    long count = 0;
    for (JsonNode event : payload.path("audit_log")) {
      if (event.path("action").asText().equals(action)) {
        count++;
      }
    }
    return count;
  }

  private record StoredRun(String statusColumn, JsonNode payload) {}

  private StoredRun storedRun(UUID runId) throws SQLException {
    List<List<String>> found = rows("SELECT status, payload FROM workflow_runs WHERE id = ?", runId.toString());
    assertThat(found).as("rows of run %s", runId).hasSize(1);
    return new StoredRun(found.get(0).get(0), parse(found.get(0).get(1)));
  }

  private UUID workflowWithVersion(String name) {
    WorkflowRepository workflows = persistence.workflows();
    UUID id = workflows.createWorkflow(NewWorkflow.named(name, "tester")).id();
    workflows.createVersion(id, NewVersion.of(NODES.objectNode().put("name", name), "tester"));
    return id;
  }

  private WorkflowRun newRun(UUID workflowId) {
    WorkflowRepository workflows = persistence.workflows();
    UUID versionId = workflows.getLatestVersion(workflowId).id();
    return workflows.createRun(NewRun.of(workflowId, versionId, "manual", null));
  }

  // ------------------------------------------------------------------------------------------------ versions

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void concurrentCreateVersionFromTwoProcessesNumbersEveryVersionOnceFromOneToTwoHundred() throws Exception {
    UUID workflowId = persistence.workflows().createWorkflow(NewWorkflow.named("Versioned", "tester")).id();
    // Which request (its graph's "request" field) each returned number went to.
    Map<Integer, Integer> requestByNumber = new ConcurrentHashMap<>();
    Queue<Integer> duplicates = new ConcurrentLinkedQueue<>();

    Together.run(THREADS, 30, thread -> {
      for (int i = 0; i < VERSIONS / THREADS; i++) {
        int request = thread * (VERSIONS / THREADS) + i;
        WorkflowVersion created = process(thread + i).createVersion(workflowId,
            NewVersion.of(NODES.objectNode().put("request", request), "thread-" + thread));
        if (requestByNumber.putIfAbsent(created.version(), request) != null) {
          duplicates.add(created.version());
        }
      }
    });

    List<Integer> oneToTwoHundred = IntStream.rangeClosed(1, VERSIONS).boxed().toList();
    assertThat(duplicates).as("numbers handed out twice").isEmpty();
    assertThat(requestByNumber.keySet()).containsExactlyInAnyOrderElementsOf(oneToTwoHundred);
    List<WorkflowVersion> listed = persistence.workflows().listVersions(workflowId);
    assertThat(listed).extracting(WorkflowVersion::version).containsExactlyElementsOf(oneToTwoHundred);
    // Each stored version holds the graph of the call that was told its number.
    for (WorkflowVersion version : listed) {
      assertThat(version.graph().path("request").asInt()).as("graph of v%d", version.version())
          .isEqualTo(requestByNumber.get(version.version()));
    }
    List<List<String>> stored = rows(
        "SELECT version, payload FROM workflow_versions WHERE workflow_id = ? ORDER BY version",
        workflowId.toString());
    assertThat(stored).extracting(row -> Integer.valueOf(row.get(0))).containsExactlyElementsOf(oneToTwoHundred);
    for (List<String> row : stored) {
      assertThat(parse(row.get(1)).path("version").asInt()).as("payload version of row %s", row.get(0))
          .isEqualTo(Integer.parseInt(row.get(0)));
    }
  }

  // ------------------------------------------------------------------------------------------------ cron

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void concurrentCronDispatchFromTwoProcessesCreatesExactlyOneRunPerDueOccurrence() throws Exception {
    Instant fireTime = Instant.parse("2025-01-03T12:00:00Z");
    clock.set(fireTime);
    List<UUID> workflowIds = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      UUID id = workflowWithVersion("Noon " + i);
      persistence.workflows().configureCronTrigger(id, new CronTriggerConfig("0 12 * * *", "UTC", false, null, null));
      workflowIds.add(id);
    }
    Queue<WorkflowRun> dispatched = new ConcurrentLinkedQueue<>();

    Together.run(THREADS, 30, thread -> {
      // Several calls per thread: later ones run after the cursor moved and must find nothing due.
      for (int call = 0; call < 5; call++) {
        dispatched.addAll(process(thread + call).dispatchDueCronRuns(fireTime));
      }
    });

    assertThat(dispatched).extracting(WorkflowRun::workflowId).containsExactlyInAnyOrderElementsOf(workflowIds);
    for (UUID id : workflowIds) {
      assertThat(persistence.workflows().listRunsForWorkflow(id, null)).singleElement().satisfies(run -> {
        assertThat(run.triggeredBy()).isEqualTo("cron");
        assertThat(run.inputPayload().path("scheduled_for").asText()).isEqualTo("2025-01-03T12:00:00+00:00");
      });
      assertThat(rows("SELECT count(*) FROM workflow_runs WHERE workflow_id = ? AND triggered_by = 'cron'",
          id.toString())).containsExactly(List.of("1"));
      assertThat(lastDispatchedAt(id)).as("last_dispatched_at of %s", id).isEqualTo(fireTime);
    }
  }

  // ------------------------------------------------------------------------------------------------ runs

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void concurrentStartsOfOnePendingRunLetExactlyOneWinAndRecordOneStartEvent() throws Exception {
    UUID workflowId = workflowWithVersion("Started");
    for (int round = 0; round < ROUNDS; round++) {
      UUID runId = newRun(workflowId).id();
      Queue<Integer> winners = new ConcurrentLinkedQueue<>();
      Queue<String> refusals = new ConcurrentLinkedQueue<>();

      Together.run(THREADS, 30, thread -> {
        try {
          process(thread).markRunStarted(runId, "worker-" + thread);
          winners.add(thread);
        } catch (ValidationException e) {
          refusals.add(e.getMessage());
        }
      });

      assertThat(winners).as("round %d winners", round).hasSize(1);
      assertThat(refusals).as("round %d refusals", round).hasSize(THREADS - 1)
          .containsOnly("Only pending runs can be started.");
      StoredRun stored = storedRun(runId);
      assertThat(stored.statusColumn()).isEqualTo("running");
      assertThat(stored.payload().path("status").asText()).isEqualTo(stored.statusColumn());
      assertThat(events(stored.payload(), "run_started")).isEqualTo(1);
      WorkflowRun read = persistence.workflows().getRun(runId);
      assertThat(read.status()).isEqualTo(RunStatus.RUNNING);
      assertThat(read.auditLog().get(read.auditLog().size() - 1).actor()).isEqualTo("worker-" + winners.peek());
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void racingSucceedAndCancelOfARunningRunLetExactlyOneTransitionWin() throws Exception {
    UUID workflowId = workflowWithVersion("Finished");
    for (int round = 0; round < ROUNDS; round++) {
      UUID runId = newRun(workflowId).id();
      persistence.workflows().markRunStarted(runId, "worker");
      Queue<Integer> winners = new ConcurrentLinkedQueue<>();
      Queue<String> succeedRefusals = new ConcurrentLinkedQueue<>();
      Queue<String> cancelRefusals = new ConcurrentLinkedQueue<>();

      // Even threads try to succeed the run, odd ones to cancel it, through both processes.
      Together.run(THREADS, 30, thread -> {
        WorkflowRepository workflows = process(thread / 2);
        try {
          if (thread % 2 == 0) {
            workflows.markRunSucceeded(runId, "worker-" + thread, NODES.objectNode().put("by", thread));
          } else {
            workflows.markRunCancelled(runId, "worker-" + thread, "by " + thread);
          }
          winners.add(thread);
        } catch (ValidationException e) {
          (thread % 2 == 0 ? succeedRefusals : cancelRefusals).add(e.getMessage());
        }
      });

      assertThat(winners).as("round %d winners", round).hasSize(1);
      int winner = winners.peek();
      boolean succeeded = winner % 2 == 0;
      assertThat(succeedRefusals.size() + cancelRefusals.size()).isEqualTo(THREADS - 1);
      assertThat(succeedRefusals).containsOnly("Only running runs can be marked as succeeded.");
      assertThat(cancelRefusals).containsOnly("Cannot cancel a run that is already completed.");
      StoredRun stored = storedRun(runId);
      assertThat(stored.statusColumn()).isEqualTo(succeeded ? "succeeded" : "cancelled");
      assertThat(stored.payload().path("status").asText()).isEqualTo(stored.statusColumn());
      assertThat(events(stored.payload(), succeeded ? "run_succeeded" : "run_cancelled")).isEqualTo(1);
      assertThat(events(stored.payload(), succeeded ? "run_cancelled" : "run_succeeded")).isZero();
      WorkflowRun read = persistence.workflows().getRun(runId);
      if (succeeded) {
        assertThat(read.outputPayload()).isEqualTo(NODES.objectNode().put("by", winner));
        assertThat(read.error()).isNull();
      } else {
        assertThat(read.outputPayload()).isNull();
        assertThat(read.error()).isEqualTo("by " + winner);
      }
    }
  }

  // ------------------------------------------------------------------------------------------------ handles

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void concurrentCreatesWithOneHandleFromTwoProcessesLetExactlyOneSucceed() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String handle = "shared-" + round;
      Queue<UUID> created = new ConcurrentLinkedQueue<>();
      Queue<String> conflicts = new ConcurrentLinkedQueue<>();

      Together.run(THREADS, 30, thread -> {
        try {
          created.add(process(thread).createWorkflow(NewWorkflow.named("Flow " + thread, "thread-" + thread)
              .withHandle(handle)).id());
        } catch (WorkflowHandleConflictException e) {
          conflicts.add(e.getMessage());
        }
      });

      assertThat(created).as("round %d creations", round).hasSize(1);
      assertThat(conflicts).hasSize(THREADS - 1)
          .containsOnly("Workflow handle '" + handle + "' is already in use.");
      assertThat(rows("SELECT id FROM workflows WHERE handle = ?", handle))
          .containsExactly(List.of(created.peek().toString()));
      assertThat(persistence.workflows().resolveWorkflowRef(handle)).isEqualTo(created.peek());
    }
  }

  // ------------------------------------------------------------------------------------------------ retries

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void fiftyConcurrentRetrySchedulesOfOneFailedRunHandOutEachOfTheFourRetriesOnce() throws Exception {
    UUID workflowId = workflowWithVersion("Retried");
    // Five attempts: the first plus four retries; no jitter, so each retry's delay is known: 10 s × 2^(n−1).
    persistence.workflows().configureRetryPolicy(workflowId, new RetryPolicyConfig(5, 10.0, 2.0, null, 0.0));
    UUID runId = newRun(workflowId).id();
    persistence.workflows().markRunFailed(runId, "worker", "boom");
    Instant failedAt = Instant.parse("2025-01-02T03:00:00Z");
    AtomicInteger calls = new AtomicInteger();
    Queue<Optional<RetryDecision>> decisions = new ConcurrentLinkedQueue<>();

    Together.run(THREADS, 30, thread -> {
      // 50 calls in all, shared out among the threads as they come.
      for (int call = calls.getAndIncrement(); call < 50; call = calls.getAndIncrement()) {
        decisions.add(process(thread + call).scheduleRetryForRun(runId, failedAt));
      }
    });

    assertThat(decisions).hasSize(50);
    List<RetryDecision> granted = decisions.stream().flatMap(Optional::stream).toList();
    assertThat(granted).extracting(RetryDecision::retryNumber).containsExactlyInAnyOrder(1, 2, 3, 4);
    for (RetryDecision decision : granted) {
      double delay = 10.0 * Math.pow(2, decision.retryNumber() - 1);
      assertThat(decision.delaySeconds()).as("delay of retry %d", decision.retryNumber()).isEqualTo(delay);
      assertThat(decision.scheduledFor()).isEqualTo(failedAt.plus(Duration.ofSeconds((long) delay)));
    }
    assertThat(secondProcess.workflows().scheduleRetryForRun(runId, failedAt)).as("after exhaustion").isEmpty();
  }
}
