package io.orcheo.persistence.it.vault;

import static io.orcheo.persistence.it.vault.VaultRotationFixture.causeOf;
import static io.orcheo.persistence.it.vault.VaultRotationFixture.envelopeJson;
import static io.orcheo.persistence.it.vault.VaultRotationFixture.payloads;
import static io.orcheo.persistence.it.vault.VaultRotationFixture.underKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.Secret;
import io.orcheo.persistence.core.error.ConfigurationException;
import io.orcheo.persistence.core.error.PersistenceException;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.vault.AccessContext;
import io.orcheo.persistence.core.vault.AesGcmCipher;
import io.orcheo.persistence.core.vault.AlertKind;
import io.orcheo.persistence.core.vault.AlertSeverity;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.CredentialVault;
import io.orcheo.persistence.core.vault.NewAlert;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.core.vault.NewTemplate;
import io.orcheo.persistence.core.vault.OAuthTokens;
import io.orcheo.persistence.core.vault.VaultDecryptionException;
import io.orcheo.persistence.core.vault.VaultKeyMismatchException;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.StoreRows;
import io.orcheo.persistence.it.vault.VaultRotationFixture.Created;
import io.orcheo.persistence.it.vault.VaultRotationFixture.SimulatedCrash;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Re-encrypting the vault under a new key ({@code OrcheoPersistence.vaultKeyRotation}) on every backend, with the
 * old key given in the settings ({@code ORCHEO_VAULT_ENCRYPTION_KEY}); the SQLite key file is
 * {@link SqliteVaultKeyFileTest}'s.
 *
 * <p>What an operator relies on: a rotation that stops half-way (a crash, simulated by a listener that throws after a
 * batch committed) leaves every credential wholly under one key and is finished by running it again; at the end
 * every secret and OAuth token opens with the new key and none with the old; a wrong old key is found before
 * anything is written; and rotating again to the same key changes nothing but still checks everything.
 */
public abstract class VaultKeyRotationContract extends BackendContract {
  static final Secret OLD_KEY = Secret.of("old vault key 6f1d2c3b4a5968778695a4b3c2d1e0f0");
  static final Secret NEW_KEY = Secret.of("new vault key 0e1f2d3c4b5a69788796a5b4c3d2e1f0");
  static final Secret WRONG_KEY = Secret.of("not the vault's key");

  private static final int MANY = 1_000;
  private static final int BATCH = 50;

  private final List<OrcheoPersistence> others = new ArrayList<>();
  private PersistenceSettings settings;

  /** The base class opens without a vault key, which a PostgreSQL vault refuses: reopen with the old key. */
  @BeforeEach
  void openWithTheOldKey() {
    settings = persistence.settings().withVaultEncryptionKey(OLD_KEY);
    persistence.close();
    persistence = OrcheoPersistence.open(settings, clock);
  }

  @AfterEach
  void closeOtherInstances() {
    others.forEach(OrcheoPersistence::close);
  }

  /** Another instance on the test's databases, as another process would open them, with {@code key}. */
  private OrcheoPersistence openWith(Secret key) {
    OrcheoPersistence other = OrcheoPersistence.open(settings.withVaultEncryptionKey(key), clock);
    others.add(other);
    return other;
  }

  private CredentialVault vault() {
    return persistence.vault();
  }

  private StoreRows rows() {
    return new StoreRows(persistence, backend(), Store.VAULT);
  }

  /** Every secret and token of {@code created} is revealed by {@code vault} as it was created. */
  private static void assertRevealsAll(CredentialVault vault, List<Created> created) {
    for (Created credential : created) {
      assertThat(vault.revealSecret(credential.id(), AccessContext.withRoles("ops")).reveal())
          .as("secret of %s", credential.name())
          .isEqualTo(credential.secret());
      OAuthTokens tokens = vault.revealOAuthTokens(credential.id(), AccessContext.withRoles("ops"));
      if (credential.hasTokens()) {
        assertThat(tokens.accessToken()).as("access token of %s", credential.name())
            .isEqualTo(credential.tokens().accessToken());
        assertThat(tokens.refreshToken()).as("refresh token of %s", credential.name())
            .isEqualTo(credential.tokens().refreshToken());
        assertThat(tokens.expiresAt()).as("expiry of %s", credential.name())
            .isEqualTo(credential.tokens().expiresAt());
      } else {
        assertThat(tokens == null || (tokens.accessToken() == null && tokens.refreshToken() == null))
            .as("no token of %s", credential.name())
            .isTrue();
      }
    }
  }

