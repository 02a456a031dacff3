package io.orcheo.persistence.jooq.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.error.StorageException;
import io.orcheo.persistence.core.error.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Upstream's isoformat text (spec §0): exact on write, lenient on read, and sortable as text. */
class UpstreamTimestampsTest {

  private static final Instant SECOND = Instant.parse("2025-01-02T03:04:05Z");

  // ------------------------------------------------------------------------------------------------- format

  @Test
  void formatOmitsTheFractionWhenItIsZero() {
    assertThat(UpstreamTimestamps.format(SECOND)).isEqualTo("2025-01-02T03:04:05+00:00");
  }

  @Test
  void formatWritesSixFractionDigitsWithLeadingZeros() {
    assertThat(UpstreamTimestamps.format(SECOND.plusNanos(123_000))).isEqualTo("2025-01-02T03:04:05.000123+00:00");
  }

  @Test
  void formatWritesSixFractionDigitsWithTrailingZeros() {
    assertThat(UpstreamTimestamps.format(SECOND.plusMillis(500))).isEqualTo("2025-01-02T03:04:05.500000+00:00");
  }

  @Test
  void formatWritesAllSixDigitsOfAFullMicrosecondFraction() {
    assertThat(UpstreamTimestamps.format(SECOND.plusNanos(123_456_000)))
        .isEqualTo("2025-01-02T03:04:05.123456+00:00");
  }

  @Test
  void formatTruncatesNanosecondsToMicroseconds() {
    assertThat(UpstreamTimestamps.format(SECOND.plusNanos(123_456_789)))
        .isEqualTo("2025-01-02T03:04:05.123456+00:00");
  }

  @Test
  void formatTruncatesSubMicrosecondRemaindersToAZeroFraction() {
    assertThat(UpstreamTimestamps.format(SECOND.plusNanos(999))).isEqualTo("2025-01-02T03:04:05+00:00");
  }

  @Test
  void formatAlwaysUsesPlusZeroOffsetAndNeverZ() {
    for (Instant instant : spread()) {
      assertThat(UpstreamTimestamps.format(instant)).endsWith("+00:00").doesNotContain("Z");
    }
  }

  @Test
  void formatPadsYearsBeforeOneThousandToFourDigits() {
    assertThat(UpstreamTimestamps.format(Instant.parse("0999-12-31T23:59:59Z"))).isEqualTo("0999-12-31T23:59:59+00:00");
  }

  @Test
  void formatAcceptsTheFirstAndLastRepresentableInstants() {
    assertThat(UpstreamTimestamps.format(Instant.parse("0001-01-01T00:00:00Z"))).isEqualTo("0001-01-01T00:00:00+00:00");
    assertThat(UpstreamTimestamps.format(Instant.parse("9999-12-31T23:59:59.999999999Z")))
        .isEqualTo("9999-12-31T23:59:59.999999+00:00");
  }

