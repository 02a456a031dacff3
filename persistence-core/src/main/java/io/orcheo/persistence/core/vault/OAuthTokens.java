package io.orcheo.persistence.core.vault;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * OAuth tokens in the clear, as the caller hands them to the vault or receives them from
 * {@link CredentialVault#revealOAuthTokens}. {@link #toString()} never shows a token.
 *
 * @param accessToken the access token, or {@code null}
 * @param refreshToken the refresh token, or {@code null}
 * @param expiresAt when the access token expires, or {@code null}; stored in the clear
 */
public record OAuthTokens(String accessToken, String refreshToken, Instant expiresAt) {
  public OAuthTokens {
    expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** Whether all three are {@code null}. */
  public boolean isEmpty() {
    return accessToken == null && refreshToken == null && expiresAt == null;
  }

  @Override
  public String toString() {
    return "OAuthTokens[accessToken=" + (accessToken == null ? "null" : "****") + ", refreshToken="
        + (refreshToken == null ? "null" : "****") + ", expiresAt=" + expiresAt + "]";
  }
}