  /** No secret and no token of {@code created} opens in {@code vault}. */
  private static void assertRevealsNone(CredentialVault vault, List<Created> created) {
    for (Created credential : created) {
      assertThatThrownBy(() -> vault.revealSecret(credential.id(), AccessContext.withRoles("ops")))
          .as("secret of %s", credential.name())
          .isInstanceOf(VaultDecryptionException.class);
      if (credential.hasTokens()) {
        assertThatThrownBy(() -> vault.revealOAuthTokens(credential.id(), AccessContext.withRoles("ops")))
            .as("tokens of %s", credential.name())
            .isInstanceOf(VaultDecryptionException.class);
      }
    }
  }

  /** What a rotation may change of a credential: its envelopes, and nothing else. */
  private static List<String> withoutEnvelopes(List<Credential> credentials) {
    return credentials.stream()
        .map(c -> c.redacted() + " created=" + c.createdAt() + " updated=" + c.updatedAt() + " audit="
            + c.auditLog().stream().map(e -> e.actor() + "/" + e.action() + "/" + e.at() + "/" + e.metadata())
                .toList())
        .toList();
  }

  // --- An interrupted rotation, resumed --------------------------------------------------------------------------

  @Test
  void rotationInterruptedHalfWayAndResumedLeavesEverySecretAndTokenUnderTheNewKeyOnly() throws SQLException {
    List<Created> created = VaultRotationFixture.create(vault(), MANY, "cred");
    List<String> before = withoutEnvelopes(vault().listAllCredentials());
    List<int[]> progress = new ArrayList<>();

    // A crash after about half the batches: the listener throws once half the credentials are committed.
    assertThatThrownBy(() -> persistence.vaultKeyRotation(NEW_KEY).withBatchSize(BATCH).run((done, total) -> {
      progress.add(new int[] {done, total});
      if (done >= total / 2) {
        throw new SimulatedCrash(done);
      }
    })).satisfies(thrown -> assertThat(causeOf(thrown, SimulatedCrash.class)).as("the listener's exception").isNotNull());

    assertThat(progress).isNotEmpty().allSatisfy(step -> assertThat(step[1]).isEqualTo(MANY));
    for (int i = 0; i < progress.size(); i++) {
      int previous = i == 0 ? 0 : progress.get(i - 1)[0];
      assertThat(progress.get(i)[0] - previous).as("credentials of batch %d", i + 1).isBetween(1, BATCH);
    }
    int committed = progress.get(progress.size() - 1)[0];
    assertThat(committed).isBetween(MANY / 2, MANY / 2 + BATCH - 1);
    // Every committed batch is under the new key, whole credentials at a time; the rest still under the old one.
    assertThat(underKeys(rows(), OLD_KEY, NEW_KEY)).containsExactly(MANY - committed, committed);

    var report = persistence.vaultKeyRotation(NEW_KEY).withBatchSize(BATCH).run();

    assertThat(report.credentials()).isEqualTo(MANY);
    assertThat(report.reencrypted()).isEqualTo(MANY - committed);
    assertThat(report.alreadyUnderNewKey()).isEqualTo(committed);
    assertThat(report.envelopesVerified()).isEqualTo(VaultRotationFixture.envelopes(created));
    assertThat(report.keyFileReplaced()).as("no key file: the old key came from the settings").isEmpty();
    assertThat(underKeys(rows(), OLD_KEY, NEW_KEY)).containsExactly(0, MANY);

    assertRevealsAll(openWith(NEW_KEY).vault(), created);
    assertRevealsNone(openWith(OLD_KEY).vault(), created);
    assertThat(withoutEnvelopes(openWith(NEW_KEY).vault().listAllCredentials()))
        .as("names, scopes, health, times and audit logs, unchanged")
        .isEqualTo(before);
  }

