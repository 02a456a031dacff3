package io.orcheo.persistence.core.workflows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A workflow as stored in upstream Orcheo's {@code workflows.payload} document. Instances are immutable snapshots;
 * changes go through {@link WorkflowRepository}, which returns a new snapshot.
 *
 * @param id the workflow's UUID
 * @param name display name, 1–128 characters, trimmed
 * @param handle the user-facing ref (lowercase, {@code a-z0-9} words joined by {@code -}), or {@code null}; unique
 *     among active workflows
 * @param slug derived from the name at creation; never changes on rename
 * @param description trimmed, up to 1024 characters, or {@code null}
 * @param tags lowercased, deduplicated, in order
 * @param isArchived archived workflows are hidden from default listings and release their handle
 * @param draftAccess who may see drafts
 * @param isPublic whether the workflow is published
 * @param publishedAt when it was published, or {@code null}
 * @param publishedBy who published it, or {@code null}
 * @param requireLogin whether the published workflow requires a login
 * @param shareUrl a share URL set by the application, or {@code null}; the repository never sets it
 * @param chatkit ChatKit start-screen prompts and models, or {@code null}
 * @param createdAt creation time
 * @param updatedAt time of the last event
 * @param auditLog every event, oldest first
 */
public record Workflow(
    UUID id,
    String name,
    String handle,
    String slug,
    String description,
    List<String> tags,
    boolean isArchived,
    DraftAccess draftAccess,
    boolean isPublic,
    Instant publishedAt,
    String publishedBy,
    boolean requireLogin,
    String shareUrl,
    ChatKitSettings chatkit,
    Instant createdAt,
    Instant updatedAt,
    List<AuditRecord> auditLog) {

  public Workflow {
    Objects.requireNonNull(id, "id");
    name = WorkflowFields.name(name);
    handle = WorkflowFields.handle(handle);
    Objects.requireNonNull(slug, "slug");
    description = WorkflowFields.description(description);
    tags = WorkflowFields.tags(tags);
    draftAccess = draftAccess == null ? DraftAccess.PERSONAL : draftAccess;
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    auditLog = List.copyOf(auditLog == null ? List.of() : auditLog);
  }

  /** The last audit event, which is the one that set {@link #updatedAt()}. */
  public AuditRecord lastEvent() {
    if (auditLog.isEmpty()) {
      throw new IllegalStateException("Workflow " + id + " has no audit events");
    }
    return auditLog.get(auditLog.size() - 1);
  }

  /**
   * This workflow published by {@code actor}: public since {@code now}, event {@code workflow_published}.
   *
   * @throws WorkflowPublishStateException if it is already public
   */
  public Workflow publish(boolean requireLogin, String actor, Instant now) {
    if (isPublic) {
      throw new WorkflowPublishStateException("Workflow is already published.");
    }
    ObjectNode details = JsonNodeFactory.instance.objectNode().put("require_login", requireLogin);
    return withPublication(true, now, actor, requireLogin)
        .record(new AuditRecord(actor, "workflow_published", now, details));
  }

  /**
   * This workflow no longer published: event {@code workflow_unpublished} with the previous {@code require_login}.
   *
   * @throws WorkflowPublishStateException if it is not public
   */
  public Workflow revokePublish(String actor, Instant now) {
    if (!isPublic) {
      throw new WorkflowPublishStateException("Workflow is not currently published.");
    }
    ObjectNode details = JsonNodeFactory.instance.objectNode().put("require_login", requireLogin);
    return withPublication(false, null, null, false)
        .record(new AuditRecord(actor, "workflow_unpublished", now, details));
  }

  /** This workflow with {@code event} appended to its audit log and {@code updatedAt} set to the event's time. */
  Workflow record(AuditRecord event) {
    List<AuditRecord> log = new ArrayList<>(auditLog);
    log.add(event);
    return new Workflow(id, name, handle, slug, description, tags, isArchived, draftAccess, isPublic, publishedAt,
        publishedBy, requireLogin, shareUrl, chatkit, createdAt, event.at(), log);
  }

  private Workflow withPublication(boolean isPublic, Instant publishedAt, String publishedBy, boolean requireLogin) {
    return new Workflow(id, name, handle, slug, description, tags, isArchived, draftAccess, isPublic, publishedAt,
        publishedBy, requireLogin, shareUrl, chatkit, createdAt, updatedAt, auditLog);
  }
}
