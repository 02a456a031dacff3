package io.orcheo.persistence.cli;

import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOWS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.core.workflows.Workflow;
import io.orcheo.persistence.core.workflows.WorkflowNotFoundException;
import io.orcheo.persistence.core.workflows.WorkflowRepository;
import io.orcheo.persistence.core.workflows.WorkflowRun;
import io.orcheo.persistence.core.workflows.WorkflowVersion;
import io.orcheo.persistence.core.workflows.WorkflowVersionNotFoundException;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.runtime.Store;
import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jooq.Record1;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code orcheo-db workflows …}: the workflows of the repository database, read-only. */
@Command(name = "workflows", description = "List workflows, or show one with its versions and newest runs.",
    subcommands = {WorkflowsCommand.ListWorkflows.class, WorkflowsCommand.Show.class})
final class WorkflowsCommand implements Runnable {
  /** How many runs {@code show} prints; {@code runs list} pages through the rest. */
  static final int SHOWN_RUNS = 10;

  @ParentCommand OrcheoDb root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: list or show");
  }

  /**
   * The id of the workflow {@code ref} names (an active workflow's handle, an archived one's, or an id).
   *
   * @throws NotFoundException naming the ref: the repository's own message is the bare ref, as upstream's is,
   *     which says nothing to someone reading a terminal
   */
  static UUID resolve(WorkflowRepository workflows, String ref) {
    try {
      return workflows.resolveWorkflowRef(ref);
    } catch (WorkflowNotFoundException e) {
      throw new NotFoundException("Workflow '" + ref + "' not found: no workflow has this handle or id", e);
    }
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  @Command(name = "list", description = "List active workflows (or all with --archived) with their latest version.")
  static final class ListWorkflows implements Callable<Integer> {
    @ParentCommand WorkflowsCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--archived", description = "Include archived workflows.")
    boolean archived;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (OrcheoPersistence persistence = parent.root.open()) {
        WorkflowRepository workflows = persistence.workflows();
        List<Workflow> listed = workflows.listWorkflows(archived);
        out.printf("%-36s %-24s %-32s %-8s %-6s %s%n", "ID", "HANDLE", "NAME", "ARCHIVED", "LATEST", "UPDATED_AT");
        for (Workflow workflow : listed) {
          out.printf("%-36s %-24s %-32s %-8s %-6s %s%n", workflow.id(), orDash(workflow.handle()), workflow.name(),
              yesNo(workflow.isArchived()), latestVersion(workflows, workflow.id()), workflow.updatedAt());
        }
        out.printf("%d workflow(s)%n", listed.size());
      }
      return 0;
    }

    private static String latestVersion(WorkflowRepository workflows, UUID workflowId) {
      try {
        return Integer.toString(workflows.getLatestVersion(workflowId).version());
      } catch (WorkflowVersionNotFoundException e) {
        return "-";
      }
    }
  }

  @Command(name = "show", description = "Show a workflow, its versions and its " + SHOWN_RUNS + " newest runs.")
  static final class Show implements Callable<Integer> {
    @ParentCommand WorkflowsCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKFLOW", description = "The workflow's handle or id.")
    String ref;

    @Option(names = "--json", description = "Print the stored workflow document, as upstream Orcheo reads it.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (OrcheoPersistence persistence = parent.root.open()) {
        WorkflowRepository workflows = persistence.workflows();
        UUID workflowId = resolve(workflows, ref);
        if (json) {
          out.println(pretty(storedDocument(persistence, workflowId)));
          return 0;
        }
        printWorkflow(out, workflows.getWorkflow(workflowId));
        List<WorkflowVersion> versions = workflows.listVersions(workflowId);
        out.printf("versions (%d):%n", versions.size());
        out.printf("  %-7s %-20s %-28s %s%n", "VERSION", "CREATED_BY", "CREATED_AT", "NOTES");
        for (WorkflowVersion version : versions) {
          out.printf("  %-7d %-20s %-28s %s%n", version.version(), version.createdBy(), version.createdAt(),
              orDash(version.notes()));
        }
        Page<WorkflowRun> runs = workflows.listRuns(workflowId, PageRequest.first(SHOWN_RUNS));
        out.printf("newest runs (%d):%n", runs.items().size());
        RunsCommand.printRuns(out, runs.items());
        RunsCommand.printNextPage(out, workflowId, SHOWN_RUNS, runs);
      }
      return 0;
    }

    private static void printWorkflow(PrintWriter out, Workflow w) {
      out.printf("id:            %s%n", w.id());
      out.printf("name:          %s%n", w.name());
      out.printf("handle:        %s%n", orDash(w.handle()));
      out.printf("slug:          %s%n", w.slug());
      out.printf("description:   %s%n", orDash(w.description()));
      out.printf("tags:          %s%n", w.tags());
      out.printf("archived:      %s%n", yesNo(w.isArchived()));
      out.printf("draft_access:  %s%n", w.draftAccess().value());
      out.printf("public:        %s%n", yesNo(w.isPublic()));
      if (w.isPublic()) {
        out.printf("published:     %s by %s, login %s%n", w.publishedAt(), orDash(w.publishedBy()),
            w.requireLogin() ? "required" : "not required");
      }
      out.printf("created_at:    %s%n", w.createdAt());
      out.printf("updated_at:    %s (%s by %s)%n", w.updatedAt(), w.lastEvent().action(), w.lastEvent().actor());
    }

    /**
     * The {@code payload} column as stored, so fields a newer upstream wrote are shown too; the repository's
     * records carry only the fields this code knows.
     */
    private static JsonNode storedDocument(OrcheoPersistence persistence, UUID workflowId) {
      return persistence.database(Store.REPOSITORY).transactor().read("read the document of workflow " + workflowId, dsl -> dsl
              .select(WORKFLOWS.PAYLOAD)
              .from(WORKFLOWS)
              .where(WORKFLOWS.ID.eq(workflowId.toString()))
              .fetchOptional(Record1::value1))
          // Only a workflow deleted between resolving and reading gets here.
          .orElseThrow(() -> new WorkflowNotFoundException("Workflow " + workflowId + " no longer exists"));
    }

    private static String pretty(JsonNode document) {
      try {
        return JsonCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
      } catch (JsonProcessingException e) {
        // A tree read from the database always serializes; failing here is a bug, not a user error.
        throw new IllegalStateException("Cannot print the workflow document", e);
      }
    }
  }
}
