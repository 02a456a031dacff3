package io.orcheo.persistence.core.tokens;

import io.orcheo.persistence.core.error.PersistenceException;

/**
 * A bearer token was refused. {@link #reason()} carries upstream's error code and HTTP status, so an HTTP layer can
 * answer exactly as upstream does.
 */
public class TokenAuthenticationException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  /** Why a token was refused, with upstream's code, status and message. */
  public enum Reason {
    /** No token has this secret. */
    INVALID("auth.invalid_token", 401, "Invalid bearer token"),
    /** The token was revoked; checked before expiry, as upstream. */
    REVOKED("auth.token_revoked", 403, "Service token has been revoked"),
    /** The token's {@code expires_at} has passed. */
    EXPIRED("auth.token_expired", 403, "Service token has expired");

    private final String code;
    private final int httpStatus;
    private final String message;

    Reason(String code, int httpStatus, String message) {
      this.code = code;
      this.httpStatus = httpStatus;
      this.message = message;
    }

    public String code() {
      return code;
    }

    public int httpStatus() {
      return httpStatus;
    }

    public String message() {
      return message;
    }
  }

  private final Reason reason;

  public TokenAuthenticationException(Reason reason) {
    super(reason.message());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
