package io.orcheo.persistence.cli;

import io.orcheo.persistence.core.checkpoints.AgentensorCheckpoint;
import io.orcheo.persistence.core.checkpoints.CheckpointQuery;
import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code orcheo-db checkpoints …}: the agentensor checkpoints a training loop recorded, read-only. A workflow is
 * named by the string the trainer used, taken verbatim, not resolved like a handle.
 */
@Command(name = "checkpoints", description = "List a workflow's agentensor checkpoints, or show its best one.",
    subcommands = {CheckpointsCommand.ListCheckpoints.class, CheckpointsCommand.Best.class})
final class CheckpointsCommand implements Runnable {
  @ParentCommand OrcheoDb root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: list or best");
  }

  /**
   * Prints checkpoints as a table, in the order given: the value of {@code metric} in the last column, or every
   * metric as compact JSON when {@code metric} is {@code null}.
   */
  static void printCheckpoints(PrintWriter out, List<AgentensorCheckpoint> checkpoints, String metric) {
    out.printf("%-36s %-7s %-4s %-28s %s%n", "ID", "VERSION", "BEST", "CREATED_AT",
        metric == null ? "METRICS" : metric.toUpperCase(Locale.ROOT));
    for (AgentensorCheckpoint checkpoint : checkpoints) {
      out.printf("%-36s %-7d %-4s %-28s %s%n", checkpoint.id(), checkpoint.configVersion(),
          checkpoint.isBest() ? "yes" : "no", checkpoint.createdAt(),
          metric == null ? checkpoint.metrics() : checkpoint.metric(metric));
    }
  }

  /** Prints one checkpoint's fields, its config and metrics as compact JSON. */
  static void printCheckpoint(PrintWriter out, AgentensorCheckpoint checkpoint) {
    out.printf("id:              %s%n", checkpoint.id());
    out.printf("workflow_id:     %s%n", checkpoint.workflowId());
    out.printf("config_version:  %d%n", checkpoint.configVersion());
    out.printf("best:            %s%n", checkpoint.isBest() ? "yes" : "no");
    out.printf("created_at:      %s%n", checkpoint.createdAt());
    out.printf("metrics:         %s%n", checkpoint.metrics());
    out.printf("runnable_config: %s%n", checkpoint.runnableConfig());
    out.printf("metadata:        %s%n", checkpoint.metadata());
    out.printf("artifact_url:    %s%n", checkpoint.artifactUrl() == null ? "-" : checkpoint.artifactUrl());
  }

  /** Prints the command line that lists the page after {@code page} of {@code query}, if there is one. */
  static void printNextPage(PrintWriter out, String workflowId, int limit, CheckpointQuery query,
      Page<AgentensorCheckpoint> page) {
    if (page.hasNext()) {
      // --after= keeps the value an argument even if an opaque cursor ever starts with '-'.
      out.printf("next page: ./orcheo-db checkpoints list %s --limit %d%s --after=%s%n", Arguments.quote(workflowId),
          limit, queryOptions(query), page.nextCursor());
    }
  }

  /**
   * The options that rebuild {@code query}: the cursor is bound to it, so the next page must repeat them. Bounds are
   * written with {@code =} so a negative one stays the option's value.
   */
  private static String queryOptions(CheckpointQuery query) {
    StringBuilder options = new StringBuilder();
    if (query.metric() != null) {
      options.append(" --metric ").append(Arguments.quote(query.metric()));
    }
    if (query.min() != null) {
      options.append(" --min=").append(query.min());
    }
    if (query.max() != null) {
      options.append(" --max=").append(query.max());
    }
    if (query.ascending()) {
      options.append(" --ascending");
    }
    if (query.metadataContains() != null) {
      options.append(" --metadata=").append(Arguments.quote(query.metadataContains().toString()));
    }
    return options.toString();
  }

  @Command(name = "list",
      description = "Print one page of a workflow's checkpoints (by version, or by a metric) and the command for the "
          + "next page.")
  static final class ListCheckpoints implements Callable<Integer> {
    @ParentCommand CheckpointsCommand checkpoints;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKFLOW_ID", description = "The workflow id as the trainer recorded it.")
    String workflowId;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + PageRequest.DEFAULT_LIMIT,
        description = "Checkpoints per page, 1 to " + PageRequest.MAX_LIMIT + " (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--metric", paramLabel = "NAME",
        description = "Only checkpoints with this numeric metric, highest first (default: all, highest version "
            + "first).")
    String metric;

    @Option(names = "--min", paramLabel = "X", description = "With --metric: only values of at least X.")
    Double min;

    @Option(names = "--max", paramLabel = "Y", description = "With --metric: only values of at most Y.")
    Double max;

    @Option(names = "--ascending", description = "With --metric: lowest first (for a loss).")
    boolean ascending;

    @Option(names = "--metadata", paramLabel = "JSON",
        description = "Only checkpoints whose metadata contains this JSON object, e.g. '{\"dataset\": \"v2\"}'.")
    String metadata;

    @Option(names = "--after", paramLabel = "CURSOR",
        description = "Continue after the page that printed this cursor.")
    String cursor;

    @Override
    public Integer call() {
      Arguments.requireLimit(spec.commandLine(), "--limit", limit);
      Arguments.requireCursor(spec.commandLine(), cursor);
      CheckpointQuery query;
      try {
        query = new CheckpointQuery(Arguments.metadata(spec.commandLine(), metadata), metric, min, max, ascending);
      } catch (ValidationException e) {
        // --min, --max or --ascending without --metric, bounds out of order or not finite, an unsupported filter.
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      try (OrcheoPersistence persistence = checkpoints.root.open()) {
        Page<AgentensorCheckpoint> page;
        try {
          page = persistence.checkpoints().findCheckpoints(workflowId, query, new PageRequest(limit, cursor));
        } catch (ValidationException e) {
          // With the query checked above, only the cursor can be refused (malformed, or from another listing).
          throw new ParameterException(spec.commandLine(), "Invalid --after: " + e.getMessage(), e, null, cursor);
        }
        printCheckpoints(out, page.items(), metric);
        out.printf("%d checkpoint(s)%n", page.items().size());
        printNextPage(out, workflowId, limit, query, page);
      }
      return 0;
    }
  }

  @Command(name = "best", description = "Show a workflow's best checkpoint with its config and metrics.")
  static final class Best implements Callable<Integer> {
    @ParentCommand CheckpointsCommand checkpoints;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKFLOW_ID", description = "The workflow id as the trainer recorded it.")
    String workflowId;

    @Override
    public Integer call() {
      try (OrcheoPersistence persistence = checkpoints.root.open()) {
        AgentensorCheckpoint best = persistence.checkpoints().bestCheckpoint(workflowId)
            .orElseThrow(() -> new NotFoundException("Workflow '" + workflowId + "' has no best checkpoint"));
        printCheckpoint(spec.commandLine().getOut(), best);
      }
      return 0;
    }
  }
}
