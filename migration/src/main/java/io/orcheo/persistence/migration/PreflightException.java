package io.orcheo.persistence.migration;

import java.util.List;
import java.util.stream.Collectors;

/** The pre-flight found rows PostgreSQL would refuse; nothing was written. The problems name table, row and column. */
public class PreflightException extends MigrationException {
  private static final long serialVersionUID = 1L;
  private static final int LISTED = 10;
  private final transient List<Preflight.Problem> problems;

  /** For the problems found. */
  public PreflightException(List<Preflight.Problem> problems) {
    super("The pre-flight found " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
        + " PostgreSQL would refuse; nothing was written:\n  "
        + problems.stream().limit(LISTED).map(Preflight.Problem::toString).collect(Collectors.joining("\n  "))
        + (problems.size() > LISTED ? "\n  …" : ""));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found. */
  public List<Preflight.Problem> problems() {
    return problems;
  }
}
