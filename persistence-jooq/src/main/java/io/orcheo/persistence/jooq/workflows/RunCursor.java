package io.orcheo.persistence.jooq.workflows;

import io.orcheo.persistence.core.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The opaque cursor of a page of runs: the {@code (created_at, id)} of the page's last run, bound to the workflow
 * whose runs are listed. A checksum over the three makes an edited cursor, or one from another workflow's listing,
 * fail with a {@link ValidationException} instead of silently starting somewhere else.
 */
record RunCursor(Instant createdAt, UUID runId) {
  private static final String VERSION = "r1";

  static String encode(UUID workflowId, Instant createdAt, UUID runId) {
    String body = VERSION + "." + ChronoUnit.MICROS.between(Instant.EPOCH, createdAt) + "." + runId;
    String text = body + "." + checksum(workflowId, body);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  static RunCursor decode(UUID workflowId, String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      String[] parts = text.split("\\.", -1);
      if (parts.length != 4 || !parts[0].equals(VERSION)) {
        throw malformed(null);
      }
      String body = parts[0] + "." + parts[1] + "." + parts[2];
      if (!MessageDigest.isEqual(checksum(workflowId, body).getBytes(StandardCharsets.US_ASCII),
          parts[3].getBytes(StandardCharsets.US_ASCII))) {
        throw new ValidationException("Page cursor does not belong to the runs of workflow " + workflowId);
      }
      return new RunCursor(Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS),
          UUID.fromString(parts[2]));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw malformed(e);
    }
  }

  private static ValidationException malformed(Throwable cause) {
    return new ValidationException("Page cursor is malformed; pass the nextCursor of a previous page", cause);
  }

  private static String checksum(UUID workflowId, String body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((workflowId + "|" + body).getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
