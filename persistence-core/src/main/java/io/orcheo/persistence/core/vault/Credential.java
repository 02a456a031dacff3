package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.StorableText;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A stored credential (upstream's {@code CredentialMetadata}): everything but the secret in the clear, the secret
 * and OAuth tokens encrypted. Reveal them through {@link CredentialVault}; {@link #toString()} never shows a
 * ciphertext.
 *
 * @param id the credential id
 * @param createdAt when it was created
 * @param updatedAt when its last audit event happened
 * @param auditLog what happened to it, oldest first
 * @param name display name, unique in the vault regardless of ASCII case
 * @param provider who issued it ({@code stripe}, {@code openai}, …)
 * @param scopes the provider's permission names it carries; trimmed, blank and repeated ones dropped
 * @param scope who may use it
 * @param encryption the encrypted secret
 * @param kind a secret, or OAuth
 * @param oauthTokens the encrypted OAuth tokens, or {@code null} (always {@code null} unless {@code kind} is OAuth)
 * @param health the last health check
 * @param lastRotatedAt when the secret was last set, or {@code null}
 * @param templateId the template it was issued from, or {@code null}
 */
public record Credential(
    UUID id,
    Instant createdAt,
    Instant updatedAt,
    List<AuditEvent> auditLog,
    String name,
    String provider,
    List<String> scopes,
    CredentialScope scope,
    EncryptionEnvelope encryption,
    CredentialKind kind,
    EncryptedOAuthTokens oauthTokens,
    CredentialHealth health,
    Instant lastRotatedAt,
    UUID templateId) {

  public Credential {
    Objects.requireNonNull(id, "id");
    createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
    updatedAt = Objects.requireNonNull(updatedAt, "updatedAt").truncatedTo(ChronoUnit.MICROS);
    auditLog = List.copyOf(Objects.requireNonNull(auditLog, "auditLog"));
    StorableText.require(Objects.requireNonNull(name, "name"), "name");
    StorableText.require(Objects.requireNonNull(provider, "provider"), "provider");
    scopes = permissions(scopes);
    scope = scope == null ? CredentialScope.unrestricted() : scope;
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(kind, "kind");
    health = health == null ? CredentialHealth.unchecked() : health;
    lastRotatedAt = lastRotatedAt == null ? null : lastRotatedAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** This credential with {@code event} appended to its audit log and {@code updatedAt} moved to its time. */
  public Credential withEvent(AuditEvent event) {
    List<AuditEvent> log = new ArrayList<>(auditLog);
    log.add(Objects.requireNonNull(event, "event"));
    return new Credential(id, createdAt, event.at(), log, name, provider, scopes, scope, encryption, kind,
        oauthTokens, health, lastRotatedAt, templateId);
  }

  /** This credential under another name. */
  public Credential withName(String newName) {
    return new Credential(id, createdAt, updatedAt, auditLog, newName, provider, scopes, scope, encryption, kind,
        oauthTokens, health, lastRotatedAt, templateId);
  }

  /** This credential from another provider. */
  public Credential withProvider(String newProvider) {
    return new Credential(id, createdAt, updatedAt, auditLog, name, newProvider, scopes, scope, encryption, kind,
        oauthTokens, health, lastRotatedAt, templateId);
  }

  /** This credential with another access scope. */
  public Credential withScope(CredentialScope newScope) {
    return new Credential(id, createdAt, updatedAt, auditLog, name, provider, scopes, newScope, encryption, kind,
        oauthTokens, health, lastRotatedAt, templateId);
  }

  /** This credential with another encrypted secret, set at {@code rotatedAt}. */
  public Credential withSecret(EncryptionEnvelope newEncryption, Instant rotatedAt) {
    return new Credential(id, createdAt, updatedAt, auditLog, name, provider, scopes, scope, newEncryption, kind,
        oauthTokens, health, rotatedAt, templateId);
  }

  /**
   * This credential with its envelopes replaced and nothing else changed: no audit event, the same
   * {@code lastRotatedAt} (re-encryption under a new key, where the secret itself stays the same).
   */
  public Credential withEnvelopes(EncryptionEnvelope newEncryption, EncryptedOAuthTokens newTokens) {
    return new Credential(id, createdAt, updatedAt, auditLog, name, provider, scopes, scope, newEncryption, kind,
        newTokens, health, lastRotatedAt, templateId);
  }

  /** This credential with other encrypted OAuth tokens ({@code null} for none). */
  public Credential withOAuthTokens(EncryptedOAuthTokens newTokens) {
    return new Credential(id, createdAt, updatedAt, auditLog, name, provider, scopes, scope, encryption, kind,
        newTokens, health, lastRotatedAt, templateId);
  }

  /** This credential with another health. */
  public Credential withHealth(CredentialHealth newHealth) {
    return new Credential(id, createdAt, updatedAt, auditLog, name, provider, scopes, scope, encryption, kind,
        oauthTokens, newHealth, lastRotatedAt, templateId);
  }

  /** What may be shown of this credential: no ciphertext, OAuth tokens only as present or not. */
  public RedactedCredential redacted() {
    return new RedactedCredential(id, name, provider, scopes, scope, kind, lastRotatedAt, templateId,
        encryption.algorithm(), encryption.keyId(),
        oauthTokens == null ? null
            : new RedactedCredential.OAuthTokenPresence(oauthTokens.accessToken() != null,
                oauthTokens.refreshToken() != null, oauthTokens.expiresAt()),
        health);
  }

  /** Trimmed, in order, without blanks or repeats (upstream's normalisation of {@code scopes}). */
  static List<String> permissions(List<String> scopes) {
    if (scopes == null) {
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String permission : scopes) {
      String trimmed = Objects.requireNonNull(permission, "scopes must not contain null").strip();
      StorableText.require(trimmed, "scope");
      if (!trimmed.isEmpty()) {
        seen.add(trimmed);
      }
    }
    return List.copyOf(seen);
  }
}
