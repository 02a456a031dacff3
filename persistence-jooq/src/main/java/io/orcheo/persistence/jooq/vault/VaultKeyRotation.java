package io.orcheo.persistence.jooq.vault;

import static io.orcheo.persistence.jooq.generated.Tables.CREDENTIALS;

import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.core.config.Secret;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.vault.AesGcmCipher;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.EncryptedOAuthTokens;
import io.orcheo.persistence.core.vault.EncryptionEnvelope;
import io.orcheo.persistence.core.vault.VaultDecryptionException;
import io.orcheo.persistence.core.vault.VaultKeyMismatchException;
import io.orcheo.persistence.jooq.runtime.RowLocks;
import io.orcheo.persistence.jooq.runtime.Transactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jooq.Record2;
import org.jooq.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts every secret and OAuth token of the vault under a new key.
 *
 * <ol>
 *   <li>Every envelope is tried with the current key and the new one. One that opens with neither means the current
 *       key is wrong: {@link VaultKeyMismatchException}, and nothing has been written.
 *   <li>Credentials with envelopes under the current key are re-encrypted in batches, one transaction each, the rows
 *       locked and read again inside it. Only the envelopes change: no audit event, the same {@code updated_at}.
 *   <li>Everything is decrypted with the new key. Then, if the current key came from the key file, the file is
 *       replaced by the new key, and the vault this rotation came from switches to it.
 * </ol>
 *
 * <p>An interrupted rotation is resumed by running it again with the same keys: envelopes already under the new key
 * are recognised (a key that opens an AES-GCM envelope is the one that sealed it) and left alone. Processes that
 * write secrets during a rotation would write them under the old key; stop them first, or the final check reports
 * those secrets and a second run re-encrypts them.
 */
public final class VaultKeyRotation {
  private static final Logger log = LoggerFactory.getLogger(VaultKeyRotation.class);
  private static final int DEFAULT_BATCH_SIZE = 100;
  private static final int NAMED = 10;

  private final Transactor transactor;
  private final VaultKey current;
  private final Secret newKey;
  private final Consumer<Secret> onSuccess;
  private final int batchSize;

