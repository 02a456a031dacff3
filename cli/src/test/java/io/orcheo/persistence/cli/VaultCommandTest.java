package io.orcheo.persistence.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.Secret;
import io.orcheo.persistence.core.vault.AccessContext;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.CredentialScope;
import io.orcheo.persistence.core.vault.CredentialVault;
import io.orcheo.persistence.core.vault.HealthStatus;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.core.vault.OAuthTokens;
import io.orcheo.persistence.core.vault.VaultDecryptionException;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@code vault list|describe|rotate-key}, on SQLite files in a temporary directory. */
class VaultCommandTest extends CommandLineTest {
  private static final String NEW_KEY = "new-vault-key-3c1f0e9d8b7a69584736251403f2e1d0";
  private static final String ENV_KEY = "env-vault-key-a1b2c3d4e5f60718293a4b5c6d7e8f90";
  private static final UUID WORKFLOW = UUID.fromString("3f2b5f8e-2a35-4d8f-9d3c-6b1f2f7a9c10");

  /** Secrets, tokens and keys of the test: none may ever be printed. */
  private final List<String> sensitive = new ArrayList<>(List.of(NEW_KEY, ENV_KEY));

  /** Arranges credentials through the vault the commands read, on the same files and key. */
  private <T> T seed(Function<CredentialVault, T> work) {
    try (OrcheoPersistence persistence = OrcheoPersistence.open(PersistenceSettings.fromMap(env))) {
      return work.apply(persistence.vault());
    }
  }

  private Credential secret(CredentialVault vault, String name, String secret, CredentialScope scope) {
    sensitive.add(secret);
    return vault.createCredential(NewCredential.secret(name, "stripe", secret, "alice").withScope(scope));
  }

  private Credential oauth(CredentialVault vault, String name) {
    String secret = "client-secret-" + UUID.randomUUID();
    String access = "access-token-" + UUID.randomUUID();
    sensitive.add(secret);
    sensitive.add(access);
    return vault.createCredential(NewCredential.oauth(name, "google", secret,
        new OAuthTokens(access, null, Instant.parse("2030-01-02T03:04:05Z")), "bob"));
  }

  /** Secrets, tokens, keys and ciphertexts: nothing of them in what the command printed. */
  private void assertNothingSensitivePrinted() {
    String printed = out + "\n" + err;
    for (String value : sensitive) {
      assertThat(printed).doesNotContain(value);
    }
    assertThat(printed).doesNotContain("ciphertext");
    for (String ciphertext : storedCiphertexts()) {
      assertThat(printed).doesNotContain(ciphertext);
    }
    Path keyFile = dir.resolve("vault.key");
    if (Files.exists(keyFile)) {
      assertThat(printed).doesNotContain(read(keyFile));
    }
  }

  private List<String> storedCiphertexts() {
    List<String> ciphertexts = new ArrayList<>();
    seed(vault -> {
      for (Credential credential : vault.listAllCredentials()) {
        ciphertexts.add(credential.encryption().ciphertext());
        if (credential.oauthTokens() != null && credential.oauthTokens().accessToken() != null) {
          ciphertexts.add(credential.oauthTokens().accessToken().ciphertext());
        }
      }
      return null;
    });
    return ciphertexts;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private JsonNode json() {
    try {
      return JsonCodec.mapper().readTree(out.toString());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + out, e);
    }
  }

  /** The table rows of {@code vault list}: the lines between the header and the count. */
  private List<String> rows() {
    return out.toString().lines().dropWhile(line -> !line.startsWith("ID ")).skip(1)
        .takeWhile(line -> !line.matches("\\d+ credential\\(s\\)")).toList();
  }

  // --- list ----------------------------------------------------------------------------------------------------

  @Test
  void listOfAnEmptyVaultPrintsTheHeaderAndNoCredential() {
    assertThat(run("vault", "list")).isZero();

    assertThat(out.toString()).startsWith("ID ").contains("0 credential(s)");
    assertThat(rows()).isEmpty();
  }

