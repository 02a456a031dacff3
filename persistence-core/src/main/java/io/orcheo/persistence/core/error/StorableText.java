package io.orcheo.persistence.core.error;

/**
 * The project's rule for text columns, the same as for JSON documents: a NUL character ({@code \u0000}) is refused
 * on both backends, because PostgreSQL cannot store it and SQLite can; a value SQLite took would otherwise fail
 * halfway through a migration to PostgreSQL.
 */
public final class StorableText {
  private StorableText() {}

  /**
   * Returns {@code value}, which may be {@code null}.
   *
   * @param name the field, for the message
   * @throws ValidationException if it holds a NUL character
   */
  public static String require(String value, String name) {
    if (value != null && value.indexOf('\0') >= 0) {
      throw new ValidationException(name + " contains a NUL character (\\u0000), which PostgreSQL cannot store");
    }
    return value;
  }
}
