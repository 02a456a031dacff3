package io.orcheo.persistence.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * A statement as a store sent it to the driver: its SQL and the JDBC {@code set…} calls that bound its values, so
 * that it can be explained exactly as it ran (same text, same bind types). {@link #recording} gives a
 * {@link DSLContext} whose statements are captured.
 *
 * @param sql the SQL text, with {@code ?} placeholders
 * @param binds the bind calls, in order
 */
record CapturedStatement(String sql, List<Bind> binds) {
  /** One {@code PreparedStatement.setXxx(index, value…)} call. */
  record Bind(Method method, Object[] arguments) {
    /** Replays the call onto {@code statement}, its index moved by {@code offset}. */
    void replay(PreparedStatement statement, int offset) throws SQLException {
      Object[] shifted = arguments.clone();
      shifted[0] = (Integer) arguments[0] + offset;
      try {
        method.invoke(statement, shifted);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof SQLException sql) {
          throw sql;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    @Override
    public String toString() {
      return method.getName() + "(" + (arguments.length > 1 ? arguments[1] : "") + ")";
    }
  }

  /** Whether it reads ({@code select …}, {@code with …}). */
  boolean isSelect() {
    String start = sql.stripLeading().toLowerCase(Locale.ROOT);
    return start.startsWith("select") || start.startsWith("with");
  }

  /** {@code prefix + sql} prepared on {@code connection} with the captured values bound. */
  PreparedStatement prepare(Connection connection, String prefix) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(prefix + sql);
    try {
      bind(statement, 0);
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  /** Replays the binds onto {@code statement}, each index moved by {@code offset}. */
  void bind(PreparedStatement statement, int offset) throws SQLException {
    for (Bind bind : binds) {
      bind.replay(statement, offset);
    }
  }

  /** The SQL with {@code $1, $2, …} for the placeholders (outside quotes), as PostgreSQL's {@code PREPARE} takes. */
  String numbered() {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    boolean quoted = false;
    int n = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      }
      if (c == '?' && !quoted) {
        out.append('$').append(++n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * PostgreSQL's generic plan of this statement (what a statement prepared on the server may switch to after five
   * executions), by {@code PREPARE} and {@code EXPLAIN EXECUTE} under {@code plan_cache_mode = force_generic_plan},
   * the captured values passed as literals (a generic plan does not depend on them). Runs in a transaction it rolls
   * back.
   */
  List<String> genericPlan(Connection connection, String explainOptions) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
      statement.execute("PREPARE captured_plan AS " + numbered());
      try {
        List<String> literals = new ArrayList<>();
        for (Bind bind : binds) {
          Object value = bind.arguments().length > 1 ? bind.arguments()[1] : null;
          literals.add(value == null || bind.method().getName().equals("setNull") ? "NULL"
              : "'" + value.toString().replace("'", "''") + "'");
        }
        return lines(statement.executeQuery("EXPLAIN " + explainOptions + " EXECUTE captured_plan"
            + (literals.isEmpty() ? "" : "(" + String.join(", ", literals) + ")")));
      } finally {
        // A prepared statement belongs to the session, not the transaction.
        statement.execute("DEALLOCATE captured_plan");
      }
    } finally {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    }
  }

  /** The first column of every row. */
  static List<String> lines(ResultSet rows) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (rows) {
      while (rows.next()) {
        lines.add(rows.getString(1));
      }
    }
    return lines;
  }

  /** {@code dsl} with every statement it prepares added to {@code captured}. */
  static DSLContext recording(DSLContext dsl, List<CapturedStatement> captured) {
    Configuration configuration = dsl.configuration().deriveAppending(new ExecuteListener() {
      @Override
      public void prepareEnd(ExecuteContext ctx) {
        if (ctx.statement() == null) {
          return;
        }
        List<Bind> binds = new CopyOnWriteArrayList<>();
        captured.add(new CapturedStatement(ctx.sql(), binds));
        PreparedStatement real = ctx.statement();
        ctx.statement((PreparedStatement) Proxy.newProxyInstance(CapturedStatement.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
              if (method.getName().startsWith("set") && args != null && args.length >= 2
                  && method.getParameterTypes()[0] == int.class) {
                binds.add(new Bind(method, args.clone()));
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
      }
    });
    return configuration.dsl();
  }
}