  @Test
  void listPrintsIdNameProviderKindScopeHealthAndLastRotationOldestFirst() {
    Credential stripe = seed(vault -> secret(vault, "Stripe", "sk-live-stripe", CredentialScope.unrestricted()));
    Credential google = seed(vault -> oauth(vault, "Google Drive"));
    Credential scoped = seed(vault -> secret(vault, "Payroll", "sk-payroll", CredentialScope.forWorkflows(WORKFLOW)));
    seed(vault -> vault.markHealth(google.id(), HealthStatus.UNHEALTHY, "token revoked", "checker",
        AccessContext.none()));

    assertThat(run("vault", "list")).isZero();

    assertThat(out.toString().lines().findFirst().orElseThrow())
        .matches("ID +NAME +PROVIDER +KIND +SCOPE +HEALTH +LAST_ROTATED");
    assertThat(rows()).satisfiesExactly(
        row -> assertThat(row).matches(stripe.id() + " +Stripe +stripe +secret +unrestricted +unknown +"
            + stripe.lastRotatedAt()),
        row -> assertThat(row).matches(google.id() + " +Google Drive +google +oauth +unrestricted +unhealthy +\\S+"),
        row -> assertThat(row).matches(scoped.id() + " +Payroll +stripe +secret +" + WORKFLOW + " +unknown +\\S+"));
    assertThat(out.toString()).contains("3 credential(s)");
    assertNothingSensitivePrinted();
  }

  @Test
  void listShowsTheFirstRoleOfARoleScopedCredential() {
    seed(vault -> secret(vault, "Ops key", "sk-ops", CredentialScope.forRoles("Ops", "admin")));

    assertThat(run("vault", "list")).isZero();

    assertThat(rows()).singleElement().satisfies(row -> assertThat(row).contains(" ops "));
  }

  @Test
  void listAsJsonHasTheTablesFieldsAndNoSecret() {
    Credential stripe = seed(vault -> secret(vault, "Stripe", "sk-live-stripe", CredentialScope.forRoles("ops")));
    seed(vault -> oauth(vault, "Google"));

    assertThat(run("vault", "list", "--json")).isZero();

    JsonNode list = json();
    assertThat(list.isArray()).isTrue();
    assertThat(list).hasSize(2);
    JsonNode first = list.get(0);
    assertThat(first.get("id").asText()).isEqualTo(stripe.id().toString());
    assertThat(first.get("name").asText()).isEqualTo("Stripe");
    assertThat(first.get("provider").asText()).isEqualTo("stripe");
    assertThat(first.get("kind").asText()).isEqualTo("secret");
    assertThat(first.get("scope").asText()).isEqualTo("ops");
    assertThat(first.get("health").asText()).isEqualTo("unknown");
    assertThat(first.get("last_rotated_at").asText()).endsWith("Z");
    assertThat(list.get(1).get("scope").asText()).isEqualTo("unrestricted");
    assertNothingSensitivePrinted();
  }

  @Test
  void listKeepsANameWithControlCharactersOnOneLine() {
    seed(vault -> secret(vault, "Evil\u001b[2Jname\nsecond line", "sk-evil", CredentialScope.unrestricted()));

    assertThat(run("vault", "list")).isZero();

    assertThat(rows()).singleElement().satisfies(row -> assertThat(row).contains("Evil [2Jname second line")
        .doesNotContain("\u001b"));
  }

  // --- describe ------------------------------------------------------------------------------------------------

