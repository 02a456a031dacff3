package io.orcheo.persistence.it.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.vault.AccessContext;
import io.orcheo.persistence.core.vault.AlertKind;
import io.orcheo.persistence.core.vault.AuditEvent;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.CredentialKind;
import io.orcheo.persistence.core.vault.CredentialScope;
import io.orcheo.persistence.core.vault.CredentialTemplate;
import io.orcheo.persistence.core.vault.CredentialTemplateNotFoundException;
import io.orcheo.persistence.core.vault.GovernanceAlert;
import io.orcheo.persistence.core.vault.IssuancePolicy;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.core.vault.NewTemplate;
import io.orcheo.persistence.core.vault.TemplateUpdate;
import io.orcheo.persistence.core.vault.WorkflowScopeException;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The vault's credential templates on every backend: upstream Orcheo's behaviours of spec §H.4 items 5 (templates),
 * 14 and 15, the template operations of §D.4 with their audit events ({@code template_created},
 * {@code template_updated} with every changed field as {@code {"from", "to"}}, {@code credential_issued}), and
 * deleting a template together with the alerts about it.
 */
public abstract class VaultTemplatesContract extends VaultContractSupport {
  private static final IssuancePolicy STRICT = new IssuancePolicy(true, 30, 15);

  private CredentialTemplate fullTemplate() {
    clock.advance(TICK);
    return vault().createTemplate(new NewTemplate("Stripe", PROVIDER, List.of(" charges:read ", "charges:read", ""),
        ACTOR, "Live keys", CredentialScope.unrestricted(), CredentialKind.SECRET, IssuancePolicy.DEFAULT));
  }

  // --- Create (§H.4 item 14) -----------------------------------------------------------------------------------

  @Test
  void createdTemplateHoldsWhatWasAsked() {
    clock.advance(TICK);
    CredentialTemplate created = vault().createTemplate(new NewTemplate("Google", "google",
        List.of(" drive.read ", "drive.read", "mail.send"), ACTOR, "Workspace OAuth",
        CredentialScope.forWorkflows(WORKFLOW), CredentialKind.OAUTH, STRICT));

    assertThat(created.name()).isEqualTo("Google");
    assertThat(created.provider()).isEqualTo("google");
    assertThat(created.description()).isEqualTo("Workspace OAuth");
    assertThat(created.scopes()).containsExactly("drive.read", "mail.send");
    assertThat(created.scope()).isEqualTo(CredentialScope.forWorkflows(WORKFLOW));
    assertThat(created.kind()).isEqualTo(CredentialKind.OAUTH);
    assertThat(created.issuancePolicy()).isEqualTo(STRICT);
    assertThat(created.createdAt()).isEqualTo(clock.instant());
    assertThat(created.updatedAt()).isEqualTo(clock.instant());
  }

  @Test
  void templateWithoutOptionsIsAnUnrestrictedSecretTemplateWithTheDefaultPolicy() {
    CredentialTemplate created = template("Stripe");

    assertThat(created.kind()).isEqualTo(CredentialKind.SECRET);
    assertThat(created.issuancePolicy()).isEqualTo(new IssuancePolicy(false, null, 60));
    assertThat(created.scope().isUnrestricted()).isTrue();
    assertThat(created.description()).isNull();
  }

  @Test
  void createRecordsTemplateCreatedByTheActor() {
    CredentialTemplate created = template("Stripe");

    assertThat(created.auditLog()).hasSize(1);
    AuditEvent event = created.auditLog().get(0);
    assertThat(event.action()).isEqualTo("template_created");
    assertThat(event.actor()).isEqualTo(ACTOR);
    assertThat(event.at()).isEqualTo(clock.instant());
    assertThat(event.metadata().isEmpty()).isTrue();
  }

  @Test
  void createdTemplateIsReadBackAsReturned() {
    CredentialTemplate created = fullTemplate();

    assertThat(vault().getTemplate(created.id(), none())).isEqualTo(created);
    assertThat(vault().listTemplates(none())).containsExactly(created);
  }

  @Test
  void templateNamesNeedNotBeUnique() throws Exception {
    CredentialTemplate first = template("Stripe");
    CredentialTemplate second = template("STRIPE");
    CredentialTemplate third = template("Stripe");

    assertThat(vault().listTemplates(none())).containsExactly(first, second, third);
    assertThat(templateRows()).isEqualTo(3);
  }

  // --- Update (§H.4 item 14) -----------------------------------------------------------------------------------

