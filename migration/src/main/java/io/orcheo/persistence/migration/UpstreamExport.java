package io.orcheo.persistence.migration;

import static io.orcheo.persistence.migration.SqliteFiles.quote;
import static io.orcheo.persistence.migration.SqliteFiles.quoted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import io.orcheo.persistence.jooq.json.PythonJson;
import io.orcheo.persistence.jooq.runtime.Store;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Writes an export in upstream's format (spec §G.4): per table, batches of rows as JSON lines (sorted keys, no
 * whitespace, ASCII-escaped), each with its SHA-256 in a version 1 manifest written last. Upstream's importer reads
 * it, and so does {@link UpstreamImport}.
 *
 * <p>Each SQLite file is read in one read transaction, so the export is a consistent snapshot of it even while an
 * application keeps writing (WAL readers see the database as of their first read). Memory holds one row at a time.
 * Rows are transformed as upstream transforms them: a JSON column's text is trimmed and parsed (empty text becomes
 * {@code null}), a boolean column's value becomes {@code true} or {@code false} ({@code NULL} is {@code false}),
 * everything else is copied as SQLite stores it, timestamps as their text.
 */
public final class UpstreamExport {
  /** Upstream's default batch size. */
  public static final int DEFAULT_BATCH_SIZE = 1000;

  private final Map<Store, Path> sqliteFiles;
  private final List<MigrationTable> tables;
  private final int batchSize;
  private final Clock clock;

  private UpstreamExport(Map<Store, Path> sqliteFiles, List<MigrationTable> tables, int batchSize, Clock clock) {
    this.sqliteFiles = Map.copyOf(sqliteFiles);
    this.tables = List.copyOf(tables);
    if (batchSize <= 0) {
      throw new MigrationException("batch_size must be positive (got " + batchSize + ")");
    }
    this.batchSize = batchSize;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * An export of the SQLite files the settings name: upstream's tables (the token tables only if the token file
   * exists) and, unless {@code excludeVault}, the vault's (if its file exists).
   */
  public static UpstreamExport of(PersistenceSettings settings, boolean excludeVault) {
    Map<Store, Path> files = new EnumMap<>(Store.class);
    for (Store store : Store.values()) {
      files.put(store, store.sqlitePath(settings));
    }
    List<MigrationTable> tables = new ArrayList<>();
    for (MigrationTable table : MigrationTables.UPSTREAM) {
      if (table.store() != Store.SERVICE_TOKENS || Files.exists(files.get(Store.SERVICE_TOKENS))) {
        tables.add(table);
      }
    }
    if (!excludeVault && Files.exists(files.get(Store.VAULT))) {
      tables.addAll(MigrationTables.VAULT);
    }
    return new UpstreamExport(files, tables, DEFAULT_BATCH_SIZE, Clock.systemUTC());
  }

  /** An export of {@code tables} from the given files. */
  public static UpstreamExport of(Map<Store, Path> sqliteFiles, List<MigrationTable> tables) {
    return new UpstreamExport(sqliteFiles, tables, DEFAULT_BATCH_SIZE, Clock.systemUTC());
  }

  /** This export with {@code size} rows per batch file. */
  public UpstreamExport withBatchSize(int size) {
    return new UpstreamExport(sqliteFiles, tables, size, clock);
  }

  /** This export stamping its manifest with {@code clock}'s time. */
  public UpstreamExport withClock(Clock newClock) {
    return new UpstreamExport(sqliteFiles, tables, batchSize, newClock);
  }

  /** The tables this export writes, in order. */
  public List<MigrationTable> tables() {
    return tables;
  }

