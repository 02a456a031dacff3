package io.orcheo.persistence.it.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.core.error.ConflictException;
import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.tokens.AuditEntry;
import io.orcheo.persistence.core.tokens.MintedToken;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.ServiceTokenRepository;
import io.orcheo.persistence.core.tokens.ServiceTokenService;
import io.orcheo.persistence.core.tokens.TokenAuthenticationException;
import io.orcheo.persistence.core.tokens.TokenAuthenticationException.Reason;
import io.orcheo.persistence.core.tokens.TokenSecrets;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.jooq.runtime.Database;
import io.orcheo.persistence.jooq.runtime.Store;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upstream's service-token lifecycle (spec §A.4, §H.1 35–47), on every backend. */
public abstract class ServiceTokenServiceContract extends BackendContract {
  private static final Set<String> SCOPES = Set.of("workflows:read", "workflows:execute");
  private static final Set<String> WORKSPACES = Set.of("ws-2", "ws-1");

  private ServiceTokenService service;
  private ServiceTokenRepository tokens;

  @BeforeEach
  void services() {
    service = persistence.serviceTokenService();
    tokens = persistence.serviceTokens();
  }

  private MintedToken mint(String identifier) {
    return service.mint(identifier, SCOPES, WORKSPACES, null);
  }

  private MintedToken mint(String identifier, Duration expiresIn) {
    return service.mint(identifier, SCOPES, WORKSPACES, expiresIn);
  }

  private ServiceToken stored(String identifier) {
    return tokens.findById(identifier).orElseThrow(() -> new AssertionError("no token '" + identifier + "'"));
  }

  /** The token's audit actions, oldest first. */
  private List<String> actions(String identifier) {
    List<String> actions = new ArrayList<>(
        auditLog(identifier).stream().map(AuditEntry::action).toList());
    Collections.reverse(actions);
    return actions;
  }

  private List<AuditEntry> auditLog(String identifier) {
    return tokens.auditLog(identifier, ServiceTokenRepository.MAX_AUDIT_PAGE);
  }

