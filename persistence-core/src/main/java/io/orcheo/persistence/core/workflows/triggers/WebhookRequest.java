package io.orcheo.persistence.core.workflows.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A webhook call that the application has already validated (method, headers, signature, rate limit: see
 * {@link WebhookTriggerConfig}); the repository only turns it into a run.
 *
 * @param method the HTTP method
 * @param headers the request headers
 * @param queryParams the query parameters
 * @param body the JSON body, or {@code null}
 * @param sourceIp the caller's address, or {@code null}
 */
public record WebhookRequest(
    String method, Map<String, String> headers, Map<String, String> queryParams, JsonNode body, String sourceIp) {

  public WebhookRequest {
    Objects.requireNonNull(method, "method");
    headers = Map.copyOf(headers == null ? Map.of() : headers);
    queryParams = Map.copyOf(queryParams == null ? Map.of() : queryParams);
    body = body == null ? JsonNodeFactory.instance.nullNode() : body.deepCopy();
  }

  /** A request whose body is not JSON: stored as {@code {"raw": <UTF-8 text>}}, as upstream does with bytes. */
  public static WebhookRequest withRawBody(String method, Map<String, String> headers,
      Map<String, String> queryParams, byte[] body, String sourceIp) {
    JsonNode raw = JsonNodeFactory.instance.objectNode().put("raw", new String(body, StandardCharsets.UTF_8));
    return new WebhookRequest(method, headers, queryParams, raw, sourceIp);
  }

  @Override
  public JsonNode body() {
    return body.deepCopy();
  }
}
