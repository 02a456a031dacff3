package io.orcheo.persistence.core.vault;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * OAuth tokens as stored: each token in its own envelope, the expiry in the clear.
 *
 * @param accessToken the encrypted access token, or {@code null}
 * @param refreshToken the encrypted refresh token, or {@code null}
 * @param expiresAt when the access token expires, or {@code null}
 */
public record EncryptedOAuthTokens(EncryptionEnvelope accessToken, EncryptionEnvelope refreshToken,
    Instant expiresAt) {
  public EncryptedOAuthTokens {
    expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** Whether all three are {@code null}. */
  public boolean isEmpty() {
    return accessToken == null && refreshToken == null && expiresAt == null;
  }
}
