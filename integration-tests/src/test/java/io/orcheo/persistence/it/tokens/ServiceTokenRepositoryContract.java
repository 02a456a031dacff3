package io.orcheo.persistence.it.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.core.error.ConflictException;
import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.tokens.AuditEntry;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.ServiceTokenRepository;
import io.orcheo.persistence.core.tokens.TokenSecrets;
import io.orcheo.persistence.it.support.BackendContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upstream's service-token repository behaviours (spec §A.3, §H.1), on every backend. */
public abstract class ServiceTokenRepositoryContract extends BackendContract {
  private ServiceTokenRepository tokens;

  @BeforeEach
  void repository() {
    tokens = persistence.serviceTokens();
  }

  private static ServiceToken token(String id, String secret) {
    return ServiceToken.issued(id, TokenSecrets.hash(secret), Set.of(), Set.of(), START, null);
  }

  private ServiceToken created(String id) {
    ServiceToken token = tokens.create(token(id, "secret-" + id));
    clock.advance(Duration.ofSeconds(1));
    return token;
  }

  @Test
  void listAllOnEmptyStoreIsEmpty() {
    assertThat(tokens.listAll()).isEmpty();
  }

  @Test
  void listAllReturnsRevokedAndExpiredTokensNewestFirst() {
    created("live");
    tokens.create(token("revoked", "r").withRevocation(START, "leaked"));
    clock.advance(Duration.ofSeconds(1));
    tokens.create(token("expired", "e").withExpiresAt(START.minusSeconds(1)));

    assertThat(tokens.listAll()).extracting(ServiceToken::identifier).containsExactly("expired", "revoked", "live");
  }

  @Test
  void listActiveExcludesRevokedTokens() {
    created("live");
    tokens.create(token("revoked", "r").withRevocation(START, null));

    assertThat(tokens.listActive(START)).extracting(ServiceToken::identifier).containsExactly("live");
  }

  @Test
  void listActiveExcludesTokensExpiringAtOrBeforeNow() {
    Instant now = START.plusSeconds(60);
    tokens.create(token("past", "p").withExpiresAt(now.minusNanos(1_000)));
    tokens.create(token("exactly-now", "n").withExpiresAt(now));
    tokens.create(token("future", "f").withExpiresAt(now.plusNanos(1_000)));

    assertThat(tokens.listActive(now)).extracting(ServiceToken::identifier).containsExactly("future");
  }

  @Test
  void listActiveIncludesTokensWithoutExpiry() {
    created("forever");

    assertThat(tokens.listActive(START.plus(Duration.ofDays(36_500)))).extracting(ServiceToken::identifier)
        .containsExactly("forever");
  }

  @Test
  void findByIdAndFindByHashReturnTheStoredToken() {
    ServiceToken stored = created("ci");

    assertThat(tokens.findById("ci")).contains(stored);
    assertThat(tokens.findByHash(TokenSecrets.hash("secret-ci"))).contains(stored);
  }

  @Test
  void findByIdAndFindByHashOfMissingTokenAreEmpty() {
    assertThat(tokens.findById("nope")).isEmpty();
    assertThat(tokens.findByHash(TokenSecrets.hash("nope"))).isEmpty();
  }

  @Test
  void findByHashPicksTheRightTokenAmongSeveral() {
    created("a");
    created("b");
    created("c");

    assertThat(tokens.findByHash(TokenSecrets.hash("secret-b"))).map(ServiceToken::identifier).contains("b");
  }

  @Test
  void createWithEveryFieldRoundTrips() {
    ServiceToken full = new ServiceToken("full", TokenSecrets.hash("s"), new java.util.TreeSet<>(Set.of("b", "a")),
        new java.util.TreeSet<>(Set.of("ws-2", "ws-1")), START, START.plusSeconds(3600),
        START.plusSeconds(300), null, null, "successor", null, 0);

    tokens.create(full);

    ServiceToken read = tokens.findById("full").orElseThrow();
    assertThat(read).isEqualTo(full);
    assertThat(read.scopes()).containsExactly("a", "b");
  }

  @Test
  void emptyScopesAndWorkspacesReadBackAsEmptySets() {
    created("bare");

    ServiceToken read = tokens.findById("bare").orElseThrow();
    assertThat(read.scopes()).isEmpty();
    assertThat(read.workspaceIds()).isEmpty();
  }

