package io.orcheo.persistence.migration;

import static io.orcheo.persistence.migration.SqliteFiles.quote;
import static io.orcheo.persistence.migration.SqliteFiles.quoted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.core.config.Backend;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import io.orcheo.persistence.jooq.json.PythonJson;
import io.orcheo.persistence.jooq.runtime.Store;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.postgresql.PGConnection;

/**
 * {@code migrate copy}: streams every table of the SQLite files into PostgreSQL with {@code COPY}, parents first,
 * in batches that each commit with a checkpoint, so that a copy killed at any point (even {@code kill -9}) resumes
 * where it stopped.
 *
 * <p>Each SQLite file is read in one read transaction: the copy is a consistent snapshot of it while the application
 * keeps writing. Rows are read in primary-key order a batch at a time (keyset, so memory holds one batch whatever the
 * table's size) and loaded through a temporary staging table: {@code COPY} into it, then {@code INSERT … SELECT …
 * ON CONFLICT DO NOTHING} into the table, in one transaction. The checkpoint (the batch's last key) is saved after
 * the commit; a crash between the two re-copies one batch, whose rows are then already there and skipped.
 *
 * <p>Values are converted as upstream's export converts them (JSON text trimmed, empty text as no document; 0/1 as
 * booleans), and timestamps are sent as UTC instants so the server's time zone cannot shift them.
 */
public final class SqliteToPostgresCopy {
  /** Rows per batch and transaction unless told otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 5000;

  private final PersistenceSettings source;
  private final OrcheoPersistence target;
  private final List<MigrationTable> tables;
  private final Path stateFile;
  private final int batchSize;

  private SqliteToPostgresCopy(PersistenceSettings source, OrcheoPersistence target, List<MigrationTable> tables,
      Path stateFile, int batchSize) {
    this.source = Objects.requireNonNull(source, "source");
    this.target = Objects.requireNonNull(target, "target");
    this.tables = List.copyOf(tables);
    this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
    if (batchSize < 1) {
      throw new MigrationException("The batch size must be at least 1 (got " + batchSize + ")");
    }
    this.batchSize = batchSize;
  }

  /**
   * A copy of the SQLite files {@code source} names into {@code target}'s PostgreSQL database: upstream's tables
   * (the token tables when their file exists) and, unless {@code excludeVault}, the vault's.
   *
   * @param stateFile where the checkpoints are kept between runs
   */
  public static SqliteToPostgresCopy of(PersistenceSettings source, OrcheoPersistence target, Path stateFile,
      boolean excludeVault) {
    for (Store store : Store.values()) {
      if (target.database(store).backend() != Backend.POSTGRES) {
        throw new MigrationException("The copy's target must keep every store in PostgreSQL; " + store.id()
            + " is on " + target.database(store).backend().id());
      }
    }
    List<MigrationTable> tables = new ArrayList<>();
    for (MigrationTable table : MigrationTables.UPSTREAM) {
      if (table.store() != Store.SERVICE_TOKENS || Files.exists(Store.SERVICE_TOKENS.sqlitePath(source))) {
        tables.add(table);
      }
    }
    if (!excludeVault && Files.exists(Store.VAULT.sqlitePath(source))) {
      tables.addAll(MigrationTables.VAULT);
    }
    return new SqliteToPostgresCopy(source, target, tables, stateFile, DEFAULT_BATCH_SIZE);
  }

  /** This copy with {@code size} rows per batch. */
  public SqliteToPostgresCopy withBatchSize(int size) {
    return new SqliteToPostgresCopy(source, target, tables, stateFile, size);
  }

  /** Hears each committed batch. */
  @FunctionalInterface
  public interface Listener {
    /** Nothing. */
    Listener NONE = (table, rows, bytes) -> { };

    /**
     * A batch of {@code table} is committed.
     *
     * @param rows rows in the batch
     * @param bytes bytes of COPY data sent for it
     */
    void batchCommitted(String table, long rows, long bytes);
  }

  /**
   * What the copy did.
   *
   * @param rows rows copied by this run, per table
   * @param bytes bytes of COPY data this run sent
   */
  public record Report(Map<String, Long> rows, long bytes) {}

  /**
   * Copies everything not yet copied. A fresh copy first runs the {@link Preflight} over the SQLite files.
   *
   * @throws PreflightException if the pre-flight finds rows PostgreSQL would refuse; nothing is written
   */
  public Report run(Listener listener) {
    CopyState state = CopyState.read(stateFile);
    if (state.isFresh()) {
      // Before the first write: a copy that stopped halfway on a row PostgreSQL refuses helps nobody.
      List<Preflight.Problem> problems = Preflight.check(source, tables);
      if (!problems.isEmpty()) {
        throw new PreflightException(problems);
      }
    }
    Map<String, Long> copied = new java.util.LinkedHashMap<>();
    long bytes = 0;
    Map<Store, List<MigrationTable>> byStore = tables.stream().collect(Collectors.groupingBy(MigrationTable::store,
        () -> new EnumMap<>(Store.class), Collectors.toList()));
    Map<Store, Connection> readers = new EnumMap<>(Store.class);
    try {
      for (Store store : byStore.keySet()) {
        Path file = store.sqlitePath(source);
        if (!Files.isRegularFile(file)) {
          throw new MigrationException("Missing SQLite database: " + file);
        }
        Connection reader = SqliteFiles.openReadOnly(file);
        // One read transaction per file, held for the whole copy: one snapshot of it.
        reader.setAutoCommit(false);
        readers.put(store, reader);
      }
      for (MigrationTable table : tables) {
        long[] moved = copyTable(table, readers.get(table.store()), state, listener);
        copied.put(table.name(), moved[0]);
        bytes += moved[1];
      }
    } catch (SQLException e) {
      throw new MigrationException("The copy failed: " + e.getMessage(), e);
    } finally {
      for (Connection reader : readers.values()) {
        try {
          reader.close();
        } catch (SQLException e) {
          // A read-only snapshot: nothing to lose.
        }
      }
    }
    return new Report(copied, bytes);
  }

