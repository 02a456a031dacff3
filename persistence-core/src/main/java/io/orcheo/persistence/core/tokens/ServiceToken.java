package io.orcheo.persistence.core.tokens;

import io.orcheo.persistence.core.error.ValidationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A service token as stored: never the secret, only its SHA-256.
 *
 * <p>Instants are truncated to microseconds (the precision both databases and upstream keep), so a token reads back
 * equal to the one written. Nullable components: {@code issuedAt}, {@code expiresAt} (null: never expires),
 * {@code rotationExpiresAt}, {@code revokedAt} (null: not revoked), {@code revocationReason}, {@code rotatedTo},
 * {@code lastUsedAt}.
 *
 * @param identifier the token id, chosen by the caller or derived from the hash ({@link TokenSecrets#defaultIdentifier})
 * @param secretHash lowercase hex SHA-256 of the raw secret
 * @param scopes granted scopes, sorted; empty is stored as NULL, as upstream
 * @param workspaceIds workspaces the token may act on, sorted; empty is stored as NULL
 * @param useCount successful authentications so far
 */
public record ServiceToken(
    String identifier,
    String secretHash,
    SortedSet<String> scopes,
    SortedSet<String> workspaceIds,
    Instant issuedAt,
    Instant expiresAt,
    Instant rotationExpiresAt,
    Instant revokedAt,
    String revocationReason,
    String rotatedTo,
    Instant lastUsedAt,
    long useCount) {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  /**
   * Validates and normalizes: sets are copied sorted and unmodifiable, instants truncated to microseconds.
   *
   * @throws ValidationException for a blank identifier, a hash that is not SHA-256 hex, text with a NUL character
   *     or a negative use count
   */
  public ServiceToken {
    identifier = requireText(identifier, "identifier");
    Objects.requireNonNull(secretHash, "secretHash");
    if (!SHA256_HEX.matcher(secretHash).matches()) {
      throw new ValidationException("secretHash must be 64 lowercase hex characters (a SHA-256 digest)");
    }
    scopes = sortedCopy(scopes, "scopes");
    workspaceIds = sortedCopy(workspaceIds, "workspaceIds");
    issuedAt = micros(issuedAt);
    expiresAt = micros(expiresAt);
    rotationExpiresAt = micros(rotationExpiresAt);
    revokedAt = micros(revokedAt);
    revocationReason = optionalText(revocationReason, "revocationReason");
    rotatedTo = optionalText(rotatedTo, "rotatedTo");
    lastUsedAt = micros(lastUsedAt);
    if (useCount < 0) {
      throw new ValidationException("useCount must not be negative, got " + useCount);
    }
  }

  /** A token that was never used, revoked or rotated. */
  public static ServiceToken issued(
      String identifier,
      String secretHash,
      Collection<String> scopes,
      Collection<String> workspaceIds,
      Instant issuedAt,
      Instant expiresAt) {
    return new ServiceToken(
        identifier, secretHash, sortedCopy(scopes, "scopes"), sortedCopy(workspaceIds, "workspaceIds"),
        issuedAt, expiresAt, null, null, null, null, null, 0);
  }

  /** Constant-time check that {@code secret} is this token's secret. */
  public boolean matches(String secret) {
    return TokenSecrets.matches(secretHash, secret);
  }

  /** Whether {@code revokedAt} is set. */
  public boolean isRevoked() {
    return revokedAt != null;
  }

  /** Expired at exactly {@code expiresAt}, as upstream. */
  public boolean isExpired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** Neither revoked nor expired at {@code now}. */
  public boolean isActive(Instant now) {
    return !isRevoked() && !isExpired(now);
  }

  /** A copy with other scopes. */
  public ServiceToken withScopes(Collection<String> newScopes) {
    return new ServiceToken(identifier, secretHash, sortedCopy(newScopes, "scopes"), workspaceIds, issuedAt, expiresAt,
        rotationExpiresAt, revokedAt, revocationReason, rotatedTo, lastUsedAt, useCount);
  }

  /** A copy with another expiry; null for none. */
  public ServiceToken withExpiresAt(Instant newExpiresAt) {
    return new ServiceToken(identifier, secretHash, scopes, workspaceIds, issuedAt, newExpiresAt,
        rotationExpiresAt, revokedAt, revocationReason, rotatedTo, lastUsedAt, useCount);
  }

  /** A copy revoked at {@code at} for {@code reason} (which may be null). */
  public ServiceToken withRevocation(Instant at, String reason) {
    return new ServiceToken(identifier, secretHash, scopes, workspaceIds, issuedAt, expiresAt,
        rotationExpiresAt, at, reason, rotatedTo, lastUsedAt, useCount);
  }

  /** A copy replaced by {@code successor}, valid until {@code overlapEnd}, expiring at {@code newExpiresAt}. */
  public ServiceToken withRotation(String successor, Instant overlapEnd, Instant newExpiresAt) {
    return new ServiceToken(identifier, secretHash, scopes, workspaceIds, issuedAt, newExpiresAt,
        overlapEnd, revokedAt, revocationReason, successor, lastUsedAt, useCount);
  }

  /** A copy with other usage counters. */
  public ServiceToken withUsage(Instant usedAt, long count) {
    return new ServiceToken(identifier, secretHash, scopes, workspaceIds, issuedAt, expiresAt,
        rotationExpiresAt, revokedAt, revocationReason, rotatedTo, usedAt, count);
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new ValidationException(name + " must not be blank");
    }
    return TokenSecrets.requireStorableText(value, name);
  }

  private static String optionalText(String value, String name) {
    return value == null ? null : TokenSecrets.requireStorableText(value, name);
  }

  private static SortedSet<String> sortedCopy(Collection<String> values, String name) {
    if (values == null) {
      return Collections.emptySortedSet();
    }
    TreeSet<String> copy = new TreeSet<>();
    for (String value : values) {
      copy.add(requireText(value, name + " element"));
    }
    return Collections.unmodifiableSortedSet(copy);
  }

  private static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }
}