  @Test
  void tokenCreatedRevokedReadsBackWithRevocation() {
    tokens.create(token("gone", "g").withRevocation(START, "compromised"));

    ServiceToken read = tokens.findById("gone").orElseThrow();
    assertThat(read.revokedAt()).isEqualTo(START);
    assertThat(read.revocationReason()).isEqualTo("compromised");
  }

  @Test
  void createWithTakenIdentifierIsAConflictAndKeepsTheFirstToken() {
    ServiceToken first = created("dup");

    assertThatThrownBy(() -> tokens.create(token("dup", "other"))).isInstanceOf(ConflictException.class);
    assertThat(tokens.findById("dup")).contains(first);
  }

  @Test
  void updateChangesScopesAndExpiry() {
    ServiceToken stored = created("u");

    tokens.update(stored.withScopes(Set.of("workflows:read")).withExpiresAt(START.plusSeconds(10)));

    ServiceToken read = tokens.findById("u").orElseThrow();
    assertThat(read.scopes()).containsExactly("workflows:read");
    assertThat(read.expiresAt()).isEqualTo(START.plusSeconds(10));
  }

  @Test
  void updateClearsValuesSetToNullOrEmpty() {
    ServiceToken stored = tokens.create(token("c", "c").withScopes(Set.of("a")).withExpiresAt(START.plusSeconds(60)));

    tokens.update(stored.withScopes(Set.of()).withExpiresAt(null));

    ServiceToken read = tokens.findById("c").orElseThrow();
    assertThat(read.expiresAt()).isNull();
    assertThat(read.scopes()).isEmpty();
  }

  @Test
  void updateStoresRevocation() {
    ServiceToken stored = created("r");

    tokens.update(stored.withRevocation(START.plusSeconds(5), "rotated out"));

    assertThat(tokens.findById("r").orElseThrow())
        .extracting(ServiceToken::revokedAt, ServiceToken::revocationReason)
        .containsExactly(START.plusSeconds(5), "rotated out");
  }

  @Test
  void updateStoresRotation() {
    ServiceToken stored = created("old");

    tokens.update(stored.withRotation("new", START.plusSeconds(300), START.plusSeconds(300)));

    assertThat(tokens.findById("old").orElseThrow())
        .extracting(ServiceToken::rotatedTo, ServiceToken::rotationExpiresAt)
        .containsExactly("new", START.plusSeconds(300));
  }

  @Test
  void updateNeverTouchesUsageCounters() {
    ServiceToken stored = created("used");
    tokens.recordUsage("used", null, null);

    tokens.update(stored.withScopes(Set.of("x")));

    assertThat(tokens.findById("used").orElseThrow().useCount()).isEqualTo(1);
  }

  @Test
  void updateOfUnknownTokenIsRejectedUnlikeUpstreamWhichIgnoredIt() {
    assertThatThrownBy(() -> tokens.update(token("ghost", "g"))).isInstanceOf(NotFoundException.class)
        .hasMessage("Service token 'ghost' not found");
  }

  @Test
  void deleteRemovesTheTokenAndDeletingAMissingOneIsFine() {
    created("d");

    assertThat(tokens.delete("d")).isTrue();
    assertThat(tokens.findById("d")).isEmpty();
    assertThat(tokens.delete("d")).isFalse();
  }

  @Test
  void deleteKeepsTheAuditRows() {
    created("audited");
    tokens.recordUsage("audited", "10.0.0.1", null);

    tokens.delete("audited");

    assertThat(tokens.auditLog("audited", 10)).hasSize(1);
  }

  @Test
  void recordUsageSetsLastUsedAndCountsEveryUse() {
    created("busy");
    clock.set(START.plusSeconds(100));

    tokens.recordUsage("busy", null, null);
    assertThat(tokens.findById("busy").orElseThrow().useCount()).isEqualTo(1);
    tokens.recordUsage("busy", null, null);
    tokens.recordUsage("busy", null, null);

    ServiceToken read = tokens.findById("busy").orElseThrow();
    assertThat(read.useCount()).isEqualTo(3);
    assertThat(read.lastUsedAt()).isEqualTo(START.plusSeconds(100));
  }

  @Test
  void recordUsageWithoutAddressOrAgentStoresNullDetails() {
    created("plain");

    tokens.recordUsage("plain", null, null);

    AuditEntry entry = tokens.auditLog("plain", 1).get(0);
    assertThat(entry.details()).isNull();
    assertThat(entry.ipAddress()).isNull();
  }

