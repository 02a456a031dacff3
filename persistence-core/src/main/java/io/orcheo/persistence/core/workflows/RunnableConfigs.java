package io.orcheo.persistence.core.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Upstream Orcheo's runnable config: its strict validation, and the merge of a version's config with a run's
 * override that happens when a run is created.
 *
 * <p>A runnable config is a JSON object with only these fields, in this order: {@code configurable} (object, default
 * {@code {}}), {@code tags} (array of strings, default {@code []}), {@code metadata} (object, default {@code {}}),
 * {@code callbacks} (array, default {@code []}), {@code run_name} (string or null), {@code recursion_limit} (integer
 * from 1 to 250, or null), {@code max_concurrency} (integer from 1 to 32, or null) and {@code prompts} (object or
 * null). Tags are stripped, blank ones dropped and duplicates dropped case-insensitively, keeping the first
 * spelling; a run name is stripped and a blank one becomes null. Numbers must be JSON integers: upstream's lax
 * coercion of {@code "5"}, {@code 5.0} or {@code true} is not reproduced.
 */
public final class RunnableConfigs {
  private static final String ROOT = "runnable_config";
  private static final String CONFIGURABLE = "configurable";
  private static final String TAGS = "tags";
  private static final String METADATA = "metadata";
  private static final String CALLBACKS = "callbacks";
  private static final String RUN_NAME = "run_name";
  private static final String RECURSION_LIMIT = "recursion_limit";
  private static final String MAX_CONCURRENCY = "max_concurrency";
  private static final String PROMPTS = "prompts";
  private static final List<String> FIELDS =
      List.of(CONFIGURABLE, TAGS, METADATA, CALLBACKS, RUN_NAME, RECURSION_LIMIT, MAX_CONCURRENCY, PROMPTS);
  // Upper bounds that guard against runaway graphs.
  private static final int MAX_RECURSION_LIMIT = 250;
  private static final int MAX_CONCURRENCY_LIMIT = 32;

  private RunnableConfigs() {}

  /**
   * Checks a runnable config without merging it.
   *
   * @param config a runnable config, or null / JSON null for none
   * @throws ValidationException if it is not an object, has an unknown field, or a field of the wrong type or out of
   *     range; the message names the field
   */
  public static void validate(JsonNode config) {
    parse(config);
  }

  /**
   * Merges a version's runnable config with a run's override, as upstream does when it creates the run.
   *
   * <p>The version's config is the base. An absent or empty override leaves it as it is. Otherwise only the fields
   * the override contains are merged: {@code configurable} and {@code metadata} take the base's entries overlaid with
   * the override's, except that an empty override object resets the field to {@code {}}; {@code prompts} takes the
   * base's entries (none when null) overlaid with the override's, and an explicit null clears it; every other field is
   * replaced by the override's value, an explicit null included where the field allows null.
   *
   * @param versionConfig the version's runnable config, or null / JSON null for none
   * @param runOverride the run's runnable config, or null / JSON null for none
   * @return the merged config, stored without its default-valued and null fields, and the run columns drawn from it
   * @throws ValidationException if either input is invalid (see {@link #validate})
   */
  public static MergedRunConfig merge(JsonNode versionConfig, JsonNode runOverride) {
    Config base = parse(versionConfig);
    Config override = parse(runOverride);
    if (isAbsent(runOverride) || runOverride.isEmpty()) {
      return base.toMerged();
    }
    Config merged =
        new Config(
            runOverride.has(CONFIGURABLE)
                ? overlay(base.configurable(), override.configurable())
                : base.configurable(),
            runOverride.has(TAGS) ? override.tags() : base.tags(),
            runOverride.has(METADATA) ? overlay(base.metadata(), override.metadata()) : base.metadata(),
            runOverride.has(CALLBACKS) ? override.callbacks() : base.callbacks(),
            runOverride.has(RUN_NAME) ? override.runName() : base.runName(),
            runOverride.has(RECURSION_LIMIT) ? override.recursionLimit() : base.recursionLimit(),
            runOverride.has(MAX_CONCURRENCY) ? override.maxConcurrency() : base.maxConcurrency(),
            runOverride.has(PROMPTS) ? mergePrompts(base.prompts(), override.prompts()) : base.prompts());
    return merged.toMerged();
  }

  /** Upstream's shallow merge of a mapping field; an empty override is how a caller clears the field. */
  private static ObjectNode overlay(ObjectNode base, ObjectNode override) {
    if (override.isEmpty()) {
      return JsonNodeFactory.instance.objectNode();
    }
    ObjectNode merged = base.deepCopy();
    merged.setAll(override.deepCopy());
    return merged;
  }

  /** Unlike the other mappings, prompts may be null, which clears them; an empty override keeps the base's. */
  private static ObjectNode mergePrompts(ObjectNode base, ObjectNode override) {
    if (override == null) {
      return null;
    }
    ObjectNode merged = base == null ? JsonNodeFactory.instance.objectNode() : base.deepCopy();
    merged.setAll(override.deepCopy());
    return merged;
  }

  private static boolean isAbsent(JsonNode config) {
    return config == null || config.isNull();
  }

