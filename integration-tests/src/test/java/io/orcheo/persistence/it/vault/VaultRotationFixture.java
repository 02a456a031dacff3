package io.orcheo.persistence.it.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.config.Secret;
import io.orcheo.persistence.core.vault.AesGcmCipher;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.CredentialScope;
import io.orcheo.persistence.core.vault.CredentialVault;
import io.orcheo.persistence.core.vault.EncryptionEnvelope;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.core.vault.OAuthTokens;
import io.orcheo.persistence.core.vault.VaultDecryptionException;
import io.orcheo.persistence.it.support.StoreRows;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Credentials to rotate, and what is stored of them: the vault's rows read beneath it, and which key each stored
 * envelope opens with (upstream's cipher, applied to the raw payload, so no vault instance is involved).
 */
final class VaultRotationFixture {
  private VaultRotationFixture() {}

  /** A credential as created, with its plaintexts, to compare what a vault reveals later. */
  record Created(UUID id, String name, String secret, OAuthTokens tokens) {
    boolean hasTokens() {
      return tokens != null && (tokens.accessToken() != null || tokens.refreshToken() != null);
    }

    /** Its encrypted values: the secret, and each OAuth token it holds. */
    int envelopes() {
      return 1 + (tokens == null ? 0
          : (tokens.accessToken() == null ? 0 : 1) + (tokens.refreshToken() == null ? 0 : 1));
    }
  }

  /** The encrypted values of {@code created}: every secret and every OAuth token. */
  static int envelopes(List<Created> created) {
    return created.stream().mapToInt(Created::envelopes).sum();
  }

  /**
   * Creates {@code count} credentials: three in four plain secrets, one in four OAuth (most with both tokens, some
   * with an access token only, some with no token at all), a few of them scoped.
   */
  static List<Created> create(CredentialVault vault, int count, String prefix) {
    List<Created> created = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = prefix + "-" + i;
      String secret = "sk-" + prefix + "-" + i + "-" + UUID.randomUUID();
      NewCredential request;
      OAuthTokens tokens = null;
      if (i % 4 == 3) {
        if (i % 20 == 3) {
          tokens = null;
        } else if (i % 8 == 7) {
          tokens = new OAuthTokens("at-" + i + "-" + UUID.randomUUID(), null, null);
        } else {
          tokens = new OAuthTokens("at-" + i + "-" + UUID.randomUUID(), "rt-" + i + "-" + UUID.randomUUID(),
              Instant.parse("2030-01-01T00:00:00.123456Z").plusSeconds(i));
        }
        request = NewCredential.oauth(name, "google", secret, tokens, "tester");
      } else {
        request = NewCredential.secret(name, "stripe", secret, "tester");
      }
      if (i % 10 == 5) {
        request = request.withScope(CredentialScope.forRoles("ops"));
      }
      Credential credential = vault.createCredential(request);
      created.add(new Created(credential.id(), name, secret, tokens));
    }
    return created;
  }

  /** Every credential's stored payload text, by id. */
  static Map<String, String> payloads(StoreRows rows) throws SQLException {
    Map<String, String> payloads = new LinkedHashMap<>();
    for (List<String> row : rows.query("SELECT id, payload FROM credentials ORDER BY id")) {
      payloads.put(row.get(0), row.get(1));
    }
    return payloads;
  }

  /** The envelopes of a stored payload: the secret's, then the access and refresh tokens' where present. */
  static List<EncryptionEnvelope> envelopes(String payloadText) {
    JsonNode payload = JsonCodec.read(payloadText);
    List<EncryptionEnvelope> envelopes = new ArrayList<>();
    envelopes.add(envelope(payload.get("encryption")));
    JsonNode tokens = payload.path("oauth_tokens");
    for (String field : List.of("access_token", "refresh_token")) {
      JsonNode token = tokens.path(field);
      if (token.isObject()) {
        envelopes.add(envelope(token));
      }
    }
    return envelopes;
  }

  static EncryptionEnvelope envelope(JsonNode node) {
    return new EncryptionEnvelope(node.get("algorithm").asText(), node.get("key_id").asText(),
        node.get("ciphertext").asText());
  }

  /** An envelope as the payload stores it. */
  static ObjectNode envelopeJson(EncryptionEnvelope envelope) {
    return JsonCodec.mapper().createObjectNode()
        .put("algorithm", envelope.algorithm())
        .put("key_id", envelope.keyId())
        .put("ciphertext", envelope.ciphertext());
  }

  /** Whether {@code key} opens {@code envelope}. */
  static boolean opens(Secret key, EncryptionEnvelope envelope) {
    try {
      new AesGcmCipher(key).decrypt(envelope);
      return true;
    } catch (VaultDecryptionException e) {
      return false;
    }
  }

  /**
   * How many stored credentials are wholly under {@code newKey} and how many wholly under {@code oldKey}, checking
   * that none is split between them or under neither (a credential is re-encrypted whole, in one transaction).
   */
  static int[] underKeys(StoreRows rows, Secret oldKey, Secret newKey) throws SQLException {
    int underNew = 0;
    int underOld = 0;
    for (Map.Entry<String, String> payload : payloads(rows).entrySet()) {
      List<EncryptionEnvelope> envelopes = envelopes(payload.getValue());
      boolean allNew = envelopes.stream().allMatch(e -> opens(newKey, e));
      boolean allOld = envelopes.stream().allMatch(e -> opens(oldKey, e));
      assertThat(allNew || allOld)
          .as("credential %s has every envelope under one key, the old or the new", payload.getKey())
          .isTrue();
      if (allNew) {
        underNew++;
      } else {
        underOld++;
      }
    }
    return new int[] {underOld, underNew};
  }

  /** {@code thrown}, or the first of its causes, of {@code type}; else {@code null}. */
  static <T extends Throwable> T causeOf(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** What a listener throws to simulate a crash after a batch committed. */
  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(int done) {
      super("simulated crash after " + done + " credentials");
    }
  }
}
