package io.orcheo.persistence.core.workflows.triggers;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.orcheo.persistence.core.error.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a cron trigger fires, following upstream Orcheo's {@code CronOccurrence} and {@code CronTriggerState}.
 *
 * <p>Occurrences are found in the configured time zone's local wall-clock time and only then turned into instants,
 * as upstream does with naive datetimes. Around daylight-saving changes this means:
 * <ul>
 *   <li>a local time that does not exist (the spring gap) fires at the instant it would have had without the change,
 *       which the clock shows one gap later: {@code 30 2 * * *} in New York fires at 03:30 EDT on the day clocks go
 *       forward. cron-utils' own zoned arithmetic would skip that day; it is only given wall-clock times here.</li>
 *   <li>a local time that occurs twice (the autumn overlap) fires once, at its first occurrence. The one exception is
 *       a search that starts inside the second pass of the overlap: the result then keeps that later offset, so
 *       "after" really means after (upstream would answer an instant an hour before the reference).</li>
 * </ul>
 * {@code start_at} and {@code end_at} are compared as instants. A reference before {@code start_at} is moved to
 * {@code start_at}, which then counts if it matches, as upstream does.
 *
 * <p>Instances are immutable and safe to share; the parsed expression is kept.
 */
public final class CronSchedule {
  private final CronTriggerConfig config;
  private final ZoneId zone;
  private final WallClockCron cron;

  /**
   * Parses the configuration's expression once for all later look-ups.
   *
   * @param config a validated configuration
   */
  public CronSchedule(CronTriggerConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.zone = config.zone();
    this.cron = WallClockCron.parse(config.expression());
  }

  /**
   * The configuration this schedule follows.
   *
   * @return the configuration given to the constructor
   */
  public CronTriggerConfig config() {
    return config;
  }

  /**
   * The first occurrence strictly after {@code t}; before {@code start_at}, the first at or after {@code start_at}.
   *
   * @param t the reference instant, typically the last dispatch
   * @return the occurrence, or empty when it would fall after {@code end_at} or the expression never fires again
   */
  public Optional<Instant> nextAfter(Instant t) {
    Objects.requireNonNull(t, "t");
    if (isBeforeStart(t)) {
      return firstAtOrAfter(config.startAt());
    }
    return cron.nextAfter(local(t)).map(next -> instant(next, t)).filter(this::isNotAfterEnd);
  }

  /**
   * {@code reference} itself when its minute matches the expression (its seconds are kept), otherwise the first
   * occurrence after it. A reference before {@code start_at} is replaced by {@code start_at}.
   *
   * @param reference where the search starts
   * @return the occurrence, or empty when it would fall after {@code end_at} or the expression never fires again
   */
  public Optional<Instant> firstAtOrAfter(Instant reference) {
    Objects.requireNonNull(reference, "reference");
    Instant from = isBeforeStart(reference) ? config.startAt() : reference;
    LocalDateTime wallClock = local(from);
    Optional<Instant> candidate = cron.matchesMinuteOf(wallClock)
        ? Optional.of(from)
        : cron.nextAfter(wallClock).map(next -> instant(next, from));
    return candidate.filter(this::isNotAfterEnd);
  }

  /**
   * When the trigger is next due, by upstream's rules: after a known dispatch, the next occurrence strictly after
   * it; otherwise the first occurrence at or after {@code start_at} or, without one, at or after {@code anchor}.
   *
   * @param lastDispatchedAt the last dispatch, or {@code null} if none is recorded
   * @param anchor the first evaluation after the trigger was configured; only used, and then required, when
   *     neither {@code lastDispatchedAt} nor {@code start_at} is set
   * @return the due time, or empty when the schedule has ended
   */
  public Optional<Instant> dueTime(Instant lastDispatchedAt, Instant anchor) {
    if (lastDispatchedAt != null) {
      return nextAfter(lastDispatchedAt);
    }
    if (config.startAt() != null) {
      return firstAtOrAfter(config.startAt());
    }
    return firstAtOrAfter(
        Objects.requireNonNull(anchor, "anchor is required when neither lastDispatchedAt nor start_at is set"));
  }

  private boolean isBeforeStart(Instant t) {
    return config.startAt() != null && t.isBefore(config.startAt());
  }

  private boolean isNotAfterEnd(Instant occurrence) {
    return config.endAt() == null || !occurrence.isAfter(config.endAt());
  }

  private LocalDateTime local(Instant t) {
    return LocalDateTime.ofInstant(t, zone);
  }

