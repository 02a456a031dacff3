package io.orcheo.persistence.core.vault;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.StorableText;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One entry of an entity's audit log.
 *
 * @param actor who acted
 * @param action what happened ({@code credential_created}, {@code template_updated}, …)
 * @param at when, at microsecond precision
 * @param metadata details of the action; the record holds its own copy
 */
public record AuditEvent(String actor, String action, Instant at, ObjectNode metadata) {
  public AuditEvent {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    StorableText.require(actor, "actor");
    StorableText.require(action, "action");
    at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
    metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata.deepCopy();
  }

  /** The metadata, as a copy the caller may change. */
  @Override
  public ObjectNode metadata() {
    return metadata.deepCopy();
  }
}
