package io.orcheo.persistence.it.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.config.Secret;
import io.orcheo.persistence.core.vault.Credential;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link VaultCredentialsContract} on a SQLite file, plus what only the file vault does (spec §D.2, key sourcing):
 * without a configured key it makes one, 64 hex characters in {@code vault.key} next to {@code vault.sqlite},
 * readable by its owner only, and uses it again on the next opening.
 */
class SqliteVaultCredentialsTest extends VaultCredentialsContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.SQLITE;
  }

  private Path keyFile() {
    return persistence.settings().vaultSqlitePath().resolveSibling("vault.key");
  }

  @Test
  void vaultWithoutKeyMakesA64HexCharacterKeyFileNextToItsDatabase() throws Exception {
    credential("Stripe");

    assertThat(keyFile()).exists();
    assertThat(Files.readString(keyFile(), StandardCharsets.UTF_8).strip()).matches("[0-9a-f]{64}");
  }

  @Test
  void generatedKeyFileIsReadableByItsOwnerOnly() throws Exception {
    credential("Stripe");

    assertThat(Files.getPosixFilePermissions(keyFile()))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  }

  @Test
  void existingKeyFileIsUsedAndLeftAsItIs() throws Exception {
    Credential created = credential("Stripe");
    String key = Files.readString(keyFile(), StandardCharsets.UTF_8);
    persistence.close();

    persistence = OrcheoPersistence.open(persistence.settings(), clock);

    assertThat(vault().revealSecret(created.id(), none()).reveal()).isEqualTo(secretOf("Stripe"));
    assertThat(Files.readString(keyFile(), StandardCharsets.UTF_8)).isEqualTo(key);
  }

  @Test
  void keyFileTextServesAsTheConfiguredKey() throws Exception {
    // Upstream hashes the key file's text as it hashes a configured key (§D.2): the same vault opened with that
    // text as ORCHEO_VAULT_ENCRYPTION_KEY reads what the key file's vault wrote.
    Credential created = credential("Stripe");
    String key = Files.readString(keyFile(), StandardCharsets.UTF_8).strip();

    try (OrcheoPersistence sameKey = OrcheoPersistence.open(
        persistence.settings().withVaultEncryptionKey(Secret.of(key)), clock)) {
      assertThat(sameKey.vault().revealSecret(created.id(), none()).reveal()).isEqualTo(secretOf("Stripe"));
    }
  }
}
