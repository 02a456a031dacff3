package io.orcheo.persistence.jooq.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.vault.AlertKind;
import io.orcheo.persistence.core.vault.AlertSeverity;
import io.orcheo.persistence.core.vault.AuditEvent;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.CredentialHealth;
import io.orcheo.persistence.core.vault.CredentialKind;
import io.orcheo.persistence.core.vault.CredentialPayloadException;
import io.orcheo.persistence.core.vault.CredentialScope;
import io.orcheo.persistence.core.vault.CredentialTemplate;
import io.orcheo.persistence.core.vault.EncryptedOAuthTokens;
import io.orcheo.persistence.core.vault.EncryptionEnvelope;
import io.orcheo.persistence.core.vault.GovernanceAlert;
import io.orcheo.persistence.core.vault.IssuancePolicy;
import io.orcheo.persistence.core.vault.UnknownPayloadFieldException;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VaultDocumentsTest {
  private static final UUID ID = UUID.fromString("6f1c1d8e-0a4b-4c7e-9b1a-2f6c3d4e5f60");
  private static final Instant CREATED = Instant.parse("2025-01-02T03:04:05.123456Z");
  private static final Instant UPDATED = Instant.parse("2025-01-02T03:04:06Z");
  private static final EncryptionEnvelope ENVELOPE = new EncryptionEnvelope("aes256-gcm.v1", "primary", "AAAA");

  /** What pydantic's model_dump_json writes for the credential {@link #credential()} builds. */
  private static final String UPSTREAM_CREDENTIAL = "{\"id\":\"6f1c1d8e-0a4b-4c7e-9b1a-2f6c3d4e5f60\","
      + "\"created_at\":\"2025-01-02T03:04:05.123456Z\",\"updated_at\":\"2025-01-02T03:04:06Z\","
      + "\"audit_log\":[{\"actor\":\"alice\",\"action\":\"credential_created\",\"at\":\"2025-01-02T03:04:06Z\","
      + "\"metadata\":{}}],\"name\":\"Stripe\",\"provider\":\"stripe\",\"scopes\":[\"read\"],"
      + "\"scope\":{\"workflow_ids\":[],\"workspace_ids\":[],\"roles\":[\"ops\"]},"
      + "\"encryption\":{\"algorithm\":\"aes256-gcm.v1\",\"key_id\":\"primary\",\"ciphertext\":\"AAAA\"},"
      + "\"kind\":\"oauth\",\"oauth_tokens\":{\"access_token\":{\"algorithm\":\"aes256-gcm.v1\",\"key_id\":\"primary\","
      + "\"ciphertext\":\"AAAA\"},\"refresh_token\":null,\"expires_at\":\"2025-02-01T00:00:00Z\"},"
      + "\"health\":{\"status\":\"unknown\",\"last_checked_at\":null,\"failure_reason\":null},"
      + "\"last_rotated_at\":\"2025-01-02T03:04:05.123456Z\",\"template_id\":null}";

  private static Credential credential() {
    return new Credential(ID, CREATED, UPDATED,
        List.of(new AuditEvent("alice", "credential_created", UPDATED, null)), "Stripe", "stripe", List.of("read"),
        CredentialScope.forRoles("ops"), ENVELOPE, CredentialKind.OAUTH,
        new EncryptedOAuthTokens(ENVELOPE, null, Instant.parse("2025-02-01T00:00:00Z")), CredentialHealth.unchecked(),
        CREATED, null);
  }

  @Test
  void credentialIsWrittenAsPydanticWritesIt() {
    assertThat(JsonCodec.write(VaultDocuments.write(credential()))).isEqualTo(UPSTREAM_CREDENTIAL);
  }

  @Test
  void upstreamCredentialReadsBackToTheSameRecord() {
    assertThat(VaultDocuments.credential(ID.toString(), JsonCodec.read(UPSTREAM_CREDENTIAL))).isEqualTo(credential());
  }

  @Test
  void templateAndAlertSurviveARoundTrip() {
    CredentialTemplate template = new CredentialTemplate(ID, CREATED, UPDATED, List.of(), "GitHub", "github", null,
        List.of("repo"), CredentialScope.unrestricted(), CredentialKind.SECRET, new IssuancePolicy(true, 30, 15));
    GovernanceAlert alert = new GovernanceAlert(ID, CREATED, UPDATED, List.of(), CredentialScope.unrestricted(),
        null, ID, AlertKind.ROTATION_OVERDUE, AlertSeverity.CRITICAL, "rotate", true, UPDATED, "bob");

    assertThat(VaultDocuments.template("t", VaultDocuments.write(template))).isEqualTo(template);
    assertThat(VaultDocuments.alert("a", VaultDocuments.write(alert))).isEqualTo(alert);
  }

  @Test
  void fieldsWithUpstreamDefaultsMayBeAbsent() {
    ObjectNode payload = VaultDocuments.write(credential());
    payload.remove(List.of("scopes", "scope", "kind", "oauth_tokens", "health", "last_rotated_at", "template_id"));

    Credential read = VaultDocuments.credential(ID.toString(), payload);

    assertThat(read.kind()).isEqualTo(CredentialKind.SECRET);
    assertThat(read.scope().isUnrestricted()).isTrue();
    assertThat(read.oauthTokens()).isNull();
  }

  @Test
  void unknownTopLevelFieldIsNamed() {
    ObjectNode payload = VaultDocuments.write(credential());
    payload.put("tenant_id", "acme");

    assertThatThrownBy(() -> VaultDocuments.credential(ID.toString(), payload))
        .isInstanceOfSatisfying(UnknownPayloadFieldException.class, e -> {
          assertThat(e.field()).isEqualTo("tenant_id");
          assertThat(e.rowId()).isEqualTo(ID.toString());
        })
        .hasMessageContaining("'tenant_id'");
  }

  @Test
  void unknownNestedFieldIsNamedByItsPath() {
    ObjectNode payload = VaultDocuments.write(credential());
    ((ObjectNode) payload.get("scope")).putArray("tenant_ids");

    assertThatThrownBy(() -> VaultDocuments.credential(ID.toString(), payload))
        .isInstanceOfSatisfying(UnknownPayloadFieldException.class,
            e -> assertThat(e.field()).isEqualTo("scope.tenant_ids"));
  }

  @Test
  void missingRequiredFieldIsATypedErrorNamingIt() {
    ObjectNode payload = VaultDocuments.write(credential());
    payload.remove("encryption");

    assertThatThrownBy(() -> VaultDocuments.credential(ID.toString(), payload))
        .isInstanceOf(CredentialPayloadException.class)
        .hasMessageContaining("'encryption' is missing");
  }

  @Test
  void invalidEnumValueIsATypedErrorNamingTheField() {
    ObjectNode payload = VaultDocuments.write(credential());
    payload.put("kind", "api_key");

    assertThatThrownBy(() -> VaultDocuments.credential(ID.toString(), payload))
        .isInstanceOf(CredentialPayloadException.class)
        .hasMessageContaining("'kind'");
  }

  @Test
  void errorsNeverShowTheCiphertext() {
    ObjectNode payload = VaultDocuments.write(credential());
    ((ObjectNode) payload.get("encryption")).put("ciphertext", "c2VjcmV0LWNpcGhlcnRleHQ=").put("nonce", "x");

    assertThatThrownBy(() -> VaultDocuments.credential(ID.toString(), payload))
        .isInstanceOf(UnknownPayloadFieldException.class)
        .message().doesNotContain("c2VjcmV0LWNpcGhlcnRleHQ=");
  }

  @Test
  void namesFoldAsciiLettersOnly() {
    assertThat(CredentialNames.fold("Stripe-API Ärger")).isEqualTo("stripe-api Ärger");
  }
}
