package io.orcheo.persistence.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatPage;
import io.orcheo.persistence.core.chatkit.ChatPageRequest;
import io.orcheo.persistence.core.chatkit.ChatStore;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.core.chatkit.ThreadItem;
import io.orcheo.persistence.core.checkpoints.AgentensorCheckpoint;
import io.orcheo.persistence.core.checkpoints.AgentensorCheckpointStore;
import io.orcheo.persistence.core.checkpoints.CheckpointQuery;
import io.orcheo.persistence.core.checkpoints.NewCheckpoint;
import io.orcheo.persistence.core.history.RunHistory;
import io.orcheo.persistence.core.history.RunHistoryRecord;
import io.orcheo.persistence.core.history.RunHistoryStore;
import io.orcheo.persistence.core.history.StartRun;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.core.tokens.MintedToken;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.ServiceTokenService;
import io.orcheo.persistence.core.tokens.TokenAuthenticationException;
import io.orcheo.persistence.core.vault.AccessContext;
import io.orcheo.persistence.core.vault.AuditEvent;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.CredentialScope;
import io.orcheo.persistence.core.vault.CredentialVault;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.core.vault.WorkflowScopeException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code orcheo-db demo}: the main jobs end to end on the configured backend. First the token lifecycle: mint,
 * authenticate, rotate with an overlap, authenticate both secrets, revoke, and show that the revoked secret is
 * refused. Then the workflow repository: a workflow with a handle, two versions and their diff, runs that succeed,
 * fail and are cancelled, and the newest of them listed a page at a time. The succeeding and the failing run are
 * traced in the run history as upstream's worker traces them (execution id = run id), step by step. Then three
 * agentensor checkpoints of the workflow, the best one, and all of them by accuracy. Last, a ChatKit thread of the
 * workflow about the failed run: saved as a ChatKit server saves a new thread, its messages, and a search of them.
 * Last, a secret of the workflow in the credential vault: stored encrypted, revealed to the workflow only.
 *
 * <p>The demo workflow keeps one handle and is reused by later demos on the same database, because handles are
 * unique among active workflows; each demo adds two versions, three runs, two histories, three checkpoints and a
 * thread to it.
 */
