package io.orcheo.persistence.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.Secret;
import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.json.PydanticTimestamps;
import io.orcheo.persistence.core.vault.AuditEvent;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.CredentialHealth;
import io.orcheo.persistence.core.vault.CredentialScope;
import io.orcheo.persistence.core.vault.RedactedCredential;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.jooq.vault.KeyRotationReport;
import io.orcheo.persistence.jooq.vault.VaultKeyRotation;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code orcheo-db vault …}: the credential vault, for operators. {@code list} and {@code describe} show what a
 * credential is (upstream's redacted view) without ever printing a secret, a token, a ciphertext or the key;
 * {@code rotate-key} re-encrypts every secret and OAuth token under a new key read from an environment variable, so
 * that the key never appears on a command line or in the shell's history.
 *
 * <p>Every command needs the vault's key, as the application does: {@code ORCHEO_VAULT_ENCRYPTION_KEY}, or on SQLite
 * the key file beside the vault's file. A key that is missing (or a key file deleted while the vault holds
 * credentials) exits with code 3.
 */
@Command(name = "vault",
    description = "List and describe the vault's credentials (never their secrets), or re-encrypt the vault under a "
        + "new key.",
    subcommands = {VaultCommand.ListCredentials.class, VaultCommand.Describe.class, VaultCommand.RotateKey.class})
