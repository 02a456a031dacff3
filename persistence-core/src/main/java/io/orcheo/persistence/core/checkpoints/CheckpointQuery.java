package io.orcheo.persistence.core.checkpoints;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.json.JsonContainment;

/**
 * Which checkpoints of a workflow {@link AgentensorCheckpointStore#findCheckpoints} returns, and in which order.
 *
 * <p>Without a metric the order is {@code config_version DESC, id DESC}. With one, only checkpoints whose
 * {@code metrics} hold a number under that key take part, ordered by it ({@code DESC} unless ascending), ties by id,
 * optionally bounded ({@code min ≤ value ≤ max}).
 *
 * @param metadataContains only checkpoints whose metadata contains this object (see {@link JsonContainment}), or
 *     {@code null}
 * @param metric a key of {@code metrics} holding a number, for example {@code accuracy}, or {@code null}
 * @param min the smallest value of the metric to include, or {@code null}
 * @param max the largest value of the metric to include, or {@code null}
 * @param ascending order by the metric ascending (for a loss), instead of descending
 */
public record CheckpointQuery(ObjectNode metadataContains, String metric, Double min, Double max, boolean ascending) {
  public CheckpointQuery {
    metadataContains = metadataContains == null ? null : JsonContainment.requireSupported(metadataContains);
    if (metric != null) {
      JsonContainment.requireKey(metric);
    }
    if (metric == null && (min != null || max != null || ascending)) {
      throw new ValidationException("min, max and ascending apply to a metric; name one");
    }
    if (min != null && !Double.isFinite(min) || max != null && !Double.isFinite(max)) {
      throw new ValidationException("metric bounds must be finite numbers");
    }
    if (min != null && max != null && min > max) {
      throw new ValidationException("min (" + min + ") must not exceed max (" + max + ")");
    }
  }

  /** Every checkpoint, by version. */
  public static CheckpointQuery all() {
    return new CheckpointQuery(null, null, null, null, false);
  }

  /** Checkpoints by {@code metric}, highest first. */
  public static CheckpointQuery byMetric(String metric) {
    return new CheckpointQuery(null, metric, null, null, false);
  }

  /** This query with a metadata containment filter. */
  public CheckpointQuery withMetadataContaining(ObjectNode subset) {
    return new CheckpointQuery(subset, metric, min, max, ascending);
  }

  /** This query keeping only metric values of at least {@code min}. */
  public CheckpointQuery atLeast(double min) {
    return new CheckpointQuery(metadataContains, metric, min, max, ascending);
  }

  /** This query keeping only metric values of at most {@code max}. */
  public CheckpointQuery atMost(double max) {
    return new CheckpointQuery(metadataContains, metric, min, max, ascending);
  }

  /** This query ordered by the metric ascending (for a metric where lower is better, such as a loss). */
  public CheckpointQuery lowestFirst() {
    return new CheckpointQuery(metadataContains, metric, min, max, true);
  }
}
