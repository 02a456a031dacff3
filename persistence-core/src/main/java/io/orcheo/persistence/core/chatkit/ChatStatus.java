package io.orcheo.persistence.core.chatkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.StorableText;
import io.orcheo.persistence.core.error.ValidationException;
import java.util.Locale;
import java.util.Objects;

/**
 * A thread's lifecycle state, ChatKit's {@code {"type":"active"}}, {@code {"type":"locked","reason":…}} or
 * {@code {"type":"closed","reason":…}}.
 *
 * @param state active, locked or closed
 * @param reason why it is locked or closed; always {@code null} when active
 */
public record ChatStatus(State state, String reason) {
  /** The status of a new thread. */
  public static final ChatStatus ACTIVE = new ChatStatus(State.ACTIVE, null);

  /** The three states. */
  public enum State {
    ACTIVE, LOCKED, CLOSED;

    /** ChatKit's spelling ({@code "locked"}). */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ChatStatus {
    Objects.requireNonNull(state, "state");
    if (state == State.ACTIVE && reason != null) {
      throw new ValidationException("An active thread has no reason; got '" + reason + "'");
    }
    StorableText.require(reason, "status reason");
  }

  /** Locked, with an optional reason. */
  public static ChatStatus locked(String reason) {
    return new ChatStatus(State.LOCKED, reason);
  }

  /** Closed, with an optional reason. */
  public static ChatStatus closed(String reason) {
    return new ChatStatus(State.CLOSED, reason);
  }

  /**
   * Reads ChatKit's JSON form.
   *
   * @throws ValidationException if the type is missing or unknown, or the reason is not a string
   */
  public static ChatStatus fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new ValidationException("A thread status must be a JSON object, got " + json);
    }
    JsonNode type = json.get("type");
    JsonNode reason = json.get("reason");
    if (reason != null && !reason.isNull() && !reason.isTextual()) {
      throw new ValidationException("A thread status reason must be a string, got " + reason);
    }
    String text = reason == null || reason.isNull() ? null : reason.textValue();
    String name = type == null || !type.isTextual() ? "" : type.textValue();
    switch (name) {
      case "active":
        return ACTIVE;
      case "locked":
        return locked(text);
      case "closed":
        return closed(text);
      default:
        throw new ValidationException(
            "A thread status type must be 'active', 'locked' or 'closed', got " + (type == null ? "none" : type));
    }
  }

  /** ChatKit's JSON form: the reason is written for locked and closed threads, {@code null} when absent. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("type", state.value());
    if (state != State.ACTIVE) {
      json.put("reason", reason);
    }
    return json;
  }
}
