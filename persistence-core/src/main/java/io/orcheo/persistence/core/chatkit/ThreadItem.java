package io.orcheo.persistence.core.chatkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.StorableText;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.json.PydanticTimestamps;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One item of a thread: a message, tool call, widget, workflow, task, hidden context or end-of-turn marker.
 *
 * <p>The item is ChatKit's JSON document ({@link #document()}), kept whole so that fields this library does not
 * model survive a round trip; the record's components are the fields every item has, and the document always agrees
 * with them (the constructor writes {@code id}, {@code thread_id}, {@code created_at} and {@code type} into its
 * copy). {@code created_at} is written as ChatKit's pydantic models write it ({@code 2025-01-02T03:04:05.123456Z}).
 *
 * @param id the item id ({@code msg_…}, {@code tc_…}, …)
 * @param threadId the thread it belongs to
 * @param createdAt when it was created, kept at microsecond precision
 * @param type its kind
 * @param document the whole item as JSON
 */
public record ThreadItem(String id, String threadId, Instant createdAt, ItemType type, ObjectNode document) {

  public ThreadItem {
    if (id == null || id.isBlank()) {
      throw new ValidationException("A thread item id must not be blank");
    }
    if (threadId == null || threadId.isBlank()) {
      throw new ValidationException("Thread item " + id + " has no thread id");
    }
    StorableText.require(id, "thread item id");
    StorableText.require(threadId, "thread id");
    createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
    Objects.requireNonNull(type, "type");
    ObjectNode copy = document == null ? JsonNodeFactory.instance.objectNode() : document.deepCopy();
    JsonNode declared = copy.get("type");
    if (declared != null && !declared.isNull() && !(declared.isTextual() && declared.textValue().equals(type.value()))) {
      throw new ValidationException("Thread item " + id + " is declared " + type.value() + " but its document says "
          + declared);
    }
    // The common fields first, in the order ChatKit's models declare them, then the item's own.
    ObjectNode ordered = JsonNodeFactory.instance.objectNode();
    ordered.put("id", id);
    ordered.put("thread_id", threadId);
    ordered.put("created_at", pydantic(createdAt));
    ordered.put("type", type.value());
    copy.properties().forEach(field -> ordered.putIfAbsent(field.getKey(), field.getValue()));
    document = ordered;
  }

  /**
   * Reads a ChatKit item document: {@code id}, {@code thread_id}, {@code created_at} (ISO-8601 with an offset or
   * {@code Z}; without one it is taken as UTC) and {@code type} must be present.
   *
   * @throws ValidationException if one is missing or malformed, or the type is unknown
   */
  public static ThreadItem fromJson(ObjectNode document) {
    Objects.requireNonNull(document, "document");
    return new ThreadItem(text(document, "id"), text(document, "thread_id"),
        parseTimestamp(text(document, "created_at")), ItemType.fromValue(text(document, "type")), document);
  }

  /** A user message of plain text, with a generated id and no attachments. */
  public static ThreadItem userMessage(String threadId, String text, Instant createdAt) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.putArray("content").addObject().put("type", "input_text").put("text", text);
    document.putArray("attachments");
    document.putNull("quoted_text");
    document.putObject("inference_options").putNull("tool_choice").putNull("model");
    return new ThreadItem(ChatIds.generate(ChatIds.MESSAGE), threadId, createdAt, ItemType.USER_MESSAGE, document);
  }

  /** An assistant message of plain text, with a generated id and no annotations. */
  public static ThreadItem assistantMessage(String threadId, String text, Instant createdAt) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    ObjectNode part = document.putArray("content").addObject();
    part.putArray("annotations");
    part.put("text", text);
    part.put("type", "output_text");
    return new ThreadItem(ChatIds.generate(ChatIds.MESSAGE), threadId, createdAt, ItemType.ASSISTANT_MESSAGE,
        document);
  }

  /** The document, as a copy the caller may change. */
  @Override
  public ObjectNode document() {
    return document.deepCopy();
  }

  /** This item, moved to another thread. */
  public ThreadItem withThreadId(String newThreadId) {
    return new ThreadItem(id, newThreadId, createdAt, type, document);
  }

  /** This item with another document; the record's components are written into it. */
  public ThreadItem withDocument(ObjectNode newDocument) {
    return new ThreadItem(id, threadId, createdAt, type, newDocument);
  }

  /**
   * The text {@link ChatStore#searchItems} searches: for user and assistant messages, the {@code text} of every
   * entry of {@code content} and a user message's {@code quoted_text}, one per line; empty for other kinds.
   */
  public String searchableText() {
    if (!type.isSearched()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    JsonNode content = document.get("content");
    if (content instanceof ArrayNode entries) {
      for (JsonNode entry : entries) {
        JsonNode text = entry.get("text");
        if (entry.isObject() && text != null && text.isTextual()) {
          parts.add(text.textValue());
        }
      }
    }
    JsonNode quoted = document.get("quoted_text");
    if (quoted != null && quoted.isTextual()) {
      parts.add(quoted.textValue());
    }
    return String.join("\n", parts);
  }

  /** ChatKit's pydantic form of a timestamp: UTC with {@code Z}, microseconds only when not zero. */
  public static String pydantic(Instant instant) {
    return PydanticTimestamps.format(instant);
  }

  /**
   * Parses an ISO-8601 timestamp as upstream does: with an offset or {@code Z}, or without one (taken as UTC).
   *
   * @throws ValidationException if it is not one
   */
  public static Instant parseTimestamp(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new ValidationException("'" + text + "' is not an ISO-8601 timestamp", e);
      }
    }
  }

  private static String text(ObjectNode document, String field) {
    JsonNode value = document.get(field);
    if (value == null || !value.isTextual()) {
      throw new ValidationException("A thread item document needs a string '" + field + "', got " + value);
    }
    return value.textValue();
  }
}
