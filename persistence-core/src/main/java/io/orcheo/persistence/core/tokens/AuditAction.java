package io.orcheo.persistence.core.tokens;

/** The audit actions the token lifecycle writes; {@link ServiceTokenRepository#recordAuditEvent} accepts others too. */
public final class AuditAction {
  /** Written by mint, and by rotate for the new token. */
  public static final String CREATED = "created";
  /** Written by every counted use (authenticate, recordUsage). */
  public static final String USED = "used";
  /** Written by rotate for the token being replaced. */
  public static final String ROTATED = "rotated";
  /** Written by revoke; details hold the reason when one was given. */
  public static final String REVOKED = "revoked";

  private AuditAction() {}
}
