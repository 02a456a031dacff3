package io.orcheo.persistence.core.workflows;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Who may open an unpublished workflow's draft, with upstream's stored values. */
public enum DraftAccess {
  /** Only the workflow's owner; upstream's default. */
  PERSONAL("personal"),
  /** Any signed-in user. */
  AUTHENTICATED("authenticated"),
  /** Members of the workflow's workspace. */
  WORKSPACE("workspace");

  private final String value;

  DraftAccess(String value) {
    this.value = value;
  }

  /**
   * The value upstream stores and sends.
   *
   * @return {@code "personal"}, {@code "authenticated"} or {@code "workspace"}
   */
  public String value() {
    return value;
  }

  /**
   * The constant with this stored value; the match is exact, as upstream's enum validation is.
   *
   * @param value a stored value
   * @return the matching constant
   * @throws ValidationException if no constant has that value, naming the allowed ones
   */
  public static DraftAccess fromValue(String value) {
    for (DraftAccess access : values()) {
      if (access.value.equals(value)) {
        return access;
      }
    }
    String allowed = Arrays.stream(values()).map(DraftAccess::value).collect(Collectors.joining(", "));
    throw new ValidationException("Unknown draft access '" + value + "'; expected one of: " + allowed + ".");
  }
}
