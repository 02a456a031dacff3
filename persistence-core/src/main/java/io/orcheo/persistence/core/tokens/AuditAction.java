package io.orcheo.persistence.core.tokens;

/** The audit actions the token lifecycle writes; {@link ServiceTokenRepository#recordAuditEvent} accepts others too. */
public final class AuditAction {
  public static final String CREATED = "created";
  public static final String USED = "used";
  public static final String ROTATED = "rotated";
  public static final String REVOKED = "revoked";

  private AuditAction() {}
}
