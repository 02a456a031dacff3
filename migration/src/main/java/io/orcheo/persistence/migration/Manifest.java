package io.orcheo.persistence.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.json.PythonJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An export's {@code manifest.json} in upstream's version 1 format: pretty-printed with sorted keys, as Python's
 * {@code json.dumps(indent=2, sort_keys=True)} writes it, so that either tool reads the other's.
 *
 * @param version always 1
 * @param generatedAt when the export finished, as upstream writes it ({@code datetime.isoformat()} in UTC)
 * @param tables the exported tables by name
 */
public record Manifest(int version, String generatedAt, Map<String, Entry> tables) {
  /** The only version there is. */
  public static final int VERSION = 1;
  /** The file name inside an export folder. */
  public static final String FILE = "manifest.json";

  public Manifest {
    Objects.requireNonNull(generatedAt, "generatedAt");
    tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
  }

  /**
   * One table of the export.
   *
   * @param name the table
   * @param sqlitePath the SQLite file it was read from
   * @param postgresTable the table it loads into
   * @param columns the columns of every row, in order
   * @param rowCount rows exported
   * @param batches the batch files, in order
   * @param jsonColumns the columns holding JSON
   * @param boolColumns the columns holding booleans
   * @param postImportSql statements upstream's importer runs after the table (ours does not run them)
   */
  public record Entry(String name, String sqlitePath, String postgresTable, List<String> columns, long rowCount,
      List<Batch> batches, List<String> jsonColumns, List<String> boolColumns, List<String> postImportSql) {
    public Entry {
      columns = List.copyOf(columns);
      batches = List.copyOf(batches);
      jsonColumns = List.copyOf(jsonColumns);
      boolColumns = List.copyOf(boolColumns);
      postImportSql = List.copyOf(postImportSql);
    }
  }

  /**
   * One batch file.
   *
   * @param file its path relative to the export folder, with {@code /}
   * @param rows the lines it holds
   * @param checksum SHA-256 of its bytes, lower-case hex
   */
  public record Batch(String file, long rows, String checksum) {}

  /** The manifest's text, byte for byte as upstream writes it. */
  public String toJson() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode root = json.objectNode();
    root.put("version", version);
    root.put("generated_at", generatedAt);
    ObjectNode tablesNode = root.putObject("tables");
    for (Entry entry : tables.values()) {
      ObjectNode table = tablesNode.putObject(entry.name());
      table.put("name", entry.name());
      table.put("sqlite_path", entry.sqlitePath());
      table.put("postgres_table", entry.postgresTable());
      table.set("columns", strings(entry.columns()));
      table.put("row_count", entry.rowCount());
      ArrayNode batches = table.putArray("batches");
      for (Batch batch : entry.batches()) {
        batches.addObject().put("file", batch.file()).put("rows", batch.rows()).put("checksum", batch.checksum());
      }
      table.set("json_columns", strings(entry.jsonColumns()));
      table.set("bool_columns", strings(entry.boolColumns()));
      table.set("post_import_sql", strings(entry.postImportSql()));
    }
    return PythonJson.dumpsPretty(root);
  }

  /** Writes {@code manifest.json} into {@code folder}. */
  public void write(Path folder) throws IOException {
    Files.writeString(folder.resolve(FILE), toJson(), StandardCharsets.UTF_8);
  }

  /**
   * Reads {@code manifest.json} from {@code folder}, as written by this tool or upstream's.
   *
   * @throws MigrationException if it is missing, not a version 1 manifest, or lacks a field
   */
  public static Manifest read(Path folder) {
    Path file = folder.resolve(FILE);
    JsonNode root;
    try {
      root = JsonCodec.read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new MigrationException("No export in " + folder + ": " + FILE + " is missing", e);
    } catch (IOException | RuntimeException e) {
      throw new MigrationException(file + " cannot be read as JSON: " + e.getMessage(), e);
    }
    if (root.path("version").asInt(-1) != VERSION) {
      throw new MigrationException(file + " is not a version " + VERSION + " manifest (version "
          + root.path("version") + ")");
    }
    Map<String, Entry> tables = new LinkedHashMap<>();
    root.path("tables").properties().forEach(field -> {
      JsonNode table = field.getValue();
      List<Batch> batches = new ArrayList<>();
      for (JsonNode batch : table.path("batches")) {
        batches.add(new Batch(required(file, batch, "file").asText(), required(file, batch, "rows").asLong(),
            required(file, batch, "checksum").asText()));
      }
      tables.put(field.getKey(), new Entry(field.getKey(), table.path("sqlite_path").asText(""),
          table.path("postgres_table").asText(field.getKey()), texts(required(file, table, "columns")),
          required(file, table, "row_count").asLong(), batches, texts(table.path("json_columns")),
          texts(table.path("bool_columns")), texts(table.path("post_import_sql"))));
    });
    return new Manifest(VERSION, root.path("generated_at").asText(""), tables);
  }

  /**
   * A fingerprint of the manifest's text: an import's state belongs to the export whose manifest has it, so a
   * state file left by an older export in the same folder is recognised (upstream skipped batches by name).
   */
  public static String identity(Path folder) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(folder.resolve(FILE)));
      return HexFormat.of().formatHex(digest);
    } catch (IOException e) {
      throw new MigrationException("Cannot read " + folder.resolve(FILE) + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  private static JsonNode required(Path file, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new MigrationException(file + ": a table or batch lacks '" + field + "'");
    }
    return value;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    values.forEach(array::add);
    return array;
  }
}
