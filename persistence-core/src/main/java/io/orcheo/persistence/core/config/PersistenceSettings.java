package io.orcheo.persistence.core.config;

import io.orcheo.persistence.core.error.ConfigurationException;
import java.io.File;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The whole persistence configuration, read from environment variables with upstream Orcheo's names.
 *
 * <p>One switch moves everything: {@code ORCHEO_REPOSITORY_BACKEND} selects the backend of every subsystem, and
 * the per-subsystem keys ({@code ORCHEO_AUTH_SERVICE_TOKEN_BACKEND}, {@code ORCHEO_CHATKIT_BACKEND},
 * {@code ORCHEO_VAULT_BACKEND}) override it for one subsystem. A blank or whitespace-only value counts as unset
 * and gives the default. The first invalid value stops reading with a {@link ConfigurationException} naming its
 * key. {@link #toString()} is safe to log: passwords and the vault key print as {@code ****}.
 *
 * @param repositoryBackend where workflows, runs and their history live ({@code ORCHEO_REPOSITORY_BACKEND})
 * @param repositorySqlitePath the repository's SQLite file ({@code ORCHEO_REPOSITORY_SQLITE_PATH})
 * @param serviceTokenBackend where service tokens live ({@code ORCHEO_AUTH_SERVICE_TOKEN_BACKEND})
 * @param serviceTokenSqlitePath the service tokens' SQLite file ({@code ORCHEO_AUTH_SERVICE_TOKEN_DB_PATH})
 * @param chatkitBackend where ChatKit threads live ({@code ORCHEO_CHATKIT_BACKEND})
 * @param chatkitSqlitePath ChatKit's SQLite file ({@code ORCHEO_CHATKIT_SQLITE_PATH})
 * @param chatkitStorage ChatKit's uploaded files, upload limit and retention ({@code ORCHEO_CHATKIT_STORAGE_PATH},
 *     {@code ORCHEO_CHATKIT_MAX_UPLOAD_SIZE_BYTES}, {@code ORCHEO_CHATKIT_RETENTION_DAYS})
 * @param vaultBackend where encrypted credentials live ({@code ORCHEO_VAULT_BACKEND})
 * @param vaultSqlitePath the vault's SQLite file ({@code ORCHEO_VAULT_LOCAL_PATH})
 * @param vaultEncryptionKey the vault's key ({@code ORCHEO_VAULT_ENCRYPTION_KEY}); the vault checks it on opening
 * @param postgresDsn the PostgreSQL server ({@code ORCHEO_POSTGRES_DSN}); required when any backend is
 *     {@link Backend#POSTGRES}
 * @param pool the PostgreSQL connection pool ({@code ORCHEO_POSTGRES_POOL_*})
 * @param sqliteBusyTimeout how long SQLite waits for a lock before failing ({@code ORCHEO_SQLITE_BUSY_TIMEOUT})
 * @param schemaAutoUpdate whether startup brings the schema up to date with Liquibase
 *     ({@code ORCHEO_SCHEMA_AUTO_UPDATE})
 * @param cronOverlapTimeout how long a pending or running cron run that has not changed keeps blocking the next
 *     occurrence of its schedule when overlapping is off; past it the run is presumed crashed
 *     ({@code ORCHEO_CRON_OVERLAP_TIMEOUT}, seconds, default one hour)
 */
public record PersistenceSettings(
    Backend repositoryBackend,
    Path repositorySqlitePath,
    Backend serviceTokenBackend,
    Path serviceTokenSqlitePath,
    Backend chatkitBackend,
    Path chatkitSqlitePath,
    ChatKitStorage chatkitStorage,
    Backend vaultBackend,
    Path vaultSqlitePath,
    Optional<Secret> vaultEncryptionKey,
    Optional<PostgresDsn> postgresDsn,
    PoolSettings pool,
    Duration sqliteBusyTimeout,
    boolean schemaAutoUpdate,
    Duration cronOverlapTimeout) {

  /** Backend of the workflow repository, and of every subsystem whose own key is unset. */
  public static final String REPOSITORY_BACKEND_KEY = "ORCHEO_REPOSITORY_BACKEND";
  /** SQLite file of the workflow repository. */
  public static final String REPOSITORY_SQLITE_PATH_KEY = "ORCHEO_REPOSITORY_SQLITE_PATH";
  /** Backend of the service-token store. */
  public static final String SERVICE_TOKEN_BACKEND_KEY = "ORCHEO_AUTH_SERVICE_TOKEN_BACKEND";
  /** SQLite file of the service-token store. */
  public static final String SERVICE_TOKEN_DB_PATH_KEY = "ORCHEO_AUTH_SERVICE_TOKEN_DB_PATH";
  /** Backend of the ChatKit store. */
  public static final String CHATKIT_BACKEND_KEY = "ORCHEO_CHATKIT_BACKEND";
  /** SQLite file of the ChatKit store. */
  public static final String CHATKIT_SQLITE_PATH_KEY = "ORCHEO_CHATKIT_SQLITE_PATH";
  /** Directory of ChatKit's uploaded files. */
  public static final String CHATKIT_STORAGE_PATH_KEY = "ORCHEO_CHATKIT_STORAGE_PATH";
  /** Largest ChatKit upload, in bytes. */
  public static final String CHATKIT_MAX_UPLOAD_SIZE_KEY = "ORCHEO_CHATKIT_MAX_UPLOAD_SIZE_BYTES";
  /** Days after its last change a ChatKit thread is pruned. */
  public static final String CHATKIT_RETENTION_DAYS_KEY = "ORCHEO_CHATKIT_RETENTION_DAYS";
  /** Backend of the credential vault. */
  public static final String VAULT_BACKEND_KEY = "ORCHEO_VAULT_BACKEND";
  /** SQLite file of the credential vault. */
  public static final String VAULT_LOCAL_PATH_KEY = "ORCHEO_VAULT_LOCAL_PATH";
  /** Encryption key of the credential vault. */
  public static final String VAULT_ENCRYPTION_KEY_KEY = "ORCHEO_VAULT_ENCRYPTION_KEY";
  /** PostgreSQL connection URL. */
  public static final String POSTGRES_DSN_KEY = "ORCHEO_POSTGRES_DSN";
  /** Connections the pool keeps open. */
  public static final String POOL_MIN_SIZE_KEY = "ORCHEO_POSTGRES_POOL_MIN_SIZE";
  /** Most connections the pool opens. */
  public static final String POOL_MAX_SIZE_KEY = "ORCHEO_POSTGRES_POOL_MAX_SIZE";
  /** Seconds a caller waits for a pooled connection. */
  public static final String POOL_TIMEOUT_KEY = "ORCHEO_POSTGRES_POOL_TIMEOUT";
  /** Seconds a surplus pooled connection may stay idle. */
  public static final String POOL_MAX_IDLE_KEY = "ORCHEO_POSTGRES_POOL_MAX_IDLE";
  /** Seconds SQLite waits for a lock (this project's key, not upstream's). */
  public static final String SQLITE_BUSY_TIMEOUT_KEY = "ORCHEO_SQLITE_BUSY_TIMEOUT";
  /** Whether startup runs the Liquibase update (this project's key, not upstream's). */
  public static final String SCHEMA_AUTO_UPDATE_KEY = "ORCHEO_SCHEMA_AUTO_UPDATE";
  /** Seconds an unchanged active cron run blocks its schedule (this project's key, not upstream's). */
  public static final String CRON_OVERLAP_TIMEOUT_KEY = "ORCHEO_CRON_OVERLAP_TIMEOUT";

  /** Every key this class reads, in declaration order. */
  public static final Set<String> KNOWN_KEYS =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(
              Arrays.asList(
                  REPOSITORY_BACKEND_KEY,
                  REPOSITORY_SQLITE_PATH_KEY,
                  SERVICE_TOKEN_BACKEND_KEY,
                  SERVICE_TOKEN_DB_PATH_KEY,
                  CHATKIT_BACKEND_KEY,
                  CHATKIT_SQLITE_PATH_KEY,
                  CHATKIT_STORAGE_PATH_KEY,
                  CHATKIT_MAX_UPLOAD_SIZE_KEY,
                  CHATKIT_RETENTION_DAYS_KEY,
                  VAULT_BACKEND_KEY,
                  VAULT_LOCAL_PATH_KEY,
                  VAULT_ENCRYPTION_KEY_KEY,
                  POSTGRES_DSN_KEY,
                  POOL_MIN_SIZE_KEY,
                  POOL_MAX_SIZE_KEY,
                  POOL_TIMEOUT_KEY,
                  POOL_MAX_IDLE_KEY,
                  SQLITE_BUSY_TIMEOUT_KEY,
                  SCHEMA_AUTO_UPDATE_KEY,
                  CRON_OVERLAP_TIMEOUT_KEY)));

  private static final String DSN_REQUIRED_MESSAGE =
      "ORCHEO_POSTGRES_DSN must be set when using the postgres backend.";
  /** Upstream's message for a PostgreSQL vault without a key. */
  public static final String VAULT_KEY_REQUIRED_MESSAGE =
      "ORCHEO_VAULT_ENCRYPTION_KEY must be set when using the postgres vault backend.";
  private static final Duration DEFAULT_SQLITE_BUSY_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration DEFAULT_CRON_OVERLAP_TIMEOUT = Duration.ofHours(1);
  private static final Pattern WHOLE_NUMBER = Pattern.compile("\\+?[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("\\+?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  // Past this, seconds no longer fit a Duration counted in nanoseconds (about 292 years).
  private static final BigDecimal ONE_NANOSECOND = BigDecimal.ONE.movePointLeft(9);
  private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000_000L);

  /**
   * Makes the four paths absolute and normalized and checks the rule that ties backends to the DSN.
   *
   * @param repositoryBackend see the class comment
   * @param repositorySqlitePath see the class comment
   * @param serviceTokenBackend see the class comment
   * @param serviceTokenSqlitePath see the class comment
   * @param chatkitBackend see the class comment
   * @param chatkitSqlitePath see the class comment
   * @param chatkitStorage see the class comment
   * @param vaultBackend see the class comment
   * @param vaultSqlitePath see the class comment
   * @param vaultEncryptionKey see the class comment
   * @param postgresDsn see the class comment
   * @param pool see the class comment
   * @param sqliteBusyTimeout see the class comment; positive
   * @param schemaAutoUpdate see the class comment
   * @param cronOverlapTimeout see the class comment; positive
   * @throws NullPointerException if a component is {@code null}
   * @throws ConfigurationException keyed {@code ORCHEO_POSTGRES_DSN} if a backend is {@link Backend#POSTGRES}
   *     and no DSN is given, or keyed by the timeout's key if {@code sqliteBusyTimeout} or
   *     {@code cronOverlapTimeout} is not positive
   */
  public PersistenceSettings {
    Objects.requireNonNull(repositoryBackend, "repositoryBackend");
    Objects.requireNonNull(serviceTokenBackend, "serviceTokenBackend");
    Objects.requireNonNull(chatkitBackend, "chatkitBackend");
    Objects.requireNonNull(chatkitStorage, "chatkitStorage");
    Objects.requireNonNull(vaultBackend, "vaultBackend");
    Objects.requireNonNull(vaultEncryptionKey, "vaultEncryptionKey");
    Objects.requireNonNull(postgresDsn, "postgresDsn");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(sqliteBusyTimeout, "sqliteBusyTimeout");
    repositorySqlitePath = absolute(repositorySqlitePath, "repositorySqlitePath");
    serviceTokenSqlitePath = absolute(serviceTokenSqlitePath, "serviceTokenSqlitePath");
    chatkitSqlitePath = absolute(chatkitSqlitePath, "chatkitSqlitePath");
    vaultSqlitePath = absolute(vaultSqlitePath, "vaultSqlitePath");
    if (sqliteBusyTimeout.isZero() || sqliteBusyTimeout.isNegative()) {
      throw new ConfigurationException(
          SQLITE_BUSY_TIMEOUT_KEY,
          SQLITE_BUSY_TIMEOUT_KEY + " must be greater than 0 seconds (got " + sqliteBusyTimeout + ").");
    }
    Objects.requireNonNull(cronOverlapTimeout, "cronOverlapTimeout");
    if (cronOverlapTimeout.isZero() || cronOverlapTimeout.isNegative()) {
      throw new ConfigurationException(
          CRON_OVERLAP_TIMEOUT_KEY,
          CRON_OVERLAP_TIMEOUT_KEY + " must be greater than 0 seconds (got " + cronOverlapTimeout + ").");
    }
    boolean anyPostgres =
        repositoryBackend == Backend.POSTGRES
            || serviceTokenBackend == Backend.POSTGRES
            || chatkitBackend == Backend.POSTGRES
            || vaultBackend == Backend.POSTGRES;
    if (anyPostgres && postgresDsn.isEmpty()) {
      throw new ConfigurationException(POSTGRES_DSN_KEY, DSN_REQUIRED_MESSAGE);
    }
  }

  /**
   * Reads the settings from the process environment.
   *
   * @return the settings
   * @throws ConfigurationException naming the first key whose value is invalid
   */
  public static PersistenceSettings fromEnvironment() {
    return fromMap(System.getenv());
  }

  /**
   * Reads the settings from a map keyed like the environment ({@link #KNOWN_KEYS}); other keys are ignored.
   *
   * @param environment the variables; {@code null} values count as unset
   * @return the settings
   * @throws ConfigurationException naming the first key whose value is invalid
   */
  public static PersistenceSettings fromMap(Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    Values values = new Values(environment);

    Backend repositoryBackend =
        values.get(REPOSITORY_BACKEND_KEY).map(v -> backend(REPOSITORY_BACKEND_KEY, v)).orElse(Backend.SQLITE);
    Path repositorySqlitePath =
        values.get(REPOSITORY_SQLITE_PATH_KEY)
            .map(v -> path(REPOSITORY_SQLITE_PATH_KEY, v))
            .orElseGet(() -> orcheoHomeFile("workflows.sqlite"));

    Backend serviceTokenBackend =
        values.get(SERVICE_TOKEN_BACKEND_KEY)
            .map(v -> backend(SERVICE_TOKEN_BACKEND_KEY, v))
            .orElse(repositoryBackend);
    // Upstream's rule: the token database sits next to the repository's unless placed elsewhere.
    Path serviceTokenSqlitePath =
        values.get(SERVICE_TOKEN_DB_PATH_KEY)
            .map(v -> path(SERVICE_TOKEN_DB_PATH_KEY, v))
            .orElseGet(() -> sibling(repositorySqlitePath, "service_tokens.sqlite"));

    Backend chatkitBackend =
        values.get(CHATKIT_BACKEND_KEY).map(v -> backend(CHATKIT_BACKEND_KEY, v)).orElse(repositoryBackend);
    Path chatkitSqlitePath =
        values.get(CHATKIT_SQLITE_PATH_KEY)
            .map(v -> path(CHATKIT_SQLITE_PATH_KEY, v))
            .orElseGet(() -> orcheoHomeFile("chatkit.sqlite"));
    ChatKitStorage chatkitStorage = new ChatKitStorage(
        values.get(CHATKIT_STORAGE_PATH_KEY)
            .map(v -> path(CHATKIT_STORAGE_PATH_KEY, v))
            .orElseGet(() -> orcheoHomeFile("chatkit")),
        values.get(CHATKIT_MAX_UPLOAD_SIZE_KEY)
            .map(v -> positiveLong(CHATKIT_MAX_UPLOAD_SIZE_KEY, v))
            .orElse(ChatKitStorage.DEFAULT_MAX_UPLOAD_SIZE_BYTES),
        values.get(CHATKIT_RETENTION_DAYS_KEY)
            .map(v -> size(CHATKIT_RETENTION_DAYS_KEY, v))
            .orElse(ChatKitStorage.DEFAULT_RETENTION_DAYS));

    Backend vaultBackend =
        values.get(VAULT_BACKEND_KEY).map(PersistenceSettings::vaultBackend).orElse(repositoryBackend);
    Path vaultSqlitePath =
        values.get(VAULT_LOCAL_PATH_KEY)
            .map(v -> path(VAULT_LOCAL_PATH_KEY, v))
            .orElseGet(() -> orcheoHomeFile("vault.sqlite"));
    Optional<Secret> vaultEncryptionKey = values.get(VAULT_ENCRYPTION_KEY_KEY).map(Secret::of);

    // Parsed whenever set, even if no backend is postgres, so that a broken value is reported before a tool
    // (such as a migration to PostgreSQL) comes to need it.
    Optional<PostgresDsn> postgresDsn = values.get(POSTGRES_DSN_KEY).map(PostgresDsn::parse);

    PoolSettings defaults = PoolSettings.defaults();
    int minSize = values.get(POOL_MIN_SIZE_KEY).map(v -> size(POOL_MIN_SIZE_KEY, v)).orElse(defaults.minSize());
    int maxSize = values.get(POOL_MAX_SIZE_KEY).map(v -> size(POOL_MAX_SIZE_KEY, v)).orElse(defaults.maxSize());
    Duration timeout =
        values.get(POOL_TIMEOUT_KEY).map(v -> seconds(POOL_TIMEOUT_KEY, v)).orElse(defaults.timeout());
    Duration maxIdle =
        values.get(POOL_MAX_IDLE_KEY).map(v -> seconds(POOL_MAX_IDLE_KEY, v)).orElse(defaults.maxIdle());
    PoolSettings pool = new PoolSettings(minSize, maxSize, timeout, maxIdle);

    Duration sqliteBusyTimeout =
        values.get(SQLITE_BUSY_TIMEOUT_KEY)
            .map(v -> seconds(SQLITE_BUSY_TIMEOUT_KEY, v))
            .orElse(DEFAULT_SQLITE_BUSY_TIMEOUT);
    boolean schemaAutoUpdate =
        values.get(SCHEMA_AUTO_UPDATE_KEY).map(v -> flag(SCHEMA_AUTO_UPDATE_KEY, v)).orElse(true);
    Duration cronOverlapTimeout =
        values.get(CRON_OVERLAP_TIMEOUT_KEY)
            .map(v -> seconds(CRON_OVERLAP_TIMEOUT_KEY, v))
            .orElse(DEFAULT_CRON_OVERLAP_TIMEOUT);

    PersistenceSettings settings = new PersistenceSettings(
        repositoryBackend,
        repositorySqlitePath,
        serviceTokenBackend,
        serviceTokenSqlitePath,
        chatkitBackend,
        chatkitSqlitePath,
        chatkitStorage,
        vaultBackend,
        vaultSqlitePath,
        vaultEncryptionKey,
        postgresDsn,
        pool,
        sqliteBusyTimeout,
        schemaAutoUpdate,
        cronOverlapTimeout);
    // Upstream's rule, for a vault placed in PostgreSQL by its own key. One that follows ORCHEO_REPOSITORY_BACKEND
    // there is checked when the vault is first used, so that the other stores can move without it.
    if (vaultBackend == Backend.POSTGRES && values.get(VAULT_BACKEND_KEY).isPresent()
        && vaultEncryptionKey.isEmpty()) {
      throw new ConfigurationException(VAULT_ENCRYPTION_KEY_KEY, VAULT_KEY_REQUIRED_MESSAGE);
    }
    return settings;
  }

  /**
   * The settings with every key unset: SQLite everywhere under {@code ~/.orcheo}.
   *
   * @return the default settings
   */
  public static PersistenceSettings defaults() {
    return fromMap(Map.of());
  }

  /**
   * Whether any subsystem stores its data in PostgreSQL.
   *
   * @return {@code true} if at least one backend is {@link Backend#POSTGRES}
   */
  public boolean usesPostgres() {
    return repositoryBackend == Backend.POSTGRES
        || serviceTokenBackend == Backend.POSTGRES
        || chatkitBackend == Backend.POSTGRES
        || vaultBackend == Backend.POSTGRES;
  }

  /**
   * A copy whose four SQLite files lie in one directory: {@code workflows.sqlite}, {@code service_tokens.sqlite},
   * {@code chatkit.sqlite} and {@code vault.sqlite}, with ChatKit's uploads in its {@code chatkit} subdirectory.
   * Backends are unchanged.
   *
   * @param directory the directory, made absolute
   * @return the copy
   */
  public PersistenceSettings withSqliteDirectory(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return new PersistenceSettings(
        repositoryBackend,
        directory.resolve("workflows.sqlite"),
        serviceTokenBackend,
        directory.resolve("service_tokens.sqlite"),
        chatkitBackend,
        directory.resolve("chatkit.sqlite"),
        chatkitStorage.withStoragePath(directory.resolve("chatkit")),
        vaultBackend,
        directory.resolve("vault.sqlite"),
        vaultEncryptionKey,
        postgresDsn,
        pool,
        sqliteBusyTimeout,
        schemaAutoUpdate,
        cronOverlapTimeout);
  }

  /**
   * A copy that stores everything in PostgreSQL: all four backends {@link Backend#POSTGRES}, with this DSN.
   *
   * @param dsn the server to use
   * @return the copy
   */
  public PersistenceSettings withPostgres(PostgresDsn dsn) {
    Objects.requireNonNull(dsn, "dsn");
    return new PersistenceSettings(
        Backend.POSTGRES,
        repositorySqlitePath,
        Backend.POSTGRES,
        serviceTokenSqlitePath,
        Backend.POSTGRES,
        chatkitSqlitePath,
        chatkitStorage,
        Backend.POSTGRES,
        vaultSqlitePath,
        vaultEncryptionKey,
        Optional.of(dsn),
        pool,
        sqliteBusyTimeout,
        schemaAutoUpdate,
        cronOverlapTimeout);
  }

  /**
   * A copy with another vault key ({@code ORCHEO_VAULT_ENCRYPTION_KEY}).
   *
   * @param key the key string
   * @return the copy
   */
  public PersistenceSettings withVaultEncryptionKey(Secret key) {
    Objects.requireNonNull(key, "key");
    return new PersistenceSettings(
        repositoryBackend,
        repositorySqlitePath,
        serviceTokenBackend,
        serviceTokenSqlitePath,
        chatkitBackend,
        chatkitSqlitePath,
        chatkitStorage,
        vaultBackend,
        vaultSqlitePath,
        Optional.of(key),
        postgresDsn,
        pool,
        sqliteBusyTimeout,
        schemaAutoUpdate,
        cronOverlapTimeout);
  }

  // ------------------------------------------------------------------------------------------------- parsing

  /** Blank values count as unset, as upstream treats an empty variable as "use the default". */
  private record Values(Map<String, String> environment) {
    Optional<String> get(String key) {
      return Optional.ofNullable(environment.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }
  }

  private static Backend backend(String key, String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "sqlite":
        return Backend.SQLITE;
      case "postgres":
      case "postgresql":
        return Backend.POSTGRES;
      case "inmemory":
        throw new ConfigurationException(
            key,
            key + ": the in-memory backend is not offered; use 'sqlite' or 'postgres' (got '" + value + "').");
      default:
        // Upstream silently falls back to sqlite for the service-token key; a typo should not move data.
        throw new ConfigurationException(key, key + " must be 'sqlite' or 'postgres' (got '" + value + "').");
    }
  }

  private static Backend vaultBackend(String value) {
    String key = VAULT_BACKEND_KEY;
    switch (value.toLowerCase(Locale.ROOT)) {
      case "file":
      case "sqlite":
        return Backend.SQLITE;
      case "postgres":
      case "postgresql":
        return Backend.POSTGRES;
      case "inmemory":
      case "aws_kms":
        throw new ConfigurationException(
            key,
            key + ": the '" + value.toLowerCase(Locale.ROOT) + "' vault backend is not offered; use 'file',"
                + " 'sqlite' or 'postgres'.");
      default:
        throw new ConfigurationException(
            key, key + " must be 'file', 'sqlite' or 'postgres' (got '" + value + "').");
    }
  }

  private static Path path(String key, String value) {
    String expanded = value;
    // Only "~" and "~/...": "~user" forms would need the user database, which Java does not offer.
    if (value.equals("~") || value.startsWith("~/") || value.startsWith("~" + File.separator)) {
      expanded = System.getProperty("user.home") + value.substring(1);
    }
    try {
      return Path.of(expanded).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new ConfigurationException(
          key, key + " is not a valid path: " + e.getReason() + " (got '" + value + "').");
    }
  }

  private static Path orcheoHomeFile(String fileName) {
    return Path.of(System.getProperty("user.home"), ".orcheo", fileName).toAbsolutePath().normalize();
  }

  private static Path sibling(Path file, String fileName) {
    Path parent = file.getParent();
    return parent == null ? file.resolveSibling(fileName) : parent.resolve(fileName);
  }

  private static int size(String key, String value) {
    String message = key + " must be a whole number of at least 1 (got '" + value + "').";
    if (!WHOLE_NUMBER.matcher(value).matches()) {
      throw new ConfigurationException(key, message);
    }
    try {
      int size = Integer.parseInt(value);
      if (size < 1) {
        throw new ConfigurationException(key, message);
      }
      return size;
    } catch (NumberFormatException e) {
      throw new ConfigurationException(key, message);
    }
  }

  private static long positiveLong(String key, String value) {
    String message = key + " must be a whole number of at least 1 (got '" + value + "').";
    if (!WHOLE_NUMBER.matcher(value).matches()) {
      throw new ConfigurationException(key, message);
    }
    try {
      long number = Long.parseLong(value);
      if (number < 1) {
        throw new ConfigurationException(key, message);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new ConfigurationException(key, message);
    }
  }

  private static Duration seconds(String key, String value) {
    String message =
        key + " must be a number of seconds greater than 0, such as 30 or 2.5 (got '" + value + "').";
    if (!DECIMAL.matcher(value).matches()) {
      throw new ConfigurationException(key, message);
    }
    BigDecimal seconds;
    try {
      seconds = new BigDecimal(value);
    } catch (NumberFormatException e) {
      // An exponent too large for BigDecimal.
      throw new ConfigurationException(key, message);
    }
    if (seconds.signum() <= 0) {
      throw new ConfigurationException(key, message);
    }
    if (seconds.compareTo(MAX_SECONDS) > 0) {
      throw new ConfigurationException(
          key, key + " must be at most " + MAX_SECONDS + " seconds (got '" + value + "').");
    }
    // Rounded up so that a tiny positive value stays positive; the early return also spares setScale from
    // expanding an extreme negative exponent.
    if (seconds.compareTo(ONE_NANOSECOND) < 0) {
      return Duration.ofNanos(1);
    }
    return Duration.ofNanos(seconds.movePointRight(9).setScale(0, RoundingMode.CEILING).longValueExact());
  }

  private static boolean flag(String key, String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on":
        return true;
      case "false", "0", "no", "off":
        return false;
      default:
        throw new ConfigurationException(
            key, key + " must be one of true, false, 1, 0, yes, no, on, off (got '" + value + "').");
    }
  }

  private static Path absolute(Path path, String name) {
    return Objects.requireNonNull(path, name).toAbsolutePath().normalize();
  }
}
