package io.orcheo.persistence.core.workflows.triggers;

import io.orcheo.persistence.core.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How a cron trigger is scheduled, as upstream Orcheo's {@code CronTriggerConfig}; {@link CronSchedule} computes
 * its occurrences.
 *
 * <p>When overlapping runs are not allowed, an expression that fires less than five minutes apart is rejected: any
 * run longer than the interval would block the schedule for good. Upstream measures the gap between the first two
 * occurrences after the moment of validation, so its verdict can change with the clock; here it is always the gap
 * between the first two occurrences at or after 2024-01-01T00:00 wall-clock time (a Monday starting a year, a month
 * and a day, where schedules that cluster at the start of a period show their shortest gap). Later gaps are not
 * examined, as upstream does not.
 *
 * @param expression a five-field (Unix) cron expression ({@code expression}); {@code null} means {@code 0 * * * *}
 * @param timezone an IANA time-zone name ({@code timezone}) in which the expression is read; {@code null} means
 *     {@code UTC}
 * @param allowOverlapping whether a run may start while an earlier one is still going ({@code allow_overlapping})
 * @param startAt the earliest time the schedule may fire, inclusive ({@code start_at}); nullable, whole minutes
 * @param endAt the latest time the schedule may fire, inclusive ({@code end_at}); nullable, whole minutes, not before
 *     {@code startAt}
 */
public record CronTriggerConfig(
    String expression, String timezone, boolean allowOverlapping, Instant startAt, Instant endAt) {

  private static final String DEFAULT_EXPRESSION = "0 * * * *";
  private static final String DEFAULT_TIMEZONE = "UTC";
  private static final long MIN_GAP_WITHOUT_OVERLAP_SECONDS = 300;
  /** One minute before the documented reference, because occurrences are searched strictly after a time. */
  private static final LocalDateTime OVERLAP_PROBE = LocalDateTime.of(2023, 12, 31, 23, 59);

  /**
   * Applies the defaults and validates.
   *
   * @throws ValidationException naming the field: an expression that is not five-field cron syntax, a name that is
   *     not an IANA time zone, a boundary with seconds, {@code start_at} after {@code end_at}, or an expression
   *     firing less than 300 seconds apart while {@code allowOverlapping} is false
   */
  public CronTriggerConfig {
    expression = expression == null ? DEFAULT_EXPRESSION : expression;
    timezone = timezone == null ? DEFAULT_TIMEZONE : timezone;
    CronSchedule.WallClockCron cron = CronSchedule.WallClockCron.parse(expression);
    // ZoneId.of also takes offsets such as "+02:00" or "UTC+2", which upstream's ZoneInfo rejects.
    if (!ZoneId.getAvailableZoneIds().contains(timezone)) {
      throw new ValidationException("timezone '" + timezone + "' is not a known IANA time-zone name");
    }
    requireWholeMinute(startAt, "start_at");
    requireWholeMinute(endAt, "end_at");
    if (startAt != null && endAt != null && startAt.isAfter(endAt)) {
      throw new ValidationException("start_at (" + startAt + ") must not be after end_at (" + endAt + ")");
    }
    if (!allowOverlapping) {
      Optional<Duration> gap = firstGap(cron);
      if (gap.isPresent() && gap.get().getSeconds() < MIN_GAP_WITHOUT_OVERLAP_SECONDS) {
        throw new ValidationException("expression '" + expression + "' fires every " + gap.get().getSeconds()
            + "s, but allow_overlapping is false; a run longer than that would block the schedule for good. Use an"
            + " interval of at least 5 minutes or set allow_overlapping to true");
      }
    }
  }

  /**
   * Upstream's defaults: hourly on the hour in UTC, no overlapping runs, no start or end.
   *
   * @return the default cron configuration
   */
  public static CronTriggerConfig defaults() {
    return new CronTriggerConfig(null, null, false, null, null);
  }

  /**
   * The time zone in which the expression is read.
   *
   * @return the zone named by {@code timezone}
   */
  public ZoneId zone() {
    return ZoneId.of(timezone);
  }

  private static void requireWholeMinute(Instant boundary, String field) {
    if (boundary != null && (boundary.getEpochSecond() % 60 != 0 || boundary.getNano() != 0)) {
      throw new ValidationException(field + " (" + boundary + ") must be a whole minute (no seconds or fraction)");
    }
  }

  /** Empty when the expression fires fewer than twice from the reference on, which upstream also lets through. */
  private static Optional<Duration> firstGap(CronSchedule.WallClockCron cron) {
    return cron.nextAfter(OVERLAP_PROBE)
        .flatMap(first -> cron.nextAfter(first).map(second -> Duration.between(first, second)));
  }
}
