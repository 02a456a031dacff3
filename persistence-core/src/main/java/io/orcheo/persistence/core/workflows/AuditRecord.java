package io.orcheo.persistence.core.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a workflow, version or run's {@code audit_log}: who did what, when, with what details.
 *
 * @param actor who acted, for example a user id, {@code cron} or {@code webhook}
 * @param action what happened, for example {@code workflow_updated} or {@code run_started}
 * @param at when; also the document's new {@code updated_at}
 * @param metadata details of the event, for example {@code {"name": {"from": "a", "to": "b"}}}; a copy
 */
public record AuditRecord(String actor, String action, Instant at, ObjectNode metadata) {
  public AuditRecord {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(at, "at");
    metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata.deepCopy();
  }

  /** An event without details. */
  public static AuditRecord of(String actor, String action, Instant at) {
    return new AuditRecord(actor, action, at, null);
  }

  @Override
  public ObjectNode metadata() {
    return metadata.deepCopy();
  }

  /** Whether the event carries the detail {@code key}. */
  public boolean has(String key) {
    return metadata.has(key);
  }

  /** The detail {@code key}, or a missing node. */
  public JsonNode get(String key) {
    return metadata.path(key).deepCopy();
  }
}
