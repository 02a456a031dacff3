package io.orcheo.persistence.jooq.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.json.PydanticTimestamps;
import io.orcheo.persistence.core.vault.AlertKind;
import io.orcheo.persistence.core.vault.AlertSeverity;
import io.orcheo.persistence.core.vault.AuditEvent;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.CredentialHealth;
import io.orcheo.persistence.core.vault.CredentialKind;
import io.orcheo.persistence.core.vault.CredentialPayloadException;
import io.orcheo.persistence.core.vault.CredentialScope;
import io.orcheo.persistence.core.vault.CredentialTemplate;
import io.orcheo.persistence.core.vault.EncryptedOAuthTokens;
import io.orcheo.persistence.core.vault.EncryptionEnvelope;
import io.orcheo.persistence.core.vault.GovernanceAlert;
import io.orcheo.persistence.core.vault.HealthStatus;
import io.orcheo.persistence.core.vault.IssuancePolicy;
import io.orcheo.persistence.core.vault.UnknownPayloadFieldException;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The vault's payload documents in upstream's form (pydantic's {@code model_dump_json} of its models): every field
 * written, {@code null} included, in the models' declaration order, base fields ({@code id}, {@code created_at},
 * {@code updated_at}, {@code audit_log}) first, timestamps as {@code …Z}, UUIDs as strings, enums as values.
 *
 * <p>Reading is as strict as upstream's models ({@code extra="forbid"}): a field this version does not know is an
 * {@link UnknownPayloadFieldException} naming it, and a missing required field or a value of the wrong type a
 * {@link CredentialPayloadException} naming the row and field. Fields the models give defaults may be absent.
 */
final class VaultDocuments {
  static final String CREDENTIALS = "credentials";
  static final String TEMPLATES = "credential_templates";
  static final String ALERTS = "governance_alerts";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> BASE = Set.of("id", "created_at", "updated_at", "audit_log");
  private static final Set<String> CREDENTIAL_FIELDS = fields("name", "provider", "scopes", "scope", "encryption",
      "kind", "oauth_tokens", "health", "last_rotated_at", "template_id");
  private static final Set<String> TEMPLATE_FIELDS =
      fields("name", "provider", "description", "scopes", "scope", "kind", "issuance_policy");
  private static final Set<String> ALERT_FIELDS = fields("scope", "template_id", "credential_id", "kind",
      "severity", "message", "is_acknowledged", "acknowledged_at", "acknowledged_by");

  private VaultDocuments() {}

  // ------------------------------------------------------------------------------------------------- writing

  static ObjectNode write(Credential credential) {
    ObjectNode document = base(credential.id(), credential.createdAt(), credential.updatedAt(), credential.auditLog());
    document.put("name", credential.name());
    document.put("provider", credential.provider());
    document.set("scopes", strings(credential.scopes()));
    document.set("scope", write(credential.scope()));
    document.set("encryption", write(credential.encryption()));
    document.put("kind", credential.kind().value());
    EncryptedOAuthTokens tokens = credential.oauthTokens();
    if (tokens == null) {
      document.putNull("oauth_tokens");
    } else {
      ObjectNode oauth = document.putObject("oauth_tokens");
      oauth.set("access_token", write(tokens.accessToken()));
      oauth.set("refresh_token", write(tokens.refreshToken()));
      oauth.set("expires_at", timestamp(tokens.expiresAt()));
    }
    ObjectNode health = document.putObject("health");
    health.put("status", credential.health().status().value());
    health.set("last_checked_at", timestamp(credential.health().lastCheckedAt()));
    health.put("failure_reason", credential.health().failureReason());
    document.set("last_rotated_at", timestamp(credential.lastRotatedAt()));
    document.set("template_id", uuid(credential.templateId()));
    return document;
  }

  static ObjectNode write(CredentialTemplate template) {
    ObjectNode document = base(template.id(), template.createdAt(), template.updatedAt(), template.auditLog());
    document.put("name", template.name());
    document.put("provider", template.provider());
    document.put("description", template.description());
    document.set("scopes", strings(template.scopes()));
    document.set("scope", write(template.scope()));
    document.put("kind", template.kind().value());
    document.set("issuance_policy", write(template.issuancePolicy()));
    return document;
  }

  static ObjectNode write(GovernanceAlert alert) {
    ObjectNode document = base(alert.id(), alert.createdAt(), alert.updatedAt(), alert.auditLog());
    document.set("scope", write(alert.scope()));
    document.set("template_id", uuid(alert.templateId()));
    document.set("credential_id", uuid(alert.credentialId()));
    document.put("kind", alert.kind().value());
    document.put("severity", alert.severity().value());
    document.put("message", alert.message());
    document.put("is_acknowledged", alert.acknowledged());
    document.set("acknowledged_at", timestamp(alert.acknowledgedAt()));
    document.put("acknowledged_by", alert.acknowledgedBy());
    return document;
  }

