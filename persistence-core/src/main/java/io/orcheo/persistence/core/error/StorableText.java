package io.orcheo.persistence.core.error;

/**
 * The project's rule for text columns, the same as for JSON documents: a NUL character ({@code \u0000}) is refused
 * on both backends, because PostgreSQL cannot store it and SQLite can; a value SQLite took would otherwise fail
 * halfway through a migration to PostgreSQL. So is a lone UTF-16 surrogate (half of a pair): it has no UTF-8 form,
 * and the drivers would silently store a replacement character instead.
 */
public final class StorableText {
  private StorableText() {}

  /**
   * Returns {@code value}, which may be {@code null}.
   *
   * @param name the field, for the message
   * @throws ValidationException if it holds a NUL character or a lone surrogate
   */
  public static String require(String value, String name) {
    String problem = problem(value);
    if (problem != null) {
      throw new ValidationException(name + " " + problem);
    }
    return value;
  }

  /**
   * What makes {@code value} unstorable, as the end of a sentence ("contains …"), or {@code null} if nothing does.
   */
  public static String problem(String value) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\0') {
        return "contains a NUL character (\\u0000), which PostgreSQL cannot store";
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return String.format("contains a lone UTF-16 surrogate (\\u%04x) at index %d, which has no UTF-8 form", (int) c, i);
      }
    }
    return null;
  }
}
