package io.orcheo.persistence.jooq.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.tokens.AuditAction;
import io.orcheo.persistence.core.tokens.AuditEntry;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.ServiceTokenRepository;
import io.orcheo.persistence.jooq.runtime.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link ServiceTokenRepository} on SQLite or PostgreSQL, whichever the {@link Transactor}'s context speaks. */
public final class JooqServiceTokenRepository implements ServiceTokenRepository {
  private final Transactor db;
  private final Clock clock;

  /** Runs on {@code db}; {@code clock} gives the timestamps it writes. */
  public JooqServiceTokenRepository(Transactor db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public List<ServiceToken> listAll() {
    return db.read("list service tokens", TokenQueries::selectAll);
  }

  @Override
  public List<ServiceToken> listActive(Instant now) {
    Objects.requireNonNull(now, "now");
    return db.read("list active service tokens", dsl -> TokenQueries.selectActive(dsl, now));
  }

  @Override
  public Optional<ServiceToken> findById(String identifier) {
    Objects.requireNonNull(identifier, "identifier");
    return db.read("find service token '" + identifier + "'", dsl -> TokenQueries.selectById(dsl, identifier));
  }

  @Override
  public Optional<ServiceToken> findByHash(String secretHash) {
    Objects.requireNonNull(secretHash, "secretHash");
    return db.read("find service token by hash", dsl -> TokenQueries.selectByHash(dsl, secretHash));
  }

  @Override
  public ServiceToken create(ServiceToken token) {
    Objects.requireNonNull(token, "token");
    Instant now = clock.instant();
    db.inTransaction("create service token '" + token.identifier() + "'", dsl -> {
      TokenQueries.insert(dsl, token, now);
      return null;
    });
    return token.withUsage(null, 0);
  }

  @Override
  public ServiceToken update(ServiceToken token) {
    Objects.requireNonNull(token, "token");
    return db.inTransaction("update service token '" + token.identifier() + "'", dsl -> TokenQueries.update(dsl, token))
        .orElseThrow(() -> notFound(token.identifier()));
  }

  @Override
  public boolean delete(String identifier) {
    Objects.requireNonNull(identifier, "identifier");
    return db.inTransaction("delete service token '" + identifier + "'", dsl -> TokenQueries.delete(dsl, identifier));
  }

  @Override
  public Optional<ServiceToken> recordUsage(String tokenId, String ipAddress, String userAgent) {
    Objects.requireNonNull(tokenId, "tokenId");
    Instant now = clock.instant();
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    if (ipAddress != null) {
      details.put("ip", ipAddress);
    }
    if (userAgent != null) {
      details.put("user_agent", userAgent);
    }
    return db.inTransaction("record use of service token '" + tokenId + "'", dsl -> {
      Optional<ServiceToken> used = TokenQueries.countUse(dsl, tokenId, now, false);
      TokenQueries.insertAudit(dsl, tokenId, AuditAction.USED, null, ipAddress, userAgent, details, now);
      return used;
    });
  }

  @Override
  public List<AuditEntry> auditLog(String tokenId, int limit) {
    Objects.requireNonNull(tokenId, "tokenId");
    if (limit < 1 || limit > MAX_AUDIT_PAGE) {
      throw new ValidationException("limit must be between 1 and " + MAX_AUDIT_PAGE + ", got " + limit);
    }
    return db.read("read audit log of service token '" + tokenId + "'", dsl -> TokenQueries.selectAudit(dsl, tokenId, limit));
  }

  @Override
  public void recordAuditEvent(String tokenId, String action, String actor, String ipAddress, JsonNode details) {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(action, "action");
    if (details != null && !details.isObject() && !details.isNull()) {
      throw new ValidationException("audit details must be a JSON object, got " + details.getNodeType());
    }
    Instant now = clock.instant();
    db.inTransaction("record audit event for service token '" + tokenId + "'", dsl -> {
      TokenQueries.insertAudit(dsl, tokenId, action, actor, ipAddress, null, details, now);
      return null;
    });
  }

  static NotFoundException notFound(String identifier) {
    return new NotFoundException("Service token '" + identifier + "' not found");
  }
}
