package io.orcheo.persistence.it.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.core.config.Secret;
import io.orcheo.persistence.core.vault.AccessContext;
import io.orcheo.persistence.core.vault.AlertKind;
import io.orcheo.persistence.core.vault.AlertSeverity;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.CredentialTemplate;
import io.orcheo.persistence.core.vault.CredentialVault;
import io.orcheo.persistence.core.vault.NewAlert;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.core.vault.NewTemplate;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.PostgresPlan;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.jooq.runtime.Transactor;
import io.orcheo.persistence.jooq.vault.JooqCredentialVault;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vault's lookups by name and by an alert's target are served by the indexes the changelog declares for them
 * ({@code uq_credentials_name_folded}, {@code idx_alerts_credential}, {@code idx_alerts_template}): the statements
 * the vault really issues are recorded (values inlined) and explained. On PostgreSQL sequential scans are disabled
 * for the explanation, since the tables are small: what is checked is that the index can serve the statement, which
 * it could not if the expressions differed.
 */
abstract class VaultPlanContract extends BackendContract {
  private final List<String> statements = new CopyOnWriteArrayList<>();
  private CredentialVault recorded;
  private Credential credential;
  private CredentialTemplate template;

  @BeforeEach
  void recordTheVaultsStatements() {
    DSLContext dsl = persistence.database(Store.VAULT).transactor().read("borrow the store's DSL", d -> d);
    DSLContext recording = dsl.configuration().deriveAppending(new ExecuteListener() {
      @Override
      public void executeStart(ExecuteContext ctx) {
        if (ctx.query() != null) {
          statements.add(ctx.dsl().renderInlined(ctx.query()));
        }
      }
    }).dsl();
    recorded = new JooqCredentialVault(new Transactor(recording, 1), Clock.systemUTC(), Secret.of("plan-key"));
    credential = recorded.createCredential(NewCredential.secret("Stripe", "stripe", "sk_test", "alice"));
    template = recorded.createTemplate(NewTemplate.of("GitHub", "github", List.of(), "alice"));
    recorded.recordAlert(NewAlert.forTemplate(template.id(), AlertKind.ROTATION_OVERDUE, AlertSeverity.INFO,
        "rotate", "alice"), AccessContext.none());
    statements.clear();
  }

  @Test
  void theDuplicateNameCheckIsServedByTheUniqueFoldedIndex() throws SQLException {
    recorded.createCredential(NewCredential.secret("OpenAI", "openai", "sk_other", "alice"));

    assertThat(plan(statement("lower("))).anyMatch(step -> step.contains("uq_credentials_name_folded"));
  }

  @Test
  void deletingACredentialFindsItsAlertsThroughTheTargetIndex() throws SQLException {
    recorded.recordAlert(NewAlert.forCredential(credential.id(), AlertKind.VALIDATION_FAILED, AlertSeverity.WARNING,
        "failed", "alice"), AccessContext.none());
    statements.clear();

    recorded.deleteCredential(credential.id(), AccessContext.none());

    assertThat(plan(statement("delete from governance_alerts")))
        .anyMatch(step -> step.contains("idx_alerts_credential"));
  }

  @Test
  void deletingATemplateFindsItsAlertsThroughTheTargetIndex() throws SQLException {
    recorded.deleteTemplate(template.id(), AccessContext.none());

    assertThat(plan(statement("delete from governance_alerts")))
        .anyMatch(step -> step.contains("idx_alerts_template"));
  }

  @Test
  void recordingAnAlertLooksForTheOpenOneThroughTheTargetIndex() throws SQLException {
    recorded.recordAlert(NewAlert.forCredential(credential.id(), AlertKind.TOKEN_EXPIRING, AlertSeverity.INFO,
        "expiring", "alice"), AccessContext.none());

    assertThat(plan(statement("from governance_alerts where"))).anyMatch(step -> step.contains("idx_alerts_credential"));
  }

  /** The one recorded statement containing {@code fragment}, ignoring case and identifier quotes. */
  private String statement(String fragment) {
    List<String> matching = statements.stream()
        .filter(sql -> sql.replace("\"", "").toLowerCase().contains(fragment)).toList();
    assertThat(matching).as("statements containing %s among %s", fragment, statements).hasSize(1);
    return matching.get(0);
  }

  private List<String> plan(String sql) throws SQLException {
    try (Connection connection = persistence.database(Store.VAULT).dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      List<String> steps = new ArrayList<>();
      if (backend() == TestBackend.POSTGRES) {
        statement.execute("SET enable_seqscan = off");
        try (ResultSet rows = statement.executeQuery("EXPLAIN (FORMAT JSON) " + sql)) {
          rows.next();
          JsonNode explain = JsonCodec.read(rows.getString(1));
          steps.addAll(PostgresPlan.summary(PostgresPlan.nodes(explain)));
        } finally {
          statement.execute("RESET enable_seqscan");
        }
      } else {
        try (ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
          while (rows.next()) {
            steps.add(rows.getString("detail"));
          }
        }
      }
      return steps;
    }
  }
}