  private static Config parse(JsonNode config) {
    if (isAbsent(config)) {
      return Config.defaults();
    }
    if (!config.isObject()) {
      throw new ValidationException(ROOT + " must be an object (got " + typeOf(config) + ").");
    }
    Iterator<String> names = config.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new ValidationException(
            ROOT + " has unknown field '" + name + "'; allowed fields: " + String.join(", ", FIELDS) + ".");
      }
    }
    return new Config(
        requiredObject(config, CONFIGURABLE),
        tags(config.get(TAGS)),
        requiredObject(config, METADATA),
        callbacks(config.get(CALLBACKS)),
        runName(config.get(RUN_NAME)),
        boundedInteger(config.get(RECURSION_LIMIT), RECURSION_LIMIT, MAX_RECURSION_LIMIT),
        boundedInteger(config.get(MAX_CONCURRENCY), MAX_CONCURRENCY, MAX_CONCURRENCY_LIMIT),
        optionalObject(config.get(PROMPTS)));
  }

  /** An object field that is not nullable: absent means {@code {}}, JSON null is an error. */
  private static ObjectNode requiredObject(JsonNode config, String field) {
    JsonNode value = config.get(field);
    if (value == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!value.isObject()) {
      throw wrongType(field, "an object", value);
    }
    return (ObjectNode) value.deepCopy();
  }

  private static ObjectNode optionalObject(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw wrongType(PROMPTS, "an object or null", value);
    }
    return (ObjectNode) value.deepCopy();
  }

  /** Upstream's tag normalisation: stripped, blank ones dropped, the first spelling of each lower-cased form kept. */
  private static List<String> tags(JsonNode value) {
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw wrongType(TAGS, "an array of strings", value);
    }
    List<String> tags = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      if (!element.isTextual()) {
        throw wrongType(TAGS + "[" + i + "]", "a string", element);
      }
      String tag = TextRules.strip(element.textValue());
      if (!tag.isEmpty() && seen.add(tag.toLowerCase(Locale.ROOT))) {
        tags.add(tag);
      }
    }
    return List.copyOf(tags);
  }

  private static ArrayNode callbacks(JsonNode value) {
    if (value == null) {
      return JsonNodeFactory.instance.arrayNode();
    }
    if (!value.isArray()) {
      throw wrongType(CALLBACKS, "an array", value);
    }
    return (ArrayNode) value.deepCopy();
  }

  private static String runName(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw wrongType(RUN_NAME, "a string or null", value);
    }
    return TextRules.stripToNull(value.textValue());
  }

  private static Integer boundedInteger(JsonNode value, String field, int max) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      throw wrongType(field, "an integer or null", value);
    }
    if (!value.canConvertToInt() || value.intValue() < 1 || value.intValue() > max) {
      throw new ValidationException(
          ROOT + "." + field + " must be between 1 and " + max + " (got " + value.asText() + ").");
    }
    return value.intValue();
  }

  private static ValidationException wrongType(String field, String expected, JsonNode value) {
    return new ValidationException(ROOT + "." + field + " must be " + expected + " (got " + typeOf(value) + ").");
  }

  private static String typeOf(JsonNode value) {
    return value.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** A validated runnable config; its nodes are private copies, never handed out without copying again. */
  private record Config(
      ObjectNode configurable,
      List<String> tags,
      ObjectNode metadata,
      ArrayNode callbacks,
      String runName,
      Integer recursionLimit,
      Integer maxConcurrency,
      ObjectNode prompts) {

    /** A config with every field at its default; new nodes each time, since they are mutable. */
    static Config defaults() {
      return new Config(
          JsonNodeFactory.instance.objectNode(),
          List.of(),
          JsonNodeFactory.instance.objectNode(),
          JsonNodeFactory.instance.arrayNode(),
          null,
          null,
          null,
          null);
    }

    /**
     * Upstream's {@code model_dump(exclude_defaults=True, exclude_none=True)}: a field is left out when it equals
     * its default or is null. An empty {@code prompts} object is kept, since its default is null.
     */
    MergedRunConfig toMerged() {
      ObjectNode dump = JsonNodeFactory.instance.objectNode();
      if (!configurable.isEmpty()) {
        dump.set(CONFIGURABLE, configurable);
      }
      if (!tags.isEmpty()) {
        ArrayNode tagArray = dump.putArray(TAGS);
        tags.forEach(tagArray::add);
      }
      if (!metadata.isEmpty()) {
        dump.set(METADATA, metadata);
      }
      if (!callbacks.isEmpty()) {
        dump.set(CALLBACKS, callbacks);
      }
      if (runName != null) {
        dump.put(RUN_NAME, runName);
      }
      if (recursionLimit != null) {
        dump.put(RECURSION_LIMIT, recursionLimit);
      }
      if (maxConcurrency != null) {
        dump.put(MAX_CONCURRENCY, maxConcurrency);
      }
      if (prompts != null) {
        dump.set(PROMPTS, prompts);
      }
      return new MergedRunConfig(dump, tags, callbacks, metadata, runName);
    }
  }
}
