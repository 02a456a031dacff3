package io.orcheo.persistence.core.workflows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * The runnable config a new run is created with, and the run columns upstream fills from it.
 *
 * <p>Jackson nodes are mutable, so they are copied on the way in and on the way out: a caller that changes a node
 * it passed or received does not change this value.
 *
 * @param runnableConfig the merged config without its default-valued and null fields, as stored on the run
 * @param tags the run's tags, empty when none
 * @param callbacks the run's callbacks, empty when none
 * @param metadata the run's metadata, empty when none
 * @param runName the run's name, or null
 */
public record MergedRunConfig(
    ObjectNode runnableConfig, List<String> tags, ArrayNode callbacks, ObjectNode metadata, String runName) {

  /**
   * Copies every component.
   *
   * @throws NullPointerException if a component other than {@code runName} is null
   */
  public MergedRunConfig {
    runnableConfig = Objects.requireNonNull(runnableConfig, "runnableConfig").deepCopy();
    tags = List.copyOf(tags);
    callbacks = Objects.requireNonNull(callbacks, "callbacks").deepCopy();
    metadata = Objects.requireNonNull(metadata, "metadata").deepCopy();
  }

  /**
   * The merged config as stored on the run.
   *
   * @return a copy the caller may change
   */
  @Override
  public ObjectNode runnableConfig() {
    return runnableConfig.deepCopy();
  }

  /**
   * The run's callbacks.
   *
   * @return a copy the caller may change
   */
  @Override
  public ArrayNode callbacks() {
    return callbacks.deepCopy();
  }

  /**
   * The run's metadata.
   *
   * @return a copy the caller may change
   */
  @Override
  public ObjectNode metadata() {
    return metadata.deepCopy();
  }
}