  private long[] copyTable(MigrationTable table, Connection reader, CopyState state, Listener listener)
      throws SQLException {
    if (state.done(table.name())) {
      return new long[] {0, 0};
    }
    List<String> key = List.of(table.table().getPrimaryKey().getFieldsArray()).stream().map(Field::getName).toList();
    List<String> columns = table.allColumns();
    long rows = 0;
    long bytes = 0;
    JsonNode last = state.lastKey(table.name());
    while (true) {
      String sql = "SELECT " + quoted(columns) + " FROM " + quote(table.name())
          + (last == null ? "" : " WHERE (" + quoted(key) + ") > (" + "?, ".repeat(key.size() - 1) + "?)")
          + " ORDER BY " + quoted(key) + " LIMIT " + batchSize;
      StringBuilder data = new StringBuilder();
      int count = 0;
      JsonNode batchLast = null;
      try (PreparedStatement select = reader.prepareStatement(sql)) {
        if (last != null) {
          for (int i = 0; i < key.size(); i++) {
            select.setObject(i + 1, scalar(last.get(i)));
          }
        }
        try (ResultSet result = select.executeQuery()) {
          while (result.next()) {
            appendRow(table, columns, result, data);
            count++;
            var keyValues = JsonNodeFactory.instance.arrayNode();
            for (String column : key) {
              keyValues.add(keyNode(result.getObject(columns.indexOf(column) + 1)));
            }
            batchLast = keyValues;
          }
        }
      }
      if (count == 0) {
        break;
      }
      load(table, columns, data.toString());
      rows += count;
      long sent = data.length();
      bytes += sent;
      last = batchLast;
      state.advance(table.name(), last, count);
      listener.batchCommitted(table.name(), count, sent);
      if (count < batchSize) {
        break;
      }
    }
    state.finish(table.name());
    return new long[] {rows, bytes};
  }

  /** COPY into a staging table, then insert what is not there yet, in one transaction. */
  private void load(MigrationTable table, List<String> columns, String data) throws SQLException {
    String staging = "orcheo_copy_" + table.name();
    try (Connection connection = target.database(table.store()).dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + quote(staging) + " (LIKE "
            + quote(table.name()) + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
        // Bytes, not a Reader: pgjdbc encodes a Reader's text 65,536 chars at a time, each chunk on its own, so a
        // character beyond the Basic Multilingual Plane (an emoji) whose surrogate pair straddles a chunk boundary
        // arrived as "??". The connection's client encoding is always UTF-8.
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
            "COPY " + quote(staging) + " (" + quoted(columns) + ") FROM STDIN",
            new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)));
        statement.executeUpdate("INSERT INTO " + quote(table.name()) + " (" + quoted(columns) + ") SELECT "
            + quoted(columns) + " FROM " + quote(staging) + " ON CONFLICT DO NOTHING");
        connection.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        connection.rollback();
        throw new MigrationException("Copying a batch of " + table.name() + " failed: " + e.getMessage(), e);
      }
    }
  }

  /** One row in COPY's text format: tab-separated, {@code \N} for NULL, backslash escapes. */
  private static void appendRow(MigrationTable table, List<String> columns, ResultSet result, StringBuilder out)
      throws SQLException {
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        out.append('\t');
      }
      String column = columns.get(i);
      String value = text(table, column, result.getObject(i + 1));
      if (value == null) {
        out.append("\\N");
      } else {
        escape(value, out);
      }
    }
    out.append('\n');
  }

  private static String text(MigrationTable table, String column, Object value) {
    Field<?> field = table.table().field(column);
    if (table.boolColumns().contains(column) || field.getType() == Boolean.class) {
      boolean truth = value != null && (value instanceof Number number ? number.doubleValue() != 0
          : !value.toString().isEmpty());
      return truth ? "t" : "f";
    }
    if (table.jsonColumns().contains(column) || JsonNode.class.isAssignableFrom(field.getType())) {
      String document = value == null ? "" : value instanceof String text ? text.strip() : value.toString();
      if (document.isEmpty()) {
        return field.getDataType().nullable() ? null : "null";
      }
      return document;
    }
    if (value == null) {
      return null;
    }
    if (field.getType() == Instant.class) {
      return UpstreamTimestamps.parse(value.toString()).toString();
    }
    if (value instanceof Double number) {
      return PythonJson.dumpsCompact(JsonNodeFactory.instance.numberNode(number));
    }
    return value.toString();
  }

  private static void escape(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
  }

  private static JsonNode keyNode(Object value) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    if (value == null) {
      return json.nullNode();
    }
    if (value instanceof Integer || value instanceof Long) {
      return json.numberNode(((Number) value).longValue());
    }
    if (value instanceof Double number) {
      return json.numberNode(number);
    }
    return json.textNode(value.toString());
  }

  private static Object scalar(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.isNull() ? null : node.textValue();
  }



}
