package io.orcheo.persistence.core.workflows.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.error.ValidationException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CronTriggerConfigTest {
  private static final Instant NINE = Instant.parse("2025-01-01T09:00:00Z");

  private static CronTriggerConfig expression(String expression, boolean allowOverlapping) {
    return new CronTriggerConfig(expression, null, allowOverlapping, null, null);
  }

  @Test
  void defaultsAreHourlyInUtcWithoutOverlapOrWindow() {
    assertThat(CronTriggerConfig.defaults())
        .isEqualTo(new CronTriggerConfig("0 * * * *", "UTC", false, null, null));
  }

  @Test
  void zoneIsTheNamedTimeZone() {
    assertThat(new CronTriggerConfig(null, "Europe/Amsterdam", false, null, null).zone())
        .isEqualTo(ZoneId.of("Europe/Amsterdam"));
  }

  @Test
  void invalidExpressionIsRejectedNamingTheField() {
    assertThatThrownBy(() -> expression("61 * * * *", true))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("expression")
        .hasMessageContaining("61 * * * *");
  }

  @Test
  void sixFieldExpressionIsRejected() {
    assertThatThrownBy(() -> expression("0 0 * * * *", true))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("5-field");
  }

  @Test
  void cronUtilsUnionSyntaxIsRejected() {
    assertThatThrownBy(() -> expression("0 0 * * * || 0 12 * * *", true))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("expression");
  }

  @Test
  void blankExpressionIsRejected() {
    assertThatThrownBy(() -> expression("  ", true))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("expression");
  }

  @Test
  void unknownTimezoneIsRejectedNamingTheField() {
    assertThatThrownBy(() -> new CronTriggerConfig(null, "Mars/Olympus_Mons", false, null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("timezone")
        .hasMessageContaining("Mars/Olympus_Mons");
  }

  @Test
  void fixedOffsetIsNotAnIanaTimezone() {
    assertThatThrownBy(() -> new CronTriggerConfig(null, "+02:00", false, null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("timezone");
  }

  @Test
  void startAtWithSecondsIsRejected() {
    assertThatThrownBy(() -> new CronTriggerConfig(null, null, false, NINE.plusSeconds(30), null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("start_at")
        .hasMessageContaining("whole minute");
  }

  @Test
  void endAtWithAMicrosecondIsRejected() {
    assertThatThrownBy(() -> new CronTriggerConfig(null, null, false, null, NINE.plusNanos(1_000)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("end_at");
  }

  @Test
  void startAtAfterEndAtIsRejected() {
    assertThatThrownBy(() -> new CronTriggerConfig(null, null, false, NINE.plusSeconds(60), NINE))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("start_at")
        .hasMessageContaining("end_at");
  }

  @Test
  void startAtEqualToEndAtIsAccepted() {
    assertThat(new CronTriggerConfig(null, null, false, NINE, NINE).endAt()).isEqualTo(NINE);
  }

  @Test
  void everyTwoMinutesIsRejectedWithoutOverlap() {
    assertThatThrownBy(() -> expression("*/2 * * * *", false))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("120s")
        .hasMessageContaining("allow_overlapping");
  }

  @Test
  void everyTwoMinutesIsAcceptedWithOverlap() {
    assertThat(expression("*/2 * * * *", true).allowOverlapping()).isTrue();
  }

  @Test
  void everyFiveMinutesIsAcceptedWithoutOverlap() {
    assertThat(expression("*/5 * * * *", false).expression()).isEqualTo("*/5 * * * *");
  }

  @Test
  void burstAtTheStartOfTheReferenceDayIsRejectedWithoutOverlap() {
    // The gap is measured from 2024-01-01T00:00 on, so these two runs a minute apart are its first two.
    assertThatThrownBy(() -> expression("0,1 0 * * *", false))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("60s");
  }

  @Test
  void shortGapAfterTheFirstOneIsNotExamined() {
    // 00:00 then 00:58 passes; the two-minute gap from 00:58 to 01:00 comes second and is not measured, as upstream.
    assertThat(expression("0,58 0,1 * * *", false).expression()).isEqualTo("0,58 0,1 * * *");
  }

  @Test
  void expressionThatNeverFiresIsAcceptedAsUpstreamDoes() {
    assertThat(expression("0 0 30 2 *", false).expression()).isEqualTo("0 0 30 2 *");
  }
}
