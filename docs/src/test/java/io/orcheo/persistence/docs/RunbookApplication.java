package io.orcheo.persistence.docs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.core.chatkit.ThreadItem;
import io.orcheo.persistence.core.config.Backend;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.vault.AccessContext;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.core.workflows.NewRun;
import io.orcheo.persistence.core.workflows.NewVersion;
import io.orcheo.persistence.core.workflows.NewWorkflow;
import io.orcheo.persistence.core.workflows.Workflow;
import io.orcheo.persistence.core.workflows.WorkflowRun;
import io.orcheo.persistence.core.workflows.WorkflowVersion;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The application of the runbook's deployment: the real repositories, opened from the same {@code ORCHEO_*} settings
 * as the application would be, writing a workflow with a version and a run, a chat thread with a message, a service
 * token and a credential at a time.
 */
final class RunbookApplication implements AutoCloseable {
  /**
   * What one {@link #write} stored.
   *
   * @param secret the credential's secret, to check that the vault still decrypts it
   */
  record Writes(String label, UUID workflowId, UUID runId, String threadId, String tokenId, UUID credentialId,
      String secret) {}

  private final OrcheoPersistence persistence;

  private RunbookApplication(OrcheoPersistence persistence) {
    this.persistence = persistence;
  }

  /** Starts the application with {@code environment} as its settings. */
  static RunbookApplication start(Map<String, String> environment) {
    return new RunbookApplication(OrcheoPersistence.open(PersistenceSettings.fromMap(environment)));
  }

  /** The backend every store is on; fails if they differ. */
  Backend backend() {
    Set<Backend> backends = java.util.EnumSet.noneOf(Backend.class);
    for (Store store : Store.values()) {
      backends.add(persistence.database(store).backend());
    }
    if (backends.size() != 1) {
      throw new AssertionError("The stores are on " + backends);
    }
    return backends.iterator().next();
  }

  OrcheoPersistence persistence() {
    return persistence;
  }

  /** Writes one of each, named after {@code label}. */
  Writes write(String label) {
    var workflows = persistence.workflows();
    Workflow workflow = workflows.createWorkflow(NewWorkflow.named("Workflow " + label, "alice"));
    WorkflowVersion version = workflows.createVersion(workflow.id(),
        NewVersion.of(JsonNodeFactory.instance.objectNode().put("label", label), "alice"));
    WorkflowRun run = workflows.createRun(NewRun.of(workflow.id(), version.id(), "manual",
        JsonNodeFactory.instance.objectNode().put("label", label)));
    ChatThread thread = persistence.chat().saveThread(ChatThread.create("Thread " + label, null, Instant.now()),
        ChatContext.NONE);
    persistence.chat().addItem(thread.id(), ThreadItem.userMessage(thread.id(), "Hello from " + label, Instant.now()));
    String tokenId = persistence.serviceTokenService()
        .mint(null, Set.of("workflows:read"), Set.of(), Duration.ofDays(30)).token().identifier();
    String secret = "sk_" + label;
    UUID credentialId = persistence.vault()
        .createCredential(NewCredential.secret("Credential " + label, "stripe", secret, "alice")).id();
    return new Writes(label, workflow.id(), run.id(), thread.id(), tokenId, credentialId, secret);
  }

  /** What of {@code writes} this application cannot read back, as "label: what"; empty when it reads all. */
  List<String> missing(Writes writes) {
    List<String> missing = new ArrayList<>();
    check(missing, writes, "workflow", () -> persistence.workflows().getWorkflow(writes.workflowId()));
    check(missing, writes, "run", () -> persistence.workflows().getRun(writes.runId()));
    check(missing, writes, "chat thread", () -> persistence.chat().loadThread(writes.threadId()));
    check(missing, writes, "service token", () -> persistence.serviceTokens().findById(writes.tokenId())
        .orElseThrow(() -> new NotFoundException("no token " + writes.tokenId())));
    check(missing, writes, "credential", () -> {
      String secret = persistence.vault().revealSecret(writes.credentialId(), AccessContext.none()).reveal();
      if (!secret.equals(writes.secret())) {
        throw new AssertionError("the secret reads back as another value");
      }
      return secret;
    });
    return missing;
  }

  private static void check(List<String> missing, Writes writes, String what, Supplier<?> read) {
    try {
      read.get();
    } catch (RuntimeException | AssertionError e) {
      missing.add(writes.label() + ": " + what + " (" + e.getMessage() + ")");
    }
  }

  @Override
  public void close() {
    persistence.close();
  }
}
