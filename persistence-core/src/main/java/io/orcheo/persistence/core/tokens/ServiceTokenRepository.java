package io.orcheo.persistence.core.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.core.error.ConflictException;
import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.error.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage of service tokens and their audit log: upstream Orcheo's repository protocol, on SQLite or PostgreSQL.
 * Every method is one transaction. Most callers want {@link ServiceTokenService}, which adds the token lifecycle.
 */
public interface ServiceTokenRepository {

  /** Every token, revoked and expired ones included, newest {@code created_at} first. */
  List<ServiceToken> listAll();

  /**
   * Tokens that are not revoked and not expired at {@code now} ({@code expires_at} null or later than {@code now}),
   * newest first.
   */
  List<ServiceToken> listActive(Instant now);

  /** The token with this identifier, if any. */
  Optional<ServiceToken> findById(String identifier);

  /** The token whose secret hashes to {@code secretHash}; hashes are not unique, so the first one found. */
  Optional<ServiceToken> findByHash(String secretHash);

  /**
   * Stores a new token with {@code created_at} = now. {@code lastUsedAt} and {@code useCount} are not written: a new
   * token has never been used.
   *
   * @return the token as stored
   * @throws ConflictException if the identifier is taken
   */
  ServiceToken create(ServiceToken token);

  /**
   * Replaces the mutable fields (hash, scopes, workspaces, timestamps, rotation, revocation); never
   * {@code created_at}, {@code last_used_at} or {@code use_count}, which only usage changes.
   *
   * @return the token as stored
   * @throws NotFoundException if no token has this identifier (upstream silently updated nothing)
   */
  ServiceToken update(ServiceToken token);

  /**
   * Deletes the token; its audit rows stay.
   *
   * @return whether a token was deleted (deleting an unknown identifier is not an error)
   */
  boolean delete(String identifier);

  /**
   * Counts one use: {@code last_used_at} = now, {@code use_count} + 1, and a {@code used} audit row whose details
   * hold the address and user agent that were given. The audit row is written even for an unknown identifier.
   *
   * @param ipAddress the client address, or null
   * @param userAgent the client user agent, or null
   * @return the token after the update, or empty when the identifier is unknown
   */
  Optional<ServiceToken> recordUsage(String tokenId, String ipAddress, String userAgent);

  /**
   * The token's audit rows, newest first.
   *
   * @param limit at most this many, 1 to {@value #MAX_AUDIT_PAGE}
   * @throws ValidationException if {@code limit} is out of range
   */
  List<AuditEntry> auditLog(String tokenId, int limit);

  /**
   * Appends an audit row with timestamp now.
   *
   * @param actor who acted, or null
   * @param ipAddress client address, or null
   * @param details a JSON object, or null; an empty object is stored as NULL, as upstream
   */
  void recordAuditEvent(String tokenId, String action, String actor, String ipAddress, JsonNode details);

  /** The most audit rows one {@link #auditLog} call returns. */
  int MAX_AUDIT_PAGE = 10_000;
}
