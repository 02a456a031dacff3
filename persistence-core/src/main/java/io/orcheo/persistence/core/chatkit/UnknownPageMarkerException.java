package io.orcheo.persistence.core.chatkit;

import io.orcheo.persistence.core.error.ValidationException;

/**
 * A page request's {@code after} names no thread or item of the listing's scope. Upstream ignores such a marker and
 * starts again from the first page, which shows a client the same elements twice; here it is an error.
 */
public class UnknownPageMarkerException extends ValidationException {
  private static final long serialVersionUID = 1L;
  private final String after;

  /** For the marker {@code after}; {@code scope} says what it was looked for in. */
  public UnknownPageMarkerException(String after, String scope) {
    super("Cannot page after '" + after + "': it is not " + scope);
    this.after = after;
  }

  /** The unknown marker. */
  public String after() {
    return after;
  }
}
