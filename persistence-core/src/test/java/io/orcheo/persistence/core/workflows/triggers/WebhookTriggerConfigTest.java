package io.orcheo.persistence.core.workflows.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookTriggerConfigTest {

  private static WebhookTriggerConfig withMethods(List<String> methods) {
    return new WebhookTriggerConfig(methods, null, null, null, null, null, null, null, null, 300, null);
  }

  private static WebhookTriggerConfig withSecrets(
      String sharedSecretHeader, String sharedSecret, String hmacHeader, String hmacSecret) {
    return new WebhookTriggerConfig(
        null, null, null, sharedSecretHeader, sharedSecret, hmacHeader, hmacSecret, null, null, 300, null);
  }

  private static WebhookTriggerConfig withAlgorithm(String algorithm) {
    return new WebhookTriggerConfig(null, null, null, null, null, null, null, algorithm, null, 300, null);
  }

  @Test
  void defaultsAllowGetAndPostWithSha256AndNoSecretsOrLimit() {
    WebhookTriggerConfig defaults = WebhookTriggerConfig.defaults();

    assertThat(defaults.allowedMethods()).containsExactly("GET", "POST");
    assertThat(defaults.requiredHeaders()).isEmpty();
    assertThat(defaults.requiredQueryParams()).isEmpty();
    assertThat(defaults.sharedSecretHeader()).isNull();
    assertThat(defaults.sharedSecret()).isNull();
    assertThat(defaults.hmacHeader()).isNull();
    assertThat(defaults.hmacSecret()).isNull();
    assertThat(defaults.hmacAlgorithm()).isEqualTo("sha256");
    assertThat(defaults.hmacTimestampHeader()).isNull();
    assertThat(defaults.hmacToleranceSeconds()).isEqualTo(300);
    assertThat(defaults.rateLimit()).isNull();
  }

  @Test
  void nullCollectionsAndAlgorithmTakeTheDefaults() {
    assertThat(withMethods(null)).isEqualTo(WebhookTriggerConfig.defaults());
  }

  @Test
  void methodsAreUppercasedDeduplicatedAndSorted() {
    assertThat(withMethods(List.of("post", "GET", "Post", "delete")).allowedMethods())
        .containsExactly("DELETE", "GET", "POST");
  }

  @Test
  void emptyMethodListIsRejected() {
    assertThatThrownBy(() -> withMethods(List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("allowed_methods");
  }

  @Test
  void nullMethodIsRejected() {
    List<String> methods = new ArrayList<>();
    methods.add(null);

    assertThatThrownBy(() -> withMethods(methods))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("allowed_methods");
  }

  @Test
  void requiredHeaderNamesAreLowercasedAndValuesKept() {
    WebhookTriggerConfig config = new WebhookTriggerConfig(
        null, Map.of("X-Token", "AbC"), null, null, null, null, null, null, null, 300, null);

    assertThat(config.requiredHeaders()).containsExactly(Map.entry("x-token", "AbC"));
  }

  @Test
  void requiredQueryParamNamesKeepTheirCase() {
    WebhookTriggerConfig config = new WebhookTriggerConfig(
        null, null, Map.of("Source", "Stripe"), null, null, null, null, null, null, 300, null);

    assertThat(config.requiredQueryParams()).containsExactly(Map.entry("Source", "Stripe"));
  }

  @Test
  void headerNamesDifferingOnlyInCaseKeepTheLaterValue() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Env", "first");
    headers.put("x-env", "second");

    WebhookTriggerConfig config =
        new WebhookTriggerConfig(null, headers, null, null, null, null, null, null, null, 300, null);

    assertThat(config.requiredHeaders()).containsExactly(Map.entry("x-env", "second"));
  }

  @Test
  void nullHeaderValueIsRejected() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-env", null);

    assertThatThrownBy(
            () -> new WebhookTriggerConfig(null, headers, null, null, null, null, null, null, null, 300, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("required_headers");
  }

  @Test
  void secretAndSignatureHeaderNamesAreLowercased() {
    WebhookTriggerConfig config = new WebhookTriggerConfig(
        null, null, null, "X-Secret", "s3cret", "X-Signature", "k3y", null, "X-Timestamp", 300, null);

    assertThat(config.sharedSecretHeader()).isEqualTo("x-secret");
    assertThat(config.hmacHeader()).isEqualTo("x-signature");
    assertThat(config.hmacTimestampHeader()).isEqualTo("x-timestamp");
  }

  @Test
  void collectionsAreImmutableCopiesOfTheInput() {
    List<String> methods = new ArrayList<>(List.of("GET"));
    Map<String, String> headers = new LinkedHashMap<>(Map.of("x-a", "1"));
    WebhookTriggerConfig config =
        new WebhookTriggerConfig(methods, headers, null, null, null, null, null, null, null, 300, null);

    methods.add("PUT");
    headers.put("x-b", "2");

    assertThat(config.allowedMethods()).containsExactly("GET");
    assertThat(config.requiredHeaders()).containsOnlyKeys("x-a");
    assertThatThrownBy(() -> config.allowedMethods().add("PUT")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.requiredHeaders().put("x-c", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void hmacAlgorithmIsTrimmedAndLowercased() {
    assertThat(withAlgorithm(" SHA512 ").hmacAlgorithm()).isEqualTo("sha512");
  }

  @Test
  void everyHashlibGuaranteedAlgorithmIsAccepted() {
    List<String> guaranteed = List.of(
        "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512",
        "blake2b", "blake2s", "shake_128", "shake_256", "sha512_224", "sha512_256");

    assertThat(guaranteed).allSatisfy(name -> assertThat(withAlgorithm(name).hmacAlgorithm()).isEqualTo(name));
  }

  @Test
  void unknownHmacAlgorithmIsRejected() {
    assertThatThrownBy(() -> withAlgorithm("whirlpool"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("hmac_algorithm")
        .hasMessageContaining("whirlpool");
  }

  @Test
  void sharedSecretWithoutItsHeaderIsRejected() {
    assertThatThrownBy(() -> withSecrets(null, "s3cret", null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("shared_secret_header");
  }

  @Test
  void sharedSecretHeaderWithoutASecretIsRejected() {
    assertThatThrownBy(() -> withSecrets("x-secret", null, null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("shared_secret must be provided");
  }

  @Test
  void emptySharedSecretCountsAsUnset() {
    assertThatThrownBy(() -> withSecrets("x-secret", "", null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("shared_secret must be provided");
  }

  @Test
  void hmacHeaderWithoutASecretIsRejected() {
    assertThatThrownBy(() -> withSecrets(null, null, "x-signature", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("hmac_header and hmac_secret");
  }

  @Test
  void hmacSecretWithoutAHeaderIsRejected() {
    assertThatThrownBy(() -> withSecrets(null, null, null, "k3y"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("hmac_header and hmac_secret");
  }

  @Test
  void negativeHmacToleranceIsRejected() {
    assertThatThrownBy(
            () -> new WebhookTriggerConfig(null, null, null, null, null, null, null, null, null, -1, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("hmac_tolerance_seconds");
  }

  @Test
  void zeroHmacToleranceIsAccepted() {
    assertThat(new WebhookTriggerConfig(null, null, null, null, null, null, null, null, null, 0, null)
        .hmacToleranceSeconds()).isZero();
  }

  @Test
  void secretsAreMaskedInToString() {
    WebhookTriggerConfig config = withSecrets("x-secret", "shared-value-42", "x-signature", "hmac-value-42");

    assertThat(config.toString())
        .doesNotContain("shared-value-42")
        .doesNotContain("hmac-value-42")
        .contains("sharedSecret=***")
        .contains("hmacSecret=***")
        .contains("sharedSecretHeader=x-secret");
  }

  @Test
  void rateLimitDefaultsToSixtyRequestsPerSixtySeconds() {
    assertThat(RateLimitConfig.defaults()).isEqualTo(new RateLimitConfig(60, 60));
  }

  @Test
  void rateLimitBelowOneIsRejected() {
    assertThatThrownBy(() -> new RateLimitConfig(0, 60))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("rate_limit.limit");
  }

  @Test
  void rateLimitIntervalBelowOneIsRejected() {
    assertThatThrownBy(() -> new RateLimitConfig(60, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("rate_limit.interval_seconds");
  }
}
