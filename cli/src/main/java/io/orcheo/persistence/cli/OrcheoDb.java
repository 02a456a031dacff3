package io.orcheo.persistence.cli;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.error.ConfigurationException;
import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.error.PersistenceException;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.migration.PreflightException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code orcheo-db}: the operator's tool for Orcheo's databases. Settings come from the same {@code ORCHEO_*}
 * environment variables as the application; with none set it works on the SQLite files under {@code ~/.orcheo}.
 *
 * <p>Exit codes: 0 success, 1 storage failure or unhealthy database, 2 wrong usage, input the repositories refuse or
 * SQLite rows the migration pre-flight finds PostgreSQL would refuse, 3 invalid settings (a vault key that is missing
 * or does not open the vault), 4 unknown token, workflow, execution, chat thread or credential, or no best checkpoint.
 */
@Command(
    name = "orcheo-db",
    mixinStandardHelpOptions = true,
    versionProvider = OrcheoDb.Version.class,
    description = "Apply the schema, check health, manage service tokens and inspect workflows, runs, run history, "
        + "agentensor checkpoints, ChatKit threads and vault credentials of Orcheo's databases (SQLite or "
        + "PostgreSQL).",
    // Footer lines fit the usage width (80), so picocli does not wrap them mid-list.
    footer = {"", "Settings: ORCHEO_REPOSITORY_BACKEND (sqlite|postgres), ORCHEO_POSTGRES_DSN,",
        "ORCHEO_REPOSITORY_SQLITE_PATH, ORCHEO_AUTH_SERVICE_TOKEN_DB_PATH,",
        "ORCHEO_CHATKIT_BACKEND, ORCHEO_CHATKIT_SQLITE_PATH, ORCHEO_VAULT_BACKEND,",
        "ORCHEO_VAULT_LOCAL_PATH, ORCHEO_VAULT_ENCRYPTION_KEY, ORCHEO_POSTGRES_POOL_*,",
        "ORCHEO_SCHEMA_AUTO_UPDATE; see README.md."},
    subcommands = {InitCommand.class, StatusCommand.class, DemoCommand.class, TokensCommand.class,
        WorkflowsCommand.class, RunsCommand.class, HistoryCommand.class, CheckpointsCommand.class, ChatCommand.class,
        VaultCommand.class, MigrateCommand.class, CommandLine.HelpCommand.class})
public final class OrcheoDb implements Runnable {
  static final int EXIT_STORAGE = 1;
  static final int EXIT_CONFIGURATION = 3;
  static final int EXIT_NOT_FOUND = 4;

  private final Map<String, String> environment;

  @Spec CommandSpec spec;

  /**
   * The root command, reading its settings from {@code environment} instead of the process's: for
   * {@code new CommandLine(new OrcheoDb(environment))}, as {@link #run} builds it.
   */
  public OrcheoDb(Map<String, String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  public static void main(String[] args) {
    System.exit(run(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs one command line against {@code environment} (the {@code ORCHEO_*} settings, as {@link #main} takes them
   * from the process), printing to {@code out} and {@code err}; returns the exit code.
   */
  public static int run(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new OrcheoDb(environment));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
      cmd.getErr().println("orcheo-db: " + e.getMessage());
      if (e instanceof ConfigurationException) {
        return EXIT_CONFIGURATION;
      }
      if (e instanceof NotFoundException) {
        return EXIT_NOT_FOUND;
      }
      if (e instanceof ValidationException || e instanceof PreflightException) {
        // Input the repositories refused (a value no backend can store, an invalid name), or rows of the SQLite files
        // PostgreSQL would refuse: the caller's to fix.
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
      }
      if (e instanceof PersistenceException) {
        return EXIT_STORAGE;
      }
      throw e;
    });
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing command: init, status, demo, tokens, workflows, runs, history, checkpoints, chat, vault or migrate");
  }

  /** The settings of this invocation, validated. */
  PersistenceSettings settings() {
    return PersistenceSettings.fromMap(environment);
  }

  /** The value of an environment variable of this invocation, or {@code null} if it is not set. */
  String variable(String name) {
    return environment.get(name);
  }

  /** Opens the databases the settings name, applying the schema unless ORCHEO_SCHEMA_AUTO_UPDATE=false. */
  OrcheoPersistence open() {
    return OrcheoPersistence.open(settings());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = OrcheoDb.class.getPackage().getImplementationVersion();
      return new String[] {"orcheo-db " + (version == null ? "development build" : version)};
    }
  }
}
