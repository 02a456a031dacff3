package io.orcheo.persistence.core.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.json.JsonContainment;

/**
 * Which histories of a workflow to list.
 *
 * @param metadataContains only histories whose metadata contains this object (PostgreSQL's {@code @>}: every key
 *     present with an equal value, nested objects alike, arrays containing the listed elements), or {@code null} for
 *     all
 */
public record HistoryFilter(ObjectNode metadataContains) {
  public HistoryFilter {
    metadataContains = metadataContains == null ? null : JsonContainment.requireSupported(metadataContains);
  }

  /** Every history of the workflow. */
  public static HistoryFilter all() {
    return new HistoryFilter(null);
  }

  /** Histories whose metadata contains {@code subset}. */
  public static HistoryFilter metadataContains(ObjectNode subset) {
    return new HistoryFilter(subset);
  }
}
