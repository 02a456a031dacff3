package io.orcheo.persistence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.checkpoints.AgentensorCheckpoint;
import io.orcheo.persistence.core.checkpoints.AgentensorCheckpointStore;
import io.orcheo.persistence.core.checkpoints.NewCheckpoint;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@code checkpoints list|best}, on SQLite files in a temporary directory. */
class CheckpointsCommandTest extends CommandLineTest {
  private static final String WORKFLOW = "wf-1";




  /** Arranges checkpoints through the store the commands read, on the same files. */
  private <T> T seed(Function<AgentensorCheckpointStore, T> work) {
    try (OrcheoPersistence persistence = OrcheoPersistence.open(PersistenceSettings.fromMap(env))) {
      return work.apply(persistence.checkpoints());
    }
  }

  /** Records one checkpoint of {@link #WORKFLOW} per accuracy, versions 1, 2, 3…, none best. */
  private List<AgentensorCheckpoint> recorded(double... accuracies) {
    return seed(checkpoints -> {
      List<AgentensorCheckpoint> created = new ArrayList<>();
      for (double accuracy : accuracies) {
        created.add(checkpoints.recordCheckpoint(NewCheckpoint.of(WORKFLOW, config(accuracy), metrics(accuracy))));
      }
      return created;
    });
  }

  private static ObjectNode config(double accuracy) {
    return JsonNodeFactory.instance.objectNode().put("prompt", "p" + accuracy);
  }

  private static ObjectNode metrics(double accuracy) {
    return JsonNodeFactory.instance.objectNode().put("accuracy", accuracy).put("loss", 1 - accuracy);
  }

  /** The ids of the printed table's rows, in order. */
  private List<String> listedIds() {
    return out.toString().lines().filter(line -> line.matches("\\S{36} +\\d+ .*"))
        .map(line -> line.substring(0, 36)).toList();
  }

  private static List<String> ids(AgentensorCheckpoint... checkpoints) {
    return Arrays.stream(checkpoints).map(AgentensorCheckpoint::id).toList();
  }

