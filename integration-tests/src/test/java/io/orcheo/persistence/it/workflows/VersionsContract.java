package io.orcheo.persistence.it.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.workflows.AuditRecord;
import io.orcheo.persistence.core.workflows.NewVersion;
import io.orcheo.persistence.core.workflows.NewWorkflow;
import io.orcheo.persistence.core.workflows.VersionDiff;
import io.orcheo.persistence.core.workflows.WorkflowNotFoundException;
import io.orcheo.persistence.core.workflows.WorkflowRepository;
import io.orcheo.persistence.core.workflows.WorkflowVersion;
import io.orcheo.persistence.core.workflows.WorkflowVersionNotFoundException;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upstream Orcheo's version operations on every backend (spec §2.2 and §4 items 22–27): numbering, lookups by
 * number, id and "latest", runnable-config updates, and the graph diff, which must be byte-identical to Python's
 * {@code json.dumps(indent=2, sort_keys=True)} fed to {@code difflib.unified_diff}.
 *
 * <p>Also covers how a version is stored for upstream to read: the payload in upstream's field names, the
 * {@code workflow_id}/{@code version} columns mirroring it, keys this code does not know surviving a rewrite, and
 * returned JSON values being copies.
 */
public abstract class VersionsContract extends BackendContract {
  private static final String ACTOR = "alice";

  private WorkflowRepository workflows;
  private StoreRows rows;
  private UUID workflowId;