  @Test
  void afterARotationTheSameInstanceReadsAndWritesUnderTheNewKey() throws SQLException {
    List<Created> created = VaultRotationFixture.create(vault(), 12, "cred");

    persistence.vaultKeyRotation(NEW_KEY).withBatchSize(5).run();

    assertRevealsAll(vault(), created);
    Credential added = vault().createCredential(NewCredential.secret("after", "stripe", "sk-after", "tester"));
    String payload = rows().payloadText("credentials", added.id());
    assertThat(VaultRotationFixture.envelopes(payload))
        .allSatisfy(envelope -> assertThat(VaultRotationFixture.opens(NEW_KEY, envelope)).isTrue());
    assertThat(openWith(NEW_KEY).vault().revealSecret(added.id(), AccessContext.none()).reveal())
        .isEqualTo("sk-after");
  }

  @Test
  void rotationReportsEveryCredentialAndTakesOneBatchPerBatchSize() {
    List<Created> created = VaultRotationFixture.create(vault(), 12, "cred");
    List<Integer> done = new ArrayList<>();

    var report = persistence.vaultKeyRotation(NEW_KEY).withBatchSize(5).run((count, total) -> done.add(count));

    assertThat(done).containsExactly(5, 10, 12);
    assertThat(report.credentials()).isEqualTo(12);
    assertThat(report.reencrypted()).isEqualTo(12);
    assertThat(report.alreadyUnderNewKey()).isZero();
    assertThat(report.envelopesVerified()).isEqualTo(VaultRotationFixture.envelopes(created));
  }

  @Test
  void anEmptyVaultRotatesToAReportOfZeros() {
    var report = persistence.vaultKeyRotation(NEW_KEY).run();

    assertThat(report.credentials()).isZero();
    assertThat(report.reencrypted()).isZero();
    assertThat(report.alreadyUnderNewKey()).isZero();
    assertThat(report.envelopesVerified()).isZero();
  }

  // --- The wrong old key -----------------------------------------------------------------------------------------

  @Test
  void aWrongOldKeyFailsBeforeAnythingIsWritten() throws SQLException {
    List<Created> created = VaultRotationFixture.create(vault(), 30, "cred");
    Map<String, String> before = payloads(rows());
    List<Integer> batches = new ArrayList<>();

    OrcheoPersistence wrong = openWith(WRONG_KEY);
    assertThatThrownBy(() -> wrong.vaultKeyRotation(NEW_KEY).withBatchSize(5).run((done, total) -> batches.add(done)))
        .isInstanceOf(VaultKeyMismatchException.class)
        .isInstanceOf(ConfigurationException.class)
        .satisfies(e -> assertThat(e.getMessage())
            .doesNotContain(WRONG_KEY.reveal(), NEW_KEY.reveal(), OLD_KEY.reveal()));

    assertThat(batches).as("batches committed").isEmpty();
    assertThat(payloads(rows())).isEqualTo(before);
    assertRevealsAll(vault(), created);
  }

  @Test
  void aCredentialUnderAThirdKeyFailsTheRotationBeforeAnyOtherIsRewritten() throws SQLException {
    VaultRotationFixture.create(vault(), 30, "cred");
    // The last credential, in the order a rotation walks them, written by a process with another key.
    clock.advance(Duration.ofMinutes(1));
    openWith(WRONG_KEY).vault().createCredential(NewCredential.secret("stray", "stripe", "sk-stray", "tester"));
    Map<String, String> before = payloads(rows());

    assertThatThrownBy(() -> persistence.vaultKeyRotation(NEW_KEY).withBatchSize(5).run())
        .isInstanceOf(VaultKeyMismatchException.class);

    assertThat(payloads(rows())).as("not one batch written").isEqualTo(before);
  }

  @Test
  void anOAuthTokenUnderAThirdKeyFailsTheRotationBeforeAnythingIsWritten() throws SQLException {
    VaultRotationFixture.create(vault(), 10, "cred");
    Credential oauth = vault().createCredential(NewCredential.oauth("tokens", "google", "client-secret",
        new OAuthTokens("access", "refresh", null), "tester"));
    // Its secret opens with the old key; its refresh token with none the rotation knows.
    ObjectNode payload = rows().payload("credentials", oauth.id());
    ((ObjectNode) payload.get("oauth_tokens"))
        .set("refresh_token", envelopeJson(new AesGcmCipher(WRONG_KEY).encrypt("refresh")));
    rows().replacePayload("credentials", oauth.id(), payload);
    Map<String, String> before = payloads(rows());

    assertThatThrownBy(() -> persistence.vaultKeyRotation(NEW_KEY).withBatchSize(3).run())
        .isInstanceOf(VaultKeyMismatchException.class);

    assertThat(payloads(rows())).isEqualTo(before);
  }

