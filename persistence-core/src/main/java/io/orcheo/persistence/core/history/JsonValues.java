package io.orcheo.persistence.core.history;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.orcheo.persistence.core.error.ValidationException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns any Java value into the JSON document the run-history store keeps: step payloads, inputs, runnable configs,
 * callbacks and metadata.
 *
 * <p>Upstream Orcheo normalises every such value with {@code normalize_json_value} / {@code normalize_json_mapping}
 * before storing it, and upstream reads these documents back as plain JSON. Both of our backends store the document
 * this class returns, so a history written here reads the same in upstream and on either backend. The rules are the
 * Java counterparts of upstream's:
 *
 * <ul>
 *   <li>{@code null} becomes JSON null; strings and booleans pass through; integers stay exact at any size, each as
 *       the node type Jackson reads the stored number back as; {@code double} and {@code float} become JSON numbers,
 *       {@code -0.0} keeping its sign.
 *   <li>Date-times, dates and times become Python {@code isoformat()} text: seconds always, a six-digit fraction only
 *       when the microseconds are not zero (finer digits are cut off), an offset as {@code +HH:MM} with UTC written
 *       {@code +00:00}. An {@link Instant} is written in UTC; local values have no offset.
 *   <li>{@link BigDecimal}, {@link UUID}, {@link Path} and {@link URI} become their text; a {@code byte[]} becomes
 *       its UTF-8 text, each malformed part replaced by U+FFFD as Python's {@code errors="replace"} does.
 *   <li>A {@link Valued} value becomes its {@link Valued#value()}; another enum constant its {@link Enum#name()}.
 *   <li>A {@link Map} becomes an object keyed by {@code String.valueOf(key)}; a {@link Collection} or an array
 *       becomes an array; an {@link Optional} its value or null; a record an object of its components; a
 *       {@link JsonNode} a copy of itself, checked like any other value.
 *   <li>Anything else becomes its {@code toString()}, Python's {@code str(obj)}.
 *   <li>A container met again inside itself becomes the text {@code "<recursive>"}. Only a real cycle counts: a value
 *       shared by two branches is written in both, as upstream does.
 * </ul>
 *
 * <p>Two kinds of value upstream would store are rejected with a {@link ValidationException} naming where they are
 * (e.g. {@code $.metrics.loss}), because PostgreSQL refuses them: NaN and infinities, which Python writes as the bare
 * words {@code NaN} and {@code Infinity} that are not JSON; and text with a NUL character. Containers nested more
 * than 500 deep are rejected too; upstream cannot normalise them either (it fails with a {@code RecursionError} at
 * about 330 levels).
 */
public final class JsonValues {
  /**
   * The deepest nesting accepted. Upstream never stores deeper documents: its normaliser takes at least three Python
   * frames a level, so Python's default recursion limit of 1,000 stops it at about 330 levels. Half of Jackson's
   * default read limit (1,000), so stored documents read back, and shallow enough for this recursive walk to fit in a
   * 512 KiB thread stack (700 levels were measured to fit) instead of failing with a StackOverflowError.
   */
  private static final int MAX_DEPTH = 500;

  private static final String RECURSIVE = "<recursive>";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private JsonValues() {}

  /**
   * A value stored as a text other than its {@code toString()}: the counterpart of a Python {@code Enum}'s
   * {@code value}, for enums whose stored value differs from their constant name.
   */
  public interface Valued {
    /**
     * The text to store.
     *
     * @return the stored value, e.g. {@code "running"} for a constant named {@code RUNNING}
     */
    String value();
  }

  /**
   * Normalises {@code value} to a JSON tree by the rules in the class description.
   *
   * @param value any value, or null
   * @return a new tree that shares no mutable node with {@code value}
   * @throws ValidationException for a NaN or infinite number, text with a NUL character or a record component that
   *     cannot be read, each named by its path; or for containers nested more than 500 deep
   */
  public static JsonNode normalize(Object value) {
    return new Walk().convert(value, Location.ROOT);
  }

  /**
   * Normalises {@code value} to a JSON object, as upstream's {@code normalize_json_mapping}: an object stays as it
   * is, null becomes {@code {}}, and any other value is wrapped as {@code {"value": …}}.
   *
   * @param value any value, or null
   * @return a new JSON object
   * @throws ValidationException as {@link #normalize}
   */
  public static ObjectNode normalizeMapping(Object value) {
    if (value == null) {
      return NODES.objectNode();
    }
    JsonNode normalized = normalize(value);
    if (normalized instanceof ObjectNode object) {
      return object;
    }
    ObjectNode wrapped = NODES.objectNode();
    wrapped.set("value", normalized);
    return wrapped;
  }

  /** One conversion: the containers on the way from the root to the current value, to spot cycles and depth. */
  private static final class Walk {
    private final Set<Object> open = Collections.newSetFromMap(new IdentityHashMap<>());

    JsonNode convert(Object value, Location at) {
      if (value == null) {
        return NODES.nullNode();
      }
      JsonNode scalar = scalar(value, at);
      if (scalar != null) {
        return scalar;
      }
      if (!isContainer(value)) {
        return text(value.toString(), at);
      }
      if (open.contains(value)) {
        return NODES.textNode(RECURSIVE);
      }
      if (open.size() >= MAX_DEPTH) {
        throw new ValidationException(
            "The value nests containers more than " + MAX_DEPTH + " deep, deeper than a stored document may be");
      }
      open.add(value);
      try {
        return container(value, at);
      } finally {
        // Only ancestors count: a value shared by two branches is not a cycle, and upstream writes it twice.
        open.remove(value);
      }
    }

    private static boolean isContainer(Object value) {
      return (value instanceof JsonNode node && node.isContainerNode())
          || value instanceof POJONode
          || value instanceof Map
          || value instanceof Collection
          || value.getClass().isArray()
          || value instanceof Optional
          || value.getClass().isRecord();
    }

    private JsonNode container(Object value, Location at) {
      if (value instanceof ObjectNode object) {
        ObjectNode result = NODES.objectNode();
        object.properties().forEach(e -> put(result, e.getKey(), e.getValue(), at));
        return result;
      }
      if (value instanceof ArrayNode array) {
        return array(array.iterator(), at);
      }
      if (value instanceof POJONode pojo) {
        return convert(pojo.getPojo(), at);
      }
      if (value instanceof Map<?, ?> map) {
        ObjectNode result = NODES.objectNode();
        map.forEach((key, item) -> put(result, String.valueOf(key), item, at));
        return result;
      }
      if (value instanceof Collection<?> collection) {
        return array(collection.iterator(), at);
      }
      if (value instanceof Optional<?> optional) {
        return convert(optional.orElse(null), at);
      }
      if (value.getClass().isArray()) {
        ArrayNode result = NODES.arrayNode();
        for (int i = 0; i < Array.getLength(value); i++) {
          result.add(convert(Array.get(value, i), at.index(i)));
        }
        return result;
      }
      return record(value, at);
    }

    private void put(ObjectNode result, String key, Object item, Location at) {
      Location child = at.key(key);
      requireNoNul(key, child);
      result.set(key, convert(item, child));
    }

    private ArrayNode array(Iterator<?> items, Location at) {
      ArrayNode result = NODES.arrayNode();
      for (int i = 0; items.hasNext(); i++) {
        result.add(convert(items.next(), at.index(i)));
      }
      return result;
    }

    private ObjectNode record(Object value, Location at) {
      ObjectNode result = NODES.objectNode();
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        put(result, component.getName(), read(value, component, at), at);
      }
      return result;
    }

    private static Object read(Object value, RecordComponent component, Location at) {
      Method accessor = component.getAccessor();
      try {
        // A record declared private or package-private has accessors that reflection may not call as they are.
        accessor.setAccessible(true);
        return accessor.invoke(value);
      } catch (InvocationTargetException e) {
        throw new ValidationException(
            "Reading " + at.key(component.getName()) + " failed: " + e.getCause(), e.getCause());
      } catch (ReflectiveOperationException | RuntimeException e) {
        // A record in a module that does not open its package to us cannot be read.
        throw new ValidationException("Cannot read " + at.key(component.getName()) + ": " + e, e);
      }
    }
  }

  /** The node for a value that holds no other value, or null when {@code value} is not one. */
  private static JsonNode scalar(Object value, Location at) {
    // A POJONode holds any Java value, which is converted like one; every other node but a container is a value.
    if (value instanceof JsonNode node && !node.isContainerNode() && !(node instanceof POJONode)) {
      return jsonValue(node, at);
    }
    if (value instanceof String text) {
      return text(text, at);
    }
    if (value instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return integer(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return integer(big);
    }
    if (value instanceof Double number) {
      return finite(number, at);
    }
    if (value instanceof Float number) {
      // Float.toString gives the shortest decimal that identifies the float, i.e. what the caller wrote (0.1f is
      // stored as 0.1); widening it instead would store its binary error (0.10000000149011612).
      return finite(Double.parseDouble(number.toString()), at);
    }
    if (value instanceof BigDecimal decimal) {
      // toString is Python's str(Decimal): both follow the General Decimal Arithmetic to-scientific-string rule
      // (1E+2, 1.50, 1E-7), where toPlainString would write 100 and 0.0000001.
      return NODES.textNode(decimal.toString());
    }
    if (value instanceof byte[] bytes) {
      return text(Utf8.decode(bytes), at);
    }
    JsonNode time = temporal(value);
    if (time != null) {
      return time;
    }
    if (value instanceof UUID || value instanceof Path || value instanceof URI) {
      return text(value.toString(), at);
    }
    if (value instanceof Valued valued) {
      return text(valued.value(), at);
    }
    if (value instanceof Enum<?> constant) {
      return text(constant.name(), at);
    }
    return null;
  }

  /** A JSON value node checked like any other value; value nodes are immutable, so they are kept, not copied. */
  private static JsonNode jsonValue(JsonNode node, Location at) {
    if (node.isTextual()) {
      return text(node.textValue(), at);
    }
    if (node.isFloatingPointNumber() && !node.isBigDecimal()) {
      finite(node.doubleValue(), at);
    }
    if (node instanceof BinaryNode binary) {
      // Jackson would write it as base64; the byte[] rule keeps it the same as the bytes it holds.
      return text(Utf8.decode(binary.binaryValue()), at);
    }
    if (node.isMissingNode()) {
      return NODES.nullNode();
    }
    return node;
  }

  private static JsonNode integer(long value) {
    // Jackson reads a stored integer back as an IntNode when it fits in an int, and JsonNode equality tells the
    // node types apart, so the normalised tree equals the tree read back from the stored text.
    return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
  }

  private static JsonNode integer(BigInteger value) {
    if (value.compareTo(INT_MIN) >= 0 && value.compareTo(INT_MAX) <= 0) {
      return NODES.numberNode(value.intValue());
    }
    if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
      return NODES.numberNode(value.longValue());
    }
    return NODES.numberNode(value);
  }

  private static JsonNode finite(double value, Location at) {
    if (!Double.isFinite(value)) {
      throw new ValidationException(
          "The number at " + at + " is " + value + ", which JSON cannot store (PostgreSQL jsonb refuses it)");
    }
    return NODES.numberNode(value);
  }

  private static JsonNode text(String value, Location at) {
    requireNoNul(value, at);
    return NODES.textNode(value);
  }

  private static void requireNoNul(String value, Location at) {
    if (value.indexOf('\0') >= 0) {
      throw new ValidationException(
          "The text at " + at + " contains a NUL character (\\u0000), which PostgreSQL cannot store");
    }
  }

  /** Python's {@code isoformat()} of the matching {@code datetime}, {@code date} or {@code time}, or null. */
  private static JsonNode temporal(Object value) {
    String iso;
    if (value instanceof Instant instant) {
      iso = dateTime(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + offset(ZoneOffset.UTC);
    } else if (value instanceof OffsetDateTime dateTime) {
      iso = dateTime(dateTime.toLocalDateTime()) + offset(dateTime.getOffset());
    } else if (value instanceof ZonedDateTime dateTime) {
      // Python writes only the offset of a zoned datetime, never the zone's name.
      iso = dateTime(dateTime.toLocalDateTime()) + offset(dateTime.getOffset());
    } else if (value instanceof LocalDateTime dateTime) {
      iso = dateTime(dateTime);
    } else if (value instanceof LocalDate date) {
      iso = date.toString();
    } else if (value instanceof OffsetTime time) {
      iso = time(time.toLocalTime()) + offset(time.getOffset());
    } else if (value instanceof LocalTime time) {
      iso = time(time);
    } else {
      return null;
    }
    return NODES.textNode(iso);
  }

  private static String dateTime(LocalDateTime value) {
    return value.toLocalDate() + "T" + time(value.toLocalTime());
  }

  private static String time(LocalTime value) {
    // Unlike LocalTime.toString, Python always writes the seconds and writes the fraction as six digits or not at
    // all; it holds microseconds, so finer digits are cut off.
    String seconds =
        String.format(Locale.ROOT, "%02d:%02d:%02d", value.getHour(), value.getMinute(), value.getSecond());
    int micros = value.getNano() / 1000;
    return micros == 0 ? seconds : seconds + String.format(Locale.ROOT, ".%06d", micros);
  }

  private static String offset(ZoneOffset offset) {
    // ZoneOffset writes UTC as "Z"; Python writes "+00:00". Other offsets are written alike ("+02:00", "+05:30:15").
    return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
  }

  /**
   * Python's {@code bytes.decode("utf-8", errors="replace")}.
   *
   * <p>Java's decoder replaces some malformed sequences differently: it turns an encoded surrogate such as
   * {@code ED A0 80} into one U+FFFD where Python writes three. This one follows the Unicode Standard's "maximal
   * subpart" practice (§3.9, Table 3-7), as Python does: a well-formed prefix of a sequence that is cut short becomes
   * one U+FFFD, and every other malformed byte its own.
   */
  static final class Utf8 {
    private static final char REPLACEMENT = '\uFFFD';

    private Utf8() {}

    static String decode(byte[] bytes) {
      StringBuilder text = new StringBuilder(bytes.length);
      int i = 0;
      while (i < bytes.length) {
        int lead = bytes[i] & 0xFF;
        if (lead < 0x80) {
          text.append((char) lead);
          i++;
          continue;
        }
        int continuations;
        // The allowed range of the second byte, which rules out overlong forms, surrogates and code points past
        // U+10FFFF; later bytes are always 80..BF.
        int low = 0x80;
        int high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
          continuations = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
          continuations = 2;
          low = lead == 0xE0 ? 0xA0 : 0x80;
          high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
          continuations = 3;
          low = lead == 0xF0 ? 0x90 : 0x80;
          high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
          text.append(REPLACEMENT);
          i++;
          continue;
        }
        int codePoint = lead & (0x3F >> continuations);
        int next = i + 1;
        int read = 0;
        while (read < continuations && next < bytes.length) {
          int b = bytes[next] & 0xFF;
          if (b < low || b > high) {
            break;
          }
          codePoint = (codePoint << 6) | (b & 0x3F);
          low = 0x80;
          high = 0xBF;
          next++;
          read++;
        }
        if (read == continuations) {
          text.appendCodePoint(codePoint);
        } else {
          text.append(REPLACEMENT);
        }
        i = next;
      }
      return text.toString();
    }
  }

  /** Where a value sits in the document, as a JSON path ({@code $.metrics.loss}); rendered only for a message. */
  private static final class Location {
    static final Location ROOT = new Location(null, null, -1);

    private final Location parent;
    private final String key;
    private final int index;

    private Location(Location parent, String key, int index) {
      this.parent = parent;
      this.key = key;
      this.index = index;
    }

    Location key(String name) {
      return new Location(this, name, -1);
    }

    Location index(int position) {
      return new Location(this, null, position);
    }

    @Override
    public String toString() {
      Deque<Location> steps = new ArrayDeque<>();
      for (Location step = this; step.parent != null; step = step.parent) {
        steps.push(step);
      }
      StringBuilder path = new StringBuilder("$");
      for (Location step : steps) {
        if (step.key == null) {
          path.append('[').append(step.index).append(']');
        } else if (PLAIN_KEY.matcher(step.key).matches()) {
          path.append('.').append(step.key);
        } else {
          // Quoted with JSON escapes, so a key with a dot, a quote or a NUL is named unambiguously.
          path.append("[\"").append(JsonStringEncoder.getInstance().quoteAsString(step.key)).append("\"]");
        }
      }
      return path.toString();
    }
  }
}
