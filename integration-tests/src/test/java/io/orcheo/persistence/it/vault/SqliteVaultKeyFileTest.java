package io.orcheo.persistence.it.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.Secret;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.error.ConfigurationException;
import io.orcheo.persistence.core.vault.AccessContext;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.core.vault.CredentialVault;
import io.orcheo.persistence.core.vault.NewCredential;
import io.orcheo.persistence.core.vault.VaultDecryptionException;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.MutableClock;
import io.orcheo.persistence.it.support.StoreRows;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.it.support.Together;
import io.orcheo.persistence.it.vault.VaultRotationFixture.Created;
import io.orcheo.persistence.it.vault.VaultRotationFixture.SimulatedCrash;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.jooq.runtime.Transactor;
import io.orcheo.persistence.jooq.vault.VaultKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite vault's key file (spec §D.2): without {@code ORCHEO_VAULT_ENCRYPTION_KEY} the key is read from
 * {@code <vault dir>/<file stem>.key}, created with 64 hex characters and permissions 0600 when missing or empty,
 * never silently replaced while the vault holds credentials, and replaced by a key rotation once the rotation is
 * verified.
 */
class SqliteVaultKeyFileTest {
  private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
  private static final Secret NEW_KEY = Secret.of("new vault key 0e1f2d3c4b5a69788796a5b4c3d2e1f0");
  private static final Secret ENVIRONMENT_KEY = Secret.of("the key of ORCHEO_VAULT_ENCRYPTION_KEY");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(BackendContract.START);
  private final List<OrcheoPersistence> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(OrcheoPersistence::close);
  }

  /** Settings with the vault at {@code dir/vault.sqlite} and no vault key. */
  private PersistenceSettings settings() {
    return PersistenceSettings.defaults().withSqliteDirectory(dir);
  }

  private OrcheoPersistence open(PersistenceSettings settings) {
    OrcheoPersistence persistence = OrcheoPersistence.open(settings, clock);
    opened.add(persistence);
    return persistence;
  }

  private OrcheoPersistence open() {
    return open(settings());
  }

  private Path keyFile() {
    return dir.resolve("vault.key");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }

  private static Set<PosixFilePermission> permissions(Path file) throws IOException {
    return Files.getPosixFilePermissions(file);
  }

  /** Whether the stored secret of {@code id} opens with {@code key}, read beneath the vault. */
  private static boolean storedUnder(OrcheoPersistence persistence, Credential credential, Secret key)
      throws SQLException {
    String payload = new StoreRows(persistence, TestBackend.SQLITE, Store.VAULT).payloadText("credentials",
        credential.id());
    return VaultRotationFixture.envelopes(payload).stream().allMatch(e -> VaultRotationFixture.opens(key, e));
  }

  private static Credential stripe(CredentialVault vault) {
    return vault.createCredential(NewCredential.secret("Stripe", "stripe", "sk-live-1", "tester"));
  }

  // --- Creation and reuse ----------------------------------------------------------------------------------------

  @Test
  void withoutAKeyTheVaultCreatesAKeyFileOf64HexCharactersReadableByItsOwnerOnly() throws Exception {
    OrcheoPersistence persistence = open();

    Credential credential = stripe(persistence.vault());

    assertThat(keyFile()).exists();
    String key = read(keyFile());
    assertThat(key).matches("[0-9a-f]{64}");
    assertThat(permissions(keyFile())).isEqualTo(OWNER_READ_WRITE);
    // The file's text is the key string, hashed like ORCHEO_VAULT_ENCRYPTION_KEY's (not hex-decoded).
    assertThat(storedUnder(persistence, credential, Secret.of(key))).isTrue();
  }

  @Test
  void anEmptyKeyFileIsReplacedByANewKeyWhenTheVaultIsEmpty() throws Exception {
    Files.writeString(keyFile(), "");
    Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r--r--"));

    stripe(open().vault());

    assertThat(read(keyFile())).matches("[0-9a-f]{64}");
    assertThat(permissions(keyFile())).isEqualTo(OWNER_READ_WRITE);
  }

  @Test
  void theKeyFileIsNamedAfterTheVaultFileAndLiesBesideIt() throws Exception {
    Path vaultFile = dir.resolve("secrets").resolve("team-vault.db");
    PersistenceSettings settings = PersistenceSettings.fromMap(Map.of(
        PersistenceSettings.REPOSITORY_SQLITE_PATH_KEY, dir.resolve("workflows.sqlite").toString(),
        PersistenceSettings.CHATKIT_SQLITE_PATH_KEY, dir.resolve("chatkit.sqlite").toString(),
        PersistenceSettings.CHATKIT_STORAGE_PATH_KEY, dir.resolve("chatkit").toString(),
        PersistenceSettings.VAULT_LOCAL_PATH_KEY, vaultFile.toString()));

    stripe(open(settings).vault());

    assertThat(dir.resolve("secrets").resolve("team-vault.key")).exists();
    assertThat(read(dir.resolve("secrets").resolve("team-vault.key"))).matches("[0-9a-f]{64}");
    assertThat(keyFile()).doesNotExist();
  }

  @Test
  void theKeyFileIsReusedWhenTheVaultIsOpenedAgain() {
    OrcheoPersistence first = open();
    Credential credential = stripe(first.vault());
    String key = read(keyFile());
    first.close();
    opened.remove(first);

    CredentialVault reopened = open().vault();

    assertThat(reopened.revealSecret(credential.id(), AccessContext.none()).reveal()).isEqualTo("sk-live-1");
    assertThat(read(keyFile())).isEqualTo(key);
  }

  @Test
  void instancesOpeningAFreshVaultTogetherAgreeOnOneKey() throws Exception {
    assertInstancesOpeningTogetherAgreeOnOneKey();
  }

  @Test
  void processesLookingUpTheKeyOfAFreshVaultTogetherAllGetTheKeyFilesKey() throws Exception {
    assertKeyLookupsTogetherAgree(() -> Files.deleteIfExists(keyFile()));
  }

  @Test
  void processesLookingUpTheKeyOfAnEmptyKeyFileTogetherAllGetTheKeyFilesKey() throws Exception {
    assertKeyLookupsTogetherAgree(() -> Files.writeString(keyFile(), ""));
  }

  /** Eight processes' first vault() at once, each storing a secret: one key file, every secret opening with it. */
  private void assertInstancesOpeningTogetherAgreeOnOneKey() throws Exception {
    int instances = 8;
    List<OrcheoPersistence> processes = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      processes.add(open());
    }
    List<Credential> created = Collections.synchronizedList(new ArrayList<>());

    Together.run(instances, 60, thread -> created.add(processes.get(thread).vault()
        .createCredential(NewCredential.secret("key " + thread, "openai", "sk-" + thread, "tester"))));

    assertThat(read(keyFile())).matches("[0-9a-f]{64}");
    CredentialVault restarted = open().vault();
    for (Credential credential : created) {
      assertThat(restarted.revealSecret(credential.id(), AccessContext.none()).reveal())
          .as("secret of %s, revealed with the key file", credential.name())
          .isEqualTo("sk-" + credential.name().substring(4));
    }
  }

  /** What makes the key file missing or empty before a round. */
  @FunctionalInterface
  private interface Setup {
    void run() throws IOException;
  }

  /**
   * Rounds of eight threads looking the key up at once ({@link VaultKey#resolve}, what each process's first
   * {@code vault()} does) on an empty vault: in every round they all get one key, the one the file then holds.
   */
  private void assertKeyLookupsTogetherAgree(Setup setup) throws Exception {
    OrcheoPersistence persistence = open();
    Transactor transactor = persistence.database(Store.VAULT).transactor();
    int threads = 8;
    for (int round = 0; round < 40; round++) {
      setup.run();
      Set<String> keys = ConcurrentHashMap.newKeySet();
      Together.run(threads, 60, thread -> keys.add(VaultKey.resolve(settings(), transactor).key().reveal()));
      assertThat(keys).as("keys handed out in round %d", round).containsExactly(read(keyFile()));
    }
  }

  // --- Refusals and precedence -----------------------------------------------------------------------------------

  @Test
  void aMissingKeyFileIsRefusedWhileTheVaultHoldsCredentialsAndNoNewKeyIsWritten() throws IOException {
    OrcheoPersistence first = open();
    Credential credential = stripe(first.vault());
    String key = read(keyFile());
    first.close();
    opened.remove(first);
    Files.delete(keyFile());

    OrcheoPersistence reopened = open();
    assertThatThrownBy(reopened::vault).isInstanceOf(ConfigurationException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key));
    assertThat(keyFile()).as("no new key silently generated").doesNotExist();

    // Putting the file back is the fix.
    Files.writeString(keyFile(), key);
    assertThat(open().vault().revealSecret(credential.id(), AccessContext.none()).reveal()).isEqualTo("sk-live-1");
  }

  @Test
  void anEmptyKeyFileIsRefusedWhileTheVaultHoldsCredentials() throws IOException {
    OrcheoPersistence first = open();
    stripe(first.vault());
    first.close();
    opened.remove(first);
    Files.writeString(keyFile(), "");

    assertThatThrownBy(() -> open().vault()).isInstanceOf(ConfigurationException.class);
    assertThat(read(keyFile())).as("the empty file is not filled with a new key").isEmpty();
  }

  @Test
  void theEnvironmentKeyTakesPrecedenceOverTheKeyFile() throws Exception {
    OrcheoPersistence first = open();
    Credential underFileKey = stripe(first.vault());
    String fileKey = read(keyFile());

    OrcheoPersistence withKey = open(settings().withVaultEncryptionKey(ENVIRONMENT_KEY));
    CredentialVault vault = withKey.vault();
    Credential underEnvironmentKey =
        vault.createCredential(NewCredential.secret("OpenAI", "openai", "sk-openai", "tester"));

    assertThatThrownBy(() -> vault.revealSecret(underFileKey.id(), AccessContext.none()))
        .isInstanceOf(VaultDecryptionException.class);
    assertThat(storedUnder(withKey, underEnvironmentKey, ENVIRONMENT_KEY)).isTrue();
    assertThat(storedUnder(withKey, underEnvironmentKey, Secret.of(fileKey))).isFalse();
    assertThat(read(keyFile())).isEqualTo(fileKey);
  }

  @Test
  void withTheEnvironmentKeyNoKeyFileIsCreated() {
    CredentialVault vault = open(settings().withVaultEncryptionKey(ENVIRONMENT_KEY)).vault();

    stripe(vault);

    assertThat(keyFile()).doesNotExist();
  }

  // --- Rotation --------------------------------------------------------------------------------------------------

  @Test
  void rotationReplacesTheKeyFileWithTheNewKey() throws Exception {
    OrcheoPersistence persistence = open();
    List<Created> created = VaultRotationFixture.create(persistence.vault(), 12, "cred");
    Secret oldKey = Secret.of(read(keyFile()));

    var report = persistence.vaultKeyRotation(NEW_KEY).withBatchSize(5).run();

    assertThat(report.keyFileReplaced()).isEqualTo(Optional.of(keyFile()));
    assertThat(report.reencrypted()).isEqualTo(12);
    assertThat(report.envelopesVerified()).isEqualTo(VaultRotationFixture.envelopes(created));
    assertThat(read(keyFile())).isEqualTo(NEW_KEY.reveal());
    assertThat(permissions(keyFile())).isEqualTo(OWNER_READ_WRITE);
    assertThat(persistence.vault().revealSecret(created.get(0).id(), AccessContext.none()).reveal())
        .isEqualTo(created.get(0).secret());

    // A process started afterwards reads the new key from the file; the old key opens nothing.
    CredentialVault reopened = open().vault();
    for (Created credential : created) {
      assertThat(reopened.revealSecret(credential.id(), AccessContext.withRoles("ops")).reveal())
          .isEqualTo(credential.secret());
    }
    CredentialVault withOldKey = open(settings().withVaultEncryptionKey(oldKey)).vault();
    for (Created credential : created) {
      assertThatThrownBy(() -> withOldKey.revealSecret(credential.id(), AccessContext.withRoles("ops")))
          .isInstanceOf(VaultDecryptionException.class);
    }
  }

  @Test
  void anInterruptedRotationLeavesTheKeyFileAloneUntilTheResumedOneIsVerified() throws Exception {
    OrcheoPersistence persistence = open();
    List<Created> created = VaultRotationFixture.create(persistence.vault(), 40, "cred");
    String oldKey = read(keyFile());

    assertThatThrownBy(() -> persistence.vaultKeyRotation(NEW_KEY).withBatchSize(10).run((done, total) -> {
      if (done >= total / 2) {
        throw new SimulatedCrash(done);
      }
    })).satisfies(e -> assertThat(VaultRotationFixture.causeOf(e, SimulatedCrash.class)).isNotNull());

    assertThat(read(keyFile())).as("the old key, which still opens the credentials not yet rotated")
        .isEqualTo(oldKey);

    // Resumed by a process started afresh, which takes the old key from the file.
    var report = open().vaultKeyRotation(NEW_KEY).withBatchSize(10).run();

    assertThat(report.reencrypted()).isEqualTo(20);
    assertThat(report.alreadyUnderNewKey()).isEqualTo(20);
    assertThat(report.keyFileReplaced()).contains(keyFile());
    assertThat(read(keyFile())).isEqualTo(NEW_KEY.reveal());
    CredentialVault reopened = open().vault();
    for (Created credential : created) {
      assertThat(reopened.revealSecret(credential.id(), AccessContext.withRoles("ops")).reveal())
          .isEqualTo(credential.secret());
    }
  }

  @Test
  void rotatingTheKeyFileToAKeyWithSurroundingWhitespaceIsRefusedAndTheKeyFileKept() throws Exception {
    OrcheoPersistence persistence = open();
    List<Created> created = VaultRotationFixture.create(persistence.vault(), 4, "cred");
    String oldKey = read(keyFile());

    assertThatThrownBy(() -> persistence.vaultKeyRotation(Secret.of("padded key\n")).run())
        .isInstanceOf(ValidationException.class);

    assertThat(read(keyFile())).isEqualTo(oldKey);
    CredentialVault restarted = open().vault();
    for (Created credential : created) {
      assertThat(restarted.revealSecret(credential.id(), AccessContext.withRoles("ops")).reveal())
          .isEqualTo(credential.secret());
    }
  }


  @Test
  void aRotationFromTheEnvironmentKeyLeavesTheKeyFileAlone() throws Exception {
    Files.writeString(keyFile(), "a key file nobody uses");
    PersistenceSettings withKey = settings().withVaultEncryptionKey(ENVIRONMENT_KEY);
    OrcheoPersistence persistence = open(withKey);
    VaultRotationFixture.create(persistence.vault(), 5, "cred");

    var report = persistence.vaultKeyRotation(NEW_KEY).run();

    assertThat(report.keyFileReplaced()).isEmpty();
    assertThat(read(keyFile())).isEqualTo("a key file nobody uses");
  }

  @Test
  void aRotationFromTheEnvironmentKeyCreatesNoKeyFile() {
    OrcheoPersistence persistence = open(settings().withVaultEncryptionKey(ENVIRONMENT_KEY));
    VaultRotationFixture.create(persistence.vault(), 5, "cred");

    persistence.vaultKeyRotation(NEW_KEY).run();

    assertThat(keyFile()).doesNotExist();
  }
}