@Command(name = "demo",
    description = "Walk a service token and a workflow's versions and runs through their lifecycles, printing each "
        + "step; trace two runs in the run history, record agentensor checkpoints, hold a ChatKit conversation and "
        + "keep a workflow's secret in the credential vault.")
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

  /** The steps a worker appends while the succeeding run executes GRAPH_V2. */
  private static final List<String> SUCCEEDING_STEPS = List.of(
      "{\"node\": \"greet\", \"event\": \"started\"}",
      "{\"node\": \"greet\", \"event\": \"finished\", \"output\": {\"greeting\": \"Hello, Ada\"}}",
      "{\"node\": \"log\", \"event\": \"started\"}",
      "{\"node\": \"log\", \"event\": \"finished\"}");
  /** The steps of the failing run, whose inputs lack the name GRAPH_V2 reads. */
  private static final List<String> FAILING_STEPS = List.of(
      "{\"node\": \"greet\", \"event\": \"started\"}",
      "{\"node\": \"greet\", \"event\": \"failed\", \"error\": \"KeyError: 'name'\"}");
  /** The demo's checkpoints in the order recorded; the second, the most accurate, is marked best. */
  private static final List<Trial> TRIALS = List.of(new Trial(0.7, 0.71), new Trial(0.2, 0.84), new Trial(0.4, 0.79));
  private static final int BEST = 1;
  /** The demo conversation about the failing run, user and assistant taking turns, the user first. */
  private static final List<String> CONVERSATION = List.of(
      "Why did the webhook run fail?",
      "It failed in the greet node: the webhook sent no name.",
      "Can the greeter handle a missing name?",
      "Yes: give the name a default and every caller is greeted.",
      "Great, thanks!");
  /** A word no message holds as typed: the search finds "fail" and "failed" by its stem. */
  private static final String SEARCH = "failing";

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
      Workflow workflow = workflows(out, persistence.workflows(), persistence.runHistory());
      checkpoints(out, persistence.checkpoints(), workflow.id().toString());
      ChatThread thread = chat(out, persistence, workflow.id().toString());
      vault(out, persistence, workflow.id());
      out.printf("More: ./orcheo-db workflows show %s, ./orcheo-db runs list %s,%n", DEMO_HANDLE, DEMO_HANDLE);
      out.printf("      ./orcheo-db history list %s, ./orcheo-db checkpoints list %s --metric accuracy,%n",
          workflow.id(), workflow.id());
      out.printf("      ./orcheo-db chat threads --workflow %s, ./orcheo-db chat search %s 'name -webhook',%n",
          workflow.id(), thread.id());
      out.printf("      ./orcheo-db vault list%n");
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

  /** Steps 6 to 14; returns the demo workflow. */
  private static Workflow workflows(PrintWriter out, WorkflowRepository workflows, RunHistoryStore history) {
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
    trace(history, started, SUCCEEDING_STEPS);
    RunHistory completed = history.markCompleted(started.id().toString());
    WorkflowRun succeeded = workflows.markRunSucceeded(succeeding.id(), ACTOR, json("{\"greeting\": \"Hello, Ada\"}"));
    out.printf("9. run         %s  %s -> %s -> %s  output=%s%n", succeeding.id(), succeeding.status().value(),
        started.status().value(), succeeded.status().value(), succeeded.outputPayload());

    WorkflowRun failing = workflows.createRun(
        NewRun.of(workflow.id(), target.id(), "webhook", json("{}")).withActor(ACTOR));
    started = workflows.markRunStarted(failing.id(), ACTOR);
    trace(history, started, FAILING_STEPS);
    RunHistory errored = history.markFailed(started.id().toString(), "KeyError: 'name'");
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

    printHistory(out, "13. history", completed);
    printHistory(out, "14. history", errored);
    return workflow;
  }

  /**
   * Starts the history of a started run and appends its steps, as upstream's worker does: the run id is the
   * execution id, so each demo's histories are new, and the workflow is named by its id.
   */
  private static void trace(RunHistoryStore history, WorkflowRun run, List<String> steps) {
    String executionId = run.id().toString();
    history.startRun(StartRun.of(run.workflowId().toString(), executionId, run.inputPayload())
        .withRunName("demo-" + run.triggeredBy())
        .withMetadata(JsonNodeFactory.instance.objectNode().put("source", ACTOR).put("trigger", run.triggeredBy())));
    steps.forEach(step -> history.appendStep(executionId, json(step)));
  }

  private static void printHistory(PrintWriter out, String label, RunHistory history) {
    RunHistoryRecord record = history.record();
    out.printf("%-15s%s  %s  %d steps  error=%s%n", label, record.executionId(),
        record.status().value(), history.steps().size(), record.error() == null ? "-" : record.error());
    HistoryCommand.printSteps(out, history.steps());
  }

  /** Steps 15 to 17: checkpoints of a training loop, the best of them, and all of them by accuracy. */
  private static void checkpoints(PrintWriter out, AgentensorCheckpointStore checkpoints, String workflowId) {
    List<String> recorded = new ArrayList<>();
    for (int i = 0; i < TRIALS.size(); i++) {
      ObjectNode config = JsonNodeFactory.instance.objectNode().put("model", "gpt-4o-mini")
          .put("temperature", TRIALS.get(i).temperature());
      ObjectNode metrics = JsonNodeFactory.instance.objectNode().put("accuracy", TRIALS.get(i).accuracy());
      NewCheckpoint request = NewCheckpoint.of(workflowId, config, metrics)
          .withMetadata(JsonNodeFactory.instance.objectNode().put("trainer", ACTOR).put("epoch", i + 1));
      AgentensorCheckpoint checkpoint = checkpoints.recordCheckpoint(i == BEST ? request.asBest() : request);
      recorded.add("v" + checkpoint.configVersion() + " accuracy=" + checkpoint.metric("accuracy")
          + (checkpoint.isBest() ? " (best)" : ""));
    }
    out.printf("15. checkpoints %s%n", String.join(", ", recorded));

    AgentensorCheckpoint best = checkpoints.bestCheckpoint(workflowId)
        .orElseThrow(() -> new IllegalStateException("The checkpoint just recorded as best is not the best"));
    out.printf("16. best        v%d  %s  metrics=%s  config=%s%n", best.configVersion(), best.id(), best.metrics(),
        best.runnableConfig());

    // As with the runs: a page as large as this demo's checkpoints, an earlier demo's follow on the next page.
    CheckpointQuery byAccuracy = CheckpointQuery.byMetric("accuracy");
    Page<AgentensorCheckpoint> page =
        checkpoints.findCheckpoints(workflowId, byAccuracy, PageRequest.first(TRIALS.size()));
    out.printf("17. checkpoints of %s by accuracy, highest first:%n", workflowId);
    CheckpointsCommand.printCheckpoints(out, page.items(), byAccuracy.metric());
    CheckpointsCommand.printNextPage(out, workflowId, TRIALS.size(), byAccuracy, page);
  }

  /**
   * Steps 18 to 20: a thread of the workflow saved as a ChatKit server saves a new one, the conversation in it, and
   * a search of its messages. Returns the thread.
   */
  private static ChatThread chat(PrintWriter out, OrcheoPersistence persistence, String workflowId) {
    ChatStore chat = persistence.chat();
    // The request's metadata names the workflow (metadata.workflow_id scopes the thread) and is merged into the
    // thread's; the untitled thread takes its title from the user's first input.
    ChatContext request = ChatContext.forWorkflow(workflowId)
        .withRequestMetadata(JsonNodeFactory.instance.objectNode().put("workflow_id", workflowId).put("source", ACTOR))
        .withInputTexts(List.of(CONVERSATION.get(0)));
    ChatThread thread = chat.saveThread(ChatThread.create(null, null, Instant.now()), request);
    for (int i = 0; i < CONVERSATION.size(); i++) {
      String text = CONVERSATION.get(i);
      chat.addItem(thread.id(), i % 2 == 0
          ? ThreadItem.userMessage(thread.id(), text, Instant.now())
          : ThreadItem.assistantMessage(thread.id(), text, Instant.now()));
    }
    out.printf("18. thread     %s  \"%s\" (from the first message)  metadata=%s%n", thread.id(), thread.title(),
        thread.metadata());

    ChatPageRequest oldestFirst = ChatPageRequest.first(CONVERSATION.size(), SortOrder.ASC);
    ChatPage<ThreadItem> items = chat.listItems(thread.id(), oldestFirst);
    out.printf("19. items of %s, oldest first:%n", thread.id());
    ChatCommand.printItems(out, items.data(), ChatCommand.positions(persistence, thread.id(), items.data()));

    ChatPage<ThreadItem> hits = chat.searchItems(thread.id(), SEARCH, oldestFirst);
    out.printf("20. search     \"%s\" in %s: %d item(s), by stem%n", SEARCH, thread.id(), hits.data().size());
    ChatCommand.printItems(out, hits.data(), ChatCommand.positions(persistence, thread.id(), hits.data()));
    return thread;
  }

  /**
   * Steps 21 to 23: a webhook secret scoped to the workflow, stored encrypted (or rotated, if an earlier demo stored
   * it), revealed for the workflow, and refused to another one. The secret itself is never printed.
   */
  private static void vault(PrintWriter out, OrcheoPersistence persistence, UUID workflowId) {
    CredentialVault vault = persistence.vault();
    AccessContext caller = AccessContext.forWorkflow(workflowId);
    // Names are unique in the vault; the workflow's id keeps demos on different workflows apart.
    String name = "orcheo-db demo webhook secret " + workflowId.toString().substring(0, 8);
    String secret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
    Credential credential = vault.listCredentials(caller).stream()
        .filter(existing -> existing.name().equals(name))
        .findFirst()
        .map(existing -> vault.rotateSecret(existing.id(), secret, ACTOR, caller))
        .orElseGet(() -> vault.createCredential(NewCredential.secret(name, "webhook", secret, ACTOR)
            .withScopes(List.of("webhooks:verify"))
            .withScope(CredentialScope.forWorkflows(workflowId))));
    AuditEvent last = credential.auditLog().get(credential.auditLog().size() - 1);
    out.printf("21. credential %s  \"%s\"  %s, encrypted with %s (key %s), for workflow %s only%n",
        credential.id(), credential.name(), last.action().replace("credential_", ""),
        credential.encryption().algorithm(), credential.encryption().keyId(), workflowId);

    boolean matches = vault.revealSecret(credential.id(), caller).reveal().equals(secret);
    out.printf("22. reveal     for workflow %s: %s (%d characters, not printed)%n", workflowId,
        matches ? "the secret just stored" : "A DIFFERENT SECRET", secret.length());

    UUID stranger = UUID.randomUUID();
    try {
      vault.revealSecret(credential.id(), AccessContext.forWorkflow(stranger));
      out.printf("23. reveal     for workflow %s: ALLOWED, which the scope should have refused%n", stranger);
    } catch (WorkflowScopeException e) {
      out.printf("23. reveal     for workflow %s: refused (%s)%n", stranger, e.getMessage());
    }
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

  /** One configuration a training loop tried, and how accurate it was. */
  private record Trial(double temperature, double accuracy) {}

  private static JsonNode json(String text) {
    try {
      return JsonCodec.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      // The demo's documents are constants: a parse failure is a bug in this class.
      throw new IllegalStateException("Demo JSON is invalid: " + text, e);
    }
  }
}
