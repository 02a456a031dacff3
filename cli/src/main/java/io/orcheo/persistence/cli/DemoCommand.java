package io.orcheo.persistence.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.core.tokens.MintedToken;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.ServiceTokenService;
import io.orcheo.persistence.core.tokens.TokenAuthenticationException;
import io.orcheo.persistence.core.workflows.NewRun;
import io.orcheo.persistence.core.workflows.NewVersion;
import io.orcheo.persistence.core.workflows.NewWorkflow;
import io.orcheo.persistence.core.workflows.VersionDiff;
import io.orcheo.persistence.core.workflows.Workflow;
import io.orcheo.persistence.core.workflows.WorkflowNotFoundException;
import io.orcheo.persistence.core.workflows.WorkflowRepository;
import io.orcheo.persistence.core.workflows.WorkflowRun;
import io.orcheo.persistence.core.workflows.WorkflowVersion;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.runtime.Database;
import io.orcheo.persistence.jooq.runtime.Store;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code orcheo-db demo}: the main jobs end to end on the configured backend. First the token lifecycle: mint,
 * authenticate, rotate with an overlap, authenticate both secrets, revoke, and show that the revoked secret is
 * refused. Then the workflow repository: a workflow with a handle, two versions and their diff, runs that succeed,
 * fail and are cancelled, and the newest of them listed a page at a time.
 *
 * <p>The demo workflow keeps one handle and is reused by later demos on the same database, because handles are
 * unique among active workflows; each demo adds two versions and three runs to it.
 */
@Command(name = "demo",
    description = "Walk a service token and a workflow's versions and runs through their lifecycles, printing each "
        + "step.")
final class DemoCommand implements Callable<Integer> {
  /** The demo workflow's handle: specific enough not to meet a real workflow's. */
  private static final String DEMO_HANDLE = "orcheo-db-demo";
  private static final String ACTOR = "orcheo-db-demo";

  private static final String GRAPH_V1 = """
      {"nodes": [{"name": "START", "type": "START"},
                 {"name": "greet", "type": "PythonCode", "code": "return {'greeting': 'Hello'}"},
                 {"name": "END", "type": "END"}],
       "edges": [["START", "greet"], ["greet", "END"]]}
      """;
  private static final String GRAPH_V2 = """
      {"nodes": [{"name": "START", "type": "START"},
                 {"name": "greet", "type": "PythonCode",
                  "code": "return {'greeting': 'Hello, ' + state['inputs']['name']}"},
                 {"name": "log", "type": "Logger"},
                 {"name": "END", "type": "END"}],
       "edges": [["START", "greet"], ["greet", "log"], ["log", "END"]]}
      """;

  @ParentCommand OrcheoDb root;

  @Override
  public Integer call() {
    PrintWriter out = root.spec.commandLine().getOut();
    try (OrcheoPersistence persistence = root.open()) {
      // On SQLite the stores live in separate files, so every database is named.
      for (Database database : persistence.databases()) {
        out.printf("Backend: %s (%s; %s)%n", database.backend().id(), database.target(),
            database.stores().stream().map(Store::id).collect(Collectors.joining(", ")));
      }
      tokens(out, persistence);
      workflows(out, persistence.workflows());
    }
    return 0;
  }

  private static void tokens(PrintWriter out, OrcheoPersistence persistence) {
    ServiceTokenService tokens = persistence.serviceTokenService();
    MintedToken minted = tokens.mint(null, Set.of("workflows:read", "workflows:execute"), Set.of(), Duration.ofHours(1));
    out.printf("1. minted      %s  scopes=%s  expires=%s  secret=%s…%n", minted.token().identifier(),
        minted.token().scopes(), minted.token().expiresAt(), minted.secret().substring(0, 6));

    ServiceToken used = tokens.authenticate(minted.secret());
    out.printf("2. authenticated %s  use_count=%d  last_used_at=%s%n", used.identifier(), used.useCount(),
        used.lastUsedAt());

    MintedToken rotated = tokens.rotate(minted.token().identifier(), Duration.ofMinutes(5), Duration.ofHours(1));
    out.printf("3. rotated     %s -> %s  (old secret valid for 300 s)%n", minted.token().identifier(),
        rotated.token().identifier());

    out.printf("4. old secret  %s%n", outcome(tokens, minted.secret()));
    out.printf("   new secret  %s%n", outcome(tokens, rotated.secret()));

    tokens.revoke(rotated.token().identifier(), "demo finished");
    out.printf("5. revoked     %s%n", rotated.token().identifier());
    out.printf("   new secret  %s%n", outcome(tokens, rotated.secret()));

    out.printf("Audit log of %s:%n", minted.token().identifier());
    persistence.serviceTokens().auditLog(minted.token().identifier(), 10)
        .forEach(entry -> out.printf("   %s  %s%n", entry.timestamp(), entry.action()));
  }

