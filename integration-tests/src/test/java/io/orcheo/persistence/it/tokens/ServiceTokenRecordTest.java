package io.orcheo.persistence.it.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.tokens.MintedToken;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.TokenSecrets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The service-token record and secret handling (spec §A.4, §H.1 31–34); no database. */
class ServiceTokenRecordTest {
  private static final Instant NOW = Instant.parse("2025-01-02T03:04:05.123456Z");
  private static final String SECRET = "the-right-secret";

  private static ServiceToken token(Instant expiresAt) {
    return ServiceToken.issued("ci", TokenSecrets.hash(SECRET), Set.of("workflows:read"), Set.of(), NOW, expiresAt);
  }

  @Test
  void matchesIsTrueOnlyForTheRightSecret() {
    ServiceToken token = token(null);

    assertThat(token.matches(SECRET)).isTrue();
    assertThat(token.matches("the-wrong-secret")).isFalse();
    assertThat(token.matches(SECRET + " ")).isFalse();
    assertThat(token.matches("")).isFalse();
    assertThat(token.matches(null)).isFalse();
  }

  @Test
  void isRevokedReflectsRevokedAt() {
    ServiceToken token = token(null);

    assertThat(token.isRevoked()).isFalse();
    assertThat(token.withRevocation(NOW, "leaked").isRevoked()).isTrue();
    assertThat(token.withRevocation(NOW, null).isRevoked()).isTrue();
  }

  @Test
  void isExpiredIsFalseForAFutureExpiry() {
    assertThat(token(NOW.plusSeconds(1)).isExpired(NOW)).isFalse();
    assertThat(token(NOW.plusNanos(1_000)).isExpired(NOW)).isFalse();
  }

  @Test
  void isExpiredIsTrueForAPastExpiry() {
    assertThat(token(NOW.minusSeconds(1)).isExpired(NOW)).isTrue();
  }

  @Test
  void isExpiredIsFalseWithoutExpiry() {
    assertThat(token(null).isExpired(NOW)).isFalse();
    assertThat(token(null).isExpired(Instant.MAX)).isFalse();
  }

  @Test
  void isExpiredIsTrueExactlyAtTheExpiry() {
    assertThat(token(NOW).isExpired(NOW)).isTrue();
  }

  @Test
  void isActiveCombinesTheRevokedAndExpiredChecks() {
    assertThat(token(null).isActive(NOW)).isTrue();
    assertThat(token(NOW.plusSeconds(60)).isActive(NOW)).isTrue();
    assertThat(token(NOW.minusSeconds(60)).isActive(NOW)).isFalse();
    assertThat(token(NOW).isActive(NOW)).isFalse();
    assertThat(token(null).withRevocation(NOW, "x").isActive(NOW)).isFalse();
    assertThat(token(NOW.plusSeconds(60)).withRevocation(NOW, null).isActive(NOW)).isFalse();
  }

  @Test
  void generatedSecretsAre43CharactersOfUrlSafeBase64WithoutPadding() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String secret = TokenSecrets.generate();
      assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]{43}").doesNotContain("=");
      seen.add(secret);
    }
    assertThat(seen).hasSize(200);
  }

  @Test
  void hashIsTheLowercaseHexSha256OfTheUtf8Secret() {
    assertThat(TokenSecrets.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(TokenSecrets.hash(""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(TokenSecrets.hash(TokenSecrets.generate())).matches("[0-9a-f]{64}");
  }

  @Test
  void defaultIdentifierIsTheFirstEightHexCharactersOfTheHash() {
    String hash = TokenSecrets.hash("abc");

    assertThat(TokenSecrets.defaultIdentifier(hash)).isEqualTo("ba7816bf");
  }

  @Test
  void secretHashThatIsNotLowercaseSha256HexIsRejected() {
    String upper = TokenSecrets.hash("abc").toUpperCase();

    assertThatThrownBy(() -> ServiceToken.issued("ci", upper, Set.of(), Set.of(), NOW, null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ServiceToken.issued("ci", "abc", Set.of(), Set.of(), NOW, null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ServiceToken.issued("ci", TokenSecrets.hash("abc") + "0", Set.of(), Set.of(), NOW, null))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void blankIdentifierIsRejected() {
    String hash = TokenSecrets.hash("abc");

    assertThatThrownBy(() -> ServiceToken.issued("", hash, Set.of(), Set.of(), NOW, null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ServiceToken.issued("   ", hash, Set.of(), Set.of(), NOW, null))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void identifierWithNulCharacterIsRejected() {
    String hash = TokenSecrets.hash("abc");

    assertThatThrownBy(() -> ServiceToken.issued("c\u0000i", hash, Set.of(), Set.of(), NOW, null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("NUL");
  }

  @Test
  void mintedTokenToStringDoesNotRevealTheSecret() {
    String secret = TokenSecrets.generate();
    MintedToken minted = new MintedToken(secret,
        ServiceToken.issued("ci", TokenSecrets.hash(secret), Set.of(), Set.of(), NOW, null));

    assertThat(minted.toString()).doesNotContain(secret).contains("ci");
  }
}
