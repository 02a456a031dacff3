package io.orcheo.persistence.schema.chatkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import liquibase.Scope;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Upgrades a SQLite {@code chat_messages} table written before upstream Orcheo added its {@code thread_id} column,
 * as upstream's own upgrade does: each row's thread is read from its JSON ({@code thread_id}, else {@code threadId},
 * else {@code metadata.thread_id}; an empty string counts as absent), the table is rebuilt with the current
 * definition, and the rows are copied in ordinal order.
 *
 * <p>Unlike upstream, which copies with foreign keys off, a row whose thread is absent from {@code chat_threads} is
 * dropped as well as a row with no thread: the rebuilt table's foreign key would refuse it, and PostgreSQL would
 * refuse it on migration. Every dropped row is named in a warning. Liquibase runs the change in the changeset's
 * transaction, so a failure (such as a row whose JSON is invalid) leaves the old table as it was.
 */
public final class LegacyChatMessagesUpgrade implements CustomTaskChange {
  private static final String THREAD_OF_ROW =
      "COALESCE(NULLIF(json_extract(item_json, '$.thread_id'), ''), NULLIF(json_extract(item_json, '$.threadId'), ''),"
          + " NULLIF(json_extract(item_json, '$.metadata.thread_id'), ''))";
  private static final int NAMED_IN_MESSAGES = 20;

  private int dropped;
  private int copied;

  @Override
  public void execute(Database database) throws CustomChangeException {
    Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    try (Statement statement = connection.createStatement()) {
      List<String> invalid = ids(statement, "SELECT id FROM chat_messages WHERE json_valid(item_json) = 0");
      if (!invalid.isEmpty()) {
        throw new CustomChangeException("Cannot add thread_id to the legacy chat_messages table: " + invalid.size()
            + " row(s) hold invalid JSON in item_json (ids " + named(invalid) + "). Repair or delete them and open"
            + " the database again; nothing was changed.");
      }
      List<String> orphans = ids(statement, "SELECT id FROM chat_messages WHERE " + THREAD_OF_ROW + " IS NULL OR "
          + THREAD_OF_ROW + " NOT IN (SELECT id FROM chat_threads) ORDER BY ordinal, id");
      statement.execute("""
          CREATE TABLE chat_messages__new (
            id TEXT NOT NULL PRIMARY KEY,
            thread_id TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            item_type TEXT,
            item_json TEXT NOT NULL,
            created_at TEXT NOT NULL,
            CONSTRAINT fk_chat_messages_thread FOREIGN KEY (thread_id) REFERENCES chat_threads (id) ON DELETE CASCADE
          )""");
      copied = statement.executeUpdate("INSERT INTO chat_messages__new (id, thread_id, ordinal, item_type, item_json,"
          + " created_at) SELECT id, " + THREAD_OF_ROW + ", ordinal, item_type, item_json, created_at"
          + " FROM chat_messages WHERE " + THREAD_OF_ROW + " IN (SELECT id FROM chat_threads) ORDER BY ordinal, id");
      statement.execute("DROP TABLE chat_messages");
      statement.execute("ALTER TABLE chat_messages__new RENAME TO chat_messages");
      dropped = orphans.size();
      if (dropped > 0) {
        Scope.getCurrentScope().getLog(getClass()).warning("Upgrading the legacy chat_messages table dropped "
            + dropped + " item(s) whose thread is unknown or missing from chat_threads: " + named(orphans));
      }
    } catch (SQLException e) {
      throw new CustomChangeException("Cannot add thread_id to the legacy chat_messages table: " + e.getMessage(), e);
    }
  }

  private static List<String> ids(Statement statement, String query) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  private static String named(List<String> ids) {
    List<String> shown = ids.subList(0, Math.min(ids.size(), NAMED_IN_MESSAGES));
    return String.join(", ", shown) + (ids.size() > shown.size() ? " and " + (ids.size() - shown.size()) + " more" : "");
  }

  @Override
  public String getConfirmationMessage() {
    return "chat_messages upgraded with thread_id: " + copied + " item(s) kept, " + dropped + " dropped";
  }

  @Override
  public void setUp() {
    // No parameters.
  }

  @Override
  public void setFileOpener(ResourceAccessor resourceAccessor) {
    // Reads no files.
  }

  @Override
  public ValidationErrors validate(Database database) {
    return new ValidationErrors();
  }
}
