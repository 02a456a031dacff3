package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.error.ConfigurationException;

/**
 * The vault's key does not decrypt what the vault holds: a key rotation found secrets that neither the current nor
 * the new key opens (so the configured key is the wrong one), or secrets still under the old key after it. Nothing
 * was written in the first case. The message names credentials by id only.
 */
public class VaultKeyMismatchException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  /** With a message naming the credentials concerned. */
  public VaultKeyMismatchException(String message) {
    super(PersistenceSettings.VAULT_ENCRYPTION_KEY_KEY, message);
  }
}