  @BeforeEach
  void repository() {
    workflows = persistence.workflows();
    rows = new StoreRows(persistence, backend(), Store.REPOSITORY);
    workflowId = newWorkflow("Flow");
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private UUID newWorkflow(String name) {
    return workflows.createWorkflow(NewWorkflow.named(name, ACTOR)).id();
  }

  private static JsonNode json(String text) {
    return JsonCodec.read(text);
  }

  /** A graph that differs from others by its {@code label}. */
  private static JsonNode graph(String label) {
    return json("{\"nodes\": [\"start\"], \"label\": \"" + label + "\"}");
  }

  private WorkflowVersion addVersion(UUID workflow, JsonNode graph) {
    return workflows.createVersion(workflow, NewVersion.of(graph, ACTOR));
  }

  private WorkflowVersion addVersion(String label) {
    return addVersion(workflowId, graph(label));
  }

  private Instant tick() {
    return clock.advance(Duration.ofSeconds(1));
  }

  // ------------------------------------------------------------------------------------- create and numbering

  @Test
  void versionsAreNumberedOneTwoThreeInCreationOrder() {
    assertThat(List.of(addVersion("a"), addVersion("b"), addVersion("c")))
        .extracting(WorkflowVersion::version)
        .containsExactly(1, 2, 3);
  }

  @Test
  void versionsAreNumberedPerWorkflow() {
    addVersion("a");
    addVersion("b");
    UUID other = newWorkflow("Other");

    assertThat(addVersion(other, graph("x")).version()).isEqualTo(1);
  }

  @Test
  void createdVersionKeepsEveryField() {
    ObjectNode metadata = (ObjectNode) json("{\"source\": \"editor\"}");
    JsonNode config = json("{\"tags\": [\"nightly\"], \"recursion_limit\": 5}");

    WorkflowVersion created = workflows.createVersion(workflowId,
        new NewVersion(graph("a"), metadata, config, "first cut", "graph TD; a-->b", "bob"));

    assertThat(created.workflowId()).isEqualTo(workflowId);
    assertThat(created.graph()).isEqualTo(graph("a"));
    assertThat(created.metadata()).isEqualTo(metadata);
    assertThat(created.runnableConfig()).isEqualTo(config);
    assertThat(created.notes()).isEqualTo("first cut");
    assertThat(created.mermaid()).isEqualTo("graph TD; a-->b");
    assertThat(created.createdBy()).isEqualTo("bob");
    assertThat(created.createdAt()).isEqualTo(START);
    assertThat(created.auditLog()).containsExactly(AuditRecord.of("bob", "version_created", START));
    assertThat(workflows.getVersion(created.id())).isEqualTo(created);
  }

  @Test
  void createVersionOnAnArchivedWorkflowWorks() {
    addVersion("a");
    workflows.archiveWorkflow(workflowId, ACTOR);

    WorkflowVersion created = addVersion("b");

    assertThat(created.version()).isEqualTo(2);
    assertThat(workflows.getLatestVersion(workflowId)).isEqualTo(created);
  }

  @Test
  void createVersionOnAnUnknownWorkflowIsNotFound() throws SQLException {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> addVersion(unknown, graph("a")))
        .isInstanceOf(WorkflowNotFoundException.class)
        .hasMessageContaining(unknown.toString());
    assertThat(rows.text("SELECT count(*) FROM workflow_versions")).isEqualTo("0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "null"})
  void emptyOrNullRunnableConfigIsStoredAsNoneAtCreation(String config) throws SQLException {
    WorkflowVersion created =
        workflows.createVersion(workflowId, NewVersion.of(graph("a"), ACTOR).withRunnableConfig(json(config)));

    assertThat(created.runnableConfig()).isNull();
    assertThat(workflows.getVersion(created.id()).runnableConfig()).isNull();
    assertThat(rows.payload("workflow_versions", created.id()).get("runnable_config"))
        .isEqualTo(JsonNodeFactory.instance.nullNode());
  }

  @Test
  void deletingTheHighestVersionRowLetsItsNumberBeTakenAgain() throws SQLException {
    // Upstream numbers MAX(version) + 1, so only a deleted maximum is reused; gaps below it stay.
    addVersion("a");
    WorkflowVersion second = addVersion("b");
    rows.execute("DELETE FROM workflow_versions WHERE id = ?", second.id().toString());

    assertThat(addVersion("c").version()).isEqualTo(2);
  }

  // ------------------------------------------------------------------------------------------------ lookups

  @Test
  void listVersionsIsOrderedByAscendingNumber() {
    WorkflowVersion first = addVersion("a");
    WorkflowVersion second = addVersion("b");
    WorkflowVersion third = addVersion("c");
    addVersion(newWorkflow("Other"), graph("x"));

    assertThat(workflows.listVersions(workflowId)).containsExactly(first, second, third);
  }

  @Test
  void listVersionsOfAWorkflowWithoutVersionsIsEmpty() {
    assertThat(workflows.listVersions(workflowId)).isEmpty();
  }

  @Test
  void listVersionsOfAnUnknownWorkflowIsNotFound() {
    assertThatThrownBy(() -> workflows.listVersions(UUID.randomUUID())).isInstanceOf(WorkflowNotFoundException.class);
  }

  @Test
  void versionIsFoundByNumberAndById() {
    addVersion("a");
    WorkflowVersion second = addVersion("b");

    assertThat(workflows.getVersionByNumber(workflowId, 2)).isEqualTo(second);
    assertThat(workflows.getVersion(second.id())).isEqualTo(second);
  }

  @Test
  void unknownVersionNumberIsVersionNotFound() {
    addVersion("a");

    assertThatThrownBy(() -> workflows.getVersionByNumber(workflowId, 9))
        .isInstanceOf(WorkflowVersionNotFoundException.class)
        .hasMessage("v9");
  }

  @Test
  void versionNumberOfAnotherWorkflowIsVersionNotFound() {
    addVersion("a");
    UUID other = newWorkflow("Other");

    assertThatThrownBy(() -> workflows.getVersionByNumber(other, 1))
        .isInstanceOf(WorkflowVersionNotFoundException.class)
        .hasMessage("v1");
  }

  @Test
  void versionByNumberOfAnUnknownWorkflowIsNotFound() {
    assertThatThrownBy(() -> workflows.getVersionByNumber(UUID.randomUUID(), 1))
        .isInstanceOf(WorkflowNotFoundException.class);
  }

  @Test
  void unknownVersionIdIsVersionNotFound() {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> workflows.getVersion(unknown))
        .isInstanceOf(WorkflowVersionNotFoundException.class)
        .hasMessage(unknown.toString());
  }

  // ----------------------------------------------------------------------------------------- latest version

  @Test
  void latestVersionIsTheHighestNumbered() {
    addVersion("a");
    WorkflowVersion second = addVersion("b");

    assertThat(workflows.getLatestVersion(workflowId)).isEqualTo(second);
  }

  @Test
  void latestVersionOfAWorkflowWithoutVersionsIsVersionNotFound() {
    assertThatThrownBy(() -> workflows.getLatestVersion(workflowId))
        .isInstanceOf(WorkflowVersionNotFoundException.class)
        .hasMessage("latest");
  }

  @Test
  void latestVersionOfAnUnknownWorkflowIsNotFound() {
    assertThatThrownBy(() -> workflows.getLatestVersion(UUID.randomUUID()))
        .isInstanceOf(WorkflowNotFoundException.class);
  }

  @Test
  void latestVersionIsVersionNotFoundAfterItsRowIsDeleted() throws SQLException {
    WorkflowVersion only = addVersion("a");
    rows.execute("DELETE FROM workflow_versions WHERE id = ?", only.id().toString());

    assertThatThrownBy(() -> workflows.getLatestVersion(workflowId))
        .isInstanceOf(WorkflowVersionNotFoundException.class)
        .hasMessage("latest");
  }

  // ---------------------------------------------------------------------------------------- runnable config

  @Test
  void runnableConfigUpdateTargetsTheRequestedNumberAndStoresItExactly() {
    WorkflowVersion first = addVersion("a");
    WorkflowVersion second = addVersion("b");
    // Stored verbatim: a run would dedupe these tags and drop the blank run_name, the version does not.
    JsonNode config = json("""
        {"tags": ["Nightly", "nightly"], "metadata": {"env": "prod"}, "run_name": " "}""");

    WorkflowVersion updated = workflows.updateVersionRunnableConfig(workflowId, 1, config, ACTOR);

    assertThat(updated.id()).isEqualTo(first.id());
    assertThat(updated.runnableConfig()).isEqualTo(config);
    assertThat(workflows.getVersionByNumber(workflowId, 1).runnableConfig()).isEqualTo(config);
    assertThat(workflows.getVersionByNumber(workflowId, 2)).isEqualTo(second);
  }

  @Test
  void runnableConfigUpdateRecordsItsEventAndMovesUpdatedAt() throws SQLException {
    WorkflowVersion created = addVersion("a");
    Instant now = tick();

    WorkflowVersion updated =
        workflows.updateVersionRunnableConfig(workflowId, 1, json("{\"recursion_limit\": 5}"), "bob");

    assertThat(updated.updatedAt()).isEqualTo(now);
    assertThat(updated.createdAt()).isEqualTo(START);
    assertThat(updated.auditLog()).containsExactly(
        AuditRecord.of(ACTOR, "version_created", START),
        AuditRecord.of("bob", "version_runnable_config_updated", now));
    assertThat(rows.instant("SELECT updated_at FROM workflow_versions WHERE id = ?", created.id().toString()))
        .isEqualTo(now);
  }

  @Test
  void runnableConfigUpdateKeepsAnEmptyObject() throws SQLException {
    // Unlike creation, which stores {} as none.
    WorkflowVersion created = workflows.createVersion(workflowId,
        NewVersion.of(graph("a"), ACTOR).withRunnableConfig(json("{\"recursion_limit\": 5}")));

    workflows.updateVersionRunnableConfig(workflowId, 1, json("{}"), ACTOR);

    assertThat(workflows.getVersion(created.id()).runnableConfig()).isEqualTo(json("{}"));
    assertThat(rows.payload("workflow_versions", created.id()).get("runnable_config")).isEqualTo(json("{}"));
  }

  @Test
  void runnableConfigUpdateWithNullRemovesIt() {
    WorkflowVersion created = workflows.createVersion(workflowId,
        NewVersion.of(graph("a"), ACTOR).withRunnableConfig(json("{\"recursion_limit\": 5}")));

    workflows.updateVersionRunnableConfig(workflowId, 1, null, ACTOR);

    assertThat(workflows.getVersion(created.id()).runnableConfig()).isNull();
  }

  @Test
  void runnableConfigUpdateIsNotValidated() {
    // As upstream: an invalid config is stored here and refused only when a run is created from it.
    addVersion("a");
    JsonNode invalid = json("{\"recursion_limit\": 0, \"not_a_field\": true}");

    workflows.updateVersionRunnableConfig(workflowId, 1, invalid, ACTOR);

    assertThat(workflows.getVersionByNumber(workflowId, 1).runnableConfig()).isEqualTo(invalid);
  }

  @Test
  void runnableConfigUpdateOfAnUnknownWorkflowIsNotFound() {
    assertThatThrownBy(() -> workflows.updateVersionRunnableConfig(UUID.randomUUID(), 1, json("{}"), ACTOR))
        .isInstanceOf(WorkflowNotFoundException.class);
  }

  @Test
  void runnableConfigUpdateOfAnUnknownNumberIsVersionNotFound() {
    addVersion("a");

    assertThatThrownBy(() -> workflows.updateVersionRunnableConfig(workflowId, 7, json("{}"), ACTOR))
        .isInstanceOf(WorkflowVersionNotFoundException.class)
        .hasMessage("v7");
  }

  // --------------------------------------------------------------------------------------------------- diff

  @Test
  void diffNamesBothVersionsAndShowsTheAddedNode() {
    addVersion(workflowId, json("{\"nodes\": [\"a\"]}"));
    addVersion(workflowId, json("{\"nodes\": [\"a\", \"b\"]}"));

    VersionDiff diff = workflows.diffVersions(workflowId, 1, 2);

    assertThat(diff.baseVersion()).isEqualTo(1);
    assertThat(diff.targetVersion()).isEqualTo(2);
    assertThat(diff.diff()).contains("+    \"b\"");
  }

  @Test
  void diffIsPythonsUnifiedDiffOfSortedIndentedJson() {
    addVersion(workflowId, json("""
        {"nodes": ["a"], "edges": [], "label": "caf\\u00e9", "config": {"retries": 1, "timeout": 30}}"""));
    addVersion(workflowId, json("""
        {"nodes": ["a", "b"], "edges": [{"to": "b", "from": "a"}], "label": "caf\\u00e9",
         "config": {"retries": 2, "timeout": 30}}"""));

    // Expected lines from Python 3: difflib.unified_diff(json.dumps(g, indent=2, sort_keys=True).splitlines()
    // for each graph, fromfile='v1', tofile='v2', lineterm=''). Keys sorted, "é" escaped, "[]" kept inline.
    assertThat(workflows.diffVersions(workflowId, 1, 2).diff()).containsExactly(
        "--- v1",
        "+++ v2",
        "@@ -1,11 +1,17 @@",
        " {",
        "   \"config\": {",
        "-    \"retries\": 1,",
        "+    \"retries\": 2,",
        "     \"timeout\": 30",
        "   },",
        "-  \"edges\": [],",
        "+  \"edges\": [",
        "+    {",
        "+      \"from\": \"a\",",
        "+      \"to\": \"b\"",
        "+    }",
        "+  ],",
        "   \"label\": \"caf\\u00e9\",",
        "   \"nodes\": [",
        "-    \"a\"",
        "+    \"a\",",
        "+    \"b\"",
        "   ]",
        " }");
  }

  @Test
  void diffFromAnEmptyGraphUsesDifflibsSingleLineHunkHeader() {
    addVersion(workflowId, json("{}"));
    addVersion(workflowId, json("{\"nodes\": [\"a\"]}"));

    // From Python 3 as above: a one-line range is written without its length.
    assertThat(workflows.diffVersions(workflowId, 1, 2).diff()).containsExactly(
        "--- v1",
        "+++ v2",
        "@@ -1 +1,5 @@",
        "-{}",
        "+{",
        "+  \"nodes\": [",
        "+    \"a\"",
        "+  ]",
        "+}");
  }

  @Test
  void diffOfDistantChangesHasOneHunkEachWithThreeLinesOfContext() {
    ObjectNode base = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < 12; i++) {
      base.put(String.format("k%02d", i), i);
    }
    ObjectNode target = base.deepCopy().put("k01", 100).put("k10", "x");
    addVersion(workflowId, base);
    addVersion(workflowId, target);

    // From Python 3 as above, for {"k00": 0, ..., "k11": 11} with k01 = 100 and k10 = "x".
    assertThat(workflows.diffVersions(workflowId, 1, 2).diff()).containsExactly(
        "--- v1",
        "+++ v2",
        "@@ -1,6 +1,6 @@",
        " {",
        "   \"k00\": 0,",
        "-  \"k01\": 1,",
        "+  \"k01\": 100,",
        "   \"k02\": 2,",
        "   \"k03\": 3,",
        "   \"k04\": 4,",
        "@@ -9,6 +9,6 @@",
        "   \"k07\": 7,",
        "   \"k08\": 8,",
        "   \"k09\": 9,",
        "-  \"k10\": 10,",
        "+  \"k10\": \"x\",",
        "   \"k11\": 11",
        " }");
  }

