package io.orcheo.persistence.it.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.core.workflows.NewRun;
import io.orcheo.persistence.core.workflows.NewVersion;
import io.orcheo.persistence.core.workflows.NewWorkflow;
import io.orcheo.persistence.core.workflows.Workflow;
import io.orcheo.persistence.core.workflows.WorkflowHealthGate;
import io.orcheo.persistence.core.workflows.WorkflowRepository;
import io.orcheo.persistence.core.workflows.WorkflowRun;
import io.orcheo.persistence.core.workflows.WorkflowVersion;
import io.orcheo.persistence.it.support.StoreRows;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * What {@link RunsContract} and {@link TriggersContract} share: workflows and versions to run, more instances of
 * the persistence layer on the test's database (with a health gate, or after a restart), and plain JDBC on the
 * repository's tables to check what is stored beneath the API.
 */
abstract class RunContractSupport extends BackendContract {
  static final String ACTOR = "alice";

  private final List<OrcheoPersistence> others = new ArrayList<>();

  @AfterEach
  void closeOtherInstances() {
    others.forEach(OrcheoPersistence::close);
  }

  /** The repository of the current instance ({@link #reopen()} replaces it). */
  WorkflowRepository repository() {
    return persistence.workflows();
  }

  static JsonNode json(String text) {
    return JsonCodec.read(text);
  }

  // --- Fixtures ------------------------------------------------------------------------------------------------

  Workflow workflow(String name) {
    return repository().createWorkflow(NewWorkflow.named(name, ACTOR));
  }

  WorkflowVersion version(UUID workflowId) {
    return repository().createVersion(workflowId, NewVersion.of(json("{\"nodes\": [{\"id\": \"start\"}]}"), ACTOR));
  }

  WorkflowVersion version(UUID workflowId, JsonNode runnableConfig) {
    return repository().createVersion(workflowId,
        NewVersion.of(json("{\"nodes\": [{\"id\": \"start\"}]}"), ACTOR).withRunnableConfig(runnableConfig));
  }

  /** A pending run of {@code version}, triggered by hand. */
  WorkflowRun run(WorkflowVersion version) {
    return run(version, "manual");
  }

  WorkflowRun run(WorkflowVersion version, String triggeredBy) {
    return repository().createRun(NewRun.of(version.workflowId(), version.id(), triggeredBy, json("{}")));
  }

  // --- Other instances -----------------------------------------------------------------------------------------

  /**
   * A second instance on the same database, as another process would open it. {@code persistence.settings()}, not
   * {@code backend().settings(…)}: on PostgreSQL the latter creates a new database.
   */
  WorkflowRepository anotherInstance(WorkflowHealthGate gate) {
    OrcheoPersistence other = OrcheoPersistence.open(persistence.settings(), clock, gate);
    others.add(other);
    return other.workflows();
  }

  WorkflowRepository anotherInstance() {
    return anotherInstance(WorkflowHealthGate.ALWAYS_HEALTHY);
  }

  /** Closes the instance and opens a new one on the same database: what a restart of the application does. */
  void reopen() {
    var settings = persistence.settings();
    persistence.close();
    persistence = null;
    persistence = OrcheoPersistence.open(settings, clock);
  }

  // --- Plain JDBC on the repository's database -----------------------------------------------------------------

  private StoreRows repositoryRows() {
    return new StoreRows(persistence, backend(), Store.REPOSITORY);
  }

  /** Every row of {@code sql}, each column as the driver's text. */
  List<List<String>> rows(String sql, Object... parameters) throws SQLException {
    return repositoryRows().query(sql, parameters);
  }

  /** The single value of the single row {@code sql} returns. */
  String text(String sql, Object... parameters) throws SQLException {
    return repositoryRows().text(sql, parameters);
  }

  long count(String sql, Object... parameters) throws SQLException {
    return repositoryRows().count(sql, parameters);
  }

  int execute(String sql, Object... parameters) throws SQLException {
    return repositoryRows().execute(sql, parameters);
  }

  /** A timestamp column of one row, or {@code null}: isoformat text on SQLite, {@code timestamptz} on PostgreSQL. */
  Instant instant(String sql, Object... parameters) throws SQLException {
    return repositoryRows().instant(sql, parameters);
  }
}