  @Test
  void recordUsageWritesOnlyTheDetailsThatWereGiven() {
    created("partial");

    tokens.recordUsage("partial", null, "curl/8");

    assertThat(tokens.auditLog("partial", 1).get(0).details())
        .isEqualTo(JsonNodeFactory.instance.objectNode().put("user_agent", "curl/8"));
  }

  @Test
  void recordUsageOfUnknownTokenStillAudits() {
    assertThat(tokens.recordUsage("stranger", "1.2.3.4", null)).isEmpty();

    assertThat(tokens.auditLog("stranger", 5)).singleElement()
        .extracting(AuditEntry::action, AuditEntry::ipAddress).containsExactly("used", "1.2.3.4");
  }

  @Test
  void auditLogReturnsUsedEntriesWithAddressAndAgent() {
    created("t");

    tokens.recordUsage("t", "192.0.2.1", "agent/1");

    assertThat(tokens.auditLog("t", 100)).singleElement().satisfies(entry -> {
      assertThat(entry.tokenId()).isEqualTo("t");
      assertThat(entry.action()).isEqualTo("used");
      assertThat(entry.ipAddress()).isEqualTo("192.0.2.1");
      assertThat(entry.userAgent()).isEqualTo("agent/1");
      assertThat(entry.timestamp()).isEqualTo(clock.instant());
      assertThat(entry.details()).isEqualTo(
          JsonNodeFactory.instance.objectNode().put("ip", "192.0.2.1").put("user_agent", "agent/1"));
    });
  }

  @Test
  void auditLogHonoursLimitAndListsNewestFirst() {
    created("many");
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(1));
      tokens.recordUsage("many", "10.0.0." + i, null);
    }

    List<AuditEntry> page = tokens.auditLog("many", 5);

    assertThat(page).extracting(AuditEntry::ipAddress)
        .containsExactly("10.0.0.9", "10.0.0.8", "10.0.0.7", "10.0.0.6", "10.0.0.5");
  }

  @Test
  void auditLogOfUnknownTokenIsEmpty() {
    assertThat(tokens.auditLog("nobody", 100)).isEmpty();
  }

  @Test
  void auditLogLimitOutOfRangeIsRejected() {
    assertThatThrownBy(() -> tokens.auditLog("t", 0)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> tokens.auditLog("t", ServiceTokenRepository.MAX_AUDIT_PAGE + 1))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void recordAuditEventStoresActionActorAndAddress() {
    tokens.recordAuditEvent("t", "inspected", "admin", "10.1.1.1", JsonNodeFactory.instance.objectNode().put("why", "audit"));

    assertThat(tokens.auditLog("t", 1)).singleElement().satisfies(entry -> {
      assertThat(entry.action()).isEqualTo("inspected");
      assertThat(entry.actor()).isEqualTo("admin");
      assertThat(entry.ipAddress()).isEqualTo("10.1.1.1");
      assertThat(entry.userAgent()).isNull();
      assertThat(entry.details().get("why").asText()).isEqualTo("audit");
    });
  }

  @Test
  void recordAuditEventDefaultsActorAndAddressToNullAndEmptyDetailsToNull() {
    tokens.recordAuditEvent("t", "created", null, null, JsonNodeFactory.instance.objectNode());

    AuditEntry entry = tokens.auditLog("t", 1).get(0);
    assertThat(entry.actor()).isNull();
    assertThat(entry.ipAddress()).isNull();
    assertThat(entry.details()).isNull();
  }

  @Test
  void recordAuditEventWithNonObjectDetailsIsRejected() {
    assertThatThrownBy(() -> tokens.recordAuditEvent("t", "x", null, null, JsonNodeFactory.instance.arrayNode()))
        .isInstanceOf(ValidationException.class);
    assertThat(tokens.auditLog("t", 10)).isEmpty();
  }

  @Test
  void auditDetailsWithNulCharacterAreRejectedOnEveryBackend() {
    var details = JsonNodeFactory.instance.objectNode().put("reason", "bad\u0000byte");

    assertThatThrownBy(() -> tokens.recordAuditEvent("t", "x", null, null, details))
        .isInstanceOf(ValidationException.class).hasMessageContaining("NUL");
    assertThat(tokens.auditLog("t", 10)).isEmpty();
  }
}