  private long auditRowCount() {
    Database database = persistence.databases().stream()
        .filter(d -> d.stores().contains(Store.SERVICE_TOKENS)).findFirst().orElseThrow();
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM service_token_audit_log")) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private void assertRefused(String secret, Reason reason) {
    assertThatThrownBy(() -> service.authenticate(secret))
        .isInstanceOfSatisfying(TokenAuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessage(reason.message());
  }

  private static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  // --- mint -----------------------------------------------------------------------------------------------------

  @Test
  void mintThenTheSecretAuthenticatesAndListActiveContainsTheToken() {
    MintedToken minted = mint("ci");

    assertThat(minted.token().matches(minted.secret())).isTrue();
    assertThat(service.authenticate(minted.secret()).identifier()).isEqualTo("ci");
    assertThat(service.listActive()).extracting(ServiceToken::identifier).containsExactly("ci");
  }

  @Test
  void mintStoresOnlyTheHashOfTheSecretAndReturnsTheStoredToken() {
    MintedToken minted = mint("ci");

    assertThat(minted.secret()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
    ServiceToken read = stored("ci");
    assertThat(read).isEqualTo(minted.token());
    assertThat(read.secretHash()).isEqualTo(TokenSecrets.hash(minted.secret()));
    assertThat(read.scopes()).containsExactly("workflows:execute", "workflows:read");
    assertThat(read.workspaceIds()).containsExactly("ws-1", "ws-2");
    assertThat(read.useCount()).isZero();
    assertThat(read.lastUsedAt()).isNull();
    assertThat(read.revokedAt()).isNull();
    assertThat(read.rotatedTo()).isNull();
    assertThat(read.rotationExpiresAt()).isNull();
  }

  @Test
  void mintWithoutIdentifierDerivesItFromTheFirstEightHexCharactersOfTheHash() {
    MintedToken minted = mint(null);

    String expected = TokenSecrets.hash(minted.secret()).substring(0, 8);
    assertThat(minted.token().identifier()).isEqualTo(expected);
    assertThat(stored(expected)).isEqualTo(minted.token());
  }

  @Test
  void mintWithADurationSetsExpiresAtToNowPlusTheDuration() {
    MintedToken minted = mint("short", Duration.ofSeconds(3600));

    assertThat(minted.token().expiresAt()).isEqualTo(START.plusSeconds(3600));
    assertThat(stored("short").expiresAt()).isEqualTo(START.plusSeconds(3600));
  }

  @Test
  void mintWithoutADurationLeavesExpiresAtNull() {
    mint("forever", null);

    assertThat(stored("forever").expiresAt()).isNull();
  }

  @Test
  void mintWithZeroOrNegativeExpiresInIsRejectedAndStoresNothing() {
    assertThatThrownBy(() -> mint("zero", Duration.ZERO)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> mint("negative", Duration.ofSeconds(-1))).isInstanceOf(ValidationException.class);

    assertThat(tokens.listAll()).isEmpty();
    assertThat(auditRowCount()).isZero();
  }

  @Test
  void mintWithATakenIdentifierIsAConflictAndChangesNothing() {
    MintedToken first = mint("dup");

    assertThatThrownBy(() -> service.mint("dup", Set.of("other"), Set.of(), Duration.ofSeconds(60)))
        .isInstanceOf(ConflictException.class);

    assertThat(tokens.listAll()).containsExactly(first.token());
    assertThat(actions("dup")).containsExactly("created");
    assertThat(service.authenticate(first.secret()).identifier()).isEqualTo("dup");
  }

  @Test
  void theClockDrivesIssuedAt() {
    Instant later = Instant.parse("2031-07-08T09:10:11.654321Z");
    clock.set(later);

    MintedToken minted = mint("clocked", Duration.ofSeconds(90));

    assertThat(minted.token().issuedAt()).isEqualTo(later);
    assertThat(stored("clocked").issuedAt()).isEqualTo(later);
    assertThat(stored("clocked").expiresAt()).isEqualTo(later.plusSeconds(90));

    clock.advance(Duration.ofSeconds(30));
    MintedToken successor = service.rotate("clocked", Duration.ofSeconds(10), null);
    assertThat(stored(successor.token().identifier()).issuedAt()).isEqualTo(later.plusSeconds(30));
  }

  @Test
  void mintWritesACreatedAuditRowWithoutDetails() {
    mint("audited");

    assertThat(auditLog("audited")).singleElement().satisfies(entry -> {
      assertThat(entry.action()).isEqualTo("created");
      assertThat(entry.details()).isNull();
      assertThat(entry.actor()).isNull();
      assertThat(entry.timestamp()).isEqualTo(START);
    });
  }

  // --- authenticate ---------------------------------------------------------------------------------------------

  @Test
  void authenticateReturnsTheTokenWithOneMoreUseAndLastUsedAtNowAndTheDatabaseAgrees() {
    MintedToken minted = mint("busy");
    clock.advance(Duration.ofSeconds(5));

    ServiceToken first = service.authenticate(minted.secret());
    assertThat(first.useCount()).isEqualTo(1);
    assertThat(first.lastUsedAt()).isEqualTo(START.plusSeconds(5));
    assertThat(stored("busy")).isEqualTo(first);

    clock.advance(Duration.ofSeconds(7));
    ServiceToken second = service.authenticate(minted.secret());
    assertThat(second.useCount()).isEqualTo(2);
    assertThat(second.lastUsedAt()).isEqualTo(START.plusSeconds(12));
    assertThat(second.scopes()).isEqualTo(minted.token().scopes());
    assertThat(stored("busy")).isEqualTo(second);
  }

  @Test
  void authenticateWritesAUsedAuditRowWithoutAddressOrAgent() {
    MintedToken minted = mint("used");
    clock.advance(Duration.ofSeconds(3));

    service.authenticate(minted.secret());

    assertThat(actions("used")).containsExactly("created", "used");
    AuditEntry used = auditLog("used").get(0);
    assertThat(used.ipAddress()).isNull();
    assertThat(used.userAgent()).isNull();
    assertThat(used.details()).isNull();
    assertThat(used.timestamp()).isEqualTo(START.plusSeconds(3));
  }

  @Test
  void authenticatingAnUnknownSecretIsInvalid401AndWritesNothing() {
    mint("known");
    List<ServiceToken> before = tokens.listAll();
    long auditRows = auditRowCount();
    String stranger = TokenSecrets.generate();

    assertThatThrownBy(() -> service.authenticate(stranger))
        .isInstanceOfSatisfying(TokenAuthenticationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.INVALID);
          assertThat(e.reason().code()).isEqualTo("auth.invalid_token");
          assertThat(e.reason().httpStatus()).isEqualTo(401);
        })
        .hasMessage("Invalid bearer token");

    assertThat(tokens.listAll()).isEqualTo(before);
    assertThat(auditRowCount()).isEqualTo(auditRows);
    assertThat(auditLog(TokenSecrets.defaultIdentifier(TokenSecrets.hash(stranger)))).isEmpty();
  }

