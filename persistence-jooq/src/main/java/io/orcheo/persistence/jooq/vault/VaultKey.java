package io.orcheo.persistence.jooq.vault;

import static io.orcheo.persistence.jooq.generated.Tables.CREDENTIALS;

import io.orcheo.persistence.core.config.Backend;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.Secret;
import io.orcheo.persistence.core.error.ConfigurationException;
import io.orcheo.persistence.core.error.StorageUnavailableException;
import io.orcheo.persistence.jooq.runtime.SqliteSetupLock;
import io.orcheo.persistence.jooq.runtime.Transactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vault's key and where it came from, found as upstream finds it: {@code ORCHEO_VAULT_ENCRYPTION_KEY}, else,
 * for a SQLite vault, the key file next to it ({@code vault.sqlite} → {@code vault.key}), created with 64 random hex
 * characters and mode 0600 when missing or empty (under the vault file's setup lock, so that processes starting
 * together agree on one key). A PostgreSQL vault requires the setting.
 *
 * <p>Unlike upstream, a missing key file is not replaced while the vault holds credentials: a new key would not
 * decrypt them, and the operator should restore the file instead. {@link #toString()} never shows the key.
 *
 * @param key the key string
 * @param file the key file it was read from or written to, or empty when it came from the setting
 */
public record VaultKey(Secret key, Optional<Path> file) {
  private static final Logger log = LoggerFactory.getLogger(VaultKey.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  public VaultKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(file, "file");
  }

  /**
   * Finds the key for the vault the settings describe.
   *
   * @param vault the vault's database, to check that a missing key file is not hiding existing credentials
   * @throws ConfigurationException keyed {@code ORCHEO_VAULT_ENCRYPTION_KEY} for a PostgreSQL vault without it, or
   *     a SQLite vault with credentials but no key file
   */
  public static VaultKey resolve(PersistenceSettings settings, Transactor vault) {
    Optional<Secret> configured = settings.vaultEncryptionKey();
    if (configured.isPresent()) {
      return new VaultKey(configured.get(), Optional.empty());
    }
    if (settings.vaultBackend() == Backend.POSTGRES) {
      throw new ConfigurationException(PersistenceSettings.VAULT_ENCRYPTION_KEY_KEY,
          "ORCHEO_VAULT_ENCRYPTION_KEY must be set when using postgres.");
    }
    Path file = keyFile(settings.vaultSqlitePath());
    Optional<String> stored = read(file);
    if (stored.isPresent()) {
      return new VaultKey(Secret.of(stored.get()), Optional.of(file));
    }
    // Processes finding no key at once must agree on one: the first creates it, the others read it.
    try (SqliteSetupLock lock = SqliteSetupLock.acquire(settings.vaultSqlitePath())) {
      stored = read(file);
      if (stored.isPresent()) {
        return new VaultKey(Secret.of(stored.get()), Optional.of(file));
      }
      int credentials = vault.read("count credentials", dsl -> dsl.fetchCount(CREDENTIALS));
      if (credentials > 0) {
        throw new ConfigurationException(PersistenceSettings.VAULT_ENCRYPTION_KEY_KEY,
            "The vault " + settings.vaultSqlitePath() + " holds " + credentials + " credential"
                + (credentials == 1 ? "" : "s") + " but its key file " + file + " is missing or empty; a new key"
                + " would not decrypt them. Restore the key file or set ORCHEO_VAULT_ENCRYPTION_KEY.");
      }
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      Secret created = Secret.of(HexFormat.of().formatHex(bytes));
      replace(file, created);
      log.info("Created the vault key file {}", file);
      return new VaultKey(created, Optional.of(file));
    }
  }

  /** Upstream's place for the key of the SQLite vault {@code vaultFile}: its directory, its stem, {@code .key}. */
  public static Path keyFile(Path vaultFile) {
    String name = vaultFile.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return vaultFile.resolveSibling(stem + ".key");
  }

  /**
   * Writes {@code key} to {@code file} in one step (a sibling written first, then moved over it), mode 0600, so
   * that a crash leaves the old key or the new one, never half of one.
   */
  static void replace(Path file, Secret key) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temporary = temporaryFile(file, key.reveal());
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StorageUnavailableException("Could not write the vault key file " + file + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      String key = Files.readString(file, StandardCharsets.UTF_8).strip();
      warnIfShared(file);
      return key.isEmpty() ? Optional.empty() : Optional.of(key);
    } catch (IOException e) {
      throw new StorageUnavailableException("Could not read the vault key file " + file + ": " + e.getMessage(), e);
    }
  }

  private static Path temporaryFile(Path file, String content) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Path temporary;
    try {
      temporary = Files.createTempFile(directory, file.getFileName() + ".", ".tmp",
          PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (UnsupportedOperationException notPosix) {
      temporary = Files.createTempFile(directory, file.getFileName() + ".", ".tmp");
    }
    Files.writeString(temporary, content, StandardCharsets.UTF_8);
    return temporary;
  }

  private static void warnIfShared(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(permissions)) {
        log.warn("The vault key file {} can be read by others ({}); chmod 600 it",
            file, PosixFilePermissions.toString(permissions));
      }
    } catch (UnsupportedOperationException | IOException e) {
      // Not a POSIX file system, or unreadable attributes: nothing to check.
    }
  }

  @Override
  public String toString() {
    return "VaultKey[key=****, file=" + file + "]";
  }
}
