package io.orcheo.persistence.it.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.checkpoints.AgentensorCheckpoint;
import io.orcheo.persistence.core.checkpoints.AgentensorCheckpointNotFoundException;
import io.orcheo.persistence.core.checkpoints.AgentensorCheckpointStore;
import io.orcheo.persistence.core.checkpoints.CheckpointQuery;
import io.orcheo.persistence.core.checkpoints.NewCheckpoint;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.runtime.Store;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Agentensor checkpoints on every backend: upstream's model rules and store behaviours (spec §B, §H.2 items 1, 6–8,
 * 13–17), the {@code is_best} rules of §B.3 checked in the stored rows, JSON values that read back exactly, and our
 * {@code findCheckpoints}: metadata containment (the shapes {@code JsonContainment} supports, with PostgreSQL's
 * {@code @>} semantics), metric ordering and bounds, and keyset pages. Every assertion is written once here, so
 * SQLite and PostgreSQL must give identical answers.
 *
 * <p>The checkpoint's {@code runnableConfig} carries a {@code label} in the {@code findCheckpoints} tests, so that
 * results read as names rather than random ids.
 */
public abstract class CheckpointContract extends BackendContract {
  static final String WORKFLOW = "9f0c2a4e-3b1d-4c5e-8f7a-1b2c3d4e5f60";
  static final String OTHER_WORKFLOW = "0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9";
  private static final PageRequest EVERYTHING = PageRequest.first(PageRequest.MAX_LIMIT);

  AgentensorCheckpointStore store() {
    return persistence.checkpoints();
  }

  // ============================================================================================ model rules (§B.2)

  @Test
  void anEmptyWorkflowIdIsRejectedBeforeAnyWrite() throws SQLException {
    Throwable thrown = catchThrowable(() -> store().recordCheckpoint(NewCheckpoint.of("", config(1), metrics(0.5))));

    assertThat(thrown).isInstanceOf(ValidationException.class).hasMessageContaining("workflow_id");
    assertThat(storedRows()).isZero();
  }

  @ParameterizedTest(name = "config_version {0}")
  @ValueSource(ints = {0, -1})
  void aConfigVersionBelowOneIsRejectedBeforeAnyWrite(int version) throws SQLException {
    Throwable thrown = catchThrowable(() -> store().recordCheckpoint(
        new NewCheckpoint(WORKFLOW, config(1), metrics(0.5), null, null, false, version)));

    assertThat(thrown).isInstanceOf(ValidationException.class).hasMessageContaining("config_version");
    assertThat(storedRows()).isZero();
  }

  @Test
  void aWorkflowIdOf129CharactersIsRejectedBeforeAnyWrite() throws SQLException {
    String tooLong = "w".repeat(NewCheckpoint.MAX_WORKFLOW_ID_LENGTH + 1);

    Throwable thrown = catchThrowable(() -> store().recordCheckpoint(NewCheckpoint.of(tooLong, config(1), null)));

    assertThat(thrown).isInstanceOf(ValidationException.class).hasMessageContaining("129");
    assertThat(storedRows()).isZero();
  }

  @Test
  void aWorkflowIdOf128CharactersIsAccepted() {
    String longest = "w".repeat(NewCheckpoint.MAX_WORKFLOW_ID_LENGTH);

    AgentensorCheckpoint recorded = store().recordCheckpoint(NewCheckpoint.of(longest, config(1), null));

    assertThat(store().getCheckpoint(recorded.id()).workflowId()).isEqualTo(longest);
  }

  // ============================================================================================ recording (§B.3)

  @Test
  void automaticVersionsStartAtOneAndGoUpByOne() {
    int first = record(NewCheckpoint.of(WORKFLOW, config(1), metrics(0.1))).configVersion();
    int second = record(NewCheckpoint.of(WORKFLOW, config(2), metrics(0.2))).configVersion();

    assertThat(List.of(first, second)).containsExactly(1, 2);
  }

  @Test
  void anExplicitVersionIsKeptAndTheNextAutomaticOneIsTheHighestPlusOne() {
    int explicit = record(NewCheckpoint.of(WORKFLOW, config(1), null).withConfigVersion(5)).configVersion();
    int automatic = record(NewCheckpoint.of(WORKFLOW, config(2), null)).configVersion();

    assertThat(List.of(explicit, automatic)).containsExactly(5, 6);
    assertThat(store().listCheckpoints(WORKFLOW, 1)).extracting(AgentensorCheckpoint::configVersion).containsExactly(6);
  }

  @Test
  void anExplicitVersionMayBeRecordedTwice() {
    AgentensorCheckpoint first = record(NewCheckpoint.of(WORKFLOW, config(1), null).withConfigVersion(3));
    AgentensorCheckpoint second = record(NewCheckpoint.of(WORKFLOW, config(2), null).withConfigVersion(3));

    assertThat(store().listCheckpoints(WORKFLOW, null))
        .extracting(AgentensorCheckpoint::id, AgentensorCheckpoint::configVersion)
        .containsExactlyInAnyOrder(tuple(first.id(), 3), tuple(second.id(), 3));
  }

  @Test
  void automaticVersionsAreNumberedPerWorkflow() {
    record(NewCheckpoint.of(WORKFLOW, config(1), null).withConfigVersion(7));

    AgentensorCheckpoint other = record(NewCheckpoint.of(OTHER_WORKFLOW, config(1), null));

    assertThat(other.configVersion()).isEqualTo(1);
  }

