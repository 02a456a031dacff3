package io.orcheo.persistence.jooq.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps(obj, sort_keys=True)} with {@code ensure_ascii}, byte for byte, pretty
 * ({@code indent=2}) or compact ({@code separators=(",", ":")}).
 *
 * <p>Upstream Orcheo shows the difference between two workflow versions as a unified diff of each version's graph
 * dumped pretty, and its migration tool writes every exported row compact. Our diffs and exports must be
 * byte-identical to upstream's: key order, string escapes and the spelling of floats all differ between Jackson's
 * writers and Python's, which is why this writer exists at all.
 */
public final class PythonJson {
  private static final String INDENT = "  ";
  /** The depth that marks compact output: no newlines, no indentation, no space after a colon. */
  private static final int COMPACT = -1;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PythonJson() {}

  /** The text Python's {@code json.dumps(obj, indent=2, sort_keys=True)} writes for the same document. */
  public static String dumpsPretty(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, 0, out);
    return out.toString();
  }

  /**
   * The text Python's {@code json.dumps(obj, sort_keys=True, separators=(",", ":"))} writes for the same document:
   * no whitespace at all.
   */
  public static String dumpsCompact(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, COMPACT, out);
    return out.toString();
  }

  private static void write(JsonNode node, int depth, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> writeObject(node, depth, out);
      case ARRAY -> writeArray(node, depth, out);
      case STRING -> writeString(node.textValue(), out);
      // Python reads a JSON number with a fraction or an exponent as a float, so a BigDecimal is written as the
      // double nearest to it.
      case NUMBER -> out.append(node.isIntegralNumber() ? node.bigIntegerValue().toString()
          : floatRepr(node.doubleValue()));
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      case NULL -> out.append("null");
      default -> throw new IllegalArgumentException("Not a JSON value: " + node.getNodeType());
    }
  }

  private static void writeObject(JsonNode node, int depth, StringBuilder out) {
    if (node.isEmpty()) {
      out.append("{}");
      return;
    }
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
    fields.sort((x, y) -> compareCodePoints(x.getKey(), y.getKey()));
    out.append('{');
    String separator = "";
    for (Map.Entry<String, JsonNode> field : fields) {
      out.append(separator);
      newline(deeper(depth), out);
      writeString(field.getKey(), out);
      out.append(depth == COMPACT ? ":" : ": ");
      write(field.getValue(), deeper(depth), out);
      separator = ",";
    }
    newline(depth, out);
    out.append('}');
  }

  private static void writeArray(JsonNode node, int depth, StringBuilder out) {
    if (node.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    String separator = "";
    for (JsonNode element : node) {
      out.append(separator);
      newline(deeper(depth), out);
      write(element, deeper(depth), out);
      separator = ",";
    }
    newline(depth, out);
    out.append(']');
  }

  private static int deeper(int depth) {
    return depth == COMPACT ? COMPACT : depth + 1;
  }

  private static void newline(int depth, StringBuilder out) {
    if (depth != COMPACT) {
      out.append('\n').append(INDENT.repeat(depth));
    }
  }

  /**
   * Python orders {@code str} by code point; {@link String#compareTo} orders UTF-16 units, which puts characters
   * outside the BMP (stored as surrogates, 0xD800-0xDFFF) before those from 0xE000 to 0xFFFF.
   */
  public static int compareCodePoints(String x, String y) {
    int i = 0;
    while (i < x.length() && i < y.length()) {
      int cx = x.codePointAt(i);
      int cy = y.codePointAt(i);
      if (cx != cy) {
        return Integer.compare(cx, cy);
      }
      i += Character.charCount(cx);
    }
    return Integer.compare(x.length(), y.length());
  }

  /**
   * {@code ensure_ascii=True}: only printable ASCII stays raw. Escaping each UTF-16 unit on its own yields exactly
   * Python's surrogate pairs for characters outside the BMP, and DEL (0x7f) is escaped as Python's C encoder does.
   */
  private static void writeString(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c >= ' ' && c <= '~') {
            out.append(c);
          } else {
            out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Python's {@code float.__repr__}: the shortest digits that read back as the same double, in fixed notation when
   * the decimal exponent is in [-4, 16), otherwise in Python's scientific form ({@code 1e-05}, {@code 1.5e+300}).
   * {@link Double#toString} does not do: before JDK 19 it is not always shortest, and its notation differs anyway.
   */
  private static String floatRepr(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortestRoundTrip(value).stripTrailingZeros();
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    if (exponent >= -4 && exponent < 16) {
      String plain = shortest.toPlainString();
      return plain.indexOf('.') >= 0 ? plain : plain + ".0";
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (value < 0 ? "-" : "") + mantissa + "e" + String.format("%+03d", exponent);
  }

  /**
   * The digits David Gay's shortest mode (which Python uses) produces: the fewest significant digits that read back
   * as {@code value} and, when both neighbours at that precision do, the nearer one (ties to even).
   *
   * <p>Trying only the nearest neighbour at each precision is not enough: at a power of two the gap to the double
   * below is half the gap above, so the nearest neighbour can miss while the farther one reads back. 2^-1017 is
   * {@code 7.120236347223045e-307} in Python, but rounding to nearest first succeeds only at 17 digits.
   */
  private static BigDecimal shortestRoundTrip(double value) {
    BigDecimal exact = new BigDecimal(value);
    // 17 significant digits always read back, so the loop ends by then.
    for (int precision = 1; ; precision++) {
      BigDecimal towardZero = exact.round(new MathContext(precision, RoundingMode.DOWN));
      BigDecimal awayFromZero = exact.round(new MathContext(precision, RoundingMode.UP));
      boolean towardZeroReadsBack = towardZero.doubleValue() == value;
      boolean awayFromZeroReadsBack = awayFromZero.doubleValue() == value;
      if (towardZeroReadsBack && awayFromZeroReadsBack) {
        return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      }
      if (towardZeroReadsBack) {
        return towardZero;
      }
      if (awayFromZeroReadsBack) {
        return awayFromZero;
      }
    }
  }
}
