package io.orcheo.persistence.jooq.binding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.orcheo.persistence.core.error.StorableText;
import io.orcheo.persistence.core.error.StorageException;
import io.orcheo.persistence.core.error.ValidationException;
import java.util.Map;

/**
 * How JSON documents become column text and back, identically on both backends.
 *
 * <p>Rules, decided once for the bindings and the migration pre-flight:
 * <ul>
 *   <li><b>NUL</b>: PostgreSQL rejects {@code \u0000} in {@code jsonb} and {@code text}, SQLite accepts it. A document
 *       holding a NUL character in a string or a field name is rejected with a {@link ValidationException} on both
 *       backends, so a value that SQLite accepted can never fail halfway through a migration.</li>
 *   <li><b>Lone surrogates</b>: half of a UTF-16 pair has no UTF-8 form; the drivers would store a replacement
 *       character in its place. Refused the same way ({@link StorableText}).</li>
 *   <li><b>NaN and Infinity</b>: Python's {@code json.dumps} writes them unquoted, so rows upstream wrote may hold
 *       them; we read them, but never write them (PostgreSQL's {@code jsonb} cannot store them).</li>
 *   <li><b>Numbers</b>: integers of any size stay exact ({@code BigInteger} past 64 bits), and {@code -0.0} keeps its
 *       sign.</li>
 * </ul>
 * Spacing is compact; readers parse rather than compare text, so it need not match upstream's byte for byte.
 */
public final class JsonCodec {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private static final ObjectMapper SORTED =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private JsonCodec() {}

  /** The shared mapper: thread-safe and configured as described on the class. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Serializes a document for storage, after {@link #requireStorable(JsonNode)}. */
  public static String write(JsonNode document) {
    requireStorable(document);
    try {
      return MAPPER.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new ValidationException("JSON document cannot be serialized: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * One text for every spelling of an equal document: compact, object keys sorted, so that documents that differ
   * only in key order (which JSON objects do not distinguish) give the same text.
   */
  public static String canonical(JsonNode document) {
    try {
      return SORTED.writeValueAsString(MAPPER.treeToValue(document, Object.class));
    } catch (JsonProcessingException e) {
      throw new ValidationException("JSON document cannot be serialized: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses stored text; a row that is not JSON is a storage problem, not the caller's. */
  public static JsonNode read(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new StorageException("Stored JSON is not valid: " + e.getOriginalMessage(), null, e);
    }
  }

  /**
   * Checks that both backends can store the document.
   *
   * @throws ValidationException naming the JSON path of the first NUL character, lone surrogate or non-finite number
   */
  public static void requireStorable(JsonNode document) {
    check(document, "$");
  }

  private static void check(JsonNode node, String path) {
    if (node.isTextual()) {
      String problem = StorableText.problem(node.textValue());
      if (problem != null) {
        throw new ValidationException("JSON string at " + path + " " + problem);
      }
    } else if (node.isDouble() || node.isFloat()) {
      double value = node.doubleValue();
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new ValidationException("JSON number at " + path + " is " + value + ", which JSON and PostgreSQL cannot store");
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String problem = StorableText.problem(field.getKey());
        if (problem != null) {
          throw new ValidationException("JSON field name under " + path + " " + problem);
        }
        check(field.getValue(), path + "." + field.getKey());
      }
    }
  }
}
