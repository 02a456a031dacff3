package io.orcheo.persistence.jooq.vault;

import static io.orcheo.persistence.jooq.generated.Tables.CREDENTIALS;
import static io.orcheo.persistence.jooq.generated.Tables.CREDENTIAL_TEMPLATES;
import static io.orcheo.persistence.jooq.generated.Tables.GOVERNANCE_ALERTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.config.Secret;
import io.orcheo.persistence.core.error.ConflictException;
import io.orcheo.persistence.core.error.StorableText;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.vault.AccessContext;
import io.orcheo.persistence.core.vault.AesGcmCipher;
import io.orcheo.persistence.core.vault.AuditEvent;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.CredentialHealth;
import io.orcheo.persistence.core.vault.CredentialKind;
import io.orcheo.persistence.core.vault.CredentialNotFoundException;
import io.orcheo.persistence.core.vault.CredentialScope;
import io.orcheo.persistence.core.vault.CredentialTemplate;
import io.orcheo.persistence.core.vault.CredentialTemplateNotFoundException;
import io.orcheo.persistence.core.vault.CredentialUpdate;
import io.orcheo.persistence.core.vault.CredentialVault;
import io.orcheo.persistence.core.vault.DuplicateCredentialNameException;
import io.orcheo.persistence.core.vault.EncryptedOAuthTokens;
import io.orcheo.persistence.core.vault.EncryptionEnvelope;
import io.orcheo.persistence.core.vault.GovernanceAlert;
import io.orcheo.persistence.core.vault.GovernanceAlertNotFoundException;
import io.orcheo.persistence.core.vault.HealthStatus;
import io.orcheo.persistence.core.vault.NewAlert;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.core.vault.NewTemplate;
import io.orcheo.persistence.core.vault.OAuthTokens;
import io.orcheo.persistence.core.vault.RedactedCredential;
import io.orcheo.persistence.core.vault.RotationPolicyException;
import io.orcheo.persistence.core.vault.TemplateUpdate;
import io.orcheo.persistence.core.vault.WorkflowScopeException;
import io.orcheo.persistence.jooq.json.JsonPredicates;
import io.orcheo.persistence.jooq.runtime.RowLocks;
import io.orcheo.persistence.jooq.runtime.Transactor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;

/**
 * {@link CredentialVault} on jOOQ, the same statements on SQLite and PostgreSQL.
 *
 * <p>Each operation is one transaction that locks the row it changes ({@link RowLocks}), so concurrent changes to
 * one credential queue instead of overwriting each other's audit events. Credential names are unique regardless of
 * ASCII case by a unique index ({@link CredentialNames}); the check before the insert only turns the common case
 * into a friendly error, the index decides races.
 */
public final class JooqCredentialVault implements CredentialVault {
  /** The largest secret or token accepted, in UTF-8 bytes: far above any real API key, PEM key or JSON key file. */
  public static final int MAX_SECRET_BYTES = 64 * 1024;

  private static final String SYSTEM = "system";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Transactor transactor;
  private final Clock clock;
  private volatile AesGcmCipher cipher;

