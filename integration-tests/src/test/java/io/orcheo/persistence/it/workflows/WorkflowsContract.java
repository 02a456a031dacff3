package io.orcheo.persistence.it.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.workflows.AuditRecord;
import io.orcheo.persistence.core.workflows.ChatKitModel;
import io.orcheo.persistence.core.workflows.ChatKitPrompt;
import io.orcheo.persistence.core.workflows.ChatKitSettings;
import io.orcheo.persistence.core.workflows.DraftAccess;
import io.orcheo.persistence.core.workflows.NewWorkflow;
import io.orcheo.persistence.core.workflows.Workflow;
import io.orcheo.persistence.core.workflows.WorkflowHandleConflictException;
import io.orcheo.persistence.core.workflows.WorkflowNotFoundException;
import io.orcheo.persistence.core.workflows.WorkflowPublishStateException;
import io.orcheo.persistence.core.workflows.WorkflowRepository;
import io.orcheo.persistence.core.workflows.WorkflowUpdate;
import io.orcheo.persistence.it.support.StoreRows;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upstream Orcheo's workflow operations on every backend (spec §2.1, §2.1.1 and §4 items 1–18): create, list, get,
 * ref resolution, update with its audit trail, archive, handle rules and publication.
 *
 * <p>Also covers where this port deliberately differs from upstream (a handle rename works on PostgreSQL; restoring
 * a workflow into a taken handle is a {@link WorkflowHandleConflictException}, not a raw unique violation) and how a
 * workflow is stored for upstream to read: the payload document in upstream's field names and timestamp form, the
 * {@code handle}/{@code is_archived}/{@code updated_at} columns mirroring it, and payload keys this code does not
 * know surviving a rewrite.
 */
public abstract class WorkflowsContract extends BackendContract {
  private static final String ACTOR = "alice";

  private WorkflowRepository workflows;
  private StoreRows rows;

  @BeforeEach
  void repository() {
    workflows = persistence.workflows();
    rows = new StoreRows(persistence, backend(), Store.REPOSITORY);
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private Workflow create(String name) {
    return workflows.createWorkflow(NewWorkflow.named(name, ACTOR));
  }

  private Workflow create(String name, String handle) {
    return workflows.createWorkflow(NewWorkflow.named(name, ACTOR).withHandle(handle));
  }

  private static WorkflowUpdate update() {
    return WorkflowUpdate.by(ACTOR);
  }

  /** Moves the clock on, so the next write has a later timestamp than the previous one. */
  private Instant tick() {
    return clock.advance(Duration.ofSeconds(1));
  }

  private List<String> actions(Workflow workflow) {
    return workflow.auditLog().stream().map(AuditRecord::action).toList();
  }

  private long storedWorkflows() throws SQLException {
    return Long.parseLong(rows.text("SELECT count(*) FROM workflows"));
  }

  /** The {@code handle} and {@code is_archived} columns of the row, the flag as "1" or "0" on both backends. */
  private List<String> mirroredColumns(UUID id) throws SQLException {
    return rows.query("SELECT handle, CASE WHEN is_archived THEN 1 ELSE 0 END FROM workflows WHERE id = ?",
        id.toString()).get(0);
  }

  /** Asserts that the row's mirrored columns say what its payload says. */
  private void assertMirrorsAgreeWithPayload(UUID id) throws SQLException {
    ObjectNode payload = rows.payload("workflows", id);
    assertThat(payload.path("is_archived").isBoolean()).as("payload is_archived is a boolean").isTrue();
    assertThat(mirroredColumns(id)).containsExactly(
        payload.path("handle").textValue(), payload.path("is_archived").booleanValue() ? "1" : "0");
    assertThat(rows.instant("SELECT updated_at FROM workflows WHERE id = ?", id.toString()))
        .isEqualTo(Instant.parse(payload.path("updated_at").textValue()));
  }

  private static ChatKitPrompt prompt(String label) {
    return new ChatKitPrompt(label, "Tell me about " + label, null);
  }

  private static ChatKitModel model(String id) {
    return new ChatKitModel(id, "Model " + id, null, false, false);
  }

  // ---------------------------------------------------------------------------------------- create, list, get

  @Test
  void createdWorkflowIsListedWithASlugDerivedFromItsName() {
    Workflow created = create("Test Flow");

    assertThat(created.slug()).isEqualTo("test-flow");
    assertThat(workflows.listWorkflows()).containsExactly(created);
  }

  @Test
  void createRecordsWorkflowCreatedAtTheClocksTime() {
    Workflow created = create("Flow");

    assertThat(created.createdAt()).isEqualTo(START);
    assertThat(created.updatedAt()).isEqualTo(START);
    assertThat(created.auditLog()).containsExactly(AuditRecord.of(ACTOR, "workflow_created", START));
  }

  @Test
  void createStoresTheNormalisedFields() {
    Workflow created = workflows.createWorkflow(NewWorkflow.named("  Flow  ", ACTOR)
        .withHandle(" My-Flow ")
        .withTags(List.of("Ops", " ops", "", "Nightly"))
        .withDescription("   "));

    Workflow read = workflows.getWorkflow(created.id());
    assertThat(read.name()).isEqualTo("Flow");
    assertThat(read.handle()).isEqualTo("my-flow");
    assertThat(read.tags()).containsExactly("ops", "nightly");
    assertThat(read.description()).isNull();
    assertThat(read.draftAccess()).isEqualTo(DraftAccess.PERSONAL);
  }

  @Test
  void explicitSlugIsUsedInsteadOfTheName() {
    Workflow created = workflows.createWorkflow(NewWorkflow.named("Flow", ACTOR).withSlug("Custom Slug!"));

    assertThat(workflows.getWorkflow(created.id()).slug()).isEqualTo("custom-slug");
  }

  @Test
  void listingIsOldestFirst() {
    Workflow first = create("First");
    tick();
    Workflow second = create("Second");
    tick();
    Workflow third = create("Third");

    assertThat(workflows.listWorkflows()).containsExactly(first, second, third);
  }

  @Test
  void listingExcludesArchivedWorkflowsUnlessAsked() {
    Workflow active = create("Active");
    tick();
    Workflow archived = workflows.archiveWorkflow(create("Archived").id(), ACTOR);

    assertThat(workflows.listWorkflows()).containsExactly(active);
    assertThat(workflows.listWorkflows(true)).containsExactly(active, archived);
    assertThat(workflows.listWorkflows(true)).extracting(Workflow::isArchived).containsExactly(false, true);
  }

  @Test
  void getReturnsAnArchivedWorkflow() {
    Workflow archived = workflows.archiveWorkflow(create("Flow").id(), ACTOR);

    assertThat(workflows.getWorkflow(archived.id())).isEqualTo(archived);
  }

  @Test
  void gettingAnUnknownWorkflowIsNotFound() {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> workflows.getWorkflow(unknown))
        .isInstanceOf(WorkflowNotFoundException.class)
        .hasMessageContaining(unknown.toString());
  }

