package io.orcheo.persistence.it.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.core.checkpoints.AgentensorCheckpoint;
import io.orcheo.persistence.core.checkpoints.AgentensorCheckpointStore;
import io.orcheo.persistence.core.checkpoints.NewCheckpoint;
import io.orcheo.persistence.core.error.ConflictException;
import io.orcheo.persistence.core.history.RunHistory;
import io.orcheo.persistence.core.history.RunHistoryRecord;
import io.orcheo.persistence.core.history.RunHistoryStep;
import io.orcheo.persistence.core.history.RunHistoryStore;
import io.orcheo.persistence.core.history.StartRun;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.it.support.Together;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The run-history and agentensor checkpoint stores stay correct when two "processes" (two independent
 * {@link OrcheoPersistence} instances, each with its own pool, on one database) call them from many threads at once:
 * step indexes and automatic checkpoint versions are each taken exactly once, a workflow ends with a single best
 * checkpoint, and an execution id starts once.
 *
 * <p>Upstream serialised these with an in-process lock only (spec §2.9, §B.3: "nothing prevents duplicate versions
 * under concurrent processes"); here the database must do it. Every test releases its threads together through
 * {@link Together} and checks both what the callers were told and what is stored.
 */
public abstract class HistoryConcurrencyContract extends BackendContract {
  private static final int THREADS = 8;
  private static final int STEPS = 64;
  private static final int CHECKPOINTS = 40;
  private static final int BEST_CALLS_PER_THREAD = 3;
  /** How many times the start race is repeated with a fresh execution id, for more interleavings. */
  private static final int ROUNDS = 5;
  private static final String WORKFLOW = "wf-concurrency";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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

  /** Even numbers use the test's instance, odd ones the second: both "processes" take part in every race. */
  private OrcheoPersistence process(int n) {
    return n % 2 == 0 ? persistence : secondProcess;
  }

  private RunHistoryStore history(int n) {
    return process(n).runHistory();
  }

  private AgentensorCheckpointStore checkpoints(int n) {
    return process(n).checkpoints();
  }

  private List<List<String>> rows(String sql, Object... parameters) throws SQLException {
    try (Connection connection = persistence.database(Store.REPOSITORY).dataSource().getConnection()) {
      return Rows.query(connection, sql, parameters);
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("stored JSON does not parse: " + json, e);
    }
  }

  // ------------------------------------------------------------------------------------------------ steps

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void sixtyFourConcurrentAppendsFromTwoProcessesTakeEveryStepIndexOnceAndTheLastSpanIsTheLatestStep()
      throws Exception {
    String executionId = "exec-steps";
    persistence.runHistory().startRun(StartRun.of(WORKFLOW, executionId, Map.of("q", "hi")));
    // Which call (its payload's "call" field) each returned index went to.
    Map<Integer, Integer> callByIndex = new ConcurrentHashMap<>();
    Map<Integer, Instant> atByIndex = new ConcurrentHashMap<>();
    Queue<Integer> duplicates = new ConcurrentLinkedQueue<>();

    Together.run(THREADS, 30, thread -> {
      for (int i = 0; i < STEPS / THREADS; i++) {
        int call = thread * (STEPS / THREADS) + i;
        // Time moves on between calls, so the steps' times tell which one was written last.
        clock.advance(Duration.ofMillis(1));
        RunHistoryStep step = history(thread + i).appendStep(executionId, Map.of("call", call));
        if (callByIndex.putIfAbsent(step.stepIndex(), call) != null) {
          duplicates.add(step.stepIndex());
        }
        atByIndex.put(step.stepIndex(), step.at());
        assertThat(step.payload().path("call").asInt()).isEqualTo(call);
      }
    });

    List<Integer> zeroToSixtyThree = IntStream.range(0, STEPS).boxed().toList();
    assertThat(duplicates).as("indexes handed out twice").isEmpty();
    assertThat(callByIndex.keySet()).containsExactlyInAnyOrderElementsOf(zeroToSixtyThree);
    List<List<String>> stored = rows(
        "SELECT step_index, payload FROM execution_history_steps WHERE execution_id = ? ORDER BY step_index",
        executionId);
    assertThat(stored).extracting(row -> Integer.valueOf(row.get(0))).containsExactlyElementsOf(zeroToSixtyThree);
    for (List<String> row : stored) {
      assertThat(parse(row.get(1)).path("call").asInt()).as("payload of step %s", row.get(0))
          .isEqualTo(callByIndex.get(Integer.valueOf(row.get(0))));
    }
    RunHistory read = secondProcess.runHistory().getHistory(executionId);
    assertThat(read.steps()).extracting(RunHistoryStep::stepIndex).containsExactlyElementsOf(zeroToSixtyThree);
    // Each index is taken under the execution's lock, so later indexes never carry earlier times.
    assertThat(read.steps()).extracting(RunHistoryStep::at).isSortedAccordingTo(Comparator.naturalOrder());
    Instant latest = atByIndex.get(STEPS - 1);
    assertThat(read.steps().get(STEPS - 1).at()).isEqualTo(latest);
    assertThat(atByIndex.values()).allSatisfy(at -> assertThat(at).isBeforeOrEqualTo(latest));
    assertThat(read.record().traceLastSpanAt()).isEqualTo(latest);
    // The same, as stored: the column holds exactly the text of the last step's time.
    assertThat(rows("SELECT h.trace_last_span_at FROM execution_history h WHERE h.execution_id = ?", executionId))
        .isEqualTo(rows("SELECT s.at FROM execution_history_steps s WHERE s.execution_id = ? AND s.step_index = ?",
            executionId, STEPS - 1));
  }

  // ------------------------------------------------------------------------------------------------ checkpoints

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void fortyConcurrentCheckpointsWithoutAVersionFromTwoProcessesNumberEveryVersionOnceFromOneToForty()
      throws Exception {
    Map<Integer, String> idByVersion = new ConcurrentHashMap<>();
    Map<String, Integer> callById = new ConcurrentHashMap<>();
    Queue<Integer> duplicates = new ConcurrentLinkedQueue<>();

    Together.run(THREADS, 30, thread -> {
      for (int i = 0; i < CHECKPOINTS / THREADS; i++) {
        int call = thread * (CHECKPOINTS / THREADS) + i;
        AgentensorCheckpoint recorded = checkpoints(thread + i).recordCheckpoint(
            NewCheckpoint.of(WORKFLOW, NODES.objectNode().put("call", call), NODES.objectNode().put("score", call)));
        if (idByVersion.putIfAbsent(recorded.configVersion(), recorded.id()) != null) {
          duplicates.add(recorded.configVersion());
        }
        callById.put(recorded.id(), call);
      }
    });

    List<Integer> oneToForty = IntStream.rangeClosed(1, CHECKPOINTS).boxed().toList();
    assertThat(duplicates).as("versions handed out twice").isEmpty();
    assertThat(idByVersion.keySet()).containsExactlyInAnyOrderElementsOf(oneToForty);
    List<List<String>> stored = rows(
        "SELECT config_version, id, runnable_config FROM agentensor_checkpoints WHERE workflow_id = ?"
            + " ORDER BY config_version", WORKFLOW);
    assertThat(stored).extracting(row -> Integer.valueOf(row.get(0))).containsExactlyElementsOf(oneToForty);
    for (List<String> row : stored) {
      int version = Integer.parseInt(row.get(0));
      assertThat(row.get(1)).as("id of v%d", version).isEqualTo(idByVersion.get(version));
      assertThat(parse(row.get(2)).path("call").asInt()).as("config of v%d", version)
          .isEqualTo(callById.get(row.get(1)));
    }
    assertThat(secondProcess.checkpoints().latestCheckpoint(WORKFLOW)).get()
        .extracting(AgentensorCheckpoint::configVersion).isEqualTo(CHECKPOINTS);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void concurrentBestCheckpointsFromTwoProcessesLeaveExactlyOneBestTheLastRecorded() throws Exception {
    AgentensorCheckpoint earlier = persistence.checkpoints().recordCheckpoint(
        NewCheckpoint.of(WORKFLOW, NODES.objectNode(), NODES.objectNode().put("score", -1)).asBest());
    Queue<AgentensorCheckpoint> recorded = new ConcurrentLinkedQueue<>();

    Together.run(THREADS, 30, thread -> {
      for (int i = 0; i < BEST_CALLS_PER_THREAD; i++) {
        recorded.add(checkpoints(thread + i).recordCheckpoint(NewCheckpoint.of(WORKFLOW,
            NODES.objectNode().put("thread", thread), NODES.objectNode().put("score", i)).asBest()));
      }
    });

    assertThat(recorded).hasSize(THREADS * BEST_CALLS_PER_THREAD).allMatch(AgentensorCheckpoint::isBest);
    List<List<String>> bestRows =
        rows("SELECT id FROM agentensor_checkpoints WHERE workflow_id = ? AND is_best", WORKFLOW);
    assertThat(bestRows).as("rows marked best").hasSize(1);
    String bestId = bestRows.get(0).get(0);
    assertThat(recorded).extracting(AgentensorCheckpoint::id).contains(bestId);
    assertThat(bestId).isNotEqualTo(earlier.id());
    assertThat(persistence.checkpoints().bestCheckpoint(WORKFLOW)).get()
        .extracting(AgentensorCheckpoint::id).isEqualTo(bestId);
    assertThat(secondProcess.checkpoints().bestCheckpoint(WORKFLOW)).get()
        .extracting(AgentensorCheckpoint::id).isEqualTo(bestId);
    // Versions and the best are both decided under the workflow's lock, so the last to commit has the highest
    // version, and it is the one left best.
    AgentensorCheckpoint highest = recorded.stream().max(Comparator.comparingInt(AgentensorCheckpoint::configVersion))
        .orElseThrow();
    assertThat(bestId).isEqualTo(highest.id());
    assertThat(rows("SELECT count(*) FROM agentensor_checkpoints WHERE workflow_id = ?", WORKFLOW))
        .containsExactly(List.of(Integer.toString(THREADS * BEST_CALLS_PER_THREAD + 1)));
  }

  // ------------------------------------------------------------------------------------------------ start

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void concurrentStartsOfOneExecutionIdFromTwoProcessesLetExactlyOneSucceedAndTheOthersConflict()
      throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String executionId = "exec-start-" + round;
      Queue<Integer> winners = new ConcurrentLinkedQueue<>();
      Queue<String> conflicts = new ConcurrentLinkedQueue<>();

      Together.run(THREADS, 30, thread -> {
        try {
          RunHistoryRecord started = history(thread).startRun(
              StartRun.of(WORKFLOW, executionId, Map.of("thread", thread)));
          assertThat(started.inputs().path("thread").asInt()).isEqualTo(thread);
          winners.add(thread);
        } catch (ConflictException e) {
          conflicts.add(e.getMessage());
        }
      });

      assertThat(winners).as("round %d winners", round).hasSize(1);
      assertThat(conflicts).as("round %d conflicts", round).hasSize(THREADS - 1)
          .containsOnly("History already exists for execution_id=" + executionId);
      List<List<String>> stored =
          rows("SELECT inputs, status FROM execution_history WHERE execution_id = ?", executionId);
      assertThat(stored).hasSize(1);
      assertThat(parse(stored.get(0).get(0)).path("thread").asInt()).isEqualTo(winners.peek());
      assertThat(stored.get(0).get(1)).isEqualTo("running");
      assertThat(persistence.runHistory().getHistory(executionId).record().inputs().path("thread").asInt())
          .isEqualTo(winners.peek());
    }
  }
}