  @Test
  void diffOfIdenticalGraphsIsEmpty() {
    addVersion("same");
    addVersion("same");

    VersionDiff diff = workflows.diffVersions(workflowId, 1, 2);

    assertThat(diff.diff()).isEmpty();
    assertThat(diff.baseVersion()).isEqualTo(1);
    assertThat(diff.targetVersion()).isEqualTo(2);
  }

  @Test
  void diffWithAnUnknownVersionNumberIsVersionNotFound() {
    addVersion("a");

    assertThatThrownBy(() -> workflows.diffVersions(workflowId, 1, 5))
        .isInstanceOf(WorkflowVersionNotFoundException.class)
        .hasMessage("v5");
    assertThatThrownBy(() -> workflows.diffVersions(workflowId, 4, 1))
        .isInstanceOf(WorkflowVersionNotFoundException.class)
        .hasMessage("v4");
  }

  @Test
  void diffOfAnUnknownWorkflowIsNotFound() {
    assertThatThrownBy(() -> workflows.diffVersions(UUID.randomUUID(), 1, 2))
        .isInstanceOf(WorkflowNotFoundException.class);
  }

  // ------------------------------------------------------------------------------------- detached snapshots

  @Test
  void mutatingAReturnedVersionDoesNotChangeTheStoredOne() {
    WorkflowVersion created = workflows.createVersion(workflowId, NewVersion.of(graph("a"), ACTOR)
        .withMetadata((ObjectNode) json("{\"source\": \"editor\"}"))
        .withRunnableConfig(json("{\"recursion_limit\": 5}")));
    WorkflowVersion read = workflows.getVersion(created.id());

    ((ObjectNode) read.graph()).put("label", "tampered");
    read.metadata().put("source", "tampered");
    ((ObjectNode) read.runnableConfig()).put("recursion_limit", 99);

    assertThat(read).isEqualTo(created);
    assertThat(workflows.getVersion(created.id())).isEqualTo(created);
  }