  /**
   * A vault over {@code transactor}'s database.
   *
   * @param clock the source of audit and rotation times
   * @param key the vault key string
   */
  public JooqCredentialVault(Transactor transactor, Clock clock, Secret key) {
    this.transactor = Objects.requireNonNull(transactor, "transactor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cipher = new AesGcmCipher(Objects.requireNonNull(key, "key"));
  }

  /** Switches to another key once every secret has been re-encrypted under it ({@link VaultKeyRotation}). */
  public void useKey(Secret key) {
    this.cipher = new AesGcmCipher(key);
  }

  // ------------------------------------------------------------------------------------------------- credentials

  @Override
  public Credential createCredential(NewCredential request) {
    Objects.requireNonNull(request, "request");
    String name = nonBlank(request.name(), "name");
    String provider = nonBlank(request.provider(), "provider");
    requireSecret(request.secret(), "secret");
    if (request.kind() != CredentialKind.OAUTH && request.oauthTokens() != null) {
      throw new ValidationException("OAuth tokens can only be stored with OAuth credentials.");
    }
    Instant now = now();
    AesGcmCipher current = cipher;
    EncryptedOAuthTokens tokens = request.kind() == CredentialKind.OAUTH
        ? encrypt(current, request.oauthTokens() == null ? new OAuthTokens(null, null, null) : request.oauthTokens())
        : null;
    Credential credential = new Credential(UUID.randomUUID(), now, now, List.of(), name, provider, request.scopes(),
        request.scope(), current.encrypt(request.secret()), request.kind(), tokens, CredentialHealth.unchecked(),
        now, request.templateId())
        .withEvent(event(request.actor(), "credential_created", now));
    return uniqueName(name, () -> transactor.inTransaction("create credential '" + name + "'", dsl -> {
      requireNameFree(dsl, name, credential.id());
      dsl.insertInto(CREDENTIALS)
          .set(CREDENTIALS.ID, credential.id().toString())
          .set(CREDENTIALS.WORKFLOW_ID, credential.scope().scopeHint())
          .set(CREDENTIALS.NAME, credential.name())
          .set(CREDENTIALS.PROVIDER, credential.provider())
          .set(CREDENTIALS.CREATED_AT, credential.createdAt())
          .set(CREDENTIALS.UPDATED_AT, credential.updatedAt())
          .set(CREDENTIALS.PAYLOAD, VaultDocuments.write(credential))
          .execute();
      return credential;
    }));
  }

  @Override
  public Credential rotateSecret(UUID credentialId, String secret, String actor, AccessContext context) {
    requireSecret(secret, "secret");
    Objects.requireNonNull(actor, "actor");
    return transactor.inTransaction("rotate credential " + credentialId, dsl -> {
      Credential credential = lockCredential(dsl, credentialId, context);
      AesGcmCipher current = cipher;
      if (current.decrypt(credential.encryption()).equals(secret)) {
        throw new RotationPolicyException("Rotated secret must differ from the previous value.");
      }
      Credential rotated = rotated(credential, current, secret, actor, now());
      updateCredentialRow(dsl, rotated);
      return rotated;
    });
  }

  @Override
  public Credential updateCredential(UUID credentialId, String actor, CredentialUpdate update,
      AccessContext context) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(update, "update");
    String name = update.name() == null ? null : nonBlank(update.name(), "name");
    String provider = update.provider() == null ? null : nonBlank(update.provider(), "provider");
    String secret = update.secret() == null ? null : nonBlank(update.secret(), "secret");
    if (secret != null) {
      requireSecret(secret, "secret");
    }
    String operation = "update credential " + credentialId;
    return uniqueName(name, () -> transactor.inTransaction(operation, dsl -> {
      Credential credential = lockCredential(dsl, credentialId, context);
      AesGcmCipher current = cipher;
      boolean nameChanged = name != null && !name.equals(credential.name());
      boolean providerChanged = provider != null && !provider.equals(credential.provider());
      boolean scopeChanged = update.scope() != null && !update.scope().equals(credential.scope());
      boolean secretChanged = secret != null && !current.decrypt(credential.encryption()).equals(secret);
      if (!nameChanged && !providerChanged && !scopeChanged && !secretChanged) {
        return credential;
      }
      Instant now = now();
      Credential updated = credential;
      if (nameChanged) {
        requireNameFree(dsl, name, credential.id());
        updated = updated.withName(name);
      }
      if (providerChanged) {
        updated = updated.withProvider(provider);
      }
      if (scopeChanged) {
        updated = updated.withScope(update.scope());
      }
      if (secretChanged) {
        updated = rotated(updated, current, secret, actor, now);
      }
      if (nameChanged || providerChanged || scopeChanged) {
        updated = updated.withEvent(event(actor, "credential_updated", now));
      }
      updateCredentialRow(dsl, updated);
      return updated;
    }));
  }

