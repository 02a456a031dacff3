package io.orcheo.persistence.cli;

import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.core.workflows.WorkflowRepository;
import io.orcheo.persistence.core.workflows.WorkflowRun;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code orcheo-db runs …}: a workflow's runs, newest first, a page at a time. */
@Command(name = "runs", description = "List a workflow's runs, newest first, a page at a time.",
    subcommands = {RunsCommand.ListRuns.class})
final class RunsCommand implements Runnable {
  @ParentCommand OrcheoDb root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: list");
  }

  /** Prints runs as a table, in the order given. */
  static void printRuns(PrintWriter out, List<WorkflowRun> runs) {
    out.printf("%-36s %-10s %-14s %-36s %-28s %s%n", "ID", "STATUS", "TRIGGERED_BY", "VERSION_ID", "CREATED_AT",
        "ERROR");
    for (WorkflowRun run : runs) {
      out.printf("%-36s %-10s %-14s %-36s %-28s %s%n", run.id(), run.status().value(), run.triggeredBy(),
          run.workflowVersionId(), run.createdAt(), run.error() == null ? "-" : run.error());
    }
  }

  /**
   * Prints the command line that lists the page after {@code page}, if there is one. It names the workflow by id:
   * the cursor is bound to the id, while a handle could name another workflow by the time it is pasted.
   */
  static void printNextPage(PrintWriter out, UUID workflowId, int limit, Page<WorkflowRun> page) {
    if (page.hasNext()) {
      // --cursor= keeps the value an argument even if an opaque cursor ever starts with '-'.
      out.printf("next page: ./orcheo-db runs list %s --limit %d --cursor=%s%n", workflowId, limit,
          page.nextCursor());
    }
  }

  @Command(name = "list", description = "Print one page of a workflow's runs and the command for the next page.")
  static final class ListRuns implements Callable<Integer> {
    @ParentCommand RunsCommand runs;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKFLOW", description = "The workflow's handle or id.")
    String ref;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + PageRequest.DEFAULT_LIMIT,
        description = "Runs per page, 1 to " + PageRequest.MAX_LIMIT + " (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cursor", paramLabel = "CURSOR",
        description = "Continue after the page that printed this cursor.")
    String cursor;

    @Override
    public Integer call() {
      if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
        throw new ParameterException(spec.commandLine(),
            "--limit must be between 1 and " + PageRequest.MAX_LIMIT + ", got " + limit);
      }
      if (cursor != null && cursor.isBlank()) {
        throw new ParameterException(spec.commandLine(), "--cursor must not be blank; omit it for the first page");
      }
      PrintWriter out = spec.commandLine().getOut();
      try (OrcheoPersistence persistence = runs.root.open()) {
        WorkflowRepository workflows = persistence.workflows();
        UUID workflowId = WorkflowsCommand.resolve(workflows, ref);
        Page<WorkflowRun> page;
        try {
          page = workflows.listRuns(workflowId, new PageRequest(limit, cursor));
        } catch (ValidationException e) {
          // With the limit checked above, only the cursor can be refused (malformed, or from another workflow's
          // listing): a mistake on the command line, not a storage failure.
          throw new ParameterException(spec.commandLine(), "Invalid --cursor: " + e.getMessage(), e, null, cursor);
        }
        printRuns(out, page.items());
        out.printf("%d run(s)%n", page.items().size());
        printNextPage(out, workflowId, limit, page);
      }
      return 0;
    }
  }
}
