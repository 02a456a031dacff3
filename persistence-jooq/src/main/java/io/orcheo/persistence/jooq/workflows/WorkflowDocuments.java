package io.orcheo.persistence.jooq.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.StorageException;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.workflows.AuditRecord;
import io.orcheo.persistence.core.workflows.ChatKitModel;
import io.orcheo.persistence.core.workflows.ChatKitPrompt;
import io.orcheo.persistence.core.workflows.ChatKitSettings;
import io.orcheo.persistence.core.workflows.DraftAccess;
import io.orcheo.persistence.core.workflows.RunStatus;
import io.orcheo.persistence.core.workflows.Workflow;
import io.orcheo.persistence.core.workflows.WorkflowRun;
import io.orcheo.persistence.core.workflows.WorkflowVersion;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@code payload} documents of workflows, versions and runs, in upstream's (pydantic's) field names and
 * formats: snake_case keys, timestamps in ISO-8601 with a {@code Z} suffix, UUIDs in lowercase.
 *
 * <p>Writing starts from the stored document, so fields this code does not know (written by a newer upstream)
 * survive a read-modify-write. Reading accepts upstream's legacy shapes: the publish-token keys it strips, ChatKit
 * settings as top-level keys, and a missing {@code draft_access}.
 */
final class WorkflowDocuments {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Keys of retired upstream features that upstream strips on read; kept out of what we write. */
  private static final List<String> LEGACY_WORKFLOW_KEYS = List.of("publish_token_hash", "publish_token_rotated_at",
      "chatkit_start_screen_prompts", "chatkit_supported_models");

  private WorkflowDocuments() {}

  // --- Workflow ------------------------------------------------------------------------------------------------

  static ObjectNode workflow(Workflow w, JsonNode stored) {
    ObjectNode doc = envelope(stored, w.id(), w.createdAt(), w.updatedAt(), w.auditLog());
    LEGACY_WORKFLOW_KEYS.forEach(doc::remove);
    doc.put("name", w.name());
    doc.put("handle", w.handle());
    doc.put("slug", w.slug());
    doc.put("description", w.description());
    ArrayNode tags = doc.putArray("tags");
    w.tags().forEach(tags::add);
    doc.put("is_archived", w.isArchived());
    doc.put("draft_access", w.draftAccess().value());
    doc.put("is_public", w.isPublic());
    doc.put("published_at", timestamp(w.publishedAt()));
    doc.put("published_by", w.publishedBy());
    doc.put("require_login", w.requireLogin());
    doc.put("share_url", w.shareUrl());
    doc.set("chatkit", chatkit(w.chatkit()));
    return doc;
  }

  static Workflow workflow(JsonNode doc) {
    try {
      List<String> tags = strings(doc.path("tags"));
      return new Workflow(
          uuid(doc, "id"),
          text(doc, "name"),
          text(doc, "handle"),
          requiredText(doc, "slug"),
          text(doc, "description"),
          tags,
          doc.path("is_archived").asBoolean(false),
          draftAccess(doc.path("draft_access"), tags),
          doc.path("is_public").asBoolean(false),
          instant(doc, "published_at"),
          text(doc, "published_by"),
          doc.path("require_login").asBoolean(false),
          text(doc, "share_url"),
          chatkit(doc),
          requiredInstant(doc, "created_at"),
          requiredInstant(doc, "updated_at"),
          auditLog(doc.path("audit_log")));
    } catch (ValidationException e) {
      throw unreadable("workflow", doc, e);
    }
  }

  private static DraftAccess draftAccess(JsonNode value, List<String> tags) {
    if (value.isTextual()) {
      return DraftAccess.fromValue(value.textValue());
    }
    // Upstream's backfill for documents from before draft_access: workspace tags meant workspace access.
    return tags.stream().anyMatch(t -> t.startsWith("workspace:")) ? DraftAccess.WORKSPACE : DraftAccess.PERSONAL;
  }

