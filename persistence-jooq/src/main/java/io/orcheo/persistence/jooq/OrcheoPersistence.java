package io.orcheo.persistence.jooq;

import io.orcheo.persistence.core.config.Backend;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.chatkit.ChatStore;
import io.orcheo.persistence.core.checkpoints.AgentensorCheckpointStore;
import io.orcheo.persistence.core.health.DatabaseHealth;
import io.orcheo.persistence.core.history.RunHistoryStore;
import io.orcheo.persistence.core.tokens.ServiceTokenRepository;
import io.orcheo.persistence.core.tokens.ServiceTokenService;
import io.orcheo.persistence.core.workflows.WorkflowHealthGate;
import io.orcheo.persistence.core.workflows.WorkflowRepository;
import io.orcheo.persistence.jooq.chatkit.JooqChatStore;
import io.orcheo.persistence.jooq.checkpoints.JooqAgentensorCheckpointStore;
import io.orcheo.persistence.jooq.history.JooqRunHistoryStore;
import io.orcheo.persistence.jooq.runtime.Database;
import io.orcheo.persistence.jooq.runtime.Store;
import io.orcheo.persistence.jooq.tokens.JooqServiceTokenRepository;
import io.orcheo.persistence.jooq.tokens.JooqServiceTokenService;
import io.orcheo.persistence.jooq.workflows.JooqWorkflowRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import io.orcheo.persistence.core.config.Secret;
import io.orcheo.persistence.core.vault.CredentialVault;
import io.orcheo.persistence.jooq.vault.JooqCredentialVault;
import io.orcheo.persistence.jooq.vault.VaultKey;
import io.orcheo.persistence.jooq.vault.VaultKeyRotation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: takes the settings, opens the databases they name, brings their schemas up to date (unless
 * {@code ORCHEO_SCHEMA_AUTO_UPDATE=false}) and hands out the repositories.
 *
 * <pre>{@code
 * try (OrcheoPersistence persistence = OrcheoPersistence.open(PersistenceSettings.fromEnvironment())) {
 *   MintedToken minted = persistence.serviceTokenService().mint(null, Set.of("workflows:read"), Set.of(), null);
 * }
 * }</pre>
 *
 * <p>On SQLite each store has its own file, as in upstream Orcheo; on PostgreSQL all stores share one database
 * and one pool. Switching {@code ORCHEO_REPOSITORY_BACKEND} back to {@code sqlite} is the whole rollback. The
 * instance is thread-safe; close it to release the pools.
 */
