package io.orcheo.persistence.it.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.it.support.TestBackend;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** {@link TriggersContract} on SQLite, plus the text forms upstream's SQLite file holds. */
class SqliteTriggersTest extends TriggersContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }

  @Test
  void lastDispatchedAtIsStoredAsUpstreamsIsoformatText() throws SQLException {
    repository().configureCronTrigger(workflow.id(), exclusive("0 12 * * *"));

    dispatch(NOON_JAN_1);

    assertThat(text("SELECT last_dispatched_at FROM cron_triggers WHERE workflow_id = ?", workflow.id().toString()))
        .isEqualTo("2025-01-01T12:00:00+00:00");
  }

}
