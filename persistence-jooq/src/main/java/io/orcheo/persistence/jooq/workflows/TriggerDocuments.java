package io.orcheo.persistence.jooq.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.StorageException;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.workflows.triggers.CronTriggerConfig;
import io.orcheo.persistence.core.workflows.triggers.RateLimitConfig;
import io.orcheo.persistence.core.workflows.triggers.RetryPolicyConfig;
import io.orcheo.persistence.core.workflows.triggers.WebhookTriggerConfig;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trigger configurations as the JSON documents upstream Orcheo stores, so a row written by either side reads on the
 * other.
 *
 * <p>Keys are upstream's snake_case field names. Every field is written, {@code null} included, as pydantic's dump
 * does. {@code start_at} and {@code end_at} are written as UTC with a {@code Z}, as pydantic writes them; on read any
 * ISO-8601 offset is accepted, and a value without one is taken as UTC.
 *
 * <p>Readers are lenient where upstream's evolution needs it: unknown keys are ignored (rows from a newer upstream),
 * a missing key takes upstream's default, and a webhook's {@code secret_header} alias is read as
 * {@code shared_secret_header}. A value of the wrong JSON type, or one the configuration record rejects, fails with a
 * {@link ValidationException} naming the field.
 */
final class TriggerDocuments {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TriggerDocuments() {}

  /** A webhook trigger's document; secrets are written in clear, as upstream stores them. */
  static ObjectNode toJson(WebhookTriggerConfig config) {
    ObjectNode document = JSON.objectNode();
    ArrayNode methods = document.putArray("allowed_methods");
    config.allowedMethods().forEach(methods::add);
    ObjectNode headers = document.putObject("required_headers");
    config.requiredHeaders().forEach(headers::put);
    ObjectNode query = document.putObject("required_query_params");
    config.requiredQueryParams().forEach(query::put);
    document.put("shared_secret_header", config.sharedSecretHeader());
    document.put("shared_secret", config.sharedSecret());
    document.put("hmac_header", config.hmacHeader());
    document.put("hmac_secret", config.hmacSecret());
    document.put("hmac_algorithm", config.hmacAlgorithm());
    document.put("hmac_timestamp_header", config.hmacTimestampHeader());
    document.put("hmac_tolerance_seconds", config.hmacToleranceSeconds());
    RateLimitConfig rateLimit = config.rateLimit();
    if (rateLimit == null) {
      document.putNull("rate_limit");
    } else {
      document.putObject("rate_limit")
          .put("limit", rateLimit.limit())
          .put("interval_seconds", rateLimit.intervalSeconds());
    }
    return document;
  }

  /**
   * Reads a webhook trigger's document.
   *
   * @throws ValidationException if the document is not an object, a field has the wrong type, or the values are
   *     invalid
   */
  static WebhookTriggerConfig webhookFromJson(JsonNode document) {
    JsonNode node = requireObject(document, "webhook trigger");
    return new WebhookTriggerConfig(
        stringList(node, "allowed_methods"),
        stringMap(node, "required_headers"),
        stringMap(node, "required_query_params"),
        sharedSecretHeader(node),
        string(node, "shared_secret"),
        string(node, "hmac_header"),
        string(node, "hmac_secret"),
        string(node, "hmac_algorithm"),
        string(node, "hmac_timestamp_header"),
        integer(node, "hmac_tolerance_seconds", WebhookTriggerConfig.defaults().hmacToleranceSeconds()),
        rateLimit(node));
  }

  /** A cron trigger's document. */
  static ObjectNode toJson(CronTriggerConfig config) {
    ObjectNode document = JSON.objectNode();
    document.put("expression", config.expression());
    document.put("timezone", config.timezone());
    document.put("allow_overlapping", config.allowOverlapping());
    document.put("start_at", format(config.startAt()));
    document.put("end_at", format(config.endAt()));
    return document;
  }

  /**
   * Reads a cron trigger's document.
   *
   * @throws ValidationException if the document is not an object, a field has the wrong type, a boundary is not an
   *     ISO-8601 date-time, or the values are invalid
   */
  static CronTriggerConfig cronFromJson(JsonNode document) {
    JsonNode node = requireObject(document, "cron trigger");
    return new CronTriggerConfig(
        string(node, "expression"),
        string(node, "timezone"),
        bool(node, "allow_overlapping", CronTriggerConfig.defaults().allowOverlapping()),
        instant(node, "start_at"),
        instant(node, "end_at"));
  }

  /** A retry policy's document; the delays and factors are written as JSON doubles, as Python floats are. */
  static ObjectNode toJson(RetryPolicyConfig config) {
    ObjectNode document = JSON.objectNode();
    document.put("max_attempts", config.maxAttempts());
    document.put("initial_delay_seconds", config.initialDelaySeconds());
    document.put("backoff_factor", config.backoffFactor());
    document.put("max_delay_seconds", config.maxDelaySeconds());
    document.put("jitter_factor", config.jitterFactor());
    return document;
  }

