package io.orcheo.persistence.core.workflows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What {@link WorkflowRepository#createWorkflow} needs. The fields are normalised and validated here, before any
 * database access.
 *
 * @param name display name, 1–128 characters after trimming
 * @param handle the user-facing ref, or {@code null}; lowercased, must not look like a UUID
 * @param slug the slug to derive from instead of the name, or {@code null}
 * @param description or {@code null}
 * @param tags or {@code null} for none
 * @param draftAccess or {@code null} for {@link DraftAccess#PERSONAL}
 * @param actor who creates it
 */
public record NewWorkflow(
    String name, String handle, String slug, String description, List<String> tags, DraftAccess draftAccess,
    String actor) {

  public NewWorkflow {
    name = WorkflowFields.name(name);
    handle = WorkflowFields.handle(handle);
    description = WorkflowFields.description(description);
    tags = WorkflowFields.tags(tags);
    draftAccess = draftAccess == null ? DraftAccess.PERSONAL : draftAccess;
    Objects.requireNonNull(actor, "actor");
  }

  /** A workflow with only a name. */
  public static NewWorkflow named(String name, String actor) {
    return new NewWorkflow(name, null, null, null, null, null, actor);
  }

  /** This request with {@code handle}. */
  public NewWorkflow withHandle(String handle) {
    return new NewWorkflow(name, handle, slug, description, tags, draftAccess, actor);
  }

  /** This request with {@code description}. */
  public NewWorkflow withDescription(String description) {
    return new NewWorkflow(name, handle, slug, description, tags, draftAccess, actor);
  }

  /** This request with {@code tags}. */
  public NewWorkflow withTags(List<String> tags) {
    return new NewWorkflow(name, handle, slug, description, tags, draftAccess, actor);
  }

  /** This request with {@code draftAccess}. */
  public NewWorkflow withDraftAccess(DraftAccess draftAccess) {
    return new NewWorkflow(name, handle, slug, description, tags, draftAccess, actor);
  }

  /** This request with an explicit {@code slug}. */
  public NewWorkflow withSlug(String slug) {
    return new NewWorkflow(name, handle, slug, description, tags, draftAccess, actor);
  }

  /** The workflow this request creates, with its {@code workflow_created} event. */
  public Workflow toWorkflow(UUID id, Instant now) {
    AuditRecord created = new AuditRecord(actor, "workflow_created", now, JsonNodeFactory.instance.objectNode());
    return new Workflow(id, name, handle, WorkflowFields.slug(slug, name), description, tags, false, draftAccess,
        false, null, null, false, null, null, now, now, List.of(created));
  }
}
