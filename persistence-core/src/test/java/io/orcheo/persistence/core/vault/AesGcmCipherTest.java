package io.orcheo.persistence.core.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.config.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code aes256-gcm.v1} against envelopes made by Python's {@code cryptography} package ({@code vault/generate.py}),
 * the library upstream Orcheo encrypts with.
 */
class AesGcmCipherTest {
  private static final Secret KEY = Secret.of("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

  private record Vector(String key, String plaintext, byte[] nonce, String ciphertext) {}

  private static List<Vector> vectors() throws IOException {
    try (InputStream in = AesGcmCipherTest.class.getResourceAsStream("/vault/vectors.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(line -> line.split("\t", -1))
          .map(f -> new Vector(f[0], f[1].replace("\\t", "\t"), HexFormat.of().parseHex(f[2]), f[3]))
          .toList();
    }
  }

  @Test
  void everyEnvelopeTheReferenceLibraryMadeDecrypts() throws IOException {
    List<Vector> vectors = vectors();
    assertThat(vectors).hasSize(8);
    for (Vector vector : vectors) {
      AesGcmCipher cipher = new AesGcmCipher(Secret.of(vector.key()));

      assertThat(cipher.decrypt(new EncryptionEnvelope("aes256-gcm.v1", "primary", vector.ciphertext())))
          .isEqualTo(vector.plaintext());
    }
  }

  @Test
  void underTheSameNonceOurEnvelopeIsTheReferenceLibrarysByteForByte() throws IOException {
    for (Vector vector : vectors()) {
      EncryptionEnvelope ours = new AesGcmCipher(Secret.of(vector.key())).encrypt(vector.plaintext(), vector.nonce());

      assertThat(ours.ciphertext()).isEqualTo(vector.ciphertext());
      assertThat(ours.algorithm()).isEqualTo("aes256-gcm.v1");
      assertThat(ours.keyId()).isEqualTo("primary");
    }
  }

  @Test
  void eachEncryptionTakesAFreshNonce() {
    AesGcmCipher cipher = new AesGcmCipher(KEY);
    EncryptionEnvelope first = cipher.encrypt("same secret");
    EncryptionEnvelope second = cipher.encrypt("same secret");

    assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    assertThat(cipher.decrypt(first)).isEqualTo(cipher.decrypt(second)).isEqualTo("same secret");
    assertThat(Base64.getDecoder().decode(first.ciphertext())).hasSize(12 + "same secret".length() + 16);
  }

  @Test
  void theWrongKeyIsRefusedWithUpstreamsMessage() {
    EncryptionEnvelope envelope = new AesGcmCipher(KEY).encrypt("s3cret");

    assertThatThrownBy(() -> new AesGcmCipher(Secret.of("another key")).decrypt(envelope))
        .isInstanceOf(VaultDecryptionException.class)
        .hasMessage("Unable to decrypt credential payload with provided key.");
  }

  @Test
  void anotherAlgorithmOrKeyIdIsRefusedWithUpstreamsMessages() {
    AesGcmCipher cipher = new AesGcmCipher(KEY);
    String ciphertext = cipher.encrypt("s3cret").ciphertext();

    assertThatThrownBy(() -> cipher.decrypt(new EncryptionEnvelope("fernet.v1", "primary", ciphertext)))
        .hasMessage("Cipher algorithm mismatch during decryption.");
    assertThatThrownBy(() -> cipher.decrypt(new EncryptionEnvelope("aes256-gcm.v1", "secondary", ciphertext)))
        .hasMessage("Cipher key identifier mismatch during decryption.");
  }

  @Test
  void aPayloadShorterThanANonceIsRefusedWithUpstreamsMessage() {
    String tooShort = Base64.getEncoder().encodeToString(new byte[11]);

    assertThatThrownBy(() -> new AesGcmCipher(KEY).decrypt(new EncryptionEnvelope("aes256-gcm.v1", "primary", tooShort)))
        .isInstanceOf(VaultDecryptionException.class)
        .hasMessage("Encrypted payload is too short to contain a nonce.");
  }

  @Test
  void neitherTheKeyNorTheCiphertextIsPrinted() {
    AesGcmCipher cipher = new AesGcmCipher(KEY);
    EncryptionEnvelope envelope = cipher.encrypt("s3cret");

    assertThat(cipher.toString()).doesNotContain(KEY.reveal());
    assertThat(envelope.toString()).doesNotContain(envelope.ciphertext());
  }
}