  @Test
  void updateRecordsEveryChangedFieldFromAndTo() {
    CredentialTemplate created = fullTemplate();
    clock.advance(TICK);

    CredentialTemplate updated = vault().updateTemplate(created.id(), "bob", new TemplateUpdate("Stripe v2",
        "Test keys", List.of("charges:read", "refunds:write"), CredentialScope.forWorkflows(WORKFLOW),
        CredentialKind.OAUTH, STRICT), none());

    assertThat(actions(updated.auditLog())).containsExactly("template_created", "template_updated");
    AuditEvent event = last(updated.auditLog());
    assertThat(event.actor()).isEqualTo("bob");
    assertThat(event.at()).isEqualTo(clock.instant());
    ObjectNode changes = event.metadata();
    assertThat(changes.fieldNames()).toIterable()
        .containsExactlyInAnyOrder("name", "description", "scopes", "scope", "kind", "issuance_policy");
    assertThat(changes.at("/name/from").asText()).isEqualTo("Stripe");
    assertThat(changes.at("/name/to").asText()).isEqualTo("Stripe v2");
    assertThat(changes.at("/description/from").asText()).isEqualTo("Live keys");
    assertThat(changes.at("/description/to").asText()).isEqualTo("Test keys");
    assertThat(texts(changes.at("/scopes/from"))).containsExactly("charges:read");
    assertThat(texts(changes.at("/scopes/to"))).containsExactly("charges:read", "refunds:write");
    assertThat(changes.at("/kind/from").asText()).isEqualTo("secret");
    assertThat(changes.at("/kind/to").asText()).isEqualTo("oauth");
    assertThat(changes.at("/scope/from/workflow_ids").isEmpty()).isTrue();
    assertThat(texts(changes.at("/scope/to/workflow_ids"))).containsExactly(WORKFLOW.toString());
    assertThat(changes.at("/issuance_policy/from/require_refresh_token").asBoolean()).isFalse();
    assertThat(changes.at("/issuance_policy/from/rotation_period_days").isNull()).isTrue();
    assertThat(changes.at("/issuance_policy/to/require_refresh_token").asBoolean()).isTrue();
    assertThat(changes.at("/issuance_policy/to/rotation_period_days").asInt()).isEqualTo(30);
    assertThat(changes.at("/issuance_policy/to/expiry_threshold_minutes").asInt()).isEqualTo(15);
  }

  @Test
  void updatedFieldsAreStored() {
    CredentialTemplate created = fullTemplate();

    CredentialTemplate updated = vault().updateTemplate(created.id(), ACTOR, new TemplateUpdate("Stripe v2",
        "Test keys", List.of("refunds:write"), CredentialScope.forRoles("Admin"), CredentialKind.OAUTH, STRICT),
        none());

    assertThat(updated.name()).isEqualTo("Stripe v2");
    assertThat(updated.description()).isEqualTo("Test keys");
    assertThat(updated.scopes()).containsExactly("refunds:write");
    assertThat(updated.scope()).isEqualTo(CredentialScope.forRoles("admin"));
    assertThat(updated.kind()).isEqualTo(CredentialKind.OAUTH);
    assertThat(updated.issuancePolicy()).isEqualTo(STRICT);
    assertThat(updated.provider()).isEqualTo(PROVIDER);
    assertThat(vault().listTemplates(AccessContext.withRoles("admin")))
        .containsExactly(updated);
  }

  @Test
  void updateRecordsOnlyTheFieldsThatDiffer() {
    CredentialTemplate created = fullTemplate();

    CredentialTemplate updated = vault().updateTemplate(created.id(), ACTOR,
        new TemplateUpdate("Stripe", "Test keys", List.of("charges:read"), null, CredentialKind.SECRET, null),
        none());

    ObjectNode changes = last(updated.auditLog()).metadata();
    assertThat(changes.fieldNames()).toIterable().containsExactly("description");
  }

  @Test
  void updateWithNothingGivenIsANoOp() throws Exception {
    CredentialTemplate created = fullTemplate();
    String before = rows().payloadText("credential_templates", created.id());
    clock.advance(TICK);

    CredentialTemplate unchanged = vault().updateTemplate(created.id(), ACTOR,
        new TemplateUpdate(null, null, null, null, null, null), none());

    assertThat(unchanged).isEqualTo(created);
    assertThat(rows().payloadText("credential_templates", created.id())).isEqualTo(before);
  }

