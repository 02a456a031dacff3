package io.orcheo.persistence.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.orcheo.persistence.core.error.ValidationException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonValuesTest {
  // Single quotes keep the JSON literals below readable.
  private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(int... values) {
    byte[] result = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (byte) values[i];
    }
    return result;
  }

  private record Point(int x, int y) {}

  private record Sample(String name, Point at, Instant when) {}

  private record Holder(List<Object> items) {}

  private record Failing(String name) {
    @Override
    public String name() {
      throw new IllegalStateException("not loaded");
    }
  }

  private enum Color {
    RED
  }

  private enum Status implements JsonValues.Valued {
    RUNNING;

    @Override
    public String value() {
      return "running";
    }
  }

  private static final class Opaque {
    @Override
    public String toString() {
      return "Opaque#1";
    }
  }

  @Test
  void nullBecomesJsonNull() {
    assertThat(JsonValues.normalize(null).isNull()).isTrue();
  }

  @Test
  void stringPassesThrough() {
    assertThat(JsonValues.normalize("héllo 📄")).isEqualTo(json("'héllo 📄'"));
  }

  @Test
  void booleanPassesThrough() {
    assertThat(JsonValues.normalize(false)).isEqualTo(json("false"));
  }

  @Test
  void integersTakeTheNodeTypeJacksonReadsBack() {
    List<Object> values =
        List.of((byte) 1, (short) 2, 3, 4L, 3_000_000_000L, BigInteger.valueOf(5), BigInteger.valueOf(6_000_000_000L));

    assertThat(JsonValues.normalize(values)).isEqualTo(json("[1, 2, 3, 4, 3000000000, 5, 6000000000]"));
  }

  @Test
  void bigIntegerStaysExact() {
    JsonNode node = JsonValues.normalize(BigInteger.TWO.pow(64));

    assertThat(node).isInstanceOf(BigIntegerNode.class);
    assertThat(text(node)).isEqualTo("18446744073709551616");
  }

  @Test
  void negativeZeroKeepsItsSign() {
    assertThat(text(JsonValues.normalize(-0.0))).isEqualTo("-0.0");
  }

  @Test
  void floatIsStoredAsTheDecimalItWasWrittenAs() {
    assertThat(JsonValues.normalize(0.1f)).isEqualTo(DoubleNode.valueOf(0.1));
  }

  @Test
  void nanIsRejectedNamingItsPath() {
    assertThatThrownBy(() -> JsonValues.normalize(Map.of("metrics", Map.of("loss", Double.NaN))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.metrics.loss");
  }

  @Test
  void infinityInAListIsRejectedNamingItsIndex() {
    assertThatThrownBy(() -> JsonValues.normalize(Map.of("scores", List.of(1.0, Float.NEGATIVE_INFINITY))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.scores[1]");
  }

  @Test
  void pathQuotesAKeyThatIsNotAnIdentifier() {
    assertThatThrownBy(() -> JsonValues.normalize(Map.of("a.b", Double.POSITIVE_INFINITY)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$[\"a.b\"]");
  }

  @Test
  void bigDecimalBecomesPythonsDecimalText() {
    List<BigDecimal> values = List.of(new BigDecimal("1E+2"), new BigDecimal("1.50"), new BigDecimal("0.0000001"));

    assertThat(JsonValues.normalize(values)).isEqualTo(json("['1E+2', '1.50', '1E-7']"));
  }

  @Test
  void instantIsIsoformatWithPlusZeroZero() {
    Instant instant = Instant.parse("2025-01-02T03:04:05.123456Z");

    assertThat(JsonValues.normalize(instant).textValue()).isEqualTo("2025-01-02T03:04:05.123456+00:00");
  }

  @Test
  void instantWithoutMicrosecondsHasNoFraction() {
    Instant instant = Instant.parse("2025-01-02T03:04:05Z");

    assertThat(JsonValues.normalize(instant).textValue()).isEqualTo("2025-01-02T03:04:05+00:00");
  }

  @Test
  void instantFractionIsPaddedToSixDigits() {
    Instant instant = Instant.parse("2025-01-02T03:04:05.5Z");

    assertThat(JsonValues.normalize(instant).textValue()).isEqualTo("2025-01-02T03:04:05.500000+00:00");
  }

  @Test
  void instantNanosecondsAreTruncatedToMicroseconds() {
    Instant instant = Instant.parse("2025-01-02T03:04:05.000123999Z");

    assertThat(JsonValues.normalize(instant).textValue()).isEqualTo("2025-01-02T03:04:05.000123+00:00");
  }

  @Test
  void offsetDateTimeKeepsItsOffset() {
    OffsetDateTime value = OffsetDateTime.of(2025, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2));

    assertThat(JsonValues.normalize(value).textValue()).isEqualTo("2025-01-02T03:04:05+02:00");
  }

  @Test
  void utcOffsetDateTimeIsWrittenPlusZeroZero() {
    OffsetDateTime value = OffsetDateTime.of(2025, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

    assertThat(JsonValues.normalize(value).textValue()).isEqualTo("2025-01-02T03:04:05+00:00");
  }

  @Test
  void zonedDateTimeIsWrittenWithItsOffsetNotItsZone() {
    ZonedDateTime value = ZonedDateTime.of(2025, 7, 2, 3, 4, 5, 0, ZoneId.of("Europe/Amsterdam"));

    assertThat(JsonValues.normalize(value).textValue()).isEqualTo("2025-07-02T03:04:05+02:00");
  }

  @Test
  void localDateTimeHasSecondsAndNoOffset() {
    LocalDateTime value = LocalDateTime.of(2025, 1, 2, 3, 4);

    assertThat(JsonValues.normalize(value).textValue()).isEqualTo("2025-01-02T03:04:00");
  }

  @Test
  void localDateIsIsoformat() {
    assertThat(JsonValues.normalize(LocalDate.of(2025, 1, 2)).textValue()).isEqualTo("2025-01-02");
  }

  @Test
  void localTimeHasSecondsAndASixDigitFraction() {
    assertThat(JsonValues.normalize(LocalTime.of(3, 4, 0, 120_000_000)).textValue()).isEqualTo("03:04:00.120000");
  }

  @Test
  void offsetTimeKeepsItsOffset() {
    OffsetTime value = OffsetTime.of(3, 4, 5, 0, ZoneOffset.ofHoursMinutes(-5, -30));

    assertThat(JsonValues.normalize(value).textValue()).isEqualTo("03:04:05-05:30");
  }

  @Test
  void uuidPathAndUriBecomeTheirText() {
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    Path path = Path.of("data", "run.json");
    URI uri = URI.create("https://example.com/a");

    JsonNode normalized = JsonValues.normalize(List.of(id, path, uri));

    assertThat(normalized)
        .isEqualTo(JSON.createArrayNode().add(id.toString()).add(path.toString()).add(uri.toString()));
  }

  @Test
  void validUtf8BytesAreDecoded() {
    assertThat(JsonValues.normalize("é 📄".getBytes(StandardCharsets.UTF_8)).textValue())
        .isEqualTo("é 📄");
  }

  @Test
  void malformedUtf8BytesAreReplaced() {
    // A stray continuation byte, then a four-byte sequence cut short, then an invalid lead byte.
    byte[] value = bytes('a', 0x80, 'b', 0xF0, 0x9F, 0x98, 'c', 0xFF);

    assertThat(JsonValues.normalize(value).textValue()).isEqualTo("a\uFFFDb\uFFFDc\uFFFD");
  }

  @Test
  void encodedSurrogateIsReplacedByteByByteAsPythonDoes() {
    // Python gives three U+FFFD for ED A0 80 (ED allows only 80..9F next); Java's own decoder gives one.
    assertThat(JsonValues.normalize(bytes(0xED, 0xA0, 0x80)).textValue()).isEqualTo("\uFFFD\uFFFD\uFFFD");
  }

  @Test
  void overlongEncodingIsReplacedByteByByte() {
    assertThat(JsonValues.normalize(bytes(0xC0, 0x80)).textValue()).isEqualTo("\uFFFD\uFFFD");
  }

  @Test
  void enumBecomesItsName() {
    assertThat(JsonValues.normalize(Color.RED).textValue()).isEqualTo("RED");
  }

  @Test
  void valuedEnumBecomesItsValue() {
    assertThat(JsonValues.normalize(Status.RUNNING).textValue()).isEqualTo("running");
  }

  @Test
  void mapKeysBecomeStrings() {
    Map<Object, Object> value = new LinkedHashMap<>();
    value.put(1, "one");
    value.put(Color.RED, "red");

    assertThat(JsonValues.normalize(value)).isEqualTo(json("{'1': 'one', 'RED': 'red'}"));
  }

  @Test
  void mapEntriesKeepTheirOrder() {
    Map<String, Integer> value = new LinkedHashMap<>();
    value.put("b", 1);
    value.put("a", 2);

    assertThat(text(JsonValues.normalize(value))).isEqualTo("{\"b\":1,\"a\":2}");
  }

  @Test
  void setBecomesArray() {
    assertThat(JsonValues.normalize(new LinkedHashSet<>(List.of("x", "y")))).isEqualTo(json("['x', 'y']"));
  }

  @Test
  void objectArrayBecomesArray() {
    assertThat(JsonValues.normalize(new Object[] {"x", 1, null})).isEqualTo(json("['x', 1, null]"));
  }

  @Test
  void primitiveArrayBecomesArray() {
    assertThat(JsonValues.normalize(new double[] {1.5, -2.0})).isEqualTo(json("[1.5, -2.0]"));
  }

  @Test
  void optionalBecomesItsValueOrNull() {
    assertThat(JsonValues.normalize(List.of(Optional.of(3), Optional.empty()))).isEqualTo(json("[3, null]"));
  }

  @Test
  void recordBecomesObjectOfItsComponents() {
    Sample value = new Sample("probe", new Point(1, 2), Instant.parse("2025-01-02T03:04:05Z"));

    assertThat(JsonValues.normalize(value))
        .isEqualTo(json("{'name': 'probe', 'at': {'x': 1, 'y': 2}, 'when': '2025-01-02T03:04:05+00:00'}"));
  }

  @Test
  void recordWhoseAccessorFailsIsRejectedNamingItsPath() {
    assertThatThrownBy(() -> JsonValues.normalize(Map.of("item", new Failing("x"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.item.name")
        .hasMessageContaining("not loaded");
  }

  @Test
  void otherObjectBecomesItsToString() {
    assertThat(JsonValues.normalize(new Opaque()).textValue()).isEqualTo("Opaque#1");
  }

  @Test
  void selfContainingMapBecomesRecursiveMarker() {
    Map<String, Object> value = new HashMap<>();
    value.put("self", value);

    assertThat(JsonValues.normalize(value)).isEqualTo(json("{'self': '<recursive>'}"));
  }

  @Test
  void cycleThroughARecordBecomesRecursiveMarker() {
    List<Object> items = new ArrayList<>();
    Holder holder = new Holder(items);
    items.add(Map.of("back", holder));

    assertThat(JsonValues.normalize(holder)).isEqualTo(json("{'items': [{'back': '<recursive>'}]}"));
  }

  @Test
  void sharedValueThatIsNoCycleIsWrittenEachTime() {
    List<Integer> shared = List.of(1, 2);

    assertThat(JsonValues.normalize(List.of(shared, shared))).isEqualTo(json("[[1, 2], [1, 2]]"));
  }

  @Test
  void jsonNodeIsCopiedNotShared() {
    ObjectNode original = (ObjectNode) json("{'a': {'b': 1}}");

    JsonNode normalized = JsonValues.normalize(original);
    ((ObjectNode) original.get("a")).put("b", 2);

    assertThat(normalized).isEqualTo(json("{'a': {'b': 1}}"));
  }

  @Test
  void selfContainingJsonNodeBecomesRecursiveMarker() {
    ArrayNode node = JsonNodeFactory.instance.arrayNode();
    node.add(node);

    assertThat(JsonValues.normalize(node)).isEqualTo(json("['<recursive>']"));
  }

  @Test
  void pojoNodeIsConvertedLikeItsValue() {
    assertThat(JsonValues.normalize(new POJONode(new Point(1, 2)))).isEqualTo(json("{'x': 1, 'y': 2}"));
  }

  @Test
  void binaryNodeIsDecodedLikeBytes() {
    assertThat(JsonValues.normalize(BinaryNode.valueOf(bytes('o', 'k', 0xFF))).textValue()).isEqualTo("ok\uFFFD");
  }

  @Test
  void missingNodeBecomesNull() {
    assertThat(JsonValues.normalize(MissingNode.getInstance()).isNull()).isTrue();
  }

  @Test
  void nulInStringIsRejectedNamingItsPath() {
    assertThatThrownBy(() -> JsonValues.normalize(Map.of("inputs", List.of("ok", "a\u0000b"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.inputs[1]")
        .hasMessageContaining("NUL");
  }

  @Test
  void nulInMapKeyIsRejected() {
    assertThatThrownBy(() -> JsonValues.normalize(Map.of("a\u0000", 1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$[\"a\\u0000\"]");
  }

  @Test
  void nulInsideJsonNodeIsRejected() {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("note", "x\u0000");

    assertThatThrownBy(() -> JsonValues.normalize(node))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.note");
  }

  @Test
  void nanInsideJsonNodeIsRejected() {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("loss", Double.NaN);

    assertThatThrownBy(() -> JsonValues.normalize(node))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.loss");
  }

  private static Object nested(int depth) {
    Object value = 0;
    for (int i = 0; i < depth; i++) {
      value = List.of(value);
    }
    return value;
  }

  @Test
  void nestingAtTheLimitIsStoredAndReadBack() {
    JsonNode normalized = JsonValues.normalize(nested(500));

    assertThat(json(text(normalized))).isEqualTo(normalized);
  }

  @Test
  void nestingBeyondTheLimitIsRejected() {
    assertThatThrownBy(() -> JsonValues.normalize(nested(501)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("more than 500 deep");
  }

  @Test
  void normalisedTreeEqualsItsStoredTextReadBack() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("big", BigInteger.TWO.pow(70).negate());
    value.put("zero", -0.0);
    value.put("huge", 1.5e300);
    value.put("count", 7L);

    JsonNode normalized = JsonValues.normalize(value);

    assertThat(json(text(normalized))).isEqualTo(normalized);
  }

  @Test
  void topLevelListIsWrappedAsValue() {
    assertThat(JsonValues.normalizeMapping(List.of(1, 2))).isEqualTo(json("{'value': [1, 2]}"));
  }

  @Test
  void topLevelRecordIsNotWrapped() {
    assertThat(JsonValues.normalizeMapping(new Point(1, 2))).isEqualTo(json("{'x': 1, 'y': 2}"));
  }

  @Test
  void nullMappingBecomesEmptyObject() {
    assertThat(JsonValues.normalizeMapping(null)).isEqualTo(json("{}"));
  }
}
