package io.orcheo.persistence.core.chatkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.StorableText;
import io.orcheo.persistence.core.error.ValidationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation (ChatKit's {@code ThreadMetadata}): what the store keeps about a thread apart from its items.
 *
 * @param id the thread id, {@code thr_} and 8 hex characters when {@link #create generated}
 * @param title the title, or {@code null}
 * @param createdAt when the thread was created, kept at microsecond precision as both backends store it
 * @param status active, locked or closed
 * @param metadata arbitrary JSON; {@code metadata.workflow_id} scopes the thread to a workflow
 *     ({@link #workflowId()}). The record holds its own copy.
 */
public record ChatThread(String id, String title, Instant createdAt, ChatStatus status, ObjectNode metadata) {
  public ChatThread {
    if (id == null || id.isBlank()) {
      throw new ValidationException("A thread id must not be blank");
    }
    StorableText.require(id, "thread id");
    StorableText.require(title, "thread title");
    createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
    Objects.requireNonNull(status, "status");
    metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata.deepCopy();
  }

  /** A new active thread with a generated id. */
  public static ChatThread create(String title, ObjectNode metadata, Instant createdAt) {
    return new ChatThread(ChatIds.generate(ChatIds.THREAD), title, createdAt, ChatStatus.ACTIVE, metadata);
  }

  /** The metadata, as a copy the caller may change. */
  @Override
  public ObjectNode metadata() {
    return metadata.deepCopy();
  }

  /**
   * The workflow the thread belongs to: {@code metadata.workflow_id} when it is truthy in Python's sense (not
   * null, false, 0, "" or empty), as text. Upstream copies this into the {@code workflow_id} column that listings
   * are scoped by.
   */
  public Optional<String> workflowId() {
    JsonNode value = metadata.get("workflow_id");
    if (value == null || value.isNull() || value.isMissingNode()) {
      return Optional.empty();
    }
    if (value.isTextual()) {
      return value.textValue().isEmpty() ? Optional.empty() : Optional.of(value.textValue());
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? Optional.of("True") : Optional.empty();
    }
    if (value.isNumber()) {
      return value.decimalValue().signum() == 0 ? Optional.empty() : Optional.of(value.asText());
    }
    return value.isEmpty() ? Optional.empty() : Optional.of(value.toString());
  }

  /** This thread with another title ({@code null} for none). */
  public ChatThread withTitle(String newTitle) {
    return new ChatThread(id, newTitle, createdAt, status, metadata);
  }

  /** This thread with another status. */
  public ChatThread withStatus(ChatStatus newStatus) {
    return new ChatThread(id, title, createdAt, newStatus, metadata);
  }

  /** This thread with other metadata. */
  public ChatThread withMetadata(ObjectNode newMetadata) {
    return new ChatThread(id, title, createdAt, status, newMetadata);
  }
}