  @Test
  void resumingAnInterruptedRotationWithAnotherNewKeyIsRefusedBeforeAnythingIsWritten() throws SQLException {
    List<Created> created = VaultRotationFixture.create(vault(), 20, "cred");
    assertThatThrownBy(() -> persistence.vaultKeyRotation(NEW_KEY).withBatchSize(5).run((done, total) -> {
      if (done >= 10) {
        throw new SimulatedCrash(done);
      }
    })).satisfies(thrown -> assertThat(causeOf(thrown, SimulatedCrash.class)).isNotNull());
    Map<String, String> interrupted = payloads(rows());

    // The half under NEW_KEY opens with neither the current key nor this third one.
    assertThatThrownBy(() -> persistence.vaultKeyRotation(WRONG_KEY).withBatchSize(5).run())
        .isInstanceOf(VaultKeyMismatchException.class);

    assertThat(payloads(rows())).isEqualTo(interrupted);
    persistence.vaultKeyRotation(NEW_KEY).withBatchSize(5).run();
    assertRevealsAll(openWith(NEW_KEY).vault(), created);
  }

  // --- Writers that were not stopped -----------------------------------------------------------------------------

  @Test
  void tokensWrittenUnderTheOldKeyWhileTheRotationRanFailItsFinalCheckAndASecondRunFinishes() throws SQLException {
    List<Created> created = VaultRotationFixture.create(vault(), 12, "cred");
    Created google = created.stream().filter(Created::hasTokens).findFirst().orElseThrow();
    OAuthTokens refreshed = new OAuthTokens("refreshed-access", "refreshed-refresh", null);
    CredentialVault stillOld = openWith(OLD_KEY).vault();

    // A process that was not stopped refreshes tokens of a credential already re-encrypted, under the old key.
    assertThatThrownBy(() -> persistence.vaultKeyRotation(NEW_KEY).withBatchSize(5).run((done, total) -> {
      if (done == total) {
        stillOld.updateOAuthTokens(google.id(), refreshed, "worker", AccessContext.withRoles("ops"));
      }
    })).isInstanceOf(VaultKeyMismatchException.class)
        .hasMessageContaining(google.id().toString());

    var again = persistence.vaultKeyRotation(NEW_KEY).withBatchSize(5).run();
    assertThat(again.reencrypted()).isEqualTo(1);
    assertThat(again.alreadyUnderNewKey()).isEqualTo(11);
    OAuthTokens tokens = openWith(NEW_KEY).vault().revealOAuthTokens(google.id(), AccessContext.withRoles("ops"));
    assertThat(tokens.accessToken()).isEqualTo("refreshed-access");
    assertThat(tokens.refreshToken()).isEqualTo("refreshed-refresh");
  }

  @Test
  void aCredentialCreatedUnderTheOldKeyWhileTheRotationRanIsNotLeftBehindSilently() throws SQLException {
    VaultRotationFixture.create(vault(), 12, "cred");
    CredentialVault stillOld = openWith(OLD_KEY).vault();
    Credential[] late = new Credential[1];

    Throwable thrown = catchThrowable(() ->
        persistence.vaultKeyRotation(NEW_KEY).withBatchSize(5).run((done, total) -> {
          if (done == total) {
            late[0] = stillOld.createCredential(NewCredential.secret("late", "stripe", "sk-late", "worker"));
          }
        }));

    // Either the final check reports it (and a second run re-encrypts it), or it was re-encrypted: never a success
    // that leaves a secret only the old key opens.
    if (thrown == null) {
      assertThat(openWith(NEW_KEY).vault().revealSecret(late[0].id(), AccessContext.none()).reveal())
          .isEqualTo("sk-late");
    } else {
      assertThat(thrown).isInstanceOf(VaultKeyMismatchException.class).hasMessageContaining(late[0].id().toString());
    }
  }

  // --- Keys the settings cannot give back ------------------------------------------------------------------------

  @Test
  void aNewKeyWithSurroundingWhitespaceIsRefusedBeforeAnythingIsWritten() throws SQLException {
    VaultRotationFixture.create(vault(), 6, "cred");
    Map<String, String> before = payloads(rows());

    // The setting and the key file are read stripped: the vault could never be opened with this key again.
    assertThatThrownBy(() -> persistence.vaultKeyRotation(Secret.of(" padded new key\n")).run())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("whitespace");
    assertThat(payloads(rows())).isEqualTo(before);
  }


