package io.orcheo.persistence.it.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.config.Secret;
import io.orcheo.persistence.core.error.ConflictException;
import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.vault.AccessContext;
import io.orcheo.persistence.core.vault.AuditEvent;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.CredentialKind;
import io.orcheo.persistence.core.vault.CredentialNotFoundException;
import io.orcheo.persistence.core.vault.CredentialScope;
import io.orcheo.persistence.core.vault.CredentialUpdate;
import io.orcheo.persistence.core.vault.DuplicateCredentialNameException;
import io.orcheo.persistence.core.vault.HealthStatus;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.core.vault.OAuthTokens;
import io.orcheo.persistence.core.vault.RedactedCredential;
import io.orcheo.persistence.core.vault.RotationPolicyException;
import io.orcheo.persistence.core.vault.VaultDecryptionException;
import io.orcheo.persistence.core.vault.WorkflowScopeException;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vault's credentials ({@link io.orcheo.persistence.core.vault.CredentialVault}'s credential operations) on
 * every backend: upstream Orcheo's behaviours of spec §H.4 (items 1–4, 5 for credentials, 6, 9–13, 21, 22), the
 * operations of §D.4 with their audit events, what §D.2 says is never shown or stored, and the rules beyond
 * upstream: names and providers trimmed and never blank, secrets never blank, unstorable or over 64 KiB, and names
 * unique regardless of ASCII case (and of ASCII case only) on both backends.
 */
public abstract class VaultCredentialsContract extends VaultContractSupport {
  private static final Instant EXPIRY = Instant.parse("2025-03-04T05:06:07.654321Z");
  private static final String ACCESS_TOKEN = "ya29.access-PLAINTEXT-token";
  private static final String REFRESH_TOKEN = "1//refresh-PLAINTEXT-token";

  // --- Create and reveal (§H.4 items 1, 2, 4) ------------------------------------------------------------------

  @Test
  void createdCredentialHoldsWhatWasAskedWithTheSecretEncrypted() {
    UUID templateId = UUID.randomUUID();
    Credential created = create(new NewCredential("Stripe", PROVIDER, List.of(" charges:read", "charges:read",
        "refunds:write", " "), "sk_live_1", ACTOR, CredentialScope.forWorkflows(WORKFLOW), CredentialKind.SECRET,
        null, templateId));

    assertThat(created.name()).isEqualTo("Stripe");
    assertThat(created.provider()).isEqualTo(PROVIDER);
    assertThat(created.scopes()).containsExactly("charges:read", "refunds:write");
    assertThat(created.scope()).isEqualTo(CredentialScope.forWorkflows(WORKFLOW));
    assertThat(created.kind()).isEqualTo(CredentialKind.SECRET);
    assertThat(created.oauthTokens()).isNull();
    assertThat(created.templateId()).isEqualTo(templateId);
    assertThat(created.createdAt()).isEqualTo(clock.instant());
    assertThat(created.updatedAt()).isEqualTo(clock.instant());
    assertThat(created.lastRotatedAt()).isEqualTo(created.createdAt());
    assertThat(created.encryption().algorithm()).isEqualTo("aes256-gcm.v1");
    assertThat(created.encryption().keyId()).isEqualTo("primary");
    assertThat(created.encryption().ciphertext()).isNotBlank().doesNotContain("sk_live_1");
  }

  @Test
  void createdCredentialIsListedAsReturned() {
    Credential created = credential("Stripe");

    assertThat(vault().listAllCredentials()).containsExactly(created);
  }

  @Test
  void createTrimsNameAndProvider() {
    Credential created = create(NewCredential.secret("  Stripe \t", "  stripe  ", "sk_live_1", ACTOR));

    assertThat(created.name()).isEqualTo("Stripe");
    assertThat(created.provider()).isEqualTo("stripe");
    assertThat(vault().listAllCredentials()).extracting(Credential::name, Credential::provider)
        .containsExactly(tuple("Stripe", "stripe"));
  }

  @Test
  void createRecordsCredentialCreatedByTheActorWithEmptyMetadata() {
    Credential created = credential("Stripe");

    assertThat(created.auditLog()).hasSize(1);
    AuditEvent event = created.auditLog().get(0);
    assertThat(event.action()).isEqualTo("credential_created");
    assertThat(event.actor()).isEqualTo(ACTOR);
    assertThat(event.at()).isEqualTo(clock.instant());
    assertThat(event.metadata().isEmpty()).isTrue();
  }

  @Test
  void revealedSecretIsTheOneStored() {
    Credential created = credential("Stripe");

    Secret revealed = vault().revealSecret(created.id(), none());

    assertThat(revealed.reveal()).isEqualTo(secretOf("Stripe"));
    assertThat(revealed.toString()).doesNotContain(secretOf("Stripe"));
  }

