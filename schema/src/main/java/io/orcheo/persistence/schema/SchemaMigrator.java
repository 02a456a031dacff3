package io.orcheo.persistence.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.PreconditionFailedException;
import liquibase.precondition.FailedPrecondition;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies the changelogs of this module to a database, and tells which changeset was applied last.
 *
 * <p>The entry points are {@link #MASTER} (PostgreSQL, where every subsystem shares one database) and one per
 * SQLite file of upstream's layout, such as {@link #SERVICE_TOKENS}. A changeset is recorded under the path of the
 * subsystem changelog that declares it, whichever entry point applied it.
 */
public final class SchemaMigrator {
  /** Every subsystem: for PostgreSQL and for code generation. */
  public static final String MASTER = "db/changelog/master.xml";

  /** The SQLite file of service tokens (upstream: {@code service_tokens.sqlite}). */
  public static final String SERVICE_TOKENS = "db/changelog/service-tokens.xml";

  /**
   * The SQLite file of the workflow repository (upstream: {@code workflows.sqlite}), shared with run history and
   * agentensor checkpoints.
   */
  public static final String REPOSITORY = "db/changelog/repository.xml";

  /** The SQLite file of the ChatKit store (upstream: {@code chatkit.sqlite}). */
  public static final String CHATKIT = "db/changelog/chatkit.xml";

  /** The SQLite file of the credential vault (upstream: {@code vault.sqlite}). */
  public static final String VAULT = "db/changelog/vault.xml";

  /**
   * Liquibase logs each changeset through java.util.logging at INFO; we keep its warnings only. Held in a field
   * because java.util.logging references loggers weakly and would forget the level.
   */
  private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

  static {
    LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private SchemaMigrator() {}

  /**
   * Brings the database behind {@code connection} up to date with {@code changelog}. Liquibase closes the connection
   * when it is done, so pass one that may be closed (a pooled one goes back to its pool).
   *
   * @param schema the schema to create objects in, or null for the connection's default
   */
  public static void update(Connection connection, String changelog, String schema) {
    try {
      Database database =
          DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
      if (schema != null) {
        database.setDefaultSchemaName(schema);
        database.setLiquibaseSchemaName(schema);
      }
      // No banner or summary on stdout: the CLI's stdout is for its own, machine-readable output.
      Map<String, Object> scope = Map.of(
          Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()),
          Scope.Attr.ui.name(), new LoggerUIService());
      Scope.child(scope, () -> {
        try {
          new CommandScope(UpdateCommandStep.COMMAND_NAME)
              .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
              .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
              .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
              .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
              .execute();
        } finally {
          database.close();
        }
      });
    } catch (Exception e) {
      throw new SchemaUpdateException("Applying " + changelog + " failed: " + rootMessage(e), e);
    }
  }

  /**
   * The id of the changeset applied last, or empty when Liquibase never ran on this database.
   */
  public static Optional<String> lastAppliedChangeSet(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
            "SELECT id FROM databasechangelog ORDER BY orderexecuted DESC, dateexecuted DESC LIMIT 1");
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
    } catch (SQLException e) {
      if (hasChangelogTable(connection)) {
        throw e;
      }
      return Optional.empty();
    }
  }

  private static boolean hasChangelogTable(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
    try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (tables.next()) {
        if ("databasechangelog".equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
          return true;
        }
      }
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    // A HALTed precondition's own explanation is in its failure list; the exception says only "Preconditions Failed".
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof PreconditionFailedException failed && !failed.getFailedPreconditions().isEmpty()) {
        return failed.getFailedPreconditions().stream()
            .map(FailedPrecondition::getMessage)
            .collect(java.util.stream.Collectors.joining("; "));
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