  @Test
  void describeShowsTheRedactedCredentialWithEncryptionTokensHealthAndAuditLog() {
    Credential google = seed(vault -> oauth(vault, "Google Drive"));
    seed(vault -> {
      String rotated = "client-secret-rotated";
      sensitive.add(rotated);
      vault.rotateSecret(google.id(), rotated, "carol", AccessContext.none());
      return vault.markHealth(google.id(), HealthStatus.UNHEALTHY, "invalid_grant", "checker", AccessContext.none());
    });

    assertThat(run("vault", "describe", google.id().toString())).isZero();

    assertThat(out.toString())
        .contains("id:            " + google.id())
        .contains("name:          Google Drive")
        .contains("provider:      google")
        .contains("kind:          oauth")
        .contains("access:        unrestricted")
        .contains("encryption:    aes256-gcm.v1, key id primary")
        .contains("oauth tokens:  access token present, refresh token absent, expires_at 2030-01-02T03:04:05Z")
        .contains("health:        unhealthy (checked ")
        .contains(": invalid_grant")
        .contains("audit log (3):");
    assertThat(out.toString().lines().filter(line -> line.startsWith("  2")).map(line -> line.split(" +")[3]))
        .containsExactly("credential_created", "credential_rotated", "credential_health_marked");
    assertNothingSensitivePrinted();
  }

  @Test
  void describeSpellsOutEveryConditionOfAScope() {
    Credential scoped = seed(vault -> secret(vault, "Scoped", "sk-scoped",
        new CredentialScope(List.of(WORKFLOW), List.of(), List.of("ops"))));

    assertThat(run("vault", "describe", scoped.id().toString())).isZero();

    assertThat(out.toString()).contains("access:        workflows [" + WORKFLOW + "]; roles [ops]")
        .doesNotContain("oauth tokens:");
  }

  @Test
  void describeAsJsonIsUpstreamsRedactedViewWithTheAuditLog() {
    Credential google = seed(vault -> oauth(vault, "Google"));

    assertThat(run("vault", "describe", google.id().toString(), "--json")).isZero();

    JsonNode json = json();
    assertThat(json.get("id").asText()).isEqualTo(google.id().toString());
    assertThat(json.get("kind").asText()).isEqualTo("oauth");
    assertThat(json.get("encryption").get("algorithm").asText()).isEqualTo("aes256-gcm.v1");
    assertThat(json.get("encryption").get("key_id").asText()).isEqualTo("primary");
    assertThat(json.get("encryption").has("ciphertext")).isFalse();
    assertThat(json.get("oauth_tokens").get("has_access_token").asBoolean()).isTrue();
    assertThat(json.get("oauth_tokens").get("has_refresh_token").asBoolean()).isFalse();
    assertThat(json.get("oauth_tokens").get("expires_at").asText()).isEqualTo("2030-01-02T03:04:05Z");
    assertThat(json.get("health").get("status").asText()).isEqualTo("unknown");
    assertThat(json.get("scope").get("workflow_ids")).isEmpty();
    assertThat(json.get("audit_log")).singleElement()
        .satisfies(event -> assertThat(event.get("action").asText()).isEqualTo("credential_created"));
    assertThat(json.findValues("ciphertext")).isEmpty();
    assertThat(json.findValues("access_token")).isEmpty();
    assertNothingSensitivePrinted();
  }

  @Test
  void describeOfAnUnknownIdExitsWithNotFound() {
    String unknown = UUID.randomUUID().toString();

    assertThat(run("vault", "describe", unknown)).isEqualTo(OrcheoDb.EXIT_NOT_FOUND);

    assertThat(err.toString()).contains("Credential " + unknown + " not found");
  }

  @Test
  void describeOfAMalformedIdIsAUsageError() {
    assertThat(run("vault", "describe", "not-a-uuid")).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid CREDENTIAL_ID 'not-a-uuid'");

    assertThat(run("vault", "describe", "1-2-3-4-5")).as("a form UUID.fromString accepts").isEqualTo(2);
  }