  @Test
  void aRecordedCheckpointReadsBackEqualToWhatRecordReturned() {
    NewCheckpoint request = new NewCheckpoint(WORKFLOW, json("{\"model\": \"gpt\", \"temperature\": 0.2}"),
        json("{\"accuracy\": 0.93, \"loss\": 0.12}"), json("{\"team\": \"search\"}"), "s3://bucket/checkpoint-1",
        true, null);

    AgentensorCheckpoint recorded = store().recordCheckpoint(request);

    assertThat(recorded.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(recorded).isEqualTo(request.toCheckpoint(recorded.id(), 1, START));
    assertThat(store().getCheckpoint(recorded.id())).isEqualTo(recorded);
  }

  @Test
  void absentJsonDocumentsAreStoredAsEmptyObjects() throws SQLException {
    AgentensorCheckpoint recorded = record(new NewCheckpoint(WORKFLOW, null, null, null, null, false, null));

    AgentensorCheckpoint read = store().getCheckpoint(recorded.id());
    assertThat(List.of(read.runnableConfig(), read.metrics(), read.metadata())).containsOnly(json("{}"));
    assertThat(raw("SELECT runnable_config, metrics, metadata FROM agentensor_checkpoints"))
        .containsExactly(List.of("{}", "{}", "{}"));
  }

  @Test
  void jsonValuesReadBackExactly() {
    ObjectNode document = json("""
        {"big": 123456789012345678901234567890, "negativeBig": -9223372036854775809, "pastDouble": 9007199254740993,
         "decimal": 0.1, "tiny": 1.5e-7, "zero": 0, "yes": true, "no": false, "nothing": null,
         "nested": {"a": {"b": [1, [2, 3], {"c": "d"}, []]}, "empty": {}},
         "unicode": "h\u00e9llo \u4e2d\u6587 \ud83d\ude00",
         "\u043a\u043b\u044e\u0447": "\u0437\u043d\u0430\u0447\u0435\u043d\u0438\u0435",
         "escapes": "quote \\" backslash \\\\ newline \\n tab \\t control \\u0001"}""");
    AgentensorCheckpoint recorded = record(new NewCheckpoint(WORKFLOW, document, document, document, null, false,
        null));

    AgentensorCheckpoint read = store().getCheckpoint(recorded.id());

    assertThat(List.of(read.runnableConfig(), read.metrics(), read.metadata())).containsOnly(document);
    assertThat(read.metadata().get("big").bigIntegerValue()).hasToString("123456789012345678901234567890");
    assertThat(read.metadata().get("pastDouble").longValue()).isEqualTo(9007199254740993L);
    assertThat(read.metadata().get("unicode").textValue()).isEqualTo("h\u00e9llo \u4e2d\u6587 \ud83d\ude00");
  }

  @Test
  void negativeZeroReadsBackWithItsSign() {
    AgentensorCheckpoint recorded = record(NewCheckpoint.of(WORKFLOW, json("{\"z\": -0.0}"), null));

    assertThat(store().getCheckpoint(recorded.id()).runnableConfig().get("z").doubleValue()).isEqualTo(-0.0);
  }

  @Test
  void aBestCheckpointTakesTheNextVersionLikeAnyOther() {
    record(NewCheckpoint.of(WORKFLOW, config(1), metrics(0.5)));

    AgentensorCheckpoint best = record(NewCheckpoint.of(WORKFLOW, config(2), metrics(0.9)).asBest());

    assertThat(best.configVersion()).isEqualTo(2);
  }

  @Test
  void aCheckpointThatCannotBeStoredLeavesNothingBehindAndKeepsTheBest() throws SQLException {
    AgentensorCheckpoint best = record(NewCheckpoint.of(WORKFLOW, config(1), metrics(0.5)).asBest());

    Throwable thrown = catchThrowable(() -> store().recordCheckpoint(NewCheckpoint.of(WORKFLOW, config(2), null)
        .withMetadata(json("{\"note\": \"nul \\u0000 here\"}")).asBest()));

    assertThat(thrown).isInstanceOf(ValidationException.class);
    assertThat(storedRows()).isEqualTo(1);
    assertThat(bestRows(WORKFLOW)).containsExactly(best.id());
  }

  // ===================================================================================== list, get, latest (§B.3)

  @Test
  void checkpointsAreListedByVersionDescending() {
    for (int i = 0; i < 3; i++) {
      record(NewCheckpoint.of(WORKFLOW, config(i), null));
    }

    assertThat(store().listCheckpoints(WORKFLOW, null)).extracting(AgentensorCheckpoint::configVersion)
        .containsExactly(3, 2, 1);
  }

  @Test
  void aLimitKeepsTheHighestVersions() {
    for (int i = 0; i < 4; i++) {
      record(NewCheckpoint.of(WORKFLOW, config(i), null));
    }

    assertThat(store().listCheckpoints(WORKFLOW, 2)).extracting(AgentensorCheckpoint::configVersion)
        .containsExactly(4, 3);
  }

  @Test
  void checkpointsOfAnotherWorkflowAreNotListed() {
    AgentensorCheckpoint mine = record(NewCheckpoint.of(WORKFLOW, config(1), null));
    record(NewCheckpoint.of(OTHER_WORKFLOW, config(2), null));

    assertThat(store().listCheckpoints(WORKFLOW, null)).extracting(AgentensorCheckpoint::id)
        .containsExactly(mine.id());
  }

  @Test
  void anUnknownWorkflowHasNoCheckpoints() {
    record(NewCheckpoint.of(WORKFLOW, config(1), null).asBest());

    assertThat(store().listCheckpoints(OTHER_WORKFLOW, null)).isEmpty();
    assertThat(store().latestCheckpoint(OTHER_WORKFLOW)).isEmpty();
    assertThat(store().bestCheckpoint(OTHER_WORKFLOW)).isEmpty();
  }

  @Test
  void theLatestCheckpointIsTheHighestVersionNotTheNewest() {
    AgentensorCheckpoint highest = record(NewCheckpoint.of(WORKFLOW, config(1), null).withConfigVersion(7));
    record(NewCheckpoint.of(WORKFLOW, config(2), null).withConfigVersion(3));

    assertThat(store().latestCheckpoint(WORKFLOW)).hasValue(highest);
  }

  @Test
  void gettingAnUnknownIdFailsWithUpstreamsMessage() {
    record(NewCheckpoint.of(WORKFLOW, config(1), null));

    assertThatThrownBy(() -> store().getCheckpoint("no-such-checkpoint"))
        .isInstanceOf(AgentensorCheckpointNotFoundException.class)
        .hasMessage("Checkpoint 'no-such-checkpoint' not found.");
  }

  // ======================================================================================= is_best rules (§B.3)

  @Test
  void aSecondBestCheckpointClearsTheFirst() throws SQLException {
    record(NewCheckpoint.of(WORKFLOW, config(1), metrics(0.7)).asBest());
    AgentensorCheckpoint second = record(NewCheckpoint.of(WORKFLOW, config(2), metrics(0.9)).asBest());

    assertThat(bestRows(WORKFLOW)).containsExactly(second.id());
  }

  @Test
  void recordingANonBestCheckpointKeepsTheBest() throws SQLException {
    AgentensorCheckpoint best = record(NewCheckpoint.of(WORKFLOW, config(1), metrics(0.9)).asBest());
    record(NewCheckpoint.of(WORKFLOW, config(2), metrics(0.4)));

    assertThat(bestRows(WORKFLOW)).containsExactly(best.id());
  }

  @Test
  void aBestCheckpointLeavesTheBestOfAnotherWorkflowAlone() throws SQLException {
    AgentensorCheckpoint othersBest = record(NewCheckpoint.of(OTHER_WORKFLOW, config(1), null).asBest());
    record(NewCheckpoint.of(WORKFLOW, config(1), null).asBest());

    assertThat(bestRows(OTHER_WORKFLOW)).containsExactly(othersBest.id());
  }

  @Test
  void theBestCheckpointIsTheOneMarkedBestNotTheLatest() {
    AgentensorCheckpoint best = record(NewCheckpoint.of(WORKFLOW, config(1), metrics(0.9)).asBest());
    record(NewCheckpoint.of(WORKFLOW, config(2), metrics(0.4)));

    assertThat(store().bestCheckpoint(WORKFLOW)).hasValueSatisfying(found -> {
      assertThat(found.id()).isEqualTo(best.id());
      assertThat(found.isBest()).isTrue();
    });
  }

  @Test
  void thereIsNoBestCheckpointUntilOneIsMarked() {
    record(NewCheckpoint.of(WORKFLOW, config(1), metrics(0.9)));

    assertThat(store().bestCheckpoint(WORKFLOW)).isEmpty();
  }

  // ======================================================================= findCheckpoints: metadata containment

  @Test
  void aScalarFilterMatchesEqualStringsOnly() {
    labelled("search", "{\"team\": \"search\"}");
    labelled("ads", "{\"team\": \"ads\"}");
    labelled("none", "{}");

    assertThat(labelsContaining("{\"team\": \"search\"}")).containsExactly("search");
  }

  @Test
  void everyKeyOfTheFilterMustMatch() {
    labelled("both", "{\"team\": \"search\", \"stage\": \"prod\"}");
    labelled("teamOnly", "{\"team\": \"search\", \"stage\": \"dev\"}");
    labelled("stageOnly", "{\"team\": \"ads\", \"stage\": \"prod\"}");

    assertThat(labelsContaining("{\"team\": \"search\", \"stage\": \"prod\"}")).containsExactly("both");
  }

  @Test
  void aNestedObjectFilterMatchesKeyByKeyIgnoringOtherKeys() {
    labelled("prodEu", "{\"run\": {\"env\": \"prod\", \"region\": \"eu\", \"seed\": {\"value\": 7}}}");
    labelled("prodUs", "{\"run\": {\"env\": \"prod\", \"region\": \"us\", \"seed\": {\"value\": 8}}}");
    labelled("dev", "{\"run\": {\"env\": \"dev\", \"region\": \"eu\", \"seed\": {\"value\": 7}}}");
    labelled("flat", "{\"env\": \"prod\"}");

    assertThat(labelsContaining("{\"run\": {\"env\": \"prod\", \"seed\": {\"value\": 7}}}"))
        .containsExactly("prodEu");
  }

  @Test
  void aNestedObjectFilterDoesNotMatchAScalarUnderItsKey() {
    labelled("object", "{\"run\": {\"env\": \"prod\"}}");
    labelled("scalar", "{\"run\": \"prod\"}");

    assertThat(labelsContaining("{\"run\": {}}")).containsExactly("object");
  }

  @Test
  void anArrayFilterMatchesArraysHoldingEveryElementInAnyOrder() {
    labelled("abc", "{\"tags\": [\"a\", \"b\", \"c\"]}");
    labelled("ab", "{\"tags\": [\"b\", \"a\"]}");
    labelled("c", "{\"tags\": [\"c\"]}");

    assertThat(labelsContaining("{\"tags\": [\"c\", \"a\"]}")).containsExactly("abc");
    assertThat(labelsContaining("{\"tags\": [\"a\"]}")).containsExactlyInAnyOrder("abc", "ab");
  }

  @Test
  void anEmptyArrayFilterMatchesAnyArrayButNothingElse() {
    labelled("array", "{\"tags\": [\"a\"]}");
    labelled("emptyArray", "{\"tags\": []}");
    labelled("scalar", "{\"tags\": \"a\"}");
    labelled("missing", "{}");

    assertThat(labelsContaining("{\"tags\": []}")).containsExactlyInAnyOrder("array", "emptyArray");
  }

  @Test
  void aScalarFilterDoesNotMatchAnArrayHoldingIt() {
    labelled("array", "{\"tags\": [\"a\"]}");
    labelled("scalar", "{\"tags\": \"a\"}");

    assertThat(labelsContaining("{\"tags\": \"a\"}")).containsExactly("scalar");
  }

  @Test
  void anArrayFilterMatchesNumbersBooleansAndNullsInsideArraysByValue() {
    labelled("mixed", "{\"values\": [1, true, null, \"x\"]}");
    labelled("strings", "{\"values\": [\"1\", \"true\", \"null\", \"x\"]}");

    assertThat(labelsContaining("{\"values\": [1.0, true, null]}")).containsExactly("mixed");
  }

  @Test
  void numbersMatchByValueSoOneMatchesOnePointZero() {
    labelled("integer", "{\"epoch\": 1}");
    labelled("real", "{\"epoch\": 1.0}");
    labelled("two", "{\"epoch\": 2}");

    assertThat(labelsContaining("{\"epoch\": 1}")).containsExactlyInAnyOrder("integer", "real");
    assertThat(labelsContaining("{\"epoch\": 1.0}")).containsExactlyInAnyOrder("integer", "real");
  }

  @Test
  void aStringDoesNotMatchTheNumberItSpellsNorTheReverse() {
    labelled("number", "{\"epoch\": 1}");
    labelled("string", "{\"epoch\": \"1\"}");

    assertThat(labelsContaining("{\"epoch\": \"1\"}")).containsExactly("string");
    assertThat(labelsContaining("{\"epoch\": 1}")).containsExactly("number");
  }

  @Test
  void booleansMatchOnlyBooleansOfTheSameValue() {
    labelled("true", "{\"tuned\": true}");
    labelled("false", "{\"tuned\": false}");
    labelled("string", "{\"tuned\": \"true\"}");
    labelled("one", "{\"tuned\": 1}");

    assertThat(labelsContaining("{\"tuned\": true}")).containsExactly("true");
    assertThat(labelsContaining("{\"tuned\": false}")).containsExactly("false");
  }

  @Test
  void aNullFilterMatchesAStoredNullButNotAMissingKey() {
    labelled("null", "{\"parent\": null}");
    labelled("missing", "{}");
    labelled("string", "{\"parent\": \"null\"}");
    labelled("false", "{\"parent\": false}");

    assertThat(labelsContaining("{\"parent\": null}")).containsExactly("null");
  }

  @Test
  void anEmptyFilterMatchesEveryCheckpointOfTheWorkflow() {
    labelled("one", "{\"team\": \"search\"}");
    labelled("two", "{}");
    record(NewCheckpoint.of(OTHER_WORKFLOW, label("other"), null));

    assertThat(labelsContaining("{}")).containsExactlyInAnyOrder("one", "two");
  }

  @Test
  void aFilterOnlyMatchesCheckpointsOfTheWorkflowAsked() {
    labelled("mine", "{\"team\": \"search\"}");
    record(NewCheckpoint.of(OTHER_WORKFLOW, label("theirs"), null).withMetadata(json("{\"team\": \"search\"}")));

    assertThat(labelsContaining("{\"team\": \"search\"}")).containsExactly("mine");
  }

  @Test
  void aKeyWithADotIsOneKeyNotAPath() {
    labelled("dotted", "{\"a.b\": \"x\"}");
    labelled("nested", "{\"a\": {\"b\": \"x\"}}");

    assertThat(labelsContaining("{\"a.b\": \"x\"}")).containsExactly("dotted");
    assertThat(labelsContaining("{\"a\": {\"b\": \"x\"}}")).containsExactly("nested");
  }

  @Test
  void keysAndValuesBeyondAsciiMatch() {
    labelled("unicode", "{\"\u00e9quipe\": \"\u641c\u7d22 \ud83d\ude80\", \"with space\": \"[0]\"}");
    labelled("other", "{\"\u00e9quipe\": \"\u641c\u7d22\"}");

    assertThat(labelsContaining("{\"\u00e9quipe\": \"\u641c\u7d22 \ud83d\ude80\", \"with space\": \"[0]\"}"))
        .containsExactly("unicode");
  }

  @Test
  void aFilterIntegerBeyondSixtyFourBitsIsRejectedOnBothBackends() {
    // SQLite's json_extract turns such integers into approximate reals, so it could not match them exactly as
    // PostgreSQL's @> does: refused everywhere rather than answered differently.
    assertThatThrownBy(() -> labelsContaining("{\"seed\": 12345678901234567890}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.seed");
  }

  @Test
  void aLongFilterBeyondDoublePrecisionMatchesOnlyTheSameLong() {
    labelled("same", "{\"seed\": 9007199254740993}");
    labelled("nextDown", "{\"seed\": 9007199254740992}");

    assertThat(labelsContaining("{\"seed\": 9007199254740993}")).containsExactly("same");
  }

  @Test
  void aContainmentFilterKeepsTheVersionOrder() {
    labelled("v1", "{\"team\": \"search\"}");
    labelled("v2", "{\"team\": \"ads\"}");
    labelled("v3", "{\"team\": \"search\"}");

    assertThat(labels(find(CheckpointQuery.all().withMetadataContaining(json("{\"team\": \"search\"}")))))
        .containsExactly("v3", "v1");
  }

  // ============================================================================= findCheckpoints: metric order

  @Test
  void withoutAMetricCheckpointsComeByVersionDescendingThenIdDescending() {
    List<AgentensorCheckpoint> recorded = new ArrayList<>();
    for (int version : new int[] {2, 1, 2, 3, 2}) {
      recorded.add(record(NewCheckpoint.of(WORKFLOW, config(version), null).withConfigVersion(version)));
    }

    assertThat(find(CheckpointQuery.all()).items()).extracting(AgentensorCheckpoint::id)
        .containsExactlyElementsOf(ids(recorded, byVersionThenIdDescending()));
  }

  @Test
  void aMetricOrdersByItsNumericValueHighestFirst() {
    withScore("nine", "9");
    withScore("ten", "10");
    withScore("nineAndAHalf", "9.5");
    withScore("negative", "-1");
    withScore("tiny", "1e-3");

    assertThat(labels(find(CheckpointQuery.byMetric("score"))))
        .containsExactly("ten", "nineAndAHalf", "nine", "tiny", "negative");
  }

  @Test
  void anAscendingMetricOrdersLowestFirst() {
    withScore("nine", "9");
    withScore("ten", "10");
    withScore("nineAndAHalf", "9.5");
    withScore("negative", "-1");

    assertThat(labels(find(ascending("score")))).containsExactly("negative", "nine", "nineAndAHalf", "ten");
  }

  @Test
  void checkpointsWhoseMetricIsMissingOrNotANumberAreLeftOut() {
    withScore("number", "0.5");
    withScore("integer", "2");
    withScore("string", "\"0.9\"");
    withScore("boolean", "true");
    withScore("null", "null");
    withScore("object", "{\"value\": 1}");
    withScore("array", "[1]");
    record(NewCheckpoint.of(WORKFLOW, label("missing"), json("{\"other\": 1}")));

    assertThat(labels(find(CheckpointQuery.byMetric("score")))).containsExactly("integer", "number");
    assertThat(labels(find(ascending("score")))).containsExactly("number", "integer");
  }

  @Test
  void aLowerBoundIsInclusive() {
    withScores(0.1, 0.25, 0.3, 0.5);

    assertThat(scores(find(CheckpointQuery.byMetric("score").atLeast(0.25)))).containsExactly(0.5, 0.3, 0.25);
  }

  @Test
  void anUpperBoundIsInclusive() {
    withScores(0.1, 0.25, 0.3, 0.5);

    assertThat(scores(find(CheckpointQuery.byMetric("score").atMost(0.3)))).containsExactly(0.3, 0.25, 0.1);
  }

  @Test
  void bothBoundsKeepTheValuesBetweenThemInclusive() {
    withScores(0.1, 0.2, 0.3, 0.7, 0.8, 1);

    assertThat(scores(find(new CheckpointQuery(null, "score", 0.2, 0.8, true)))).containsExactly(0.2, 0.3, 0.7, 0.8);
  }

  @Test
  void boundsCompareNumbersNumerically() {
    withScores(9, 10, 100, 2);

    assertThat(scores(find(new CheckpointQuery(null, "score", 9.0, 10.0, false)))).containsExactly(10.0, 9.0);
  }

  /**
   * Metric values are compared as doubles, as the bounds and the cursors are: 9007199254740993 (2^53 + 1) and
   * 9007199254740992 are the same double, so they tie and the id decides. With ten of each, an order that compared
   * them exactly (all the ...993 first) agrees with the id order only by a one-in-184756 chance.
   */
  @Test
  void metricValuesAreComparedAsDoublesSoIntegersBeyondDoublePrecisionTie() {
    List<AgentensorCheckpoint> recorded = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      recorded.add(withScore("c" + i, i % 2 == 0 ? "9007199254740993" : "9007199254740992"));
    }

    assertThat(find(CheckpointQuery.byMetric("score")).items()).extracting(AgentensorCheckpoint::id)
        .containsExactlyElementsOf(sortedIds(recorded, Comparator.reverseOrder()));
  }

  /** Six checkpoints tie at 0.5 and three at 1 (written 1, 1.0 and 1e0): an order other than by id passes 1 in 4320. */
  @Test
  void tiesOnTheMetricAreBrokenByIdDescendingWhenDescending() {
    List<AgentensorCheckpoint> halves = tiedAt("0.5", "0.5", "0.5", "0.5", "0.5", "0.5");
    List<AgentensorCheckpoint> ones = tiedAt("1", "1.0", "1e0");

    List<String> expected = new ArrayList<>(sortedIds(ones, Comparator.reverseOrder()));
    expected.addAll(sortedIds(halves, Comparator.reverseOrder()));
    assertThat(find(CheckpointQuery.byMetric("score")).items()).extracting(AgentensorCheckpoint::id)
        .containsExactlyElementsOf(expected);
  }

  @Test
  void tiesOnTheMetricAreBrokenByIdAscendingWhenAscending() {
    List<AgentensorCheckpoint> halves = tiedAt("0.5", "0.5", "0.5", "0.5", "0.5", "0.5");
    List<AgentensorCheckpoint> ones = tiedAt("1", "1.0", "1e0");

    List<String> expected = new ArrayList<>(sortedIds(halves, Comparator.naturalOrder()));
    expected.addAll(sortedIds(ones, Comparator.naturalOrder()));
    assertThat(find(ascending("score")).items()).extracting(AgentensorCheckpoint::id)
        .containsExactlyElementsOf(expected);
  }

  private List<AgentensorCheckpoint> tiedAt(String... scores) {
    List<AgentensorCheckpoint> recorded = new ArrayList<>();
    for (String score : scores) {
      recorded.add(withScore("tied at " + score, score));
    }
    return recorded;
  }

  @Test
  void aMetadataFilterAndAMetricCombine() {
    record(NewCheckpoint.of(WORKFLOW, label("searchLow"), json("{\"score\": 0.2}"))
        .withMetadata(json("{\"team\": \"search\"}")));
    record(NewCheckpoint.of(WORKFLOW, label("searchHigh"), json("{\"score\": 0.8}"))
        .withMetadata(json("{\"team\": \"search\"}")));
    record(NewCheckpoint.of(WORKFLOW, label("adsHighest"), json("{\"score\": 0.9}"))
        .withMetadata(json("{\"team\": \"ads\"}")));

    assertThat(labels(find(CheckpointQuery.byMetric("score").withMetadataContaining(json("{\"team\": \"search\"}")))))
        .containsExactly("searchHigh", "searchLow");
  }

  // ============================================================================= findCheckpoints: keyset pages

  @Test
  void pagesByVersionReturnEveryCheckpointOnceInOrder() {
    List<AgentensorCheckpoint> recorded = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      // Versions 1..13, most of them twice, so that duplicates straddle page boundaries.
      recorded.add(record(NewCheckpoint.of(WORKFLOW, config(i), null).withConfigVersion(i / 2 + 1)));
    }

    List<List<String>> pages = pageIds(CheckpointQuery.all(), 10);

    assertThat(pages).extracting(List::size).containsExactly(10, 10, 5);
    assertThat(flatten(pages)).containsExactlyElementsOf(ids(recorded, byVersionThenIdDescending()));
  }