  private static ChatKitSettings chatkit(JsonNode doc) {
    JsonNode chatkit = doc.path("chatkit");
    JsonNode prompts = chatkit.isObject() ? chatkit.path("start_screen_prompts")
        : doc.path("chatkit_start_screen_prompts");
    JsonNode models = chatkit.isObject() ? chatkit.path("supported_models") : doc.path("chatkit_supported_models");
    List<ChatKitPrompt> promptList = null;
    if (prompts.isArray()) {
      promptList = new ArrayList<>();
      for (JsonNode p : prompts) {
        promptList.add(new ChatKitPrompt(text(p, "label"), text(p, "prompt"), text(p, "icon")));
      }
    }
    List<ChatKitModel> modelList = null;
    if (models.isArray()) {
      modelList = new ArrayList<>();
      for (JsonNode m : models) {
        modelList.add(new ChatKitModel(text(m, "id"), text(m, "label"), text(m, "description"),
            m.path("disabled").asBoolean(false), m.path("default").asBoolean(false)));
      }
    }
    return ChatKitSettings.ofNullable(promptList, modelList);
  }

  private static JsonNode chatkit(ChatKitSettings chatkit) {
    if (chatkit == null) {
      return JSON.nullNode();
    }
    ObjectNode doc = JSON.objectNode();
    if (chatkit.startScreenPrompts() == null) {
      doc.putNull("start_screen_prompts");
    } else {
      ArrayNode prompts = doc.putArray("start_screen_prompts");
      chatkit.startScreenPrompts().forEach(p -> prompts.addObject()
          .put("label", p.label()).put("prompt", p.prompt()).put("icon", p.icon()));
    }
    if (chatkit.supportedModels() == null) {
      doc.putNull("supported_models");
    } else {
      ArrayNode models = doc.putArray("supported_models");
      chatkit.supportedModels().forEach(m -> models.addObject()
          .put("id", m.id()).put("label", m.label()).put("description", m.description())
          .put("disabled", m.disabled()).put("default", m.isDefault()));
    }
    return doc;
  }

  // --- Version -------------------------------------------------------------------------------------------------

  static ObjectNode version(WorkflowVersion v, JsonNode stored) {
    ObjectNode doc = envelope(stored, v.id(), v.createdAt(), v.updatedAt(), v.auditLog());
    doc.put("workflow_id", v.workflowId().toString());
    doc.put("version", v.version());
    doc.set("graph", v.graph());
    doc.put("mermaid", v.mermaid());
    doc.set("metadata", v.metadata());
    doc.set("runnable_config", v.runnableConfig() == null ? JSON.nullNode() : v.runnableConfig());
    doc.put("created_by", v.createdBy());
    doc.put("notes", v.notes());
    return doc;
  }

  static WorkflowVersion version(JsonNode doc) {
    try {
      JsonNode metadata = doc.path("metadata");
      return new WorkflowVersion(
          uuid(doc, "id"),
          uuid(doc, "workflow_id"),
          doc.path("version").asInt(),
          doc.path("graph").isMissingNode() ? JSON.objectNode() : doc.path("graph"),
          text(doc, "mermaid"),
          metadata.isObject() ? (ObjectNode) metadata : null,
          doc.path("runnable_config").isMissingNode() ? null : doc.path("runnable_config"),
          requiredText(doc, "created_by"),
          text(doc, "notes"),
          requiredInstant(doc, "created_at"),
          requiredInstant(doc, "updated_at"),
          auditLog(doc.path("audit_log")));
    } catch (ValidationException e) {
      throw unreadable("workflow version", doc, e);
    }
  }

  // --- Run -----------------------------------------------------------------------------------------------------

  static ObjectNode run(WorkflowRun r, JsonNode stored) {
    ObjectNode doc = envelope(stored, r.id(), r.createdAt(), r.updatedAt(), r.auditLog());
    // The workflow is a column only: upstream's run document has no workflow_id, and its strict model refuses one.
    doc.remove("workflow_id");
    doc.put("workflow_version_id", r.workflowVersionId().toString());
    doc.put("status", r.status().value());
    doc.put("triggered_by", r.triggeredBy());
    doc.set("input_payload", r.inputPayload());
    doc.set("runnable_config", r.runnableConfig());
    ArrayNode tags = doc.putArray("tags");
    r.tags().forEach(tags::add);
    doc.set("callbacks", r.callbacks());
    doc.set("metadata", r.metadata());
    doc.put("run_name", r.runName());
    doc.set("output_payload", r.outputPayload() == null ? JSON.nullNode() : r.outputPayload());
    doc.put("started_at", timestamp(r.startedAt()));
    doc.put("completed_at", timestamp(r.completedAt()));
    doc.put("error", r.error());
    return doc;
  }

