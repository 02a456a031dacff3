package io.orcheo.persistence.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.page.Page;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.core.workflows.NewRun;
import io.orcheo.persistence.core.workflows.NewVersion;
import io.orcheo.persistence.core.workflows.NewWorkflow;
import io.orcheo.persistence.core.workflows.RunStatus;
import io.orcheo.persistence.core.workflows.VersionDiff;
import io.orcheo.persistence.core.workflows.Workflow;
import io.orcheo.persistence.core.workflows.WorkflowRepository;
import io.orcheo.persistence.core.workflows.WorkflowRun;
import io.orcheo.persistence.core.workflows.WorkflowVersion;
import io.orcheo.persistence.core.workflows.triggers.CronTriggerConfig;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of {@code docs/workflows.md}, run. */
class WorkflowsGuideTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @Test
  void workflowVersionsAndRuns() throws Exception {
    PersistenceSettings settings = PersistenceSettings.defaults().withSqliteDirectory(home);
    try (OrcheoPersistence persistence = OrcheoPersistence.open(settings)) {
      // tag::workflows[]
      WorkflowRepository workflows = persistence.workflows();

      Workflow flow = workflows.createWorkflow(NewWorkflow.named("Nightly report", "alice").withHandle("nightly"));
      WorkflowVersion v1 = workflows.createVersion(flow.id(),
          NewVersion.of(JSON.readTree("{\"nodes\": [\"fetch\"]}"), "alice"));
      WorkflowVersion v2 = workflows.createVersion(flow.id(),
          NewVersion.of(JSON.readTree("{\"nodes\": [\"fetch\", \"mail\"]}"), "alice"));
      VersionDiff diff = workflows.diffVersions(flow.id(), 1, 2); // upstream's unified diff, line for line

      UUID id = workflows.resolveWorkflowRef("nightly"); // a handle or an id
      WorkflowRun run = workflows.createRun(NewRun.of(id, v2.id(), "manual", JSON.readTree("{\"day\": \"mon\"}")));
      workflows.markRunStarted(run.id(), "worker-1");
      workflows.markRunSucceeded(run.id(), "worker-1", JSON.readTree("{\"sent\": 3}"));
      // end::workflows[]

      assertThat(v1.version()).isEqualTo(1);
      assertThat(diff.diff()).contains("+    \"mail\"");
      assertThat(workflows.getRun(run.id()).status()).isEqualTo(RunStatus.SUCCEEDED);

      workflows.createRun(NewRun.of(id, v2.id(), "manual", null));
      // tag::paging[]
      List<WorkflowRun> all = new ArrayList<>();
      Optional<PageRequest> next = Optional.of(PageRequest.first(100));
      while (next.isPresent()) {
        Page<WorkflowRun> page = workflows.listRuns(flow.id(), next.get()); // newest first
        all.addAll(page.items());
        next = page.next(100);
      }
      // end::paging[]
      assertThat(all).hasSize(2);

      // tag::cron[]
      workflows.configureCronTrigger(flow.id(), new CronTriggerConfig("0 2 * * *", "Europe/Amsterdam", false, null, null));
      // Call this every minute from any number of processes: each occurrence gets exactly one run.
      List<WorkflowRun> due = workflows.dispatchDueCronRuns(Instant.now());
      // end::cron[]
      assertThat(due).allSatisfy(r -> assertThat(r.triggeredBy()).isEqualTo("cron"));
    }
  }
}
