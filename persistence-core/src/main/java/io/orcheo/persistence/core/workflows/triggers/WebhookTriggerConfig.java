package io.orcheo.persistence.core.workflows.triggers;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules an inbound webhook request must satisfy, as upstream Orcheo's {@code WebhookTriggerConfig}.
 *
 * <p>Values are normalised the way upstream normalises them, so a configuration reads back equal whichever side
 * wrote it: methods uppercased, deduplicated and sorted; header names lowercased; the HMAC algorithm trimmed and
 * lowercased. A {@code null} component with an upstream default takes that default; the others stay {@code null}.
 * Messages name the fields by their stored (snake_case) names, which is what a user configured.
 *
 * @param allowedMethods HTTP methods accepted ({@code allowed_methods}); {@code null} means {@code [GET, POST]}
 * @param requiredHeaders headers that must be present with exactly these values ({@code required_headers}), keys
 *     lowercased; {@code null} means none
 * @param requiredQueryParams query parameters that must be present with exactly these values
 *     ({@code required_query_params}); {@code null} means none
 * @param sharedSecretHeader header carrying the shared secret ({@code shared_secret_header}), lowercased; nullable
 * @param sharedSecret the shared secret ({@code shared_secret}); nullable, set together with
 *     {@code sharedSecretHeader}
 * @param hmacHeader header carrying the payload signature ({@code hmac_header}), lowercased; nullable, set together
 *     with {@code hmacSecret}
 * @param hmacSecret key of the payload signature ({@code hmac_secret}); nullable
 * @param hmacAlgorithm a Python {@code hashlib} algorithm name ({@code hmac_algorithm}); {@code null} means
 *     {@code sha256}
 * @param hmacTimestampHeader header carrying the signature's timestamp ({@code hmac_timestamp_header}), lowercased;
 *     nullable
 * @param hmacToleranceSeconds greatest accepted signature age ({@code hmac_tolerance_seconds}), at least 0
 * @param rateLimit request rate limit ({@code rate_limit}); {@code null} means unlimited
 */