public final class OrcheoPersistence implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OrcheoPersistence.class);

  private final PersistenceSettings settings;
  private final List<Database> databases;
  private final ServiceTokenRepository serviceTokens;
  private final ServiceTokenService serviceTokenService;
  private final WorkflowRepository workflows;
  private final RunHistoryStore runHistory;
  private final AgentensorCheckpointStore checkpoints;
  private final ChatStore chat;
  private final Clock clock;
  private VaultKey vaultKey;
  private JooqCredentialVault vault;

  private OrcheoPersistence(PersistenceSettings settings, List<Database> databases, Map<Store, Database> byStore,
      Clock clock, WorkflowHealthGate healthGate) {
    this.settings = settings;
    this.databases = List.copyOf(databases);
    var tokens = byStore.get(Store.SERVICE_TOKENS).transactor();
    this.serviceTokens = new JooqServiceTokenRepository(tokens, clock);
    this.serviceTokenService = new JooqServiceTokenService(tokens, clock);
    var repository = byStore.get(Store.REPOSITORY).transactor();
    this.workflows = new JooqWorkflowRepository(repository, clock, healthGate, settings.cronOverlapTimeout());
    this.runHistory = new JooqRunHistoryStore(repository, clock);
    this.checkpoints = new JooqAgentensorCheckpointStore(repository, clock);
    this.chat = new JooqChatStore(byStore.get(Store.CHATKIT).transactor(), clock, settings.chatkitStorage());
    this.clock = clock;
  }

  /** Opens with the system UTC clock. */
  public static OrcheoPersistence open(PersistenceSettings settings) {
    return open(settings, Clock.systemUTC());
  }

  /**
   * Opens every database the settings name.
   *
   * @param clock the source of "now" for timestamps the repositories write
   * @throws io.orcheo.persistence.core.error.StorageUnavailableException if a database cannot be reached
   */
  public static OrcheoPersistence open(PersistenceSettings settings, Clock clock) {
    return open(settings, clock, WorkflowHealthGate.ALWAYS_HEALTHY);
  }

  /**
   * Opens every database the settings name, with a gate that decides whether a workflow may run.
   *
   * @param clock the source of "now" for timestamps the repositories write
   * @param healthGate asked before a run is created (upstream: the credential health check)
   * @throws io.orcheo.persistence.core.error.StorageUnavailableException if a database cannot be reached
   */
  public static OrcheoPersistence open(PersistenceSettings settings, Clock clock, WorkflowHealthGate healthGate) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(healthGate, "healthGate");
    Map<String, List<Store>> sqliteFiles = new LinkedHashMap<>();
    List<Store> postgresStores = new ArrayList<>();
    for (Store store : Store.values()) {
      if (store.backend(settings) == Backend.POSTGRES) {
        postgresStores.add(store);
      } else {
        Path file = store.sqlitePath(settings).toAbsolutePath().normalize();
        sqliteFiles.computeIfAbsent(file.toString(), f -> new ArrayList<>()).add(store);
      }
    }

    List<Database> databases = new ArrayList<>();
    Map<Store, Database> byStore = new EnumMap<>(Store.class);
    try {
      if (!postgresStores.isEmpty()) {
        // PersistenceSettings refuses a postgres backend without a DSN, so one is there.
        Database postgres = Database.postgres(settings.postgresDsn().orElseThrow(), settings.pool(), postgresStores);
        databases.add(postgres);
        postgresStores.forEach(store -> byStore.put(store, postgres));
      }
      for (Map.Entry<String, List<Store>> file : sqliteFiles.entrySet()) {
        Database sqlite = Database.sqlite(Path.of(file.getKey()), settings.sqliteBusyTimeout(), file.getValue());
        databases.add(sqlite);
        file.getValue().forEach(store -> byStore.put(store, sqlite));
      }
      if (settings.schemaAutoUpdate()) {
        for (Database database : databases) {
          log.info("Bringing the schema of {} up to date", database.target());
          database.migrate();
        }
      }
    } catch (RuntimeException e) {
      databases.forEach(Database::close);
      throw e;
    }
    return new OrcheoPersistence(settings, databases, byStore, clock, healthGate);
  }

  /** Applies every changelog now, whatever {@code ORCHEO_SCHEMA_AUTO_UPDATE} says (the CLI's {@code init}). */
  public void migrate() {
    databases.forEach(Database::migrate);
  }

  /** The settings this instance was opened with. */
  public PersistenceSettings settings() {
    return settings;
  }

  /** The open databases: one per SQLite file, or one PostgreSQL database. */
  public List<Database> databases() {
    return databases;
  }

  /**
   * The database that holds {@code store}: its SQLite file, or the shared PostgreSQL database. For tools that need
   * the pool or the dialect of one store (row counts, raw diagnostics); applications use the repositories.
   */
  public Database database(Store store) {
    Objects.requireNonNull(store, "store");
    return databases.stream()
        .filter(database -> database.stores().contains(store))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No open database holds the " + store.id() + " store"));
  }

  /** Service tokens, storage level: upstream's repository protocol. */
  public ServiceTokenRepository serviceTokens() {
    return serviceTokens;
  }

  /** Service tokens, lifecycle level: mint, authenticate, rotate, revoke. */
  public ServiceTokenService serviceTokenService() {
    return serviceTokenService;
  }

  /** Workflows, their versions and runs, and the triggers that create runs. */
  public WorkflowRepository workflows() {
    return workflows;
  }

  /** The step-by-step history of executions (in the repository's database, as upstream). */
  public RunHistoryStore runHistory() {
    return runHistory;
  }

  /** Agentensor training checkpoints (in the repository's database, as upstream). */
  public AgentensorCheckpointStore checkpoints() {
    return checkpoints;
  }

  /** ChatKit's threads, their items and attachments (in ChatKit's own database, as upstream). */
  public ChatStore chat() {
    return chat;
  }

  /**
   * The credential vault (in its own database on SQLite, as upstream). Its key is looked up on the first call:
   * {@code ORCHEO_VAULT_ENCRYPTION_KEY}, else the key file next to a SQLite vault, created when the vault is new.
   *
   * @throws io.orcheo.persistence.core.error.ConfigurationException if a PostgreSQL vault has no key, or a SQLite
   *     vault holding credentials has lost its key file
   */
  public synchronized CredentialVault vault() {
    return openVault();
  }

  /**
   * A rotation of the vault's key to {@code newKey}: every secret and OAuth token re-encrypted, resumable, verified
   * before it reports success. On success this instance's {@link #vault()} uses the new key, and a key file the old
   * key came from holds the new one; a key from {@code ORCHEO_VAULT_ENCRYPTION_KEY} must be changed by the operator.
   */
  public synchronized VaultKeyRotation vaultKeyRotation(Secret newKey) {
    Objects.requireNonNull(newKey, "newKey");
    JooqCredentialVault current = openVault();
    return VaultKeyRotation.of(database(Store.VAULT).transactor(), vaultKey, newKey, key -> {
      synchronized (this) {
        current.useKey(key);
        vaultKey = new VaultKey(key, vaultKey.file());
      }
    });
  }

  private JooqCredentialVault openVault() {
    if (vault == null) {
      var transactor = database(Store.VAULT).transactor();
      vaultKey = VaultKey.resolve(settings, transactor);
      vault = new JooqCredentialVault(transactor, clock, vaultKey.key());
    }
    return vault;
  }

  /** Health of every database, without row counts. */
  public List<DatabaseHealth> health() {
    return health(false);
  }

  /** Health of every database; {@code withRowCounts} adds a count of every table (a full scan on SQLite). */
  public List<DatabaseHealth> health(boolean withRowCounts) {
    return databases.stream().map(database -> database.health(withRowCounts)).toList();
  }

  @Override
  public void close() {
    databases.forEach(Database::close);
  }
}
