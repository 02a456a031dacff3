package io.orcheo.persistence.core.vault;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A credential as it may be shown or logged (upstream's {@code describe_credentials} view): the encryption's
 * algorithm and key id but never its ciphertext, and OAuth tokens only as present or absent.
 *
 * @param id the credential id
 * @param name display name
 * @param provider the issuer
 * @param scopes the provider's permission names
 * @param scope who may use it
 * @param kind a secret, or OAuth
 * @param lastRotatedAt when the secret was last set, or {@code null}
 * @param templateId the template it was issued from, or {@code null}
 * @param encryptionAlgorithm the cipher of the secret
 * @param encryptionKeyId the key id of the secret
 * @param oauthTokens which OAuth tokens are stored, or {@code null} if none
 * @param health the last health check
 */
public record RedactedCredential(
    UUID id,
    String name,
    String provider,
    List<String> scopes,
    CredentialScope scope,
    CredentialKind kind,
    Instant lastRotatedAt,
    UUID templateId,
    String encryptionAlgorithm,
    String encryptionKeyId,
    OAuthTokenPresence oauthTokens,
    CredentialHealth health) {

  public RedactedCredential {
    scopes = List.copyOf(scopes);
  }

  /**
   * Which OAuth tokens a credential holds.
   *
   * @param hasAccessToken whether an access token is stored
   * @param hasRefreshToken whether a refresh token is stored
   * @param expiresAt when the access token expires, or {@code null}
   */
  public record OAuthTokenPresence(boolean hasAccessToken, boolean hasRefreshToken, Instant expiresAt) {}
}