public record WebhookTriggerConfig(
    List<String> allowedMethods,
    Map<String, String> requiredHeaders,
    Map<String, String> requiredQueryParams,
    String sharedSecretHeader,
    String sharedSecret,
    String hmacHeader,
    String hmacSecret,
    String hmacAlgorithm,
    String hmacTimestampHeader,
    int hmacToleranceSeconds,
    RateLimitConfig rateLimit) {

  private static final List<String> DEFAULT_METHODS = List.of("GET", "POST");
  private static final String DEFAULT_HMAC_ALGORITHM = "sha256";
  private static final int DEFAULT_HMAC_TOLERANCE_SECONDS = 300;

  /**
   * Python's {@code hashlib.algorithms_guaranteed}, plus the two truncated SHA-512 variants that upstream's
   * OpenSSL-backed {@code algorithms_available} check also lets through, so rows naming them still read.
   */
  private static final Set<String> HMAC_ALGORITHMS = Set.of(
      "md5", "sha1", "sha224", "sha256", "sha384", "sha512",
      "sha3_224", "sha3_256", "sha3_384", "sha3_512",
      "blake2b", "blake2s", "shake_128", "shake_256",
      "sha512_224", "sha512_256");

  private static final String MASK = "***";

  /**
   * Normalises and validates as upstream does.
   *
   * @throws ValidationException if no method is allowed, a method, header or parameter is {@code null}, only one of
   *     a secret and its header is set, the HMAC algorithm is unknown or the tolerance is negative
   */
  public WebhookTriggerConfig {
    allowedMethods = normaliseMethods(allowedMethods);
    requiredHeaders = copy(requiredHeaders, "required_headers", true);
    requiredQueryParams = copy(requiredQueryParams, "required_query_params", false);
    sharedSecretHeader = lowercase(sharedSecretHeader);
    hmacHeader = lowercase(hmacHeader);
    hmacTimestampHeader = lowercase(hmacTimestampHeader);
    hmacAlgorithm = normaliseAlgorithm(hmacAlgorithm);
    if (hmacToleranceSeconds < 0) {
      throw new ValidationException(
          "hmac_tolerance_seconds must be at least 0 (got " + hmacToleranceSeconds + ")");
    }
    // Upstream tests truthiness, so an empty string counts as unset on either side of each pair.
    if (isSet(sharedSecretHeader) && !isSet(sharedSecret)) {
      throw new ValidationException("shared_secret must be provided when shared_secret_header is set");
    }
    if (isSet(sharedSecret) && !isSet(sharedSecretHeader)) {
      throw new ValidationException("shared_secret_header is required when shared_secret is provided");
    }
    if (isSet(hmacHeader) != isSet(hmacSecret)) {
      throw new ValidationException("hmac_header and hmac_secret must be configured together");
    }
  }

  /**
   * Upstream's defaults: {@code GET} and {@code POST}, no required headers or parameters, no secrets, HMAC-SHA256
   * with a 300-second tolerance when a signature is configured, no rate limit.
   *
   * @return the default webhook configuration
   */
  public static WebhookTriggerConfig defaults() {
    return new WebhookTriggerConfig(
        null, null, null, null, null, null, null, null, null, DEFAULT_HMAC_TOLERANCE_SECONDS, null);
  }

  /** Shows every component, with both secrets masked so the text is safe to log. */
  @Override
  public String toString() {
    return "WebhookTriggerConfig[allowedMethods=" + allowedMethods
        + ", requiredHeaders=" + requiredHeaders
        + ", requiredQueryParams=" + requiredQueryParams
        + ", sharedSecretHeader=" + sharedSecretHeader
        + ", sharedSecret=" + mask(sharedSecret)
        + ", hmacHeader=" + hmacHeader
        + ", hmacSecret=" + mask(hmacSecret)
        + ", hmacAlgorithm=" + hmacAlgorithm
        + ", hmacTimestampHeader=" + hmacTimestampHeader
        + ", hmacToleranceSeconds=" + hmacToleranceSeconds
        + ", rateLimit=" + rateLimit + "]";
  }

  private static List<String> normaliseMethods(List<String> methods) {
    if (methods == null) {
      return DEFAULT_METHODS;
    }
    TreeSet<String> normalised = new TreeSet<>();
    for (String method : methods) {
      if (method == null) {
        throw new ValidationException("allowed_methods must not contain null");
      }
      normalised.add(method.toUpperCase(Locale.ROOT));
    }
    if (normalised.isEmpty()) {
      throw new ValidationException("allowed_methods must contain at least one HTTP method");
    }
    return List.copyOf(normalised);
  }

  private static Map<String, String> copy(Map<String, String> values, String field, boolean lowercaseKeys) {
    if (values == null) {
      return Map.of();
    }
    // Insertion order is kept, as in upstream's dicts; a later key that lowercases to an earlier one wins, as there.
    Map<String, String> copy = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      if (key == null || value == null) {
        throw new ValidationException(field + " must not contain null keys or values");
      }
      copy.put(lowercaseKeys ? key.toLowerCase(Locale.ROOT) : key, value);
    });
    return Collections.unmodifiableMap(copy);
  }

  private static String normaliseAlgorithm(String algorithm) {
    if (algorithm == null) {
      return DEFAULT_HMAC_ALGORITHM;
    }
    String candidate = algorithm.strip().toLowerCase(Locale.ROOT);
    if (!HMAC_ALGORITHMS.contains(candidate)) {
      throw new ValidationException("hmac_algorithm '" + algorithm + "' is not a supported hashlib algorithm");
    }
    return candidate;
  }

  private static String lowercase(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  private static boolean isSet(String value) {
    return value != null && !value.isEmpty();
  }

  private static String mask(String secret) {
    return secret == null ? null : MASK;
  }
}