  private static String outcome(ServiceTokenService tokens, String secret) {
    try {
      ServiceToken token = tokens.authenticate(secret);
      return "accepted (" + token.identifier() + ", use_count=" + token.useCount() + ")";
    } catch (TokenAuthenticationException e) {
      return "refused: " + e.reason().code() + " (" + e.reason().httpStatus() + ")";
    }
  }

  private static void workflows(PrintWriter out, WorkflowRepository workflows) {
    Workflow workflow = demoWorkflow(out, workflows);

    WorkflowVersion base = workflows.createVersion(workflow.id(),
        NewVersion.of(json(GRAPH_V1), ACTOR).withNotes("greets everyone the same"));
    WorkflowVersion target = workflows.createVersion(workflow.id(),
        NewVersion.of(json(GRAPH_V2), ACTOR).withNotes("greets by name, then logs"));
    out.printf("7. versions    v%d (%s), v%d (%s)%n", base.version(), base.notes(), target.version(), target.notes());

    VersionDiff diff = workflows.diffVersions(workflow.id(), base.version(), target.version());
    out.printf("8. diff        v%d -> v%d%n", diff.baseVersion(), diff.targetVersion());
    diff.diff().forEach(line -> out.printf("   %s%n", line));

    WorkflowRun succeeding = workflows.createRun(
        NewRun.of(workflow.id(), target.id(), "manual", json("{\"name\": \"Ada\"}")).withActor(ACTOR));
    WorkflowRun started = workflows.markRunStarted(succeeding.id(), ACTOR);
    WorkflowRun succeeded = workflows.markRunSucceeded(succeeding.id(), ACTOR, json("{\"greeting\": \"Hello, Ada\"}"));
    out.printf("9. run         %s  %s -> %s -> %s  output=%s%n", succeeding.id(), succeeding.status().value(),
        started.status().value(), succeeded.status().value(), succeeded.outputPayload());

    WorkflowRun failing = workflows.createRun(
        NewRun.of(workflow.id(), target.id(), "webhook", json("{}")).withActor(ACTOR));
    started = workflows.markRunStarted(failing.id(), ACTOR);
    WorkflowRun failed = workflows.markRunFailed(failing.id(), ACTOR, "KeyError: 'name'");
    out.printf("10. run        %s  %s -> %s -> %s  error=%s%n", failing.id(), failing.status().value(),
        started.status().value(), failed.status().value(), failed.error());

    WorkflowRun cancelling = workflows.createRun(
        NewRun.of(workflow.id(), base.id(), "manual", json("{}")).withActor(ACTOR));
    WorkflowRun cancelled = workflows.markRunCancelled(cancelling.id(), ACTOR, "superseded by v" + target.version());
    out.printf("11. run        %s  %s -> %s  reason=%s%n", cancelling.id(), cancelling.status().value(),
        cancelled.status().value(), cancelled.error());

    // A page as large as this demo's runs holds exactly them; an earlier demo's runs are on the next page.
    int created = 3;
    Page<WorkflowRun> page = workflows.listRuns(workflow.id(), PageRequest.first(created));
    out.printf("12. runs of %s, newest first:%n", DEMO_HANDLE);
    RunsCommand.printRuns(out, page.items());
    RunsCommand.printNextPage(out, workflow.id(), created, page);
    out.printf("More: ./orcheo-db workflows show %s, ./orcheo-db runs list %s%n", DEMO_HANDLE, DEMO_HANDLE);
  }

  /** The active demo workflow of an earlier demo, else a new one. */
  private static Workflow demoWorkflow(PrintWriter out, WorkflowRepository workflows) {
    try {
      Workflow existing = workflows.getWorkflow(workflows.resolveWorkflowRef(DEMO_HANDLE, false));
      out.printf("6. workflow    %s  %s  reused (created %s)%n", existing.handle(), existing.id(),
          existing.createdAt());
      return existing;
    } catch (WorkflowNotFoundException e) {
      Workflow created = workflows.createWorkflow(NewWorkflow.named("Greeter (orcheo-db demo)", ACTOR)
          .withHandle(DEMO_HANDLE)
          .withDescription("Created by orcheo-db demo; safe to archive.")
          .withTags(List.of("demo")));
      out.printf("6. workflow    %s  %s  created%n", created.handle(), created.id());
      return created;
    }
  }

  private static JsonNode json(String text) {
    try {
      return JsonCodec.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      // The demo's documents are constants: a parse failure is a bug in this class.
      throw new IllegalStateException("Demo JSON is invalid: " + text, e);
    }
  }
}
