package io.orcheo.persistence.core.vault;

/**
 * The changes {@link CredentialVault#updateCredential} applies; {@code null} leaves a field as it is. Name,
 * provider and secret are trimmed and must not be blank. {@link #toString()} never shows the secret.
 *
 * @param name a new display name, or {@code null}
 * @param provider a new issuer, or {@code null}
 * @param secret a new secret in the clear (a rotation), or {@code null}
 * @param scope a new access scope, or {@code null}
 */
public record CredentialUpdate(String name, String provider, String secret, CredentialScope scope) {
  /** Changes nothing. */
  public static final CredentialUpdate NONE = new CredentialUpdate(null, null, null, null);

  /** Only the name. */
  public static CredentialUpdate name(String name) {
    return new CredentialUpdate(name, null, null, null);
  }

  /** Only the scope. */
  public static CredentialUpdate scope(CredentialScope scope) {
    return new CredentialUpdate(null, null, null, scope);
  }

  @Override
  public String toString() {
    return "CredentialUpdate[name=" + name + ", provider=" + provider + ", secret="
        + (secret == null ? "null" : "****") + ", scope=" + scope + "]";
  }
}