  /** A scope as upstream dumps it, also the form {@code template_updated} records changes in. */
  static ObjectNode write(CredentialScope scope) {
    ObjectNode document = JSON.objectNode();
    ArrayNode workflows = document.putArray("workflow_ids");
    scope.workflowIds().forEach(id -> workflows.add(id.toString()));
    ArrayNode workspaces = document.putArray("workspace_ids");
    scope.workspaceIds().forEach(id -> workspaces.add(id.toString()));
    document.set("roles", strings(scope.roles()));
    return document;
  }

  /** A policy as upstream dumps it. */
  static ObjectNode write(IssuancePolicy policy) {
    ObjectNode document = JSON.objectNode();
    document.put("require_refresh_token", policy.requireRefreshToken());
    if (policy.rotationPeriodDays() == null) {
      document.putNull("rotation_period_days");
    } else {
      document.put("rotation_period_days", policy.rotationPeriodDays().intValue());
    }
    document.put("expiry_threshold_minutes", policy.expiryThresholdMinutes());
    return document;
  }

  static ArrayNode strings(List<String> values) {
    ArrayNode array = JSON.arrayNode();
    values.forEach(array::add);
    return array;
  }

  private static JsonNode write(EncryptionEnvelope envelope) {
    if (envelope == null) {
      return JSON.nullNode();
    }
    ObjectNode document = JSON.objectNode();
    document.put("algorithm", envelope.algorithm());
    document.put("key_id", envelope.keyId());
    document.put("ciphertext", envelope.ciphertext());
    return document;
  }

  private static ObjectNode base(UUID id, Instant createdAt, Instant updatedAt, List<AuditEvent> auditLog) {
    ObjectNode document = JSON.objectNode();
    document.put("id", id.toString());
    document.put("created_at", PydanticTimestamps.format(createdAt));
    document.put("updated_at", PydanticTimestamps.format(updatedAt));
    ArrayNode log = document.putArray("audit_log");
    for (AuditEvent event : auditLog) {
      ObjectNode entry = log.addObject();
      entry.put("actor", event.actor());
      entry.put("action", event.action());
      entry.put("at", PydanticTimestamps.format(event.at()));
      entry.set("metadata", event.metadata());
    }
    return document;
  }

  private static JsonNode timestamp(Instant instant) {
    return instant == null ? JSON.nullNode() : JSON.textNode(PydanticTimestamps.format(instant));
  }

  private static JsonNode uuid(UUID id) {
    return id == null ? JSON.nullNode() : JSON.textNode(id.toString());
  }

  // ------------------------------------------------------------------------------------------------- reading

  static Credential credential(String rowId, JsonNode payload) {
    return guard(CREDENTIALS, rowId, () -> readCredential(rowId, payload));
  }

  private static Credential readCredential(String rowId, JsonNode payload) {
    Reader row = Reader.root(CREDENTIALS, rowId, payload, CREDENTIAL_FIELDS);
    Reader oauth = row.optionalObject("oauth_tokens", Set.of("access_token", "refresh_token", "expires_at"));
    Reader health = row.optionalObject("health", Set.of("status", "last_checked_at", "failure_reason"));
    return new Credential(
        row.uuid("id"),
        row.timestamp("created_at"),
        row.timestamp("updated_at"),
        row.auditLog(),
        row.text("name"),
        row.text("provider"),
        row.strings("scopes"),
        row.scope("scope"),
        row.envelope(row.requiredObject("encryption", ENVELOPE_FIELDS)),
        row.optionalValue("kind", CredentialKind::fromValue, CredentialKind.SECRET),
        oauth == null ? null
            : new EncryptedOAuthTokens(oauth.envelope(oauth.optionalObject("access_token", ENVELOPE_FIELDS)),
                oauth.envelope(oauth.optionalObject("refresh_token", ENVELOPE_FIELDS)),
                oauth.optionalTimestamp("expires_at")),
        health == null ? CredentialHealth.unchecked()
            : new CredentialHealth(health.optionalValue("status", HealthStatus::fromValue, HealthStatus.UNKNOWN),
                health.optionalTimestamp("last_checked_at"), health.optionalText("failure_reason")),
        row.optionalTimestamp("last_rotated_at"),
        row.optionalUuid("template_id"));
  }

