package io.orcheo.persistence.schema.vault;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomPreconditionErrorException;
import liquibase.exception.CustomPreconditionFailedException;
import liquibase.precondition.CustomPrecondition;

/**
 * Fails, naming them, when {@code credentials} holds names that are equal regardless of ASCII case: the unique
 * index that enforces the rule from then on could not be built over them. Upstream checks names in code before it
 * writes, so only writers racing each other leave such pairs behind; the operator renames or deletes one of each
 * pair (upstream's UI or SQL) and starts again. The folding is the index's: {@code lower(name)} on SQLite,
 * {@code lower(name COLLATE "C")} on PostgreSQL.
 */
public final class DistinctCredentialNames implements CustomPrecondition {
  private static final int SHOWN = 10;

  @Override
  public void check(Database database) throws CustomPreconditionFailedException, CustomPreconditionErrorException {
    String folded = database instanceof PostgresDatabase ? "lower(name COLLATE \"C\")" : "lower(name)";
    String query = "SELECT " + folded + " AS folded, count(*) AS n FROM credentials GROUP BY " + folded
        + " HAVING count(*) > 1 ORDER BY 1";
    Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    List<String> clashes = new ArrayList<>();
    int total = 0;
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        total++;
        if (clashes.size() < SHOWN) {
          clashes.add("'" + rows.getString("folded") + "' (" + rows.getInt("n") + " credentials)");
        }
      }
    } catch (SQLException e) {
      throw new CustomPreconditionErrorException("Could not check credential names: " + e.getMessage(), e);
    }
    if (total > 0) {
      throw new CustomPreconditionFailedException("The vault holds " + total + " credential name"
          + (total == 1 ? "" : "s") + " used more than once regardless of ASCII case: " + String.join(", ", clashes)
          + (total > SHOWN ? ", …" : "") + ". Names must be unique regardless of case; rename or delete all but"
          + " one credential of each name, then start again.");
    }
  }
}
