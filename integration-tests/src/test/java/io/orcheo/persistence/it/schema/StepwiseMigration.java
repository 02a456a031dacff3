package io.orcheo.persistence.it.schema;

import io.orcheo.persistence.schema.SchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/** Applies a changelog to a SQLite file one changeset at a time, to look at the schema between changesets. */
final class StepwiseMigration {
  private StepwiseMigration() {}

  /**
   * Applies the next pending changeset of {@code changelog} to {@code file}.
   *
   * @return whether there was one
   */
  static boolean applyNext(Path file, String changelog) throws Exception {
    int before = recorded(file);
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
    Database database =
        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
    Map<String, Object> scope = Map.of(
        Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()),
        Scope.Attr.ui.name(), new LoggerUIService());
    try {
      Scope.child(scope, () -> new CommandScope(UpdateCountCommandStep.COMMAND_NAME)
          .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
          .addArgumentValue(UpdateCountCommandStep.CHANGELOG_FILE_ARG, changelog)
          .addArgumentValue(UpdateCountCommandStep.COUNT_ARG, 1)
          .execute());
    } finally {
      database.close();
    }
    return recorded(file) > before;
  }

  private static int recorded(Path file) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        var rows = connection.getMetaData().getTables(null, null, "DATABASECHANGELOG", null)) {
      if (!rows.next()) {
        try (var lower = connection.getMetaData().getTables(null, null, "databasechangelog", null)) {
          if (!lower.next()) {
            return 0;
          }
        }
      }
      try (var statement = connection.createStatement();
          var count = statement.executeQuery("SELECT count(*) FROM databasechangelog")) {
        count.next();
        return count.getInt(1);
      }
    }
  }
}