  /**
   * Reads a retry policy's document. A missing {@code max_delay_seconds} takes the default cap; an explicit
   * {@code null} means no cap.
   *
   * @throws ValidationException if the document is not an object, a field has the wrong type, or the values are
   *     invalid
   */
  static RetryPolicyConfig retryFromJson(JsonNode document) {
    JsonNode node = requireObject(document, "retry policy");
    RetryPolicyConfig defaults = RetryPolicyConfig.defaults();
    JsonNode maxDelay = node.get("max_delay_seconds");
    return new RetryPolicyConfig(
        integer(node, "max_attempts", defaults.maxAttempts()),
        number(node, "initial_delay_seconds", defaults.initialDelaySeconds()),
        number(node, "backoff_factor", defaults.backoffFactor()),
        maxDelay == null ? defaults.maxDelaySeconds() : nullableNumber(maxDelay, "max_delay_seconds"),
        number(node, "jitter_factor", defaults.jitterFactor()));
  }

  private static JsonNode requireObject(JsonNode document, String what) {
    if (document == null || !document.isObject()) {
      throw new ValidationException("A " + what + " document must be a JSON object");
    }
    return document;
  }

  /** The field's value, or {@code null} when it is missing or JSON {@code null}. */
  private static JsonNode value(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  private static String string(JsonNode node, String field) {
    JsonNode value = value(node, field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw wrongType(field, "a string");
    }
    return value.textValue();
  }

  private static String sharedSecretHeader(JsonNode node) {
    String name = string(node, "shared_secret_header");
    String alias = string(node, "secret_header");
    if (name != null && alias != null && !name.equalsIgnoreCase(alias)) {
      throw new ValidationException(
          "shared_secret_header ('" + name + "') and its alias secret_header ('" + alias + "') disagree");
    }
    return name != null ? name : alias;
  }

  private static int integer(JsonNode node, String field, int missing) {
    return integer(node, field, field, missing);
  }

  /** Reads {@code field} of {@code node}, naming it {@code label} in errors. */
  private static int integer(JsonNode node, String field, String label, int missing) {
    JsonNode value = value(node, field);
    if (value == null) {
      return missing;
    }
    // Python writes whole floats as 300.0; pydantic accepts them for int fields, so they are read too.
    if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToInt()) {
      throw wrongType(label, "an integer");
    }
    return value.intValue();
  }

  private static double number(JsonNode node, String field, double missing) {
    JsonNode value = value(node, field);
    return value == null ? missing : nullableNumber(value, field);
  }

  private static Double nullableNumber(JsonNode value, String field) {
    if (value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw wrongType(field, "a number");
    }
    return value.doubleValue();
  }

  private static boolean bool(JsonNode node, String field, boolean missing) {
    JsonNode value = value(node, field);
    if (value == null) {
      return missing;
    }
    if (!value.isBoolean()) {
      throw wrongType(field, "true or false");
    }
    return value.booleanValue();
  }

  private static List<String> stringList(JsonNode node, String field) {
    JsonNode value = value(node, field);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      throw wrongType(field, "an array of strings");
    }
    List<String> items = new ArrayList<>(value.size());
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw wrongType(field, "an array of strings");
      }
      items.add(item.textValue());
    }
    return items;
  }

  private static Map<String, String> stringMap(JsonNode node, String field) {
    JsonNode value = value(node, field);
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      throw wrongType(field, "an object of strings");
    }
    Map<String, String> entries = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      if (!entry.getValue().isTextual()) {
        throw wrongType(field + "." + entry.getKey(), "a string");
      }
      entries.put(entry.getKey(), entry.getValue().textValue());
    }
    return entries;
  }

  private static RateLimitConfig rateLimit(JsonNode node) {
    JsonNode value = value(node, "rate_limit");
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      throw wrongType("rate_limit", "an object");
    }
    RateLimitConfig defaults = RateLimitConfig.defaults();
    return new RateLimitConfig(
        integer(value, "limit", "rate_limit.limit", defaults.limit()),
        integer(value, "interval_seconds", "rate_limit.interval_seconds", defaults.intervalSeconds()));
  }

  private static Instant instant(JsonNode node, String field) {
    String text = string(node, field);
    if (text == null) {
      return null;
    }
    try {
      return UpstreamTimestamps.parse(text);
    } catch (StorageException e) {
      throw new ValidationException(field + " ('" + text + "') is not an ISO-8601 date-time", e);
    }
  }

  private static String format(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static ValidationException wrongType(String field, String expected) {
    return new ValidationException(field + " must be " + expected);
  }
}
