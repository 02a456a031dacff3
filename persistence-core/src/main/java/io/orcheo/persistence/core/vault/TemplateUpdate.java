package io.orcheo.persistence.core.vault;

import java.util.List;

/**
 * The changes {@link CredentialVault#updateTemplate} applies; {@code null} leaves a field as it is. Each field
 * that differs is recorded in the {@code template_updated} audit event as {@code {"from": old, "to": new}}.
 *
 * @param name a new display name, or {@code null}
 * @param description a new description, or {@code null}
 * @param scopes new permission names, or {@code null}
 * @param scope a new access scope, or {@code null}
 * @param kind a new credential kind, or {@code null}
 * @param issuancePolicy a new policy, or {@code null}
 */
public record TemplateUpdate(String name, String description, List<String> scopes, CredentialScope scope,
    CredentialKind kind, IssuancePolicy issuancePolicy) {
  public TemplateUpdate {
    scopes = scopes == null ? null : Credential.permissions(scopes);
  }

  /** Only the name. */
  public static TemplateUpdate name(String name) {
    return new TemplateUpdate(name, null, null, null, null, null);
  }
}
