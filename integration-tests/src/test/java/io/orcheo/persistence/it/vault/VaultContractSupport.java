package io.orcheo.persistence.it.vault;

import io.orcheo.persistence.core.vault.AccessContext;
import io.orcheo.persistence.core.vault.AlertKind;
import io.orcheo.persistence.core.vault.AlertSeverity;
import io.orcheo.persistence.core.vault.AuditEvent;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.CredentialScope;
import io.orcheo.persistence.core.vault.CredentialTemplate;
import io.orcheo.persistence.core.vault.CredentialVault;
import io.orcheo.persistence.core.vault.GovernanceAlert;
import io.orcheo.persistence.core.vault.NewAlert;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.core.vault.NewTemplate;
import io.orcheo.persistence.core.vault.OAuthTokens;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.StoreRows;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.runtime.Store;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * What the vault contracts share: the vault of the test's persistence layer, plain JDBC beneath it on
 * {@link Store#VAULT}, and credentials, templates and alerts to fill it with. Every helper that creates something
 * first moves the clock on by {@link #TICK}, so creation order is also timestamp order.
 */
abstract class VaultContractSupport extends BackendContract {
  static final Duration TICK = Duration.ofSeconds(1);
  static final String ACTOR = "alice";
  static final String PROVIDER = "stripe";
  static final UUID WORKFLOW = UUID.fromString("00000000-0000-4000-8000-00000000000a");
  static final UUID OTHER_WORKFLOW = UUID.fromString("00000000-0000-4000-8000-00000000000b");
  static final UUID WORKSPACE = UUID.fromString("00000000-0000-4000-8000-0000000000c1");

  CredentialVault vault() {
    return persistence.vault();
  }

  StoreRows rows() {
    return new StoreRows(persistence, backend(), Store.VAULT);
  }

  static AccessContext inWorkflow(UUID workflowId) {
    return AccessContext.forWorkflow(workflowId);
  }

  static AccessContext none() {
    return AccessContext.none();
  }

  // --- Credentials ---------------------------------------------------------------------------------------------

  /** Creates {@code request} one tick after the previous creation. */
  Credential create(NewCredential request) {
    clock.advance(TICK);
    return vault().createCredential(request);
  }

  /** An unrestricted secret credential whose secret is {@code secretOf(name)}. */
  Credential credential(String name) {
    return create(NewCredential.secret(name, PROVIDER, secretOf(name), ACTOR));
  }

  /** A secret credential limited to {@code scope}. */
  Credential credential(String name, CredentialScope scope) {
    return create(NewCredential.secret(name, PROVIDER, secretOf(name), ACTOR).withScope(scope));
  }

  /** An unrestricted OAuth credential holding {@code tokens}. */
  Credential oauthCredential(String name, OAuthTokens tokens) {
    return create(NewCredential.oauth(name, "google", secretOf(name), tokens, ACTOR));
  }

  static String secretOf(String name) {
    return "sk_live_" + name.replaceAll("\\W", "_") + "_7Hq2xZ";
  }

  // --- Templates -----------------------------------------------------------------------------------------------

  /** An unrestricted secret template with the default policy. */
  CredentialTemplate template(String name) {
    clock.advance(TICK);
    return vault().createTemplate(NewTemplate.of(name, PROVIDER, List.of("charges:read"), ACTOR));
  }

  /** A template limited to {@code scope}. */
  CredentialTemplate template(String name, CredentialScope scope) {
    clock.advance(TICK);
    return vault().createTemplate(NewTemplate.of(name, PROVIDER, List.of("charges:read"), ACTOR).withScope(scope));
  }

  // --- Alerts --------------------------------------------------------------------------------------------------

  /** A warning of {@code kind} about a credential, raised without a caller. */
  GovernanceAlert alertAbout(Credential credential, AlertKind kind) {
    return alertAbout(credential, kind, none());
  }

  /** A warning of {@code kind} about a credential, raised by a caller in {@code context}. */
  GovernanceAlert alertAbout(Credential credential, AlertKind kind, AccessContext context) {
    clock.advance(TICK);
    return vault().recordAlert(NewAlert.forCredential(credential.id(), kind, AlertSeverity.WARNING,
        kind.value() + " for " + credential.name(), ACTOR), context);
  }

  /** A warning of {@code kind} about a template, raised by a caller in {@code context}. */
  GovernanceAlert alertAbout(CredentialTemplate template, AlertKind kind, AccessContext context) {
    clock.advance(TICK);
    return vault().recordAlert(NewAlert.forTemplate(template.id(), kind, AlertSeverity.WARNING,
        kind.value() + " for template " + template.name(), ACTOR), context);
  }

  /** A warning about neither a credential nor a template. */
  GovernanceAlert unattachedAlert(AlertKind kind) {
    clock.advance(TICK);
    return vault().recordAlert(new NewAlert(kind, AlertSeverity.INFO, "vault-wide " + kind.value(), ACTOR, null,
        null), none());
  }

  static List<UUID> alertIds(List<GovernanceAlert> alerts) {
    return alerts.stream().map(GovernanceAlert::id).toList();
  }

  // --- Audit logs ----------------------------------------------------------------------------------------------

  static List<String> actions(List<AuditEvent> log) {
    return log.stream().map(AuditEvent::action).toList();
  }

  static AuditEvent last(List<AuditEvent> log) {
    return log.get(log.size() - 1);
  }

  // --- Rows ----------------------------------------------------------------------------------------------------

  long credentialRows() throws SQLException {
    return rows().rowsOf("credentials");
  }

  long templateRows() throws SQLException {
    return rows().rowsOf("credential_templates");
  }

  long alertRows() throws SQLException {
    return rows().rowsOf("governance_alerts");
  }

  /** Stored alerts whose payload names {@code credentialId}, read beneath the vault. */
  long alertRowsAbout(UUID credentialId) throws SQLException {
    String target = backend() == TestBackend.POSTGRES
        ? "payload ->> 'credential_id'"
        : "json_extract(payload, '$.credential_id')";
    return rows().count("SELECT count(*) FROM governance_alerts WHERE " + target + " = ?", credentialId.toString());
  }

  /** Stored alerts whose payload names {@code templateId}, read beneath the vault. */
  long alertRowsAboutTemplate(UUID templateId) throws SQLException {
    String target = backend() == TestBackend.POSTGRES
        ? "payload ->> 'template_id'"
        : "json_extract(payload, '$.template_id')";
    return rows().count("SELECT count(*) FROM governance_alerts WHERE " + target + " = ?", templateId.toString());
  }
}