  @Override
  public Credential updateOAuthTokens(UUID credentialId, OAuthTokens tokens, String actor, AccessContext context) {
    return transactor.inTransaction("update OAuth tokens of credential " + credentialId, dsl -> {
      Credential credential = lockCredential(dsl, credentialId, context);
      if (credential.kind() != CredentialKind.OAUTH) {
        throw new ValidationException("OAuth tokens can only be updated for OAuth credentials.");
      }
      Instant now = now();
      EncryptedOAuthTokens encrypted = tokens == null || tokens.isEmpty() ? null : encrypt(cipher, tokens);
      Credential updated = credential.withOAuthTokens(encrypted)
          .withHealth(new CredentialHealth(HealthStatus.UNKNOWN, now, null))
          .withEvent(event(actor == null ? SYSTEM : actor, "credential_oauth_tokens_updated", now));
      updateCredentialRow(dsl, updated);
      return updated;
    });
  }

  @Override
  public Credential markHealth(UUID credentialId, HealthStatus status, String reason, String actor,
      AccessContext context) {
    Objects.requireNonNull(status, "status");
    StorableText.require(reason, "reason");
    return transactor.inTransaction("mark health of credential " + credentialId, dsl -> {
      Credential credential = lockCredential(dsl, credentialId, context);
      Instant now = now();
      ObjectNode metadata = JSON.objectNode().put("status", status.value()).put("reason", reason);
      Credential updated = credential.withHealth(new CredentialHealth(status, now, reason))
          .withEvent(new AuditEvent(actor == null ? SYSTEM : actor, "credential_health_marked", now, metadata));
      updateCredentialRow(dsl, updated);
      return updated;
    });
  }

  @Override
  public Secret revealSecret(UUID credentialId, AccessContext context) {
    Credential credential = readCredential(credentialId, context);
    return Secret.of(cipher.decrypt(credential.encryption()));
  }

  @Override
  public OAuthTokens revealOAuthTokens(UUID credentialId, AccessContext context) {
    Credential credential = readCredential(credentialId, context);
    EncryptedOAuthTokens tokens = credential.oauthTokens();
    if (tokens == null) {
      return null;
    }
    AesGcmCipher current = cipher;
    return new OAuthTokens(
        tokens.accessToken() == null ? null : current.decrypt(tokens.accessToken()),
        tokens.refreshToken() == null ? null : current.decrypt(tokens.refreshToken()),
        tokens.expiresAt());
  }

  @Override
  public List<Credential> listCredentials(AccessContext context) {
    Objects.requireNonNull(context, "context");
    return listAllCredentials().stream().filter(credential -> credential.scope().allows(context)).toList();
  }

  @Override
  public List<Credential> listAllCredentials() {
    return transactor.read("list credentials", dsl -> dsl
        .select(CREDENTIALS.ID, CREDENTIALS.PAYLOAD)
        .from(CREDENTIALS)
        .orderBy(CREDENTIALS.CREATED_AT, CREDENTIALS.ID)
        .fetch(row -> VaultDocuments.credential(row.value1(), row.value2())));
  }

  @Override
  public List<RedactedCredential> describeCredentials(AccessContext context) {
    return listCredentials(context).stream().map(Credential::redacted).toList();
  }

  @Override
  public void deleteCredential(UUID credentialId, AccessContext context) {
    transactor.inTransaction("delete credential " + credentialId, dsl -> {
      lockCredential(dsl, credentialId, context);
      dsl.deleteFrom(CREDENTIALS).where(CREDENTIALS.ID.eq(credentialId.toString())).execute();
      dsl.deleteFrom(GOVERNANCE_ALERTS).where(alertTarget(dsl, "credential_id").eq(credentialId.toString())).execute();
      return null;
    });
  }

  // ------------------------------------------------------------------------------------------------- templates

