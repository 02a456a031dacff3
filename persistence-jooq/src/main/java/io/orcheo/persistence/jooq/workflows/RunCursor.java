package io.orcheo.persistence.jooq.workflows;

import io.orcheo.persistence.jooq.runtime.KeysetCursor;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The cursor of a page of a workflow's runs: the {@code (created_at, id)} of the page's last run. */
record RunCursor(Instant createdAt, UUID runId) {

  static String encode(UUID workflowId, Instant createdAt, UUID runId) {
    return KeysetCursor.encode(scope(workflowId),
        List.of(Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, createdAt)), runId.toString()));
  }

  static RunCursor decode(UUID workflowId, String cursor) {
    List<String> values = KeysetCursor.decode(scope(workflowId), cursor, 2);
    try {
      return new RunCursor(Instant.EPOCH.plus(Long.parseLong(values.get(0)), ChronoUnit.MICROS),
          UUID.fromString(values.get(1)));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw KeysetCursor.malformed(e);
    }
  }

  private static String scope(UUID workflowId) {
    return "runs of workflow " + workflowId;
  }
}