  @Test
  void vaultWithoutACommandIsAUsageError() {
    assertThat(run("vault")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing command: list, describe or rotate-key");
  }

  @Test
  void aVaultWhoseKeyFileWasDeletedIsRefusedWithTheConfigurationExitCode() throws Exception {
    seed(vault -> secret(vault, "Stripe", "sk-live-stripe", CredentialScope.unrestricted()));
    Files.delete(dir.resolve("vault.key"));

    assertThat(run("vault", "list")).isEqualTo(OrcheoDb.EXIT_CONFIGURATION);

    assertThat(dir.resolve("vault.key")).doesNotExist();
  }

  // --- rotate-key ----------------------------------------------------------------------------------------------

  @Test
  void rotateKeyWithoutTheVariableSetIsAUsageError() {
    assertThat(run("vault", "rotate-key", "--new-key-env", "NEW_VAULT_KEY")).isEqualTo(2);

    assertThat(err.toString()).contains("NEW_VAULT_KEY is not set");
  }

  @Test
  void rotateKeyWithAnEmptyOrBlankVariableIsAUsageError() {
    env.put("NEW_VAULT_KEY", "");
    assertThat(run("vault", "rotate-key", "--new-key-env", "NEW_VAULT_KEY")).isEqualTo(2);
    assertThat(err.toString()).contains("NEW_VAULT_KEY is empty");

    env.put("NEW_VAULT_KEY", "   ");
    assertThat(run("vault", "rotate-key", "--new-key-env", "NEW_VAULT_KEY")).isEqualTo(2);
    assertThat(err.toString()).contains("NEW_VAULT_KEY is empty");
  }

  @Test
  void rotateKeyWithoutTheOptionIsAUsageError() {
    assertThat(run("vault", "rotate-key")).isEqualTo(2);
    assertThat(err.toString()).contains("--new-key-env");
  }

  @Test
  void rotateKeyRefusesTheCurrentKeysVariableAsTheNewOne() {
    env.put("ORCHEO_VAULT_ENCRYPTION_KEY", ENV_KEY);

    assertThat(run("vault", "rotate-key", "--new-key-env", "ORCHEO_VAULT_ENCRYPTION_KEY")).isEqualTo(2);

    assertThat(err.toString()).contains("another variable than ORCHEO_VAULT_ENCRYPTION_KEY");
  }

  @Test
  void rotateKeyRefusesABatchSizeBelowOne() {
    env.put("NEW_VAULT_KEY", NEW_KEY);

    assertThat(run("vault", "rotate-key", "--new-key-env", "NEW_VAULT_KEY", "--batch-size", "0")).isEqualTo(2);

    assertThat(err.toString()).contains("--batch-size must be at least 1");
  }

  @Test
  void rotateKeyFromTheEnvironmentKeyPrintsProgressAndTheReportAndTellsToSetTheNewKey() {
    env.put("ORCHEO_VAULT_ENCRYPTION_KEY", ENV_KEY);
    env.put("NEW_VAULT_KEY", NEW_KEY);
    List<Credential> created = seed(vault -> {
      List<Credential> credentials = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        credentials.add(secret(vault, "key-" + i, "sk-" + i + "-" + UUID.randomUUID(), CredentialScope.unrestricted()));
      }
      credentials.add(oauth(vault, "Google"));
      return credentials;
    });
    List<String> secrets = seed(vault -> created.stream()
        .map(c -> vault.revealSecret(c.id(), AccessContext.none()).reveal()).toList());

    assertThat(run("vault", "rotate-key", "--new-key-env", "NEW_VAULT_KEY", "--batch-size", "4")).isZero();

    assertThat(out.toString())
        .contains("current key from ORCHEO_VAULT_ENCRYPTION_KEY")
        .contains("  4/6 credentials re-encrypted")
        .contains("  6/6 credentials re-encrypted")
        .contains("credentials:            6")
        .contains("re-encrypted:           6")
        .contains("already under new key:  0")
        .contains("verified:               7 secret(s) and token(s)")
        .contains("Set ORCHEO_VAULT_ENCRYPTION_KEY to the value of NEW_VAULT_KEY")
        .doesNotContain("key file:");
    assertNothingSensitivePrinted();

    env.put("ORCHEO_VAULT_ENCRYPTION_KEY", NEW_KEY);
    List<String> revealed = seed(vault -> created.stream()
        .map(c -> vault.revealSecret(c.id(), AccessContext.none()).reveal()).toList());
    assertThat(revealed).isEqualTo(secrets);
    env.put("ORCHEO_VAULT_ENCRYPTION_KEY", ENV_KEY);
    seed(vault -> {
      assertThatThrownBy(() -> vault.revealSecret(created.get(0).id(), AccessContext.none()))
          .isInstanceOf(VaultDecryptionException.class);
      return null;
    });
    assertThat(dir.resolve("vault.key")).doesNotExist();
  }