  VaultKeyRotation(Transactor transactor, VaultKey current, Secret newKey, Consumer<Secret> onSuccess,
      int batchSize) {
    this.transactor = Objects.requireNonNull(transactor, "transactor");
    this.current = Objects.requireNonNull(current, "current");
    this.newKey = Objects.requireNonNull(newKey, "newKey");
    // The setting and the key file are read stripped (and blank means unset), so any other key could never be
    // configured again: the vault would be locked under it.
    if (newKey.reveal().isBlank()) {
      throw new ValidationException("The new vault key must not be blank.");
    }
    if (!newKey.reveal().strip().equals(newKey.reveal())) {
      throw new ValidationException("The new vault key must not start or end with whitespace: "
          + "ORCHEO_VAULT_ENCRYPTION_KEY and the key file are read without it.");
    }
    this.onSuccess = Objects.requireNonNull(onSuccess, "onSuccess");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1 (got " + batchSize + ")");
    }
    this.batchSize = batchSize;
  }

  /**
   * A rotation of the vault over {@code transactor} from {@code current} to {@code newKey}.
   *
   * @param onSuccess given the new key once everything opens with it and the key file holds it
   */
  public static VaultKeyRotation of(Transactor transactor, VaultKey current, Secret newKey,
      Consumer<Secret> onSuccess) {
    return new VaultKeyRotation(transactor, current, newKey, onSuccess, DEFAULT_BATCH_SIZE);
  }

  /** This rotation with {@code size} credentials per transaction (default 100). */
  public VaultKeyRotation withBatchSize(int size) {
    return new VaultKeyRotation(transactor, current, newKey, onSuccess, size);
  }

  /** Runs the rotation without progress reports. */
  public KeyRotationReport run() {
    return run(RotationListener.NONE);
  }

  /**
   * Runs the rotation.
   *
   * @param listener told after each committed batch; an exception it throws stops the rotation there, with the
   *     committed batches kept (a later run resumes)
   * @throws VaultKeyMismatchException if the current key is wrong (nothing written), or if secrets remain that the
   *     new key does not open at the end
   */
  public KeyRotationReport run(RotationListener listener) {
    Objects.requireNonNull(listener, "listener");
    AesGcmCipher oldCipher = new AesGcmCipher(current.key());
    AesGcmCipher newCipher = new AesGcmCipher(newKey);

    List<String> ids = listIds();
    List<String> toRotate = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    int alreadyRotated = 0;
    for (List<String> chunk : chunks(ids)) {
      for (Credential credential : read(chunk)) {
        switch (state(credential, oldCipher, newCipher)) {
          case OLD -> toRotate.add(credential.id().toString());
          case NEW -> alreadyRotated++;
          case NEITHER -> unreadable.add(credential.id().toString());
        }
      }
    }
    if (!unreadable.isEmpty()) {
      throw new VaultKeyMismatchException(unreadable.size() + " of " + ids.size() + " credentials open with neither"
          + " the current vault key nor the new one, so the current key is not the one they were written with: "
          + named(unreadable) + ". Nothing was changed; configure the right current key and run again.");
    }
    log.info("Key rotation: {} credentials to re-encrypt, {} already under the new key", toRotate.size(),
        alreadyRotated);

    int done = 0;
    for (List<String> batch : chunks(toRotate)) {
      done += transactor.inTransaction("re-encrypt " + batch.size() + " credentials under the new vault key", dsl -> {
        Result<Record2<String, JsonNode>> rows = RowLocks.forUpdate(dsl, dsl
                .select(CREDENTIALS.ID, CREDENTIALS.PAYLOAD)
                .from(CREDENTIALS)
                .where(CREDENTIALS.ID.in(batch)))
            .fetch();
        for (Record2<String, JsonNode> row : rows) {
          Credential credential = VaultDocuments.credential(row.value1(), row.value2());
          JooqCredentialVault.updateCredentialRow(dsl, reencrypted(credential, oldCipher, newCipher));
        }
        return rows.size();
      });
      listener.batchCommitted(done, toRotate.size());
    }

    // Listed again: a credential created meanwhile must open with the new key too.
    List<String> all = listIds();
    List<String> stale = new ArrayList<>();
    int verified = 0;
    for (List<String> chunk : chunks(all)) {
      for (Credential credential : read(chunk)) {
        List<EncryptionEnvelope> envelopes = envelopes(credential);
        if (envelopes.stream().allMatch(envelope -> opens(newCipher, envelope))) {
          verified += envelopes.size();
        } else {
          stale.add(credential.id().toString());
        }
      }
    }
    if (!stale.isEmpty()) {
      throw new VaultKeyMismatchException(stale.size() + " credentials do not open with the new key after the"
          + " rotation (written under the old key while it ran?): " + named(stale)
          + ". The old key still opens them; run the rotation again with the same keys.");
    }
    current.file().ifPresent(file -> VaultKey.replace(file, newKey));
    onSuccess.accept(newKey);
    return new KeyRotationReport(all.size(), done, alreadyRotated, verified, current.file());
  }

  private enum State { OLD, NEW, NEITHER }

  /**
   * OLD if any envelope still needs the old key (all others opening with the new one). The new key is tried first,
   * so that a rotation to the key already in use re-encrypts nothing.
   */
  private static State state(Credential credential, AesGcmCipher oldCipher, AesGcmCipher newCipher) {
    boolean anyOld = false;
    for (EncryptionEnvelope envelope : envelopes(credential)) {
      if (opens(newCipher, envelope)) {
        continue;
      }
      if (!opens(oldCipher, envelope)) {
        return State.NEITHER;
      }
      anyOld = true;
    }
    return anyOld ? State.OLD : State.NEW;
  }

  private static Credential reencrypted(Credential credential, AesGcmCipher oldCipher, AesGcmCipher newCipher) {
    EncryptedOAuthTokens tokens = credential.oauthTokens();
    return credential.withEnvelopes(
        reencrypted(credential.encryption(), oldCipher, newCipher),
        tokens == null ? null
            : new EncryptedOAuthTokens(reencrypted(tokens.accessToken(), oldCipher, newCipher),
                reencrypted(tokens.refreshToken(), oldCipher, newCipher), tokens.expiresAt()));
  }

  private static EncryptionEnvelope reencrypted(EncryptionEnvelope envelope, AesGcmCipher oldCipher,
      AesGcmCipher newCipher) {
    if (envelope == null || opens(newCipher, envelope)) {
      return envelope;
    }
    // Throws if the row changed since the first pass to something the old key does not open either.
    return newCipher.encrypt(oldCipher.decrypt(envelope));
  }

  private static List<EncryptionEnvelope> envelopes(Credential credential) {
    List<EncryptionEnvelope> envelopes = new ArrayList<>();
    envelopes.add(credential.encryption());
    if (credential.oauthTokens() != null) {
      if (credential.oauthTokens().accessToken() != null) {
        envelopes.add(credential.oauthTokens().accessToken());
      }
      if (credential.oauthTokens().refreshToken() != null) {
        envelopes.add(credential.oauthTokens().refreshToken());
      }
    }
    return envelopes;
  }

  private static boolean opens(AesGcmCipher cipher, EncryptionEnvelope envelope) {
    try {
      cipher.decrypt(envelope);
      return true;
    } catch (VaultDecryptionException e) {
      return false;
    }
  }

  private List<String> listIds() {
    return transactor.read("list credentials for key rotation", dsl -> dsl
        .select(CREDENTIALS.ID).from(CREDENTIALS).orderBy(CREDENTIALS.CREATED_AT, CREDENTIALS.ID).fetch(CREDENTIALS.ID));
  }

  private List<Credential> read(List<String> ids) {
    return transactor.read("read credentials for key rotation", dsl -> dsl
        .select(CREDENTIALS.ID, CREDENTIALS.PAYLOAD)
        .from(CREDENTIALS)
        .where(CREDENTIALS.ID.in(ids))
        .fetch(row -> VaultDocuments.credential(row.value1(), row.value2())));
  }

  private List<List<String>> chunks(List<String> ids) {
    List<List<String>> chunks = new ArrayList<>();
    for (int start = 0; start < ids.size(); start += batchSize) {
      chunks.add(ids.subList(start, Math.min(ids.size(), start + batchSize)));
    }
    return chunks;
  }

  private static String named(List<String> ids) {
    return String.join(", ", ids.subList(0, Math.min(NAMED, ids.size()))) + (ids.size() > NAMED ? ", …" : "");
  }
}
