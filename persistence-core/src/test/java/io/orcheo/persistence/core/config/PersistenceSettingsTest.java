package io.orcheo.persistence.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.orcheo.persistence.core.error.ConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersistenceSettingsTest {
  private static final String DSN = "postgresql://orcheo:s3cret@db.example.com/orcheo";
  private static final Path HOME = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();

  private static PersistenceSettings settings(String... keysAndValues) {
    Map<String, String> environment = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      environment.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return PersistenceSettings.fromMap(environment);
  }

  private static ConfigurationException failure(String... keysAndValues) {
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> settings(keysAndValues));
    assertThat(e).as("reading the settings should fail").isNotNull();
    return e;
  }

  private static void assertNamesKey(ConfigurationException e, String key) {
    assertThat(e.key()).isEqualTo(key);
    assertThat(e).hasMessageContaining(key);
  }

  // ---------------------------------------------------------------------------------------------- defaults

  @Test
  void defaultsUseSqliteEverywhere() {
    PersistenceSettings defaults = PersistenceSettings.defaults();

    assertThat(defaults.repositoryBackend()).isEqualTo(Backend.SQLITE);
    assertThat(defaults.serviceTokenBackend()).isEqualTo(Backend.SQLITE);
    assertThat(defaults.chatkitBackend()).isEqualTo(Backend.SQLITE);
    assertThat(defaults.vaultBackend()).isEqualTo(Backend.SQLITE);
    assertThat(defaults.usesPostgres()).isFalse();
  }

  @Test
  void defaultSqliteFilesLieUnderDotOrcheoInTheHomeDirectory() {
    PersistenceSettings defaults = PersistenceSettings.defaults();

    assertThat(defaults.repositorySqlitePath()).isEqualTo(HOME.resolve(".orcheo/workflows.sqlite"));
    assertThat(defaults.serviceTokenSqlitePath()).isEqualTo(HOME.resolve(".orcheo/service_tokens.sqlite"));
    assertThat(defaults.chatkitSqlitePath()).isEqualTo(HOME.resolve(".orcheo/chatkit.sqlite"));
    assertThat(defaults.vaultSqlitePath()).isEqualTo(HOME.resolve(".orcheo/vault.sqlite"));
  }

  @Test
  void defaultsHaveNoDsnNoVaultKeyUpstreamPoolAndOwnDefaults() {
    PersistenceSettings defaults = PersistenceSettings.defaults();

    assertThat(defaults.postgresDsn()).isEmpty();
    assertThat(defaults.vaultEncryptionKey()).isEmpty();
    assertThat(defaults.pool()).isEqualTo(PoolSettings.defaults());
    assertThat(defaults.sqliteBusyTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.schemaAutoUpdate()).isTrue();
  }

  @Test
  void defaultsAreTheSettingsOfAnEmptyEnvironment() {
    assertThat(PersistenceSettings.defaults()).isEqualTo(PersistenceSettings.fromMap(Map.of()));
  }

  @Test
  void fromEnvironmentReadsTheProcessEnvironment() {
    assumeTrue(System.getenv().keySet().stream().noneMatch(PersistenceSettings.KNOWN_KEYS::contains));

    assertThat(PersistenceSettings.fromEnvironment()).isEqualTo(PersistenceSettings.defaults());
  }

  @Test
  void blankValuesFallBackToDefaults() {
    Map<String, String> blank = new HashMap<>();
    PersistenceSettings.KNOWN_KEYS.forEach(key -> blank.put(key, key.hashCode() % 2 == 0 ? "" : " \t "));

    assertThat(PersistenceSettings.fromMap(blank)).isEqualTo(PersistenceSettings.defaults());
  }

  @Test
  void nullValuesCountAsUnset() {
    Map<String, String> nulls = new HashMap<>();
    PersistenceSettings.KNOWN_KEYS.forEach(key -> nulls.put(key, null));

    assertThat(PersistenceSettings.fromMap(nulls)).isEqualTo(PersistenceSettings.defaults());
  }

  @Test
  void knownKeysListEveryKeyRead() {
    assertThat(PersistenceSettings.KNOWN_KEYS)
        .containsExactly(
            "ORCHEO_REPOSITORY_BACKEND",
            "ORCHEO_REPOSITORY_SQLITE_PATH",
            "ORCHEO_AUTH_SERVICE_TOKEN_BACKEND",
            "ORCHEO_AUTH_SERVICE_TOKEN_DB_PATH",
            "ORCHEO_CHATKIT_BACKEND",
            "ORCHEO_CHATKIT_SQLITE_PATH",
            "ORCHEO_CHATKIT_STORAGE_PATH",
            "ORCHEO_CHATKIT_MAX_UPLOAD_SIZE_BYTES",
            "ORCHEO_CHATKIT_RETENTION_DAYS",
            "ORCHEO_VAULT_BACKEND",
            "ORCHEO_VAULT_LOCAL_PATH",
            "ORCHEO_VAULT_ENCRYPTION_KEY",
            "ORCHEO_POSTGRES_DSN",
            "ORCHEO_POSTGRES_POOL_MIN_SIZE",
            "ORCHEO_POSTGRES_POOL_MAX_SIZE",
            "ORCHEO_POSTGRES_POOL_TIMEOUT",
            "ORCHEO_POSTGRES_POOL_MAX_IDLE",
            "ORCHEO_SQLITE_BUSY_TIMEOUT",
            "ORCHEO_SCHEMA_AUTO_UPDATE",
            "ORCHEO_CRON_OVERLAP_TIMEOUT");
  }

  // ---------------------------------------------------------------------------------------------- backends

  @Test
  void postgresRepositoryBackendMovesEverySubsystem() {
    PersistenceSettings settings = settings("ORCHEO_REPOSITORY_BACKEND", "postgres", "ORCHEO_POSTGRES_DSN", DSN);

    assertThat(settings.repositoryBackend()).isEqualTo(Backend.POSTGRES);
    assertThat(settings.serviceTokenBackend()).isEqualTo(Backend.POSTGRES);
    assertThat(settings.chatkitBackend()).isEqualTo(Backend.POSTGRES);
    assertThat(settings.vaultBackend()).isEqualTo(Backend.POSTGRES);
    assertThat(settings.postgresDsn()).contains(PostgresDsn.parse(DSN));
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", " PostgreSQL ", "POSTGRES"})
  void backendValuesAreCaseInsensitiveTrimmedAndAcceptPostgresqlAlias(String value) {
    assertThat(settings("ORCHEO_REPOSITORY_BACKEND", value, "ORCHEO_POSTGRES_DSN", DSN).repositoryBackend())
        .isEqualTo(Backend.POSTGRES);
  }

  @Test
  void explicitSqliteRepositoryBackendIsAccepted() {
    assertThat(settings("ORCHEO_REPOSITORY_BACKEND", "SQLite").repositoryBackend()).isEqualTo(Backend.SQLITE);
  }

  @Test
  void perSubsystemBackendsOverrideTheRepositoryBackend() {
    PersistenceSettings settings =
        settings(
            "ORCHEO_REPOSITORY_BACKEND", "postgres",
            "ORCHEO_POSTGRES_DSN", DSN,
            "ORCHEO_AUTH_SERVICE_TOKEN_BACKEND", "sqlite",
            "ORCHEO_CHATKIT_BACKEND", "sqlite",
            "ORCHEO_VAULT_BACKEND", "file");

    assertThat(settings.repositoryBackend()).isEqualTo(Backend.POSTGRES);
    assertThat(settings.serviceTokenBackend()).isEqualTo(Backend.SQLITE);
    assertThat(settings.chatkitBackend()).isEqualTo(Backend.SQLITE);
    assertThat(settings.vaultBackend()).isEqualTo(Backend.SQLITE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ORCHEO_AUTH_SERVICE_TOKEN_BACKEND", "ORCHEO_CHATKIT_BACKEND", "ORCHEO_VAULT_BACKEND"})
  void oneSubsystemOnPostgresRequiresTheDsn(String key) {
    ConfigurationException e = failure(key, "postgres");

    assertThat(e.key()).isEqualTo("ORCHEO_POSTGRES_DSN");
  }

  @Test
  void postgresBackendWithoutDsnNamesTheDsnKey() {
    ConfigurationException e = failure("ORCHEO_REPOSITORY_BACKEND", "postgres");

    assertThat(e.key()).isEqualTo("ORCHEO_POSTGRES_DSN");
    assertThat(e).hasMessage("ORCHEO_POSTGRES_DSN must be set when using the postgres backend.");
  }

  @Test
  void postgresBackendWithBlankDsnNamesTheDsnKey() {
    assertThat(failure("ORCHEO_REPOSITORY_BACKEND", "postgres", "ORCHEO_POSTGRES_DSN", "  ").key())
        .isEqualTo("ORCHEO_POSTGRES_DSN");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ORCHEO_REPOSITORY_BACKEND", "ORCHEO_AUTH_SERVICE_TOKEN_BACKEND", "ORCHEO_CHATKIT_BACKEND"})
  void inMemoryBackendIsRejectedListingAllowedValues(String key) {
    ConfigurationException e = failure(key, "inmemory");

    assertNamesKey(e, key);
    assertThat(e)
        .hasMessageContaining("in-memory backend is not offered")
        .hasMessageContaining("'sqlite'")
        .hasMessageContaining("'postgres'");
  }

  @Test
  void unknownRepositoryBackendNamesTheKeyAndAllowedValues() {
    assertThat(failure("ORCHEO_REPOSITORY_BACKEND", "mysql"))
        .hasMessage("ORCHEO_REPOSITORY_BACKEND must be 'sqlite' or 'postgres' (got 'mysql').");
  }

  @Test
  void unknownServiceTokenBackendIsRejectedRatherThanFallingBackToSqlite() {
    ConfigurationException e = failure("ORCHEO_AUTH_SERVICE_TOKEN_BACKEND", "redis");

    assertNamesKey(e, "ORCHEO_AUTH_SERVICE_TOKEN_BACKEND");
    assertThat(e).hasMessageContaining("'sqlite' or 'postgres'").hasMessageContaining("'redis'");
  }

  @Test
  void unknownChatkitBackendNamesTheKey() {
    assertNamesKey(failure("ORCHEO_CHATKIT_BACKEND", "redis"), "ORCHEO_CHATKIT_BACKEND");
  }

  @ParameterizedTest
  @CsvSource({"file, SQLITE", "sqlite, SQLITE", "FILE, SQLITE", "postgres, POSTGRES"})
  void vaultBackendValuesMapToBackends(String value, Backend expected) {
    assertThat(settings("ORCHEO_VAULT_BACKEND", value, "ORCHEO_POSTGRES_DSN", DSN, "ORCHEO_VAULT_ENCRYPTION_KEY", "k")
        .vaultBackend())
        .isEqualTo(expected);
  }

  @Test
  void postgresVaultBackendWithoutKeyIsRejectedWithUpstreamsMessage() {
    ConfigurationException e = failure("ORCHEO_VAULT_BACKEND", "postgres", "ORCHEO_POSTGRES_DSN", DSN);

    assertNamesKey(e, "ORCHEO_VAULT_ENCRYPTION_KEY");
    assertThat(e).hasMessage("ORCHEO_VAULT_ENCRYPTION_KEY must be set when using the postgres vault backend.");
  }

  @Test
  void vaultFollowingPostgresRepositoryBackendNeedsNoKeyToLoadSettings() {
    assertThat(settings("ORCHEO_REPOSITORY_BACKEND", "postgres", "ORCHEO_POSTGRES_DSN", DSN).vaultBackend())
        .isEqualTo(Backend.POSTGRES);
  }

  @ParameterizedTest
  @ValueSource(strings = {"inmemory", "aws_kms"})
  void unofferedVaultBackendsAreRejectedListingAllowedValues(String value) {
    ConfigurationException e = failure("ORCHEO_VAULT_BACKEND", value);

    assertNamesKey(e, "ORCHEO_VAULT_BACKEND");
    assertThat(e)
        .hasMessageContaining("'" + value + "' vault backend is not offered")
        .hasMessageContaining("'file', 'sqlite' or 'postgres'");
  }

  @Test
  void unknownVaultBackendNamesTheKeyAndAllowedValues() {
    assertThat(failure("ORCHEO_VAULT_BACKEND", "hsm"))
        .hasMessage("ORCHEO_VAULT_BACKEND must be 'file', 'sqlite' or 'postgres' (got 'hsm').");
  }

  // ------------------------------------------------------------------------------------------------- paths

  @Test
  void sqlitePathKeysSetTheirFiles(@TempDir Path dir) {
    PersistenceSettings settings =
        settings(
            "ORCHEO_REPOSITORY_SQLITE_PATH", dir.resolve("r.db").toString(),
            "ORCHEO_AUTH_SERVICE_TOKEN_DB_PATH", dir.resolve("t.db").toString(),
            "ORCHEO_CHATKIT_SQLITE_PATH", dir.resolve("c.db").toString(),
            "ORCHEO_VAULT_LOCAL_PATH", dir.resolve("v.db").toString());

    assertThat(settings.repositorySqlitePath()).isEqualTo(dir.resolve("r.db"));
    assertThat(settings.serviceTokenSqlitePath()).isEqualTo(dir.resolve("t.db"));
    assertThat(settings.chatkitSqlitePath()).isEqualTo(dir.resolve("c.db"));
    assertThat(settings.vaultSqlitePath()).isEqualTo(dir.resolve("v.db"));
  }

  @Test
  void relativePathIsMadeAbsoluteAndNormalized() {
    assertThat(settings("ORCHEO_CHATKIT_SQLITE_PATH", "data/../chat.sqlite").chatkitSqlitePath())
        .isEqualTo(Path.of("chat.sqlite").toAbsolutePath());
  }

  @Test
  void leadingTildeIsExpandedToTheHomeDirectory() {
    assertThat(settings("ORCHEO_VAULT_LOCAL_PATH", "~/secrets/vault.sqlite").vaultSqlitePath())
        .isEqualTo(HOME.resolve("secrets/vault.sqlite"));
  }

  @Test
  void tildeAloneIsTheHomeDirectory() {
    assertThat(settings("ORCHEO_REPOSITORY_SQLITE_PATH", "~").repositorySqlitePath()).isEqualTo(HOME);
  }

  @Test
  void serviceTokenFileDefaultsNextToTheRepositoryFile(@TempDir Path dir) {
    PersistenceSettings settings =
        settings("ORCHEO_REPOSITORY_SQLITE_PATH", dir.resolve("data/workflows.db").toString());

    assertThat(settings.serviceTokenSqlitePath()).isEqualTo(dir.resolve("data/service_tokens.sqlite"));
  }

  @Test
  void serviceTokenPathKeyOverridesTheFallback(@TempDir Path dir) {
    PersistenceSettings settings =
        settings(
            "ORCHEO_REPOSITORY_SQLITE_PATH", dir.resolve("a/workflows.db").toString(),
            "ORCHEO_AUTH_SERVICE_TOKEN_DB_PATH", dir.resolve("b/tokens.db").toString());

    assertThat(settings.serviceTokenSqlitePath()).isEqualTo(dir.resolve("b/tokens.db"));
  }

  @Test
  void invalidPathNamesTheKey() {
    assertNamesKey(failure("ORCHEO_CHATKIT_SQLITE_PATH", "bad\u0000path"), "ORCHEO_CHATKIT_SQLITE_PATH");
  }

  // ------------------------------------------------------------------------------------- secrets and DSN

  @Test
  void vaultEncryptionKeyIsKeptAsASecret() {
    assertThat(settings("ORCHEO_VAULT_ENCRYPTION_KEY", "k3y-material").vaultEncryptionKey())
        .contains(Secret.of("k3y-material"));
  }

  @Test
  void dsnIsParsedWhenSetEvenWithSqliteBackends() {
    assertThat(settings("ORCHEO_POSTGRES_DSN", DSN).postgresDsn()).contains(PostgresDsn.parse(DSN));
  }

  @Test
  void malformedDsnIsRejectedEvenWithSqliteBackends() {
    assertNamesKey(failure("ORCHEO_POSTGRES_DSN", "mysql://h/db"), "ORCHEO_POSTGRES_DSN");
  }

  @Test
  void malformedDsnErrorNeverContainsThePassword() {
    ConfigurationException e =
        failure("ORCHEO_REPOSITORY_BACKEND", "postgres", "ORCHEO_POSTGRES_DSN", "postgresql://u:s3cret@h:x/db");

    assertThat(e.getMessage()).doesNotContain("s3cret");
    assertThat(e.toString()).doesNotContain("s3cret");
  }

  @Test
  void passwordNeverAppearsInToString() {
    PersistenceSettings settings =
        settings(
            "ORCHEO_REPOSITORY_BACKEND", "postgres",
            "ORCHEO_POSTGRES_DSN", DSN + "?sslpassword=k3ypass",
            "ORCHEO_VAULT_ENCRYPTION_KEY", "vault-k3y");

    assertThat(settings.toString())
        .doesNotContain("s3cret")
        .doesNotContain("k3ypass")
        .doesNotContain("vault-k3y")
        .contains("postgresql://orcheo:****@db.example.com/orcheo");
  }

  // -------------------------------------------------------------------------------------------- numbers

  @Test
  void poolKeysSetThePool() {
    PersistenceSettings settings =
        settings(
            "ORCHEO_POSTGRES_POOL_MIN_SIZE", "5",
            "ORCHEO_POSTGRES_POOL_MAX_SIZE", " 20 ",
            "ORCHEO_POSTGRES_POOL_TIMEOUT", "2.5",
            "ORCHEO_POSTGRES_POOL_MAX_IDLE", "600");

    assertThat(settings.pool())
        .isEqualTo(new PoolSettings(5, 20, Duration.ofMillis(2500), Duration.ofSeconds(600)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "0", "-1", "2.5", "1e3", "99999999999"})
  void invalidPoolSizeNamesTheKeyExpectedFormAndValue(String value) {
    ConfigurationException e = failure("ORCHEO_POSTGRES_POOL_MIN_SIZE", value);

    assertNamesKey(e, "ORCHEO_POSTGRES_POOL_MIN_SIZE");
    assertThat(e).hasMessageContaining("whole number of at least 1").hasMessageContaining("'" + value + "'");
  }

  @Test
  void invalidPoolMaxSizeNamesItsKey() {
    assertNamesKey(failure("ORCHEO_POSTGRES_POOL_MAX_SIZE", "ten"), "ORCHEO_POSTGRES_POOL_MAX_SIZE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "0", "0.0", "-1", "NaN", "Infinity", "30s", "1e99999999999"})
  void invalidPoolTimeoutNamesTheKeyExpectedFormAndValue(String value) {
    ConfigurationException e = failure("ORCHEO_POSTGRES_POOL_TIMEOUT", value);

    assertNamesKey(e, "ORCHEO_POSTGRES_POOL_TIMEOUT");
    assertThat(e).hasMessageContaining("seconds").hasMessageContaining("'" + value + "'");
  }

  @Test
  void invalidPoolMaxIdleNamesItsKey() {
    assertNamesKey(failure("ORCHEO_POSTGRES_POOL_MAX_IDLE", "forever"), "ORCHEO_POSTGRES_POOL_MAX_IDLE");
  }

  @Test
  void poolMinSizeAboveMaxSizeIsRejected() {
    ConfigurationException e =
        failure("ORCHEO_POSTGRES_POOL_MIN_SIZE", "20", "ORCHEO_POSTGRES_POOL_MAX_SIZE", "5");

    assertNamesKey(e, "ORCHEO_POSTGRES_POOL_MAX_SIZE");
    assertThat(e).hasMessageContaining("20").hasMessageContaining("5");
  }

  @Test
  void sqliteBusyTimeoutAcceptsFractionalSeconds() {
    assertThat(settings("ORCHEO_SQLITE_BUSY_TIMEOUT", "0.25").sqliteBusyTimeout()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void sqliteBusyTimeoutAcceptsExponentNotation() {
    assertThat(settings("ORCHEO_SQLITE_BUSY_TIMEOUT", "1e1").sqliteBusyTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void invalidSqliteBusyTimeoutNamesTheKey() {
    assertNamesKey(failure("ORCHEO_SQLITE_BUSY_TIMEOUT", "-5"), "ORCHEO_SQLITE_BUSY_TIMEOUT");
  }

  @Test
  void absurdlyLargeTimeoutNamesTheKey() {
    ConfigurationException e = failure("ORCHEO_SQLITE_BUSY_TIMEOUT", "1e12");

    assertNamesKey(e, "ORCHEO_SQLITE_BUSY_TIMEOUT");
    assertThat(e).hasMessageContaining("at most");
  }

  // ---------------------------------------------------------------------------------------------- flags

  @ParameterizedTest
  @CsvSource({"true, true", "TRUE, true", "1, true", "yes, true", "On, true",
      "false, false", "0, false", "no, false", "OFF, false"})
  void schemaAutoUpdateAcceptsCommonBooleanSpellings(String value, boolean expected) {
    assertThat(settings("ORCHEO_SCHEMA_AUTO_UPDATE", value).schemaAutoUpdate()).isEqualTo(expected);
  }

  @Test
  void invalidSchemaAutoUpdateListsAllowedValues() {
    ConfigurationException e = failure("ORCHEO_SCHEMA_AUTO_UPDATE", "maybe");

    assertNamesKey(e, "ORCHEO_SCHEMA_AUTO_UPDATE");
    assertThat(e).hasMessageContaining("true, false, 1, 0, yes, no, on, off").hasMessageContaining("'maybe'");
  }

  @Test
  void theFirstInvalidKeyInReadingOrderIsReported() {
    ConfigurationException e =
        failure("ORCHEO_POSTGRES_POOL_MIN_SIZE", "zero", "ORCHEO_REPOSITORY_BACKEND", "mysql");

    assertThat(e.key()).isEqualTo("ORCHEO_REPOSITORY_BACKEND");
  }

  // --------------------------------------------------------------------------------------------- copies

  @Test
  void withSqliteDirectoryPutsAllFourFilesInTheDirectory(@TempDir Path dir) {
    PersistenceSettings settings = PersistenceSettings.defaults().withSqliteDirectory(dir);

    assertThat(settings.repositorySqlitePath()).isEqualTo(dir.resolve("workflows.sqlite"));
    assertThat(settings.serviceTokenSqlitePath()).isEqualTo(dir.resolve("service_tokens.sqlite"));
    assertThat(settings.chatkitSqlitePath()).isEqualTo(dir.resolve("chatkit.sqlite"));
    assertThat(settings.vaultSqlitePath()).isEqualTo(dir.resolve("vault.sqlite"));
    assertThat(settings.chatkitStorage().storagePath()).isEqualTo(dir.resolve("chatkit"));
  }

  @Test
  void withPostgresMovesAllFourBackendsAndSetsTheDsn() {
    PostgresDsn dsn = PostgresDsn.parse(DSN);
    PersistenceSettings settings = PersistenceSettings.defaults().withPostgres(dsn);

    assertThat(settings.repositoryBackend()).isEqualTo(Backend.POSTGRES);
    assertThat(settings.serviceTokenBackend()).isEqualTo(Backend.POSTGRES);
    assertThat(settings.chatkitBackend()).isEqualTo(Backend.POSTGRES);
    assertThat(settings.vaultBackend()).isEqualTo(Backend.POSTGRES);
    assertThat(settings.postgresDsn()).containsSame(dsn);
    assertThat(settings.usesPostgres()).isTrue();
  }

  @Test
  void constructorRejectsAPostgresBackendWithoutDsn() {
    PersistenceSettings d = PersistenceSettings.defaults();
    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class,
            () ->
                new PersistenceSettings(
                    d.repositoryBackend(),
                    d.repositorySqlitePath(),
                    d.serviceTokenBackend(),
                    d.serviceTokenSqlitePath(),
                    Backend.POSTGRES,
                    d.chatkitSqlitePath(),
                    d.chatkitStorage(),
                    d.vaultBackend(),
                    d.vaultSqlitePath(),
                    d.vaultEncryptionKey(),
                    d.postgresDsn(),
                    d.pool(),
                    d.sqliteBusyTimeout(),
                    d.schemaAutoUpdate(),
                    d.cronOverlapTimeout()));

    assertThat(e.key()).isEqualTo("ORCHEO_POSTGRES_DSN");
  }

  @Test
  void cronOverlapTimeoutDefaultsToOneHour() {
    assertThat(PersistenceSettings.defaults().cronOverlapTimeout()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void cronOverlapTimeoutIsReadInSeconds() {
    PersistenceSettings settings = PersistenceSettings.fromMap(Map.of("ORCHEO_CRON_OVERLAP_TIMEOUT", "7200"));

    assertThat(settings.cronOverlapTimeout()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void zeroCronOverlapTimeoutIsRejectedNamingItsKey() {
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
        () -> PersistenceSettings.fromMap(Map.of("ORCHEO_CRON_OVERLAP_TIMEOUT", "0")));

    assertThat(e.key()).isEqualTo("ORCHEO_CRON_OVERLAP_TIMEOUT");
  }

  @Test
  void chatkitStorageHasUpstreamsDefaults() {
    ChatKitStorage storage = PersistenceSettings.defaults().chatkitStorage();

    assertThat(storage.storagePath()).isEqualTo(Path.of(System.getProperty("user.home"), ".orcheo", "chatkit"));
    assertThat(storage.maxUploadSizeBytes()).isEqualTo(5_000_000L);
    assertThat(storage.retention()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void chatkitStorageIsReadFromItsThreeKeys(@TempDir Path dir) {
    PersistenceSettings settings = PersistenceSettings.fromMap(Map.of(
        "ORCHEO_CHATKIT_STORAGE_PATH", dir.toString(),
        "ORCHEO_CHATKIT_MAX_UPLOAD_SIZE_BYTES", "10000000000",
        "ORCHEO_CHATKIT_RETENTION_DAYS", "7"));

    assertThat(settings.chatkitStorage()).isEqualTo(new ChatKitStorage(dir, 10_000_000_000L, 7));
  }

  @Test
  void aNonPositiveUploadLimitIsRejectedNamingItsKey() {
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
        () -> PersistenceSettings.fromMap(Map.of("ORCHEO_CHATKIT_MAX_UPLOAD_SIZE_BYTES", "0")));

    assertThat(e.key()).isEqualTo("ORCHEO_CHATKIT_MAX_UPLOAD_SIZE_BYTES");
  }

  @Test
  void aRetentionThatIsNotAWholeNumberOfDaysIsRejectedNamingItsKey() {
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
        () -> PersistenceSettings.fromMap(Map.of("ORCHEO_CHATKIT_RETENTION_DAYS", "1.5")));

    assertThat(e.key()).isEqualTo("ORCHEO_CHATKIT_RETENTION_DAYS");
    assertThat(e.getMessage()).contains("'1.5'");
  }
}