  /** Resolves a wall-clock time; in an overlap the reference's own offset wins, so the result never precedes it. */
  private Instant instant(LocalDateTime wallClock, Instant reference) {
    ZoneOffset referenceOffset = zone.getRules().getOffset(reference);
    return ZonedDateTime.ofLocal(wallClock, zone, referenceOffset).toInstant();
  }

  /**
   * A parsed five-field expression evaluated on wall-clock times, with croniter's day rules.
   *
   * <p>croniter (upstream's library) takes the union of the day-of-month and day-of-week fields when both are
   * restricted. A field counts as unrestricted when it is {@code *}, or when it lists every day and the other field
   * contains a {@code *}; so {@code 0 0 13 * 5} fires on every 13th and every Friday, {@code 0 0 *}{@code /1 * 5}
   * every day, and {@code 0 0 *}{@code /2 * 0-6} on odd days only. cron-utils agrees on the first and not on the
   * other two, so each day field is given to cron-utils on its own and the union is taken here.
   */
  static final class WallClockCron {
    private static final CronParser PARSER =
        new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /** A Monday 1 January: its first 31 days hold every day of the month, its first 7 every weekday. */
    private static final LocalDate PROBE = LocalDate.of(2024, 1, 1);

    private final List<ExecutionTime> dayRules;

    private WallClockCron(List<ExecutionTime> dayRules) {
      this.dayRules = dayRules;
    }

    /**
     * Parses a five-field (Unix) expression.
     *
     * @throws ValidationException naming {@code expression} when the text is not a valid five-field expression
     */
    static WallClockCron parse(String expression) {
      // cron-utils also reads "a || b" and "1|2" as unions of expressions, which no Unix cron (nor croniter) accepts.
      if (expression.indexOf('|') >= 0) {
        throw new ValidationException("expression '" + expression + "' is not a valid 5-field cron expression");
      }
      try {
        PARSER.parse(expression);
        String[] fields = expression.trim().split("\\s+");
        String minuteHour = fields[0] + " " + fields[1] + " ";
        String dayOfMonth = fields[2];
        String month = fields[3];
        String dayOfWeek = fields[4];
        ExecutionTime byDayOfMonth = rule(minuteHour + dayOfMonth + " " + month + " *");
        ExecutionTime byDayOfWeek = rule(minuteHour + "* " + month + " " + dayOfWeek);
        boolean anyDayOfMonth = dayOfMonth.equals("*")
            || (dayOfWeek.contains("*") && coversEveryDay(rule("0 0 " + dayOfMonth + " * *"), 31));
        boolean anyDayOfWeek = dayOfWeek.equals("*")
            || (dayOfMonth.contains("*") && coversEveryDay(rule("0 0 * * " + dayOfWeek), 7));
        if (anyDayOfMonth) {
          return new WallClockCron(List.of(byDayOfWeek));
        }
        if (anyDayOfWeek) {
          return new WallClockCron(List.of(byDayOfMonth));
        }
        return new WallClockCron(List.of(byDayOfMonth, byDayOfWeek));
      } catch (IllegalArgumentException e) {
        throw new ValidationException(
            "expression '" + expression + "' is not a valid 5-field cron expression: " + e.getMessage(), e);
      }
    }

    /** The first occurrence strictly after {@code t}, or empty if the expression never fires again. */
    Optional<LocalDateTime> nextAfter(LocalDateTime t) {
      ZonedDateTime from = carrier(t);
      return dayRules.stream()
          .map(rule -> rule.nextExecution(from))
          .flatMap(Optional::stream)
          .min(Comparator.naturalOrder())
          .map(ZonedDateTime::toLocalDateTime);
    }

    /** Whether the minute holding {@code t} is an occurrence, whatever its seconds. */
    boolean matchesMinuteOf(LocalDateTime t) {
      ZonedDateTime minute = carrier(t.truncatedTo(ChronoUnit.MINUTES));
      return dayRules.stream().anyMatch(rule -> rule.isMatch(minute));
    }

    private static ExecutionTime rule(String expression) {
      return ExecutionTime.forCron(PARSER.parse(expression));
    }

    private static boolean coversEveryDay(ExecutionTime rule, int days) {
      for (int i = 0; i < days; i++) {
        if (!rule.isMatch(carrier(PROBE.plusDays(i).atStartOfDay()))) {
          return false;
        }
      }
      return true;
    }

    /** cron-utils wants a zone; UTC has no transitions, so wall-clock arithmetic stays exact. */
    private static ZonedDateTime carrier(LocalDateTime wallClock) {
      return wallClock.atZone(ZoneOffset.UTC);
    }
  }
}
