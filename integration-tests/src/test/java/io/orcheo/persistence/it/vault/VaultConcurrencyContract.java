package io.orcheo.persistence.it.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.vault.AlertKind;
import io.orcheo.persistence.core.vault.AlertSeverity;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.CredentialNotFoundException;
import io.orcheo.persistence.core.vault.CredentialTemplate;
import io.orcheo.persistence.core.vault.CredentialTemplateNotFoundException;
import io.orcheo.persistence.core.vault.CredentialUpdate;
import io.orcheo.persistence.core.vault.CredentialVault;
import io.orcheo.persistence.core.vault.DuplicateCredentialNameException;
import io.orcheo.persistence.core.vault.GovernanceAlert;
import io.orcheo.persistence.core.vault.NewAlert;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.it.support.Together;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The vault stays correct when two "processes" (two independent {@link OrcheoPersistence} instances on one
 * database, each with its own pool) act at once. Upstream checks a credential name with a SELECT and then writes
 * (spec §D.3: on PostgreSQL "check and insert are not atomic"), deduplicates alerts in code, and deletes a
 * credential's alerts in statements of their own (§D.4); here the database must make each of these hold under
 * concurrency: one winner per name regardless of ASCII case, one open alert per kind and target, and no alert left
 * about a deleted credential.
 *
 * <p>Every race releases its threads together through {@link Together} and is repeated over many rounds, each with
 * fresh names or targets, for more interleavings.
 */
public abstract class VaultConcurrencyContract extends VaultContractSupport {
  private static final int ROUNDS = 20;
  private static final int ALERT_WRITERS = 8;
  private static final int ALERT_ROUNDS = 5;
  private static final int DELETE_ROUNDS = 10;

  private OrcheoPersistence secondProcess;

  @BeforeEach
  void openSecondProcess() {
    secondProcess = OrcheoPersistence.open(persistence.settings(), clock);
  }

  @AfterEach
  void closeSecondProcess() {
    if (secondProcess != null) {
      secondProcess.close();
    }
  }

  /** Even numbers use the test's instance, odd ones the second: both "processes" take part in every race. */
  private CredentialVault vault(int n) {
    return (n % 2 == 0 ? persistence : secondProcess).vault();
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void twoProcessesCreatingStripeAndSTRIPEEndWithOneCredentialAndOneDuplicateErrorPerRound() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String[] names = {"Stripe-" + round, "stripe-" + round};
      AtomicInteger created = new AtomicInteger();
      Queue<DuplicateCredentialNameException> refused = new ConcurrentLinkedQueue<>();

      Together.run(2, 60, writer -> {
        try {
          vault(writer).createCredential(NewCredential.secret(names[writer], PROVIDER, "sk_" + writer, ACTOR));
          created.incrementAndGet();
        } catch (DuplicateCredentialNameException e) {
          refused.add(e);
        }
      });

      assertThat(created.get()).as("credentials created in round %d", round).isEqualTo(1);
      assertThat(refused).as("duplicate errors in round %d", round).hasSize(1);
      assertThat(refused.peek().name()).isIn((Object[]) names);
      assertThat(rows().count("SELECT count(*) FROM credentials WHERE lower(name) = ?", "stripe-" + round))
          .as("rows named stripe-%d in any ASCII case", round).isEqualTo(1);
    }

    List<Credential> all = secondProcess.vault().listAllCredentials();
    assertThat(all).hasSize(ROUNDS);
    assertThat(all.stream().map(c -> c.name().toLowerCase(Locale.ROOT))).doesNotHaveDuplicates();
    assertThat(credentialRows()).isEqualTo(ROUNDS);
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void twoProcessesRenamingToOneNameEndWithOneHolder() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      Credential[] credentials = {credential("First-" + round), credential("Second-" + round)};
      String[] targets = {"Target-" + round, "TARGET-" + round};
      AtomicInteger renamed = new AtomicInteger();
      Queue<DuplicateCredentialNameException> refused = new ConcurrentLinkedQueue<>();

      Together.run(2, 60, writer -> {
        try {
          vault(writer).updateCredential(credentials[writer].id(), ACTOR,
              CredentialUpdate.name(targets[writer]), none());
          renamed.incrementAndGet();
        } catch (DuplicateCredentialNameException e) {
          refused.add(e);
        }
      });

