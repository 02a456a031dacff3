package io.orcheo.persistence.core.vault;

import java.util.Objects;
import java.util.UUID;

/**
 * What {@link CredentialVault#recordAlert} needs.
 *
 * @param kind what it is about
 * @param severity how urgent it is
 * @param message for people
 * @param actor who raises it, for the audit log
 * @param credentialId the credential concerned, or {@code null}
 * @param templateId the template concerned, or {@code null}
 */
public record NewAlert(AlertKind kind, AlertSeverity severity, String message, String actor, UUID credentialId,
    UUID templateId) {
  public NewAlert {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(actor, "actor");
  }

  /** An alert about a credential. */
  public static NewAlert forCredential(UUID credentialId, AlertKind kind, AlertSeverity severity, String message,
      String actor) {
    return new NewAlert(kind, severity, message, actor, Objects.requireNonNull(credentialId, "credentialId"), null);
  }

  /** An alert about a template. */
  public static NewAlert forTemplate(UUID templateId, AlertKind kind, AlertSeverity severity, String message,
      String actor) {
    return new NewAlert(kind, severity, message, actor, null, Objects.requireNonNull(templateId, "templateId"));
  }
}
