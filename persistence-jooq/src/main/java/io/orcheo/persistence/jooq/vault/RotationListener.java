package io.orcheo.persistence.jooq.vault;

/** Hears about a key rotation's progress: after each batch's transaction has committed. */
@FunctionalInterface
public interface RotationListener {
  /** Does nothing. */
  RotationListener NONE = (done, total) -> { };

  /**
   * A batch is committed under the new key.
   *
   * @param credentialsDone credentials re-encrypted so far in this run
   * @param total credentials this run re-encrypts
   */
  void batchCommitted(int credentialsDone, int total);
}