      assertThat(renamed.get()).as("renames in round %d", round).isEqualTo(1);
      assertThat(refused).as("duplicate errors in round %d", round).hasSize(1);
      assertThat(rows().count("SELECT count(*) FROM credentials WHERE lower(name) = ?", "target-" + round))
          .isEqualTo(1);
    }
    assertThat(credentialRows()).isEqualTo(2L * ROUNDS);
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void concurrentAlertsOfOneKindAboutOneCredentialLeaveOneAlert() throws Exception {
    for (int round = 0; round < ALERT_ROUNDS; round++) {
      Credential credential = credential("Stripe-" + round);

      Together.run(ALERT_WRITERS, 90, writer -> vault(writer).recordAlert(NewAlert.forCredential(credential.id(),
          AlertKind.TOKEN_EXPIRING, AlertSeverity.WARNING, "writer " + writer, "writer-" + writer), none()));

      List<GovernanceAlert> alerts = vault().listAlerts(none(), true).stream()
          .filter(alert -> credential.id().equals(alert.credentialId())).toList();
      assertThat(alerts).as("alerts about %s", credential.name()).hasSize(1);
      assertThat(alertRowsAbout(credential.id())).isEqualTo(1);
      // One creation, then every other writer's update: none lost to another writer's.
      assertThat(actions(alerts.get(0).auditLog())).as("audit log of the alert in round %d", round)
          .hasSize(ALERT_WRITERS)
          .containsOnlyOnce("alert_created")
          .startsWith("alert_created");
    }
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void deletingCredentialWhileAlertsAreRaisedLeavesNoOrphanAlert() throws Exception {
    for (int round = 0; round < DELETE_ROUNDS; round++) {
      Credential credential = credential("Stripe-" + round);
      alertAbout(credential, AlertKind.VALIDATION_FAILED);
      Queue<String> outcomes = new ConcurrentLinkedQueue<>();

      Together.run(ALERT_WRITERS, 90, writer -> {
        if (writer == 0) {
          vault(writer).deleteCredential(credential.id(), none());
          outcomes.add("deleted");
          return;
        }
        AlertKind kind = AlertKind.values()[writer % AlertKind.values().length];
        try {
          vault(writer).recordAlert(NewAlert.forCredential(credential.id(), kind, AlertSeverity.CRITICAL,
              "writer " + writer, ACTOR), none());
          outcomes.add("recorded");
        } catch (CredentialNotFoundException e) {
          outcomes.add("gone");
        }
      });

      assertThat(outcomes).as("outcomes of round %d", round).containsOnlyOnce("deleted");
      assertThat(alertRowsAbout(credential.id())).as("alerts left about the deleted credential, round %d", round)
          .isZero();
      assertThat(vault().listAlerts(none(), true)).as("alerts listed after round %d", round).isEmpty();
    }
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void deletingTemplateWhileAlertsAreRaisedLeavesNoOrphanAlert() throws Exception {
    for (int round = 0; round < DELETE_ROUNDS; round++) {
      CredentialTemplate template = template("Template-" + round);
      alertAbout(template, AlertKind.ROTATION_OVERDUE, none());
      Queue<String> outcomes = new ConcurrentLinkedQueue<>();

      Together.run(ALERT_WRITERS, 90, writer -> {
        if (writer == 0) {
          vault(writer).deleteTemplate(template.id(), none());
          outcomes.add("deleted");
          return;
        }
        AlertKind kind = AlertKind.values()[writer % AlertKind.values().length];
        try {
          vault(writer).recordAlert(NewAlert.forTemplate(template.id(), kind, AlertSeverity.CRITICAL,
              "writer " + writer, ACTOR), none());
          outcomes.add("recorded");
        } catch (CredentialTemplateNotFoundException e) {
          outcomes.add("gone");
        }
      });

      assertThat(outcomes).as("outcomes of round %d", round).containsOnlyOnce("deleted");
      assertThat(alertRowsAboutTemplate(template.id()))
          .as("alerts left about the deleted template, round %d", round).isZero();
      assertThat(vault().listAlerts(none(), true)).as("alerts listed after round %d", round).isEmpty();
    }
  }

  @Test
  void deletingCredentialRemovesItsAlertsBeneathTheVaultToo() throws Exception {
    Credential doomed = credential("Doomed");
    Credential kept = credential("Kept");
    for (AlertKind kind : AlertKind.values()) {
      alertAbout(doomed, kind);
    }
    alertAbout(kept, AlertKind.TOKEN_EXPIRING);
    assertThat(alertRowsAbout(doomed.id())).isEqualTo(AlertKind.values().length);

    secondProcess.vault().deleteCredential(doomed.id(), none());

    assertThat(alertRowsAbout(doomed.id())).isZero();
    assertThat(alertRowsAbout(kept.id())).isEqualTo(1);
    assertThat(rows().count("SELECT count(*) FROM credentials WHERE id = ?", doomed.id().toString())).isZero();
  }
}
