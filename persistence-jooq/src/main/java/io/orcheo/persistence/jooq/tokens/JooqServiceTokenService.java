package io.orcheo.persistence.jooq.tokens;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.tokens.AuditAction;
import io.orcheo.persistence.core.tokens.MintedToken;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.ServiceTokenService;
import io.orcheo.persistence.core.tokens.TokenAuthenticationException;
import io.orcheo.persistence.core.tokens.TokenAuthenticationException.Reason;
import io.orcheo.persistence.core.tokens.TokenSecrets;
import io.orcheo.persistence.jooq.runtime.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * {@link ServiceTokenService} on SQLite or PostgreSQL. Every operation, audit rows included, is one transaction; the
 * read-check-write steps are single conditional statements, so two processes on one database cannot count a use of a
 * revoked token or lengthen an expiry by rotating at the same time.
 */
public final class JooqServiceTokenService implements ServiceTokenService {
  private final Transactor db;
  private final Clock clock;

  /** Runs on {@code db}; {@code clock} gives "now" for issuing, expiry checks and audit rows. */
  public JooqServiceTokenService(Transactor db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public MintedToken mint(
      String identifier, Collection<String> scopes, Collection<String> workspaceIds, Duration expiresIn) {
    Instant now = clock.instant();
    MintedToken minted = newToken(identifier, scopes, workspaceIds, expiresIn, now);
    db.inTransaction("mint service token '" + minted.token().identifier() + "'", dsl -> {
      insertWithAudit(dsl, minted.token(), now);
      return null;
    });
    return minted;
  }

  @Override
  public ServiceToken authenticate(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new TokenAuthenticationException(Reason.INVALID);
    }
    String hash = TokenSecrets.hash(secret);
    Instant now = clock.instant();
    // Refusals are decided on a plain read, so a wrong or dead token never takes SQLite's write lock.
    ServiceToken token = db.read("authenticate service token", dsl -> TokenQueries.selectByHash(dsl, hash))
        .filter(candidate -> candidate.matches(secret))
        .orElseThrow(() -> new TokenAuthenticationException(Reason.INVALID));
    refuseInactive(token, now);
    return db.inTransaction("authenticate service token '" + token.identifier() + "'", dsl -> {
      // Revoked, expired or deleted since the read: the conditional update counts nothing, and we say why.
      ServiceToken used = TokenQueries.countUse(dsl, token.identifier(), now, true)
          .orElseThrow(() -> {
            TokenQueries.selectById(dsl, token.identifier()).ifPresent(current -> refuseInactive(current, now));
            return new TokenAuthenticationException(Reason.INVALID);
          });
      TokenQueries.insertAudit(dsl, used.identifier(), AuditAction.USED, null, null, null, null, now);
      return used;
    });
  }

  @Override
  public MintedToken rotate(String identifier, Duration overlap, Duration expiresIn) {
    Objects.requireNonNull(identifier, "identifier");
    Instant now = clock.instant();
    Duration window = overlap == null || overlap.isNegative() ? Duration.ZERO : overlap;
    Instant overlapEnd = window.isZero() ? null : now.plus(window);
    return db.inTransaction("rotate service token '" + identifier + "'", dsl -> {
      ServiceToken old = TokenQueries.selectById(dsl, identifier)
          .orElseThrow(() -> JooqServiceTokenRepository.notFound(identifier));
      MintedToken successor = newToken(null, old.scopes(), old.workspaceIds(), expiresIn, now);
      insertWithAudit(dsl, successor.token(), now);
      TokenQueries.markRotated(dsl, identifier, successor.token().identifier(), overlapEnd)
          .orElseThrow(() -> JooqServiceTokenRepository.notFound(identifier));
      TokenQueries.insertAudit(dsl, identifier, AuditAction.ROTATED, null, null, null, null, now);
      return successor;
    });
  }

  @Override
  public ServiceToken revoke(String identifier, String reason) {
    Objects.requireNonNull(identifier, "identifier");
    Instant now = clock.instant();
    return db.inTransaction("revoke service token '" + identifier + "'", dsl -> {
      ServiceToken revoked = TokenQueries.markRevoked(dsl, identifier, now, reason)
          .orElseThrow(() -> JooqServiceTokenRepository.notFound(identifier));
      var details = reason == null ? null : JsonNodeFactory.instance.objectNode().put("reason", reason);
      TokenQueries.insertAudit(dsl, identifier, AuditAction.REVOKED, null, null, null, details, now);
      return revoked;
    });
  }

  @Override
  public List<ServiceToken> listActive() {
    Instant now = clock.instant();
    return db.read("list active service tokens", dsl -> TokenQueries.selectActive(dsl, now));
  }

  private static MintedToken newToken(
      String identifier, Collection<String> scopes, Collection<String> workspaceIds, Duration expiresIn, Instant now) {
    if (expiresIn != null && (expiresIn.isZero() || expiresIn.isNegative())) {
      throw new ValidationException("expiresIn must be positive, got " + expiresIn);
    }
    String secret = TokenSecrets.generate();
    String hash = TokenSecrets.hash(secret);
    String id = identifier == null ? TokenSecrets.defaultIdentifier(hash) : identifier;
    Instant expiresAt = expiresIn == null ? null : now.plus(expiresIn);
    return new MintedToken(secret, ServiceToken.issued(id, hash, scopes, workspaceIds, now, expiresAt));
  }

  private static void insertWithAudit(DSLContext dsl, ServiceToken token, Instant now) {
    TokenQueries.insert(dsl, token, now);
    TokenQueries.insertAudit(dsl, token.identifier(), AuditAction.CREATED, null, null, null, null, now);
  }

  /** Revocation is checked before expiry, as upstream. */
  private static void refuseInactive(ServiceToken token, Instant now) {
    if (token.isRevoked()) {
      throw new TokenAuthenticationException(Reason.REVOKED);
    }
    if (token.isExpired(now)) {
      throw new TokenAuthenticationException(Reason.EXPIRED);
    }
  }
}