  @Test
  void mutatingTheGraphAfterCreatingAVersionDoesNotChangeTheStoredOne() {
    ObjectNode graph = (ObjectNode) graph("a");
    WorkflowVersion created = addVersion(workflowId, graph);

    graph.put("label", "tampered");

    assertThat(workflows.getVersion(created.id()).graph()).isEqualTo(graph("a"));
  }

  // ---------------------------------------------------------------------------------------- stored document

  @Test
  void payloadUsesUpstreamsFieldNamesAndZTimestamps() throws SQLException {
    WorkflowVersion created = addVersion("a");

    ObjectNode payload = rows.payload("workflow_versions", created.id());

    List<String> keys = new ArrayList<>();
    payload.fieldNames().forEachRemaining(keys::add);
    // Upstream's model forbids unknown keys, so the document must hold exactly its fields.
    assertThat(keys).containsExactlyInAnyOrder("id", "created_at", "updated_at", "audit_log", "workflow_id",
        "version", "graph", "mermaid", "metadata", "runnable_config", "created_by", "notes");
    assertThat(payload.path("created_at").textValue()).isEqualTo("2025-01-02T03:04:05.123456Z");
    assertThat(payload.path("updated_at").textValue()).isEqualTo("2025-01-02T03:04:05.123456Z");
    assertThat(payload.path("audit_log").get(0).path("at").textValue()).isEqualTo("2025-01-02T03:04:05.123456Z");
  }

