package io.orcheo.persistence.jooq.tokens;

import static io.orcheo.persistence.jooq.generated.Tables.SERVICE_TOKENS;
import static io.orcheo.persistence.jooq.generated.Tables.SERVICE_TOKEN_AUDIT_LOG;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.core.tokens.AuditEntry;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.generated.tables.records.ServiceTokensRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/**
 * The SQL of the service-token subsystem, shared by the repository and the lifecycle service so that both compose
 * the same statements inside their own transactions.
 */
final class TokenQueries {

  /**
   * The columns a {@link ServiceToken} is read from. Upstream's reserved columns ({@code created_by},
   * {@code rotated_from}, …) are never read: fewer columns to fetch and decode on every authentication.
   */
  private static final List<Field<?>> TOKEN_FIELDS = List.of(
      SERVICE_TOKENS.IDENTIFIER, SERVICE_TOKENS.SECRET_HASH, SERVICE_TOKENS.SCOPES, SERVICE_TOKENS.WORKSPACE_IDS,
      SERVICE_TOKENS.ISSUED_AT, SERVICE_TOKENS.EXPIRES_AT, SERVICE_TOKENS.ROTATION_EXPIRES_AT,
      SERVICE_TOKENS.REVOKED_AT, SERVICE_TOKENS.REVOCATION_REASON, SERVICE_TOKENS.ROTATED_TO,
      SERVICE_TOKENS.LAST_USED_AT, SERVICE_TOKENS.USE_COUNT);

  private TokenQueries() {}

  static List<ServiceToken> selectAll(DSLContext dsl) {
    return dsl.select(TOKEN_FIELDS).from(SERVICE_TOKENS)
        .orderBy(SERVICE_TOKENS.CREATED_AT.desc(), SERVICE_TOKENS.IDENTIFIER)
        .fetch(TokenQueries::toToken);
  }

  static List<ServiceToken> selectActive(DSLContext dsl, Instant now) {
    return dsl.select(TOKEN_FIELDS).from(SERVICE_TOKENS)
        .where(SERVICE_TOKENS.REVOKED_AT.isNull())
        .and(SERVICE_TOKENS.EXPIRES_AT.isNull().or(SERVICE_TOKENS.EXPIRES_AT.gt(now)))
        .orderBy(SERVICE_TOKENS.CREATED_AT.desc(), SERVICE_TOKENS.IDENTIFIER)
        .fetch(TokenQueries::toToken);
  }

  static Optional<ServiceToken> selectById(DSLContext dsl, String identifier) {
    return dsl.select(TOKEN_FIELDS).from(SERVICE_TOKENS)
        .where(SERVICE_TOKENS.IDENTIFIER.eq(identifier))
        .fetchOptional(TokenQueries::toToken);
  }

  static Optional<ServiceToken> selectByHash(DSLContext dsl, String secretHash) {
    return dsl.select(TOKEN_FIELDS).from(SERVICE_TOKENS)
        .where(SERVICE_TOKENS.SECRET_HASH.eq(secretHash))
        // An inline LIMIT lets PostgreSQL plan the statement as it would a literal; bound, it cost a quarter of
        // the throughput of this, the hottest query (benchmarks/).
        .limit(inline(1))
        .fetchOptional(TokenQueries::toToken);
  }

  /** Inserts the token with {@code created_at = now}; usage columns keep their defaults. */
  static void insert(DSLContext dsl, ServiceToken token, Instant now) {
    ServiceTokensRecord columns = mutableColumns(token);
    // NULL is every column's default, so a new row needs only its non-null values. Fewer binds matter here: jOOQ
    // 3.19 builds fresh data-type objects for each null bound through a custom binding (jOOQ#11083), and SQLite
    // parses the statement text on every insert.
    for (Field<?> field : columns.fields()) {
      if (columns.get(field) == null) {
        columns.changed(field, false);
      }
    }
    dsl.insertInto(SERVICE_TOKENS)
        .set(SERVICE_TOKENS.IDENTIFIER, token.identifier())
        .set(SERVICE_TOKENS.CREATED_AT, now)
        .set(columns)
        .execute();
  }

