package io.orcheo.persistence.it.chatkit;

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
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * A statement exactly as a store handed it to the JDBC driver: the SQL text and the driver calls that bound its
 * values. Explaining it replays those calls, so the plan is the one of the statement the store runs, with the same
 * bind types, not of a hand-written copy.
 *
 * @param sql the SQL, with {@code ?} placeholders
 * @param binds the {@code PreparedStatement.setXxx(index, value…)} calls, in order
 */
record RecordedStatement(String sql, List<Bind> binds) {
  /** One bind call. */
  record Bind(Method method, Object[] arguments) {
    void replay(PreparedStatement statement) throws SQLException {
      try {
        method.invoke(statement, arguments);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof SQLException sql) {
          throw sql;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    /** The value as an SQL literal, for {@code EXECUTE}. */
    String literal() {
      Object value = arguments.length > 1 ? arguments[1] : null;
      return value == null || method.getName().equals("setNull") ? "NULL"
          : "'" + value.toString().replace("'", "''") + "'";
    }
  }

  /** {@code dsl}, recording every statement it prepares into {@code recorded}. */
  static DSLContext recording(DSLContext dsl, List<RecordedStatement> recorded) {
    return dsl.configuration().deriveAppending(new ExecuteListener() {
      @Override
      public void prepareEnd(ExecuteContext ctx) {
        PreparedStatement real = ctx.statement();
        if (real == null) {
          return;
        }
        List<Bind> binds = new CopyOnWriteArrayList<>();
        recorded.add(new RecordedStatement(ctx.sql(), binds));
        ctx.statement((PreparedStatement) Proxy.newProxyInstance(RecordedStatement.class.getClassLoader(),
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
    }).dsl();
  }

  /** Whether it reads. */
  boolean isSelect() {
    return sql.stripLeading().toLowerCase(Locale.ROOT).startsWith("select");
  }

  /** Column {@code column} of every row of {@code prefix + sql}, run with the recorded binds. */
  List<String> run(Connection connection, String prefix, String column) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(prefix + sql)) {
      for (Bind bind : binds) {
        bind.replay(statement);
      }
      List<String> lines = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          lines.add(rows.getString(column));
        }
      }
      return lines;
    }
  }

  /** The SQL with {@code $1, $2, …} for the placeholders outside quotes, as PostgreSQL's {@code PREPARE} takes. */
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

  /** The recorded values as literals, {@code ('a', '2', …)}, or nothing when there are none. */
  String executeArguments() {
    if (binds.isEmpty()) {
      return "";
    }
    List<String> literals = new ArrayList<>();
    binds.forEach(bind -> literals.add(bind.literal()));
    return "(" + String.join(", ", literals) + ")";
  }

  /**
   * PostgreSQL: {@code EXPLAIN <options> EXECUTE} of this statement prepared on the server as {@code PREPARE} does
   * (and as the JDBC driver does after five executions), under {@code plan_cache_mode = force_generic_plan}: the
   * generic plan, which does not depend on the values. In a transaction that is rolled back.
   */
  List<String> genericPlan(Connection connection, String options) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
      statement.execute("PREPARE recorded_statement AS " + numbered());
      try {
        return lines(statement.executeQuery("EXPLAIN " + options + " EXECUTE recorded_statement" + executeArguments()));
      } finally {
        statement.execute("DEALLOCATE recorded_statement");
      }
    } finally {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    }
  }

  static List<String> lines(ResultSet rows) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (rows) {
      while (rows.next()) {
        lines.add(rows.getString(1));
      }
    }
    return lines;
  }
}
