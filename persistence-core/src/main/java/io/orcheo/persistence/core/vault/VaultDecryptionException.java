package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.PersistenceException;

/**
 * A stored secret cannot be decrypted: another algorithm or key id, a truncated payload, or the wrong key. The
 * message is upstream's and never contains the secret, the ciphertext or the key.
 */
public class VaultDecryptionException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  /** With upstream's message. */
  public VaultDecryptionException(String message) {
    super(message);
  }

  /** With upstream's message and the cryptographic failure. */
  public VaultDecryptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
