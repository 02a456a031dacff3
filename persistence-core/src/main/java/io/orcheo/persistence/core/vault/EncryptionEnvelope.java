package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.Objects;

/**
 * An encrypted value as the vault stores it in a payload's {@code encryption} (or an OAuth token's) object.
 *
 * @param algorithm the cipher, {@value AesGcmCipher#ALGORITHM} for every envelope upstream writes
 * @param keyId which key, {@value AesGcmCipher#KEY_ID} for every envelope upstream writes
 * @param ciphertext standard padded base64 of nonce, ciphertext and tag
 */
public record EncryptionEnvelope(String algorithm, String keyId, String ciphertext) {
  public EncryptionEnvelope {
    if (algorithm == null || algorithm.isBlank() || keyId == null || keyId.isBlank() || ciphertext == null) {
      throw new ValidationException("An encryption envelope needs an algorithm, a key id and a ciphertext");
    }
  }

  /** Never the ciphertext: it is safe to log. */
  @Override
  public String toString() {
    return "EncryptionEnvelope[algorithm=" + algorithm + ", keyId=" + keyId + ", ciphertext=****]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EncryptionEnvelope that && algorithm.equals(that.algorithm) && keyId.equals(that.keyId)
        && ciphertext.equals(that.ciphertext);
  }

  @Override
  public int hashCode() {
    return Objects.hash(algorithm, keyId, ciphertext);
  }
}
