package io.orcheo.persistence.core.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.ValidationException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunnableConfigsTest {
  // Single quotes keep the JSON literals below readable.
  private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void absentConfigsMergeToDefaults() {
    MergedRunConfig merged = RunnableConfigs.merge(null, null);

    assertThat(merged.runnableConfig()).isEqualTo(json("{}"));
    assertThat(merged.tags()).isEmpty();
    assertThat(merged.callbacks()).isEqualTo(json("[]"));
    assertThat(merged.metadata()).isEqualTo(json("{}"));
    assertThat(merged.runName()).isNull();
  }

  @Test
  void jsonNullConfigsCountAsAbsent() {
    MergedRunConfig merged = RunnableConfigs.merge(NullNode.getInstance(), NullNode.getInstance());

    assertThat(merged).isEqualTo(RunnableConfigs.merge(null, null));
  }

  @Test
  void withoutOverrideTheVersionValuesAreUsed() {
    MergedRunConfig merged =
        RunnableConfigs.merge(
            json("{'tags': ['stored'], 'metadata': {'env': 'prod'}, 'callbacks': [{'kind': 'log'}], 'run_name': 'v1'}"),
            null);

    assertThat(merged.tags()).containsExactly("stored");
    assertThat(merged.metadata()).isEqualTo(json("{'env': 'prod'}"));
    assertThat(merged.callbacks()).isEqualTo(json("[{'kind': 'log'}]"));
    assertThat(merged.runName()).isEqualTo("v1");
  }

  @Test
  void emptyOverrideObjectLeavesTheVersionConfigAsItIs() {
    JsonNode version = json("{'configurable': {'a': 1}, 'tags': ['stored'], 'metadata': {'env': 'prod'}}");

    assertThat(RunnableConfigs.merge(version, json("{}"))).isEqualTo(RunnableConfigs.merge(version, null));
  }

  @Test
  void overrideTagsReplaceVersionTags() {
    MergedRunConfig merged = RunnableConfigs.merge(json("{'tags': ['stored']}"), json("{'tags': ['run']}"));

    assertThat(merged.tags()).containsExactly("run");
  }

  @Test
  void overrideMetadataIsLaidOverVersionMetadata() {
    MergedRunConfig merged =
        RunnableConfigs.merge(
            json("{'metadata': {'env': 'prod', 'team': 'ops'}}"), json("{'metadata': {'env': 'stage'}}"));

    assertThat(merged.metadata()).isEqualTo(json("{'env': 'stage', 'team': 'ops'}"));
  }

  @Test
  void emptyOverrideMetadataResetsMetadata() {
    MergedRunConfig merged =
        RunnableConfigs.merge(json("{'metadata': {'env': 'prod'}}"), json("{'metadata': {}}"));

    assertThat(merged.metadata()).isEqualTo(json("{}"));
    assertThat(merged.runnableConfig().has("metadata")).isFalse();
  }

  @Test
  void overrideConfigurableIsMergedOneLevelDeep() {
    MergedRunConfig merged =
        RunnableConfigs.merge(
            json("{'configurable': {'model': {'name': 'a', 'temperature': 0}, 'region': 'eu'}}"),
            json("{'configurable': {'model': {'name': 'b'}}}"));

    assertThat(merged.runnableConfig().get("configurable"))
        .isEqualTo(json("{'model': {'name': 'b'}, 'region': 'eu'}"));
  }

  @Test
  void emptyOverrideConfigurableResetsConfigurable() {
    MergedRunConfig merged =
        RunnableConfigs.merge(
            json("{'configurable': {'region': 'eu'}, 'run_name': 'r'}"), json("{'configurable': {}}"));

    assertThat(merged.runnableConfig()).isEqualTo(json("{'run_name': 'r'}"));
  }

  @Test
  void overridePromptsAreLaidOverVersionPrompts() {
    MergedRunConfig merged =
        RunnableConfigs.merge(
            json("{'prompts': {'greet': {'text': 'hi'}, 'close': {'text': 'bye'}}}"),
            json("{'prompts': {'greet': {'text': 'hello'}}}"));

    assertThat(merged.runnableConfig().get("prompts"))
        .isEqualTo(json("{'greet': {'text': 'hello'}, 'close': {'text': 'bye'}}"));
  }

  @Test
  void overridePromptsApplyWhenTheVersionHasNone() {
    MergedRunConfig merged = RunnableConfigs.merge(null, json("{'prompts': {'greet': {'text': 'hi'}}}"));

    assertThat(merged.runnableConfig().get("prompts")).isEqualTo(json("{'greet': {'text': 'hi'}}"));
  }

  @Test
  void nullOverridePromptsClearPrompts() {
    MergedRunConfig merged =
        RunnableConfigs.merge(json("{'prompts': {'greet': {'text': 'hi'}}}"), json("{'prompts': null}"));

    assertThat(merged.runnableConfig().has("prompts")).isFalse();
  }

  @Test
  void emptyOverridePromptsKeepVersionPrompts() {
    MergedRunConfig merged =
        RunnableConfigs.merge(json("{'prompts': {'greet': {'text': 'hi'}}}"), json("{'prompts': {}}"));

    assertThat(merged.runnableConfig().get("prompts")).isEqualTo(json("{'greet': {'text': 'hi'}}"));
  }

  @Test
  void overrideCallbacksReplaceVersionCallbacks() {
    MergedRunConfig merged =
        RunnableConfigs.merge(json("{'callbacks': [{'kind': 'log'}]}"), json("{'callbacks': [{'kind': 'trace'}]}"));

    assertThat(merged.callbacks()).isEqualTo(json("[{'kind': 'trace'}]"));
  }

  @Test
  void explicitNullRunNameInOverrideClearsTheVersionRunName() {
    MergedRunConfig merged = RunnableConfigs.merge(json("{'run_name': 'stored'}"), json("{'run_name': null}"));

    assertThat(merged.runName()).isNull();
  }

  @Test
  void overrideRecursionLimitReplacesTheVersionLimit() {
    MergedRunConfig merged =
        RunnableConfigs.merge(json("{'recursion_limit': 10}"), json("{'recursion_limit': 20}"));

    assertThat(merged.runnableConfig().get("recursion_limit").intValue()).isEqualTo(20);
  }

  @Test
  void explicitNullMaxConcurrencyInOverrideClearsTheVersionValue() {
    MergedRunConfig merged =
        RunnableConfigs.merge(json("{'max_concurrency': 4, 'run_name': 'r'}"), json("{'max_concurrency': null}"));

    assertThat(merged.runnableConfig()).isEqualTo(json("{'run_name': 'r'}"));
  }

  @Test
  void fieldsAbsentFromTheOverrideKeepTheVersionValues() {
    MergedRunConfig merged =
        RunnableConfigs.merge(
            json("{'tags': ['stored'], 'metadata': {'env': 'prod'}, 'recursion_limit': 10}"),
            json("{'run_name': 'nightly'}"));

    assertThat(merged.runnableConfig())
        .isEqualTo(
            json("{'tags': ['stored'], 'metadata': {'env': 'prod'}, 'run_name': 'nightly', 'recursion_limit': 10}"));
  }

  @Test
  void tagsAreDeduplicatedCaseInsensitivelyKeepingFirstSpelling() {
    MergedRunConfig merged = RunnableConfigs.merge(null, json("{'tags': ['Prod', 'dev', 'PROD', 'prod', 'Dev']}"));

    assertThat(merged.tags()).containsExactly("Prod", "dev");
  }

  @Test
  void tagsAreStrippedAndBlankOnesDropped() {
    MergedRunConfig merged = RunnableConfigs.merge(json("{'tags': ['  nightly ', '   ', '']}"), null);

    assertThat(merged.tags()).containsExactly("nightly");
  }

  @Test
  void runNameIsStripped() {
    assertThat(RunnableConfigs.merge(null, json("{'run_name': '  nightly  '}")).runName()).isEqualTo("nightly");
  }

  @Test
  void blankRunNameBecomesNull() {
    MergedRunConfig merged = RunnableConfigs.merge(json("{'run_name': 'stored'}"), json("{'run_name': '   '}"));

    assertThat(merged.runName()).isNull();
  }

  @Test
  void storedConfigOmitsDefaultAndNullFields() {
    JsonNode allDefaults =
        json(
            "{'configurable': {}, 'tags': [], 'metadata': {}, 'callbacks': [], 'run_name': null,"
                + " 'recursion_limit': null, 'max_concurrency': null, 'prompts': null}");

    assertThat(RunnableConfigs.merge(allDefaults, null).runnableConfig()).isEqualTo(json("{}"));
  }

  @Test
  void storedConfigListsFieldsInTheModelOrder() {
    JsonNode reversed =
        json(
            "{'prompts': {'p': {'text': 't'}}, 'max_concurrency': 2, 'recursion_limit': 5, 'run_name': 'r',"
                + " 'callbacks': [1], 'metadata': {'m': 1}, 'tags': ['t'], 'configurable': {'c': 1}}");

    assertThat(fieldNames(RunnableConfigs.merge(reversed, null).runnableConfig()))
        .containsExactly(
            "configurable", "tags", "metadata", "callbacks", "run_name", "recursion_limit", "max_concurrency",
            "prompts");
  }

  @Test
  void storedConfigKeepsAnEmptyPromptsObjectBecauseItsDefaultIsNull() {
    assertThat(RunnableConfigs.merge(json("{'prompts': {}}"), null).runnableConfig())
        .isEqualTo(json("{'prompts': {}}"));
  }

  @Test
  void storedConfigKeepsNullsInsideMappings() {
    assertThat(RunnableConfigs.merge(json("{'configurable': {'thread': null}}"), null).runnableConfig())
        .isEqualTo(json("{'configurable': {'thread': null}}"));
  }

  @Test
  void mergedConfigIsNotChangedByLaterChangesToTheInputs() {
    ObjectNode version = (ObjectNode) json("{'metadata': {'env': 'prod'}}");
    MergedRunConfig merged = RunnableConfigs.merge(version, null);

    ((ObjectNode) version.get("metadata")).put("env", "changed");

    assertThat(merged.metadata()).isEqualTo(json("{'env': 'prod'}"));
    assertThat(merged.runnableConfig()).isEqualTo(json("{'metadata': {'env': 'prod'}}"));
  }

  @Test
  void mergedConfigHandsOutCopiesOfItsNodes() {
    MergedRunConfig merged = RunnableConfigs.merge(json("{'metadata': {'env': 'prod'}}"), null);

    merged.metadata().put("env", "changed");
    merged.runnableConfig().removeAll();
    merged.callbacks().add(1);

    assertThat(merged).isEqualTo(RunnableConfigs.merge(json("{'metadata': {'env': 'prod'}}"), null));
  }

  @Test
  void mergedTagsAreUnmodifiable() {
    MergedRunConfig merged = RunnableConfigs.merge(json("{'tags': ['a']}"), null);

    assertThatThrownBy(() -> merged.tags().add("b")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void unknownFieldInVersionConfigIsRejectedByName() {
    assertThatThrownBy(() -> RunnableConfigs.merge(json("{'foo': 1}"), null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("runnable_config has unknown field 'foo'");
  }

  @Test
  void unknownFieldInOverrideIsRejectedByName() {
    assertThatThrownBy(() -> RunnableConfigs.merge(null, json("{'thread_id': 'x'}")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("runnable_config has unknown field 'thread_id'");
  }

  @Test
  void recursionLimitAbove250IsRejected() {
    assertThatThrownBy(() -> RunnableConfigs.merge(null, json("{'recursion_limit': 251}")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("runnable_config.recursion_limit must be between 1 and 250");
  }

  @Test
  void recursionLimitOf250IsAccepted() {
    assertThat(RunnableConfigs.merge(null, json("{'recursion_limit': 250}")).runnableConfig())
        .isEqualTo(json("{'recursion_limit': 250}"));
  }

  @Test
  void recursionLimitOfZeroIsRejected() {
    assertThatThrownBy(() -> RunnableConfigs.merge(json("{'recursion_limit': 0}"), null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("runnable_config.recursion_limit must be between 1 and 250");
  }

  @Test
  void recursionLimitBeyondTheIntRangeIsRejectedAsOutOfRange() {
    assertThatThrownBy(() -> RunnableConfigs.merge(json("{'recursion_limit': 100000000000000000000}"), null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("runnable_config.recursion_limit must be between 1 and 250")
        .hasMessageContaining("100000000000000000000");
  }

  @Test
  void maxConcurrencyAbove32IsRejected() {
    assertThatThrownBy(() -> RunnableConfigs.merge(null, json("{'max_concurrency': 33}")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("runnable_config.max_concurrency must be between 1 and 32");
  }

  @Test
  void fractionalRecursionLimitIsRejectedAsTheWrongType() {
    assertThatThrownBy(() -> RunnableConfigs.merge(null, json("{'recursion_limit': 5.5}")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("runnable_config.recursion_limit must be an integer or null (got number).");
  }

  @Test
  void numericStringMaxConcurrencyIsRejected() {
    assertThatThrownBy(() -> RunnableConfigs.merge(null, json("{'max_concurrency': '4'}")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("runnable_config.max_concurrency must be an integer or null (got string).");
  }

  @Test
  void nonStringTagIsRejectedNamingItsIndex() {
    assertThatThrownBy(() -> RunnableConfigs.merge(null, json("{'tags': ['ok', 7]}")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("runnable_config.tags[1] must be a string (got number).");
  }

  @Test
  void tagsThatAreNotAnArrayAreRejected() {
    assertThatThrownBy(() -> RunnableConfigs.merge(null, json("{'tags': 'nightly'}")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("runnable_config.tags must be an array of strings (got string).");
  }

  @Test
  void explicitNullTagsInOverrideAreRejected() {
    assertThatThrownBy(() -> RunnableConfigs.merge(json("{'tags': ['stored']}"), json("{'tags': null}")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("runnable_config.tags must be an array of strings (got null).");
  }

  @Test
  void explicitNullCallbacksAreRejected() {
    assertThatThrownBy(() -> RunnableConfigs.merge(null, json("{'callbacks': null}")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("runnable_config.callbacks must be an array (got null).");
  }

  @Test
  void explicitNullConfigurableIsRejected() {
    assertThatThrownBy(() -> RunnableConfigs.merge(json("{'configurable': null}"), null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("runnable_config.configurable must be an object (got null).");
  }

  @Test
  void explicitNullMetadataInOverrideIsRejected() {
    assertThatThrownBy(() -> RunnableConfigs.merge(null, json("{'metadata': null}")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("runnable_config.metadata must be an object (got null).");
  }

  @Test
  void metadataThatIsAnArrayIsRejected() {
    assertThatThrownBy(() -> RunnableConfigs.merge(null, json("{'metadata': ['env']}")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("runnable_config.metadata must be an object (got array).");
  }

  @Test
  void nonStringRunNameIsRejected() {
    assertThatThrownBy(() -> RunnableConfigs.merge(null, json("{'run_name': 42}")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("runnable_config.run_name must be a string or null (got number).");
  }

  @Test
  void promptsThatAreNotAnObjectAreRejected() {
    assertThatThrownBy(() -> RunnableConfigs.merge(null, json("{'prompts': ['greet']}")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("runnable_config.prompts must be an object or null (got array).");
  }

  @Test
  void configThatIsNotAnObjectIsRejected() {
    assertThatThrownBy(() -> RunnableConfigs.merge(json("[]"), null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("runnable_config must be an object (got array).");
  }

  @Test
  void validateAcceptsNull() {
    assertThatCode(() -> RunnableConfigs.validate(null)).doesNotThrowAnyException();
  }

  @Test
  void validateAcceptsAConfigWithEveryField() {
    JsonNode full =
        json(
            "{'configurable': {'c': 1}, 'tags': ['t'], 'metadata': {'m': 1}, 'callbacks': [{}], 'run_name': 'r',"
                + " 'recursion_limit': 1, 'max_concurrency': 32, 'prompts': {'p': {'text': 't'}}}");

    assertThatCode(() -> RunnableConfigs.validate(full)).doesNotThrowAnyException();
  }

  @Test
  void validateRejectsAnUnknownField() {
    assertThatThrownBy(() -> RunnableConfigs.validate(json("{'callback': []}")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("runnable_config has unknown field 'callback'");
  }

  @Test
  void validateRejectsAnOutOfRangeValue() {
    assertThatThrownBy(() -> RunnableConfigs.validate(json("{'max_concurrency': 0}")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("runnable_config.max_concurrency must be between 1 and 32");
  }
}
