package io.orcheo.persistence.jooq.binding;

import io.orcheo.persistence.core.error.StorageException;
import io.orcheo.persistence.core.error.ValidationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Upstream Orcheo's text form of a timestamp: Python's {@code datetime.isoformat()} of a UTC value, for example
 * {@code 2025-01-02T03:04:05.123456+00:00}, with the fraction left out when it is zero and never a {@code Z}.
 *
 * <p>SQLite compares these strings as text, so every writer must produce exactly this form: a {@code Z} suffix or a
 * fixed millisecond fraction would sort rows differently from the ones upstream wrote. Readers are lenient: they
 * also take {@code Z}, other offsets, any fraction length, a space instead of {@code T} and naive values (as UTC),
 * because pydantic documents and SQLite's own functions write those.
 */
public final class UpstreamTimestamps {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
  /** The first instant of year 10000, exclusive: every instant of year 9999 is accepted, nanoseconds included. */
  private static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

  private UpstreamTimestamps() {}

  /**
   * Truncates to microseconds, the precision of PostgreSQL and of Python, so a value reads back equal on both
   * backends.
   *
   * @throws ValidationException outside years 1–9999, which neither upstream nor its text form can represent
   */
  public static Instant normalize(Instant instant) {
    if (instant.isBefore(MIN) || !instant.isBefore(END)) {
      throw new ValidationException("Timestamp " + instant + " is outside the supported range (years 1 to 9999)");
    }
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** Formats as upstream's isoformat text, after {@link #normalize(Instant)}. */
  public static String format(Instant instant) {
    Instant value = normalize(instant);
    LocalDateTime utc = LocalDateTime.ofInstant(value, ZoneOffset.UTC);
    StringBuilder text = new StringBuilder(32).append(SECONDS.format(utc));
    int micros = utc.getNano() / 1_000;
    if (micros != 0) {
      String digits = Integer.toString(micros);
      text.append('.').append("000000", digits.length(), 6).append(digits);
    }
    return text.append("+00:00").toString();
  }

  /**
   * Parses any of the forms described on the class.
   *
   * @throws StorageException when the stored text is not a timestamp at all
   */
  public static Instant parse(String text) {
    String value = text.trim();
    if (value.length() > 10 && value.charAt(10) == ' ') {
      value = value.substring(0, 10) + 'T' + value.substring(11);
    }
    try {
      if (hasOffset(value)) {
        return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      }
      return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new StorageException("Stored timestamp '" + text + "' is not an ISO-8601 date-time", null, e);
    }
  }

  private static boolean hasOffset(String value) {
    int timeStart = value.indexOf('T');
    if (timeStart < 0) {
      return false;
    }
    char last = value.charAt(value.length() - 1);
    if (last == 'Z' || last == 'z') {
      return true;
    }
    return value.indexOf('+', timeStart) > 0 || value.indexOf('-', timeStart) > 0;
  }
}
