package io.orcheo.persistence.it.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.vault.AccessContext;
import io.orcheo.persistence.core.vault.AlertKind;
import io.orcheo.persistence.core.vault.AlertSeverity;
import io.orcheo.persistence.core.vault.AuditEvent;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.CredentialNotFoundException;
import io.orcheo.persistence.core.vault.CredentialScope;
import io.orcheo.persistence.core.vault.CredentialTemplate;
import io.orcheo.persistence.core.vault.CredentialTemplateNotFoundException;
import io.orcheo.persistence.core.vault.CredentialUpdate;
import io.orcheo.persistence.core.vault.GovernanceAlert;
import io.orcheo.persistence.core.vault.GovernanceAlertNotFoundException;
import io.orcheo.persistence.core.vault.NewAlert;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.core.vault.WorkflowScopeException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The vault's governance alerts on every backend: upstream Orcheo's behaviours of spec §H.4 items 5 (alerts), 7 and
 * 16–20, and the alert operations of §D.4: an alert takes its credential's (or template's) scope, an open alert of
 * the same kind and target is updated instead of repeated, acknowledging needs a context the alert's scope allows
 * and happens once, resolving a credential's alerts skips the scope check, and deleting a credential removes its
 * alerts and only those.
 */
public abstract class VaultAlertsContract extends VaultContractSupport {

  // --- Record (§H.4 item 16) -----------------------------------------------------------------------------------

  @Test
  void alertAboutCredentialTakesItsScopeAndTemplate() {
    CredentialTemplate template = template("Stripe", CredentialScope.forWorkflows(WORKFLOW));
    Credential credential = create(NewCredential.secret("Stripe live", PROVIDER, "sk_1", ACTOR)
        .withScope(CredentialScope.forWorkflows(WORKFLOW)).withTemplate(template.id()));
    clock.advance(TICK);

    GovernanceAlert alert = vault().recordAlert(NewAlert.forCredential(credential.id(), AlertKind.VALIDATION_FAILED,
        AlertSeverity.CRITICAL, "401 from Stripe", ACTOR), inWorkflow(WORKFLOW));

    assertThat(alert.credentialId()).isEqualTo(credential.id());
    assertThat(alert.templateId()).isEqualTo(template.id());
    assertThat(alert.scope()).isEqualTo(credential.scope());
    assertThat(alert.kind()).isEqualTo(AlertKind.VALIDATION_FAILED);
    assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
    assertThat(alert.message()).isEqualTo("401 from Stripe");
    assertThat(alert.acknowledged()).isFalse();
    assertThat(alert.acknowledgedAt()).isNull();
    assertThat(alert.acknowledgedBy()).isNull();
    assertThat(alert.createdAt()).isEqualTo(clock.instant());
    assertThat(vault().listAlerts(inWorkflow(WORKFLOW), false)).containsExactly(alert);
  }

  @Test
  void explicitTemplateOfCredentialAlertIsKept() {
    Credential credential = credential("Stripe");
    UUID templateId = UUID.randomUUID();

    GovernanceAlert alert = vault().recordAlert(new NewAlert(AlertKind.ROTATION_OVERDUE, AlertSeverity.WARNING,
        "rotate", ACTOR, credential.id(), templateId), none());

    assertThat(alert.templateId()).isEqualTo(templateId);
    assertThat(alert.credentialId()).isEqualTo(credential.id());
  }

  @Test
  void recordingAlertAddsAlertCreatedWithKindAndSeverity() {
    Credential credential = credential("Stripe");

    GovernanceAlert alert = alertAbout(credential, AlertKind.TOKEN_EXPIRING);

    assertThat(actions(alert.auditLog())).containsExactly("alert_created");
    AuditEvent event = alert.auditLog().get(0);
    assertThat(event.actor()).isEqualTo(ACTOR);
    assertThat(event.at()).isEqualTo(clock.instant());
    assertThat(event.metadata().get("kind").asText()).isEqualTo("token_expiring");
    assertThat(event.metadata().get("severity").asText()).isEqualTo("warning");
    assertThat(event.metadata().size()).isEqualTo(2);
  }

