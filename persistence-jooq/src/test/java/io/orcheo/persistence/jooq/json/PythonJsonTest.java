package io.orcheo.persistence.jooq.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.workflows.Fixtures;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link PythonJson} writes what Python's {@code json.dumps(obj, sort_keys=True)}, pretty or compact, writes. */
class PythonJsonTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static String dumps(String json) {
    return PythonJson.dumpsPretty(JsonCodec.read(json));
  }

  private static String dumps(double value) {
    return PythonJson.dumpsPretty(DoubleNode.valueOf(value));
  }

  @Test
  void objectMembersGoOnIndentedLinesWithColonSpaceBetweenKeyAndValue() {
    assertThat(dumps("{\"a\":{\"b\":1}}")).isEqualTo("{\n  \"a\": {\n    \"b\": 1\n  }\n}");
  }

  @Test
  void arrayItemsGoOnIndentedLinesEndedByACommaExceptTheLast() {
    assertThat(dumps("[1,[2,3]]")).isEqualTo("[\n  1,\n  [\n    2,\n    3\n  ]\n]");
  }

  @Test
  void emptyContainersStayOnOneLine() {
    assertThat(dumps("{\"a\":[],\"b\":{}}")).isEqualTo("{\n  \"a\": [],\n  \"b\": {}\n}");
  }

  @Test
  void keysAreSortedByCodePointRatherThanUtf16Unit() {
    ObjectNode document = JSON.objectNode().put("\ud83d\ude00", 1).put("\uffff", 2).put("a", 3);

    assertThat(PythonJson.dumpsPretty(document))
        .isEqualTo("{\n  \"a\": 3,\n  \"\\uffff\": 2,\n  \"\\ud83d\\ude00\": 1\n}");
  }

  @Test
  void quoteAndBackslashAreEscaped() {
    assertThat(PythonJson.dumpsPretty(JSON.textNode("say \"C:\\\""))).isEqualTo("\"say \\\"C:\\\\\\\"\"");
  }

  @Test
  void commonControlCharactersUseTheirShortEscapes() {
    assertThat(PythonJson.dumpsPretty(JSON.textNode("\n\r\t\b\f"))).isEqualTo("\"\\n\\r\\t\\b\\f\"");
  }

  @Test
  void otherControlCharactersAreEscapedAsUnicodeEscapes() {
    assertThat(PythonJson.dumpsPretty(JSON.textNode("\u0000\u0001\u001f"))).isEqualTo("\"\\u0000\\u0001\\u001f\"");
  }

  @Test
  void delIsEscapedLikeAnyCharacterOutsidePrintableAscii() {
    assertThat(PythonJson.dumpsPretty(JSON.textNode("\u007f"))).isEqualTo("\"\\u007f\"");
  }

  @Test
  void printableAsciiIncludingSlashIsWrittenRaw() {
    assertThat(PythonJson.dumpsPretty(JSON.textNode(" a/Z~"))).isEqualTo("\" a/Z~\"");
  }

  @Test
  void nonAsciiIsEscapedAsLowercaseUnicodeEscapes() {
    assertThat(PythonJson.dumpsPretty(JSON.textNode("caf\u00e9 \u5de5 \uabcd")))
        .isEqualTo("\"caf\\u00e9 \\u5de5 \\uabcd\"");
  }

  @Test
  void charactersOutsideTheBmpAreEscapedAsSurrogatePairs() {
    assertThat(PythonJson.dumpsPretty(JSON.textNode("\ud83d\ude80"))).isEqualTo("\"\\ud83d\\ude80\"");
  }

  @Test
  void integersOfEveryNodeTypeAreWrittenExactly() {
    List<JsonNode> integers = List.of(ShortNode.valueOf((short) -7), IntNode.valueOf(Integer.MIN_VALUE),
        LongNode.valueOf(Long.MAX_VALUE), BigIntegerNode.valueOf(BigInteger.TWO.pow(100).negate()));

    assertThat(integers).extracting(PythonJson::dumpsPretty)
        .containsExactly("-7", "-2147483648", "9223372036854775807", "-1267650600228229401496703205376");
  }

  @Test
  void floatsUseTheShortestDigitsThatReadBackAsTheSameDouble() {
    assertThat(List.of(0.1, 1.0 / 3, 0.1 + 0.2)).extracting(PythonJsonTest::dumps)
        .containsExactly("0.1", "0.3333333333333333", "0.30000000000000004");
  }

  @Test
  void floatsWithDecimalExponentFromMinusFourToFifteenAreFixedWithAtLeastOneDecimal() {
    assertThat(List.of(1.0, 0.0001, 100000000000000.0, 1e15)).extracting(PythonJsonTest::dumps)
        .containsExactly("1.0", "0.0001", "100000000000000.0", "1000000000000000.0");
  }

  @Test
  void floatsWithDecimalExponentOutsideMinusFourToFifteenAreScientificWithSignedTwoDigitExponent() {
    assertThat(List.of(1e-05, 1e16, 1.5e300, -2.5e-300, 5e-324)).extracting(PythonJsonTest::dumps)
        .containsExactly("1e-05", "1e+16", "1.5e+300", "-2.5e-300", "5e-324");
  }

  @Test
  void negativeZeroKeepsItsSign() {
    assertThat(dumps(-0.0)).isEqualTo("-0.0");
    assertThat(dumps(0.0)).isEqualTo("0.0");
  }

  @Test
  void nonFiniteFloatsAreWrittenAsPythonSpellsThem() {
    assertThat(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))
        .extracting(PythonJsonTest::dumps).containsExactly("NaN", "Infinity", "-Infinity");
  }

  @Test
  void shortestDigitsMayLieOnTheFartherSideOfAPowerOfTwo() {
    assertThat(dumps(Math.scalb(1.0, -1017))).isEqualTo("7.120236347223045e-307");
  }

  @Test
  void shortestDigitsEquallyCloseOnBothSidesRoundHalfToEven() {
    double twoToFifty = Math.scalb(1.0, 50);

    assertThat(List.of(twoToFifty + 0.25, twoToFifty + 0.75)).extracting(PythonJsonTest::dumps)
        .containsExactly("1125899906842624.2", "1125899906842624.8");
  }

  @Test
  void bigDecimalsAreWrittenAsTheNearestDoubleBecausePythonReadsThemAsFloats() {
    assertThat(PythonJson.dumpsPretty(DecimalNode.valueOf(new BigDecimal("0.1000000000000000000001"))))
        .isEqualTo("0.1");
    assertThat(PythonJson.dumpsPretty(DecimalNode.valueOf(new BigDecimal("1E+2")))).isEqualTo("100.0");
  }

  @Test
  void floatNodesAreWrittenAsTheirExactDoubleWidening() {
    assertThat(PythonJson.dumpsPretty(FloatNode.valueOf(0.1f))).isEqualTo("0.10000000149011612");
  }

  @Test
  void booleansAndNullAreWrittenAsJsonLiterals() {
    assertThat(dumps("[true,false,null]")).isEqualTo("[\n  true,\n  false,\n  null\n]");
  }

  @Test
  void nodesThatAreNotJsonValuesAreRejected() {
    assertThatThrownBy(() -> PythonJson.dumpsPretty(MissingNode.getInstance()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MISSING");
  }

  static List<String> goldenCases() {
    return Fixtures.lines("dumps/index.txt");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenCases")
  void matchesPythonsOutputForEachGoldenCase(String name) {
    String input = Fixtures.text("dumps/" + name + ".json");

    assertThat(PythonJson.dumpsPretty(JsonCodec.read(input))).isEqualTo(Fixtures.text("dumps/" + name + ".txt"));
  }

  @Test
  void compactOutputHasNoWhitespaceSortedKeysAndAsciiEscapes() {
    assertThat(PythonJson.dumpsCompact(JsonCodec.read("{\"b\":[1,2.5,{\"\u00e9\":\"\u65e5\u672c\ud83d\ude00\"}],\"a\":null,\"c\":\"x\\\"y\",\"d\":{},\"e\":[],\"f\":1e16}")))
        .isEqualTo("{\"a\":null,\"b\":[1,2.5,{\"\\u00e9\":\"\\u65e5\\u672c\\ud83d\\ude00\"}],\"c\":\"x\\\"y\",\"d\":{},\"e\":[],\"f\":1e+16}");
  }
}
