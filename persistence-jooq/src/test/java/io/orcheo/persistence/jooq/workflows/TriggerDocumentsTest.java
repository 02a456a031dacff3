package io.orcheo.persistence.jooq.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.workflows.triggers.CronTriggerConfig;
import io.orcheo.persistence.core.workflows.triggers.RateLimitConfig;
import io.orcheo.persistence.core.workflows.triggers.RetryPolicyConfig;
import io.orcheo.persistence.core.workflows.triggers.WebhookTriggerConfig;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerDocumentsTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Instant NINE = Instant.parse("2025-01-01T09:00:00Z");

  private static final WebhookTriggerConfig FULL_WEBHOOK = new WebhookTriggerConfig(
      List.of("PUT", "POST"),
      Map.of("x-env", "prod"),
      Map.of("Source", "stripe"),
      "x-secret",
      "shared-value",
      "x-signature",
      "hmac-value",
      "sha512",
      "x-timestamp",
      120,
      new RateLimitConfig(10, 30));

  private static JsonNode parse(String json) {
    return JsonCodec.read(json);
  }

  @Test
  void webhookIsWrittenWithUpstreamSnakeCaseKeys() {
    ObjectNode document = TriggerDocuments.toJson(FULL_WEBHOOK);

    assertThat(document.properties()).extracting(Map.Entry::getKey).containsExactly(
        "allowed_methods", "required_headers", "required_query_params", "shared_secret_header", "shared_secret",
        "hmac_header", "hmac_secret", "hmac_algorithm", "hmac_timestamp_header", "hmac_tolerance_seconds",
        "rate_limit");
  }

  @Test
  void rateLimitIsWrittenAsLimitAndIntervalSeconds() {
    assertThat(TriggerDocuments.toJson(FULL_WEBHOOK).get("rate_limit"))
        .isEqualTo(JSON.objectNode().put("limit", 10).put("interval_seconds", 30));
  }

  @Test
  void absentOptionalWebhookFieldsAreWrittenAsNull() {
    ObjectNode document = TriggerDocuments.toJson(WebhookTriggerConfig.defaults());

    assertThat(document.get("shared_secret").isNull()).isTrue();
    assertThat(document.get("rate_limit").isNull()).isTrue();
  }

  @Test
  void roundTripKeepsEveryField() {
    WebhookTriggerConfig read = TriggerDocuments.webhookFromJson(TriggerDocuments.toJson(FULL_WEBHOOK));

    assertThat(read).isEqualTo(FULL_WEBHOOK);
    assertThat(read.sharedSecret()).isEqualTo("shared-value");
    assertThat(read.hmacSecret()).isEqualTo("hmac-value");
  }

  @Test
  void secretHeaderAliasIsReadAsSharedSecretHeader() {
    WebhookTriggerConfig read =
        TriggerDocuments.webhookFromJson(parse("{\"secret_header\": \"X-Token\", \"shared_secret\": \"s\"}"));

    assertThat(read.sharedSecretHeader()).isEqualTo("x-token");
  }

  @Test
  void aliasWrittenAlongsideTheSameHeaderIsAccepted() {
    WebhookTriggerConfig read = TriggerDocuments.webhookFromJson(parse(
        "{\"secret_header\": \"X-Token\", \"shared_secret_header\": \"x-token\", \"shared_secret\": \"s\"}"));

    assertThat(read.sharedSecretHeader()).isEqualTo("x-token");
  }

  @Test
  void aliasDisagreeingWithSharedSecretHeaderIsRejected() {
    JsonNode document =
        parse("{\"secret_header\": \"x-a\", \"shared_secret_header\": \"x-b\", \"shared_secret\": \"s\"}");

    assertThatThrownBy(() -> TriggerDocuments.webhookFromJson(document))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("secret_header");
  }

  @Test
  void emptyWebhookDocumentReadsAsTheDefaults() {
    assertThat(TriggerDocuments.webhookFromJson(JSON.objectNode())).isEqualTo(WebhookTriggerConfig.defaults());
  }

  @Test
  void upstreamWebhookDocumentIsNormalisedOnRead() {
    WebhookTriggerConfig read = TriggerDocuments.webhookFromJson(parse("""
        {"allowed_methods": ["post", "get"], "required_headers": {"X-Env": "prod"},
         "hmac_header": "X-Sig", "hmac_secret": "k", "hmac_algorithm": "SHA1",
         "hmac_tolerance_seconds": 60.0, "rate_limit": {"limit": 5}}
        """));

    assertThat(read.allowedMethods()).containsExactly("GET", "POST");
    assertThat(read.requiredHeaders()).containsExactly(Map.entry("x-env", "prod"));
    assertThat(read.hmacHeader()).isEqualTo("x-sig");
    assertThat(read.hmacAlgorithm()).isEqualTo("sha1");
    assertThat(read.hmacToleranceSeconds()).isEqualTo(60);
    assertThat(read.rateLimit()).isEqualTo(new RateLimitConfig(5, 60));
  }

  @Test
  void unknownKeysFromANewerUpstreamAreIgnored() {
    ObjectNode document = TriggerDocuments.toJson(FULL_WEBHOOK);
    document.put("replay_window_seconds", 600);
    document.putObject("future_block").put("enabled", true);

    assertThat(TriggerDocuments.webhookFromJson(document)).isEqualTo(FULL_WEBHOOK);
  }

  @Test
  void fractionalToleranceIsRejectedNamingTheField() {
    assertThatThrownBy(() -> TriggerDocuments.webhookFromJson(parse("{\"hmac_tolerance_seconds\": 1.5}")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("hmac_tolerance_seconds");
  }

  @Test
  void nonStringHeaderValueIsRejectedNamingTheHeader() {
    assertThatThrownBy(() -> TriggerDocuments.webhookFromJson(parse("{\"required_headers\": {\"x-n\": 1}}")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("required_headers.x-n");
  }

  @Test
  void rateLimitOfZeroIsRejectedNamingTheField() {
    assertThatThrownBy(() -> TriggerDocuments.webhookFromJson(parse("{\"rate_limit\": {\"limit\": 0}}")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("rate_limit.limit");
  }

  @Test
  void documentThatIsNotAnObjectIsRejected() {
    assertThatThrownBy(() -> TriggerDocuments.webhookFromJson(parse("[]")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("JSON object");
  }

  @Test
  void cronBoundariesAreWrittenAsUtcWithZ() {
    CronTriggerConfig config = new CronTriggerConfig("0 9 * * *", "Europe/Amsterdam", false, NINE, null);

    ObjectNode document = TriggerDocuments.toJson(config);

    assertThat(document.get("start_at").textValue()).isEqualTo("2025-01-01T09:00:00Z");
    assertThat(document.get("end_at").isNull()).isTrue();
  }

  @Test
  void cronIsWrittenWithUpstreamSnakeCaseKeys() {
    assertThat(TriggerDocuments.toJson(CronTriggerConfig.defaults()).properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("expression", "timezone", "allow_overlapping", "start_at", "end_at");
  }

  @Test
  void cronRoundTripKeepsEveryField() {
    CronTriggerConfig config =
        new CronTriggerConfig("*/2 * * * *", "Asia/Kolkata", true, NINE, NINE.plusSeconds(86_400));

    assertThat(TriggerDocuments.cronFromJson(TriggerDocuments.toJson(config))).isEqualTo(config);
  }

  @Test
  void boundariesWithAnyOffsetAreReadAsTheSameInstant() {
    CronTriggerConfig read = TriggerDocuments.cronFromJson(
        parse("{\"start_at\": \"2025-01-01T11:00:00+02:00\", \"end_at\": \"2025-01-01T09:00:00+00:00\"}"));

    assertThat(read.startAt()).isEqualTo(NINE);
    assertThat(read.endAt()).isEqualTo(NINE);
  }

  @Test
  void naiveBoundaryIsReadAsUtc() {
    assertThat(TriggerDocuments.cronFromJson(parse("{\"start_at\": \"2025-01-01T09:00:00\"}")).startAt())
        .isEqualTo(NINE);
  }

  @Test
  void malformedBoundaryIsRejectedNamingTheField() {
    assertThatThrownBy(() -> TriggerDocuments.cronFromJson(parse("{\"end_at\": \"next tuesday\"}")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("end_at");
  }

  @Test
  void emptyCronDocumentReadsAsTheDefaults() {
    assertThat(TriggerDocuments.cronFromJson(JSON.objectNode())).isEqualTo(CronTriggerConfig.defaults());
  }

  @Test
  void nonBooleanAllowOverlappingIsRejected() {
    assertThatThrownBy(() -> TriggerDocuments.cronFromJson(parse("{\"allow_overlapping\": \"yes\"}")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("allow_overlapping");
  }

  @Test
  void retryIsWrittenWithUpstreamSnakeCaseKeysAndDoubles() {
    ObjectNode document = TriggerDocuments.toJson(RetryPolicyConfig.defaults());

    assertThat(JsonCodec.write(document)).isEqualTo("{\"max_attempts\":3,\"initial_delay_seconds\":30.0,"
        + "\"backoff_factor\":2.0,\"max_delay_seconds\":300.0,\"jitter_factor\":0.1}");
  }

  @Test
  void retryRoundTripKeepsEveryField() {
    RetryPolicyConfig config = new RetryPolicyConfig(7, 1.5, 3.0, 45.25, 0.5);

    assertThat(TriggerDocuments.retryFromJson(TriggerDocuments.toJson(config))).isEqualTo(config);
  }

  @Test
  void explicitNullMaxDelayMeansNoCap() {
    RetryPolicyConfig uncapped = new RetryPolicyConfig(3, 30.0, 2.0, null, 0.1);

    ObjectNode document = TriggerDocuments.toJson(uncapped);

    assertThat(document.get("max_delay_seconds").isNull()).isTrue();
    assertThat(TriggerDocuments.retryFromJson(document).maxDelaySeconds()).isNull();
  }

  @Test
  void missingMaxDelayTakesTheDefaultCap() {
    assertThat(TriggerDocuments.retryFromJson(parse("{\"max_attempts\": 5}")))
        .isEqualTo(new RetryPolicyConfig(5, 30.0, 2.0, 300.0, 0.1));
  }

  @Test
  void integralRetryFloatsWrittenAsIntegersAreRead() {
    assertThat(TriggerDocuments.retryFromJson(parse("{\"initial_delay_seconds\": 10}")).initialDelaySeconds())
        .isEqualTo(10.0);
  }

  @Test
  void nanFromPythonIsRejectedNamingTheField() {
    assertThatThrownBy(() -> TriggerDocuments.retryFromJson(parse("{\"jitter_factor\": NaN}")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("jitter_factor");
  }
}
