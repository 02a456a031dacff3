package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Upstream Orcheo's vault cipher {@code aes256-gcm.v1}, byte for byte, with the JDK's own crypto: the AES-256 key is
 * the SHA-256 of the UTF-8 bytes of the configured key string (hashed as text, not hex-decoded); each encryption
 * takes a fresh 12-byte random nonce and no associated data; the envelope's ciphertext is standard padded base64 of
 * nonce, AES-GCM ciphertext and 16-byte tag; the key id is always {@value #KEY_ID}. A secret upstream encrypted
 * decrypts here and the other way round.
 *
 * <p>Thread-safe. Neither the key nor a plaintext ever reaches a message or {@code toString}.
 */
public final class AesGcmCipher {
  /** The algorithm name envelopes carry. */
  public static final String ALGORITHM = "aes256-gcm.v1";
  /** The key id envelopes carry. */
  public static final String KEY_ID = "primary";

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  /** A cipher for {@code keyString} (the value of {@code ORCHEO_VAULT_ENCRYPTION_KEY} or of the key file). */
  public AesGcmCipher(Secret keyString) {
    Objects.requireNonNull(keyString, "keyString");
    byte[] digest = sha256(keyString.reveal().getBytes(StandardCharsets.UTF_8));
    this.key = new SecretKeySpec(digest, "AES");
    Arrays.fill(digest, (byte) 0);
  }

  /** Encrypts {@code plaintext} (UTF-8) under a fresh nonce. */
  public EncryptionEnvelope encrypt(String plaintext) {
    Objects.requireNonNull(plaintext, "plaintext");
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    return encrypt(plaintext, nonce);
  }

  /** Encrypts under the given nonce; only tests choose nonces. */
  EncryptionEnvelope encrypt(String plaintext, byte[] nonce) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] payload = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, payload, 0, nonce.length);
      System.arraycopy(sealed, 0, payload, nonce.length, sealed.length);
      return new EncryptionEnvelope(ALGORITHM, KEY_ID, Base64.getEncoder().encodeToString(payload));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /**
   * Decrypts an envelope.
   *
   * @throws VaultDecryptionException with upstream's message: another algorithm, another key id, a payload shorter
   *     than a nonce, or a key or ciphertext that does not authenticate
   */
  public String decrypt(EncryptionEnvelope envelope) {
    Objects.requireNonNull(envelope, "envelope");
    if (!ALGORITHM.equals(envelope.algorithm())) {
      throw new VaultDecryptionException("Cipher algorithm mismatch during decryption.");
    }
    if (!KEY_ID.equals(envelope.keyId())) {
      throw new VaultDecryptionException("Cipher key identifier mismatch during decryption.");
    }
    byte[] payload;
    try {
      payload = Base64.getDecoder().decode(envelope.ciphertext());
    } catch (IllegalArgumentException e) {
      throw new VaultDecryptionException("Unable to decrypt credential payload with provided key.", e);
    }
    if (payload.length < NONCE_BYTES) {
      throw new VaultDecryptionException("Encrypted payload is too short to contain a nonce.");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, payload, 0, NONCE_BYTES));
      byte[] plaintext = cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
      return new String(plaintext, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // A tag that does not authenticate (the wrong key, or altered bytes) is AEADBadTagException.
      throw new VaultDecryptionException("Unable to decrypt credential payload with provided key.", e);
    }
  }

  @Override
  public String toString() {
    return "AesGcmCipher[" + ALGORITHM + ", key=****]";
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
