package io.orcheo.persistence.core.tokens;

import io.orcheo.persistence.core.error.ConflictException;
import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.error.ValidationException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The service-token lifecycle: mint, authenticate, rotate, revoke, list. Each operation is one database
 * transaction, including its audit rows, so several processes may share one database.
 */
public interface ServiceTokenService {

  /** Upstream's default overlap window for {@link #rotate}. */
  Duration DEFAULT_ROTATION_OVERLAP = Duration.ofSeconds(300);

  /**
   * Creates a token and writes a {@code created} audit row.
   *
   * @param identifier the id, or null to derive it from the secret's hash (its first 8 hex characters)
   * @param expiresIn lifetime from now, or null for a token that never expires
   * @return the token and its raw secret, which is not retrievable later
   * @throws ConflictException if the identifier is taken
   * @throws ValidationException if {@code expiresIn} is zero or negative
   */
  MintedToken mint(String identifier, Collection<String> scopes, Collection<String> workspaceIds, Duration expiresIn);

  /**
   * Checks a raw bearer secret and counts the use ({@code use_count} + 1, {@code last_used_at}, a {@code used}
   * audit row), atomically: a token revoked concurrently is never counted as used.
   *
   * @return the token after the use was counted
   * @throws TokenAuthenticationException {@code INVALID} for an unknown secret, {@code REVOKED} (checked first) or
   *     {@code EXPIRED}
   */
  ServiceToken authenticate(String secret);

  /**
   * Replaces a token with a new one of the same scopes and workspaces. The old token keeps working for
   * {@code overlap}: its {@code expires_at} becomes the earlier of its own and now + overlap. With a zero overlap its
   * expiry is left unchanged, as upstream. Audit rows: {@code created} for the new token, {@code rotated} for the old.
   *
   * @param overlap how long the old secret stays valid; negative values count as zero
   * @param expiresIn the new token's lifetime, or null for none
   * @throws NotFoundException with the message {@code Service token '<id>' not found}
   */
  MintedToken rotate(String identifier, Duration overlap, Duration expiresIn);

  /**
   * Revokes a token now; revoking again moves {@code revoked_at}. Writes a {@code revoked} audit row whose details
   * hold the reason, if one was given.
   *
   * @throws NotFoundException with the message {@code Service token '<id>' not found}
   */
  ServiceToken revoke(String identifier, String reason);

  /** The tokens that are neither revoked nor expired now, newest first. */
  List<ServiceToken> listActive();
}
