package io.orcheo.persistence.core.chatkit;

import java.util.Locale;

/** The direction of a ChatKit listing. */
public enum SortOrder {
  ASC, DESC;

  /** Upstream's rule: {@code "asc"} in any case is ascending; anything else, {@code null} included, descending. */
  public static SortOrder parse(String value) {
    return value != null && value.toLowerCase(Locale.ROOT).equals("asc") ? ASC : DESC;
  }
}
