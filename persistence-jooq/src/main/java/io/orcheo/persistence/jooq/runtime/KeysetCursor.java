package io.orcheo.persistence.jooq.runtime;

import io.orcheo.persistence.core.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The opaque cursor of a keyset page: the sort-key values of the page's last row, bound to the listing that issued
 * it (its "scope", for example a workflow id and a filter). A checksum over scope and values makes an edited cursor,
 * or one from another listing, fail with a {@link ValidationException} rather than silently start elsewhere. The
 * checksum is not a secret: a cursor is a position, not a capability.
 */
public final class KeysetCursor {
  private static final String VERSION = "k1";
  private static final char SEPARATOR = '\u001f';

  private KeysetCursor() {}

  /** The cursor after a row whose sort keys are {@code values}, for the listing {@code scope}. */
  public static String encode(String scope, List<String> values) {
    StringBuilder body = new StringBuilder(VERSION);
    for (String value : values) {
      if (value.indexOf(SEPARATOR) >= 0) {
        throw new IllegalArgumentException("A sort key contains the cursor's separator");
      }
      body.append(SEPARATOR).append(value);
    }
    String text = body + String.valueOf(SEPARATOR) + checksum(scope, body.toString());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The sort-key values of {@code cursor}, which must have been issued for {@code scope} with {@code arity} values.
   *
   * @throws ValidationException if it is malformed, edited, or from another listing
   */
  public static List<String> decode(String scope, String cursor, int arity) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw malformed(e);
    }
    List<String> parts = List.of(text.split(String.valueOf(SEPARATOR), -1));
    if (parts.size() != arity + 2 || !parts.get(0).equals(VERSION)) {
      throw malformed(null);
    }
    String body = String.join(String.valueOf(SEPARATOR), parts.subList(0, arity + 1));
    byte[] expected = checksum(scope, body).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, parts.get(arity + 1).getBytes(StandardCharsets.UTF_8))) {
      throw new ValidationException("Page cursor does not belong to this listing; pass the nextCursor of a previous"
          + " page of the same listing");
    }
    return parts.subList(1, arity + 1);
  }

  /** A malformed cursor; {@code cause} may be {@code null}. */
  public static ValidationException malformed(Throwable cause) {
    return new ValidationException("Page cursor is malformed; pass the nextCursor of a previous page", cause);
  }

  private static String checksum(String scope, String body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((scope + SEPARATOR + body).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
