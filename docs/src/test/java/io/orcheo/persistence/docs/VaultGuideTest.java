package io.orcheo.persistence.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.Secret;
import io.orcheo.persistence.core.error.ConfigurationException;
import io.orcheo.persistence.core.vault.AccessContext;
import io.orcheo.persistence.core.vault.AlertKind;
import io.orcheo.persistence.core.vault.AlertSeverity;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.CredentialHealth;
import io.orcheo.persistence.core.vault.CredentialKind;
import io.orcheo.persistence.core.vault.CredentialScope;
import io.orcheo.persistence.core.vault.CredentialTemplate;
import io.orcheo.persistence.core.vault.CredentialUpdate;
import io.orcheo.persistence.core.vault.CredentialVault;
import io.orcheo.persistence.core.vault.DuplicateCredentialNameException;
import io.orcheo.persistence.core.vault.GovernanceAlert;
import io.orcheo.persistence.core.vault.HealthStatus;
import io.orcheo.persistence.core.vault.IssuancePolicy;
import io.orcheo.persistence.core.vault.NewAlert;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.core.vault.NewTemplate;
import io.orcheo.persistence.core.vault.OAuthTokens;
import io.orcheo.persistence.core.vault.RedactedCredential;
import io.orcheo.persistence.core.vault.RotationPolicyException;
import io.orcheo.persistence.core.vault.VaultDecryptionException;
import io.orcheo.persistence.core.vault.WorkflowScopeException;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.vault.KeyRotationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of {@code docs/vault.md}, run, and the guide's claims about them checked. */
class VaultGuideTest {
  @TempDir Path home;
  private OrcheoPersistence persistence;
  private CredentialVault vault;
  private final UUID workflowId = UUID.fromString("3f2b5f8e-2a35-4d8f-9d3c-6b1f2f7a9c10");
  private final UUID otherWorkflowId = UUID.fromString("9d4c0b1a-7e6f-4a5b-8c7d-2e1f0a9b8c7d");

  @BeforeEach
  void open() {
    // No ORCHEO_VAULT_ENCRYPTION_KEY: the SQLite vault makes and keeps its key in home/vault.key.
    persistence = OrcheoPersistence.open(PersistenceSettings.defaults().withSqliteDirectory(home));
    // tag::open[]
    CredentialVault vault = persistence.vault(); // vault.sqlite and its key file, or the shared PostgreSQL database
    // end::open[]
    this.vault = vault;
  }

  @AfterEach
  void close() {
    persistence.close();
  }

  private Credential stripe() {
    // tag::create[]
    Credential stripe = vault.createCredential(
        NewCredential.secret("Stripe", "stripe", "sk_live_51H…", "alice")
            .withScope(CredentialScope.forWorkflows(workflowId))
            .withScopes(List.of("charges:write", "refunds:write")));

    Credential google = vault.createCredential(NewCredential.oauth("Google Drive", "google", "client-secret",
        new OAuthTokens("ya29.a0…", "1//0g…", Instant.parse("2030-01-01T00:00:00Z")), "alice"));
    // end::create[]
    assertThat(google.kind()).isEqualTo(CredentialKind.OAUTH);
    return stripe;
  }