  @Test
  void mutatingAReturnedWorkflowDoesNotChangeTheStoredOne() {
    UUID id = create("Old").id();
    Workflow returned = workflows.updateWorkflow(id, update().withName("New"));

    returned.lastEvent().metadata().put("name", "tampered");
    assertThatThrownBy(() -> returned.tags().add("tampered")).isInstanceOf(UnsupportedOperationException.class);

    Workflow stored = workflows.getWorkflow(id);
    assertThat(stored).isEqualTo(returned);
    assertThat(stored.lastEvent().metadata()).isEqualTo(JsonCodec.read("""
        {"name": {"from": "Old", "to": "New"}}"""));
  }

  // --------------------------------------------------------------------------------------------------- update

  @Test
  void updateChangesNameDescriptionAndTags() {
    UUID id = create("Old").id();

    workflows.updateWorkflow(id, update().withName("New").withDescription("About it").withTags(List.of("a", "b")));

    Workflow read = workflows.getWorkflow(id);
    assertThat(read.name()).isEqualTo("New");
    assertThat(read.description()).isEqualTo("About it");
    assertThat(read.tags()).containsExactly("a", "b");
  }

  @Test
  void updateRecordsEachChangedFieldAsFromAndTo() {
    UUID id = create("Old").id();
    Instant now = tick();

    Workflow updated = workflows.updateWorkflow(id, WorkflowUpdate.by("bob")
        .withName("New").withHandle("new-flow").withDescription("About it").withTags(List.of("a")));

    assertThat(updated.lastEvent()).isEqualTo(new AuditRecord("bob", "workflow_updated", now,
        (ObjectNode) JsonCodec.read("""
            {"handle": {"from": null, "to": "new-flow"},
             "name": {"from": "Old", "to": "New"},
             "description": {"from": null, "to": "About it"},
             "tags": {"from": [], "to": ["a"]}}""")));
  }

  @Test
  void updateWithoutChangesStillRecordsAnEmptyWorkflowUpdatedEvent() {
    UUID id = create("Same").id();

    // Restating the current name is no change either.
    Workflow updated = workflows.updateWorkflow(id, update().withName("Same"));

    assertThat(actions(updated)).containsExactly("workflow_created", "workflow_updated");
    assertThat(updated.lastEvent().metadata()).isEqualTo(JsonCodec.read("{}"));
  }

  @Test
  void updateAlwaysMovesUpdatedAt() throws SQLException {
    UUID id = create("Flow").id();
    Instant now = tick();

    Workflow updated = workflows.updateWorkflow(id, update());

    assertThat(updated.updatedAt()).isEqualTo(now);
    assertThat(workflows.getWorkflow(id).updatedAt()).isEqualTo(now);
    assertThat(rows.instant("SELECT updated_at FROM workflows WHERE id = ?", id.toString())).isEqualTo(now);
  }

