package io.orcheo.persistence.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A sensitive string (a password or an encryption key) that does not show itself in logs: {@link #toString()}
 * always returns {@code "****"}; only {@link #reveal()} gives the value.
 */
public final class Secret {
  private static final String MASK = "****";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a sensitive value.
   *
   * @param value the value, not {@code null}
   * @return the wrapped value
   */
  public static Secret of(String value) {
    return new Secret(Objects.requireNonNull(value, "value"));
  }

  /**
   * The wrapped value. Call it only where the value is handed to the driver or the cipher, never to log.
   *
   * @return the value as given to {@link #of(String)}
   */
  public String reveal() {
    return value;
  }

  /**
   * Compares the wrapped values in constant time.
   *
   * @param other the object to compare with
   * @return whether {@code other} is a {@code Secret} with the same value
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    // Constant time, so that comparing a guessed value does not reveal how much of it matched.
    return other instanceof Secret that
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Hashes the wrapped value.
   *
   * @return the hash code of the value
   */
  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /**
   * Never the value.
   *
   * @return {@code "****"}
   */
  @Override
  public String toString() {
    return MASK;
  }
}