  /** Rewrites the mutable columns; empty when no token has the identifier. */
  static Optional<ServiceToken> update(DSLContext dsl, ServiceToken token) {
    return dsl.update(SERVICE_TOKENS)
        .set(mutableColumns(token))
        .where(SERVICE_TOKENS.IDENTIFIER.eq(token.identifier()))
        .returning(TOKEN_FIELDS)
        .fetchOptional(TokenQueries::toToken);
  }

  /**
   * The columns a token's owner may change, marked as changed so that INSERT and UPDATE write exactly these. Not
   * among them: the identifier, {@code created_at}, and the usage columns, which only {@link #countUse} writes.
   */
  private static ServiceTokensRecord mutableColumns(ServiceToken token) {
    ServiceTokensRecord columns = new ServiceTokensRecord();
    columns.setSecretHash(token.secretHash());
    columns.setScopes(toJson(token.scopes()));
    columns.setWorkspaceIds(toJson(token.workspaceIds()));
    columns.setIssuedAt(token.issuedAt());
    columns.setExpiresAt(token.expiresAt());
    columns.setRotationExpiresAt(token.rotationExpiresAt());
    columns.setRotatedTo(token.rotatedTo());
    columns.setRevokedAt(token.revokedAt());
    columns.setRevocationReason(token.revocationReason());
    return columns;
  }

  static boolean delete(DSLContext dsl, String identifier) {
    return dsl.deleteFrom(SERVICE_TOKENS).where(SERVICE_TOKENS.IDENTIFIER.eq(identifier)).execute() > 0;
  }

  /**
   * Counts one use in a single statement, so concurrent uses never lose an increment. With {@code onlyIfActive} the
   * row is only touched while it is neither revoked nor expired at {@code now}, which makes "check, then count"
   * atomic for authentication.
   */
  static Optional<ServiceToken> countUse(DSLContext dsl, String identifier, Instant now, boolean onlyIfActive) {
    var condition = SERVICE_TOKENS.IDENTIFIER.eq(identifier);
    if (onlyIfActive) {
      condition = condition
          .and(SERVICE_TOKENS.REVOKED_AT.isNull())
          .and(SERVICE_TOKENS.EXPIRES_AT.isNull().or(SERVICE_TOKENS.EXPIRES_AT.gt(now)));
    }
    return dsl.update(SERVICE_TOKENS)
        .set(SERVICE_TOKENS.LAST_USED_AT, now)
        .set(SERVICE_TOKENS.USE_COUNT, coalesce(SERVICE_TOKENS.USE_COUNT, inline(0)).plus(inline(1)))
        .where(condition)
        .returning(TOKEN_FIELDS)
        .fetchOptional(TokenQueries::toToken);
  }

  /**
   * Marks {@code identifier} as replaced by {@code successor}. With an overlap end, the old token's expiry becomes the
   * earlier of its own and that end, computed in the UPDATE itself so that concurrent rotations cannot lengthen it.
   */
  static Optional<ServiceToken> markRotated(DSLContext dsl, String identifier, String successor, Instant overlapEnd) {
    var update = dsl.update(SERVICE_TOKENS).set(SERVICE_TOKENS.ROTATED_TO, successor);
    if (overlapEnd != null) {
      // val(…, field) binds with the column's own binding; a bare Instant in CASE would get jOOQ's default
      // OffsetDateTime text on SQLite, which neither matches upstream's format nor sorts with it.
      var end = val(overlapEnd, SERVICE_TOKENS.EXPIRES_AT);
      update = update
          .set(SERVICE_TOKENS.ROTATION_EXPIRES_AT, overlapEnd)
          .set(SERVICE_TOKENS.EXPIRES_AT,
              when(SERVICE_TOKENS.EXPIRES_AT.isNull().or(SERVICE_TOKENS.EXPIRES_AT.gt(end)), end)
                  .otherwise(SERVICE_TOKENS.EXPIRES_AT));
    }
    return update.where(SERVICE_TOKENS.IDENTIFIER.eq(identifier)).returning(TOKEN_FIELDS).fetchOptional(TokenQueries::toToken);
  }

  static Optional<ServiceToken> markRevoked(DSLContext dsl, String identifier, Instant at, String reason) {
    return dsl.update(SERVICE_TOKENS)
        .set(SERVICE_TOKENS.REVOKED_AT, at)
        .set(SERVICE_TOKENS.REVOCATION_REASON, reason)
        .where(SERVICE_TOKENS.IDENTIFIER.eq(identifier))
        .returning(TOKEN_FIELDS)
        .fetchOptional(TokenQueries::toToken);
  }

