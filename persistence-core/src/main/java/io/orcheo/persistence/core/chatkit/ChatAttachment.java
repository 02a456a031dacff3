package io.orcheo.persistence.core.chatkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.StorableText;
import io.orcheo.persistence.core.error.ValidationException;
import java.util.Locale;
import java.util.Objects;

/**
 * A file or image attached to a message: ChatKit's attachment object, kept whole in {@link #document()} (upload
 * and preview URLs included) so that fields this library does not model survive a round trip. The document always
 * agrees with the components.
 *
 * @param id the attachment id ({@code atc_…})
 * @param type file or image
 * @param name the file name shown to users
 * @param mimeType the media type
 * @param document the whole attachment object
 */
public record ChatAttachment(String id, Type type, String name, String mimeType, ObjectNode document) {
  /** ChatKit's two kinds of attachment. */
  public enum Type {
    FILE, IMAGE;

    /** ChatKit's spelling ({@code "file"}). */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind spelled {@code value}.
     *
     * @throws ValidationException unless it is {@code "file"} or {@code "image"}
     */
    public static Type fromValue(String value) {
      if ("file".equals(value)) {
        return FILE;
      }
      if ("image".equals(value)) {
        return IMAGE;
      }
      throw new ValidationException("An attachment type must be 'file' or 'image', got '" + value + "'");
    }
  }

  public ChatAttachment {
    if (id == null || id.isBlank()) {
      throw new ValidationException("An attachment id must not be blank");
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mimeType, "mimeType");
    StorableText.require(id, "attachment id");
    StorableText.require(name, "attachment name");
    StorableText.require(mimeType, "attachment mime type");
    ObjectNode copy = document == null ? JsonNodeFactory.instance.objectNode() : document.deepCopy();
    if (type == Type.IMAGE && !textual(copy.get("preview_url"))) {
      throw new ValidationException("Image attachment " + id + " needs a preview_url");
    }
    // The common fields first, in the order ChatKit's models declare them, then the rest.
    ObjectNode ordered = JsonNodeFactory.instance.objectNode();
    ordered.put("id", id);
    ordered.put("name", name);
    ordered.put("mime_type", mimeType);
    ordered.set("upload_url", copy.has("upload_url") ? copy.get("upload_url") : JsonNodeFactory.instance.nullNode());
    ordered.put("type", type.value());
    copy.properties().forEach(field -> ordered.putIfAbsent(field.getKey(), field.getValue()));
    document = ordered;
  }

  /** A file attachment with no upload URL. */
  public static ChatAttachment file(String id, String name, String mimeType) {
    return new ChatAttachment(id, Type.FILE, name, mimeType, null);
  }

  /** An image attachment shown through {@code previewUrl}. */
  public static ChatAttachment image(String id, String name, String mimeType, String previewUrl) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.put("preview_url", previewUrl);
    return new ChatAttachment(id, Type.IMAGE, name, mimeType, document);
  }

  /**
   * Reads ChatKit's attachment object; {@code id}, {@code type}, {@code name} and {@code mime_type} must be strings.
   *
   * @throws ValidationException if one is missing or the type is unknown
   */
  public static ChatAttachment fromJson(ObjectNode document) {
    Objects.requireNonNull(document, "document");
    return new ChatAttachment(text(document, "id"), Type.fromValue(text(document, "type")), text(document, "name"),
        text(document, "mime_type"), document);
  }

  /** The document, as a copy the caller may change. */
  @Override
  public ObjectNode document() {
    return document.deepCopy();
  }

  private static boolean textual(JsonNode value) {
    return value != null && value.isTextual() && !value.textValue().isEmpty();
  }

  private static String text(ObjectNode document, String field) {
    JsonNode value = document.get(field);
    if (value == null || !value.isTextual()) {
      throw new ValidationException("An attachment document needs a string '" + field + "', got " + value);
    }
    return value.textValue();
  }
}
