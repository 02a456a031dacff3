package io.orcheo.persistence.it.chatkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads stored ChatKit rows the way upstream Orcheo does: {@code json.loads} of the column, then validation against
 * ChatKit's pydantic models (only the fields those models require, with the types they require). A row this class
 * accepts is one upstream's store can load; an assertion error names what upstream would reject.
 */
final class UpstreamChatkitReader {
  /** A timestamp column as upstream writes it: {@code isoformat()} of a UTC value, six fraction digits or none. */
  static final Pattern COLUMN_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00");
  /** A timestamp inside a pydantic JSON dump: {@code Z}, six fraction digits or none. */
  static final Pattern JSON_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TASK_TYPES = Set.of("custom", "web_search", "thought", "file", "image");

  private UpstreamChatkitReader() {}

  /** {@code json.loads}: the text must be one JSON value. */
  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("upstream's json.loads would fail on: " + text, e);
    }
  }

  /**
   * The checks of upstream's {@code _row_to_item}: the document is an object; {@code id}, {@code thread_id} and
   * {@code created_at} (where present; upstream defaults them from the columns) are strings, the time an ISO
   * timestamp; then the item model of its {@code type} must validate.
   */
  static void requireItem(JsonNode item) {
    assertThat(item.isObject()).as("item is an object: %s", item).isTrue();
    requireString(item, "id");
    requireString(item, "thread_id");
    assertThat(requireString(item, "created_at")).as("created_at of %s", item).matches(JSON_TIME);
    String type = requireString(item, "type");
    switch (type) {
      case "user_message" -> {
        requireArray(item, "content").forEach(UpstreamChatkitReader::requireUserContent);
        optionalArray(item, "attachments").forEach(UpstreamChatkitReader::requireAttachment);
        requireStringOrNull(item, "quoted_text");
        JsonNode options = requireObject(item, "inference_options");
        JsonNode tool = options.get("tool_choice");
        if (tool != null && !tool.isNull()) {
          requireString(tool, "id");
        }
        requireStringOrNull(options, "model");
      }
      case "assistant_message" -> requireArray(item, "content").forEach(part -> {
        requireString(part, "text");
        assertThat(part.path("type").asText("output_text")).isEqualTo("output_text");
        optionalArray(part, "annotations").forEach(annotation -> requireObject(annotation, "source"));
      });
      case "client_tool_call" -> {
        requireString(item, "call_id");
        requireString(item, "name");
        requireObject(item, "arguments");
        assertThat(item.path("status").asText("pending")).isIn("pending", "completed");
      }
      case "widget" -> {
        JsonNode widget = requireObject(item, "widget");
        requireString(widget, "type");
        requireStringOrNull(item, "copy_text");
      }
      case "task" -> requireTask(requireObject(item, "task"));
      case "workflow" -> {
        JsonNode workflow = requireObject(item, "workflow");
        assertThat(requireString(workflow, "type")).isIn("custom", "reasoning");
        requireArray(workflow, "tasks").forEach(UpstreamChatkitReader::requireTask);
      }
      case "hidden_context_item" -> assertThat(item.has("content")).as("content of %s", item).isTrue();
      case "sdk_hidden_context" -> requireString(item, "content");
      case "end_of_turn" -> { }
      default -> throw new AssertionError("upstream knows no item type " + type);
    }
  }

  /** ChatKit's attachment models: a file, or an image with a preview URL. */
  static void requireAttachment(JsonNode attachment) {
    requireString(attachment, "id");
    requireString(attachment, "name");
    requireString(attachment, "mime_type");
    requireStringOrNull(attachment, "upload_url");
    String type = requireString(attachment, "type");
    assertThat(type).isIn("file", "image");
    if (type.equals("image")) {
      requireString(attachment, "preview_url");
    }
  }

  /** ChatKit's thread status models. */
  static void requireStatus(JsonNode status) {
    assertThat(requireString(status, "type")).isIn("active", "locked", "closed");
    requireStringOrNull(status, "reason");
  }

  private static void requireUserContent(JsonNode part) {
    String type = requireString(part, "type");
    requireString(part, "text");
    if (type.equals("input_tag")) {
      requireString(part, "id");
      requireObject(part, "data");
    } else {
      assertThat(type).isEqualTo("input_text");
    }
  }

  private static void requireTask(JsonNode task) {
    String type = task.path("type").asText("custom");
    assertThat(type).isIn(TASK_TYPES);
    if (type.equals("thought")) {
      requireString(task, "content");
    }
  }

  private static String requireString(JsonNode node, String field) {
    JsonNode value = node.get(field);
    assertThat(value != null && value.isTextual()).as("%s is a string in %s", field, node).isTrue();
    return value.textValue();
  }

  private static void requireStringOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    assertThat(value == null || value.isNull() || value.isTextual()).as("%s is a string or null in %s", field, node)
        .isTrue();
  }

  private static JsonNode requireObject(JsonNode node, String field) {
    JsonNode value = node.get(field);
    assertThat(value != null && value.isObject()).as("%s is an object in %s", field, node).isTrue();
    return value;
  }

  private static List<JsonNode> requireArray(JsonNode node, String field) {
    JsonNode value = node.get(field);
    assertThat(value != null && value.isArray()).as("%s is an array in %s", field, node).isTrue();
    List<JsonNode> elements = new ArrayList<>();
    value.forEach(elements::add);
    return elements;
  }

  private static List<JsonNode> optionalArray(JsonNode node, String field) {
    return node.has(field) ? requireArray(node, field) : List.of();
  }
}
