package io.orcheo.persistence.cli;


import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.history.HistoryFilter;
import io.orcheo.persistence.core.history.RunHistoryRecord;
import io.orcheo.persistence.core.history.RunHistoryStep;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code orcheo-db history …}: the run history upstream's worker writes, read-only. A workflow is named by the
 * string the writer used (the worker uses the workflow's id); it is taken verbatim, not resolved like a handle.
 */
@Command(name = "history", description = "List a workflow's execution histories, or show one with its steps.",
    subcommands = {HistoryCommand.ListHistories.class, HistoryCommand.Show.class})
final class HistoryCommand implements Runnable {
  @ParentCommand OrcheoDb root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: list or show");
  }

  /** Prints history records as a table, in the order given. */
  static void printRecords(PrintWriter out, List<RunHistoryRecord> records) {
    out.printf("%-36s %-10s %-28s %-28s %-20s %s%n", "EXECUTION_ID", "STATUS", "STARTED_AT", "COMPLETED_AT",
        "RUN_NAME", "ERROR");
    for (RunHistoryRecord record : records) {
      out.printf("%-36s %-10s %-28s %-28s %-20s %s%n", record.executionId(), record.status().value(),
          record.startedAt(), orDash(record.completedAt()), orDash(record.runName()), orDash(record.error()));
    }
  }

  /** Prints steps as a table, one a line, each payload as compact JSON so a line is a whole step. */
  static void printSteps(PrintWriter out, List<RunHistoryStep> steps) {
    out.printf("  %-5s %-28s %s%n", "INDEX", "AT", "PAYLOAD");
    for (RunHistoryStep step : steps) {
      out.printf("  %-5d %-28s %s%n", step.stepIndex(), step.at(), step.payload());
    }
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }

  @Command(name = "list",
      description = "Print one page of a workflow's execution histories, newest first, and the command for the next "
          + "page.")
  static final class ListHistories implements Callable<Integer> {
    @ParentCommand HistoryCommand history;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKFLOW_ID",
        description = "The workflow id as the history's writer recorded it (the worker records the workflow's UUID).")
    String workflowId;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + PageRequest.DEFAULT_LIMIT,
        description = "Histories per page, 1 to " + PageRequest.MAX_LIMIT + " (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--after", paramLabel = "CURSOR",
        description = "Continue after the page that printed this cursor.")
    String cursor;

    @Option(names = "--metadata", paramLabel = "JSON",
        description = "Only histories whose metadata contains this JSON object, e.g. '{\"trigger\": \"webhook\"}'.")
    String metadata;

    @Override
    public Integer call() {
      Arguments.requireLimit(spec.commandLine(), "--limit", limit);
      Arguments.requireCursor(spec.commandLine(), cursor);
      HistoryFilter filter;
      try {
        filter = new HistoryFilter(Arguments.metadata(spec.commandLine(), metadata));
      } catch (ValidationException e) {
        // A filter shape both backends cannot evaluate alike (an array of objects, an unsupported key).
        throw new ParameterException(spec.commandLine(), "Invalid --metadata: " + e.getMessage(), e, null, metadata);
      }
      PrintWriter out = spec.commandLine().getOut();
      try (OrcheoPersistence persistence = history.root.open()) {
        Page<RunHistoryRecord> page;
        try {
          page = persistence.runHistory().listHistoryRecords(workflowId, filter, new PageRequest(limit, cursor));
        } catch (ValidationException e) {
          // With limit and filter checked above, only the cursor can be refused (malformed, or from another
          // workflow's or filter's listing): a mistake on the command line, not a storage failure.
          throw new ParameterException(spec.commandLine(), "Invalid --after: " + e.getMessage(), e, null, cursor);
        }
        printRecords(out, page.items());
        out.printf("%d execution(s)%n", page.items().size());
        if (page.hasNext()) {
          // The filter is repeated because the cursor is bound to it; --after= keeps a cursor an argument.
          out.printf("next page: ./orcheo-db history list %s --limit %d%s --after=%s%n", Arguments.quote(workflowId),
              limit, filter.metadataContains() == null ? ""
                  : " --metadata=" + Arguments.quote(filter.metadataContains().toString()),
              page.nextCursor());
        }
      }
      return 0;
    }
  }

  @Command(name = "show",
      description = "Show an execution's history and a piece of its steps, and the command for the next piece.")
  static final class Show implements Callable<Integer> {
    @ParentCommand HistoryCommand history;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXECUTION_ID",
        description = "The execution id (the worker uses the run id).")
    String executionId;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "" + PageRequest.DEFAULT_LIMIT,
        description = "Steps to print, 1 to " + PageRequest.MAX_LIMIT + " (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--after", paramLabel = "INDEX", defaultValue = "-1",
        description = "Print the steps after this index (default ${DEFAULT-VALUE}: from the first).")
    int after;

    @Override
    public Integer call() {
      Arguments.requireLimit(spec.commandLine(), "--steps", steps);
      if (after < -1) {
        throw new ParameterException(spec.commandLine(), "--after must be -1 (from the first step) or more, got "
            + after);
      }
      PrintWriter out = spec.commandLine().getOut();
      try (OrcheoPersistence persistence = history.root.open()) {
        printRecord(out, persistence.runHistory().getRecord(executionId));
        List<RunHistoryStep> piece = persistence.runHistory().steps(executionId, after, steps);
        out.printf("steps after index %d (%d):%n", after, piece.size());
        printSteps(out, piece);
        // A full piece may be followed by more steps, and a running execution may still append some.
        if (piece.size() == steps) {
          out.printf("next piece: ./orcheo-db history show %s --steps %d --after %d%n", Arguments.quote(executionId),
              steps, piece.get(piece.size() - 1).stepIndex());
        }
      }
      return 0;
    }

    /** The record's fields; JSON values compact, so each field is one line. */
    private static void printRecord(PrintWriter out, RunHistoryRecord record) {
      out.printf("execution_id:  %s%n", record.executionId());
      out.printf("workflow_id:   %s%n", record.workflowId());
      out.printf("status:        %s%n", record.status().value());
      out.printf("run_name:      %s%n", orDash(record.runName()));
      out.printf("started_at:    %s%n", record.startedAt());
      out.printf("completed_at:  %s%n", orDash(record.completedAt()));
      out.printf("error:         %s%n", orDash(record.error()));
      out.printf("inputs:        %s%n", record.inputs());
      out.printf("tags:          %s%n", record.tags());
      out.printf("metadata:      %s%n", record.metadata());
      out.printf("trace:         %s (started %s, last span %s)%n", orDash(record.traceId()),
          orDash(record.traceStartedAt()), orDash(record.traceLastSpanAt()));
    }
  }
}