  @Override
  public CredentialTemplate createTemplate(NewTemplate request) {
    Objects.requireNonNull(request, "request");
    Instant now = now();
    CredentialTemplate template = new CredentialTemplate(UUID.randomUUID(), now, now, List.of(), request.name(),
        request.provider(), request.description(), request.scopes(), request.scope(), request.kind(),
        request.issuancePolicy())
        .withEvent(event(request.actor(), "template_created", now));
    return transactor.inTransaction("create credential template '" + request.name() + "'", dsl -> {
      dsl.insertInto(CREDENTIAL_TEMPLATES)
          .set(CREDENTIAL_TEMPLATES.ID, template.id().toString())
          .set(CREDENTIAL_TEMPLATES.SCOPE_HINT, template.scope().scopeHint())
          .set(CREDENTIAL_TEMPLATES.NAME, template.name())
          .set(CREDENTIAL_TEMPLATES.PROVIDER, template.provider())
          .set(CREDENTIAL_TEMPLATES.CREATED_AT, template.createdAt())
          .set(CREDENTIAL_TEMPLATES.UPDATED_AT, template.updatedAt())
          .set(CREDENTIAL_TEMPLATES.PAYLOAD, VaultDocuments.write(template))
          .execute();
      return template;
    });
  }

  @Override
  public CredentialTemplate updateTemplate(UUID templateId, String actor, TemplateUpdate update,
      AccessContext context) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(update, "update");
    return transactor.inTransaction("update credential template " + templateId, dsl -> {
      CredentialTemplate template = lockTemplate(dsl, templateId, context);
      CredentialTemplate changed = template.with(update);
      ObjectNode changes = JSON.objectNode();
      change(changes, "name", JSON.textNode(template.name()), JSON.textNode(changed.name()));
      change(changes, "description", nullable(template.description()), nullable(changed.description()));
      change(changes, "scopes", VaultDocuments.strings(template.scopes()), VaultDocuments.strings(changed.scopes()));
      change(changes, "scope", VaultDocuments.write(template.scope()), VaultDocuments.write(changed.scope()));
      change(changes, "kind", JSON.textNode(template.kind().value()), JSON.textNode(changed.kind().value()));
      change(changes, "issuance_policy", VaultDocuments.write(template.issuancePolicy()),
          VaultDocuments.write(changed.issuancePolicy()));
      if (changes.isEmpty()) {
        return template;
      }
      CredentialTemplate updated = changed.withEvent(new AuditEvent(actor, "template_updated", now(), changes));
      updateTemplateRow(dsl, updated);
      return updated;
    });
  }

  @Override
  public void deleteTemplate(UUID templateId, AccessContext context) {
    transactor.inTransaction("delete credential template " + templateId, dsl -> {
      lockTemplate(dsl, templateId, context);
      dsl.deleteFrom(CREDENTIAL_TEMPLATES).where(CREDENTIAL_TEMPLATES.ID.eq(templateId.toString())).execute();
      dsl.deleteFrom(GOVERNANCE_ALERTS).where(alertTarget(dsl, "template_id").eq(templateId.toString())).execute();
      return null;
    });
  }

  @Override
  public CredentialTemplate getTemplate(UUID templateId, AccessContext context) {
    Objects.requireNonNull(templateId, "templateId");
    CredentialTemplate template = transactor.read("get credential template " + templateId,
        dsl -> loadTemplate(dsl, templateId));
    requireAccess(template, context);
    return template;
  }

  @Override
  public List<CredentialTemplate> listTemplates(AccessContext context) {
    Objects.requireNonNull(context, "context");
    return transactor.read("list credential templates", dsl -> dsl
            .select(CREDENTIAL_TEMPLATES.ID, CREDENTIAL_TEMPLATES.PAYLOAD)
            .from(CREDENTIAL_TEMPLATES)
            .orderBy(CREDENTIAL_TEMPLATES.CREATED_AT, CREDENTIAL_TEMPLATES.ID)
            .fetch(row -> VaultDocuments.template(row.value1(), row.value2())))
        .stream().filter(template -> template.scope().allows(context)).toList();
  }

  @Override
  public CredentialTemplate recordTemplateIssuance(UUID templateId, String actor, UUID credentialId,
      AccessContext context) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(credentialId, "credentialId");
    return transactor.inTransaction("record issuance from credential template " + templateId, dsl -> {
      CredentialTemplate template = lockTemplate(dsl, templateId, context);
      ObjectNode metadata = JSON.objectNode().put("credential_id", credentialId.toString());
      CredentialTemplate updated = template.withEvent(new AuditEvent(actor, "credential_issued", now(), metadata));
      updateTemplateRow(dsl, updated);
      return updated;
    });
  }

  // ------------------------------------------------------------------------------------------------- alerts

  @Override
  public GovernanceAlert recordAlert(NewAlert request, AccessContext context) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(context, "context");
    StorableText.require(request.message(), "message");
    return transactor.inTransaction("record governance alert", dsl -> {
      CredentialScope scope = CredentialScope.unrestricted();
      UUID templateId = request.templateId();
      // The target's row stays locked until the alert is written, so a concurrent delete of the target (which
      // removes its alerts) either waits for this alert or makes this call fail: never an orphan alert.
      if (request.credentialId() != null) {
        Credential credential = lockCredential(dsl, request.credentialId(), context);
        scope = credential.scope();
        templateId = templateId != null ? templateId : credential.templateId();
      } else if (templateId != null) {
        scope = lockTemplate(dsl, templateId, context).scope();
      }
      // Two callers raising the same alert at once would both find no open one and both insert.
      RowLocks.lockKey(dsl, "vault-alert:" + request.kind().value() + ":" + request.credentialId() + ":" + templateId);
      Instant now = now();
      Optional<GovernanceAlert> open = findOpenAlert(dsl, request, templateId, context);
      if (open.isPresent()) {
        ObjectNode metadata = JSON.objectNode()
            .put("severity", request.severity().value()).put("message", request.message());
        GovernanceAlert updated = open.get().withSeverity(request.severity(), request.message())
            .withEvent(new AuditEvent(request.actor(), "alert_updated", now, metadata));
        updateAlertRow(dsl, updated);
        return updated;
      }
      ObjectNode metadata = JSON.objectNode()
          .put("kind", request.kind().value()).put("severity", request.severity().value());
      GovernanceAlert alert = new GovernanceAlert(UUID.randomUUID(), now, now, List.of(), scope, templateId,
          request.credentialId(), request.kind(), request.severity(), request.message(), false, null, null)
          .withEvent(new AuditEvent(request.actor(), "alert_created", now, metadata));
      dsl.insertInto(GOVERNANCE_ALERTS)
          .set(GOVERNANCE_ALERTS.ID, alert.id().toString())
          .set(GOVERNANCE_ALERTS.SCOPE_HINT, alert.scope().scopeHint())
          .set(GOVERNANCE_ALERTS.ACKNOWLEDGED, false)
          .set(GOVERNANCE_ALERTS.CREATED_AT, alert.createdAt())
          .set(GOVERNANCE_ALERTS.UPDATED_AT, alert.updatedAt())
          .set(GOVERNANCE_ALERTS.PAYLOAD, VaultDocuments.write(alert))
          .execute();
      return alert;
    });
  }

  @Override
  public List<GovernanceAlert> listAlerts(AccessContext context, boolean includeAcknowledged) {
    Objects.requireNonNull(context, "context");
    return transactor.read("list governance alerts", dsl -> dsl
            .select(GOVERNANCE_ALERTS.ID, GOVERNANCE_ALERTS.PAYLOAD)
            .from(GOVERNANCE_ALERTS)
            .where(includeAcknowledged ? org.jooq.impl.DSL.noCondition() : GOVERNANCE_ALERTS.ACKNOWLEDGED.isFalse())
            .orderBy(GOVERNANCE_ALERTS.CREATED_AT, GOVERNANCE_ALERTS.ID)
            .fetch(row -> VaultDocuments.alert(row.value1(), row.value2())))
        .stream().filter(alert -> alert.scope().allows(context)).toList();
  }

  @Override
  public GovernanceAlert acknowledgeAlert(UUID alertId, String actor, AccessContext context) {
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(context, "context");
    return transactor.inTransaction("acknowledge governance alert " + alertId, dsl -> {
      Record2<String, JsonNode> row = RowLocks.forUpdate(dsl, dsl
              .select(GOVERNANCE_ALERTS.ID, GOVERNANCE_ALERTS.PAYLOAD)
              .from(GOVERNANCE_ALERTS)
              .where(GOVERNANCE_ALERTS.ID.eq(alertId.toString())))
          .fetchOne();
      if (row == null) {
        throw new GovernanceAlertNotFoundException(alertId);
      }
      GovernanceAlert alert = VaultDocuments.alert(row.value1(), row.value2());
      if (!alert.scope().allows(context)) {
        throw new WorkflowScopeException(context.isEmpty()
            ? "Governance alert requires access context matching its scope."
            : "Governance alert cannot be accessed with the provided context.");
      }
      if (alert.acknowledged()) {
        return alert;
      }
      GovernanceAlert acknowledged = acknowledge(alert, actor, now());
      updateAlertRow(dsl, acknowledged);
      return acknowledged;
    });
  }

  @Override
  public List<GovernanceAlert> resolveAlertsForCredential(UUID credentialId, String actor) {
    Objects.requireNonNull(credentialId, "credentialId");
    Objects.requireNonNull(actor, "actor");
    return transactor.inTransaction("resolve governance alerts of credential " + credentialId, dsl -> {
      Instant now = now();
      List<GovernanceAlert> resolved = new ArrayList<>();
      for (GovernanceAlert alert : RowLocks.forUpdate(dsl, dsl
              .select(GOVERNANCE_ALERTS.ID, GOVERNANCE_ALERTS.PAYLOAD)
              .from(GOVERNANCE_ALERTS)
              .where(alertTarget(dsl, "credential_id").eq(credentialId.toString()))
              .and(GOVERNANCE_ALERTS.ACKNOWLEDGED.isFalse())
              .orderBy(GOVERNANCE_ALERTS.CREATED_AT, GOVERNANCE_ALERTS.ID))
          .fetch(row -> VaultDocuments.alert(row.value1(), row.value2()))) {
        GovernanceAlert acknowledged = acknowledge(alert, actor, now);
        updateAlertRow(dsl, acknowledged);
        resolved.add(acknowledged);
      }
      return resolved;
    });
  }

  // ------------------------------------------------------------------------------------------------- rows

  private Credential readCredential(UUID credentialId, AccessContext context) {
    Objects.requireNonNull(credentialId, "credentialId");
    Credential credential = transactor.read("read credential " + credentialId,
        dsl -> loadCredential(dsl, credentialId));
    requireAccess(credential, context);
    return credential;
  }

  private static Credential loadCredential(DSLContext dsl, UUID credentialId) {
    Record2<String, JsonNode> row = dsl
        .select(CREDENTIALS.ID, CREDENTIALS.PAYLOAD)
        .from(CREDENTIALS)
        .where(CREDENTIALS.ID.eq(credentialId.toString()))
        .fetchOne();
    if (row == null) {
      throw new CredentialNotFoundException(credentialId);
    }
    return VaultDocuments.credential(row.value1(), row.value2());
  }

  private static Credential lockCredential(DSLContext dsl, UUID credentialId, AccessContext context) {
    Objects.requireNonNull(credentialId, "credentialId");
    Record2<String, JsonNode> row = RowLocks.forUpdate(dsl, dsl
            .select(CREDENTIALS.ID, CREDENTIALS.PAYLOAD)
            .from(CREDENTIALS)
            .where(CREDENTIALS.ID.eq(credentialId.toString())))
        .fetchOne();
    if (row == null) {
      throw new CredentialNotFoundException(credentialId);
    }
    Credential credential = VaultDocuments.credential(row.value1(), row.value2());
    requireAccess(credential, context);
    return credential;
  }

  private static CredentialTemplate loadTemplate(DSLContext dsl, UUID templateId) {
    Record2<String, JsonNode> row = dsl
        .select(CREDENTIAL_TEMPLATES.ID, CREDENTIAL_TEMPLATES.PAYLOAD)
        .from(CREDENTIAL_TEMPLATES)
        .where(CREDENTIAL_TEMPLATES.ID.eq(templateId.toString()))
        .fetchOne();
    if (row == null) {
      throw new CredentialTemplateNotFoundException(templateId);
    }
    return VaultDocuments.template(row.value1(), row.value2());
  }

  private static CredentialTemplate lockTemplate(DSLContext dsl, UUID templateId, AccessContext context) {
    Objects.requireNonNull(templateId, "templateId");
    Record2<String, JsonNode> row = RowLocks.forUpdate(dsl, dsl
            .select(CREDENTIAL_TEMPLATES.ID, CREDENTIAL_TEMPLATES.PAYLOAD)
            .from(CREDENTIAL_TEMPLATES)
            .where(CREDENTIAL_TEMPLATES.ID.eq(templateId.toString())))
        .fetchOne();
    if (row == null) {
      throw new CredentialTemplateNotFoundException(templateId);
    }
    CredentialTemplate template = VaultDocuments.template(row.value1(), row.value2());
    requireAccess(template, context);
    return template;
  }

  static void updateCredentialRow(DSLContext dsl, Credential credential) {
    dsl.update(CREDENTIALS)
        .set(CREDENTIALS.WORKFLOW_ID, credential.scope().scopeHint())
        .set(CREDENTIALS.NAME, credential.name())
        .set(CREDENTIALS.PROVIDER, credential.provider())
        .set(CREDENTIALS.UPDATED_AT, credential.updatedAt())
        .set(CREDENTIALS.PAYLOAD, VaultDocuments.write(credential))
        .where(CREDENTIALS.ID.eq(credential.id().toString()))
        .execute();
  }

  private static void updateTemplateRow(DSLContext dsl, CredentialTemplate template) {
    dsl.update(CREDENTIAL_TEMPLATES)
        .set(CREDENTIAL_TEMPLATES.SCOPE_HINT, template.scope().scopeHint())
        .set(CREDENTIAL_TEMPLATES.NAME, template.name())
        .set(CREDENTIAL_TEMPLATES.PROVIDER, template.provider())
        .set(CREDENTIAL_TEMPLATES.UPDATED_AT, template.updatedAt())
        .set(CREDENTIAL_TEMPLATES.PAYLOAD, VaultDocuments.write(template))
        .where(CREDENTIAL_TEMPLATES.ID.eq(template.id().toString()))
        .execute();
  }

  private static void updateAlertRow(DSLContext dsl, GovernanceAlert alert) {
    dsl.update(GOVERNANCE_ALERTS)
        .set(GOVERNANCE_ALERTS.SCOPE_HINT, alert.scope().scopeHint())
        .set(GOVERNANCE_ALERTS.ACKNOWLEDGED, alert.acknowledged())
        .set(GOVERNANCE_ALERTS.UPDATED_AT, alert.updatedAt())
        .set(GOVERNANCE_ALERTS.PAYLOAD, VaultDocuments.write(alert))
        .where(GOVERNANCE_ALERTS.ID.eq(alert.id().toString()))
        .execute();
  }

  private static Optional<GovernanceAlert> findOpenAlert(DSLContext dsl, NewAlert request, UUID templateId,
      AccessContext context) {
    Field<String> credentialTarget = alertTarget(dsl, "credential_id");
    Condition sameCredential = request.credentialId() == null ? credentialTarget.isNull()
        : credentialTarget.eq(request.credentialId().toString());
    return dsl.select(GOVERNANCE_ALERTS.ID, GOVERNANCE_ALERTS.PAYLOAD)
        .from(GOVERNANCE_ALERTS)
        .where(sameCredential)
        .and(GOVERNANCE_ALERTS.ACKNOWLEDGED.isFalse())
        .orderBy(GOVERNANCE_ALERTS.CREATED_AT, GOVERNANCE_ALERTS.ID)
        .fetch(row -> VaultDocuments.alert(row.value1(), row.value2()))
        .stream()
        .filter(alert -> alert.kind() == request.kind() && Objects.equals(alert.templateId(), templateId)
            && alert.scope().allows(context))
        .findFirst();
  }

  /** The credential or template an alert is about, which upstream keeps in the payload only. */
  private static Field<String> alertTarget(DSLContext dsl, String key) {
    return JsonPredicates.of(dsl).text(GOVERNANCE_ALERTS.PAYLOAD, key);
  }

  // ------------------------------------------------------------------------------------------------- rules

  private void requireNameFree(DSLContext dsl, String name, UUID self) {
    boolean taken = dsl.fetchExists(dsl.selectOne().from(CREDENTIALS)
        .where(CredentialNames.folded(dsl, CREDENTIALS.NAME).eq(CredentialNames.fold(name)))
        .and(CREDENTIALS.ID.ne(self.toString())));
    if (taken) {
      throw new DuplicateCredentialNameException(name);
    }
  }

  /** The unique index refused a name another transaction took after our check: the same error as the check's. */
  private static <T> T uniqueName(String name, java.util.function.Supplier<T> write) {
    try {
      return write.get();
    } catch (DuplicateCredentialNameException e) {
      throw e;
    } catch (ConflictException e) {
      throw new DuplicateCredentialNameException(name, e);
    }
  }

  private static void requireAccess(Credential credential, AccessContext context) {
    Objects.requireNonNull(context, "context");
    if (!credential.scope().allows(context)) {
      throw new WorkflowScopeException("Credential cannot be accessed with the provided context.");
    }
  }

  private static void requireAccess(CredentialTemplate template, AccessContext context) {
    Objects.requireNonNull(context, "context");
    if (!template.scope().allows(context)) {
      throw new WorkflowScopeException("Credential template cannot be accessed with the provided context.");
    }
  }

  private static Credential rotated(Credential credential, AesGcmCipher cipher, String secret, String actor,
      Instant now) {
    Credential rotated = credential.withSecret(cipher.encrypt(secret), now)
        .withEvent(event(actor, "credential_rotated", now));
    return credential.kind() == CredentialKind.OAUTH
        ? rotated.withHealth(new CredentialHealth(HealthStatus.UNKNOWN, now, null))
        : rotated;
  }

  private static GovernanceAlert acknowledge(GovernanceAlert alert, String actor, Instant now) {
    return alert.acknowledgedBy(actor, now).withEvent(event(actor, "alert_acknowledged", now));
  }

  private static EncryptedOAuthTokens encrypt(AesGcmCipher cipher, OAuthTokens tokens) {
    requireSecret(tokens.accessToken(), "access_token");
    requireSecret(tokens.refreshToken(), "refresh_token");
    return new EncryptedOAuthTokens(
        tokens.accessToken() == null ? null : cipher.encrypt(tokens.accessToken()),
        tokens.refreshToken() == null ? null : cipher.encrypt(tokens.refreshToken()),
        tokens.expiresAt());
  }

  private static void change(ObjectNode changes, String field, JsonNode from, JsonNode to) {
    if (!from.equals(to)) {
      ObjectNode entry = changes.putObject(field);
      entry.set("from", from);
      entry.set("to", to);
    }
  }

  private static JsonNode nullable(String text) {
    return text == null ? JSON.nullNode() : JSON.textNode(text);
  }

  private static AuditEvent event(String actor, String action, Instant at) {
    return new AuditEvent(Objects.requireNonNull(actor, "actor"), action, at, null);
  }

  private static String nonBlank(String value, String field) {
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      throw new ValidationException(field + " cannot be empty");
    }
    StorableText.require(trimmed, field);
    return trimmed;
  }

  /** Blank, NUL, lone surrogates and oversized values are refused; the message never shows the value. */
  private static void requireSecret(String value, String field) {
    if (value == null) {
      if (field.equals("secret")) {
        throw new ValidationException("secret cannot be empty");
      }
      return;
    }
    if (value.isBlank()) {
      throw new ValidationException(field + " cannot be empty");
    }
    String problem = StorableText.problem(value);
    if (problem != null) {
      throw new ValidationException(field + " " + problem);
    }
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_SECRET_BYTES) {
      throw new ValidationException(
          field + " is " + bytes + " bytes long; at most " + MAX_SECRET_BYTES + " bytes are accepted");
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