  @Test
  void aCredentialIsRevealedOnlyToItsScopeAndNeverShown() throws Exception {
    Credential created = stripe();
    UUID stripeId = created.id();
    // tag::reveal[]
    Secret secret = vault.revealSecret(stripeId, AccessContext.forWorkflow(workflowId));
    String apiKey = secret.reveal(); // only where it is handed to the provider; secret.toString() is "****"

    List<RedactedCredential> visible = vault.describeCredentials(AccessContext.forWorkflow(workflowId));
    // every credential the workflow may use, with encryption's algorithm and key id but no ciphertext
    // end::reveal[]

    assertThat(apiKey).isEqualTo("sk_live_51H…");
    assertThat(secret.toString()).isEqualTo("****");
    assertThat(visible).extracting(RedactedCredential::name).containsExactly("Stripe", "Google Drive");
    assertThat(visible.get(0).encryptionAlgorithm()).isEqualTo("aes256-gcm.v1");
    assertThat(visible.get(0).encryptionKeyId()).isEqualTo("primary");
    assertThat(visible.get(1).oauthTokens().hasRefreshToken()).isTrue();
    assertThat(created.toString()).doesNotContain("sk_live");
    assertThat(Files.readString(home.resolve("vault.key"))).matches("[0-9a-f]{64}");
    assertThat(Files.getPosixFilePermissions(home.resolve("vault.key")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> vault.revealSecret(stripeId, AccessContext.forWorkflow(otherWorkflowId)))
        .isInstanceOf(WorkflowScopeException.class)
        .hasMessage("Credential cannot be accessed with the provided context.");
    assertThatThrownBy(() -> vault.revealSecret(stripeId, AccessContext.none()))
        .isInstanceOf(WorkflowScopeException.class);
  }

  @Test
  void scopesCombineTheirConditions() {
    // tag::scope[]
    CredentialScope opsOfOneWorkspace = new CredentialScope(List.of(), List.of(UUID.randomUUID()), List.of("Ops"));
    // roles are trimmed and lower-cased: "ops"; a caller needs the workspace AND one of the roles

    boolean allowed = CredentialScope.forRoles("ops", "admin").allows(AccessContext.withRoles("Admin")); // true
    boolean denied = CredentialScope.forWorkflows(workflowId).allows(AccessContext.none());             // false
    // end::scope[]
    assertThat(opsOfOneWorkspace.roles()).containsExactly("ops");
    assertThat(opsOfOneWorkspace.allows(AccessContext.withRoles("ops"))).isFalse();
    assertThat(allowed).isTrue();
    assertThat(denied).isFalse();
    assertThat(CredentialScope.unrestricted().allows(AccessContext.none())).isTrue();
  }

  @Test
  void secretsAreRotatedUpdatedAndCheckedWithAnAuditEventEach() {
    UUID stripeId = stripe().id();
    // tag::rotate[]
    AccessContext caller = AccessContext.forWorkflow(workflowId);
    vault.rotateSecret(stripeId, "sk_live_61J…", "alice", caller);               // credential_rotated
    vault.updateCredential(stripeId, "alice",
        CredentialUpdate.scope(CredentialScope.forWorkflows(workflowId, otherWorkflowId)), caller); // credential_updated
    Credential checked = vault.markHealth(stripeId, HealthStatus.UNHEALTHY, "401 from api.stripe.com", "checker",
        caller);                                                                 // credential_health_marked
    // end::rotate[]

    assertThat(checked.auditLog()).extracting(e -> e.action())
        .containsExactly("credential_created", "credential_rotated", "credential_updated", "credential_health_marked");
    assertThat(checked.health().status()).isEqualTo(HealthStatus.UNHEALTHY);
    assertThat(vault.revealSecret(stripeId, AccessContext.forWorkflow(otherWorkflowId)).reveal())
        .isEqualTo("sk_live_61J…");
    assertThatThrownBy(() -> vault.rotateSecret(stripeId, "sk_live_61J…", "alice", caller))
        .isInstanceOf(RotationPolicyException.class)
        .hasMessage("Rotated secret must differ from the previous value.");
    assertThat(vault.updateCredential(stripeId, "alice", CredentialUpdate.name("Stripe"), caller).auditLog())
        .as("nothing changed, nothing written").hasSize(4);
    assertThat(checked.health()).isNotEqualTo(CredentialHealth.unchecked());
  }

  @Test
  void namesAreUniqueRegardlessOfAsciiCaseOnly() {
    vault.createCredential(NewCredential.secret("Stripe", "stripe", "sk-1", "alice"));
    // tag::names[]
    try {
      vault.createCredential(NewCredential.secret("STRIPE", "stripe", "sk-2", "alice"));
    } catch (DuplicateCredentialNameException e) {
      // "Credential name 'STRIPE' is already in use."
    }
    vault.createCredential(NewCredential.secret("Ärger", "internal", "s-1", "alice"));
    vault.createCredential(NewCredential.secret("ärger", "internal", "s-2", "alice")); // another name: Ä is not ASCII
    // end::names[]

    assertThatThrownBy(() -> vault.createCredential(NewCredential.secret("stripe", "stripe", "sk-3", "alice")))
        .isInstanceOf(DuplicateCredentialNameException.class)
        .hasMessage("Credential name 'stripe' is already in use.");
    assertThat(vault.listAllCredentials()).extracting(Credential::name).containsExactly("Stripe", "Ärger", "ärger");
  }

  @Test
  void templatesRecordWhatWasIssuedFromThem() {
    // tag::templates[]
    CredentialTemplate template = vault.createTemplate(new NewTemplate("Stripe (payments team)", "stripe",
        List.of("charges:write"), "alice", "Restricted key for the payments workflows",
        CredentialScope.forRoles("payments"), CredentialKind.SECRET,
        new IssuancePolicy(false, 90, 60))); // rotate every 90 days

    AccessContext payments = AccessContext.withRoles("payments");
    Credential issued = vault.createCredential(NewCredential.secret("Stripe payments", "stripe", "rk_live_…", "alice")
        .withScope(template.scope()).withTemplate(template.id()));
    vault.recordTemplateIssuance(template.id(), "alice", issued.id(), payments); // credential_issued
    // end::templates[]

    assertThat(vault.getTemplate(template.id(), payments).auditLog()).extracting(e -> e.action())
        .containsExactly("template_created", "credential_issued");
    assertThat(vault.listTemplates(AccessContext.none())).isEmpty();
    assertThat(issued.templateId()).isEqualTo(template.id());
  }

  @Test
  void alertsAreRaisedOnceAndAcknowledged() {
    UUID stripeId = stripe().id();
    AccessContext caller = AccessContext.forWorkflow(workflowId);
    // tag::alerts[]
    GovernanceAlert alert = vault.recordAlert(NewAlert.forCredential(stripeId, AlertKind.ROTATION_OVERDUE,
        AlertSeverity.WARNING, "Not rotated for 90 days", "scheduler"), caller);
    // The same kind about the same credential, while open: the alert is updated, not repeated.
    vault.recordAlert(NewAlert.forCredential(stripeId, AlertKind.ROTATION_OVERDUE,
        AlertSeverity.CRITICAL, "Not rotated for 120 days", "scheduler"), caller);

    List<GovernanceAlert> open = vault.listAlerts(caller, false);
    vault.acknowledgeAlert(alert.id(), "alice", caller);
    // or, once the secret is rotated: vault.resolveAlertsForCredential(stripeId, "alice");
    // end::alerts[]

    assertThat(open).singleElement().satisfies(a -> {
      assertThat(a.id()).isEqualTo(alert.id());
      assertThat(a.severity()).isEqualTo(AlertSeverity.CRITICAL);
      assertThat(a.scope()).isEqualTo(CredentialScope.forWorkflows(workflowId));
    });
    assertThat(vault.listAlerts(caller, false)).isEmpty();
    assertThat(vault.listAlerts(caller, true)).singleElement()
        .satisfies(a -> assertThat(a.acknowledgedBy()).isEqualTo("alice"));
    assertThatThrownBy(() -> vault.acknowledgeAlert(alert.id(), "bob", AccessContext.none()))
        .isInstanceOf(WorkflowScopeException.class)
        .hasMessage("Governance alert requires access context matching its scope.");
    vault.deleteCredential(stripeId, caller);
    assertThat(vault.listAlerts(caller, true)).as("deleted with its credential").isEmpty();
  }

  @Test
  void theKeyIsRotatedInBatchesAndTheKeyFileReplaced() throws Exception {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(vault.createCredential(NewCredential.secret("key " + i, "openai", "sk-" + i, "alice")).id());
    }
    Secret oldKey = Secret.of(Files.readString(home.resolve("vault.key")));
    Secret newKey = Secret.of("9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0");
    List<String> progress = new ArrayList<>();
    // tag::rotate-key[]
    KeyRotationReport report = persistence.vaultKeyRotation(newKey)
        .withBatchSize(500)                                           // credentials per transaction (default 100)
        .run((done, total) -> progress.add(done + "/" + total));      // after each committed batch
    // report.keyFileReplaced(): vault.key, when the old key came from it; this instance's vault() uses the new key
    // end::rotate-key[]

    assertThat(progress).containsExactly("5/5");
    assertThat(report.reencrypted()).isEqualTo(5);
    assertThat(report.envelopesVerified()).isEqualTo(5);
    assertThat(report.keyFileReplaced()).contains(home.resolve("vault.key"));
    assertThat(Files.readString(home.resolve("vault.key"))).isEqualTo(newKey.reveal());
    assertThat(vault.revealSecret(ids.get(0), AccessContext.none()).reveal()).isEqualTo("sk-0");
    try (OrcheoPersistence withOldKey = OrcheoPersistence.open(
        PersistenceSettings.defaults().withSqliteDirectory(home).withVaultEncryptionKey(oldKey))) {
      assertThatThrownBy(() -> withOldKey.vault().revealSecret(ids.get(0), AccessContext.none()))
          .isInstanceOf(VaultDecryptionException.class)
          .hasMessage("Unable to decrypt credential payload with provided key.");
    }
  }

  @Test
  void aLostKeyFileIsReportedInsteadOfReplaced() throws Exception {
    vault.createCredential(NewCredential.secret("Stripe", "stripe", "sk-1", "alice"));
    persistence.close();
    Files.delete(home.resolve("vault.key"));
    persistence = OrcheoPersistence.open(PersistenceSettings.defaults().withSqliteDirectory(home));

    assertThatThrownBy(persistence::vault).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Restore the key file or set ORCHEO_VAULT_ENCRYPTION_KEY");
    assertThat(home.resolve("vault.key")).doesNotExist();
  }

  @Test
  void aPostgresVaultNeedsTheKeySetting() {
    assertThatThrownBy(() -> PersistenceSettings.fromMap(Map.of(
            "ORCHEO_VAULT_BACKEND", "postgres", "ORCHEO_POSTGRES_DSN", "postgresql://localhost/orcheo")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("ORCHEO_VAULT_ENCRYPTION_KEY must be set when using the postgres vault backend.");
  }
}
