package io.orcheo.persistence.core.vault;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What {@link CredentialVault#createCredential} needs. {@link #toString()} never shows the secret or tokens.
 *
 * @param name display name, trimmed; unique in the vault regardless of ASCII case
 * @param provider the issuer, trimmed
 * @param scopes the provider's permission names
 * @param secret the secret in the clear; encrypted before it is stored
 * @param actor who creates it, for the audit log
 * @param scope who may use it; {@code null} for unrestricted
 * @param kind a secret, or OAuth
 * @param oauthTokens the OAuth tokens in the clear, kept only when {@code kind} is OAuth; {@code null} for none
 * @param templateId the template it is issued from, or {@code null}
 */
public record NewCredential(String name, String provider, List<String> scopes, String secret, String actor,
    CredentialScope scope, CredentialKind kind, OAuthTokens oauthTokens, UUID templateId) {

  public NewCredential {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(actor, "actor");
    scope = scope == null ? CredentialScope.unrestricted() : scope;
    kind = kind == null ? CredentialKind.SECRET : kind;
  }

  /** An unrestricted secret credential with no permission names. */
  public static NewCredential secret(String name, String provider, String secret, String actor) {
    return new NewCredential(name, provider, List.of(), secret, actor, null, CredentialKind.SECRET, null, null);
  }

  /** An unrestricted OAuth credential with its client secret and tokens. */
  public static NewCredential oauth(String name, String provider, String secret, OAuthTokens tokens, String actor) {
    return new NewCredential(name, provider, List.of(), secret, actor, null, CredentialKind.OAUTH, tokens, null);
  }

  /** This request with another scope. */
  public NewCredential withScope(CredentialScope newScope) {
    return new NewCredential(name, provider, scopes, secret, actor, newScope, kind, oauthTokens, templateId);
  }

  /** This request with other permission names. */
  public NewCredential withScopes(List<String> newScopes) {
    return new NewCredential(name, provider, newScopes, secret, actor, scope, kind, oauthTokens, templateId);
  }

  /** This request issued from a template. */
  public NewCredential withTemplate(UUID newTemplateId) {
    return new NewCredential(name, provider, scopes, secret, actor, scope, kind, oauthTokens, newTemplateId);
  }

  @Override
  public String toString() {
    return "NewCredential[name=" + name + ", provider=" + provider + ", scopes=" + scopes + ", secret=****, actor="
        + actor + ", scope=" + scope + ", kind=" + kind + ", oauthTokens=" + oauthTokens + ", templateId="
        + templateId + "]";
  }
}
