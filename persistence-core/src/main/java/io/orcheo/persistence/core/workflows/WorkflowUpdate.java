package io.orcheo.persistence.core.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change to a workflow for {@link WorkflowRepository#updateWorkflow}: every {@code null} field is left as it is.
 * Start from {@link #by(String)} and add the fields to change.
 *
 * @param name new display name, or {@code null}
 * @param handle new handle, or {@code null}; normalised here, so an invalid one fails before any database access
 * @param description new description (blank clears it), or {@code null}
 * @param tags new tags, or {@code null}
 * @param chatkitStartScreenPrompts new ChatKit prompts, or {@code null}
 * @param chatkitSupportedModels new ChatKit models, or {@code null}
 * @param clearChatkitStartScreenPrompts removes the prompts; wins over {@code chatkitStartScreenPrompts}
 * @param clearChatkitSupportedModels removes the models; wins over {@code chatkitSupportedModels}
 * @param draftAccess new draft access, or {@code null}
 * @param isArchived archive ({@code true}) or restore ({@code false}), or {@code null}
 * @param actor who changes it
 */
public record WorkflowUpdate(
    String name,
    String handle,
    String description,
    List<String> tags,
    List<ChatKitPrompt> chatkitStartScreenPrompts,
    List<ChatKitModel> chatkitSupportedModels,
    boolean clearChatkitStartScreenPrompts,
    boolean clearChatkitSupportedModels,
    DraftAccess draftAccess,
    Boolean isArchived,
    String actor) {

  public WorkflowUpdate {
    handle = WorkflowFields.handle(handle);
    tags = tags == null ? null : List.copyOf(tags);
    chatkitStartScreenPrompts = chatkitStartScreenPrompts == null ? null : List.copyOf(chatkitStartScreenPrompts);
    chatkitSupportedModels = chatkitSupportedModels == null ? null : List.copyOf(chatkitSupportedModels);
    Objects.requireNonNull(actor, "actor");
  }

  /** An update by {@code actor} that changes nothing yet (applying it still records {@code workflow_updated}). */
  public static WorkflowUpdate by(String actor) {
    return new WorkflowUpdate(null, null, null, null, null, null, false, false, null, null, actor);
  }

  /** Also sets the name. */
  public WorkflowUpdate withName(String name) {
    return new WorkflowUpdate(name, handle, description, tags, chatkitStartScreenPrompts, chatkitSupportedModels,
        clearChatkitStartScreenPrompts, clearChatkitSupportedModels, draftAccess, isArchived, actor);
  }

  /** Also sets the handle. */
  public WorkflowUpdate withHandle(String handle) {
    return new WorkflowUpdate(name, handle, description, tags, chatkitStartScreenPrompts, chatkitSupportedModels,
        clearChatkitStartScreenPrompts, clearChatkitSupportedModels, draftAccess, isArchived, actor);
  }

  /** Also sets the description. */
  public WorkflowUpdate withDescription(String description) {
    return new WorkflowUpdate(name, handle, description, tags, chatkitStartScreenPrompts, chatkitSupportedModels,
        clearChatkitStartScreenPrompts, clearChatkitSupportedModels, draftAccess, isArchived, actor);
  }

  /** Also sets the tags. */
  public WorkflowUpdate withTags(List<String> tags) {
    return new WorkflowUpdate(name, handle, description, tags, chatkitStartScreenPrompts, chatkitSupportedModels,
        clearChatkitStartScreenPrompts, clearChatkitSupportedModels, draftAccess, isArchived, actor);
  }

  /** Also sets the ChatKit start-screen prompts. */
  public WorkflowUpdate withChatkitStartScreenPrompts(List<ChatKitPrompt> prompts) {
    return new WorkflowUpdate(name, handle, description, tags, prompts, chatkitSupportedModels,
        clearChatkitStartScreenPrompts, clearChatkitSupportedModels, draftAccess, isArchived, actor);
  }

  /** Also sets the ChatKit models. */
  public WorkflowUpdate withChatkitSupportedModels(List<ChatKitModel> models) {
    return new WorkflowUpdate(name, handle, description, tags, chatkitStartScreenPrompts, models,
        clearChatkitStartScreenPrompts, clearChatkitSupportedModels, draftAccess, isArchived, actor);
  }

  /** Also removes the ChatKit start-screen prompts. */
  public WorkflowUpdate clearingChatkitStartScreenPrompts() {
    return new WorkflowUpdate(name, handle, description, tags, chatkitStartScreenPrompts, chatkitSupportedModels,
        true, clearChatkitSupportedModels, draftAccess, isArchived, actor);
  }

  /** Also removes the ChatKit models. */
  public WorkflowUpdate clearingChatkitSupportedModels() {
    return new WorkflowUpdate(name, handle, description, tags, chatkitStartScreenPrompts, chatkitSupportedModels,
        clearChatkitStartScreenPrompts, true, draftAccess, isArchived, actor);
  }

  /** Also sets the draft access. */
  public WorkflowUpdate withDraftAccess(DraftAccess draftAccess) {
    return new WorkflowUpdate(name, handle, description, tags, chatkitStartScreenPrompts, chatkitSupportedModels,
        clearChatkitStartScreenPrompts, clearChatkitSupportedModels, draftAccess, isArchived, actor);
  }

  /** Also archives ({@code true}) or restores ({@code false}) the workflow. */
  public WorkflowUpdate withArchived(boolean archived) {
    return new WorkflowUpdate(name, handle, description, tags, chatkitStartScreenPrompts, chatkitSupportedModels,
        clearChatkitStartScreenPrompts, clearChatkitSupportedModels, draftAccess, archived, actor);
  }

  /**
   * The outcome of {@link #applyTo}.
   *
   * @param workflow the updated workflow
   * @param handleChanged whether the handle changed, so the caller must check it is free
   * @param archived whether the workflow went from active to archived
   */
  public record Applied(Workflow workflow, boolean handleChanged, boolean archived) {}

  /**
   * Applies this update as upstream does: each field that differs is changed and noted as {@code {from, to}} in the
   * event's details; archiving a public workflow first revokes publishing (its own event); and a
   * {@code workflow_updated} event is always recorded, with empty details when nothing changed.
   */
  public Applied applyTo(Workflow current, Instant now) {
    ObjectNode changes = JsonNodeFactory.instance.objectNode();
    Workflow w = current;
    boolean handleChanged = handle != null && !handle.equals(w.handle());
    if (handleChanged) {
      change(changes, "handle", text(w.handle()), text(handle));
      w = copy(w, w.name(), handle, w.description(), w.tags(), w.chatkit(), w.draftAccess(), w.isArchived());
    }
    if (name != null) {
      String normalized = WorkflowFields.name(name);
      if (!normalized.equals(w.name())) {
        change(changes, "name", text(w.name()), text(normalized));
        w = copy(w, normalized, w.handle(), w.description(), w.tags(), w.chatkit(), w.draftAccess(), w.isArchived());
      }
    }
    if (description != null) {
      String normalized = WorkflowFields.description(description);
      if (!Objects.equals(normalized, w.description())) {
        change(changes, "description", text(w.description()), text(normalized));
        w = copy(w, w.name(), w.handle(), normalized, w.tags(), w.chatkit(), w.draftAccess(), w.isArchived());
      }
    }
    // Upstream compares the tags as given and lowercases them afterwards, so ["A"] over ["a"] is a change.
    if (tags != null && !tags.equals(w.tags())) {
      change(changes, "tags", strings(w.tags()), strings(tags));
      w = copy(w, w.name(), w.handle(), w.description(), tags, w.chatkit(), w.draftAccess(), w.isArchived());
    }
    List<ChatKitPrompt> prompts = w.chatkit() == null ? null : w.chatkit().startScreenPrompts();
    List<ChatKitModel> models = w.chatkit() == null ? null : w.chatkit().supportedModels();
    List<ChatKitPrompt> newPrompts = clearChatkitStartScreenPrompts ? null
        : chatkitStartScreenPrompts != null ? chatkitStartScreenPrompts : prompts;
    List<ChatKitModel> newModels = clearChatkitSupportedModels ? null
        : chatkitSupportedModels != null ? chatkitSupportedModels : models;
    if (!Objects.equals(newPrompts, prompts)) {
      change(changes, "chatkit_start_screen_prompts", prompts(prompts), prompts(newPrompts));
    }
    if (!Objects.equals(newModels, models)) {
      change(changes, "chatkit_supported_models", models(models), models(newModels));
    }
    if (!Objects.equals(newPrompts, prompts) || !Objects.equals(newModels, models)) {
      w = copy(w, w.name(), w.handle(), w.description(), w.tags(), ChatKitSettings.ofNullable(newPrompts, newModels),
          w.draftAccess(), w.isArchived());
    }
    if (draftAccess != null && draftAccess != w.draftAccess()) {
      change(changes, "draft_access", text(w.draftAccess().value()), text(draftAccess.value()));
      w = copy(w, w.name(), w.handle(), w.description(), w.tags(), w.chatkit(), draftAccess, w.isArchived());
    }
    boolean archived = false;
    if (isArchived != null && isArchived != w.isArchived()) {
      if (isArchived && w.isPublic()) {
        w = w.revokePublish(actor, now);
      }
      archived = isArchived;
      change(changes, "is_archived", JsonNodeFactory.instance.booleanNode(w.isArchived()),
          JsonNodeFactory.instance.booleanNode(isArchived));
      w = copy(w, w.name(), w.handle(), w.description(), w.tags(), w.chatkit(), w.draftAccess(), isArchived);
    }
    w = w.record(new AuditRecord(actor, "workflow_updated", now, changes));
    return new Applied(w, handleChanged, archived);
  }

  private static Workflow copy(Workflow w, String name, String handle, String description, List<String> tags,
      ChatKitSettings chatkit, DraftAccess draftAccess, boolean isArchived) {
    return new Workflow(w.id(), name, handle, w.slug(), description, tags, isArchived, draftAccess, w.isPublic(),
        w.publishedAt(), w.publishedBy(), w.requireLogin(), w.shareUrl(), chatkit, w.createdAt(), w.updatedAt(),
        w.auditLog());
  }

  private static void change(ObjectNode changes, String field, JsonNode from, JsonNode to) {
    ObjectNode fromTo = changes.putObject(field);
    fromTo.set("from", from);
    fromTo.set("to", to);
  }

  private static JsonNode text(String value) {
    return value == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(value);
  }

  private static JsonNode strings(List<String> values) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    values.forEach(array::add);
    return array;
  }

  private static JsonNode prompts(List<ChatKitPrompt> prompts) {
    if (prompts == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (ChatKitPrompt p : prompts) {
      array.addObject().put("label", p.label()).put("prompt", p.prompt()).put("icon", p.icon());
    }
    return array;
  }

  private static JsonNode models(List<ChatKitModel> models) {
    if (models == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (ChatKitModel m : models) {
      array.addObject().put("id", m.id()).put("label", m.label()).put("description", m.description())
          .put("disabled", m.disabled()).put("default", m.isDefault());
    }
    return array;
  }
}