  @Test
  void revealingUnknownCredentialIsRejected() {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> vault().revealSecret(unknown, none()))
        .isInstanceOf(CredentialNotFoundException.class)
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Credential was not found.")
        .satisfies(e -> assertThat(((CredentialNotFoundException) e).credentialId()).isEqualTo(unknown));
  }

  @Test
  void nonAsciiSecretRoundTrips() {
    String secret = "p\u00e4ss \u2603 \u5bc6\u7801 \ud83d\udd11";
    Credential created = create(NewCredential.secret("Unicode", PROVIDER, secret, ACTOR));

    assertThat(vault().revealSecret(created.id(), none()).reveal()).isEqualTo(secret);
  }

  @Test
  void credentialPersistsAcrossInstancesAndItsSecretStillDecrypts() {
    Credential created = credential("Stripe");
    persistence.close();

    persistence = OrcheoPersistence.open(persistence.settings(), clock);

    assertThat(vault().listAllCredentials()).containsExactly(created);
    assertThat(vault().revealSecret(created.id(), none()).reveal()).isEqualTo(secretOf("Stripe"));
  }

  @Test
  void rotationMadeByOneInstanceIsRevealedByTheNext() {
    Credential created = credential("Stripe");
    vault().rotateSecret(created.id(), "sk_live_rotated", ACTOR, none());
    persistence.close();

    persistence = OrcheoPersistence.open(persistence.settings(), clock);

    assertThat(vault().revealSecret(created.id(), none()).reveal()).isEqualTo("sk_live_rotated");
  }

  @Test
  void revealingWithAnotherKeyIsADecryptionFailureThatShowsNoSecret() {
    Credential created = credential("Stripe");

    assertThatThrownBy(() -> {
      try (OrcheoPersistence otherKey = OrcheoPersistence.open(
          persistence.settings().withVaultEncryptionKey(Secret.of("not-the-vault-key")), clock)) {
        otherKey.vault().revealSecret(created.id(), none());
      }
    }).isInstanceOf(VaultDecryptionException.class)
        .hasMessageNotContaining(secretOf("Stripe"))
        .hasMessageNotContaining(created.encryption().ciphertext());
  }

  // --- Validation ----------------------------------------------------------------------------------------------

  static Stream<Arguments> blankFields() {
    return Stream.of(
        Arguments.of("empty name", NewCredential.secret("", PROVIDER, "sk_1", ACTOR)),
        Arguments.of("blank name", NewCredential.secret(" \t ", PROVIDER, "sk_1", ACTOR)),
        Arguments.of("empty provider", NewCredential.secret("Stripe", "", "sk_1", ACTOR)),
        Arguments.of("blank provider", NewCredential.secret("Stripe", "   ", "sk_1", ACTOR)),
        Arguments.of("empty secret", NewCredential.secret("Stripe", PROVIDER, "", ACTOR)),
        Arguments.of("blank secret", NewCredential.secret("Stripe", PROVIDER, "  \n ", ACTOR)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blankFields")
  void blankNameProviderOrSecretIsRejectedAndNothingStored(String description, NewCredential request)
      throws Exception {
    assertThatThrownBy(() -> create(request)).isInstanceOf(ValidationException.class);

    assertThat(credentialRows()).isZero();
    assertThat(vault().listAllCredentials()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nul", "lone high surrogate", "lone low surrogate"})
  void secretTheDatabaseCouldNotHoldAsTextIsRejectedAndNothingStored(String which) throws Exception {
    String secret = switch (which) {
      case "nul" -> "sk_live\u0000tail";
      case "lone high surrogate" -> "sk_live_\ud83d";
      default -> "sk_\udd11_live";
    };

    assertThatThrownBy(() -> create(NewCredential.secret("Stripe", PROVIDER, secret, ACTOR)))
        .isInstanceOf(ValidationException.class)
        .hasMessageNotContaining("sk_live");

    assertThat(credentialRows()).isZero();
  }

  @Test
  void secretOfExactly64KibIsAccepted() {
    String secret = "s".repeat(64 * 1024);

    Credential created = create(NewCredential.secret("Big", PROVIDER, secret, ACTOR));

    assertThat(vault().revealSecret(created.id(), none()).reveal()).isEqualTo(secret);
  }

  @Test
  void secretOver64KibIsRejectedAndNothingStored() throws Exception {
    String secret = "s".repeat(64 * 1024 + 1);

    assertThatThrownBy(() -> create(NewCredential.secret("Big", PROVIDER, secret, ACTOR)))
        .isInstanceOf(ValidationException.class);

    assertThat(credentialRows()).isZero();
  }

  @Test
  void secretLimitCountsUtf8BytesNotCharacters() throws Exception {
    // 32,769 characters of two bytes each: 65,538 bytes, over the limit though far fewer than 64 Ki characters.
    String secret = "\u00e9".repeat(32 * 1024 + 1);

    assertThatThrownBy(() -> create(NewCredential.secret("Big", PROVIDER, secret, ACTOR)))
        .isInstanceOf(ValidationException.class);

    assertThat(credentialRows()).isZero();
  }

  @Test
  void oauthTokensForSecretCredentialAreRejectedAndNothingStored() throws Exception {
    NewCredential request = new NewCredential("Stripe", PROVIDER, List.of(), "sk_1", ACTOR, null,
        CredentialKind.SECRET, new OAuthTokens(ACCESS_TOKEN, null, null), null);

    assertThatThrownBy(() -> create(request)).isInstanceOf(ValidationException.class)
        .hasMessageNotContaining(ACCESS_TOKEN);

    assertThat(credentialRows()).isZero();
  }

  // --- OAuth (§H.4 items 1, 22) --------------------------------------------------------------------------------

  @Test
  void credentialKindGivenAsTheStringOauthCreatesAnOAuthCredential() {
    Credential created = create(new NewCredential("Google", "google", List.of(), "client-secret", ACTOR, null,
        CredentialKind.fromValue(" OAuth "), new OAuthTokens(ACCESS_TOKEN, REFRESH_TOKEN, EXPIRY), null));

    assertThat(created.kind()).isEqualTo(CredentialKind.OAUTH);
    assertThat(vault().revealOAuthTokens(created.id(), none()))
        .isEqualTo(new OAuthTokens(ACCESS_TOKEN, REFRESH_TOKEN, EXPIRY));
  }

  @Test
  void unknownCredentialKindStringIsRejected() {
    assertThatThrownBy(() -> CredentialKind.fromValue("api_key"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("api_key");
  }

  @Test
  void oauthTokensAreStoredEncryptedAndExpiryInTheClear() throws Exception {
    Credential created = oauthCredential("Google", new OAuthTokens(ACCESS_TOKEN, REFRESH_TOKEN, EXPIRY));

    assertThat(created.oauthTokens().accessToken().algorithm()).isEqualTo("aes256-gcm.v1");
    assertThat(created.oauthTokens().refreshToken().keyId()).isEqualTo("primary");
    assertThat(created.oauthTokens().expiresAt()).isEqualTo(EXPIRY);
    String stored = rows().payloadText("credentials", created.id());
    assertThat(stored).doesNotContain(ACCESS_TOKEN).doesNotContain(REFRESH_TOKEN)
        .doesNotContain(secretOf("Google"));
    assertThat(stored).contains(created.oauthTokens().accessToken().ciphertext());
  }

  @Test
  void oauthCredentialCreatedWithoutTokensHoldsAnEmptyTokenSet() throws Exception {
    Credential created = oauthCredential("Google", null);

    assertThat(created.oauthTokens()).isNotNull();
    assertThat(created.oauthTokens().isEmpty()).isTrue();
    assertThat(vault().listAllCredentials().get(0).oauthTokens()).isNotNull()
        .satisfies(tokens -> assertThat(tokens.isEmpty()).isTrue());
    JsonNode stored = rows().payload("credentials", created.id()).get("oauth_tokens");
    assertThat(stored.isObject()).as("stored oauth_tokens %s", stored).isTrue();
    assertThat(stored.get("access_token").isNull()).isTrue();
    assertThat(stored.get("refresh_token").isNull()).isTrue();
    assertThat(stored.get("expires_at").isNull()).isTrue();
  }

  @Test
  void updatedOAuthTokensRoundTripThroughReveal() {
    Credential created = oauthCredential("Google", null);
    OAuthTokens tokens = new OAuthTokens(ACCESS_TOKEN, REFRESH_TOKEN, EXPIRY);

    vault().updateOAuthTokens(created.id(), tokens, ACTOR, none());

    assertThat(vault().revealOAuthTokens(created.id(), none())).isEqualTo(tokens);
  }

  @Test
  void updatingOAuthTokensRecordsTheEventAndResetsHealthToUnknown() {
    Credential created = oauthCredential("Google", null);
    clock.advance(TICK);
    vault().markHealth(created.id(), HealthStatus.HEALTHY, null, ACTOR, none());
    clock.advance(TICK);

    Credential updated = vault().updateOAuthTokens(created.id(), new OAuthTokens(ACCESS_TOKEN, null, null), "bob",
        none());

    assertThat(updated.health().status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(updated.health().failureReason()).isNull();
    AuditEvent event = last(updated.auditLog());
    assertThat(event.action()).isEqualTo("credential_oauth_tokens_updated");
    assertThat(event.actor()).isEqualTo("bob");
    assertThat(event.at()).isEqualTo(clock.instant());
    assertThat(updated.updatedAt()).isEqualTo(clock.instant());
    assertThat(vault().listAllCredentials().get(0)).isEqualTo(updated);
  }

  @Test
  void oauthTokenUpdateWithoutActorIsRecordedAsSystem() {
    Credential created = oauthCredential("Google", null);

    Credential updated = vault().updateOAuthTokens(created.id(), new OAuthTokens(ACCESS_TOKEN, null, null), null,
        none());

    assertThat(last(updated.auditLog()).actor()).isEqualTo("system");
  }

  @Test
  void updatingOAuthTokensToNoneRemovesThem() {
    Credential created = oauthCredential("Google", new OAuthTokens(ACCESS_TOKEN, REFRESH_TOKEN, EXPIRY));

    Credential cleared = vault().updateOAuthTokens(created.id(), null, ACTOR, none());

    assertThat(cleared.oauthTokens()).isNull();
    assertThat(vault().revealOAuthTokens(created.id(), none())).isNull();
  }

  @Test
  void updatingOAuthTokensToAllNullRemovesThem() {
    Credential created = oauthCredential("Google", new OAuthTokens(ACCESS_TOKEN, REFRESH_TOKEN, EXPIRY));

    Credential cleared = vault().updateOAuthTokens(created.id(), new OAuthTokens(null, null, null), ACTOR, none());

    assertThat(cleared.oauthTokens()).isNull();
    assertThat(vault().listAllCredentials().get(0).oauthTokens()).isNull();
  }

  @Test
  void updatingOAuthTokensOfSecretCredentialIsRejected() {
    Credential created = credential("Stripe");

    assertThatThrownBy(() -> vault().updateOAuthTokens(created.id(), new OAuthTokens(ACCESS_TOKEN, null, null),
        ACTOR, none()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("OAuth tokens can only be updated for OAuth credentials.");

    assertThat(vault().listAllCredentials()).containsExactly(created);
  }

  @Test
  void revealingTokensOfSecretCredentialGivesNull() {
    Credential created = credential("Stripe");

    assertThat(vault().revealOAuthTokens(created.id(), none())).isNull();
  }

  // --- Health (§H.4 items 3, 22) -------------------------------------------------------------------------------

  @Test
  void newCredentialHealthIsUnknown() {
    Credential created = credential("Stripe");

    assertThat(created.health().status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(created.health().lastCheckedAt()).isNull();
    assertThat(created.health().failureReason()).isNull();
  }

  @Test
  void markHealthRecordsStatusTimeAndReason() {
    Credential created = credential("Stripe");
    clock.advance(TICK);

    Credential marked = vault().markHealth(created.id(), HealthStatus.UNHEALTHY, "401 from provider", "checker",
        none());

    assertThat(marked.health().status()).isEqualTo(HealthStatus.UNHEALTHY);
    assertThat(marked.health().lastCheckedAt()).isEqualTo(clock.instant());
    assertThat(marked.health().failureReason()).isEqualTo("401 from provider");
    assertThat(vault().listAllCredentials().get(0).health()).isEqualTo(marked.health());
  }

  @Test
  void markHealthRecordsCredentialHealthMarkedWithStatusAndReason() {
    Credential created = credential("Stripe");
    clock.advance(TICK);

    Credential marked = vault().markHealth(created.id(), HealthStatus.UNHEALTHY, "401 from provider", "checker",
        none());

    AuditEvent event = last(marked.auditLog());
    assertThat(actions(marked.auditLog())).containsExactly("credential_created", "credential_health_marked");
    assertThat(event.actor()).isEqualTo("checker");
    assertThat(event.at()).isEqualTo(clock.instant());
    ObjectNode metadata = event.metadata();
    assertThat(metadata.get("status").asText()).isEqualTo("unhealthy");
    assertThat(metadata.get("reason").asText()).isEqualTo("401 from provider");
    assertThat(metadata.size()).isEqualTo(2);
  }

  @Test
  void markHealthWithoutReasonOrActorRecordsNullReasonBySystem() {
    Credential created = credential("Stripe");

    Credential marked = vault().markHealth(created.id(), HealthStatus.HEALTHY, null, null, none());

    AuditEvent event = last(marked.auditLog());
    assertThat(event.actor()).isEqualTo("system");
    assertThat(event.metadata().get("status").asText()).isEqualTo("healthy");
    assertThat(event.metadata().has("reason")).isTrue();
    assertThat(event.metadata().get("reason").isNull()).isTrue();
    assertThat(marked.health().failureReason()).isNull();
  }

  @Test
  void markHealthOfScopedCredentialFromAnotherWorkflowIsDenied() {
    Credential created = credential("Stripe", CredentialScope.forWorkflows(WORKFLOW));

    assertThatThrownBy(() -> vault().markHealth(created.id(), HealthStatus.HEALTHY, null, ACTOR,
        inWorkflow(OTHER_WORKFLOW))).isInstanceOf(WorkflowScopeException.class);

    assertThat(vault().listAllCredentials().get(0).health().status()).isEqualTo(HealthStatus.UNKNOWN);
  }

  // --- Rotation (§H.4 items 2, 12) -----------------------------------------------------------------------------

  @Test
  void rotatedSecretIsRevealed() {
    Credential created = credential("Stripe");

    vault().rotateSecret(created.id(), "sk_live_rotated", ACTOR, none());

    assertThat(vault().revealSecret(created.id(), none()).reveal()).isEqualTo("sk_live_rotated");
  }

  @Test
  void rotationRecordsCredentialRotatedAndMovesLastRotatedAt() {
    Credential created = credential("Stripe");
    clock.advance(TICK);

    Credential rotated = vault().rotateSecret(created.id(), "sk_live_rotated", "bob", none());

    assertThat(rotated.lastRotatedAt()).isEqualTo(clock.instant());
    assertThat(rotated.updatedAt()).isEqualTo(clock.instant());
    assertThat(rotated.createdAt()).isEqualTo(created.createdAt());
    assertThat(rotated.encryption().ciphertext()).isNotEqualTo(created.encryption().ciphertext());
    assertThat(actions(rotated.auditLog())).containsExactly("credential_created", "credential_rotated");
    assertThat(last(rotated.auditLog()).actor()).isEqualTo("bob");
    assertThat(last(rotated.auditLog()).at()).isEqualTo(clock.instant());
    assertThat(vault().listAllCredentials()).containsExactly(rotated);
  }

  @Test
  void rotatingToTheSameSecretIsRejectedAndChangesNothing() {
    Credential created = credential("Stripe");

    assertThatThrownBy(() -> vault().rotateSecret(created.id(), secretOf("Stripe"), ACTOR, none()))
        .isInstanceOf(RotationPolicyException.class)
        .isInstanceOf(ValidationException.class)
        .hasMessage("Rotated secret must differ from the previous value.");

    assertThat(vault().listAllCredentials()).containsExactly(created);
  }

  @Test
  void rotatingOAuthCredentialResetsItsHealthToUnknown() {
    Credential created = oauthCredential("Google", new OAuthTokens(ACCESS_TOKEN, null, null));
    vault().markHealth(created.id(), HealthStatus.HEALTHY, null, ACTOR, none());

    Credential rotated = vault().rotateSecret(created.id(), "new-client-secret", ACTOR, none());

    assertThat(rotated.health().status()).isEqualTo(HealthStatus.UNKNOWN);
  }

  @Test
  void rotatingSecretCredentialKeepsItsHealth() {
    Credential created = credential("Stripe");
    vault().markHealth(created.id(), HealthStatus.HEALTHY, null, ACTOR, none());

    Credential rotated = vault().rotateSecret(created.id(), "sk_live_rotated", ACTOR, none());

    assertThat(rotated.health().status()).isEqualTo(HealthStatus.HEALTHY);
  }

  @Test
  void rotatingScopedCredentialFromAnotherWorkflowIsDenied() {
    Credential created = credential("Stripe", CredentialScope.forWorkflows(WORKFLOW));

    assertThatThrownBy(() -> vault().rotateSecret(created.id(), "sk_live_rotated", ACTOR,
        inWorkflow(OTHER_WORKFLOW)))
        .isInstanceOf(WorkflowScopeException.class)
        .hasMessage("Credential cannot be accessed with the provided context.");

    assertThat(vault().revealSecret(created.id(), inWorkflow(WORKFLOW)).reveal()).isEqualTo(secretOf("Stripe"));
  }

  @Test
  void rotatingUnknownCredentialIsRejected() {
    assertThatThrownBy(() -> vault().rotateSecret(UUID.randomUUID(), "sk", ACTOR, none()))
        .isInstanceOf(CredentialNotFoundException.class);
  }

  // --- Update (§H.4 item 21) -----------------------------------------------------------------------------------

  @Test
  void updatingScopeDoesNotRotate() {
    Credential created = credential("Stripe");
    clock.advance(TICK);

    Credential updated = vault().updateCredential(created.id(), "bob",
        CredentialUpdate.scope(CredentialScope.forWorkflows(WORKFLOW)), none());

    assertThat(updated.scope()).isEqualTo(CredentialScope.forWorkflows(WORKFLOW));
    assertThat(updated.lastRotatedAt()).isEqualTo(created.lastRotatedAt());
    assertThat(updated.encryption()).isEqualTo(created.encryption());
    assertThat(actions(updated.auditLog())).containsExactly("credential_created", "credential_updated");
    assertThat(last(updated.auditLog()).actor()).isEqualTo("bob");
    assertThat(last(updated.auditLog()).at()).isEqualTo(clock.instant());
    assertThat(vault().revealSecret(created.id(), inWorkflow(WORKFLOW)).reveal()).isEqualTo(secretOf("Stripe"));
    assertThatThrownBy(() -> vault().revealSecret(created.id(), none())).isInstanceOf(WorkflowScopeException.class);
  }

  @Test
  void updatingNameAndProviderTrimsThemAndRecordsCredentialUpdated() {
    Credential created = credential("Stripe");

    Credential updated = vault().updateCredential(created.id(), ACTOR,
        new CredentialUpdate("  Stripe live ", " stripe-eu ", null, null), none());

    assertThat(updated.name()).isEqualTo("Stripe live");
    assertThat(updated.provider()).isEqualTo("stripe-eu");
    assertThat(actions(updated.auditLog())).containsExactly("credential_created", "credential_updated");
    assertThat(vault().listAllCredentials()).containsExactly(updated);
  }

  @Test
  void updatingSecretIsARotation() {
    Credential created = credential("Stripe");
    clock.advance(TICK);

    Credential updated = vault().updateCredential(created.id(), ACTOR,
        new CredentialUpdate(null, null, "  sk_live_new  ", null), none());

    assertThat(actions(updated.auditLog())).containsExactly("credential_created", "credential_rotated");
    assertThat(updated.lastRotatedAt()).isEqualTo(clock.instant());
    assertThat(vault().revealSecret(created.id(), none()).reveal()).isEqualTo("sk_live_new");
  }

  @Test
  void updatingSecretAndNameRecordsRotationThenUpdate() {
    Credential created = credential("Stripe");

    Credential updated = vault().updateCredential(created.id(), ACTOR,
        new CredentialUpdate("Stripe 2", null, "sk_live_new", null), none());

    assertThat(actions(updated.auditLog()))
        .containsExactly("credential_created", "credential_rotated", "credential_updated");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"name", "provider", "secret"})
  void updatingToBlankValueIsRejectedAndWritesNothing(String field) throws Exception {
    Credential created = credential("Stripe");
    String before = rows().payloadText("credentials", created.id());
    CredentialUpdate update = switch (field) {
      case "name" -> new CredentialUpdate("  ", null, null, null);
      case "provider" -> new CredentialUpdate(null, "", null, null);
      default -> new CredentialUpdate(null, null, " \t", null);
    };

    assertThatThrownBy(() -> vault().updateCredential(created.id(), ACTOR, update, none()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(field);

    assertThat(rows().payloadText("credentials", created.id())).isEqualTo(before);
  }

  @Test
  void updateWithNothingGivenWritesNothing() throws Exception {
    Credential created = credential("Stripe");
    String before = rows().payloadText("credentials", created.id());
    clock.advance(TICK);

    Credential unchanged = vault().updateCredential(created.id(), ACTOR, CredentialUpdate.NONE, none());

    assertThat(unchanged).isEqualTo(created);
    assertThat(rows().payloadText("credentials", created.id())).isEqualTo(before);
    assertThat(rows().instant("SELECT updated_at FROM credentials WHERE id = ?", created.id().toString()))
        .isEqualTo(created.updatedAt());
  }

  @Test
  void updateWithTheCurrentValuesWritesNothing() throws Exception {
    Credential created = credential("Stripe", CredentialScope.forRoles("admin"));
    String before = rows().payloadText("credentials", created.id());
    clock.advance(TICK);

    Credential unchanged = vault().updateCredential(created.id(), ACTOR, new CredentialUpdate(" Stripe ", PROVIDER,
        secretOf("Stripe"), CredentialScope.forRoles("ADMIN")), AccessContext.withRoles("admin"));

    assertThat(unchanged.auditLog()).isEqualTo(created.auditLog());
    assertThat(unchanged.updatedAt()).isEqualTo(created.updatedAt());
    assertThat(rows().payloadText("credentials", created.id())).isEqualTo(before);
  }

  @Test
  void updatingScopedCredentialFromAnotherWorkflowIsDenied() {
    Credential created = credential("Stripe", CredentialScope.forWorkflows(WORKFLOW));

    assertThatThrownBy(() -> vault().updateCredential(created.id(), ACTOR, CredentialUpdate.name("Other"),
        inWorkflow(OTHER_WORKFLOW))).isInstanceOf(WorkflowScopeException.class);

    assertThat(vault().listAllCredentials()).containsExactly(created);
  }

  @Test
  void updatingUnknownCredentialIsRejected() {
    assertThatThrownBy(() -> vault().updateCredential(UUID.randomUUID(), ACTOR, CredentialUpdate.name("x"),
        none())).isInstanceOf(CredentialNotFoundException.class);
  }

  // --- Names (§H.4 item 6, §D.3) -------------------------------------------------------------------------------

  @Test
  void creatingCredentialWithTakenNameIsRejected() throws Exception {
    Credential first = credential("Stripe");

    assertThatThrownBy(() -> credential("Stripe"))
        .isInstanceOf(DuplicateCredentialNameException.class)
        .isInstanceOf(ConflictException.class)
        .hasMessage("Credential name 'Stripe' is already in use.")
        .satisfies(e -> assertThat(((DuplicateCredentialNameException) e).name()).isEqualTo("Stripe"));

    assertThat(vault().listAllCredentials()).containsExactly(first);
    assertThat(credentialRows()).isEqualTo(1);
  }

  @Test
  void namesDifferingOnlyInAsciiCaseClash() throws Exception {
    credential("Stripe");

    assertThatThrownBy(() -> credential("STRIPE"))
        .isInstanceOf(DuplicateCredentialNameException.class)
        .hasMessage("Credential name 'STRIPE' is already in use.");
    assertThatThrownBy(() -> credential("stripe")).isInstanceOf(DuplicateCredentialNameException.class);

    assertThat(credentialRows()).isEqualTo(1);
  }

  @Test
  void nameClashIsFoundAfterTrimming() {
    credential("Stripe");

    assertThatThrownBy(() -> credential("  stripe ")).isInstanceOf(DuplicateCredentialNameException.class);
  }

  @Test
  void namesDifferingOnlyInNonAsciiCaseDoNotClash() {
    Credential upper = credential("\u00c4rger");
    Credential lower = credential("\u00e4rger");

    assertThat(vault().listAllCredentials()).extracting(Credential::name)
        .containsExactly(upper.name(), lower.name());
  }

  @Test
  void namesDifferingInAsciiCaseBesideTheSameNonAsciiLetterClash() {
    credential("\u00c4rger");

    assertThatThrownBy(() -> credential("\u00c4RGER")).isInstanceOf(DuplicateCredentialNameException.class);
  }

  @Test
  void renamingToTakenNameIsRejected() {
    credential("Stripe");
    Credential other = credential("OpenAI");

    assertThatThrownBy(() -> vault().updateCredential(other.id(), ACTOR, CredentialUpdate.name("STRIPE"), none()))
        .isInstanceOf(DuplicateCredentialNameException.class);

    assertThat(vault().listAllCredentials()).extracting(Credential::name).containsExactly("Stripe", "OpenAI");
  }

  @Test
  void renamingCredentialToItsOwnNameInAnotherCaseIsAllowed() {
    Credential created = credential("Stripe");

    Credential renamed = vault().updateCredential(created.id(), ACTOR, CredentialUpdate.name("STRIPE"), none());

    assertThat(renamed.name()).isEqualTo("STRIPE");
    assertThat(vault().listAllCredentials()).extracting(Credential::name).containsExactly("STRIPE");
  }

  @Test
  void nameOfDeletedCredentialCanBeReused() {
    Credential created = credential("Stripe");
    vault().deleteCredential(created.id(), none());

    Credential again = credential("stripe");

    assertThat(vault().listAllCredentials()).containsExactly(again);
  }

  // --- Scopes (§H.4 items 3, 9, 10, 11, 13) --------------------------------------------------------------------

  @Test
  void unrestrictedCredentialIsVisibleToEveryWorkflow() {
    Credential created = credential("Stripe");

    for (AccessContext context : List.of(none(), inWorkflow(WORKFLOW), inWorkflow(OTHER_WORKFLOW),
        AccessContext.withRoles("viewer"))) {
      assertThat(vault().listCredentials(context)).as("listed for %s", context).containsExactly(created);
      assertThat(vault().revealSecret(created.id(), context).reveal()).as("revealed for %s", context)
          .isEqualTo(secretOf("Stripe"));
    }
  }

  @Test
  void workflowScopedCredentialIsDeniedToOtherWorkflows() {
    Credential created = credential("Stripe", CredentialScope.forWorkflows(WORKFLOW));

    assertThatThrownBy(() -> vault().revealSecret(created.id(), inWorkflow(OTHER_WORKFLOW)))
        .isInstanceOf(WorkflowScopeException.class)
        .hasMessage("Credential cannot be accessed with the provided context.");
    assertThat(vault().revealSecret(created.id(), inWorkflow(WORKFLOW)).reveal()).isEqualTo(secretOf("Stripe"));
  }

  @Test
  void scopedCredentialIsDeniedWithoutContext() {
    Credential created = credential("Stripe", CredentialScope.forWorkflows(WORKFLOW));

    assertThatThrownBy(() -> vault().revealSecret(created.id(), none()))
        .isInstanceOf(WorkflowScopeException.class);
    assertThatThrownBy(() -> vault().revealOAuthTokens(created.id(), none()))
        .isInstanceOf(WorkflowScopeException.class);
  }

  @Test
  void roleScopedCredentialIsMatchedCaseInsensitively() {
    Credential created = credential("Stripe", CredentialScope.forRoles(" Admin "));

    assertThat(vault().revealSecret(created.id(), AccessContext.withRoles("ADMIN")).reveal())
        .isEqualTo(secretOf("Stripe"));
    assertThat(vault().listCredentials(AccessContext.withRoles("viewer", "aDmIn"))).containsExactly(created);
    assertThatThrownBy(() -> vault().revealSecret(created.id(), AccessContext.withRoles("viewer")))
        .isInstanceOf(WorkflowScopeException.class);
  }

  @Test
  void everyConditionOfAScopeMustHold() {
    Credential created = credential("Stripe",
        new CredentialScope(List.of(WORKFLOW), List.of(WORKSPACE), List.of("admin")));

    assertThat(vault().revealSecret(created.id(), new AccessContext(WORKFLOW, WORKSPACE, Set.of("admin"))).reveal())
        .isEqualTo(secretOf("Stripe"));
    assertThatThrownBy(() -> vault().revealSecret(created.id(), new AccessContext(WORKFLOW, WORKSPACE, Set.of())))
        .isInstanceOf(WorkflowScopeException.class);
    assertThatThrownBy(() -> vault().revealSecret(created.id(), new AccessContext(WORKFLOW, null, Set.of("admin"))))
        .isInstanceOf(WorkflowScopeException.class);
  }

  @Test
  void listCredentialsShowsOnlyThoseTheContextSatisfies() {
    Credential open = credential("Open");
    Credential mine = credential("Mine", CredentialScope.forWorkflows(WORKFLOW));
    Credential theirs = credential("Theirs", CredentialScope.forWorkflows(OTHER_WORKFLOW));
    Credential admins = credential("Admins", CredentialScope.forRoles("admin"));

    assertThat(vault().listCredentials(inWorkflow(WORKFLOW))).containsExactly(open, mine);
    assertThat(vault().listCredentials(none())).containsExactly(open);
    assertThat(vault().listCredentials(AccessContext.withRoles("admin"))).containsExactly(open, admins);
    assertThat(vault().listAllCredentials()).containsExactly(open, mine, theirs, admins);
  }

  @Test
  void listIsInCreationOrder() {
    Credential c = credential("Charlie");
    Credential a = credential("Alpha");
    Credential b = credential("Bravo");

    assertThat(vault().listCredentials(none())).containsExactly(c, a, b);
    assertThat(vault().listAllCredentials()).containsExactly(c, a, b);
    assertThat(vault().describeCredentials(none())).extracting(RedactedCredential::id)
        .containsExactly(c.id(), a.id(), b.id());
  }

  @Test
  void listOrderIsCreationOrderEvenAfterUpdates() {
    Credential first = credential("First");
    Credential second = credential("Second");
    clock.advance(TICK);
    vault().rotateSecret(first.id(), "sk_new", ACTOR, none());

    assertThat(vault().listAllCredentials()).extracting(Credential::id).containsExactly(first.id(), second.id());
  }

  @Test
  void storedScopeHintIsTheFirstWorkflowElseGlobal() throws Exception {
    Credential scoped = credential("Scoped", CredentialScope.forWorkflows(WORKFLOW, OTHER_WORKFLOW));
    Credential open = credential("Open");
    Credential byRole = credential("ByRole", CredentialScope.forRoles("Admin"));

    String sql = "SELECT workflow_id FROM credentials WHERE id = ?";
    assertThat(rows().text(sql, scoped.id().toString())).isEqualTo(WORKFLOW.toString());
    assertThat(rows().text(sql, open.id().toString())).isEqualTo("GLOBAL");
    assertThat(rows().text(sql, byRole.id().toString())).isEqualTo("admin");
  }

  // --- Describe (§H.4 item 3, §D.2) ----------------------------------------------------------------------------

  @Test
  void describeIsScopeFiltered() {
    Credential open = credential("Open");
    credential("Theirs", CredentialScope.forWorkflows(OTHER_WORKFLOW));
    Credential mine = credential("Mine", CredentialScope.forWorkflows(WORKFLOW));

    assertThat(vault().describeCredentials(inWorkflow(WORKFLOW))).extracting(RedactedCredential::name)
        .containsExactly(open.name(), mine.name());
    assertThat(vault().describeCredentials(none())).extracting(RedactedCredential::name)
        .containsExactly(open.name());
  }

  @Test
  void describeShowsEverythingButTheCiphertext() {
    UUID templateId = UUID.randomUUID();
    Credential created = create(new NewCredential("Stripe", PROVIDER, List.of("charges:read"), "sk_live_1", ACTOR,
        CredentialScope.forRoles("admin"), CredentialKind.SECRET, null, templateId));

    RedactedCredential described = vault().describeCredentials(AccessContext.withRoles("admin")).get(0);

    assertThat(described).isEqualTo(created.redacted());
    assertThat(described.id()).isEqualTo(created.id());
    assertThat(described.scopes()).containsExactly("charges:read");
    assertThat(described.scope()).isEqualTo(CredentialScope.forRoles("admin"));
    assertThat(described.templateId()).isEqualTo(templateId);
    assertThat(described.lastRotatedAt()).isEqualTo(created.lastRotatedAt());
    assertThat(described.encryptionAlgorithm()).isEqualTo("aes256-gcm.v1");
    assertThat(described.encryptionKeyId()).isEqualTo("primary");
    assertThat(described.health().status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(described.oauthTokens()).isNull();
  }

  @Test
  void describeNeverIncludesCiphertext() {
    Credential secret = credential("Stripe");
    Credential oauth = oauthCredential("Google", new OAuthTokens(ACCESS_TOKEN, REFRESH_TOKEN, EXPIRY));
    List<String> ciphertexts = List.of(secret.encryption().ciphertext(), oauth.encryption().ciphertext(),
        oauth.oauthTokens().accessToken().ciphertext(), oauth.oauthTokens().refreshToken().ciphertext());

    List<RedactedCredential> described = vault().describeCredentials(none());

    assertThat(Arrays.stream(RedactedCredential.class.getRecordComponents()).map(RecordComponent::getName))
        .noneMatch(name -> name.toLowerCase().contains("cipher"));
    for (RedactedCredential view : described) {
      for (String forbidden : concat(ciphertexts, List.of(secretOf("Stripe"), secretOf("Google"), ACCESS_TOKEN,
          REFRESH_TOKEN))) {
        assertThat(view.toString()).doesNotContain(forbidden);
      }
    }
  }

  @Test
  void describeShowsOAuthTokensOnlyAsPresentOrAbsent() {
    oauthCredential("Google", new OAuthTokens(ACCESS_TOKEN, null, EXPIRY));

    RedactedCredential described = vault().describeCredentials(none()).get(0);

    assertThat(described.oauthTokens()).isEqualTo(new RedactedCredential.OAuthTokenPresence(true, false, EXPIRY));
  }

  // --- What is never shown or stored (§D.2) --------------------------------------------------------------------

  @Test
  void toStringOfCredentialAndRequestsNeverShowsSecretsOrTokens() {
    OAuthTokens tokens = new OAuthTokens(ACCESS_TOKEN, REFRESH_TOKEN, EXPIRY);
    NewCredential request = NewCredential.oauth("Google", "google", "client-SECRET-plaintext", tokens, ACTOR);
    Credential created = create(request);
    List<String> forbidden = List.of("client-SECRET-plaintext", ACCESS_TOKEN, REFRESH_TOKEN,
        created.encryption().ciphertext(), created.oauthTokens().accessToken().ciphertext(),
        created.oauthTokens().refreshToken().ciphertext());

    for (Object shown : List.of(created, request, tokens, created.oauthTokens(), created.encryption(),
        new CredentialUpdate(null, null, "client-SECRET-plaintext", null),
        vault().revealSecret(created.id(), none()))) {
      for (String value : forbidden) {
        assertThat(shown.toString()).as("toString of %s", shown.getClass().getSimpleName()).doesNotContain(value);
      }
    }
  }

  @Test
  void storedPayloadHoldsNoPlaintextSecretOrToken() throws Exception {
    Credential created = oauthCredential("Google", new OAuthTokens(ACCESS_TOKEN, REFRESH_TOKEN, EXPIRY));
    vault().rotateSecret(created.id(), "rotated-client-secret", ACTOR, none());

    String stored = String.join("\n", rows().column("SELECT payload FROM credentials"));

    assertThat(stored).doesNotContain(secretOf("Google")).doesNotContain("rotated-client-secret")
        .doesNotContain(ACCESS_TOKEN).doesNotContain(REFRESH_TOKEN).doesNotContain(TestBackend.VAULT_KEY.reveal());
  }

  // --- Delete (§H.4 items 5, 13) -------------------------------------------------------------------------------

  @Test
  void deletedCredentialIsGone() throws Exception {
    Credential kept = credential("Kept");
    Credential deleted = credential("Deleted");

    vault().deleteCredential(deleted.id(), none());

    assertThat(vault().listAllCredentials()).containsExactly(kept);
    assertThatThrownBy(() -> vault().revealSecret(deleted.id(), none()))
        .isInstanceOf(CredentialNotFoundException.class);
    assertThat(credentialRows()).isEqualTo(1);
  }

  @Test
  void deletingUnknownCredentialIsRejected() {
    credential("Kept");

    assertThatThrownBy(() -> vault().deleteCredential(UUID.randomUUID(), none()))
        .isInstanceOf(CredentialNotFoundException.class)
        .hasMessage("Credential was not found.");
    assertThat(vault().listAllCredentials()).hasSize(1);
  }

  @Test
  void scopedDeletionIsEnforced() {
    Credential created = credential("Stripe", CredentialScope.forWorkflows(WORKFLOW));

    assertThatThrownBy(() -> vault().deleteCredential(created.id(), inWorkflow(OTHER_WORKFLOW)))
        .isInstanceOf(WorkflowScopeException.class)
        .hasMessage("Credential cannot be accessed with the provided context.");
    assertThatThrownBy(() -> vault().deleteCredential(created.id(), none()))
        .isInstanceOf(WorkflowScopeException.class);
    assertThat(vault().listAllCredentials()).containsExactly(created);

    vault().deleteCredential(created.id(), inWorkflow(WORKFLOW));

    assertThat(vault().listAllCredentials()).isEmpty();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
