package io.orcheo.persistence.core.tokens;

import io.orcheo.persistence.core.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Generating, hashing and comparing raw token secrets, exactly as upstream: 32 random bytes as URL-safe base64
 * without padding (43 characters); the stored form is the unsalted SHA-256 of the UTF-8 secret in lowercase hex.
 * The raw secret is returned once, at mint or rotate time, and is never stored or logged.
 */
public final class TokenSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int SECRET_BYTES = 32;

  private TokenSecrets() {}

  /** A fresh random secret. */
  public static String generate() {
    byte[] bytes = new byte[SECRET_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code secret}. */
  public static String hash(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** The identifier upstream derives when the caller gives none: the first 8 hex characters of the hash. */
  public static String defaultIdentifier(String secretHash) {
    return secretHash.substring(0, 8);
  }

  /** Compares {@code secret}'s hash with {@code secretHash} in time independent of where they differ. */
  public static boolean matches(String secretHash, String secret) {
    if (secret == null) {
      return false;
    }
    return MessageDigest.isEqual(
        secretHash.getBytes(StandardCharsets.US_ASCII), hash(secret).getBytes(StandardCharsets.US_ASCII));
  }

  /** Rejects text PostgreSQL cannot store (NUL), so both backends accept the same values. */
  static String requireStorableText(String value, String name) {
    if (value.indexOf('\0') >= 0) {
      throw new ValidationException(name + " contains a NUL character (\\u0000), which PostgreSQL cannot store");
    }
    return value;
  }
}