  @Test
  void authenticatingAnEmptyOrNullSecretIsInvalid() {
    mint("known");

    assertRefused("", Reason.INVALID);
    assertRefused(null, Reason.INVALID);
  }

  @Test
  void authenticatingTheHashInsteadOfTheSecretIsInvalid() {
    MintedToken minted = mint("known");

    assertRefused(minted.token().secretHash(), Reason.INVALID);
  }

  @Test
  void authenticatingARevokedTokenIsRefusedWithTokenRevoked403() {
    MintedToken minted = mint("gone");
    service.revoke("gone", "leaked");

    assertThatThrownBy(() -> service.authenticate(minted.secret()))
        .isInstanceOfSatisfying(TokenAuthenticationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.REVOKED);
          assertThat(e.reason().code()).isEqualTo("auth.token_revoked");
          assertThat(e.reason().httpStatus()).isEqualTo(403);
        })
        .hasMessage("Service token has been revoked");
  }

  @Test
  void authenticatingAnExpiredTokenIsRefusedWithTokenExpired403() {
    MintedToken minted = mint("old", Duration.ofSeconds(60));
    clock.advance(Duration.ofSeconds(61));

    assertThatThrownBy(() -> service.authenticate(minted.secret()))
        .isInstanceOfSatisfying(TokenAuthenticationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.EXPIRED);
          assertThat(e.reason().code()).isEqualTo("auth.token_expired");
          assertThat(e.reason().httpStatus()).isEqualTo(403);
        })
        .hasMessage("Service token has expired");
  }

  @Test
  void authenticatingExactlyAtTheExpiryIsRefusedAsExpiredAndJustBeforeIsAccepted() {
    MintedToken minted = mint("edge", Duration.ofSeconds(60));

    clock.set(START.plusSeconds(60).minusNanos(1_000));
    assertThat(service.authenticate(minted.secret()).useCount()).isEqualTo(1);

    clock.set(START.plusSeconds(60));
    assertRefused(minted.secret(), Reason.EXPIRED);
  }

  @Test
  void revocationIsCheckedBeforeExpiry() {
    MintedToken minted = mint("both", Duration.ofSeconds(60));
    service.revoke("both", null);
    clock.advance(Duration.ofSeconds(120));

    assertRefused(minted.secret(), Reason.REVOKED);
  }

  @Test
  void refusedAuthenticationCountsNoUseAndWritesNoAuditRow() {
    MintedToken revoked = mint("revoked");
    service.revoke("revoked", null);
    MintedToken expired = mint("expired", Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(2));
    long auditRows = auditRowCount();

    assertRefused(revoked.secret(), Reason.REVOKED);
    assertRefused(expired.secret(), Reason.EXPIRED);

    assertThat(stored("revoked").useCount()).isZero();
    assertThat(stored("revoked").lastUsedAt()).isNull();
    assertThat(stored("expired").useCount()).isZero();
    assertThat(auditRowCount()).isEqualTo(auditRows);
  }

  // --- rotate ---------------------------------------------------------------------------------------------------

  @Test
  void afterRotatingWithOverlap60TheOldSecretStillAuthenticatesAndTheNewOneToo() {
    MintedToken old = mint("ci");

    MintedToken successor = service.rotate("ci", Duration.ofSeconds(60), null);

    assertThat(service.authenticate(old.secret()).identifier()).isEqualTo("ci");
    assertThat(service.authenticate(successor.secret()).identifier()).isEqualTo(successor.token().identifier());
  }

  @Test
  void revokingTheNewTokenMakesItsSecretFailWithRevoked() {
    mint("ci");
    MintedToken successor = service.rotate("ci", Duration.ofSeconds(60), null);

    service.revoke(successor.token().identifier(), "not needed");

    assertRefused(successor.secret(), Reason.REVOKED);
  }

  @Test
  void afterRotatingWithOverlap300BothSecretsAuthenticateUntilTheOverlapEnds() {
    MintedToken old = mint("ci");

    MintedToken successor = service.rotate("ci", Duration.ofSeconds(300), null);
    assertThat(service.authenticate(old.secret()).identifier()).isEqualTo("ci");
    assertThat(service.authenticate(successor.secret()).identifier()).isEqualTo(successor.token().identifier());

    clock.set(START.plusSeconds(299));
    assertThat(service.authenticate(old.secret()).identifier()).isEqualTo("ci");

    clock.set(START.plusSeconds(300));
    assertRefused(old.secret(), Reason.EXPIRED);
    assertThat(service.authenticate(successor.secret()).useCount()).isEqualTo(2);
  }

  @Test
  void rotateWithZeroOverlapKeepsTheOldExpiryAndRotationExpiry() {
    MintedToken old = mint("ci", Duration.ofSeconds(3600));
    clock.advance(Duration.ofSeconds(10));

    MintedToken successor = service.rotate("ci", Duration.ZERO, null);

    ServiceToken read = stored("ci");
    assertThat(read.expiresAt()).isEqualTo(START.plusSeconds(3600));
    assertThat(read.rotationExpiresAt()).isNull();
    assertThat(read.rotatedTo()).isEqualTo(successor.token().identifier());
    assertThat(service.authenticate(successor.secret()).identifier()).isEqualTo(successor.token().identifier());
    assertThat(service.authenticate(old.secret()).identifier()).isEqualTo("ci");
  }

  @Test
  void rotateWithZeroOverlapLeavesANeverExpiringTokenWorkingForever() {
    MintedToken old = mint("ci");

    service.rotate("ci", Duration.ZERO, null);

    ServiceToken read = stored("ci");
    assertThat(read.expiresAt()).isNull();
    assertThat(read.rotationExpiresAt()).isNull();
    clock.advance(Duration.ofDays(3650));
    assertThat(service.authenticate(old.secret()).identifier()).isEqualTo("ci");
  }

  @Test
  void rotatingANeverExpiringTokenWithOverlapSetsRotationExpiryAndExpiry() {
    mint("ci");
    clock.advance(Duration.ofSeconds(20));

    service.rotate("ci", Duration.ofSeconds(120), null);

    ServiceToken read = stored("ci");
    assertThat(read.rotationExpiresAt()).isEqualTo(START.plusSeconds(140));
    assertThat(read.expiresAt()).isEqualTo(START.plusSeconds(140));
  }

  @Test
  void expiryAfterRotationIsTheOverlapEndWhenThatComesFirst() {
    mint("ci", Duration.ofSeconds(3600));
    clock.advance(Duration.ofSeconds(100));

    service.rotate("ci", Duration.ofSeconds(60), null);

    ServiceToken read = stored("ci");
    assertThat(read.expiresAt()).isEqualTo(START.plusSeconds(160));
    assertThat(read.rotationExpiresAt()).isEqualTo(START.plusSeconds(160));
  }

  @Test
  void expiryAfterRotationIsTheOldExpiryWhenThatComesFirst() {
    mint("ci", Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(10));

    service.rotate("ci", Duration.ofSeconds(300), null);

    ServiceToken read = stored("ci");
    assertThat(read.expiresAt()).isEqualTo(START.plusSeconds(30));
    assertThat(read.rotationExpiresAt()).isEqualTo(START.plusSeconds(310));
  }

  @Test
  void rotatingAgainNeverLengthensTheOldTokensExpiry() {
    mint("ci");
    service.rotate("ci", Duration.ofSeconds(60), null);
    clock.advance(Duration.ofSeconds(10));

    MintedToken second = service.rotate("ci", Duration.ofSeconds(600), null);

    ServiceToken read = stored("ci");
    assertThat(read.expiresAt()).isEqualTo(START.plusSeconds(60));
    assertThat(read.rotatedTo()).isEqualTo(second.token().identifier());
  }

  @Test
  void negativeOverlapCountsAsZero() {
    MintedToken old = mint("ci", Duration.ofSeconds(3600));
    clock.advance(Duration.ofSeconds(10));

    MintedToken successor = service.rotate("ci", Duration.ofSeconds(-300), null);

    ServiceToken read = stored("ci");
    assertThat(read.expiresAt()).isEqualTo(START.plusSeconds(3600));
    assertThat(read.rotationExpiresAt()).isNull();
    assertThat(read.rotatedTo()).isEqualTo(successor.token().identifier());
    assertThat(service.authenticate(old.secret()).identifier()).isEqualTo("ci");
  }

  @Test
  void theNewTokenKeepsTheScopesAndWorkspacesAndGetsAnIdentifierFromItsHash() {
    mint("ci");

    MintedToken successor = service.rotate("ci", Duration.ofSeconds(60), null);

    ServiceToken read = stored(successor.token().identifier());
    assertThat(read).isEqualTo(successor.token());
    assertThat(read.scopes()).isEqualTo(stored("ci").scopes()).containsExactly("workflows:execute", "workflows:read");
    assertThat(read.workspaceIds()).isEqualTo(stored("ci").workspaceIds()).containsExactly("ws-1", "ws-2");
    assertThat(read.identifier()).isEqualTo(TokenSecrets.defaultIdentifier(TokenSecrets.hash(successor.secret())));
    assertThat(read.secretHash()).isEqualTo(TokenSecrets.hash(successor.secret()));
    assertThat(read.rotatedTo()).isNull();
    assertThat(read.useCount()).isZero();
  }

  @Test
  void rotateGivesTheNewTokenTheNewLifetimeOrNone() {
    mint("ci", Duration.ofSeconds(3600));
    clock.advance(Duration.ofSeconds(5));

    MintedToken limited = service.rotate("ci", Duration.ofSeconds(60), Duration.ofSeconds(900));
    MintedToken unlimited = service.rotate(limited.token().identifier(), Duration.ofSeconds(60), null);

    assertThat(stored(limited.token().identifier()).expiresAt()).isEqualTo(START.plusSeconds(65));
    assertThat(stored(unlimited.token().identifier()).expiresAt()).isNull();
    assertThat(limited.token().expiresAt()).isEqualTo(START.plusSeconds(905));
  }

  @Test
  void rotateWritesCreatedForTheNewTokenAndRotatedForTheOld() {
    mint("ci");

    MintedToken successor = service.rotate("ci", Duration.ofSeconds(60), null);

    assertThat(actions("ci")).containsExactly("created", "rotated");
    assertThat(actions(successor.token().identifier())).containsExactly("created");
    assertThat(auditLog("ci").get(0).details()).isNull();
  }

  @Test
  void rotateOfUnknownTokenIsNotFoundAndWritesNothing() {
    assertThatThrownBy(() -> service.rotate("ghost", Duration.ofSeconds(60), null))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Service token 'ghost' not found");

    assertThat(tokens.listAll()).isEmpty();
    assertThat(auditRowCount()).isZero();
  }

  // --- revoke ---------------------------------------------------------------------------------------------------

  @Test
  void revokeSetsRevokedAtAndReasonAndDropsTheTokenFromListActive() {
    mint("ci");
    clock.advance(Duration.ofSeconds(4));

    ServiceToken revoked = service.revoke("ci", "compromised");

    assertThat(revoked.revokedAt()).isEqualTo(START.plusSeconds(4));
    assertThat(revoked.revocationReason()).isEqualTo("compromised");
    assertThat(stored("ci")).isEqualTo(revoked);
    assertThat(service.listActive()).isEmpty();
  }

  @Test
  void revokeWithReasonWritesRevokedWithTheReasonInDetails() {
    mint("ci");

    service.revoke("ci", "compromised");

    assertThat(actions("ci")).containsExactly("created", "revoked");
    assertThat(auditLog("ci").get(0).details())
        .isEqualTo(JsonNodeFactory.instance.objectNode().put("reason", "compromised"));
  }

  @Test
  void revokeWithoutReasonWritesRevokedWithNullDetails() {
    mint("ci");

    service.revoke("ci", null);

    assertThat(actions("ci")).containsExactly("created", "revoked");
    assertThat(auditLog("ci").get(0).details()).isNull();
    assertThat(stored("ci").revocationReason()).isNull();
  }

  @Test
  void revokingTwiceMovesRevokedAtAndOverwritesTheReason() {
    mint("ci");
    service.revoke("ci", "first");
    clock.advance(Duration.ofSeconds(30));

    service.revoke("ci", "second");

    ServiceToken read = stored("ci");
    assertThat(read.revokedAt()).isEqualTo(START.plusSeconds(30));
    assertThat(read.revocationReason()).isEqualTo("second");
    assertThat(actions("ci")).containsExactly("created", "revoked", "revoked");
  }

  @Test
  void revokeOfUnknownTokenIsNotFoundAndWritesNothing() {
    assertThatThrownBy(() -> service.revoke("ghost", "why"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Service token 'ghost' not found");

    assertThat(auditRowCount()).isZero();
  }

  // --- listActive -----------------------------------------------------------------------------------------------

  @Test
  void listActiveReturnsTheActiveTokensFromTheRepositoryNewestFirst() {
    mint("first");
    clock.advance(Duration.ofSeconds(1));
    mint("revoked");
    clock.advance(Duration.ofSeconds(1));
    mint("expiring", Duration.ofSeconds(5));
    clock.advance(Duration.ofSeconds(1));
    mint("last", Duration.ofSeconds(3600));
    service.revoke("revoked", null);

    assertThat(service.listActive()).extracting(ServiceToken::identifier)
        .containsExactly("last", "expiring", "first");
    assertThat(service.listActive()).isEqualTo(tokens.listActive(clock.instant()));

    clock.advance(Duration.ofSeconds(4));
    assertThat(service.listActive()).extracting(ServiceToken::identifier).containsExactly("last", "first");
  }

  @Test
  void listActiveOnAnEmptyStoreIsEmpty() {
    assertThat(service.listActive()).isEmpty();
  }

  @Test
  void wholeSecondAndFractionalTimestampsCompareByTimeInExpiryChecksAndRotation() {
    // SQLite stores upstream's isoformat text, which leaves out a zero fraction ("…:15+00:00" vs "…:14.999999+00:00").
    Instant whole = Instant.parse("2025-01-02T03:04:15Z");
    clock.set(whole.minusSeconds(10));
    MintedToken wholeExpiry = mint("whole", Duration.ofSeconds(10));
    MintedToken fractionalExpiry = mint("fractional", Duration.ofMillis(10_500));

    clock.set(whole.minusNanos(1_000));
    assertThat(service.authenticate(wholeExpiry.secret()).useCount()).isEqualTo(1);

    clock.set(whole.minusMillis(500));
    service.rotate("whole", Duration.ofMillis(500).plusNanos(1_000), null);
    service.rotate("fractional", Duration.ofMillis(500), null);
    assertThat(stored("whole").expiresAt()).isEqualTo(whole);
    assertThat(stored("fractional").expiresAt()).isEqualTo(whole);

    clock.set(whole.minusNanos(1_000));
    assertThat(service.authenticate(fractionalExpiry.secret()).useCount()).isEqualTo(1);
    clock.set(whole);
    assertRefused(wholeExpiry.secret(), Reason.EXPIRED);
    assertRefused(fractionalExpiry.secret(), Reason.EXPIRED);
  }

  @Test
  void timestampsAreKeptToTheMicrosecond() {
    Instant odd = Instant.parse("2025-05-06T07:08:09.987654999Z");
    clock.set(odd);

    MintedToken minted = mint("precise", Duration.ofMillis(1500));
    ServiceToken used = service.authenticate(minted.secret());

    assertThat(stored("precise").issuedAt()).isEqualTo(micros(odd));
    assertThat(stored("precise").expiresAt()).isEqualTo(micros(odd.plusMillis(1500)));
    assertThat(used.lastUsedAt()).isEqualTo(micros(odd));
    assertThat(stored("precise")).isEqualTo(used);
  }
}