  @Test
  void anEmptyOrBlankNewKeyIsRefusedBeforeAnythingIsWritten() throws SQLException {
    VaultRotationFixture.create(vault(), 6, "cred");
    Map<String, String> before = payloads(rows());

    for (String blank : List.of("", "   ")) {
      assertThatThrownBy(() -> persistence.vaultKeyRotation(Secret.of(blank)).run())
          .as("new key '%s'", blank)
          .isInstanceOf(PersistenceException.class);
      assertThat(payloads(rows())).isEqualTo(before);
    }
  }

  // --- Rotating again --------------------------------------------------------------------------------------------

  @Test
  void rotatingTwiceToTheSameKeyChangesNothingTheSecondTimeButStillVerifies() throws SQLException {
    List<Created> created = VaultRotationFixture.create(vault(), 24, "cred");
    var first = persistence.vaultKeyRotation(NEW_KEY).withBatchSize(10).run();
    assertThat(first.reencrypted()).isEqualTo(24);
    Map<String, String> afterFirst = payloads(rows());

    var second = persistence.vaultKeyRotation(NEW_KEY).withBatchSize(10).run();

    assertThat(second.credentials()).isEqualTo(24);
    assertThat(second.reencrypted()).isZero();
    assertThat(second.alreadyUnderNewKey()).isEqualTo(24);
    assertThat(second.envelopesVerified()).isEqualTo(VaultRotationFixture.envelopes(created));
    assertThat(payloads(rows())).as("not rewritten").isEqualTo(afterFirst);
    assertRevealsAll(openWith(NEW_KEY).vault(), created);
  }

  @Test
  void aProcessStillConfiguredWithTheOldKeyRotatingToTheNewOneAgainChangesNothing() throws SQLException {
    List<Created> created = VaultRotationFixture.create(vault(), 24, "cred");
    persistence.vaultKeyRotation(NEW_KEY).run();
    Map<String, String> rotated = payloads(rows());

    var again = openWith(OLD_KEY).vaultKeyRotation(NEW_KEY).withBatchSize(7).run();

    assertThat(again.reencrypted()).isZero();
    assertThat(again.alreadyUnderNewKey()).isEqualTo(24);
    assertThat(again.envelopesVerified()).isEqualTo(VaultRotationFixture.envelopes(created));
    assertThat(payloads(rows())).isEqualTo(rotated);
    assertRevealsAll(openWith(NEW_KEY).vault(), created);
  }

  @Test
  void rotatingToTheCurrentKeyIsANoOpThatVerifies() throws SQLException {
    List<Created> created = VaultRotationFixture.create(vault(), 8, "cred");
    Map<String, String> before = payloads(rows());

    var report = persistence.vaultKeyRotation(OLD_KEY).run();

    assertThat(report.reencrypted()).isZero();
    assertThat(report.alreadyUnderNewKey()).isEqualTo(8);
    assertThat(report.envelopesVerified()).isEqualTo(VaultRotationFixture.envelopes(created));
    assertThat(report.keyFileReplaced()).isEqualTo(Optional.empty());
    assertThat(payloads(rows())).isEqualTo(before);
  }

  @Test
  void templatesAndAlertsAreLeftAsTheyWere() throws SQLException {
    List<Created> created = VaultRotationFixture.create(vault(), 4, "cred");
    vault().createTemplate(NewTemplate.of("Stripe", "stripe", List.of("read"), "tester"));
    vault().recordAlert(NewAlert.forCredential(created.get(0).id(), AlertKind.ROTATION_OVERDUE,
        AlertSeverity.WARNING, "rotate it", "tester"), AccessContext.none());
    List<List<String>> templates = rows().query("SELECT * FROM credential_templates ORDER BY id");
    List<List<String>> alerts = rows().query("SELECT * FROM governance_alerts ORDER BY id");

    persistence.vaultKeyRotation(NEW_KEY).run();

    assertThat(rows().query("SELECT * FROM credential_templates ORDER BY id")).isEqualTo(templates);
    assertThat(rows().query("SELECT * FROM governance_alerts ORDER BY id")).isEqualTo(alerts);
    assertThat(UUID.fromString(rows().text("SELECT id FROM credentials WHERE name = ?", "cred-0")))
        .isEqualTo(created.get(0).id());
  }
}