  @Test
  void alertAboutTemplateTakesTheTemplatesScope() {
    CredentialTemplate template = template("Stripe", CredentialScope.forRoles("admin"));

    GovernanceAlert alert = alertAbout(template, AlertKind.ROTATION_OVERDUE, AccessContext.withRoles("Admin"));

    assertThat(alert.scope()).isEqualTo(CredentialScope.forRoles("admin"));
    assertThat(alert.templateId()).isEqualTo(template.id());
    assertThat(alert.credentialId()).isNull();
    assertThat(vault().listAlerts(none(), false)).isEmpty();
    assertThat(vault().listAlerts(AccessContext.withRoles("admin"), false)).containsExactly(alert);
  }

  @Test
  void alertAboutNothingIsUnrestricted() {
    GovernanceAlert alert = unattachedAlert(AlertKind.VALIDATION_FAILED);

    assertThat(alert.scope().isUnrestricted()).isTrue();
    assertThat(alert.credentialId()).isNull();
    assertThat(alert.templateId()).isNull();
    assertThat(vault().listAlerts(inWorkflow(OTHER_WORKFLOW), false)).containsExactly(alert);
  }

  @Test
  void recordAlertUpdatesTheOpenAlertOfTheSameKindAndTarget() throws Exception {
    Credential credential = credential("Stripe");
    GovernanceAlert first = alertAbout(credential, AlertKind.TOKEN_EXPIRING);
    clock.advance(TICK);

    GovernanceAlert second = vault().recordAlert(NewAlert.forCredential(credential.id(), AlertKind.TOKEN_EXPIRING,
        AlertSeverity.CRITICAL, "expires in 5 minutes", "bob"), none());

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.severity()).isEqualTo(AlertSeverity.CRITICAL);
    assertThat(second.message()).isEqualTo("expires in 5 minutes");
    assertThat(second.createdAt()).isEqualTo(first.createdAt());
    assertThat(second.updatedAt()).isEqualTo(clock.instant());
    assertThat(actions(second.auditLog())).containsExactly("alert_created", "alert_updated");
    AuditEvent event = last(second.auditLog());
    assertThat(event.actor()).isEqualTo("bob");
    assertThat(event.metadata().get("severity").asText()).isEqualTo("critical");
    assertThat(event.metadata().get("message").asText()).isEqualTo("expires in 5 minutes");
    assertThat(vault().listAlerts(none(), true)).containsExactly(second);
    assertThat(alertRows()).isEqualTo(1);
  }

  @Test
  void recordAlertUpdatesTheOpenTemplateAlertOfTheSameKind() {
    CredentialTemplate template = template("Stripe");
    GovernanceAlert first = alertAbout(template, AlertKind.ROTATION_OVERDUE, none());

    GovernanceAlert second = alertAbout(template, AlertKind.ROTATION_OVERDUE, none());

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(vault().listAlerts(none(), true)).hasSize(1);
  }

  @Test
  void recordAlertSkipsAcknowledgedAlerts() {
    Credential credential = credential("Stripe");
    GovernanceAlert first = alertAbout(credential, AlertKind.TOKEN_EXPIRING);
    vault().acknowledgeAlert(first.id(), ACTOR, none());

    GovernanceAlert second = alertAbout(credential, AlertKind.TOKEN_EXPIRING);

    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(actions(second.auditLog())).containsExactly("alert_created");
    assertThat(alertIds(vault().listAlerts(none(), true))).containsExactly(first.id(), second.id());
    assertThat(alertIds(vault().listAlerts(none(), false))).containsExactly(second.id());
  }

  @Test
  void recordAlertIgnoresAlertsOfAnotherKind() {
    Credential credential = credential("Stripe");
    GovernanceAlert expiring = alertAbout(credential, AlertKind.TOKEN_EXPIRING);

    GovernanceAlert failed = alertAbout(credential, AlertKind.VALIDATION_FAILED);

    assertThat(failed.id()).isNotEqualTo(expiring.id());
    assertThat(vault().listAlerts(none(), false)).hasSize(2);
    assertThat(vault().listAlerts(none(), false).get(0)).isEqualTo(expiring);
  }

  @Test
  void recordAlertIgnoresAlertsAboutAnotherCredential() {
    GovernanceAlert aboutStripe = alertAbout(credential("Stripe"), AlertKind.VALIDATION_FAILED);

    GovernanceAlert aboutOpenAi = alertAbout(credential("OpenAI"), AlertKind.VALIDATION_FAILED);

    assertThat(aboutOpenAi.id()).isNotEqualTo(aboutStripe.id());
    assertThat(vault().listAlerts(none(), false)).containsExactly(aboutStripe, aboutOpenAi);
  }

  @Test
  void recordAlertAboutCredentialIgnoresTheOpenAlertAboutItsTemplateOnly() {
    CredentialTemplate template = template("Stripe");
    Credential issued = create(NewCredential.secret("Stripe live", PROVIDER, "sk_1", ACTOR)
        .withTemplate(template.id()));
    GovernanceAlert aboutTemplate = alertAbout(template, AlertKind.ROTATION_OVERDUE, none());

    GovernanceAlert aboutCredential = alertAbout(issued, AlertKind.ROTATION_OVERDUE);

    assertThat(aboutCredential.id()).isNotEqualTo(aboutTemplate.id());
    assertThat(vault().listAlerts(none(), false)).hasSize(2);
  }

  @Test
  void recordAlertDoesNotUpdateAnAlertTheCallerCannotSee() {
    Credential credential = credential("Stripe", CredentialScope.forWorkflows(WORKFLOW));
    GovernanceAlert old = alertAbout(credential, AlertKind.VALIDATION_FAILED, inWorkflow(WORKFLOW));
    vault().updateCredential(credential.id(), ACTOR,
        CredentialUpdate.scope(CredentialScope.forWorkflows(OTHER_WORKFLOW)), inWorkflow(WORKFLOW));

    GovernanceAlert fresh = alertAbout(credential, AlertKind.VALIDATION_FAILED, inWorkflow(OTHER_WORKFLOW));

    assertThat(fresh.id()).isNotEqualTo(old.id());
    assertThat(fresh.scope()).isEqualTo(CredentialScope.forWorkflows(OTHER_WORKFLOW));
    assertThat(vault().listAlerts(inWorkflow(WORKFLOW), false)).containsExactly(old);
  }

  @Test
  void recordingAlertAboutUnknownCredentialIsRejectedAndStoresNothing() throws Exception {
    assertThatThrownBy(() -> vault().recordAlert(NewAlert.forCredential(UUID.randomUUID(),
        AlertKind.VALIDATION_FAILED, AlertSeverity.WARNING, "x", ACTOR), none()))
        .isInstanceOf(CredentialNotFoundException.class);

    assertThat(alertRows()).isZero();
  }

  @Test
  void recordingAlertAboutUnknownTemplateIsRejectedAndStoresNothing() throws Exception {
    assertThatThrownBy(() -> vault().recordAlert(NewAlert.forTemplate(UUID.randomUUID(),
        AlertKind.ROTATION_OVERDUE, AlertSeverity.WARNING, "x", ACTOR), none()))
        .isInstanceOf(CredentialTemplateNotFoundException.class);

    assertThat(alertRows()).isZero();
  }

  @Test
  void recordingAlertAboutCredentialOutsideTheContextIsDenied() throws Exception {
    Credential credential = credential("Stripe", CredentialScope.forWorkflows(WORKFLOW));

    assertThatThrownBy(() -> alertAbout(credential, AlertKind.VALIDATION_FAILED, inWorkflow(OTHER_WORKFLOW)))
        .isInstanceOf(WorkflowScopeException.class)
        .hasMessage("Credential cannot be accessed with the provided context.");

    assertThat(alertRows()).isZero();
  }

  @Test
  void recordingAlertAboutTemplateOutsideTheContextIsDenied() throws Exception {
    CredentialTemplate template = template("Stripe", CredentialScope.forWorkflows(WORKFLOW));

    assertThatThrownBy(() -> alertAbout(template, AlertKind.ROTATION_OVERDUE, inWorkflow(OTHER_WORKFLOW)))
        .isInstanceOf(WorkflowScopeException.class)
        .hasMessage("Credential template cannot be accessed with the provided context.");

    assertThat(alertRows()).isZero();
  }

  // --- List (§H.4 item 17) -------------------------------------------------------------------------------------

  @Test
  void listAlertsFiltersByContext() {
    GovernanceAlert open = alertAbout(credential("Open"), AlertKind.VALIDATION_FAILED);
    Credential mine = credential("Mine", CredentialScope.forWorkflows(WORKFLOW));
    GovernanceAlert aboutMine = alertAbout(mine, AlertKind.VALIDATION_FAILED, inWorkflow(WORKFLOW));
    Credential theirs = credential("Theirs", CredentialScope.forWorkflows(OTHER_WORKFLOW));
    GovernanceAlert aboutTheirs = alertAbout(theirs, AlertKind.VALIDATION_FAILED, inWorkflow(OTHER_WORKFLOW));

    assertThat(vault().listAlerts(inWorkflow(WORKFLOW), false)).containsExactly(open, aboutMine);
    assertThat(vault().listAlerts(inWorkflow(OTHER_WORKFLOW), false)).containsExactly(open, aboutTheirs);
    assertThat(vault().listAlerts(none(), false)).containsExactly(open);
  }

  @Test
  void listAlertsExcludesAcknowledgedOnesByDefault() {
    Credential credential = credential("Stripe");
    GovernanceAlert acknowledged = alertAbout(credential, AlertKind.TOKEN_EXPIRING);
    GovernanceAlert open = alertAbout(credential, AlertKind.VALIDATION_FAILED);
    GovernanceAlert acked = vault().acknowledgeAlert(acknowledged.id(), ACTOR, none());

    assertThat(vault().listAlerts(none(), false)).containsExactly(open);
    assertThat(vault().listAlerts(none(), true)).containsExactly(acked, open);
  }

  @Test
  void listAlertsIsInCreationOrder() {
    GovernanceAlert c = unattachedAlert(AlertKind.VALIDATION_FAILED);
    GovernanceAlert a = unattachedAlert(AlertKind.TOKEN_EXPIRING);
    GovernanceAlert b = unattachedAlert(AlertKind.ROTATION_OVERDUE);
    clock.advance(TICK);
    vault().recordAlert(new NewAlert(AlertKind.VALIDATION_FAILED, AlertSeverity.CRITICAL, "worse", ACTOR, null, null),
        none());

    assertThat(alertIds(vault().listAlerts(none(), false))).containsExactly(c.id(), a.id(), b.id());
  }

  // --- Acknowledge (§H.4 item 18) ------------------------------------------------------------------------------

  @Test
  void acknowledgingRecordsWhoAndWhen() {
    GovernanceAlert alert = alertAbout(credential("Stripe"), AlertKind.VALIDATION_FAILED);
    clock.advance(TICK);

    GovernanceAlert acked = vault().acknowledgeAlert(alert.id(), "bob", none());

    assertThat(acked.acknowledged()).isTrue();
    assertThat(acked.acknowledgedBy()).isEqualTo("bob");
    assertThat(acked.acknowledgedAt()).isEqualTo(clock.instant());
    assertThat(actions(acked.auditLog())).containsExactly("alert_created", "alert_acknowledged");
    assertThat(last(acked.auditLog()).actor()).isEqualTo("bob");
    assertThat(last(acked.auditLog()).at()).isEqualTo(clock.instant());
    assertThat(vault().listAlerts(none(), true)).containsExactly(acked);
  }

  @Test
  void acknowledgingAgainChangesNothing() {
    GovernanceAlert alert = alertAbout(credential("Stripe"), AlertKind.VALIDATION_FAILED);
    GovernanceAlert acked = vault().acknowledgeAlert(alert.id(), "bob", none());
    clock.advance(TICK);

    GovernanceAlert again = vault().acknowledgeAlert(alert.id(), "carol", none());

    assertThat(again.acknowledgedBy()).isEqualTo("bob");
    assertThat(again.acknowledgedAt()).isEqualTo(acked.acknowledgedAt());
    assertThat(again.auditLog()).isEqualTo(acked.auditLog());
    assertThat(vault().listAlerts(none(), true)).containsExactly(acked);
  }

  @Test
  void acknowledgingScopedAlertRequiresAMatchingContext() {
    Credential credential = credential("Stripe", CredentialScope.forWorkflows(WORKFLOW));
    GovernanceAlert alert = alertAbout(credential, AlertKind.VALIDATION_FAILED, inWorkflow(WORKFLOW));

    assertThatThrownBy(() -> vault().acknowledgeAlert(alert.id(), ACTOR, none()))
        .isInstanceOf(WorkflowScopeException.class);
    assertThatThrownBy(() -> vault().acknowledgeAlert(alert.id(), ACTOR, inWorkflow(OTHER_WORKFLOW)))
        .isInstanceOf(WorkflowScopeException.class)
        .hasMessage("Governance alert cannot be accessed with the provided context.");
    assertThat(vault().listAlerts(inWorkflow(WORKFLOW), false)).containsExactly(alert);

    GovernanceAlert acked = vault().acknowledgeAlert(alert.id(), ACTOR, inWorkflow(WORKFLOW));

    assertThat(acked.acknowledged()).isTrue();
  }

  @Test
  void acknowledgingUnrestrictedAlertNeedsNoContext() {
    GovernanceAlert alert = unattachedAlert(AlertKind.VALIDATION_FAILED);

    assertThat(vault().acknowledgeAlert(alert.id(), ACTOR, none()).acknowledged()).isTrue();
  }

  @Test
  void acknowledgingUnknownAlertIsRejected() {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> vault().acknowledgeAlert(unknown, ACTOR, none()))
        .isInstanceOf(GovernanceAlertNotFoundException.class)
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Governance alert was not found.");
  }

  // --- Resolve (§H.4 item 19) ----------------------------------------------------------------------------------

  @Test
  void resolvingAcknowledgesEveryOpenAlertOfTheCredentialAndSkipsAcknowledgedOnes() {
    Credential credential = credential("Stripe");
    Credential other = credential("OpenAI");
    GovernanceAlert expiring = alertAbout(credential, AlertKind.TOKEN_EXPIRING);
    GovernanceAlert failed = alertAbout(credential, AlertKind.VALIDATION_FAILED);
    GovernanceAlert overdue = alertAbout(credential, AlertKind.ROTATION_OVERDUE);
    GovernanceAlert earlier = vault().acknowledgeAlert(overdue.id(), "carol", none());
    GovernanceAlert othersAlert = alertAbout(other, AlertKind.TOKEN_EXPIRING);
    clock.advance(TICK);

    List<GovernanceAlert> resolved = vault().resolveAlertsForCredential(credential.id(), "bob");

    assertThat(alertIds(resolved)).containsExactlyInAnyOrder(expiring.id(), failed.id());
    assertThat(resolved).allSatisfy(alert -> {
      assertThat(alert.acknowledged()).isTrue();
      assertThat(alert.acknowledgedBy()).isEqualTo("bob");
      assertThat(alert.acknowledgedAt()).isEqualTo(clock.instant());
      assertThat(last(alert.auditLog()).action()).isEqualTo("alert_acknowledged");
    });
    List<GovernanceAlert> all = vault().listAlerts(none(), true);
    assertThat(all).contains(earlier, othersAlert);
    assertThat(all).containsAll(resolved);
    assertThat(vault().listAlerts(none(), false)).containsExactly(othersAlert);
  }

  @Test
  void resolvingNeedsNoContextEvenForScopedAlerts() {
    Credential credential = credential("Stripe", CredentialScope.forWorkflows(WORKFLOW));
    GovernanceAlert alert = alertAbout(credential, AlertKind.VALIDATION_FAILED, inWorkflow(WORKFLOW));

    List<GovernanceAlert> resolved = vault().resolveAlertsForCredential(credential.id(), "bob");

    assertThat(alertIds(resolved)).containsExactly(alert.id());
    assertThat(vault().listAlerts(inWorkflow(WORKFLOW), false)).isEmpty();
  }

  @Test
  void resolvingCredentialWithoutOpenAlertsResolvesNothing() {
    Credential credential = credential("Stripe");

    assertThat(vault().resolveAlertsForCredential(credential.id(), ACTOR)).isEmpty();
    assertThat(vault().resolveAlertsForCredential(UUID.randomUUID(), ACTOR)).isEmpty();
  }

  // --- Delete (§H.4 items 5, 7, 20) ----------------------------------------------------------------------------

  @Test
  void deletingCredentialDeletesItsAlerts() throws Exception {
    Credential credential = credential("Stripe");
    GovernanceAlert alert = alertAbout(credential, AlertKind.VALIDATION_FAILED);

    vault().deleteCredential(credential.id(), none());

    assertThat(vault().listAlerts(none(), true)).isEmpty();
    assertThat(alertRowsAbout(credential.id())).isZero();
    assertThatThrownBy(() -> vault().acknowledgeAlert(alert.id(), ACTOR, none()))
        .isInstanceOf(GovernanceAlertNotFoundException.class);
  }

  @Test
  void deletingCredentialWithMixedAlertsRemovesOnlyItsAlerts() throws Exception {
    Credential doomed = credential("Doomed");
    Credential kept = credential("Kept");
    CredentialTemplate template = template("Template");
    alertAbout(doomed, AlertKind.TOKEN_EXPIRING);
    GovernanceAlert doomedAcked = alertAbout(doomed, AlertKind.VALIDATION_FAILED);
    vault().acknowledgeAlert(doomedAcked.id(), ACTOR, none());
    GovernanceAlert aboutKept = alertAbout(kept, AlertKind.TOKEN_EXPIRING);
    GovernanceAlert aboutTemplate = alertAbout(template, AlertKind.ROTATION_OVERDUE, none());
    GovernanceAlert unattached = unattachedAlert(AlertKind.VALIDATION_FAILED);

    vault().deleteCredential(doomed.id(), none());

    assertThat(alertIds(vault().listAlerts(none(), true)))
        .containsExactly(aboutKept.id(), aboutTemplate.id(), unattached.id());
    assertThat(alertRowsAbout(doomed.id())).isZero();
    assertThat(alertRows()).isEqualTo(3);
  }

  @Test
  void deletingCredentialWithoutAlertsSucceeds() throws Exception {
    Credential credential = credential("Stripe");
    GovernanceAlert unattached = unattachedAlert(AlertKind.VALIDATION_FAILED);

    vault().deleteCredential(credential.id(), none());

    assertThat(vault().listAllCredentials()).isEmpty();
    assertThat(vault().listAlerts(none(), true)).containsExactly(unattached);
  }

  @Test
  void deniedCredentialDeletionKeepsItsAlerts() throws Exception {
    Credential credential = credential("Stripe", CredentialScope.forWorkflows(WORKFLOW));
    alertAbout(credential, AlertKind.VALIDATION_FAILED, inWorkflow(WORKFLOW));

    assertThatThrownBy(() -> vault().deleteCredential(credential.id(), inWorkflow(OTHER_WORKFLOW)))
        .isInstanceOf(WorkflowScopeException.class);

    assertThat(alertRowsAbout(credential.id())).isEqualTo(1);
  }
}