  static CredentialTemplate template(String rowId, JsonNode payload) {
    return guard(TEMPLATES, rowId, () -> readCredentialTemplate(rowId, payload));
  }

  private static CredentialTemplate readCredentialTemplate(String rowId, JsonNode payload) {
    Reader row = Reader.root(TEMPLATES, rowId, payload, TEMPLATE_FIELDS);
    Reader policy = row.optionalObject("issuance_policy",
        Set.of("require_refresh_token", "rotation_period_days", "expiry_threshold_minutes"));
    return new CredentialTemplate(
        row.uuid("id"),
        row.timestamp("created_at"),
        row.timestamp("updated_at"),
        row.auditLog(),
        row.text("name"),
        row.text("provider"),
        row.optionalText("description"),
        row.strings("scopes"),
        row.scope("scope"),
        row.optionalValue("kind", CredentialKind::fromValue, CredentialKind.SECRET),
        policy == null ? IssuancePolicy.DEFAULT : policy.policy());
  }

  static GovernanceAlert alert(String rowId, JsonNode payload) {
    return guard(ALERTS, rowId, () -> readGovernanceAlert(rowId, payload));
  }

  private static GovernanceAlert readGovernanceAlert(String rowId, JsonNode payload) {
    Reader row = Reader.root(ALERTS, rowId, payload, ALERT_FIELDS);
    return new GovernanceAlert(
        row.uuid("id"),
        row.timestamp("created_at"),
        row.timestamp("updated_at"),
        row.auditLog(),
        row.scope("scope"),
        row.optionalUuid("template_id"),
        row.optionalUuid("credential_id"),
        row.value("kind", AlertKind::fromValue),
        row.value("severity", AlertSeverity::fromValue),
        row.text("message"),
        row.optionalBoolean("is_acknowledged"),
        row.optionalTimestamp("acknowledged_at"),
        row.optionalText("acknowledged_by"));
  }

  /** A value the records refuse (a NUL in a name, say) is a payload problem of this row, not the caller's. */
  private static <T> T guard(String table, String rowId, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (ValidationException e) {
      throw new CredentialPayloadException(table, rowId, table + " row " + rowId + ": " + e.getMessage(), e);
    }
  }

  private static final Set<String> ENVELOPE_FIELDS = Set.of("algorithm", "key_id", "ciphertext");

  private static Set<String> fields(String... names) {
    Set<String> all = new java.util.HashSet<>(BASE);
    all.addAll(List.of(names));
    return Set.copyOf(all);
  }

  /** Reads one JSON object of a row's payload, naming the row and the field path in every error. */
  private record Reader(String table, String rowId, String path, JsonNode node) {

    static Reader root(String table, String rowId, JsonNode payload, Set<String> known) {
      Reader reader = new Reader(table, rowId, "", payload);
      if (payload == null || !payload.isObject()) {
        throw reader.problem("the payload is not a JSON object");
      }
      reader.refuseUnknown(known);
      return reader;
    }