  @Test
  void rotateKeyFromTheKeyFileReplacesTheFileAndSaysSo() {
    env.put("NEW_VAULT_KEY", "  " + NEW_KEY + "\n");
    Credential stripe = seed(vault -> secret(vault, "Stripe", "sk-live-stripe", CredentialScope.unrestricted()));
    Path keyFile = dir.resolve("vault.key");
    String oldKey = read(keyFile);
    sensitive.add(oldKey);

    assertThat(run("vault", "rotate-key", "--new-key-env", "NEW_VAULT_KEY")).isZero();

    assertThat(out.toString())
        .contains("current key from the key file")
        .contains("re-encrypted:           1")
        .contains("key file:               " + keyFile + " now holds the new key")
        .doesNotContain("Set ORCHEO_VAULT_ENCRYPTION_KEY");
    // The variable's value stripped, as ORCHEO_VAULT_ENCRYPTION_KEY's would be.
    assertThat(read(keyFile)).isEqualTo(NEW_KEY);
    String revealed = seed(vault -> vault.revealSecret(stripe.id(), AccessContext.none()).reveal());
    assertThat(revealed).isEqualTo("sk-live-stripe");
    assertNothingSensitivePrinted();
  }

  @Test
  void rotateKeyRunAgainReEncryptsNothing() {
    env.put("ORCHEO_VAULT_ENCRYPTION_KEY", ENV_KEY);
    env.put("NEW_VAULT_KEY", NEW_KEY);
    seed(vault -> secret(vault, "Stripe", "sk-live-stripe", CredentialScope.unrestricted()));
    assertThat(run("vault", "rotate-key", "--new-key-env", "NEW_VAULT_KEY")).isZero();

    assertThat(run("vault", "rotate-key", "--new-key-env", "NEW_VAULT_KEY")).isZero();

    assertThat(out.toString()).contains("re-encrypted:           0").contains("already under new key:  1")
        .contains("verified:               1 secret(s) and token(s)");
  }

  @Test
  void rotateKeyWithAWrongCurrentKeyExitsWithTheConfigurationCodeAndWritesNothing() {
    seed(vault -> secret(vault, "Stripe", "sk-live-stripe", CredentialScope.unrestricted()));
    String keyFile = read(dir.resolve("vault.key"));
    env.put("ORCHEO_VAULT_ENCRYPTION_KEY", ENV_KEY); // not the key the vault was written with
    env.put("NEW_VAULT_KEY", NEW_KEY);

    assertThat(run("vault", "rotate-key", "--new-key-env", "NEW_VAULT_KEY")).isEqualTo(OrcheoDb.EXIT_CONFIGURATION);

    assertThat(err.toString()).contains("Nothing was re-encrypted");
    sensitive.add(keyFile);
    assertNothingSensitivePrinted();
    assertThat(read(dir.resolve("vault.key"))).isEqualTo(keyFile);
    env.remove("ORCHEO_VAULT_ENCRYPTION_KEY");
    String revealed = seed(vault -> vault.revealSecret(vault.listAllCredentials().get(0).id(),
        AccessContext.none()).reveal());
    assertThat(revealed).isEqualTo("sk-live-stripe");
  }
}