final class VaultCommand implements Runnable {
  private static final String ROW = "%-36s %-32s %-12s %-6s %-36s %-9s %s%n";
  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  @ParentCommand OrcheoDb root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: list, describe or rotate-key");
  }

  /** What the SCOPE column shows: {@code unrestricted}, or upstream's scope hint (the first condition). */
  static String scopeLabel(CredentialScope scope) {
    return scope.isUnrestricted() ? "unrestricted" : scope.scopeHint();
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }

  /** User text (a name, a role, an actor) on one line, without control characters. */
  private static String text(String value) {
    return ChatCommand.oneLine(value, Integer.MAX_VALUE);
  }

  private static String timestamp(Instant instant) {
    return instant == null ? null : PydanticTimestamps.format(instant);
  }

  private static void printJson(PrintWriter out, JsonNode json) {
    try {
      out.println(JsonCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    } catch (JsonProcessingException e) {
      // Trees built from records always serialize; failing here is a bug, not a user error.
      throw new IllegalStateException("Cannot print the credentials", e);
    }
  }

  /**
   * The id a {@code CREDENTIAL_ID} argument names.
   *
   * @throws ValidationException (exit code 2) if it is not a UUID in its usual 8-4-4-4-12 form
   */
  static UUID credentialId(String argument) {
    if (argument == null || !CANONICAL_UUID.matcher(argument).matches()) {
      throw new ValidationException("Invalid CREDENTIAL_ID '" + (argument == null ? "" : text(argument))
          + "': expected a UUID such as 3f2b5f8e-2a35-4d8f-9d3c-6b1f2f7a9c10 (see ./orcheo-db vault list)");
    }
    return UUID.fromString(argument);
  }

  /** A credential's row of {@code list --json}, the table's columns. */
  static ObjectNode listDocument(Credential credential) {
    ObjectNode json = JsonCodec.mapper().createObjectNode();
    json.put("id", credential.id().toString());
    json.put("name", credential.name());
    json.put("provider", credential.provider());
    json.put("kind", credential.kind().value());
    json.put("scope", scopeLabel(credential.scope()));
    json.put("health", credential.health().status().value());
    json.put("last_rotated_at", timestamp(credential.lastRotatedAt()));
    return json;
  }

  /**
   * A credential as upstream's {@code describe_credentials} shows it (encryption's algorithm and key id, OAuth tokens
   * as present or not, never a ciphertext), with its creation, last change and audit log (actor, action, time).
   */
  static ObjectNode describeDocument(Credential credential) {
    RedactedCredential redacted = credential.redacted();
    ObjectNode json = JsonCodec.mapper().createObjectNode();
    json.put("id", redacted.id().toString());
    json.put("name", redacted.name());
    json.put("provider", redacted.provider());
    ArrayNode scopes = json.putArray("scopes");
    redacted.scopes().forEach(scopes::add);
    ObjectNode scope = json.putObject("scope");
    ArrayNode workflows = scope.putArray("workflow_ids");
    redacted.scope().workflowIds().forEach(id -> workflows.add(id.toString()));
    ArrayNode workspaces = scope.putArray("workspace_ids");
    redacted.scope().workspaceIds().forEach(id -> workspaces.add(id.toString()));
    ArrayNode roles = scope.putArray("roles");
    redacted.scope().roles().forEach(roles::add);
    json.put("kind", redacted.kind().value());
    json.put("last_rotated_at", timestamp(redacted.lastRotatedAt()));
    json.put("template_id", redacted.templateId() == null ? null : redacted.templateId().toString());
    json.putObject("encryption")
        .put("algorithm", redacted.encryptionAlgorithm())
        .put("key_id", redacted.encryptionKeyId());
    RedactedCredential.OAuthTokenPresence tokens = redacted.oauthTokens();
    if (tokens == null) {
      json.putNull("oauth_tokens");
    } else {
      json.putObject("oauth_tokens")
          .put("has_access_token", tokens.hasAccessToken())
          .put("has_refresh_token", tokens.hasRefreshToken())
          .put("expires_at", timestamp(tokens.expiresAt()));
    }
    CredentialHealth health = redacted.health();
    json.putObject("health")
        .put("status", health.status().value())
        .put("last_checked_at", timestamp(health.lastCheckedAt()))
        .put("failure_reason", health.failureReason());
    json.put("created_at", timestamp(credential.createdAt()));
    json.put("updated_at", timestamp(credential.updatedAt()));
    ArrayNode audit = json.putArray("audit_log");
    for (AuditEvent event : credential.auditLog()) {
      audit.addObject().put("actor", event.actor()).put("action", event.action()).put("at", timestamp(event.at()));
    }
    return json;
  }

  @Command(name = "list",
      description = "List every credential, oldest first: id, name, provider, kind, scope, health and last rotation "
          + "(never a secret).")
  static final class ListCredentials implements Callable<Integer> {
    @ParentCommand VaultCommand vault;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array with the same fields.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (OrcheoPersistence persistence = vault.root.open()) {
        List<Credential> credentials = persistence.vault().listAllCredentials();
        if (json) {
          ArrayNode array = JsonCodec.mapper().createArrayNode();
          credentials.forEach(credential -> array.add(listDocument(credential)));
          printJson(out, array);
          return 0;
        }
        out.printf(ROW, "ID", "NAME", "PROVIDER", "KIND", "SCOPE", "HEALTH", "LAST_ROTATED");
        for (Credential credential : credentials) {
          // Whole values, as workflows list prints names: a longer one shifts its row rather than being cut.
          out.printf(ROW, credential.id(), text(credential.name()), text(credential.provider()),
              credential.kind().value(), text(scopeLabel(credential.scope())), credential.health().status().value(),
              orDash(credential.lastRotatedAt()));
        }
        out.printf("%d credential(s)%n", credentials.size());
      }
      return 0;
    }
  }

  @Command(name = "describe",
      description = "Show one credential without its secret: scope, encryption algorithm and key id, which OAuth "
          + "tokens it holds, health, and its audit log.")
  static final class Describe implements Callable<Integer> {
    @ParentCommand VaultCommand vault;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CREDENTIAL_ID", description = "The credential's id (see vault list).")
    String id;

    @Option(names = "--json", description = "Print upstream's redacted view, with the audit log, as JSON.")
    boolean json;

    @Override
    public Integer call() {
      UUID credentialId = credentialId(id);
      PrintWriter out = spec.commandLine().getOut();
      try (OrcheoPersistence persistence = vault.root.open()) {
        // The operator's view is not scoped: listAllCredentials, as upstream's admin tools read it.
        Credential credential = persistence.vault().listAllCredentials().stream()
            .filter(c -> c.id().equals(credentialId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException(
                "Credential " + credentialId + " not found: no credential of the vault has this id"));
        if (json) {
          printJson(out, describeDocument(credential));
          return 0;
        }
        print(out, credential);
      }
      return 0;
    }

    private static void print(PrintWriter out, Credential credential) {
      RedactedCredential c = credential.redacted();
      out.printf("id:            %s%n", c.id());
      out.printf("name:          %s%n", text(c.name()));
      out.printf("provider:      %s%n", text(c.provider()));
      out.printf("kind:          %s%n", c.kind().value());
      out.printf("scopes:        %s%n", c.scopes().isEmpty() ? "-" : text(String.join(", ", c.scopes())));
      out.printf("access:        %s%n", access(c.scope()));
      out.printf("template:      %s%n", orDash(c.templateId()));
      out.printf("encryption:    %s, key id %s%n", c.encryptionAlgorithm(), c.encryptionKeyId());
      RedactedCredential.OAuthTokenPresence tokens = c.oauthTokens();
      if (tokens != null) {
        out.printf("oauth tokens:  access token %s, refresh token %s, expires_at %s%n",
            tokens.hasAccessToken() ? "present" : "absent", tokens.hasRefreshToken() ? "present" : "absent",
            orDash(tokens.expiresAt()));
      }
      CredentialHealth health = c.health();
      out.printf("health:        %s%s%s%n", health.status().value(),
          health.lastCheckedAt() == null ? "" : " (checked " + health.lastCheckedAt() + ")",
          health.failureReason() == null ? "" : ": " + text(health.failureReason()));
      out.printf("last_rotated:  %s%n", orDash(c.lastRotatedAt()));
      out.printf("created_at:    %s%n", credential.createdAt());
      out.printf("updated_at:    %s%n", credential.updatedAt());
      out.printf("audit log (%d):%n", credential.auditLog().size());
      out.printf("  %-28s %-20s %s%n", "AT", "ACTOR", "ACTION");
      for (AuditEvent event : credential.auditLog()) {
        out.printf("  %-28s %-20s %s%n", event.at(), text(event.actor()), text(event.action()));
      }
    }

    /** Who may use it, every condition spelled out. */
    private static String access(CredentialScope scope) {
      if (scope.isUnrestricted()) {
        return "unrestricted";
      }
      StringBuilder access = new StringBuilder();
      if (!scope.workflowIds().isEmpty()) {
        access.append("workflows ").append(scope.workflowIds());
      }
      if (!scope.workspaceIds().isEmpty()) {
        access.append(access.length() == 0 ? "" : "; ").append("workspaces ").append(scope.workspaceIds());
      }
      if (!scope.roles().isEmpty()) {
        access.append(access.length() == 0 ? "" : "; ").append("roles ").append(text(scope.roles().toString()));
      }
      return access.toString();
    }
  }

  @Command(name = "rotate-key",
      description = {"Re-encrypt every secret and OAuth token under a new key, read from an environment variable.",
          "Stop every process that writes to the vault first. The rotation checks that every credential opens with "
              + "the current key (or the new one) before it writes anything, commits one batch at a time, and ends "
              + "by decrypting everything with the new key. Stopped half-way, it is finished by running it again. "
              + "On SQLite with a key file, the file then holds the new key; with ORCHEO_VAULT_ENCRYPTION_KEY, set "
              + "it to the new key before starting Orcheo again."})
  static final class RotateKey implements Callable<Integer> {
    @ParentCommand VaultCommand vault;
    @Spec CommandSpec spec;

    @Option(names = "--new-key-env", paramLabel = "VARIABLE", required = true,
        description = "The environment variable holding the new key (never the key itself, which would be left in "
            + "the shell's history), e.g. NEW_VAULT_KEY after 'export NEW_VAULT_KEY=$(openssl rand -hex 32)'.")
    String newKeyVariable;

    @Option(names = "--batch-size", paramLabel = "N",
        description = "Credentials re-encrypted per transaction (default: the library's).")
    Integer batchSize;

    @Override
    public Integer call() {
      Secret newKey = newKey();
      if (batchSize != null && batchSize < 1) {
        throw new ValidationException("--batch-size must be at least 1, got " + batchSize);
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      PersistenceSettings settings = vault.root.settings();
      boolean keyFromEnvironment = settings.vaultEncryptionKey().isPresent();
      try (OrcheoPersistence persistence = vault.root.open()) {
        out.printf("Rotating the vault key of %s (current key from %s).%n",
            persistence.database(Store.VAULT).target(),
            keyFromEnvironment ? PersistenceSettings.VAULT_ENCRYPTION_KEY_KEY : "the key file");
        VaultKeyRotation rotation = persistence.vaultKeyRotation(newKey);
        if (batchSize != null) {
          rotation = rotation.withBatchSize(batchSize);
        }
        KeyRotationReport report = runReporting(rotation, out, err);
        out.printf("credentials:            %d%n", report.credentials());
        out.printf("re-encrypted:           %d%n", report.reencrypted());
        out.printf("already under new key:  %d%n", report.alreadyUnderNewKey());
        out.printf("verified:               %d secret(s) and token(s), all decrypting with the new key%n",
            report.envelopesVerified());
        if (report.keyFileReplaced().isPresent()) {
          out.printf("key file:               %s now holds the new key%n", report.keyFileReplaced().get());
        }
        if (keyFromEnvironment) {
          out.printf("The vault is now encrypted with the new key. Set %s to the value of %s before starting "
              + "Orcheo again: the old key no longer opens it.%n", PersistenceSettings.VAULT_ENCRYPTION_KEY_KEY,
              newKeyVariable);
        } else if (report.keyFileReplaced().isPresent()) {
          out.println("The vault is now encrypted with the new key, and processes started from now on read it from "
              + "the key file.");
        }
      }
      return 0;
    }

    /**
     * Runs the rotation, printing each committed batch. When it fails, says what was written: nothing before the
     * first batch committed (a key that opens no credential is found then), else how far it got and that running the
     * command again finishes it.
     */
    private static KeyRotationReport runReporting(VaultKeyRotation rotation, PrintWriter out, PrintWriter err) {
      int[] progress = {0, 0};
      try {
        return rotation.run((done, total) -> {
          progress[0] = done;
          progress[1] = total;
          out.printf("  %d/%d credentials re-encrypted%n", done, total);
          out.flush();
        });
      } catch (RuntimeException e) {
        if (progress[0] == 0) {
          err.println("Nothing was re-encrypted; the vault is as it was.");
        } else {
          err.printf("Stopped after %d of %d credentials were committed under the new key; the others are still "
              + "under the old key. Keep the old key configured and run the same command again to finish: "
              + "credentials already under the new key are skipped.%n", progress[0], progress[1]);
        }
        throw e;
      }
    }

    /**
     * The new key, from the variable {@code --new-key-env} names, stripped as the settings strip
     * {@code ORCHEO_VAULT_ENCRYPTION_KEY} (so that the value the operator sets there next is the same key).
     *
     * @throws ValidationException (exit code 2) if the variable is unset or blank, or is the current key's variable
     */
    private Secret newKey() {
      if (newKeyVariable.isBlank()) {
        throw new ValidationException("--new-key-env must name an environment variable, e.g. NEW_VAULT_KEY");
      }
      if (newKeyVariable.equals(PersistenceSettings.VAULT_ENCRYPTION_KEY_KEY)) {
        throw new ValidationException("--new-key-env must name another variable than "
            + PersistenceSettings.VAULT_ENCRYPTION_KEY_KEY + ", which holds the current key during the rotation");
      }
      String value = vault.root.variable(newKeyVariable);
      if (value == null || value.isBlank()) {
        throw new ValidationException("The environment variable " + newKeyVariable + " is "
            + (value == null ? "not set" : "empty") + ": export the new key in it first, e.g. 'export "
            + newKeyVariable + "=$(openssl rand -hex 32)'");
      }
      return Secret.of(value.strip());
    }
  }
}
