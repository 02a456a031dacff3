package io.orcheo.persistence.core.workflows.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
  private static final String NEW_YORK = "America/New_York";

  private static CronSchedule schedule(String expression, String timezone) {
    return new CronSchedule(new CronTriggerConfig(expression, timezone, false, null, null));
  }

  private static CronSchedule window(String expression, Instant startAt, Instant endAt) {
    return new CronSchedule(new CronTriggerConfig(expression, "UTC", false, startAt, endAt));
  }

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  /** The first {@code count} occurrences after {@code from}, each strictly after the one before. */
  private static List<Instant> occurrences(CronSchedule schedule, Instant from, int count) {
    List<Instant> found = new ArrayList<>();
    Instant cursor = from;
    for (int i = 0; i < count; i++) {
      cursor = schedule.nextAfter(cursor).orElseThrow();
      found.add(cursor);
    }
    return found;
  }

  @Test
  void losAngelesNineAmIsSeventeenUtcInJanuary() {
    CronSchedule schedule = schedule("0 9 * * *", "America/Los_Angeles");

    assertThat(schedule.dueTime(null, at("2025-01-15T12:00:00Z"))).contains(at("2025-01-15T17:00:00Z"));
  }

  @Test
  void losAngelesNineAmIsSixteenUtcInJuly() {
    CronSchedule schedule = schedule("0 9 * * *", "America/Los_Angeles");

    assertThat(schedule.dueTime(null, at("2025-07-15T12:00:00Z"))).contains(at("2025-07-15T16:00:00Z"));
  }

  @Test
  void anchorMatchingTheExpressionKeepsItsSeconds() {
    CronSchedule schedule = schedule("0 12 * * *", "UTC");

    assertThat(schedule.dueTime(null, at("2025-01-01T12:00:30Z"))).contains(at("2025-01-01T12:00:30Z"));
  }

  @Test
  void anchorPastTheMatchingMinuteWaitsForTheNextOccurrence() {
    CronSchedule schedule = schedule("0 12 * * *", "UTC");

    assertThat(schedule.dueTime(null, at("2025-01-01T12:01:00Z"))).contains(at("2025-01-02T12:00:00Z"));
  }

  @Test
  void lastDispatchGivesTheOccurrenceStrictlyAfterItAndIgnoresTheAnchor() {
    CronSchedule schedule = schedule("0 12 * * *", "UTC");

    assertThat(schedule.dueTime(at("2025-01-01T12:00:00Z"), at("2024-06-01T00:00:00Z")))
        .contains(at("2025-01-02T12:00:00Z"));
  }

  @Test
  void startAtTakesPrecedenceOverTheAnchor() {
    CronSchedule schedule = window("0 12 * * *", at("2025-03-01T00:00:00Z"), null);

    assertThat(schedule.dueTime(null, at("2025-01-01T00:00:00Z"))).contains(at("2025-03-01T12:00:00Z"));
  }

  @Test
  void startAtMatchingTheExpressionIsItselfDue() {
    CronSchedule schedule = window("0 12 * * *", at("2025-03-01T12:00:00Z"), null);

    assertThat(schedule.dueTime(null, at("2025-01-01T00:00:00Z"))).contains(at("2025-03-01T12:00:00Z"));
  }

  @Test
  void nextAfterAReferenceBeforeStartAtIncludesStartAt() {
    CronSchedule schedule = window("0 12 * * *", at("2025-03-01T12:00:00Z"), null);

    assertThat(schedule.nextAfter(at("2025-01-01T00:00:00Z"))).contains(at("2025-03-01T12:00:00Z"));
  }

  @Test
  void occurrenceAfterEndAtIsNeverDue() {
    CronSchedule schedule = window("0 12 * * *", null, at("2025-01-02T11:59:00Z"));

    assertThat(schedule.dueTime(at("2025-01-01T12:00:00Z"), null)).isEmpty();
  }

  @Test
  void occurrenceExactlyAtEndAtIsStillDue() {
    CronSchedule schedule = window("0 12 * * *", null, at("2025-01-02T12:00:00Z"));

    assertThat(schedule.dueTime(at("2025-01-01T12:00:00Z"), null)).contains(at("2025-01-02T12:00:00Z"));
  }

  @Test
  void anchorAfterEndAtIsNeverDueEvenWhenItMatches() {
    CronSchedule schedule = window("0 12 * * *", null, at("2025-01-01T11:00:00Z"));

    assertThat(schedule.firstAtOrAfter(at("2025-01-01T12:00:00Z"))).isEmpty();
  }

  @Test
  void dayOfMonthAndDayOfWeekAreOred() {
    // Fridays or the 13th: 2024-01-13 is a Saturday.
    assertThat(occurrences(schedule("0 0 13 * 5", "UTC"), at("2024-01-01T00:00:00Z"), 4)).containsExactly(
        at("2024-01-05T00:00:00Z"), at("2024-01-12T00:00:00Z"), at("2024-01-13T00:00:00Z"),
        at("2024-01-19T00:00:00Z"));
  }

  @Test
  void dayOfMonthStepCoveringEveryDayIsStillOredWithDayOfWeek() {
    // croniter keeps */1 as a restriction beside a day of week without '*'; cron-utils alone gives Fridays only.
    assertThat(occurrences(schedule("0 0 */1 * 5", "UTC"), at("2024-01-01T00:00:00Z"), 3)).containsExactly(
        at("2024-01-02T00:00:00Z"), at("2024-01-03T00:00:00Z"), at("2024-01-04T00:00:00Z"));
  }

  @Test
  void everyWeekdayListedGivesWayToADayOfMonthWithAStar() {
    // croniter reads 0-6 as '*' when the day of month contains '*'; cron-utils alone fires every day.
    assertThat(occurrences(schedule("0 0 */2 * 0-6", "UTC"), at("2024-01-01T00:00:00Z"), 3)).containsExactly(
        at("2024-01-03T00:00:00Z"), at("2024-01-05T00:00:00Z"), at("2024-01-07T00:00:00Z"));
  }

  @Test
  void nonexistentLocalTimeFiresAtTheInstantItWouldHaveHad() {
    // New York skips 02:00-03:00 on 2024-03-10: 02:30 EST would be 07:30Z, which the clock shows as 03:30 EDT.
    CronSchedule schedule = schedule("30 2 * * *", NEW_YORK);

    assertThat(occurrences(schedule, at("2024-03-09T07:30:00Z"), 2))
        .containsExactly(at("2024-03-10T07:30:00Z"), at("2024-03-11T06:30:00Z"));
  }

  @Test
  void repeatedLocalTimeFiresOnlyAtItsFirstOccurrence() {
    // New York repeats 01:00-02:00 on 2024-11-03: 01:30 EDT is 05:30Z, 01:30 EST (06:30Z) is skipped.
    CronSchedule schedule = schedule("30 1 * * *", NEW_YORK);

    assertThat(occurrences(schedule, at("2024-11-02T05:30:00Z"), 2))
        .containsExactly(at("2024-11-03T05:30:00Z"), at("2024-11-04T06:30:00Z"));
  }

  @Test
  void searchStartingInTheRepeatedHourStaysAfterItsReference() {
    // 06:10Z is 01:10 EST, in the second pass; the next :20 is 01:20 EST, not 01:20 EDT an hour earlier.
    CronSchedule schedule = schedule("20 * * * *", NEW_YORK);

    assertThat(schedule.firstAtOrAfter(at("2024-11-03T06:10:00Z"))).contains(at("2024-11-03T06:20:00Z"));
  }

  @Test
  void expressionThatNeverFiresIsNeverDue() {
    assertThat(schedule("0 0 30 2 *", "UTC").dueTime(null, at("2024-01-01T00:00:00Z"))).isEmpty();
  }

  @Test
  void anchorIsRequiredWithoutADispatchOrStartAt() {
    assertThatThrownBy(() -> schedule("0 12 * * *", "UTC").dueTime(null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("anchor");
  }
}
