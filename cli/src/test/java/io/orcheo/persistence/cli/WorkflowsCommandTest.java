package io.orcheo.persistence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.workflows.NewRun;
import io.orcheo.persistence.core.workflows.NewVersion;
import io.orcheo.persistence.core.workflows.NewWorkflow;
import io.orcheo.persistence.core.workflows.Workflow;
import io.orcheo.persistence.core.workflows.WorkflowRepository;
import io.orcheo.persistence.core.workflows.WorkflowRun;
import io.orcheo.persistence.core.workflows.WorkflowVersion;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code workflows list|show} and {@code runs list}, on SQLite files in a temporary directory. */
class WorkflowsCommandTest extends CommandLineTest {
  private static final Pattern NEXT_PAGE = Pattern.compile("next page: \\./orcheo-db (.+)");




  /** Arranges data through the repository the commands read, on the same files. */
  private <T> T seed(Function<WorkflowRepository, T> work) {
    try (OrcheoPersistence persistence = OrcheoPersistence.open(PersistenceSettings.fromMap(env))) {
      return work.apply(persistence.workflows());
    }
  }

  private static JsonNode graph(String node) {
    return JsonNodeFactory.instance.objectNode().set("nodes",
        JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode().put("name", node)));
  }

  private static Workflow workflowWithVersions(WorkflowRepository workflows, String handle, int versions) {
    Workflow workflow = workflows.createWorkflow(NewWorkflow.named("Flow " + handle, "tester").withHandle(handle));
    for (int i = 1; i <= versions; i++) {
      workflows.createVersion(workflow.id(), NewVersion.of(graph("n" + i), "tester").withNotes("note " + i));
    }
    return workflow;
  }

  /** Creates {@code count} pending runs of the workflow's latest version, oldest first. */
  private static List<WorkflowRun> runs(WorkflowRepository workflows, Workflow workflow, int count) {
    WorkflowVersion latest = workflows.getLatestVersion(workflow.id());
    List<WorkflowRun> created = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      created.add(workflows.createRun(NewRun.of(workflow.id(), latest.id(), "manual", null)));
    }
    return created;
  }

  private String nextPageCommand() {
    Matcher m = NEXT_PAGE.matcher(out.toString());
    assertThat(m.find()).as("next-page command in %s", out).isTrue();
    return m.group(1);
  }

  @Test
  void workflowsListShowsHandleAndLatestVersionOrADash() {
    seed(workflows -> {
      workflowWithVersions(workflows, "two-versions", 2);
      return workflowWithVersions(workflows, "no-versions", 0);
    });

    assertThat(run("workflows", "list")).isZero();

    assertThat(out.toString().lines())
        .anyMatch(line -> line.matches(".*two-versions +Flow two-versions +no +2 .*"))
        .anyMatch(line -> line.matches(".*no-versions +Flow no-versions +no +- .*"));
    assertThat(out.toString()).contains("2 workflow(s)");
  }

  @Test
  void workflowsListShowsArchivedWorkflowsOnlyWithArchived() {
    seed(workflows -> workflows.archiveWorkflow(workflowWithVersions(workflows, "old-flow", 1).id(), "tester"));

    assertThat(run("workflows", "list")).isZero();
    assertThat(out.toString()).doesNotContain("old-flow").contains("0 workflow(s)");

    assertThat(run("workflows", "list", "--archived")).isZero();
    assertThat(out.toString().lines()).anyMatch(line -> line.matches(".*old-flow +Flow old-flow +yes +1 .*"));
  }

  @Test
  void workflowsShowByHandlePrintsFieldsVersionsAndRuns() {
    WorkflowRun failed = seed(workflows -> {
      Workflow workflow = workflowWithVersions(workflows, "shown", 2);
      WorkflowRun run = runs(workflows, workflow, 1).get(0);
      return workflows.markRunFailed(run.id(), "tester", "boom");
    });

    assertThat(run("workflows", "show", "shown")).isZero();

    assertThat(out.toString())
        .contains("handle:        shown")
        .contains("name:          Flow shown")
        .contains("versions (2):")
        .contains("newest runs (1):");
    assertThat(out.toString().lines())
        .anyMatch(line -> line.matches(" +1 +tester +\\S+ +note 1"))
        .anyMatch(line -> line.matches(" +2 +tester +\\S+ +note 2"))
        .anyMatch(line -> line.startsWith(failed.id() + " failed ") && line.endsWith(" boom"));
  }

  @Test
  void workflowsShowAcceptsAnId() {
    Workflow workflow = seed(workflows -> workflowWithVersions(workflows, "by-id", 0));

    assertThat(run("workflows", "show", workflow.id().toString())).isZero();

    assertThat(out.toString()).contains("id:            " + workflow.id()).contains("handle:        by-id");
  }

  @Test
  void workflowsShowPrintsOnlyTheTenNewestRunsAndTheCommandForTheRest() {
    List<WorkflowRun> created = seed(workflows -> runs(workflows, workflowWithVersions(workflows, "busy", 1), 11));

    assertThat(run("workflows", "show", "busy")).isZero();

    assertThat(out.toString()).contains("newest runs (10):")
        .contains(created.get(10).id().toString())
        .doesNotContain(created.get(0).id().toString());
    assertThat(nextPageCommand()).startsWith("runs list ").contains("--limit 10 --cursor=");
  }

  @Test
  void workflowsShowJsonPrintsTheStoredDocumentPretty() throws Exception {
    Workflow workflow = seed(workflows -> workflowWithVersions(workflows, "as-json", 1));

    assertThat(run("workflows", "show", "as-json", "--json")).isZero();

    assertThat(out.toString()).contains("\n  \"");
    JsonNode document = JsonCodec.mapper().readTree(out.toString());
    assertThat(document.path("id").asText()).isEqualTo(workflow.id().toString());
    assertThat(document.path("handle").asText()).isEqualTo("as-json");
    assertThat(document.path("is_archived").asBoolean(true)).isFalse();
    assertThat(document.path("audit_log").get(0).path("action").asText()).isEqualTo("workflow_created");
  }

  @Test
  void workflowsShowUnknownRefExitsWithNotFound() {
    assertThat(run("workflows", "show", "ghost")).isEqualTo(OrcheoDb.EXIT_NOT_FOUND);

    assertThat(err.toString()).contains("Workflow 'ghost' not found");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void runsListPrintsEachRunsStatusTriggerVersionAndError() {
    WorkflowRun failed = seed(workflows -> {
      WorkflowRun run = runs(workflows, workflowWithVersions(workflows, "listed", 1), 1).get(0);
      workflows.markRunStarted(run.id(), "tester");
      return workflows.markRunFailed(run.id(), "tester", "timed out");
    });

    assertThat(run("runs", "list", "listed")).isZero();

    assertThat(out.toString().lines()).anyMatch(line -> line.matches(
        failed.id() + " +failed +manual +" + failed.workflowVersionId() + " +\\S+ +timed out"));
    assertThat(out.toString()).contains("1 run(s)").doesNotContain("next page");
  }

  @Test
  void runsListPrintsNextCursorWhenMorePagesExist() {
    List<WorkflowRun> created = seed(workflows -> runs(workflows, workflowWithVersions(workflows, "paged", 1), 3));

    assertThat(run("runs", "list", "paged", "--limit", "2")).isZero();

    assertThat(out.toString()).contains(created.get(2).id().toString()).contains(created.get(1).id().toString())
        .doesNotContain(created.get(0).id().toString()).contains("2 run(s)");
    assertThat(nextPageCommand()).matches("runs list " + created.get(0).workflowId() + " --limit 2 --cursor=\\S+");
  }

  @Test
  void runsListNextPageCommandContinuesAfterThePrintedPage() {
    List<WorkflowRun> created = seed(workflows -> runs(workflows, workflowWithVersions(workflows, "paged", 1), 3));
    run("runs", "list", "paged", "--limit", "2");

    assertThat(run(nextPageCommand().split(" "))).isZero();

    assertThat(out.toString()).contains(created.get(0).id().toString())
        .doesNotContain(created.get(1).id().toString()).contains("1 run(s)").doesNotContain("next page");
  }

  @Test
  void runsListWithAMalformedCursorIsAUsageError() {
    seed(workflows -> workflowWithVersions(workflows, "paged", 1));

    assertThat(run("runs", "list", "paged", "--cursor", "not-a-cursor")).isEqualTo(2);

    assertThat(err.toString()).contains("Page cursor is malformed");
  }

  @Test
  void runsListWithACursorOfAnotherWorkflowIsAUsageError() {
    seed(workflows -> {
      workflowWithVersions(workflows, "mine", 1);
      runs(workflows, workflowWithVersions(workflows, "other", 1), 2);
      return null;
    });
    run("runs", "list", "other", "--limit", "1");
    String cursor = nextPageCommand().replaceAll(".*--cursor=", "");

    assertThat(run("runs", "list", "mine", "--cursor", cursor)).isEqualTo(2);

    assertThat(err.toString()).contains("Invalid --cursor: Page cursor does not belong to this listing");
  }

  @Test
  void runsListWithALimitOutOfRangeIsAUsageError() {
    assertThat(run("runs", "list", "any", "--limit", "0")).isEqualTo(2);

    assertThat(err.toString()).contains("--limit must be between 1 and 1000, got 0");
  }

  @Test
  void runsListOfAnUnknownWorkflowExitsWithNotFound() {
    assertThat(run("runs", "list", "ghost")).isEqualTo(OrcheoDb.EXIT_NOT_FOUND);

    assertThat(err.toString()).contains("Workflow 'ghost' not found");
  }
}
