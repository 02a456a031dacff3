package io.orcheo.persistence.it.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.config.Secret;
import io.orcheo.persistence.core.vault.AesGcmCipher;
import io.orcheo.persistence.core.vault.EncryptionEnvelope;
import io.orcheo.persistence.it.support.Rows;
import io.orcheo.persistence.it.support.UpstreamFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of {@link UpstreamVaultFiles} are worth what they refuse: upstream's own payloads (pydantic's text)
 * pass, payloads upstream's models would refuse or would not have written fail, and Bouncy Castle opens the
 * generator's envelopes and the JDK cipher's alike, and nothing under another key.
 */
class UpstreamVaultFilesTest {
  private static final UUID C_GITHUB = UUID.fromString("c6000000-0000-4000-8000-000000000002");
  private static String github;
  private static String tenant;

  @BeforeAll
  static void readUpstreamPayloads(@TempDir Path directory) throws Exception {
    Path main = directory.resolve("main.sqlite");
    Path newer = directory.resolve("newer.sqlite");
    UpstreamFixtures.runSqliteScript(main, "/upstream/vault/sqlite.sql");
    UpstreamFixtures.runSqliteScript(newer, "/upstream/vault/newer-sqlite.sql");
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + main)) {
      github = Rows.query(connection, "SELECT payload FROM credentials WHERE id = ?", C_GITHUB.toString()).get(0).get(0);
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + newer)) {
      tenant = Rows.query(connection, "SELECT payload FROM credentials WHERE payload LIKE '%tenant_id%'").get(0).get(0);
    }
  }

  private static String write(JsonNode node) throws Exception {
    return UpstreamVaultFiles.JSON.writeValueAsString(node);
  }

  @Test
  void upstreamsPayloadPassesAsTextAndAsJsonb() {
    UpstreamVaultFiles.conforms("credentials", github, true);
    UpstreamVaultFiles.conforms("credentials", github, false);
  }

  @Test
  void theModelsAreUpstreamsFieldOrder() {
    assertThat(UpstreamVaultFiles.fieldsOf("CredentialMetadata")).containsExactly("id", "created_at", "updated_at",
        "audit_log", "name", "provider", "scopes", "scope", "encryption", "kind", "oauth_tokens", "health",
        "last_rotated_at", "template_id");
    assertThat(UpstreamVaultFiles.fieldsOf("SecretGovernanceAlert")).startsWith("id", "created_at", "updated_at",
        "audit_log", "scope").endsWith("is_acknowledged", "acknowledged_at", "acknowledged_by");
  }

  @Test
  void anUnknownFieldFailsEvenWhereOrderIsNotHeld() {
    assertThatThrownBy(() -> UpstreamVaultFiles.conforms("credentials", tenant, false))
        .hasMessageContaining("[tenant_id] are not in CredentialMetadata");
  }

  @Test
  void aMissingFieldFails() throws Exception {
    ObjectNode document = (ObjectNode) UpstreamVaultFiles.parse(github);
    document.remove("template_id");
    String text = write(document);

    assertThatThrownBy(() -> UpstreamVaultFiles.conforms("credentials", text, false))
        .hasMessageContaining("[template_id] of CredentialMetadata are missing");
  }

  @Test
  void anotherFieldOrderFailsOnlyWhereTextIsHeld() throws Exception {
    ObjectNode document = (ObjectNode) UpstreamVaultFiles.parse(github);
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
      fields.add(it.next());
    }
    ObjectNode reordered = UpstreamVaultFiles.JSON.createObjectNode();
    for (int i = fields.size() - 1; i >= 0; i--) {
      reordered.set(fields.get(i).getKey(), fields.get(i).getValue());
    }
    String text = write(reordered);

    UpstreamVaultFiles.conforms("credentials", text, false);
    assertThatThrownBy(() -> UpstreamVaultFiles.conforms("credentials", text, true))
        .hasMessageContaining("fields in the order");
  }

  @Test
  void wrongValueFormsFail() {
    assertThatThrownBy(() -> UpstreamVaultFiles.conforms("credentials",
        github.replace("\"2025-03-01T00:00:00Z\"", "\"2025-03-01T00:00:00+00:00\""), true))
        .hasMessageContaining("oauth_tokens.expires_at");
    assertThatThrownBy(() -> UpstreamVaultFiles.conforms("credentials",
        github.replace("\"2025-01-03T06:30:00.500000Z\"", "\"2025-01-03T06:30:00.5Z\""), true))
        .hasMessageContaining("updated_at");
    assertThatThrownBy(() -> UpstreamVaultFiles.conforms("credentials",
        github.replace("\"kind\":\"oauth\"", "\"kind\":\"OAUTH\""), true)).hasMessageContaining(".kind");
    assertThatThrownBy(() -> UpstreamVaultFiles.conforms("credentials",
        github.replace("\"name\":\"GitHub OAuth\"", "\"name\":null"), true)).hasMessageContaining(".name");
    assertThatThrownBy(() -> UpstreamVaultFiles.conforms("credentials", github.replace("\"kind\":", "\"kind\" : "),
        true)).hasMessageContaining("compact");
  }

  @Test
  void bouncyCastleOpensTheGeneratorsEnvelopesAndTheJdkCiphersAlike() {
    JsonNode payload = UpstreamVaultFiles.parse(github);
    String key = UpstreamVaultFiles.key();

    assertThat(UpstreamVaultFiles.decrypt(key, payload.get("encryption")))
        .isEqualTo(UpstreamVaultFiles.plaintext(C_GITHUB, "secret"));
    assertThat(UpstreamVaultFiles.decrypt(key, payload.get("oauth_tokens").get("access_token")))
        .isEqualTo(UpstreamVaultFiles.plaintext(C_GITHUB, "access_token"));
    EncryptionEnvelope jdk = new AesGcmCipher(Secret.of("clé secrète 🔑")).encrypt("Résumé — 履歴書 📄");
    assertThat(UpstreamVaultFiles.decrypt("clé secrète 🔑", jdk.ciphertext())).isEqualTo("Résumé — 履歴書 📄");
    assertThatThrownBy(() -> UpstreamVaultFiles.decrypt(key + "x", payload.get("encryption")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("does not authenticate");
  }
}
