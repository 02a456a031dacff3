package io.orcheo.persistence.it.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Base64;

/**
 * What {@code src/test/resources/upstream/vault/generate.py} wrote besides the SQL scripts, and checks that hold a
 * vault row to it:
 * <ul>
 *   <li>{@code secrets.json}: the key string and each credential's plaintexts;</li>
 *   <li>{@code models.json}: upstream's payload models (the generator's pydantic models, {@code extra="forbid"}):
 *       each model's fields in declaration order with their JSON types. {@link #conforms} holds a payload to
 *       them as upstream's {@code model_validate_json} would, and, for a payload text as stored, to the text
 *       {@code model_dump_json} writes: every field, in order, compact.</li>
 * </ul>
 * {@link #decrypt} opens an {@code aes256-gcm.v1} envelope with Bouncy Castle's AES-GCM and SHA-256, not the JDK's
 * (which the vault uses), so a ciphertext we write is checked by an implementation independent of ours.
 */
final class UpstreamVaultFiles {
  static final String DIRECTORY = "/upstream/vault/";
  static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  /** pydantic's JSON form of an aware UTC datetime: Z, six fraction digits or none. */
  private static final Pattern PYDANTIC_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?Z");

  private static final JsonNode SECRETS = read("secrets.json");
  private static final JsonNode MODELS = read("models.json");

  private UpstreamVaultFiles() {}

