package io.orcheo.persistence.core.vault;

import java.util.List;
import java.util.Objects;

/**
 * What {@link CredentialVault#createTemplate} needs.
 *
 * @param name display name
 * @param provider the issuer of the credentials
 * @param scopes the provider's permission names issued credentials carry
 * @param actor who creates it, for the audit log
 * @param description free text, or {@code null}
 * @param scope who may use it; {@code null} for unrestricted
 * @param kind the kind of credential issued; {@code null} for a secret
 * @param issuancePolicy {@code null} for {@link IssuancePolicy#DEFAULT}
 */
public record NewTemplate(String name, String provider, List<String> scopes, String actor, String description,
    CredentialScope scope, CredentialKind kind, IssuancePolicy issuancePolicy) {

  public NewTemplate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
    Objects.requireNonNull(actor, "actor");
    scope = scope == null ? CredentialScope.unrestricted() : scope;
    kind = kind == null ? CredentialKind.SECRET : kind;
    issuancePolicy = issuancePolicy == null ? IssuancePolicy.DEFAULT : issuancePolicy;
  }

  /** An unrestricted secret template with the default policy. */
  public static NewTemplate of(String name, String provider, List<String> scopes, String actor) {
    return new NewTemplate(name, provider, scopes, actor, null, null, null, null);
  }

  /** This request with another scope. */
  public NewTemplate withScope(CredentialScope newScope) {
    return new NewTemplate(name, provider, scopes, actor, description, newScope, kind, issuancePolicy);
  }
}
