package io.orcheo.persistence.jooq.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.StorageException;
import io.orcheo.persistence.core.error.ValidationException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The document rules of {@link JsonCodec}: one rule for NUL, NaN and numbers on both backends. */
class JsonCodecTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Test
  void nulInAStringValueIsRejectedNamingItsPath() {
    ObjectNode document = JSON.objectNode();
    document.putObject("outer").putArray("items").add("fine").add("bad\u0000byte");

    assertThatThrownBy(() -> JsonCodec.write(document)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.outer.items[1]").hasMessageContaining("NUL");
  }

  @Test
  void aLoneSurrogateInAStringValueIsRejectedNamingItsPath() {
    ObjectNode document = JSON.objectNode();
    document.putObject("message").put("text", "half a pair \uD83D");

    assertThatThrownBy(() -> JsonCodec.write(document)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.message.text").hasMessageContaining("lone UTF-16 surrogate");
  }

  @Test
  void aLoneSurrogateInAFieldNameIsRejected() {
    ObjectNode document = JSON.objectNode();
    document.put("key\uDCC4", 1);

    assertThatThrownBy(() -> JsonCodec.write(document)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("field name").hasMessageContaining("lone UTF-16 surrogate");
  }

  @Test
  void nulInAFieldNameIsRejectedNamingTheObjectsPath() {
    ObjectNode document = JSON.objectNode();
    document.putObject("outer").put("bad\u0000key", 1);

    assertThatThrownBy(() -> JsonCodec.write(document)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("field name under $.outer").hasMessageContaining("NUL");
  }

  @Test
  void nulInATopLevelStringIsRejected() {
    assertThatThrownBy(() -> JsonCodec.write(JSON.textNode("\u0000"))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("$");
  }

  @Test
  void nanIsRejectedOnWrite() {
    ObjectNode document = JSON.objectNode().put("x", Double.NaN);

    assertThatThrownBy(() -> JsonCodec.write(document)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("$.x");
  }

  @Test
  void positiveAndNegativeInfinityAreRejectedOnWrite() {
    assertThatThrownBy(() -> JsonCodec.write(JSON.arrayNode().add(Double.POSITIVE_INFINITY)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("$[0]");
    assertThatThrownBy(() -> JsonCodec.write(JSON.arrayNode().add(1).add(Float.NEGATIVE_INFINITY)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("$[1]");
  }

  @Test
  void nanWrittenByPythonIsAcceptedOnRead() {
    JsonNode read = JsonCodec.read("{\"x\": NaN}");

    assertThat(read.get("x").isNumber()).isTrue();
    assertThat(read.get("x").doubleValue()).isNaN();
  }

  @Test
  void infinitiesWrittenByPythonAreAcceptedOnRead() {
    JsonNode read = JsonCodec.read("[Infinity, -Infinity]");

    assertThat(read.get(0).doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(read.get(1).doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void integersBeyond64BitsStayExactThroughReadAndWrite() {
    String text = "{\"big\":18446744073709551616,\"neg\":-170141183460469231731687303715884105729}";

    JsonNode read = JsonCodec.read(text);

    assertThat(read.get("big").bigIntegerValue()).isEqualTo(new BigInteger("18446744073709551616"));
    assertThat(JsonCodec.write(read)).isEqualTo(text);
  }

  @Test
  void negativeZeroKeepsItsSignThroughReadAndWrite() {
    JsonNode read = JsonCodec.read("{\"z\": -0.0}");

    assertThat(Double.doubleToRawLongBits(read.get("z").doubleValue()))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(JsonCodec.write(read)).isEqualTo("{\"z\":-0.0}");
  }

  @Test
  void writeIsCompactAndParsesBackEqual() {
    JsonNode read = JsonCodec.read("{\"a\": [1, 2.5, \"x\"], \"b\": {\"c\": null}}");

    String written = JsonCodec.write(read);

    assertThat(written).isEqualTo("{\"a\":[1,2.5,\"x\"],\"b\":{\"c\":null}}");
    assertThat(JsonCodec.read(written)).isEqualTo(read);
  }

  @Test
  void readOfInvalidJsonIsAStorageException() {
    assertThatThrownBy(() -> JsonCodec.read("{not json")).isInstanceOf(StorageException.class)
        .isNotInstanceOf(ValidationException.class);
  }
}
