package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.StorableText;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A warning about a credential or template (upstream's {@code SecretGovernanceAlert}).
 *
 * @param id the alert id
 * @param createdAt when it was raised
 * @param updatedAt when its last audit event happened
 * @param auditLog what happened to it, oldest first
 * @param scope who may see it: the credential's or template's scope when raised
 * @param templateId the template concerned, or {@code null}
 * @param credentialId the credential concerned, or {@code null}
 * @param kind what it is about
 * @param severity how urgent it is
 * @param message for people
 * @param acknowledged whether someone has acknowledged it
 * @param acknowledgedAt when, or {@code null}
 * @param acknowledgedBy who, or {@code null}
 */
public record GovernanceAlert(
    UUID id,
    Instant createdAt,
    Instant updatedAt,
    List<AuditEvent> auditLog,
    CredentialScope scope,
    UUID templateId,
    UUID credentialId,
    AlertKind kind,
    AlertSeverity severity,
    String message,
    boolean acknowledged,
    Instant acknowledgedAt,
    String acknowledgedBy) {

  public GovernanceAlert {
    Objects.requireNonNull(id, "id");
    createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
    updatedAt = Objects.requireNonNull(updatedAt, "updatedAt").truncatedTo(ChronoUnit.MICROS);
    auditLog = List.copyOf(Objects.requireNonNull(auditLog, "auditLog"));
    scope = scope == null ? CredentialScope.unrestricted() : scope;
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    StorableText.require(Objects.requireNonNull(message, "message"), "message");
    StorableText.require(acknowledgedBy, "acknowledgedBy");
    acknowledgedAt = acknowledgedAt == null ? null : acknowledgedAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** This alert with {@code event} appended to its audit log and {@code updatedAt} moved to its time. */
  public GovernanceAlert withEvent(AuditEvent event) {
    List<AuditEvent> log = new ArrayList<>(auditLog);
    log.add(Objects.requireNonNull(event, "event"));
    return new GovernanceAlert(id, createdAt, event.at(), log, scope, templateId, credentialId, kind, severity,
        message, acknowledged, acknowledgedAt, acknowledgedBy);
  }

  /** This alert with another severity and message. */
  public GovernanceAlert withSeverity(AlertSeverity newSeverity, String newMessage) {
    return new GovernanceAlert(id, createdAt, updatedAt, auditLog, scope, templateId, credentialId, kind,
        newSeverity, newMessage, acknowledged, acknowledgedAt, acknowledgedBy);
  }

  /** This alert acknowledged by {@code actor} at {@code at}. */
  public GovernanceAlert acknowledgedBy(String actor, Instant at) {
    return new GovernanceAlert(id, createdAt, updatedAt, auditLog, scope, templateId, credentialId, kind, severity,
        message, true, at, actor);
  }
}