  static WorkflowRun run(JsonNode doc, UUID workflowId) {
    try {
      JsonNode config = doc.path("runnable_config");
      JsonNode callbacks = doc.path("callbacks");
      JsonNode metadata = doc.path("metadata");
      return new WorkflowRun(
          uuid(doc, "id"),
          workflowId,
          uuid(doc, "workflow_version_id"),
          RunStatus.fromValue(doc.path("status").asText("pending")),
          requiredText(doc, "triggered_by"),
          doc.path("input_payload").isMissingNode() ? null : doc.path("input_payload"),
          config.isObject() ? (ObjectNode) config : null,
          strings(doc.path("tags")),
          callbacks.isArray() ? (ArrayNode) callbacks : null,
          metadata.isObject() ? (ObjectNode) metadata : null,
          text(doc, "run_name"),
          doc.path("output_payload").isMissingNode() ? null : doc.path("output_payload"),
          instant(doc, "started_at"),
          instant(doc, "completed_at"),
          text(doc, "error"),
          requiredInstant(doc, "created_at"),
          requiredInstant(doc, "updated_at"),
          auditLog(doc.path("audit_log")));
    } catch (ValidationException e) {
      throw unreadable("workflow run", doc, e);
    }
  }

  // --- Shared --------------------------------------------------------------------------------------------------

  /** The stored document (or a new one) with the audit envelope upstream's models share. */
  private static ObjectNode envelope(JsonNode stored, UUID id, Instant createdAt, Instant updatedAt,
      List<AuditRecord> auditLog) {
    ObjectNode doc = stored != null && stored.isObject() ? (ObjectNode) stored.deepCopy() : JSON.objectNode();
    doc.put("id", id.toString());
    doc.put("created_at", timestamp(createdAt));
    doc.put("updated_at", timestamp(updatedAt));
    ArrayNode log = doc.putArray("audit_log");
    for (AuditRecord event : auditLog) {
      ObjectNode entry = log.addObject();
      entry.put("actor", event.actor());
      entry.put("action", event.action());
      entry.put("at", timestamp(event.at()));
      entry.set("metadata", event.metadata());
    }
    return doc;
  }

  private static List<AuditRecord> auditLog(JsonNode log) {
    List<AuditRecord> events = new ArrayList<>();
    for (JsonNode entry : log) {
      JsonNode metadata = entry.path("metadata");
      events.add(new AuditRecord(entry.path("actor").asText(), entry.path("action").asText(),
          requiredInstant(entry, "at"), metadata.isObject() ? (ObjectNode) metadata : null));
    }
    return events;
  }

  /** pydantic's form: ISO-8601 in UTC with {@code Z}, microseconds only when there are any. */
  static String timestamp(Instant instant) {
    if (instant == null) {
      return null;
    }
    String text = UpstreamTimestamps.format(instant);
    return text.substring(0, text.length() - "+00:00".length()) + "Z";
  }

  private static Instant instant(JsonNode doc, String field) {
    JsonNode value = doc.path(field);
    return value.isTextual() ? UpstreamTimestamps.parse(value.textValue()) : null;
  }

  private static Instant requiredInstant(JsonNode doc, String field) {
    Instant value = instant(doc, field);
    if (value == null) {
      throw new ValidationException("missing " + field);
    }
    return value;
  }

  private static String text(JsonNode doc, String field) {
    JsonNode value = doc.path(field);
    return value.isNull() || value.isMissingNode() ? null : value.asText();
  }

  private static String requiredText(JsonNode doc, String field) {
    String value = text(doc, field);
    if (value == null) {
      throw new ValidationException("missing " + field);
    }
    return value;
  }

  private static UUID uuid(JsonNode doc, String field) {
    String value = text(doc, field);
    if (value == null) {
      throw new ValidationException("missing " + field);
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(field + " is not a UUID: " + value, e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    for (JsonNode value : array) {
      values.add(value.asText());
    }
    return values;
  }

  private static StorageException unreadable(String kind, JsonNode doc, RuntimeException e) {
    return new StorageException("Stored " + kind + " " + doc.path("id").asText("(no id)")
        + " cannot be read: " + e.getMessage(), null, e);
  }
}