  @Test
  void mirroredColumnsAgreeWithThePayload() throws SQLException {
    addVersion("a");
    WorkflowVersion second = addVersion("b");

    ObjectNode payload = rows.payload("workflow_versions", second.id());
    List<String> columns = rows.query("SELECT workflow_id, version FROM workflow_versions WHERE id = ?",
        second.id().toString()).get(0);

    assertThat(columns).containsExactly(workflowId.toString(), "2");
    assertThat(payload.path("workflow_id").textValue()).isEqualTo(workflowId.toString());
    assertThat(payload.path("version").intValue()).isEqualTo(2);
  }

  @Test
  void unknownPayloadFieldsSurviveARunnableConfigUpdate() throws SQLException {
    WorkflowVersion created = addVersion("a");
    // A field a newer upstream might add: our rewrite must not drop it.
    ObjectNode planted = rows.payload("workflow_versions", created.id());
    planted.putObject("x_future_field").put("kept", true);
    rows.replacePayload("workflow_versions", created.id(), planted);

    workflows.updateVersionRunnableConfig(workflowId, 1, json("{\"recursion_limit\": 5}"), ACTOR);

    ObjectNode payload = rows.payload("workflow_versions", created.id());
    assertThat(payload.path("x_future_field")).isEqualTo(json("{\"kept\": true}"));
    assertThat(payload.path("runnable_config")).isEqualTo(json("{\"recursion_limit\": 5}"));
  }
}