  /**
   * Writes the export into {@code output} (created if missing) and returns its manifest.
   *
   * @throws MigrationException if a SQLite file or table is missing, a JSON column holds invalid JSON or a value
   *     cannot be written; no manifest is written then
   */
  public Manifest writeTo(Path output) {
    try {
      Files.createDirectories(output);
      Map<String, Manifest.Entry> entries = new LinkedHashMap<>();
      Map<Store, List<MigrationTable>> byStore = tables.stream()
          .collect(Collectors.groupingBy(MigrationTable::store, () -> new EnumMap<>(Store.class),
              Collectors.toList()));
      for (Map.Entry<Store, List<MigrationTable>> store : byStore.entrySet()) {
        Path file = sqliteFiles.get(store.getKey());
        if (file == null || !Files.isRegularFile(file)) {
          throw new MigrationException("Missing SQLite database: " + file);
        }
        try (Connection connection = SqliteFiles.openReadOnly(file)) {
          // One read transaction per file: every table of it comes from the same snapshot.
          connection.setAutoCommit(false);
          for (MigrationTable table : store.getValue()) {
            entries.put(table.name(), export(connection, file, table, output));
          }
          connection.commit();
        }
      }
      Map<String, Manifest.Entry> ordered = new LinkedHashMap<>();
      tables.forEach(table -> ordered.put(table.name(), entries.get(table.name())));
      Manifest manifest = new Manifest(Manifest.VERSION, UpstreamTimestamps.format(clock.instant()), ordered);
      manifest.write(output);
      return manifest;
    } catch (IOException e) {
      throw new MigrationException("Cannot write the export to " + output + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new MigrationException("Cannot read a SQLite database for the export: " + e.getMessage(), e);
    }
  }

  private Manifest.Entry export(Connection connection, Path file, MigrationTable table, Path output)
      throws SQLException, IOException {
    String sql = "SELECT " + quoted(table.columns()) + " FROM " + quote(table.name()) + " ORDER BY "
        + quoted(table.orderBy());
    List<Manifest.Batch> batches = new ArrayList<>();
    long rows = 0;
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      BatchWriter writer = null;
      while (result.next()) {
        if (writer == null) {
          writer = new BatchWriter(output, table.name() + "/" + String.format("batch_%04d.jsonl", batches.size() + 1));
        }
        writer.write(line(table, result));
        rows++;
        if (writer.rows == batchSize) {
          batches.add(writer.close());
          writer = null;
        }
      }
      if (writer != null) {
        batches.add(writer.close());
      }
    }
    List<String> json = table.columns().stream().filter(table.jsonColumns()::contains).toList();
    List<String> bool = table.columns().stream().filter(table.boolColumns()::contains).toList();
    return new Manifest.Entry(table.name(), file.toString(), table.name(), table.columns(), rows, batches, json, bool,
        postImportSql(table));
  }

  /** The statements upstream's importer runs after the table: the audit log's id sequence, set right when empty. */
  private static List<String> postImportSql(MigrationTable table) {
    if (!table.name().equals("service_token_audit_log")) {
      return List.of();
    }
    return List.of("SELECT setval(pg_get_serial_sequence('service_token_audit_log', 'id'), COALESCE(MAX(id), 1), "
        + "MAX(id) IS NOT NULL) FROM service_token_audit_log");
  }

  private static byte[] line(MigrationTable table, ResultSet result) throws SQLException {
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < table.columns().size(); i++) {
      String column = table.columns().get(i);
      Object value = result.getObject(i + 1);
      row.set(column, value(table, column, value, result));
    }
    return (PythonJson.dumpsCompact(row) + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static JsonNode value(MigrationTable table, String column, Object value, ResultSet result)
      throws SQLException {
    JsonNodeFactory json = JsonNodeFactory.instance;
    if (table.boolColumns().contains(column)) {
      // Python's bool(): NULL false, a number by whether it is zero, text by whether it is empty.
      if (value == null) {
        return json.booleanNode(false);
      }
      if (value instanceof Number number) {
        return json.booleanNode(number.doubleValue() != 0);
      }
      return json.booleanNode(!value.toString().isEmpty());
    }
    if (value == null) {
      return json.nullNode();
    }
    if (table.jsonColumns().contains(column) && value instanceof String text) {
      String trimmed = text.strip();
      if (trimmed.isEmpty()) {
        return json.nullNode();
      }
      try {
        return JsonCodec.read(trimmed);
      } catch (RuntimeException e) {
        throw new MigrationException(table.name() + " row " + key(table, result) + ": " + column
            + " is not valid JSON (" + e.getMessage() + ")", e);
      }
    }
    if (value instanceof Integer || value instanceof Long) {
      return json.numberNode(BigInteger.valueOf(((Number) value).longValue()));
    }
    if (value instanceof Double number) {
      return json.numberNode(number);
    }
    if (value instanceof String text) {
      return json.textNode(text);
    }
    throw new MigrationException(table.name() + " row " + key(table, result) + ": " + column + " holds "
        + value.getClass().getSimpleName() + " data, which JSON cannot carry");
  }

  private static String key(MigrationTable table, ResultSet result) throws SQLException {
    List<String> parts = new ArrayList<>();
    for (String column : table.orderBy()) {
      parts.add(column + "=" + result.getString(table.columns().indexOf(column) + 1));
    }
    return "(" + String.join(", ", parts) + ")";
  }




  /** One batch file being written, with the SHA-256 of every byte that reaches it. */
  private static final class BatchWriter {
    private final String file;
    private final MessageDigest digest;
    private final OutputStream out;
    private long rows;

    BatchWriter(Path output, String file) throws IOException {
      this.file = file;
      Path path = output.resolve(file);
      Files.createDirectories(path.getParent());
      try {
        this.digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is not available in this JVM", e);
      }
      this.out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), digest);
    }

    void write(byte[] line) throws IOException {
      out.write(line);
      rows++;
    }

    Manifest.Batch close() throws IOException {
      out.close();
      return new Manifest.Batch(file, rows, HexFormat.of().formatHex(digest.digest()));
    }
  }
}
