package io.orcheo.persistence.core.workflows;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Upstream Orcheo's normalisation and validation of a workflow's own fields: name, handle, slug, description, tags.
 *
 * <p>Whitespace is stripped as Python's {@code str.strip()} does and lengths are counted in code points, as upstream
 * counts them. Every rejection is a {@link ValidationException}.
 */
public final class WorkflowFields {
  private static final int NAME_MAX_LENGTH = 128;
  private static final int HANDLE_MAX_LENGTH = 64;
  private static final int DESCRIPTION_MAX_LENGTH = 1024;
  private static final Pattern HANDLE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final Pattern OUTSIDE_SLUG_ALPHABET = Pattern.compile("[^a-z0-9]+");
  /**
   * What Python's {@code uuid.UUID(value)} parses once it has dropped every hyphen, wherever it stood: 32 characters
   * that {@code int(value, 16)} accepts. Its other forms (braces, {@code urn:uuid:}) cannot pass {@link #HANDLE}.
   */
  private static final Pattern PYTHON_UUID_HEX = Pattern.compile("(?:0x)?[0-9a-f]+");
  private static final int PYTHON_UUID_HEX_LENGTH = 32;

  private WorkflowFields() {}

  /**
   * A workflow's display name.
   *
   * @param value the name as given
   * @return the name stripped of surrounding whitespace
   * @throws ValidationException if it is null, empty after stripping, or longer than 128 characters
   */
  public static String name(String value) {
    String name = value == null ? "" : TextRules.strip(value);
    if (name.isEmpty()) {
      throw new ValidationException("Workflow name must not be empty.");
    }
    return TextRules.requireAtMost(name, NAME_MAX_LENGTH, "Workflow name");
  }

  /**
   * A workflow's optional handle: the human-readable reference used in URLs and the CLI.
   *
   * <p>A handle that parses as a UUID is refused because workflow references are resolved as ids first: such a
   * handle could never be reached by its handle.
   *
   * @param value the handle as given, or null for none
   * @return null for null, otherwise the handle stripped and lower-cased
   * @throws ValidationException if it is empty after stripping, longer than 64 characters, not lowercase letters and
   *     digits in groups joined by single hyphens, or something Python's {@code uuid.UUID} would parse
   */
  public static String handle(String value) {
    if (value == null) {
      return null;
    }
    String handle = TextRules.strip(value).toLowerCase(Locale.ROOT);
    if (handle.isEmpty()) {
      throw new ValidationException("Workflow handle must not be empty.");
    }
    int length = TextRules.length(handle);
    if (length > HANDLE_MAX_LENGTH) {
      throw new ValidationException(
          "Workflow handle must be at most " + HANDLE_MAX_LENGTH + " characters long. Got " + length + ".");
    }
    if (!HANDLE.matcher(handle).matches()) {
      throw new ValidationException(
          "Workflow handle must contain only lowercase letters, numbers, and single hyphens. Got '" + handle + "'.");
    }
    if (parsesAsPythonUuid(handle)) {
      throw new ValidationException("Workflow handle must not use a UUID format. Got '" + handle + "'.");
    }
    return handle;
  }

  /**
   * A workflow's slug, derived as upstream derives it.
   *
   * <p>The source is {@code slugOrNull} unless it is null or empty, then {@code name}. It is stripped and lower-cased,
   * every run of characters other than {@code a-z} and {@code 0-9} becomes one hyphen, and hyphens at either end are
   * dropped. When nothing is left, the stripped lower-cased source is kept as it is (so a name without ASCII letters
   * or digits keeps its own characters); when that is empty too, a random UUID is used.
   *
   * @param slugOrNull the slug as given, or null to derive it from {@code name}
   * @param name the workflow's name
   * @return the slug, never empty
   * @throws ValidationException if both {@code slugOrNull} and {@code name} are null or empty
   */
  public static String slug(String slugOrNull, String name) {
    String source = isNullOrEmpty(slugOrNull) ? name : slugOrNull;
    if (isNullOrEmpty(source)) {
      throw new ValidationException("Workflow requires a name or slug to be provided.");
    }
    String lowered = TextRules.strip(source).toLowerCase(Locale.ROOT);
    String slug = trimHyphens(OUTSIDE_SLUG_ALPHABET.matcher(lowered).replaceAll("-"));
    if (!slug.isEmpty()) {
      return slug;
    }
    if (!lowered.isEmpty()) {
      return lowered;
    }
    return UUID.randomUUID().toString();
  }

  /**
   * A workflow's optional description.
   *
   * @param value the description as given, or null
   * @return the description stripped, or null when it is null or empty after stripping
   * @throws ValidationException if it is longer than 1024 characters after stripping
   */
  public static String description(String value) {
    String description = TextRules.stripToNull(value);
    return description == null
        ? null
        : TextRules.requireAtMost(description, DESCRIPTION_MAX_LENGTH, "Workflow description");
  }

  /**
   * A workflow's tags: each stripped and lower-cased, empty ones dropped, duplicates dropped after their first
   * occurrence.
   *
   * @param values the tags as given, or null for none
   * @return the normalised tags in first-occurrence order, unmodifiable
   * @throws ValidationException if a tag is null
   */
  public static List<String> tags(List<String> values) {
    if (values == null) {
      return List.of();
    }
    Set<String> tags = new LinkedHashSet<>();
    for (String value : values) {
      if (value == null) {
        throw new ValidationException("Workflow tags must be strings, got null.");
      }
      String tag = TextRules.strip(value).toLowerCase(Locale.ROOT);
      if (!tag.isEmpty()) {
        tags.add(tag);
      }
    }
    return List.copyOf(tags);
  }

  /** For a value that already matched {@link #HANDLE}: whether Python's {@code uuid.UUID(value)} would accept it. */
  private static boolean parsesAsPythonUuid(String handle) {
    String digits = handle.replace("-", "");
    return digits.length() == PYTHON_UUID_HEX_LENGTH && PYTHON_UUID_HEX.matcher(digits).matches();
  }

  private static boolean isNullOrEmpty(String value) {
    return value == null || value.isEmpty();
  }

  private static String trimHyphens(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) == '-') {
      start++;
    }
    while (end > start && value.charAt(end - 1) == '-') {
      end--;
    }
    return value.substring(start, end);
  }
}
