package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.NotFoundException;
import java.util.UUID;

/** No governance alert has the id (upstream's {@code GovernanceAlertNotFoundError}, same message). */
public class GovernanceAlertNotFoundException extends NotFoundException {
  private static final long serialVersionUID = 1L;
  private final UUID alertId;

  /** For {@code alertId}. */
  public GovernanceAlertNotFoundException(UUID alertId) {
    super("Governance alert was not found.");
    this.alertId = alertId;
  }

  /** The unknown id. */
  public UUID alertId() {
    return alertId;
  }
}