  @Test
  void updateWithIdenticalValuesIsIgnored() throws Exception {
    CredentialTemplate created = fullTemplate();
    String before = rows().payloadText("credential_templates", created.id());
    clock.advance(TICK);

    CredentialTemplate unchanged = vault().updateTemplate(created.id(), ACTOR, new TemplateUpdate("Stripe",
        "Live keys", List.of("charges:read", " charges:read "), CredentialScope.unrestricted(), CredentialKind.SECRET,
        new IssuancePolicy(false, null, 60)), none());

    assertThat(unchanged.auditLog()).isEqualTo(created.auditLog());
    assertThat(unchanged.updatedAt()).isEqualTo(created.updatedAt());
    assertThat(rows().payloadText("credential_templates", created.id())).isEqualTo(before);
  }

  @Test
  void updateOfScopedTemplateFromAnotherWorkflowIsDenied() {
    CredentialTemplate created = template("Stripe", CredentialScope.forWorkflows(WORKFLOW));

    assertThatThrownBy(() -> vault().updateTemplate(created.id(), ACTOR, TemplateUpdate.name("Other"),
        inWorkflow(OTHER_WORKFLOW)))
        .isInstanceOf(WorkflowScopeException.class)
        .hasMessage("Credential template cannot be accessed with the provided context.");

    assertThat(vault().getTemplate(created.id(), inWorkflow(WORKFLOW))).isEqualTo(created);
  }

  @Test
  void updatingUnknownTemplateIsRejected() {
    assertThatThrownBy(() -> vault().updateTemplate(UUID.randomUUID(), ACTOR, TemplateUpdate.name("x"), none()))
        .isInstanceOf(CredentialTemplateNotFoundException.class);
  }

  // --- Get and list (§H.4 item 15) -----------------------------------------------------------------------------

  @Test
  void getIsScopeEnforced() {
    CredentialTemplate created = template("Stripe", CredentialScope.forWorkflows(WORKFLOW));

    assertThat(vault().getTemplate(created.id(), inWorkflow(WORKFLOW))).isEqualTo(created);
    assertThatThrownBy(() -> vault().getTemplate(created.id(), inWorkflow(OTHER_WORKFLOW)))
        .isInstanceOf(WorkflowScopeException.class)
        .hasMessage("Credential template cannot be accessed with the provided context.");
    assertThatThrownBy(() -> vault().getTemplate(created.id(), none()))
        .isInstanceOf(WorkflowScopeException.class);
  }

