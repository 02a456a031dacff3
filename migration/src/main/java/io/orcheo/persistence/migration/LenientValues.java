package io.orcheo.persistence.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The readings {@link PreflightFix} may safely put in place of a value PostgreSQL would refuse. */
final class LenientValues {
  /** {@code strftime('%z')}'s offset, {@code +0130}, at the end of a date-time. */
  private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("^(.{11,}[0-9])([+-])([0-9]{2})([0-9]{2})$");
  /** A zone written as its name, {@code … UTC} or {@code …GMT}: both are offset zero, without daylight saving. */
  private static final Pattern UTC_SUFFIX = Pattern.compile("^(.{11,}[0-9])\\s*(?:UTC|GMT)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DATE_ONLY = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");

  private LenientValues() {}

  /**
   * A timestamp {@link UpstreamTimestamps#parse(String)} refuses, in upstream's canonical form, when it has exactly
   * one reading: an offset without its colon ({@code +0130}), a {@code UTC} or {@code GMT} suffix, or a date alone
   * (midnight UTC, as a date-time without an offset is read as UTC). Anything else, Unix epoch numbers included
   * (seconds, milliseconds or microseconds would be a guess), has none. A value the reader already takes is not
   * rewritten: the copy reads it as it is.
   */
  static Optional<String> canonicalTimestamp(String text) {
    String value = text.strip();
    if (parses(value)) {
      return Optional.empty();
    }
    Matcher utc = UTC_SUFFIX.matcher(value);
    Matcher offset = OFFSET_WITHOUT_COLON.matcher(value);
    if (utc.matches()) {
      value = utc.group(1) + "+00:00";
    } else if (offset.matches()) {
      value = offset.group(1) + offset.group(2) + offset.group(3) + ":" + offset.group(4);
    } else if (DATE_ONLY.matcher(value).matches()) {
      value = value + "T00:00:00";
    } else {
      return Optional.empty();
    }
    try {
      return Optional.of(UpstreamTimestamps.format(UpstreamTimestamps.parse(value)));
    } catch (RuntimeException e) {
      // Still not a date-time, or outside years 1 to 9999: no reading to write.
      return Optional.empty();
    }
  }

  private static boolean parses(String value) {
    try {
      UpstreamTimestamps.parse(value);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * A JSON document whose strings or field names hold NUL characters ({@code \u0000} escapes), without them, in
   * compact form. Empty when there is nothing to remove, when the text is not JSON, when removing them would merge two
   * field names (a value would be lost), or when the document holds something else PostgreSQL refuses.
   */
  static Optional<String> withoutNulInStrings(String text) {
    JsonNode document;
    try {
      document = JsonCodec.read(text.strip());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    JsonNode cleaned = withoutNul(document);
    if (cleaned == null || cleaned.equals(document)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JsonCodec.write(cleaned));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The node without NUL characters, or {@code null} if two field names of an object would become one. */
  private static JsonNode withoutNul(JsonNode node) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    if (node.isTextual()) {
      return json.textNode(node.textValue().replace("\u0000", ""));
    }
    if (node.isArray()) {
      ArrayNode array = json.arrayNode(node.size());
      for (JsonNode element : node) {
        JsonNode cleaned = withoutNul(element);
        if (cleaned == null) {
          return null;
        }
        array.add(cleaned);
      }
      return array;
    }
    if (node.isObject()) {
      ObjectNode object = json.objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        JsonNode cleaned = withoutNul(field.getValue());
        String name = field.getKey().replace("\u0000", "");
        if (cleaned == null || object.has(name)) {
          return null;
        }
        object.set(name, cleaned);
      }
      return object;
    }
    return node;
  }
}
