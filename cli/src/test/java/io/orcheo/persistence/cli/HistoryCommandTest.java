package io.orcheo.persistence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.history.RunHistoryStore;
import io.orcheo.persistence.core.history.StartRun;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@code history list|show}, on SQLite files in a temporary directory. */
class HistoryCommandTest extends CommandLineTest {
  private static final String WORKFLOW = "wf-1";




  /** Arranges histories through the store the commands read, on the same files. */
  private void seed(Consumer<RunHistoryStore> work) {
    try (OrcheoPersistence persistence = OrcheoPersistence.open(PersistenceSettings.fromMap(env))) {
      work.accept(persistence.runHistory());
    }
  }

  /** Starts {@code exec-1} to {@code exec-<count>} of {@code workflowId}, oldest first, with {@code trigger}. */
  private static void started(RunHistoryStore history, String workflowId, int count, String trigger) {
    for (int i = 1; i <= count; i++) {
      history.startRun(StartRun.of(workflowId, trigger + "-exec-" + i, Map.of())
          .withMetadata(Map.of("trigger", trigger)));
    }
  }

  /** Starts {@code executionId} and appends {@code count} steps {@code {"n": 0}}, {@code {"n": 1}}… */
  private static void withSteps(RunHistoryStore history, String executionId, int count) {
    history.startRun(StartRun.of(WORKFLOW, executionId, Map.of("name", "Ada")));
    for (int i = 0; i < count; i++) {
      history.appendStep(executionId, Map.of("n", i));
    }
  }

