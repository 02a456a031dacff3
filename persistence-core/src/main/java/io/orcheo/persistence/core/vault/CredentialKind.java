package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.Locale;

/** How a credential is used: one secret, or a secret plus OAuth tokens. */
public enum CredentialKind {
  /** A single secret (an API key, a password). */
  SECRET("secret"),
  /** A client secret plus access and refresh tokens. */
  OAUTH("oauth");

  private final String value;

  CredentialKind(String value) {
    this.value = value;
  }

  /** The value payloads store ({@code secret}, {@code oauth}). */
  public String value() {
    return value;
  }

  /**
   * The kind a stored or user-given value names, ignoring case and surrounding blanks.
   *
   * @throws ValidationException naming the accepted values
   */
  public static CredentialKind fromValue(String value) {
    String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    for (CredentialKind kind : values()) {
      if (kind.value.equals(wanted)) {
        return kind;
      }
    }
    throw new ValidationException("'" + value + "' is not a credential kind; expected 'secret' or 'oauth'");
  }
}
