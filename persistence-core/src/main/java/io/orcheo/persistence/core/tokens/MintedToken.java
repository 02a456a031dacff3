package io.orcheo.persistence.core.tokens;

import java.util.Objects;

/**
 * A token together with its raw secret, as returned once by mint and rotate. The secret is not stored anywhere;
 * {@link #toString()} leaves it out so it cannot reach a log by accident.
 */
public record MintedToken(String secret, ServiceToken token) {

  /** Both parts are required. */
  public MintedToken {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(token, "token");
  }

  @Override
  public String toString() {
    return "MintedToken[secret=****, token=" + token + "]";
  }
}