  @Test
  void historyListPrintsStatusRunNameAndErrorNewestFirst() {
    seed(history -> {
      history.startRun(StartRun.of(WORKFLOW, "exec-1", Map.of()).withRunName("nightly"));
      history.markCompleted("exec-1");
      history.startRun(StartRun.of(WORKFLOW, "exec-2", Map.of()));
      history.markFailed("exec-2", "boom");
    });

    assertThat(run("history", "list", WORKFLOW)).isZero();

    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(1)).matches("exec-2 +error +\\S+ +\\S+ +- +boom");
    assertThat(lines.get(2)).matches("exec-1 +completed +\\S+ +\\S+ +nightly +-");
    assertThat(out.toString()).contains("2 execution(s)").doesNotContain("next page");
  }

  @Test
  void historyListPrintsNextPageCommand() {
    seed(history -> started(history, WORKFLOW, 3, "manual"));

    assertThat(run("history", "list", WORKFLOW, "--limit", "2")).isZero();

    assertThat(out.toString()).contains("manual-exec-3").contains("manual-exec-2").doesNotContain("manual-exec-1")
        .contains("2 execution(s)");
    assertThat(PastedCommand.text(out.toString())).matches("history list wf-1 --limit 2 --after=\\S+");
  }

  @Test
  void historyListNextPageCommandContinuesAfterThePrintedPage() {
    seed(history -> started(history, WORKFLOW, 3, "manual"));
    run("history", "list", WORKFLOW, "--limit", "2");

    assertThat(run(PastedCommand.from(out.toString()))).isZero();

    assertThat(out.toString()).contains("manual-exec-1").doesNotContain("manual-exec-2").contains("1 execution(s)")
        .doesNotContain("next page");
  }

  @Test
  void historyListFiltersByMetadata() {
    seed(history -> {
      started(history, WORKFLOW, 1, "manual");
      started(history, WORKFLOW, 1, "webhook");
    });

    assertThat(run("history", "list", WORKFLOW, "--metadata", "{\"trigger\": \"webhook\"}")).isZero();

    assertThat(out.toString()).contains("webhook-exec-1").doesNotContain("manual-exec-1").contains("1 execution(s)");
  }

  @Test
  void historyListNextPageCommandRepeatsTheMetadataFilterQuoted() {
    seed(history -> {
      started(history, WORKFLOW, 3, "webhook");
      started(history, WORKFLOW, 1, "manual");
    });
    run("history", "list", WORKFLOW, "--limit", "2", "--metadata", "{\"trigger\": \"webhook\"}");
    assertThat(PastedCommand.text(out.toString())).contains(" --metadata='{\"trigger\":\"webhook\"}' ");

    assertThat(run(PastedCommand.from(out.toString()))).isZero();

    assertThat(out.toString()).contains("webhook-exec-1").doesNotContain("manual-exec-1").contains("1 execution(s)");
  }

  @Test
  void historyListTakesTheWorkflowIdVerbatimAndQuotesItInTheNextPageCommand() {
    seed(history -> started(history, "my flow's id", 2, "manual"));

    assertThat(run("history", "list", "my flow's id", "--limit", "1")).isZero();

    assertThat(out.toString()).contains("manual-exec-2");
    assertThat(PastedCommand.text(out.toString())).startsWith("history list 'my flow'\\''s id' --limit 1 ");
    assertThat(run(PastedCommand.from(out.toString()))).isZero();
    assertThat(out.toString()).contains("manual-exec-1");
  }

  @Test
  void historyListOfAWorkflowWithoutHistoriesPrintsAnEmptyPage() {
    assertThat(run("history", "list", "ghost")).isZero();

    assertThat(out.toString()).contains("0 execution(s)");
  }

  @Test
  void historyListWithMetadataThatIsNotJsonIsAUsageError() {
    assertThat(run("history", "list", WORKFLOW, "--metadata", "{trigger: webhook}")).isEqualTo(2);

    assertThat(err.toString()).contains("Invalid --metadata: not JSON");
  }

  @Test
  void historyListWithMetadataThatIsNotAnObjectIsAUsageError() {
    assertThat(run("history", "list", WORKFLOW, "--metadata", "[\"webhook\"]")).isEqualTo(2);

    assertThat(err.toString()).contains("Invalid --metadata: expected a JSON object").contains("got ARRAY");
  }

  @Test
  void historyListWithTextAfterTheMetadataObjectIsAUsageError() {
    assertThat(run("history", "list", WORKFLOW, "--metadata", "{\"a\": 1} }")).isEqualTo(2);

    assertThat(err.toString()).contains("Invalid --metadata: not JSON");
  }

  @Test
  void historyListWithAMetadataFilterNeitherBackendSupportsIsAUsageError() {
    assertThat(run("history", "list", WORKFLOW, "--metadata", "{\"a\": [{\"b\": 1}]}")).isEqualTo(2);

    assertThat(err.toString()).contains("Invalid --metadata: JSON filter at $.a holds an array of objects");
  }

  @Test
  void historyListWithAMalformedCursorIsAUsageError() {
    assertThat(run("history", "list", WORKFLOW, "--after", "not-a-cursor")).isEqualTo(2);

    assertThat(err.toString()).contains("Invalid --after: Page cursor is malformed");
  }

  @Test
  void historyListWithACursorOfAnotherFilterIsAUsageError() {
    seed(history -> started(history, WORKFLOW, 2, "webhook"));
    run("history", "list", WORKFLOW, "--limit", "1");
    String cursor = PastedCommand.text(out.toString()).replaceAll(".*--after=", "");

    assertThat(run("history", "list", WORKFLOW, "--metadata", "{\"trigger\": \"webhook\"}", "--after", cursor))
        .isEqualTo(2);

    assertThat(err.toString()).contains("Invalid --after: Page cursor does not belong to this listing");
  }

  @Test
  void historyListWithALimitOutOfRangeIsAUsageError() {
    assertThat(run("history", "list", WORKFLOW, "--limit", "1001")).isEqualTo(2);

    assertThat(err.toString()).contains("--limit must be between 1 and 1000, got 1001");
  }

  @Test
  void historyShowPrintsTheRecordAndItsStepsInOrder() {
    seed(history -> {
      withSteps(history, "exec-1", 3);
      history.markFailed("exec-1", "boom");
    });

    assertThat(run("history", "show", "exec-1")).isZero();

    assertThat(out.toString())
        .contains("execution_id:  exec-1")
        .contains("workflow_id:   wf-1")
        .contains("status:        error")
        .contains("error:         boom")
        .contains("inputs:        {\"name\":\"Ada\"}")
        .contains("steps after index -1 (3):")
        .doesNotContain("next piece");
    assertThat(stepLines()).containsExactly("0 {\"n\":0}", "1 {\"n\":1}", "2 {\"n\":2}");
  }

  /** The printed steps as "index payload", without their times. */
  private List<String> stepLines() {
    return out.toString().lines()
        .filter(line -> line.matches("  \\d+ .*"))
        .map(line -> line.trim().replaceFirst(" +\\S+ +", " "))
        .toList();
  }

  @Test
  void historyShowPrintsTheCommandForTheNextPieceWhenThePieceIsFull() {
    seed(history -> withSteps(history, "exec-1", 5));

    assertThat(run("history", "show", "exec-1", "--steps", "2")).isZero();

    assertThat(stepLines()).containsExactly("0 {\"n\":0}", "1 {\"n\":1}");
    assertThat(PastedCommand.text(out.toString())).isEqualTo("history show exec-1 --steps 2 --after 1");
  }

  @Test
  void historyShowNextPieceCommandContinuesAfterTheLastPrintedStep() {
    seed(history -> withSteps(history, "exec-1", 3));
    run("history", "show", "exec-1", "--steps", "2");

    assertThat(run(PastedCommand.from(out.toString()))).isZero();

    assertThat(stepLines()).containsExactly("2 {\"n\":2}");
    assertThat(out.toString()).contains("steps after index 1 (1):").doesNotContain("next piece");
  }

  @Test
  void historyShowUnknownExecutionExitsWithNotFound() {
    assertThat(run("history", "show", "ghost")).isEqualTo(OrcheoDb.EXIT_NOT_FOUND);

    assertThat(err.toString()).contains("History not found for execution_id=ghost");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void historyShowWithAfterBelowMinusOneIsAUsageError() {
    assertThat(run("history", "show", "exec-1", "--after", "-2")).isEqualTo(2);

    assertThat(err.toString()).contains("--after must be -1 (from the first step) or more, got -2");
  }
}