  @Test
  void checkpointsListShowsVersionBestAndAllMetricsNewestVersionFirst() {
    AgentensorCheckpoint best = seed(checkpoints -> {
      checkpoints.recordCheckpoint(NewCheckpoint.of(WORKFLOW, config(0.5), metrics(0.5)));
      return checkpoints.recordCheckpoint(NewCheckpoint.of(WORKFLOW, config(0.75), metrics(0.75)).asBest());
    });

    assertThat(run("checkpoints", "list", WORKFLOW)).isZero();

    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).matches("ID +VERSION +BEST +CREATED_AT +METRICS");
    assertThat(lines.get(1)).matches(best.id() + " +2 +yes +\\S+ +\\{\"accuracy\":0.75,\"loss\":0.25}");
    assertThat(lines.get(2)).matches("\\S{36} +1 +no +\\S+ +\\{\"accuracy\":0.5,\"loss\":0.5}");
    assertThat(out.toString()).contains("2 checkpoint(s)").doesNotContain("next page");
  }

  @Test
  void checkpointsListOrdersByMetric() {
    List<AgentensorCheckpoint> c = recorded(0.71, 0.84, 0.79);

    assertThat(run("checkpoints", "list", WORKFLOW, "--metric", "accuracy")).isZero();

    assertThat(listedIds()).isEqualTo(ids(c.get(1), c.get(2), c.get(0)));
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).matches("ID +VERSION +BEST +CREATED_AT +ACCURACY");
    assertThat(lines.get(1)).endsWith(" 0.84");
    assertThat(out.toString()).doesNotContain("loss");
  }

  @Test
  void checkpointsListAscendingOrdersLowestFirst() {
    List<AgentensorCheckpoint> c = recorded(0.71, 0.84, 0.79);

    assertThat(run("checkpoints", "list", WORKFLOW, "--metric", "accuracy", "--ascending")).isZero();

    assertThat(listedIds()).isEqualTo(ids(c.get(0), c.get(2), c.get(1)));
  }

  @Test
  void checkpointsListKeepsOnlyMetricValuesWithinMinAndMax() {
    List<AgentensorCheckpoint> c = recorded(0.71, 0.84, 0.79);

    assertThat(run("checkpoints", "list", WORKFLOW, "--metric", "accuracy", "--min", "0.75", "--max", "0.8")).isZero();

    assertThat(listedIds()).isEqualTo(ids(c.get(2)));
  }

  @Test
  void checkpointsListFiltersByMetadata() {
    AgentensorCheckpoint tagged = seed(checkpoints -> {
      checkpoints.recordCheckpoint(NewCheckpoint.of(WORKFLOW, config(0.5), metrics(0.5)));
      return checkpoints.recordCheckpoint(NewCheckpoint.of(WORKFLOW, config(0.6), metrics(0.6))
          .withMetadata(JsonNodeFactory.instance.objectNode().put("dataset", "v2")));
    });

    assertThat(run("checkpoints", "list", WORKFLOW, "--metadata", "{\"dataset\": \"v2\"}")).isZero();

    assertThat(listedIds()).isEqualTo(ids(tagged));
  }

  @Test
  void checkpointsListNextPageCommandRepeatsTheQuery() {
    recorded(0.71, 0.84, 0.79);

    assertThat(run("checkpoints", "list", WORKFLOW, "--limit", "1", "--metric", "accuracy", "--min", "-1",
        "--ascending", "--metadata", "{}")).isZero();

    assertThat(PastedCommand.text(out.toString())).matches("checkpoints list wf-1 --limit 1 --metric accuracy "
        + "--min=-1.0 --ascending --metadata='\\{}' --after=\\S+");
  }

  @Test
  void checkpointsListNextPageCommandContinuesAfterThePrintedPage() {
    List<AgentensorCheckpoint> c = recorded(0.71, 0.84, 0.79);
    run("checkpoints", "list", WORKFLOW, "--limit", "2", "--metric", "accuracy", "--min", "0.7");

    assertThat(run(PastedCommand.from(out.toString()))).isZero();

    assertThat(listedIds()).isEqualTo(ids(c.get(0)));
    assertThat(out.toString()).doesNotContain("next page");
  }

  @Test
  void checkpointsListMinWithoutMetricIsAUsageError() {
    assertThat(run("checkpoints", "list", WORKFLOW, "--min", "0.5")).isEqualTo(2);

    assertThat(err.toString()).contains("min, max and ascending apply to a metric");
  }

  @Test
  void checkpointsListMinAboveMaxIsAUsageError() {
    assertThat(run("checkpoints", "list", WORKFLOW, "--metric", "accuracy", "--min", "0.9", "--max", "0.1"))
        .isEqualTo(2);

    assertThat(err.toString()).contains("min (0.9) must not exceed max (0.1)");
  }

  @Test
  void checkpointsListWithInvalidMetadataJsonIsAUsageError() {
    assertThat(run("checkpoints", "list", WORKFLOW, "--metadata", "{\"dataset\":")).isEqualTo(2);

    assertThat(err.toString()).contains("Invalid --metadata: not JSON");
  }

  @Test
  void checkpointsListWithACursorOfAnotherQueryIsAUsageError() {
    recorded(0.71, 0.84);
    run("checkpoints", "list", WORKFLOW, "--limit", "1", "--metric", "accuracy");
    String cursor = PastedCommand.text(out.toString()).replaceAll(".*--after=", "");

    assertThat(run("checkpoints", "list", WORKFLOW, "--limit", "1", "--after", cursor)).isEqualTo(2);

    assertThat(err.toString()).contains("Invalid --after: Page cursor does not belong to this listing");
  }

  @Test
  void checkpointsBestPrintsTheBestWithItsConfigAndMetrics() {
    AgentensorCheckpoint best = seed(checkpoints -> {
      AgentensorCheckpoint first = checkpoints.recordCheckpoint(
          NewCheckpoint.of(WORKFLOW, config(0.84), metrics(0.84)).asBest());
      checkpoints.recordCheckpoint(NewCheckpoint.of(WORKFLOW, config(0.5), metrics(0.5)));
      return first;
    });

    assertThat(run("checkpoints", "best", WORKFLOW)).isZero();

    assertThat(out.toString())
        .contains("id:              " + best.id())
        .contains("config_version:  1")
        .contains("best:            yes")
        .contains("metrics:         {\"accuracy\":0.84,")
        .contains("runnable_config: {\"prompt\":\"p0.84\"}");
  }

  @Test
  void checkpointsBestWithoutBestExitsWithNotFound() {
    recorded(0.71);

    assertThat(run("checkpoints", "best", WORKFLOW)).isEqualTo(OrcheoDb.EXIT_NOT_FOUND);

    assertThat(err.toString()).contains("Workflow 'wf-1' has no best checkpoint");
    assertThat(out.toString()).isEmpty();
  }
}
