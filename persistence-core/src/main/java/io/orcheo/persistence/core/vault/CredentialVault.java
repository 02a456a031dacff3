package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.config.Secret;
import java.util.List;
import java.util.UUID;

/**
 * Upstream Orcheo's credential vault: encrypted credentials, the templates they are issued from, and governance
 * alerts about both. Secrets and OAuth tokens are stored under upstream's {@code aes256-gcm.v1} cipher, so a vault
 * written by either program is readable by the other with the same key.
 *
 * <p>Every operation is one transaction: an audit event, the change it records and, for deletions, the alerts that
 * go with the deleted entity are written together or not at all. Lists are in creation order. Access is checked
 * against each entity's {@link CredentialScope}; pass {@link AccessContext#none()} to act without a caller, which
 * only unrestricted entities allow.
 *
 * <p>Plaintext secrets never reach a log, an exception message or a {@code toString()}.
 */
public interface CredentialVault {
  /**
   * Encrypts and stores a new credential, with the audit event {@code credential_created}. An OAuth credential
   * created without tokens holds an empty token set.
   *
   * @throws DuplicateCredentialNameException if another credential has the name regardless of ASCII case
   * @throws io.orcheo.persistence.core.error.ValidationException if the name, provider or secret is blank or too
   *     long, or OAuth tokens are given for a secret credential
   */
  Credential createCredential(NewCredential request);

  /**
   * Replaces the secret, with the audit event {@code credential_rotated}; an OAuth credential's health goes back to
   * unknown.
   *
   * @throws CredentialNotFoundException if no credential has the id
   * @throws WorkflowScopeException if the context does not satisfy the credential's scope
   * @throws RotationPolicyException if the new secret equals the current one
   */
  Credential rotateSecret(UUID credentialId, String secret, String actor, AccessContext context);

  /**
   * Applies the fields of {@code update} that differ from the stored ones: a new secret is a rotation
   * ({@code credential_rotated}); a new name, provider or scope adds {@code credential_updated}. Nothing is
   * written when nothing differs.
   *
   * @throws CredentialNotFoundException if no credential has the id
   * @throws WorkflowScopeException if the context does not satisfy the credential's scope
   * @throws io.orcheo.persistence.core.error.ValidationException if a given name, provider or secret is blank
   * @throws DuplicateCredentialNameException if the new name is taken
   */
  Credential updateCredential(UUID credentialId, String actor, CredentialUpdate update, AccessContext context);

  /**
   * Replaces an OAuth credential's tokens ({@code null} or all-null tokens remove them), resets its health to
   * unknown and adds {@code credential_oauth_tokens_updated}.
   *
   * @throws io.orcheo.persistence.core.error.ValidationException if the credential is not an OAuth credential
   */
  Credential updateOAuthTokens(UUID credentialId, OAuthTokens tokens, String actor, AccessContext context);

  /** Records a health check's outcome, with the audit event {@code credential_health_marked}. */
  Credential markHealth(UUID credentialId, HealthStatus status, String reason, String actor, AccessContext context);

  /**
   * Decrypts the secret.
   *
   * @throws CredentialNotFoundException if no credential has the id
   * @throws WorkflowScopeException if the context does not satisfy the credential's scope
   * @throws VaultDecryptionException if the vault's key does not decrypt it
   */
  Secret revealSecret(UUID credentialId, AccessContext context);

  /**
   * Decrypts the OAuth tokens, or gives {@code null} if the credential holds none.
   *
   * @throws CredentialNotFoundException if no credential has the id
   * @throws WorkflowScopeException if the context does not satisfy the credential's scope
   */
  OAuthTokens revealOAuthTokens(UUID credentialId, AccessContext context);

  /** The credentials whose scope the context satisfies, oldest first. */
  List<Credential> listCredentials(AccessContext context);

  /** Every credential regardless of scope, oldest first (for administrators and tools). */
  List<Credential> listAllCredentials();

  /** {@link #listCredentials} without ciphertexts. */
  List<RedactedCredential> describeCredentials(AccessContext context);

  /**
   * Deletes a credential and every alert about it, together.
   *
   * @throws CredentialNotFoundException if no credential has the id
   * @throws WorkflowScopeException if the context does not satisfy the credential's scope
   */
  void deleteCredential(UUID credentialId, AccessContext context);

  /** Stores a new template, with the audit event {@code template_created}. */
  CredentialTemplate createTemplate(NewTemplate request);

  /**
   * Applies the fields of {@code update} that differ, recording each as {@code {"from": old, "to": new}} in one
   * {@code template_updated} event. Nothing is written when nothing differs.
   *
   * @throws CredentialTemplateNotFoundException if no template has the id
   * @throws WorkflowScopeException if the context does not satisfy the template's scope
   */
  CredentialTemplate updateTemplate(UUID templateId, String actor, TemplateUpdate update, AccessContext context);

  /**
   * Deletes a template and every alert about it, together.
   *
   * @throws CredentialTemplateNotFoundException if no template has the id
   * @throws WorkflowScopeException if the context does not satisfy the template's scope
   */
  void deleteTemplate(UUID templateId, AccessContext context);

  /**
   * One template.
   *
   * @throws CredentialTemplateNotFoundException if no template has the id
   * @throws WorkflowScopeException if the context does not satisfy the template's scope
   */
  CredentialTemplate getTemplate(UUID templateId, AccessContext context);

  /** The templates whose scope the context satisfies, oldest first. */
  List<CredentialTemplate> listTemplates(AccessContext context);

  /** Records that a credential was issued from the template, with the audit event {@code credential_issued}. */
  CredentialTemplate recordTemplateIssuance(UUID templateId, String actor, UUID credentialId, AccessContext context);

  /**
   * Raises an alert, or updates the open one of the same kind about the same credential and template that the
   * context can see ({@code alert_updated}). An alert about a credential takes the credential's scope and
   * template; one about a template only, the template's scope; any other is unrestricted.
   *
   * @throws CredentialNotFoundException if the named credential does not exist
   * @throws CredentialTemplateNotFoundException if the named template does not exist
   * @throws WorkflowScopeException if the context does not satisfy the scope of the credential, or of the template
   *     when no credential is named
   */
  GovernanceAlert recordAlert(NewAlert request, AccessContext context);

  /** The alerts the context can see, oldest first; acknowledged ones only if asked for. */
  List<GovernanceAlert> listAlerts(AccessContext context, boolean includeAcknowledged);

  /**
   * Acknowledges an alert ({@code alert_acknowledged}); acknowledging it again changes nothing.
   *
   * @throws GovernanceAlertNotFoundException if no alert has the id
   * @throws WorkflowScopeException if the context does not satisfy the alert's scope
   */
  GovernanceAlert acknowledgeAlert(UUID alertId, String actor, AccessContext context);

  /** Acknowledges every open alert about a credential, without a scope check, and returns them. */
  List<GovernanceAlert> resolveAlertsForCredential(UUID credentialId, String actor);
}