  @Test
  void formatRejectsYearsBeforeOne() {
    assertThatThrownBy(() -> UpstreamTimestamps.format(Instant.parse("0000-12-31T23:59:59Z")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("years 1 to 9999");
  }

  @Test
  void formatRejectsYearsAfter9999() {
    assertThatThrownBy(() -> UpstreamTimestamps.format(Instant.parse("+10000-01-01T00:00:00Z")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("years 1 to 9999");
  }

  @Test
  void normalizeRejectsInstantMinAndMax() {
    assertThatThrownBy(() -> UpstreamTimestamps.normalize(Instant.MIN)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> UpstreamTimestamps.normalize(Instant.MAX)).isInstanceOf(ValidationException.class);
  }

  @Test
  void normalizeTruncatesToMicroseconds() {
    assertThat(UpstreamTimestamps.normalize(SECOND.plusNanos(1_999))).isEqualTo(SECOND.plusNanos(1_000));
  }

  // -------------------------------------------------------------------------------------------------- parse

  @Test
  void parseReadsUpstreamFormWithoutFraction() {
    assertThat(UpstreamTimestamps.parse("2025-01-02T03:04:05+00:00")).isEqualTo(SECOND);
  }

  @Test
  void parseReadsUpstreamFormWithFraction() {
    assertThat(UpstreamTimestamps.parse("2025-01-02T03:04:05.000123+00:00")).isEqualTo(SECOND.plusNanos(123_000));
  }

  @Test
  void parseAcceptsZSuffixAsPydanticWritesIt() {
    assertThat(UpstreamTimestamps.parse("2025-01-02T03:04:05.123456Z")).isEqualTo(SECOND.plusNanos(123_456_000));
  }

  @Test
  void parseConvertsAPositiveOffsetToUtc() {
    assertThat(UpstreamTimestamps.parse("2025-01-02T08:34:05+05:30")).isEqualTo(SECOND);
  }

  @Test
  void parseConvertsANegativeOffsetToUtc() {
    assertThat(UpstreamTimestamps.parse("2025-01-01T19:04:05-08:00")).isEqualTo(SECOND);
  }

  @Test
  void parseAcceptsASpaceInsteadOfT() {
    assertThat(UpstreamTimestamps.parse("2025-01-02 03:04:05+00:00")).isEqualTo(SECOND);
  }

  @Test
  void parseReadsNaiveValuesAsUtc() {
    assertThat(UpstreamTimestamps.parse("2025-01-02T03:04:05.5")).isEqualTo(SECOND.plusMillis(500));
  }

  @Test
  void parseReadsSqliteDatetimeOutputWithSpaceAndNoOffsetAsUtc() {
    assertThat(UpstreamTimestamps.parse("2025-01-02 03:04:05")).isEqualTo(SECOND);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2025-01-02T03:04:05.1+00:00",
      "2025-01-02T03:04:05.12+00:00",
      "2025-01-02T03:04:05.123+00:00",
      "2025-01-02T03:04:05.1234+00:00",
      "2025-01-02T03:04:05.12345+00:00",
      "2025-01-02T03:04:05.123456+00:00",
      "2025-01-02T03:04:05.1234567+00:00",
      "2025-01-02T03:04:05.12345678+00:00",
      "2025-01-02T03:04:05.123456789+00:00"})
  void parseAcceptsOneToNineFractionDigits(String text) {
    String digits = text.substring(20, text.indexOf('+'));
    long nanos = Long.parseLong((digits + "000000000").substring(0, 9));

    assertThat(UpstreamTimestamps.parse(text)).isEqualTo(SECOND.plusNanos(nanos));
  }

  @Test
  void parseReadsBackEveryFormattedValue() {
    for (Instant instant : spread()) {
      assertThat(UpstreamTimestamps.parse(UpstreamTimestamps.format(instant))).isEqualTo(instant);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", "2025-13-02T03:04:05+00:00", "2025-01-02T25:04:05+00:00", "2025-01-02",
      "2025-01-02T03:04:05+00:00 trailing", "1735787045"})
  void parseOfGarbageIsAStorageException(String text) {
    assertThatThrownBy(() -> UpstreamTimestamps.parse(text)).isInstanceOf(StorageException.class)
        .isNotInstanceOf(ValidationException.class);
  }

  // ---------------------------------------------------------------------------------------------- ordering

  @Test
  void lexicographicOrderOfFormattedTextIsChronologicalOrder() {
    List<Instant> instants = spread();
    List<Instant> byText = new ArrayList<>(instants);
    byText.sort(Comparator.comparing(UpstreamTimestamps::format));
    List<Instant> byTime = new ArrayList<>(instants);
    byTime.sort(Comparator.naturalOrder());

    assertThat(byText).containsExactlyElementsOf(byTime);
  }

  /** Instants whose text forms differ in every position, with and without a fraction. */
  private static List<Instant> spread() {
    List<Instant> instants = new ArrayList<>();
    for (String base : List.of("0001-01-01T00:00:00Z", "0999-12-31T23:59:59Z", "1969-12-31T23:59:59Z",
        "1970-01-01T00:00:00Z", "2025-01-02T03:04:05Z", "2025-01-02T03:04:06Z", "2025-01-02T03:05:04Z",
        "2025-01-10T00:00:00Z", "2025-10-01T00:00:00Z", "9999-12-31T23:59:58Z")) {
      Instant second = Instant.parse(base);
      for (long micros : new long[] {0, 1, 9, 10, 99_999, 100_000, 123_456, 500_000, 999_999}) {
        instants.add(second.plusNanos(micros * 1_000));
      }
    }
    return instants;
  }
}
