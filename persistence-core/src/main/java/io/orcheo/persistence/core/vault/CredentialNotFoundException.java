package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.NotFoundException;
import java.util.UUID;

/** No credential has the id (upstream's {@code CredentialNotFoundError}, same message). */
public class CredentialNotFoundException extends NotFoundException {
  private static final long serialVersionUID = 1L;
  private final UUID credentialId;

  /** For {@code credentialId}. */
  public CredentialNotFoundException(UUID credentialId) {
    super("Credential was not found.");
    this.credentialId = credentialId;
  }

  /** The unknown id. */
  public UUID credentialId() {
    return credentialId;
  }
}
