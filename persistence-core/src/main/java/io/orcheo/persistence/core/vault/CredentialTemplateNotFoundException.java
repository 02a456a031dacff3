package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.NotFoundException;
import java.util.UUID;

/** No template has the id (upstream's {@code CredentialTemplateNotFoundError}, same message). */
public class CredentialTemplateNotFoundException extends NotFoundException {
  private static final long serialVersionUID = 1L;
  private final UUID templateId;

  /** For {@code templateId}. */
  public CredentialTemplateNotFoundException(UUID templateId) {
    super("Credential template was not found.");
    this.templateId = templateId;
  }

  /** The unknown id. */
  public UUID templateId() {
    return templateId;
  }
}
