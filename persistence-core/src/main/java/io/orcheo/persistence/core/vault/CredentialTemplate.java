package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.StorableText;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A recipe for issuing credentials of one provider, with the policy they must follow.
 *
 * @param id the template id
 * @param createdAt when it was created
 * @param updatedAt when its last audit event happened
 * @param auditLog what happened to it, oldest first
 * @param name display name (not unique)
 * @param provider the issuer of the credentials
 * @param description free text, or {@code null}
 * @param scopes the provider's permission names issued credentials carry
 * @param scope who may use the template
 * @param kind the kind of credential issued
 * @param issuancePolicy refresh-token, rotation and expiry rules
 */
public record CredentialTemplate(
    UUID id,
    Instant createdAt,
    Instant updatedAt,
    List<AuditEvent> auditLog,
    String name,
    String provider,
    String description,
    List<String> scopes,
    CredentialScope scope,
    CredentialKind kind,
    IssuancePolicy issuancePolicy) {

  public CredentialTemplate {
    Objects.requireNonNull(id, "id");
    createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
    updatedAt = Objects.requireNonNull(updatedAt, "updatedAt").truncatedTo(ChronoUnit.MICROS);
    auditLog = List.copyOf(Objects.requireNonNull(auditLog, "auditLog"));
    StorableText.require(Objects.requireNonNull(name, "name"), "name");
    StorableText.require(Objects.requireNonNull(provider, "provider"), "provider");
    StorableText.require(description, "description");
    scopes = Credential.permissions(scopes);
    scope = scope == null ? CredentialScope.unrestricted() : scope;
    Objects.requireNonNull(kind, "kind");
    issuancePolicy = issuancePolicy == null ? IssuancePolicy.DEFAULT : issuancePolicy;
  }

  /** This template with {@code event} appended to its audit log and {@code updatedAt} moved to its time. */
  public CredentialTemplate withEvent(AuditEvent event) {
    List<AuditEvent> log = new ArrayList<>(auditLog);
    log.add(Objects.requireNonNull(event, "event"));
    return new CredentialTemplate(id, createdAt, event.at(), log, name, provider, description, scopes, scope, kind,
        issuancePolicy);
  }

  /** This template with the fields of {@code update} that are set. */
  public CredentialTemplate with(TemplateUpdate update) {
    return new CredentialTemplate(id, createdAt, updatedAt, auditLog,
        update.name() == null ? name : update.name(),
        provider,
        update.description() == null ? description : update.description(),
        update.scopes() == null ? scopes : update.scopes(),
        update.scope() == null ? scope : update.scope(),
        update.kind() == null ? kind : update.kind(),
        update.issuancePolicy() == null ? issuancePolicy : update.issuancePolicy());
  }
}
