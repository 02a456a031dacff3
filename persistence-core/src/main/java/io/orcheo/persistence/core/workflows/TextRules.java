package io.orcheo.persistence.core.workflows;

import io.orcheo.persistence.core.error.ValidationException;

/**
 * Python's {@code str.strip()} and {@code len()}, which upstream's validators use and Java's counterparts do not
 * match: Python also strips U+0085, U+00A0, U+2007 and U+202F, which {@link String#strip()} keeps, and counts code
 * points where {@link String#length()} counts UTF-16 units. Matching them keeps the values upstream accepts accepted
 * here, and stored in the same form.
 */
final class TextRules {
  private TextRules() {}

  /** {@code value} without leading and trailing characters that Python's {@code str.isspace()} accepts. */
  static String strip(String value) {
    int start = 0;
    int end = value.length();
    // Every Python whitespace character is in the Basic Multilingual Plane, so a char-wise scan is exact.
    while (start < end && isPythonSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isPythonSpace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  /** Stripped, or null when nothing is left: upstream's handling of optional text. */
  static String stripToNull(String value) {
    if (value == null) {
      return null;
    }
    String stripped = strip(value);
    return stripped.isEmpty() ? null : stripped;
  }

  /** The length Python's {@code len()} reports, which pydantic's {@code max_length} compares. */
  static int length(String value) {
    return value.codePointCount(0, value.length());
  }

  /**
   * Rejects text longer than {@code max} code points.
   *
   * @param what the field as the message names it, e.g. "Workflow name"
   * @return {@code value}, unchanged
   */
  static String requireAtMost(String value, int max, String what) {
    int length = length(value);
    if (length > max) {
      // Worded after pydantic's "String should have at most N characters", naming the field instead.
      throw new ValidationException(what + " should have at most " + max + " characters (got " + length + ").");
    }
    return value;
  }

  private static boolean isPythonSpace(char c) {
    return Character.isWhitespace(c) || c == '\u0085' || c == '\u00a0' || c == '\u2007' || c == '\u202f';
  }
}
