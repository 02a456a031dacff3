package io.orcheo.persistence.core.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of the service-token audit log. Rows are kept when their token is deleted, and may name a token that
 * never existed (usage of an unknown identifier is still audited, as upstream).
 *
 * @param id surrogate id, increasing in insertion order
 * @param tokenId the token the event is about
 * @param action {@code created}, {@code used}, {@code rotated}, {@code revoked}, or a caller's own word
 * @param actor who acted, or null
 * @param ipAddress client address, or null
 * @param userAgent client user agent, or null
 * @param timestamp when the row was written
 * @param details a JSON object, or null when there was nothing to record
 */
public record AuditEntry(
    long id,
    String tokenId,
    String action,
    String actor,
    String ipAddress,
    String userAgent,
    Instant timestamp,
    JsonNode details) {

  /** Requires the token id, action and timestamp, which the table declares NOT NULL. */
  public AuditEntry {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