  @Test
  void gettingUnknownTemplateIsRejected() {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> vault().getTemplate(unknown, none()))
        .isInstanceOf(CredentialTemplateNotFoundException.class)
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Credential template was not found.");
  }

  @Test
  void listTemplatesIsScopeFilteredInCreationOrder() {
    CredentialTemplate c = template("Charlie");
    CredentialTemplate theirs = template("Theirs", CredentialScope.forWorkflows(OTHER_WORKFLOW));
    CredentialTemplate a = template("Alpha", CredentialScope.forWorkflows(WORKFLOW));
    CredentialTemplate b = template("Bravo");

    assertThat(vault().listTemplates(inWorkflow(WORKFLOW))).containsExactly(c, a, b);
    assertThat(vault().listTemplates(inWorkflow(OTHER_WORKFLOW))).containsExactly(c, theirs, b);
    assertThat(vault().listTemplates(none())).containsExactly(c, b);
  }

  // --- Issuance (§H.4 item 15) ---------------------------------------------------------------------------------

  @Test
  void issuanceAddsCredentialIssuedWithTheCredentialId() {
    CredentialTemplate created = template("Stripe");
    Credential issued = create(NewCredential.secret("Stripe live", PROVIDER, "sk_1", ACTOR)
        .withTemplate(created.id()));
    clock.advance(TICK);

    CredentialTemplate recorded = vault().recordTemplateIssuance(created.id(), "bob", issued.id(), none());

    assertThat(actions(recorded.auditLog())).containsExactly("template_created", "credential_issued");
    AuditEvent event = last(recorded.auditLog());
    assertThat(event.actor()).isEqualTo("bob");
    assertThat(event.at()).isEqualTo(clock.instant());
    assertThat(event.metadata().get("credential_id").asText()).isEqualTo(issued.id().toString());
    assertThat(event.metadata().size()).isEqualTo(1);
    assertThat(recorded.updatedAt()).isEqualTo(clock.instant());
    assertThat(vault().getTemplate(created.id(), none())).isEqualTo(recorded);
  }

  @Test
  void issuanceIsScopeEnforced() {
    CredentialTemplate created = template("Stripe", CredentialScope.forWorkflows(WORKFLOW));
    UUID credentialId = UUID.randomUUID();

    assertThatThrownBy(() -> vault().recordTemplateIssuance(created.id(), ACTOR, credentialId,
        inWorkflow(OTHER_WORKFLOW)))
        .isInstanceOf(WorkflowScopeException.class)
        .hasMessage("Credential template cannot be accessed with the provided context.");
    assertThat(vault().getTemplate(created.id(), inWorkflow(WORKFLOW)).auditLog()).hasSize(1);

    CredentialTemplate recorded = vault().recordTemplateIssuance(created.id(), ACTOR, credentialId,
        inWorkflow(WORKFLOW));

    assertThat(actions(recorded.auditLog())).containsExactly("template_created", "credential_issued");
  }

  @Test
  void issuanceOfUnknownTemplateIsRejected() {
    assertThatThrownBy(() -> vault().recordTemplateIssuance(UUID.randomUUID(), ACTOR, UUID.randomUUID(), none()))
        .isInstanceOf(CredentialTemplateNotFoundException.class);
  }

  // --- Delete (§H.4 item 5, §D.4) ------------------------------------------------------------------------------

  @Test
  void deletedTemplateIsGone() throws Exception {
    CredentialTemplate kept = template("Kept");
    CredentialTemplate deleted = template("Deleted");

    vault().deleteTemplate(deleted.id(), none());

    assertThat(vault().listTemplates(none())).containsExactly(kept);
    assertThatThrownBy(() -> vault().getTemplate(deleted.id(), none()))
        .isInstanceOf(CredentialTemplateNotFoundException.class);
    assertThat(templateRows()).isEqualTo(1);
  }

  @Test
  void deletingUnknownTemplateIsRejected() {
    template("Kept");

    assertThatThrownBy(() -> vault().deleteTemplate(UUID.randomUUID(), none()))
        .isInstanceOf(CredentialTemplateNotFoundException.class)
        .hasMessage("Credential template was not found.");
    assertThat(vault().listTemplates(none())).hasSize(1);
  }

  @Test
  void scopedTemplateDeletionIsEnforced() {
    CredentialTemplate created = template("Stripe", CredentialScope.forWorkflows(WORKFLOW));

    assertThatThrownBy(() -> vault().deleteTemplate(created.id(), inWorkflow(OTHER_WORKFLOW)))
        .isInstanceOf(WorkflowScopeException.class);
    assertThat(vault().listTemplates(inWorkflow(WORKFLOW))).containsExactly(created);

    vault().deleteTemplate(created.id(), inWorkflow(WORKFLOW));

    assertThat(vault().listTemplates(inWorkflow(WORKFLOW))).isEmpty();
  }

  @Test
  void deletingTemplateRemovesItsAlertsAndNoOthers() throws Exception {
    CredentialTemplate doomed = template("Doomed");
    CredentialTemplate kept = template("Kept");
    alertAbout(doomed, AlertKind.ROTATION_OVERDUE, none());
    alertAbout(doomed, AlertKind.TOKEN_EXPIRING, none());
    GovernanceAlert keptAlert = alertAbout(kept, AlertKind.ROTATION_OVERDUE, none());
    GovernanceAlert unattached = unattachedAlert(AlertKind.VALIDATION_FAILED);

    vault().deleteTemplate(doomed.id(), none());

    assertThat(alertIds(vault().listAlerts(none(), true))).containsExactly(keptAlert.id(), unattached.id());
    assertThat(alertRowsAboutTemplate(doomed.id())).isZero();
    assertThat(alertRows()).isEqualTo(2);
  }

  @Test
  void deletingTemplateRemovesAlertsAboutCredentialsIssuedFromIt() throws Exception {
    CredentialTemplate doomed = template("Doomed");
    Credential issued = create(NewCredential.secret("Issued", PROVIDER, "sk_1", ACTOR).withTemplate(doomed.id()));
    GovernanceAlert aboutIssued = alertAbout(issued, AlertKind.VALIDATION_FAILED);
    assertThat(aboutIssued.templateId()).isEqualTo(doomed.id());

    vault().deleteTemplate(doomed.id(), none());

    assertThat(vault().listAlerts(none(), true)).isEmpty();
    assertThat(alertRows()).isZero();
    assertThat(vault().listAllCredentials()).extracting(Credential::id).containsExactly(issued.id());
  }

  @Test
  void deletingTemplateRemovesItsAcknowledgedAlertsToo() throws Exception {
    CredentialTemplate doomed = template("Doomed");
    GovernanceAlert alert = alertAbout(doomed, AlertKind.ROTATION_OVERDUE, none());
    vault().acknowledgeAlert(alert.id(), ACTOR, none());

    vault().deleteTemplate(doomed.id(), none());

    assertThat(alertRows()).isZero();
  }

  private static List<String> texts(JsonNode array) {
    assertThat(array.isArray()).as("%s is an array", array).isTrue();
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
