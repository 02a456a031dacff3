package io.orcheo.persistence.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.ValidationException;
import java.util.Iterator;
import java.util.Map;

/**
 * The JSON containment filters both backends evaluate alike: PostgreSQL with {@code jsonb @>}, SQLite with
 * {@code json_extract} and {@code json_each}. A filter is an object whose leaves are scalars (compared by value,
 * numbers numerically), nested objects (matched key by key), or arrays of scalars (every element must be in the
 * stored array). Arrays of objects or arrays would need PostgreSQL's full recursive semantics, which SQLite's
 * functions cannot express in one predicate, so they are refused on both backends alike; so are keys holding a
 * double quote or a backslash, which a SQLite JSON path cannot name, and integers beyond 64 bits, which SQLite reads
 * as approximate reals.
 */
public final class JsonContainment {
  private JsonContainment() {}

  /**
   * Returns a copy of {@code filter} after checking it has only the supported shapes.
   *
   * @throws ValidationException naming the path of the first unsupported value
   */
  public static ObjectNode requireSupported(ObjectNode filter) {
    check(filter, "$");
    return filter.deepCopy();
  }

  /**
   * Checks that {@code key} can name a JSON field on both backends.
   *
   * @throws ValidationException if it is empty or holds a double quote, a backslash or a NUL character
   */
  public static String requireKey(String key) {
    if (key == null || key.isEmpty() || key.indexOf('"') >= 0 || key.indexOf('\\') >= 0 || key.indexOf('\0') >= 0) {
      throw new ValidationException("JSON key '" + key + "' is not supported in filters: it must be non-empty and"
          + " hold no double quote, backslash or NUL character");
    }
    return key;
  }

  private static void check(JsonNode node, String path) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        requireKey(field.getKey());
        check(field.getValue(), path + "." + field.getKey());
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = node.get(i);
        if (element.isContainerNode()) {
          throw new ValidationException("JSON filter at " + path + " holds an array of objects or arrays; only arrays"
              + " of scalars are supported");
        }
        check(element, path + "[" + i + "]");
      }
    } else if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
      throw new ValidationException("JSON filter at " + path + " contains a NUL character");
    } else if (node.isBigInteger() && !node.canConvertToLong()) {
      throw new ValidationException("JSON filter at " + path + " holds an integer beyond 64 bits, which SQLite's JSON"
          + " functions read as an approximate real and could not match exactly");
    }
  }
}
