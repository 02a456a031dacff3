package io.orcheo.persistence.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.checkpoints.AgentensorCheckpoint;
import io.orcheo.persistence.core.checkpoints.AgentensorCheckpointStore;
import io.orcheo.persistence.core.checkpoints.CheckpointQuery;
import io.orcheo.persistence.core.checkpoints.NewCheckpoint;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.history.HistoryFilter;
import io.orcheo.persistence.core.history.RunHistory;
import io.orcheo.persistence.core.history.RunHistoryRecord;
import io.orcheo.persistence.core.history.RunHistoryStep;
import io.orcheo.persistence.core.history.RunHistoryStore;
import io.orcheo.persistence.core.history.StartRun;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of {@code docs/history.md}, run. */
class HistoryGuideTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @Test
  void historyAndCheckpoints() throws Exception {
    PersistenceSettings settings = PersistenceSettings.defaults().withSqliteDirectory(home);
    try (OrcheoPersistence persistence = OrcheoPersistence.open(settings)) {
      String workflowId = "3f2b5f8e-2a35-4d8f-9d3c-6b1f2f7a9c10";
      String executionId = "run-1";
      // tag::history[]
      RunHistoryStore history = persistence.runHistory();

      history.startRun(StartRun.of(workflowId, executionId, Map.of("question", "What is jOOQ?"))
          .withMetadata(Map.of("team", "search", "model", "small")));
      history.appendStep(executionId, Map.of("node", "retrieve", "documents", 3)); // step 0
      history.appendStep(executionId, Map.of("node", "answer", "tokens", 412));    // step 1
      RunHistory done = history.markCompleted(executionId);

      List<RunHistoryStep> tail = history.steps(executionId, 0, 100); // steps after index 0: a trace read in pieces
      Page<RunHistoryRecord> searchRuns = history.listHistoryRecords(workflowId,
          HistoryFilter.metadataContains((ObjectNode) JSON.readTree("{\"team\": \"search\"}")), PageRequest.first(50));
      // end::history[]

      assertThat(done.steps()).hasSize(2);
      assertThat(tail).extracting(RunHistoryStep::stepIndex).containsExactly(1);
      assertThat(searchRuns.items()).extracting(RunHistoryRecord::executionId).containsExactly(executionId);

      // tag::checkpoints[]
      AgentensorCheckpointStore checkpoints = persistence.checkpoints();

      checkpoints.recordCheckpoint(NewCheckpoint.of(workflowId, config("temperature", 0.2), metrics(0.81)));
      checkpoints.recordCheckpoint(NewCheckpoint.of(workflowId, config("temperature", 0.5), metrics(0.87)).asBest());
      Optional<AgentensorCheckpoint> best = checkpoints.bestCheckpoint(workflowId); // version 2

      Page<AgentensorCheckpoint> good = checkpoints.findCheckpoints(workflowId,
          CheckpointQuery.byMetric("accuracy").atLeast(0.85), PageRequest.first(20)); // highest accuracy first
      // end::checkpoints[]

      assertThat(best).map(AgentensorCheckpoint::configVersion).contains(2);
      assertThat(good.items()).extracting(AgentensorCheckpoint::configVersion).containsExactly(2);
    }
  }

  private static ObjectNode config(String key, double value) {
    return JSON.createObjectNode().set("configurable", JSON.createObjectNode().put(key, value));
  }

  private static ObjectNode metrics(double accuracy) {
    return JSON.createObjectNode().put("accuracy", accuracy);
  }
}
