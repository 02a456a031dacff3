package io.orcheo.persistence.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading PostgreSQL's {@code EXPLAIN (FORMAT JSON)} output in plan tests. */
public final class PostgresPlan {
  private PostgresPlan() {}

  /** Every node of the plan, depth first; fails the test if there is none. */
  public static List<JsonNode> nodes(JsonNode explain) {
    List<JsonNode> nodes = new ArrayList<>();
    collect(explain.get(0).get("Plan"), nodes);
    assertThat(nodes).as("plan nodes of %s", explain).isNotEmpty();
    return nodes;
  }

  /** Rows a node of an {@code ANALYZE}d plan returned plus those its filters removed: what it read. */
  public static long rowsRead(JsonNode node) {
    return node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
        + node.path("Rows Removed by Index Recheck").asLong();
  }

  /** The most rows any node of the plan read. */
  public static long maxRowsRead(List<JsonNode> plan) {
    return plan.stream().mapToLong(PostgresPlan::rowsRead).max().orElse(0);
  }

  /** One line per node (type, index, filter, rows read), for assertion messages. */
  public static List<String> summary(List<JsonNode> plan) {
    return plan.stream().map(node -> node.path("Node Type").asText()
        + (node.has("Index Name") ? " " + node.path("Index Name").asText() : "")
        + (node.has("Filter") ? " [" + node.path("Filter").asText() + "]" : "")
        + ": " + rowsRead(node) + " rows read").toList();
  }

  private static void collect(JsonNode node, List<JsonNode> nodes) {
    nodes.add(node);
    for (JsonNode child : node.path("Plans")) {
      collect(child, nodes);
    }
  }
}