  static void insertAudit(
      DSLContext dsl, String tokenId, String action, String actor, String ipAddress, String userAgent,
      JsonNode details, Instant now) {
    dsl.insertInto(SERVICE_TOKEN_AUDIT_LOG)
        .set(SERVICE_TOKEN_AUDIT_LOG.TOKEN_ID, tokenId)
        .set(SERVICE_TOKEN_AUDIT_LOG.ACTION, action)
        .set(SERVICE_TOKEN_AUDIT_LOG.ACTOR, actor)
        .set(SERVICE_TOKEN_AUDIT_LOG.IP_ADDRESS, ipAddress)
        .set(SERVICE_TOKEN_AUDIT_LOG.USER_AGENT, userAgent)
        .set(SERVICE_TOKEN_AUDIT_LOG.TIMESTAMP, now)
        // Upstream stores an empty details object as NULL.
        .set(SERVICE_TOKEN_AUDIT_LOG.DETAILS, details == null || details.isEmpty() ? null : details)
        .execute();
  }

  static List<AuditEntry> selectAudit(DSLContext dsl, String tokenId, int limit) {
    return dsl.selectFrom(SERVICE_TOKEN_AUDIT_LOG)
        .where(SERVICE_TOKEN_AUDIT_LOG.TOKEN_ID.eq(tokenId))
        .orderBy(SERVICE_TOKEN_AUDIT_LOG.TIMESTAMP.desc(), SERVICE_TOKEN_AUDIT_LOG.ID.desc())
        .limit(limit)
        .fetch(r -> new AuditEntry(
            r.get(SERVICE_TOKEN_AUDIT_LOG.ID),
            r.get(SERVICE_TOKEN_AUDIT_LOG.TOKEN_ID),
            r.get(SERVICE_TOKEN_AUDIT_LOG.ACTION),
            r.get(SERVICE_TOKEN_AUDIT_LOG.ACTOR),
            r.get(SERVICE_TOKEN_AUDIT_LOG.IP_ADDRESS),
            r.get(SERVICE_TOKEN_AUDIT_LOG.USER_AGENT),
            r.get(SERVICE_TOKEN_AUDIT_LOG.TIMESTAMP),
            r.get(SERVICE_TOKEN_AUDIT_LOG.DETAILS)));
  }

  private static ServiceToken toToken(Record r) {
    Integer useCount = r.get(SERVICE_TOKENS.USE_COUNT);
    return new ServiceToken(
        r.get(SERVICE_TOKENS.IDENTIFIER),
        r.get(SERVICE_TOKENS.SECRET_HASH),
        toSet(r.get(SERVICE_TOKENS.SCOPES)),
        toSet(r.get(SERVICE_TOKENS.WORKSPACE_IDS)),
        r.get(SERVICE_TOKENS.ISSUED_AT),
        r.get(SERVICE_TOKENS.EXPIRES_AT),
        r.get(SERVICE_TOKENS.ROTATION_EXPIRES_AT),
        r.get(SERVICE_TOKENS.REVOKED_AT),
        r.get(SERVICE_TOKENS.REVOCATION_REASON),
        r.get(SERVICE_TOKENS.ROTATED_TO),
        r.get(SERVICE_TOKENS.LAST_USED_AT),
        useCount == null ? 0 : useCount);
  }

  /** Empty sets are stored as NULL, as upstream does. */
  private static JsonNode toJson(SortedSet<String> values) {
    if (values.isEmpty()) {
      return null;
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode(values.size());
    values.forEach(array::add);
    return array;
  }

  /**
   * Reads a stored set. Besides a JSON array, upstream's readers accept a JSON string holding the array (a value
   * that was encoded twice), so we do too.
   */
  private static SortedSet<String> toSet(JsonNode node) {
    SortedSet<String> values = new TreeSet<>();
    if (node != null && !node.isNull()) {
      JsonNode array = node.isTextual() ? JsonCodec.read(node.textValue()) : node;
      array.forEach(element -> values.add(element.asText()));
    }
    return values;
  }
}
