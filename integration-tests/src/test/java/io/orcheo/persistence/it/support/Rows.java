package io.orcheo.persistence.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain-JDBC reads for tests that look at what is stored, beneath the repositories. */
public final class Rows {
  private Rows() {}

  /** Every row of {@code sql} as strings, in the order the database returns them. */
  public static List<List<String>> query(Connection connection, String sql, Object... parameters) throws SQLException {
    List<List<String>> result = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          List<String> row = new ArrayList<>(columns);
          for (int c = 1; c <= columns; c++) {
            row.add(rows.getString(c));
          }
          result.add(row);
        }
      }
    }
    return result;
  }
}
