package io.orcheo.persistence.core.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The form pydantic's {@code model_dump_json} gives a UTC timestamp inside upstream's JSON documents (ChatKit items,
 * vault payloads): {@code 2025-01-02T03:04:05.123456Z}, six fraction digits when the microseconds are not zero,
 * none when they are, always {@code Z}.
 */
public final class PydanticTimestamps {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private PydanticTimestamps() {}

  /** {@code instant} in pydantic's form, truncated to microseconds. */
  public static String format(Instant instant) {
    OffsetDateTime utc = instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    int micros = utc.getNano() / 1000;
    return SECONDS.format(utc) + (micros == 0 ? "" : String.format(".%06d", micros)) + "Z";
  }
}