  @Test
  void pagesByMetricReturnEveryCheckpointOnceInOrder() {
    List<AgentensorCheckpoint> recorded = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      // Five values, five checkpoints each: ties straddle page boundaries.
      recorded.add(withScore("c" + i, Double.toString((i % 5) * 0.1)));
    }

    List<List<String>> pages = pageIds(CheckpointQuery.byMetric("score"), 4);

    assertThat(pages).extracting(List::size).containsExactly(4, 4, 4, 4, 4, 4, 1);
    assertThat(flatten(pages)).containsExactlyElementsOf(ids(recorded, byScore(false)));
  }

  @Test
  void pagesByAnAscendingMetricReturnEveryCheckpointOnceInOrder() {
    List<AgentensorCheckpoint> recorded = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      recorded.add(withScore("c" + i, Integer.toString(i % 3 == 0 ? 10 : i % 7)));
    }

    List<List<String>> pages = pageIds(ascending("score"), 7);

    assertThat(pages).extracting(List::size).containsExactly(7, 7, 7, 4);
    assertThat(flatten(pages)).containsExactlyElementsOf(ids(recorded, byScore(true)));
  }

  @Test
  void pagesOfABoundedFilteredMetricQueryReturnEveryMatchOnceInOrder() {
    List<AgentensorCheckpoint> matching = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String team = i % 2 == 0 ? "search" : "ads";
      AgentensorCheckpoint recorded = record(NewCheckpoint.of(WORKFLOW, label("c" + i),
          json("{\"score\": " + (i % 5) + "}")).withMetadata(json("{\"team\": \"" + team + "\"}")));
      if (team.equals("search") && i % 5 >= 1 && i % 5 <= 3) {
        matching.add(recorded);
      }
    }
    CheckpointQuery query = new CheckpointQuery(json("{\"team\": \"search\"}"), "score", 1.0, 3.0, false);

    List<List<String>> pages = pageIds(query, 2);

    assertThat(pages).extracting(List::size).containsExactly(2, 2, 2, 1);
    assertThat(flatten(pages)).containsExactlyElementsOf(ids(matching, byScore(false)));
  }

  @Test
  void pagesOverTiedMetricsBeyondDoublePrecisionReturnEveryCheckpointOnce() {
    List<AgentensorCheckpoint> recorded = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      recorded.add(withScore("c" + i, "9007199254740993"));
    }

    assertThat(flatten(pageIds(CheckpointQuery.byMetric("score"), 1)))
        .containsExactlyElementsOf(sortedIds(recorded, Comparator.reverseOrder()));
  }

  @Test
  void aFullLastPageHasNoNextCursor() {
    for (int i = 0; i < 20; i++) {
      record(NewCheckpoint.of(WORKFLOW, config(i), null));
    }

    Page<AgentensorCheckpoint> first = store().findCheckpoints(WORKFLOW, CheckpointQuery.all(), PageRequest.first(10));
    Page<AgentensorCheckpoint> second = store().findCheckpoints(WORKFLOW, CheckpointQuery.all(),
        PageRequest.after(first.nextCursor(), 10));

    assertThat(first.nextCursor()).isNotNull();
    assertThat(second.items()).hasSize(10);
    assertThat(second.nextCursor()).isNull();
  }

  static Stream<Arguments> malformedCursors() {
    return Stream.of(
        arguments(named("not base64", "not a cursor!")),
        arguments(named("base64 of plain text", base64("hello"))),
        arguments(named("only the version", base64("k1"))),
        arguments(named("too many values", base64("k1\u001f3\u001fid\u001fextra\u001f0000000000000000"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedCursors")
  void aMalformedCursorIsRejected(String cursor) {
    withScores(0.1, 0.2, 0.3);

    assertThatThrownBy(() -> store().findCheckpoints(WORKFLOW, CheckpointQuery.all(), PageRequest.after(cursor, 2)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("malformed");
  }

  @Test
  void anEditedCursorIsRejected() {
    withScores(0.1, 0.2, 0.3);
    String cursor = store().findCheckpoints(WORKFLOW, CheckpointQuery.byMetric("score"), PageRequest.first(1))
        .nextCursor();
    String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    String edited = base64(text.replaceFirst("\u001f[^\u001f]+", "\u001f0.0"));

    assertThatThrownBy(() -> store().findCheckpoints(WORKFLOW, CheckpointQuery.byMetric("score"),
        PageRequest.after(edited, 1))).isInstanceOf(ValidationException.class);
  }

  static Stream<Arguments> otherQueries() {
    return Stream.of(
        arguments(named("another workflow", OTHER_WORKFLOW), named("the same query", (Supplier<CheckpointQuery>)
            () -> CheckpointQuery.byMetric("score"))),
        arguments(named("the same workflow", WORKFLOW), named("another metric", (Supplier<CheckpointQuery>)
            () -> CheckpointQuery.byMetric("loss"))),
        arguments(named("the same workflow", WORKFLOW), named("the same metric ascending",
            (Supplier<CheckpointQuery>) () -> ascending("score"))),
        arguments(named("the same workflow", WORKFLOW), named("the same metric with a bound",
            (Supplier<CheckpointQuery>) () -> CheckpointQuery.byMetric("score").atLeast(0.0))),
        arguments(named("the same workflow", WORKFLOW), named("the same metric with a metadata filter",
            (Supplier<CheckpointQuery>) () -> CheckpointQuery.byMetric("score").withMetadataContaining(json("{}")))),
        arguments(named("the same workflow", WORKFLOW), named("no metric",
            (Supplier<CheckpointQuery>) CheckpointQuery::all)));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("otherQueries")
  void aCursorFromAnotherQueryIsRejected(String workflow, Supplier<CheckpointQuery> other) {
    for (int i = 0; i < 3; i++) {
      record(NewCheckpoint.of(WORKFLOW, config(i), json("{\"score\": " + i + ", \"loss\": " + i + "}")));
      record(NewCheckpoint.of(OTHER_WORKFLOW, config(i), json("{\"score\": " + i + ", \"loss\": " + i + "}")));
    }
    String cursor = store().findCheckpoints(WORKFLOW, CheckpointQuery.byMetric("score"), PageRequest.first(1))
        .nextCursor();
    assertThat(cursor).isNotNull();

    assertThatThrownBy(() -> store().findCheckpoints(workflow, other.get(), PageRequest.after(cursor, 1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("does not belong to this listing");
  }

  @Test
  void aCursorServesTheSameFilterWrittenWithItsKeysInAnotherOrder() {
    for (int i = 0; i < 3; i++) {
      labelled("c" + i, "{\"team\": \"search\", \"run\": {\"env\": \"prod\", \"seed\": 7}}");
    }
    CheckpointQuery written = CheckpointQuery.all()
        .withMetadataContaining(json("{\"team\": \"search\", \"run\": {\"env\": \"prod\", \"seed\": 7}}"));
    CheckpointQuery reordered = CheckpointQuery.all()
        .withMetadataContaining(json("{\"run\": {\"seed\": 7, \"env\": \"prod\"}, \"team\": \"search\"}"));
    String cursor = store().findCheckpoints(WORKFLOW, written, PageRequest.first(1)).nextCursor();

    Page<AgentensorCheckpoint> next = store().findCheckpoints(WORKFLOW, reordered, PageRequest.after(cursor, 1));

    assertThat(labels(next)).containsExactly("c1");
  }

  static Stream<Arguments> unsupportedQueries() {
    return Stream.of(
        unsupported("an array of objects", () -> CheckpointQuery.all()
            .withMetadataContaining(json("{\"tags\": [{\"name\": \"a\"}]}"))),
        unsupported("an array of arrays", () -> CheckpointQuery.all()
            .withMetadataContaining(json("{\"grid\": [[1, 2]]}"))),
        unsupported("a nested array of objects", () -> CheckpointQuery.all()
            .withMetadataContaining(json("{\"run\": {\"steps\": [{\"id\": 1}]}}"))),
        unsupported("a key with a double quote", () -> CheckpointQuery.all()
            .withMetadataContaining(json("{\"say \\\"hi\\\"\": 1}"))),
        unsupported("a key with a backslash", () -> CheckpointQuery.all()
            .withMetadataContaining(json("{\"a\\\\b\": 1}"))),
        unsupported("a NUL in a value", () -> CheckpointQuery.all()
            .withMetadataContaining(json("{\"a\": \"x\\u0000y\"}"))),
        unsupported("an empty metric name", () -> CheckpointQuery.byMetric("")),
        unsupported("a metric name with a double quote", () -> CheckpointQuery.byMetric("acc\"uracy")),
        unsupported("a bound without a metric", () -> new CheckpointQuery(null, null, 0.5, null, false)),
        unsupported("ascending without a metric", () -> new CheckpointQuery(null, null, null, null, true)),
        unsupported("min above max", () -> new CheckpointQuery(null, "score", 0.9, 0.1, false)),
        unsupported("a NaN bound", () -> new CheckpointQuery(null, "score", Double.NaN, null, false)),
        unsupported("an infinite bound", () -> new CheckpointQuery(null, "score", null,
            Double.POSITIVE_INFINITY, false)));
  }

  private static Arguments unsupported(String name, Supplier<CheckpointQuery> query) {
    return arguments(named(name, query));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupportedQueries")
  void anUnsupportedFilterIsRejected(Supplier<CheckpointQuery> query) {
    withScores(0.5);

    assertThatThrownBy(() -> store().findCheckpoints(WORKFLOW, query.get(), EVERYTHING))
        .isInstanceOf(ValidationException.class);
  }

  // ======================================================================================================= helpers

  AgentensorCheckpoint record(NewCheckpoint request) {
    AgentensorCheckpoint recorded = store().recordCheckpoint(request);
    clock.advance(Duration.ofSeconds(1));
    return recorded;
  }

  static ObjectNode json(String text) {
    return (ObjectNode) JsonCodec.read(text);
  }

  static ObjectNode config(int step) {
    return json("{\"step\": " + step + "}");
  }

  static ObjectNode metrics(double accuracy) {
    return json("{\"accuracy\": " + accuracy + "}");
  }

  static ObjectNode label(String label) {
    return json("{\"label\": \"" + label + "\"}");
  }

  static String labelOf(AgentensorCheckpoint checkpoint) {
    return checkpoint.runnableConfig().path("label").asText();
  }

  static CheckpointQuery ascending(String metric) {
    return CheckpointQuery.byMetric(metric).lowestFirst();
  }

  static String base64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A checkpoint labelled {@code label} with this metadata. */
  AgentensorCheckpoint labelled(String label, String metadata) {
    return record(NewCheckpoint.of(WORKFLOW, label(label), null).withMetadata(json(metadata)));
  }

  /** A checkpoint labelled {@code label} whose metric {@code score} is the JSON value {@code score}. */
  AgentensorCheckpoint withScore(String label, String score) {
    return record(NewCheckpoint.of(WORKFLOW, label(label), json("{\"score\": " + score + "}")));
  }

  void withScores(double... scores) {
    for (double score : scores) {
      withScore(Double.toString(score), Double.toString(score));
    }
  }

  Page<AgentensorCheckpoint> find(CheckpointQuery query) {
    Page<AgentensorCheckpoint> page = store().findCheckpoints(WORKFLOW, query, EVERYTHING);
    assertThat(page.nextCursor()).as("one page holds every result").isNull();
    return page;
  }

  List<String> labelsContaining(String metadata) {
    return labels(find(CheckpointQuery.all().withMetadataContaining(json(metadata))));
  }

  static List<String> labels(Page<AgentensorCheckpoint> page) {
    return page.items().stream().map(CheckpointContract::labelOf).toList();
  }

  static List<Double> scores(Page<AgentensorCheckpoint> page) {
    return page.items().stream().map(c -> c.metric("score").doubleValue()).toList();
  }

  /** The ids of every page of {@code query}, following the cursors; fails if a page repeats an id. */
  List<List<String>> pageIds(CheckpointQuery query, int size) {
    List<List<String>> pages = new ArrayList<>();
    HashSet<String> seen = new HashSet<>();
    PageRequest request = PageRequest.first(size);
    while (request != null) {
      Page<AgentensorCheckpoint> page = store().findCheckpoints(WORKFLOW, query, request);
      List<String> ids = page.items().stream().map(AgentensorCheckpoint::id).toList();
      assertThat(ids).as("page %d", pages.size() + 1).allSatisfy(id -> assertThat(seen.add(id)).isTrue());
      pages.add(ids);
      assertThat(pages.size()).as("pages").isLessThanOrEqualTo(30);
      request = page.next(size).orElse(null);
    }
    return pages;
  }

  static List<String> flatten(List<List<String>> pages) {
    return pages.stream().flatMap(List::stream).toList();
  }

  static Comparator<AgentensorCheckpoint> byVersionThenIdDescending() {
    return Comparator.comparingInt(AgentensorCheckpoint::configVersion).thenComparing(AgentensorCheckpoint::id)
        .reversed();
  }

  static Comparator<AgentensorCheckpoint> byScore(boolean ascending) {
    Comparator<AgentensorCheckpoint> order = Comparator.<AgentensorCheckpoint>comparingDouble(
        c -> c.metric("score").doubleValue()).thenComparing(AgentensorCheckpoint::id);
    return ascending ? order : order.reversed();
  }

  static List<String> ids(List<AgentensorCheckpoint> checkpoints, Comparator<AgentensorCheckpoint> order) {
    return checkpoints.stream().sorted(order).map(AgentensorCheckpoint::id).toList();
  }

  /** The ids of {@code checkpoints}, sorted as strings. */
  static List<String> sortedIds(List<AgentensorCheckpoint> checkpoints, Comparator<String> order) {
    return checkpoints.stream().map(AgentensorCheckpoint::id).sorted(order).toList();
  }

  // ------------------------------------------------------------------------------------------------- raw JDBC

  private Connection connection() throws SQLException {
    return persistence.database(Store.REPOSITORY).dataSource().getConnection();
  }

  List<List<String>> raw(String sql, Object... parameters) throws SQLException {
    try (Connection connection = connection()) {
      return Rows.query(connection, sql, parameters);
    }
  }

  int rawUpdate(String sql, Object... parameters) throws SQLException {
    try (Connection connection = connection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }

  long storedRows() throws SQLException {
    return Long.parseLong(raw("SELECT count(*) FROM agentensor_checkpoints").get(0).get(0));
  }

  /** The ids of the workflow's rows whose {@code is_best} is set, read beneath the store. */
  List<String> bestRows(String workflowId) throws SQLException {
    return raw("SELECT id FROM agentensor_checkpoints WHERE workflow_id = ? AND is_best", workflowId).stream()
        .map(row -> row.get(0)).toList();
  }
}