  @Test
  void tagsDifferingOnlyInCaseCountAsAChangeAsUpstream() {
    UUID id = workflows.createWorkflow(NewWorkflow.named("Flow", ACTOR).withTags(List.of("ops"))).id();

    // Upstream compares the tags as given and lowercases them afterwards, so the event notes a change that is not.
    Workflow updated = workflows.updateWorkflow(id, update().withTags(List.of("OPS")));

    assertThat(updated.tags()).containsExactly("ops");
    assertThat(updated.lastEvent().metadata()).isEqualTo(JsonCodec.read("""
        {"tags": {"from": ["ops"], "to": ["OPS"]}}"""));
  }

  @Test
  void updateSwitchesDraftAccess() {
    UUID id = create("Flow").id();

    Workflow updated = workflows.updateWorkflow(id, update().withDraftAccess(DraftAccess.AUTHENTICATED));

    assertThat(workflows.getWorkflow(id).draftAccess()).isEqualTo(DraftAccess.AUTHENTICATED);
    assertThat(updated.lastEvent().metadata()).isEqualTo(JsonCodec.read("""
        {"draft_access": {"from": "personal", "to": "authenticated"}}"""));
  }

  @Test
  void updatingAnUnknownWorkflowIsNotFound() throws SQLException {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> workflows.updateWorkflow(unknown, update().withName("New")))
        .isInstanceOf(WorkflowNotFoundException.class)
        .hasMessageContaining(unknown.toString());
    assertThat(storedWorkflows()).isZero();
  }

  // -------------------------------------------------------------------------------------------------- ChatKit

  @Test
  void chatkitPromptsCanBeSetAndCleared() {
    UUID id = create("Flow").id();
    List<ChatKitPrompt> prompts = List.of(prompt("Weather"), new ChatKitPrompt("News", "What happened?", "globe"));

    workflows.updateWorkflow(id, update().withChatkitStartScreenPrompts(prompts));
    assertThat(workflows.getWorkflow(id).chatkit()).isEqualTo(new ChatKitSettings(prompts, null));

    workflows.updateWorkflow(id, update().clearingChatkitStartScreenPrompts());
    assertThat(workflows.getWorkflow(id).chatkit()).isNull();
  }

  @Test
  void chatkitModelsCanBeSetAndCleared() {
    UUID id = create("Flow").id();
    List<ChatKitModel> models = List.of(model("gpt"), new ChatKitModel("small", null, "Cheap", true, true));

    workflows.updateWorkflow(id, update().withChatkitSupportedModels(models));
    assertThat(workflows.getWorkflow(id).chatkit()).isEqualTo(new ChatKitSettings(null, models));

    workflows.updateWorkflow(id, update().clearingChatkitSupportedModels());
    assertThat(workflows.getWorkflow(id).chatkit()).isNull();
  }

  @Test
  void clearingChatkitPromptsKeepsTheModels() {
    UUID id = create("Flow").id();
    workflows.updateWorkflow(id, update()
        .withChatkitStartScreenPrompts(List.of(prompt("Weather")))
        .withChatkitSupportedModels(List.of(model("gpt"))));

    workflows.updateWorkflow(id, update().clearingChatkitStartScreenPrompts());

    assertThat(workflows.getWorkflow(id).chatkit()).isEqualTo(new ChatKitSettings(null, List.of(model("gpt"))));
  }

  @Test
  void clearingChatkitPromptsWinsOverPromptsGivenInTheSameUpdate() {
    UUID id = create("Flow").id();
    workflows.updateWorkflow(id, update().withChatkitStartScreenPrompts(List.of(prompt("Weather"))));

    workflows.updateWorkflow(id,
        update().withChatkitStartScreenPrompts(List.of(prompt("News"))).clearingChatkitStartScreenPrompts());

    assertThat(workflows.getWorkflow(id).chatkit()).isNull();
  }

  @Test
  void settingEqualChatkitPromptsIsNoChange() {
    UUID id = create("Flow").id();
    workflows.updateWorkflow(id, update().withChatkitStartScreenPrompts(List.of(prompt("Weather"))));

    Workflow updated = workflows.updateWorkflow(id, update().withChatkitStartScreenPrompts(List.of(prompt("Weather"))));

    assertThat(updated.lastEvent().metadata()).isEqualTo(JsonCodec.read("{}"));
  }

  @Test
  void settingChatkitPromptsRecordsThemInTheEvent() {
    UUID id = create("Flow").id();

    Workflow updated = workflows.updateWorkflow(id,
        update().withChatkitStartScreenPrompts(List.of(new ChatKitPrompt("News", "What happened?", "globe"))));

    assertThat(updated.lastEvent().metadata()).isEqualTo(JsonCodec.read("""
        {"chatkit_start_screen_prompts": {
            "from": null,
            "to": [{"label": "News", "prompt": "What happened?", "icon": "globe"}]}}"""));
  }

  // ------------------------------------------------------------------------------------------------- archiving

  @Test
  void archivingSetsIsArchived() {
    UUID id = create("Flow").id();

    Workflow archived = workflows.archiveWorkflow(id, ACTOR);

    assertThat(archived.isArchived()).isTrue();
    assertThat(workflows.getWorkflow(id).isArchived()).isTrue();
    assertThat(archived.lastEvent().metadata()).isEqualTo(JsonCodec.read("""
        {"is_archived": {"from": false, "to": true}}"""));
  }

  @Test
  void archivingAnArchivedWorkflowStillRecordsAnEmptyEvent() {
    UUID id = create("Flow").id();
    workflows.archiveWorkflow(id, ACTOR);

    Workflow again = workflows.archiveWorkflow(id, ACTOR);

    assertThat(actions(again)).containsExactly("workflow_created", "workflow_updated", "workflow_updated");
    assertThat(again.lastEvent().metadata()).isEqualTo(JsonCodec.read("{}"));
  }

  @Test
  void restoringAnArchivedWorkflowListsItAgain() {
    UUID id = create("Flow").id();
    workflows.archiveWorkflow(id, ACTOR);

    Workflow restored = workflows.updateWorkflow(id, update().withArchived(false));

    assertThat(restored.isArchived()).isFalse();
    assertThat(workflows.listWorkflows()).containsExactly(restored);
  }

  @Test
  void archivingAPublicWorkflowRevokesPublication() {
    UUID id = create("Flow").id();
    workflows.publishWorkflow(id, true, ACTOR);

    workflows.archiveWorkflow(id, ACTOR);

    Workflow read = workflows.getWorkflow(id);
    assertThat(read.isPublic()).isFalse();
    assertThat(read.requireLogin()).isFalse();
    assertThat(read.publishedAt()).isNull();
    assertThat(read.publishedBy()).isNull();
  }

  @Test
  void archivingAPublicWorkflowRecordsWorkflowUnpublishedBeforeWorkflowUpdated() {
    UUID id = create("Flow").id();
    workflows.publishWorkflow(id, true, ACTOR);
    Instant now = tick();

    Workflow archived = workflows.archiveWorkflow(id, "bob");

    List<AuditRecord> log = archived.auditLog();
    assertThat(actions(archived))
        .containsExactly("workflow_created", "workflow_published", "workflow_unpublished", "workflow_updated");
    assertThat(log.get(2)).isEqualTo(new AuditRecord("bob", "workflow_unpublished", now,
        (ObjectNode) JsonCodec.read("{\"require_login\": true}")));
    assertThat(log.get(3).metadata()).isEqualTo(JsonCodec.read("""
        {"is_archived": {"from": false, "to": true}}"""));
  }

  // --------------------------------------------------------------------------------------- handle validation

  @ParameterizedTest
  @ValueSource(strings = {"123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000",
      "123e4567e89b12d3a456426614174000"})
  void uuidShapedHandleIsRejectedOnCreate(String handle) throws SQLException {
    assertThatThrownBy(() -> workflows.createWorkflow(NewWorkflow.named("Flow", ACTOR).withHandle(handle)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not use a UUID format");
    assertThat(storedWorkflows()).isZero();
  }

  @Test
  void uuidShapedHandleIsRejectedOnUpdate() throws SQLException {
    UUID id = create("Flow", "flow").id();
    String before = rows.payloadText("workflows", id);

    assertThatThrownBy(() -> workflows.updateWorkflow(id, update().withHandle(UUID.randomUUID().toString())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not use a UUID format");
    assertThat(rows.payloadText("workflows", id)).isEqualTo(before);
  }

  @Test
  void invalidHandleIsReportedBeforeAnUnknownWorkflow() {
    // As upstream: the handle is normalised before the workflow is looked up.
    assertThatThrownBy(() -> workflows.updateWorkflow(UUID.randomUUID(), update().withHandle("not valid!")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void createWithAnInvalidHandleWritesNothing() throws SQLException {
    assertThatThrownBy(() -> workflows.createWorkflow(NewWorkflow.named("Flow", ACTOR).withHandle("not valid!")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("lowercase letters, numbers, and single hyphens");
    assertThat(storedWorkflows()).isZero();
  }

  @Test
  void createWithABlankNameWritesNothing() throws SQLException {
    assertThatThrownBy(() -> workflows.createWorkflow(NewWorkflow.named("   ", ACTOR)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Workflow name must not be empty.");
    assertThat(storedWorkflows()).isZero();
  }

  @Test
  void updateWithABlankNameLeavesTheWorkflowUnchanged() throws SQLException {
    UUID id = create("Flow").id();
    String before = rows.payloadText("workflows", id);
    tick();

    // Unlike the handle, the name of an update is checked only when it is applied, inside the transaction.
    assertThatThrownBy(() -> workflows.updateWorkflow(id, update().withName("   ")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Workflow name must not be empty.");
    assertThat(rows.payloadText("workflows", id)).isEqualTo(before);
    assertThat(rows.instant("SELECT updated_at FROM workflows WHERE id = ?", id.toString())).isEqualTo(START);
  }

  // -------------------------------------------------------------------------------------------- handle rules

  @Test
  void createWithTheHandleOfAnActiveWorkflowIsAConflict() throws SQLException {
    create("First", "shared");

    assertThatThrownBy(() -> create("Second", "shared"))
        .isInstanceOf(WorkflowHandleConflictException.class)
        .hasMessage("Workflow handle 'shared' is already in use.");
    assertThat(storedWorkflows()).isOne();
  }

  @Test
  void updateToTheHandleOfAnActiveWorkflowIsAConflict() {
    create("First", "shared");
    Workflow second = create("Second", "other");

    assertThatThrownBy(() -> workflows.updateWorkflow(second.id(), update().withHandle("shared")))
        .isInstanceOf(WorkflowHandleConflictException.class)
        .satisfies(e -> assertThat(((WorkflowHandleConflictException) e).handle()).isEqualTo("shared"));
    assertThat(workflows.getWorkflow(second.id())).isEqualTo(second);
  }

  @Test
  void archivingReleasesTheHandleForANewWorkflow() {
    Workflow first = create("First", "shared");
    workflows.archiveWorkflow(first.id(), ACTOR);

    Workflow second = create("Second", "shared");

    assertThat(second.handle()).isEqualTo("shared");
    assertThat(workflows.getWorkflow(first.id()).handle()).as("the archived workflow keeps its handle")
        .isEqualTo("shared");
  }

  @Test
  void updateMayTakeAHandleThatOnlyAnArchivedWorkflowHolds() {
    workflows.archiveWorkflow(create("First", "shared").id(), ACTOR);
    UUID second = create("Second").id();

    Workflow updated = workflows.updateWorkflow(second, update().withHandle("shared"));

    assertThat(updated.handle()).isEqualTo("shared");
  }

  @Test
  void updateThatArchivesMayTakeAHandleThatOnlyAnArchivedWorkflowHolds() {
    workflows.archiveWorkflow(create("First", "shared").id(), ACTOR);
    UUID second = create("Second").id();

    Workflow updated = workflows.updateWorkflow(second, update().withHandle("shared").withArchived(true));

    assertThat(updated.handle()).isEqualTo("shared");
    assertThat(updated.isArchived()).isTrue();
  }

  @Test
  void updateThatArchivesCannotTakeTheHandleOfAnActiveWorkflow() {
    // Upstream checks the new handle against other active workflows whatever the update does to the archived flag,
    // and the interface documents the conflict for any new handle another active workflow owns.
    create("First", "shared");
    Workflow second = create("Second");

    assertThatThrownBy(() -> workflows.updateWorkflow(second.id(), update().withHandle("shared").withArchived(true)))
        .isInstanceOf(WorkflowHandleConflictException.class);
    assertThat(workflows.getWorkflow(second.id())).isEqualTo(second);
  }

  @Test
  void archivedWorkflowsMayShareAHandle() {
    Workflow first = workflows.archiveWorkflow(create("First", "shared").id(), ACTOR);
    tick();
    Workflow second = workflows.archiveWorkflow(create("Second", "shared").id(), ACTOR);

    assertThat(workflows.listWorkflows(true)).containsExactly(first, second);
    assertThat(workflows.listWorkflows(true)).extracting(Workflow::handle).containsExactly("shared", "shared");
  }

  @Test
  void restoringIntoATakenHandleIsAHandleConflictUnlikeUpstreamsRawUniqueViolation() throws SQLException {
    UUID first = create("First", "shared").id();
    workflows.archiveWorkflow(first, ACTOR);
    create("Second", "shared");

    assertThatThrownBy(() -> workflows.updateWorkflow(first, update().withArchived(false)))
        .isInstanceOf(WorkflowHandleConflictException.class)
        .hasMessage("Workflow handle 'shared' is already in use.");
    assertThat(workflows.getWorkflow(first).isArchived()).isTrue();
    assertThat(mirroredColumns(first)).containsExactly("shared", "1");
  }

  @Test
  void renamingAHandleWorksOnPostgresUnlikeUpstream() {
    // Upstream's PostgreSQL store compared the TEXT id to a uuid parameter and failed every rename; run on both.
    UUID id = create("Flow", "old-name").id();

    Workflow renamed = workflows.updateWorkflow(id, update().withHandle("new-name"));

    assertThat(renamed.handle()).isEqualTo("new-name");
    assertThat(workflows.resolveWorkflowRef("new-name")).isEqualTo(id);
    assertThatThrownBy(() -> workflows.resolveWorkflowRef("old-name")).isInstanceOf(WorkflowNotFoundException.class);
  }

  @Test
  void renamingReleasesTheOldHandle() {
    UUID first = create("First", "old-name").id();
    workflows.updateWorkflow(first, update().withHandle("new-name"));

    Workflow second = create("Second", "old-name");

    assertThat(workflows.resolveWorkflowRef("old-name")).isEqualTo(second.id());
  }

  // ------------------------------------------------------------------------------------------ ref resolution

  @Test
  void refIsTrimmedAndLowercased() {
    UUID id = create("Flow", "my-flow").id();

    assertThat(workflows.resolveWorkflowRef("  My-FLOW\t")).isEqualTo(id);
  }

  @Test
  void archivedHandleStillResolvesByDefault() {
    UUID id = create("Flow", "old-flow").id();
    workflows.archiveWorkflow(id, ACTOR);

    assertThat(workflows.resolveWorkflowRef("old-flow")).isEqualTo(id);
  }

  @Test
  void archivedHandleIsNotFoundWhenArchivedWorkflowsAreExcluded() {
    UUID id = create("Flow", "old-flow").id();
    workflows.archiveWorkflow(id, ACTOR);

    assertThatThrownBy(() -> workflows.resolveWorkflowRef("old-flow", false))
        .isInstanceOf(WorkflowNotFoundException.class)
        .hasMessage("old-flow");
  }

  @Test
  void resolutionPrefersTheActiveHolderOfAHandle() {
    UUID archived = create("First", "shared").id();
    workflows.archiveWorkflow(archived, ACTOR);
    UUID active = create("Second", "shared").id();

    assertThat(workflows.resolveWorkflowRef("shared")).isEqualTo(active);
  }

  @Test
  void activeHolderOfAHandleWinsOverAMoreRecentlyUpdatedArchivedOne() {
    UUID archived = create("First", "shared").id();
    workflows.archiveWorkflow(archived, ACTOR);
    UUID active = create("Second", "shared").id();
    tick();
    workflows.updateWorkflow(archived, update().withDescription("touched later"));

    assertThat(workflows.resolveWorkflowRef("shared")).isEqualTo(active);
  }

  @Test
  void amongArchivedHoldersOfAHandleTheMostRecentlyUpdatedWins() {
    UUID first = create("First", "shared").id();
    workflows.archiveWorkflow(first, ACTOR);
    tick();
    UUID second = create("Second", "shared").id();
    workflows.archiveWorkflow(second, ACTOR);
    assertThat(workflows.resolveWorkflowRef("shared")).isEqualTo(second);

    tick();
    workflows.updateWorkflow(first, update().withDescription("touched later"));

    assertThat(workflows.resolveWorkflowRef("shared")).isEqualTo(first);
  }

  @Test
  void handleMatchWinsOverIdMatch() throws SQLException {
    UUID target = create("Target").id();
    UUID holder = create("Holder").id();
    workflows.archiveWorkflow(holder, ACTOR);
    // No valid handle looks like a UUID, so only a row written outside the repository can make a ref match both a
    // handle and an id. Resolution reads the handle column alone, as upstream, so planting it there is enough.
    rows.execute("UPDATE workflows SET handle = ? WHERE id = ?", target.toString(), holder.toString());

    assertThat(workflows.resolveWorkflowRef(target.toString())).isEqualTo(holder);
  }

  @Test
  void uuidRefResolvesToTheWorkflowWithThatId() {
    UUID id = create("Flow", "flow").id();

    assertThat(workflows.resolveWorkflowRef(id.toString())).isEqualTo(id);
  }

  @Test
  void uppercaseUuidRefResolvesToTheWorkflowWithThatId() {
    UUID id = create("Flow").id();

    assertThat(workflows.resolveWorkflowRef(id.toString().toUpperCase())).isEqualTo(id);
  }

  @Test
  void idRefFindsAnArchivedWorkflowEvenWhenArchivedWorkflowsAreExcluded() {
    // Upstream's id branch ignores include_archived; kept for parity.
    UUID id = create("Flow").id();
    workflows.archiveWorkflow(id, ACTOR);

    assertThat(workflows.resolveWorkflowRef(id.toString(), false)).isEqualTo(id);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t\n"})
  void blankRefIsNotFoundAsAnEmptyRef(String ref) {
    create("Flow", "flow");

    assertThatThrownBy(() -> workflows.resolveWorkflowRef(ref))
        .isInstanceOf(WorkflowNotFoundException.class)
        .hasMessage("workflow ref is empty");
  }

  @Test
  void unknownHandleRefIsNotFound() {
    create("Flow", "flow");

    assertThatThrownBy(() -> workflows.resolveWorkflowRef("other"))
        .isInstanceOf(WorkflowNotFoundException.class)
        .hasMessage("other");
  }

  @Test
  void unknownIdRefIsNotFound() {
    create("Flow", "flow");
    String unknown = UUID.randomUUID().toString();

    assertThatThrownBy(() -> workflows.resolveWorkflowRef(unknown))
        .isInstanceOf(WorkflowNotFoundException.class)
        .hasMessage(unknown);
  }

  // --------------------------------------------------------------------------------------------- publication

  @Test
  void publishThenRevokeRoundTrips() {
    UUID id = create("Flow").id();
    Instant publishedAt = tick();

    Workflow published = workflows.publishWorkflow(id, true, "bob");
    assertThat(workflows.getWorkflow(id)).isEqualTo(published);
    assertThat(published.isPublic()).isTrue();
    assertThat(published.requireLogin()).isTrue();
    assertThat(published.publishedAt()).isEqualTo(publishedAt);
    assertThat(published.publishedBy()).isEqualTo("bob");

    Workflow revoked = workflows.revokePublish(id, "carol");
    assertThat(workflows.getWorkflow(id)).isEqualTo(revoked);
    assertThat(revoked.isPublic()).isFalse();
    assertThat(revoked.requireLogin()).isFalse();
    assertThat(revoked.publishedAt()).isNull();
    assertThat(revoked.publishedBy()).isNull();
  }

  @Test
  void publishAndRevokeRecordTheirEvents() {
    UUID id = create("Flow").id();
    Instant publishedAt = tick();
    workflows.publishWorkflow(id, true, "bob");
    Instant revokedAt = tick();

    Workflow revoked = workflows.revokePublish(id, "carol");

    ObjectNode requireLogin = (ObjectNode) JsonCodec.read("{\"require_login\": true}");
    assertThat(revoked.auditLog()).containsExactly(
        AuditRecord.of(ACTOR, "workflow_created", START),
        new AuditRecord("bob", "workflow_published", publishedAt, requireLogin),
        new AuditRecord("carol", "workflow_unpublished", revokedAt, requireLogin));
  }

  @Test
  void publishingTwiceIsRejected() throws SQLException {
    UUID id = create("Flow").id();
    workflows.publishWorkflow(id, false, ACTOR);
    String before = rows.payloadText("workflows", id);

    assertThatThrownBy(() -> workflows.publishWorkflow(id, true, ACTOR))
        .isInstanceOf(WorkflowPublishStateException.class)
        .hasMessage("Workflow is already published.");
    assertThat(rows.payloadText("workflows", id)).isEqualTo(before);
  }

  @Test
  void revokingAnUnpublishedWorkflowIsRejected() {
    UUID id = create("Flow").id();

    assertThatThrownBy(() -> workflows.revokePublish(id, ACTOR))
        .isInstanceOf(WorkflowPublishStateException.class)
        .hasMessage("Workflow is not currently published.");
  }

  @Test
  void publishingAnArchivedWorkflowIsNotFound() {
    UUID id = create("Flow").id();
    workflows.archiveWorkflow(id, ACTOR);

    assertThatThrownBy(() -> workflows.publishWorkflow(id, false, ACTOR))
        .isInstanceOf(WorkflowNotFoundException.class);
    assertThat(workflows.getWorkflow(id).isPublic()).isFalse();
  }

  @Test
  void revokingAnArchivedWorkflowIsNotFound() {
    // Not a publish-state error, although the archived workflow is unpublished: being archived is checked first.
    UUID id = create("Flow").id();
    workflows.archiveWorkflow(id, ACTOR);

    assertThatThrownBy(() -> workflows.revokePublish(id, ACTOR)).isInstanceOf(WorkflowNotFoundException.class);
  }

  @Test
  void publishingOrRevokingAnUnknownWorkflowIsNotFound() {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> workflows.publishWorkflow(unknown, false, ACTOR))
        .isInstanceOf(WorkflowNotFoundException.class);
    assertThatThrownBy(() -> workflows.revokePublish(unknown, ACTOR)).isInstanceOf(WorkflowNotFoundException.class);
  }

  // ---------------------------------------------------------------------------------------- stored document

  @Test
  void payloadUsesUpstreamsFieldNames() throws SQLException {
    UUID id = create("Flow", "flow").id();

    ObjectNode payload = rows.payload("workflows", id);

    List<String> keys = new ArrayList<>();
    payload.fieldNames().forEachRemaining(keys::add);
    // Upstream's model forbids unknown keys, so the document must hold exactly its fields.
    assertThat(keys).containsExactlyInAnyOrder("id", "created_at", "updated_at", "audit_log", "name", "handle",
        "slug", "description", "tags", "is_archived", "draft_access", "is_public", "published_at", "published_by",
        "require_login", "share_url", "chatkit");
    assertThat(payload.path("audit_log").get(0).path("action").textValue()).isEqualTo("workflow_created");
    assertThat(payload.path("draft_access").textValue()).isEqualTo("personal");
  }

  @Test
  void payloadTimestampsArePydanticsWithAZSuffix() throws SQLException {
    UUID id = create("Flow").id();
    tick();
    workflows.publishWorkflow(id, false, ACTOR);

    ObjectNode payload = rows.payload("workflows", id);

    assertThat(payload.path("created_at").textValue()).isEqualTo("2025-01-02T03:04:05.123456Z");
    assertThat(payload.path("updated_at").textValue()).isEqualTo("2025-01-02T03:04:06.123456Z");
    assertThat(payload.path("published_at").textValue()).isEqualTo("2025-01-02T03:04:06.123456Z");
    assertThat(payload.path("audit_log").findValuesAsText("at"))
        .containsExactly("2025-01-02T03:04:05.123456Z", "2025-01-02T03:04:06.123456Z");
  }

  @Test
  void mirroredColumnsAgreeWithThePayloadAfterCreate() throws SQLException {
    UUID id = create("Flow", "flow").id();

    assertMirrorsAgreeWithPayload(id);
    assertThat(mirroredColumns(id)).containsExactly("flow", "0");
  }

  @Test
  void mirroredColumnsAgreeWithThePayloadWithoutAHandle() throws SQLException {
    UUID id = create("Flow").id();

    assertMirrorsAgreeWithPayload(id);
    assertThat(mirroredColumns(id)).containsExactly(null, "0");
  }

  @Test
  void mirroredColumnsAgreeWithThePayloadAfterAHandleChange() throws SQLException {
    UUID id = create("Flow", "flow").id();
    tick();

    workflows.updateWorkflow(id, update().withHandle("renamed"));

    assertMirrorsAgreeWithPayload(id);
    assertThat(mirroredColumns(id)).containsExactly("renamed", "0");
  }

  @Test
  void mirroredColumnsAgreeWithThePayloadAfterArchive() throws SQLException {
    UUID id = create("Flow", "flow").id();
    tick();

    workflows.archiveWorkflow(id, ACTOR);

    assertMirrorsAgreeWithPayload(id);
    assertThat(mirroredColumns(id)).containsExactly("flow", "1");
  }

  @Test
  void mirroredColumnsAgreeWithThePayloadAfterRestore() throws SQLException {
    UUID id = create("Flow", "flow").id();
    workflows.archiveWorkflow(id, ACTOR);
    tick();

    workflows.updateWorkflow(id, update().withArchived(false));

    assertMirrorsAgreeWithPayload(id);
    assertThat(mirroredColumns(id)).containsExactly("flow", "0");
  }

  @Test
  void documentWithoutDraftAccessReadsWorkspaceAccessFromAWorkspaceTag() throws SQLException {
    // Upstream's backfill for documents written before draft_access existed.
    UUID id = workflows.createWorkflow(NewWorkflow.named("Flow", ACTOR).withTags(List.of("workspace:team-a"))).id();
    ObjectNode legacy = rows.payload("workflows", id);
    legacy.remove("draft_access");
    rows.replacePayload("workflows", id, legacy);

    assertThat(workflows.getWorkflow(id).draftAccess()).isEqualTo(DraftAccess.WORKSPACE);
  }

  @Test
  void legacyTopLevelChatkitKeysAreReadIntoChatkitAndRewrittenNested() throws SQLException {
    UUID id = create("Flow").id();
    ObjectNode legacy = rows.payload("workflows", id);
    legacy.remove("chatkit");
    legacy.set("chatkit_start_screen_prompts", JsonCodec.read("""
        [{"label": "News", "prompt": "What happened?", "icon": null}]"""));
    rows.replacePayload("workflows", id, legacy);

    assertThat(workflows.getWorkflow(id).chatkit())
        .isEqualTo(new ChatKitSettings(List.of(new ChatKitPrompt("News", "What happened?", null)), null));

    workflows.updateWorkflow(id, update());

    ObjectNode rewritten = rows.payload("workflows", id);
    assertThat(rewritten.has("chatkit_start_screen_prompts")).isFalse();
    assertThat(rewritten.path("chatkit")).isEqualTo(JsonCodec.read("""
        {"start_screen_prompts": [{"label": "News", "prompt": "What happened?", "icon": null}],
         "supported_models": null}"""));
  }

  @Test
  void legacyPublishTokenKeysAreDroppedWhenTheDocumentIsRewritten() throws SQLException {
    // Upstream strips these retired keys on read and its strict model refuses them, so a rewrite must not keep them.
    UUID id = create("Flow").id();
    ObjectNode legacy = rows.payload("workflows", id);
    legacy.put("publish_token_hash", "abc").put("publish_token_rotated_at", "2024-01-01T00:00:00Z");
    rows.replacePayload("workflows", id, legacy);

    workflows.updateWorkflow(id, update().withName("Renamed"));

    ObjectNode rewritten = rows.payload("workflows", id);
    assertThat(rewritten.has("publish_token_hash")).isFalse();
    assertThat(rewritten.has("publish_token_rotated_at")).isFalse();
  }

  @Test
  void unknownPayloadFieldsSurviveAnUpdate() throws SQLException {
    UUID id = create("Flow").id();
    // A field a newer upstream might add: our rewrite must not drop it.
    ObjectNode planted = rows.payload("workflows", id);
    planted.putObject("x_future_field").put("kept", true);
    rows.replacePayload("workflows", id, planted);

    workflows.updateWorkflow(id, update().withName("Renamed"));

    ObjectNode payload = rows.payload("workflows", id);
    assertThat(payload.path("x_future_field")).isEqualTo(JsonCodec.read("{\"kept\": true}"));
    assertThat(payload.path("name").textValue()).isEqualTo("Renamed");
  }

  @Test
  void unknownPayloadFieldsSurvivePublication() throws SQLException {
    UUID id = create("Flow").id();
    ObjectNode planted = rows.payload("workflows", id);
    planted.put("x_future_field", "kept");
    rows.replacePayload("workflows", id, planted);

    workflows.publishWorkflow(id, false, ACTOR);

    JsonNode payload = rows.payload("workflows", id);
    assertThat(payload.path("x_future_field").textValue()).isEqualTo("kept");
    assertThat(payload.path("is_public").booleanValue()).isTrue();
  }
}