  private static JsonNode read(String name) {
    try (InputStream in = UpstreamVaultFiles.class.getResourceAsStream(DIRECTORY + name)) {
      assertThat(in).as("resource %s", DIRECTORY + name).isNotNull();
      return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The vault's key string. */
  static String key() {
    return SECRETS.get("key").asText();
  }

  /** A credential's plaintext {@code secret}, {@code access_token} or {@code refresh_token}. */
  static String plaintext(UUID credential, String field) {
    JsonNode value = SECRETS.get("credentials").get(credential.toString()).get(field);
    assertThat(value).as("%s of %s in secrets.json", field, credential).isNotNull();
    return value.asText();
  }

  /** A credential's name. */
  static String name(UUID credential) {
    return plaintext(credential, "name");
  }

  // ------------------------------------------------------------------------------------------------ decryption

  /** Opens an {@code aes256-gcm.v1} envelope with Bouncy Castle under {@code keyString}. */
  static String decrypt(String keyString, JsonNode envelope) {
    assertThat(envelope.get("algorithm").asText()).isEqualTo("aes256-gcm.v1");
    assertThat(envelope.get("key_id").asText()).isEqualTo("primary");
    return decrypt(keyString, envelope.get("ciphertext").asText());
  }

  /** Opens base64(nonce || ciphertext || tag) with Bouncy Castle under SHA-256 of {@code keyString}'s UTF-8. */
  static String decrypt(String keyString, String ciphertext) {
    assertThat(ciphertext).as("standard padded base64").matches("[A-Za-z0-9+/]*={0,2}");
    assertThat(ciphertext.length() % 4).as("padded base64").isZero();
    byte[] sealed = Base64.decode(ciphertext);
    assertThat(sealed.length).as("nonce and tag").isGreaterThanOrEqualTo(12 + 16);
    byte[] keyBytes = keyString.getBytes(StandardCharsets.UTF_8);
    SHA256Digest sha256 = new SHA256Digest();
    sha256.update(keyBytes, 0, keyBytes.length);
    byte[] key = new byte[32];
    sha256.doFinal(key, 0);
    byte[] nonce = java.util.Arrays.copyOfRange(sealed, 0, 12);
    GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
    gcm.init(false, new AEADParameters(new KeyParameter(key), 128, nonce, null));
    byte[] plain = new byte[gcm.getOutputSize(sealed.length - 12)];
    int length = gcm.processBytes(sealed, 12, sealed.length - 12, plain, 0);
    try {
      length += gcm.doFinal(plain, length);
    } catch (InvalidCipherTextException e) {
      throw new AssertionError("the envelope does not authenticate under the key: " + e.getMessage(), e);
    }
    return new String(plain, 0, length, StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------------------------------------ models

  /** The model of a table's payload: {@code CredentialMetadata}, {@code CredentialTemplate} or the alert's. */
  static String modelOf(String table) {
    return MODELS.get("tables").get(table).asText();
  }

  /** A model's field names in declaration order. */
  static List<String> fieldsOf(String model) {
    List<String> names = new ArrayList<>();
    MODELS.get("models").get(model).forEach(field -> names.add(field.get("name").asText()));
    return names;
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Holds a stored payload to the table's model: on SQLite ({@code stored} text as written) also to the text
   * upstream writes: compact separators, non-ASCII as is, every field in declaration order. PostgreSQL's JSONB
   * keeps neither text nor order, so there only the fields and their values are held.
   */
  static void conforms(String table, String stored, boolean exactText) {
    JsonNode payload = parse(stored);
    List<String> problems = new ArrayList<>();
    check(modelOf(table), payload, table, exactText, problems);
    assertThat(problems).as("%s payload %s", table, stored).isEmpty();
    if (exactText) {
      try {
        assertThat(stored).as("compact, non-ASCII as is (model_dump_json)").isEqualTo(JSON.writeValueAsString(payload));
      } catch (JsonProcessingException e) {
        throw new AssertionError(e);
      }
    }
  }

  private static void check(String model, JsonNode node, String path, boolean ordered, List<String> problems) {
    if (!node.isObject()) {
      problems.add(path + ": expected a " + model + " object, found " + node);
      return;
    }
    JsonNode fields = MODELS.get("models").get(model);
    List<String> expected = fieldsOf(model);
    List<String> actual = new ArrayList<>();
    node.fieldNames().forEachRemaining(actual::add);
    List<String> unknown = new ArrayList<>(actual);
    unknown.removeAll(expected);
    if (!unknown.isEmpty()) {
      problems.add(path + ": fields " + unknown + " are not in " + model + " (extra=\"forbid\")");
    }
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(actual);
    if (!missing.isEmpty()) {
      problems.add(path + ": fields " + missing + " of " + model + " are missing (model_dump_json writes each)");
    }
    if (ordered && unknown.isEmpty() && missing.isEmpty() && !actual.equals(expected)) {
      problems.add(path + ": fields in the order " + actual + ", " + model + " declares " + expected);
    }
    for (Iterator<JsonNode> it = fields.elements(); it.hasNext(); ) {
      JsonNode field = it.next();
      String name = field.get("name").asText();
      if (node.has(name)) {
        checkValue(field, node.get(name), path + "." + name, ordered, problems);
      }
    }
  }

  private static void checkValue(JsonNode type, JsonNode value, String path, boolean ordered, List<String> problems) {
    if (value.isNull()) {
      if (!type.path("nullable").asBoolean(false)) {
        problems.add(path + ": null, but the field is not optional");
      }
      return;
    }
    String kind = type.get("type").asText();
    switch (kind) {
      case "uuid" -> {
        if (!value.isTextual() || !UUID_TEXT.matcher(value.asText()).matches()) {
          problems.add(path + ": not a lower-case UUID string: " + value);
        }
      }
      case "datetime" -> {
        if (!value.isTextual() || !PYDANTIC_TIME.matcher(value.asText()).matches()) {
          problems.add(path + ": not pydantic's UTC time (…Z, 0 or 6 fraction digits): " + value);
        }
      }
      case "string" -> {
        if (!value.isTextual()) {
          problems.add(path + ": not a string: " + value);
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          problems.add(path + ": not a boolean: " + value);
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          problems.add(path + ": not an integer: " + value);
        } else if (type.has("minimum") && value.asLong() < type.get("minimum").asLong()) {
          problems.add(path + ": below " + type.get("minimum") + ": " + value);
        }
      }
      case "object" -> {
        if (!value.isObject()) {
          problems.add(path + ": not an object: " + value);
        }
      }
      case "enum" -> {
        List<String> values = new ArrayList<>();
        type.get("values").forEach(v -> values.add(v.asText()));
        if (!value.isTextual() || !values.contains(value.asText())) {
          problems.add(path + ": not one of " + values + ": " + value);
        }
      }
      case "list" -> {
        if (!value.isArray()) {
          problems.add(path + ": not a list: " + value);
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          checkValue(type.get("items"), value.get(i), path + "[" + i + "]", ordered, problems);
        }
      }
      case "model" -> check(type.get("model").asText(), value, path, ordered, problems);
      default -> problems.add(path + ": models.json names an unknown type " + kind);
    }
  }
}