    private void refuseUnknown(Set<String> known) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!known.contains(name)) {
          throw new UnknownPayloadFieldException(table, rowId, at(name));
        }
      }
    }

    private String at(String field) {
      return path.isEmpty() ? field : path + "." + field;
    }

    private CredentialPayloadException problem(String message) {
      return new CredentialPayloadException(table, rowId, table + " row " + rowId + ": " + message);
    }

    private CredentialPayloadException problem(String field, String expected, Throwable cause) {
      return new CredentialPayloadException(table, rowId,
          table + " row " + rowId + ": payload field '" + at(field) + "' " + expected, cause);
    }

    private JsonNode present(String field) {
      JsonNode value = node.get(field);
      return value == null || value.isNull() ? null : value;
    }

    private JsonNode required(String field) {
      JsonNode value = present(field);
      if (value == null) {
        throw problem(field, "is missing", null);
      }
      return value;
    }

    String text(String field) {
      JsonNode value = required(field);
      if (!value.isTextual()) {
        throw problem(field, "must be a string", null);
      }
      return value.textValue();
    }

    String optionalText(String field) {
      return present(field) == null ? null : text(field);
    }

    boolean optionalBoolean(String field) {
      JsonNode value = present(field);
      if (value == null) {
        return false;
      }
      if (!value.isBoolean()) {
        throw problem(field, "must be true or false", null);
      }
      return value.booleanValue();
    }

    <T> T value(String field, Function<String, T> parse) {
      String text = text(field);
      try {
        return parse.apply(text);
      } catch (ValidationException e) {
        throw problem(field, "is invalid: " + e.getMessage(), e);
      }
    }

    <T> T optionalValue(String field, Function<String, T> parse, T otherwise) {
      return present(field) == null ? otherwise : value(field, parse);
    }

    UUID uuid(String field) {
      String text = text(field);
      try {
        return UUID.fromString(text);
      } catch (IllegalArgumentException e) {
        throw problem(field, "is not a UUID", e);
      }
    }

    UUID optionalUuid(String field) {
      return present(field) == null ? null : uuid(field);
    }

    Instant timestamp(String field) {
      String text = text(field);
      try {
        return UpstreamTimestamps.parse(text);
      } catch (RuntimeException e) {
        throw problem(field, "is not an ISO-8601 timestamp", e);
      }
    }

    Instant optionalTimestamp(String field) {
      return present(field) == null ? null : timestamp(field);
    }

    List<String> strings(String field) {
      JsonNode value = present(field);
      if (value == null) {
        return List.of();
      }
      if (!value.isArray()) {
        throw problem(field, "must be a list of strings", null);
      }
      List<String> values = new ArrayList<>();
      for (JsonNode item : value) {
        if (!item.isTextual()) {
          throw problem(field, "must be a list of strings", null);
        }
        values.add(item.textValue());
      }
      return values;
    }

    private List<UUID> uuids(String field) {
      List<UUID> ids = new ArrayList<>();
      for (String text : strings(field)) {
        try {
          ids.add(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
          throw problem(field, "must be a list of UUIDs", e);
        }
      }
      return ids;
    }

    Reader requiredObject(String field, Set<String> known) {
      Reader object = optionalObject(field, known);
      if (object == null) {
        throw problem(field, "is missing", null);
      }
      return object;
    }

    Reader optionalObject(String field, Set<String> known) {
      JsonNode value = present(field);
      if (value == null) {
        return null;
      }
      if (!value.isObject()) {
        throw problem(field, "must be an object", null);
      }
      Reader object = new Reader(table, rowId, at(field), value);
      object.refuseUnknown(known);
      return object;
    }

    CredentialScope scope(String field) {
      Reader scope = optionalObject(field, Set.of("workflow_ids", "workspace_ids", "roles"));
      if (scope == null) {
        return CredentialScope.unrestricted();
      }
      return new CredentialScope(scope.uuids("workflow_ids"), scope.uuids("workspace_ids"), scope.strings("roles"));
    }

    EncryptionEnvelope envelope(Reader envelope) {
      if (envelope == null) {
        return null;
      }
      try {
        return new EncryptionEnvelope(envelope.text("algorithm"), envelope.text("key_id"),
            envelope.text("ciphertext"));
      } catch (ValidationException e) {
        throw problem("the payload's envelope at '" + envelope.path + "' is invalid: " + e.getMessage());
      }
    }

    IssuancePolicy policy() {
      JsonNode rotation = present("rotation_period_days");
      JsonNode threshold = present("expiry_threshold_minutes");
      if (rotation != null && !rotation.canConvertToExactIntegral()) {
        throw problem("rotation_period_days", "must be a whole number", null);
      }
      if (threshold != null && !threshold.canConvertToExactIntegral()) {
        throw problem("expiry_threshold_minutes", "must be a whole number", null);
      }
      try {
        return new IssuancePolicy(optionalBoolean("require_refresh_token"),
            rotation == null ? null : rotation.intValue(),
            threshold == null ? IssuancePolicy.DEFAULT.expiryThresholdMinutes() : threshold.intValue());
      } catch (ValidationException e) {
        throw problem("the issuance policy at '" + path + "' is invalid: " + e.getMessage());
      }
    }

    List<AuditEvent> auditLog() {
      JsonNode value = present("audit_log");
      if (value == null) {
        return List.of();
      }
      if (!value.isArray()) {
        throw problem("audit_log", "must be a list", null);
      }
      List<AuditEvent> events = new ArrayList<>();
      int index = 0;
      for (JsonNode item : value) {
        String itemPath = at("audit_log") + "[" + index++ + "]";
        if (!item.isObject()) {
          throw problem("payload field '" + itemPath + "' must be an object");
        }
        Reader entry = new Reader(table, rowId, itemPath, item);
        entry.refuseUnknown(Set.of("actor", "action", "at", "metadata"));
        JsonNode metadata = entry.present("metadata");
        if (metadata != null && !metadata.isObject()) {
          throw entry.problem("metadata", "must be an object", null);
        }
        events.add(new AuditEvent(entry.text("actor"), entry.text("action"), entry.timestamp("at"),
            (ObjectNode) metadata));
      }
      return events;
    }
  }
}
