package io.orcheo.persistence.migration;

import static io.orcheo.persistence.jooq.generated.Tables.SERVICE_TOKEN_AUDIT_LOG;
import static io.orcheo.persistence.jooq.generated.Tables.WORKFLOWS;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.config.Backend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import io.orcheo.persistence.jooq.json.JsonPredicates;
import io.orcheo.persistence.jooq.json.PythonJson;
import io.orcheo.persistence.jooq.runtime.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads an export in upstream's format (written by {@link UpstreamExport} or upstream's tool) into the databases an
 * {@link OrcheoPersistence} has open, whose schemas its changelogs have already brought up to date.
 *
 * <p>Fixes to upstream's importer (spec §G.7): tables load parents first ({@link MigrationTables} order, not the
 * manifest's alphabetical one); every batch is one transaction of inserts that skip rows already present, so a
 * re-run, or a resume after a crash between a commit and the state save, neither duplicates nor fails; the state
 * file carries the manifest's identity, so one left by an older export in the same folder is not trusted; a JSON
 * scalar is stored as the JSON value it is and a {@code null} in a NOT NULL JSON column as JSON {@code null}; the
 * audit log's id sequence is set so that the next id follows the largest, or is 1 on an empty table; workflows'
 * {@code handle} and {@code is_archived}, which the format leaves out, are set from their payloads. Statements in
 * the manifest's {@code post_import_sql} are not run: a manifest is data, not code.
 */
public final class UpstreamImport {
  /** The resume state's file name inside the export folder (upstream's). */
  public static final String STATE_FILE = "import_state.json";

  private static final Logger log = LoggerFactory.getLogger(UpstreamImport.class);

  private final OrcheoPersistence target;
  private final boolean resume;

  private UpstreamImport(OrcheoPersistence target, boolean resume) {
    this.target = Objects.requireNonNull(target, "target");
    this.resume = resume;
  }

  /** An import into {@code target}'s databases that resumes from the state file (upstream's default). */
  public static UpstreamImport into(OrcheoPersistence target) {
    return new UpstreamImport(target, true);
  }

  /** This import ignoring any state file and starting over (upstream's {@code --no-resume}); safe, if slower. */
  public UpstreamImport withoutResume() {
    return new UpstreamImport(target, false);
  }

  /** What an import did. */
  public record Report(List<String> tables, int batchesLoaded, int batchesSkipped, long rowsInserted) {}

  /**
   * Loads every batch of the export in {@code input} that the state does not list as done.
   *
   * @throws MigrationException if the manifest names a table this version does not know, a batch's checksum does
   *     not match (nothing of that batch is written), or a row cannot be stored
   */
  public Report run(Path input) {
    Manifest manifest = Manifest.read(input);
    String identity = Manifest.identity(input);
    State state = resume ? State.read(input, identity) : new State(identity, new TreeSet<>());
    List<MigrationTable> tables = new ArrayList<>();
    for (String name : manifest.tables().keySet()) {
      tables.add(MigrationTables.byName(name)
          .orElseThrow(() -> new MigrationException("The export holds table '" + name + "', which this version "
              + "does not know; import it with the version that exported it")));
    }
    // Parents before children, whatever order the manifest lists.
    List<MigrationTable> ordered = new ArrayList<>(MigrationTables.UPSTREAM);
    ordered.addAll(MigrationTables.VAULT);
    ordered.retainAll(tables);

    int loaded = 0;
    int skipped = 0;
    long inserted = 0;
    for (MigrationTable table : ordered) {
      Manifest.Entry entry = manifest.tables().get(table.name());
      Database database = target.database(table.store());
      for (Manifest.Batch batch : entry.batches()) {
        if (state.completed().contains(batch.file())) {
          skipped++;
          continue;
        }
        List<List<Object>> rows = rows(input, table, entry, batch);
        inserted += database.transactor().inTransaction("import " + batch.file(), dsl -> {
          if (rows.isEmpty()) {
            return 0;
          }
          @SuppressWarnings("unchecked")
          Table<org.jooq.Record> into = (Table<org.jooq.Record>) table.table();
          // Statements stay under both drivers' bind limits (SQLite 32,766, PostgreSQL 65,535) at any batch size.
          int perStatement = Math.max(1, SqliteFiles.MAX_BINDS / entry.columns().size());
          int count = 0;
          for (int start = 0; start < rows.size(); start += perStatement) {
            InsertValuesStepN<org.jooq.Record> insert = dsl.insertInto(into).columns(fields(table, entry));
            for (List<Object> row : rows.subList(start, Math.min(rows.size(), start + perStatement))) {
              insert = insert.values(row);
            }
            count += insert.onConflictDoNothing().execute();
          }
          return count;
        });
        state.completed().add(batch.file());
        state.write(input);
        loaded++;
      }
      if (table.table().equals(SERVICE_TOKEN_AUDIT_LOG) && database.backend() == Backend.POSTGRES) {
        // The next id follows the largest, or is 1 when the table is empty (upstream's made it 2).
        AuditLogSequence.set(database);
      }
      if (table.table().equals(WORKFLOWS)) {
        deriveWorkflowColumns(database);
      }
    }
    return new Report(ordered.stream().map(MigrationTable::name).toList(), loaded, skipped, inserted);
  }

  private static List<Field<?>> fields(MigrationTable table, Manifest.Entry entry) {
    return entry.columns().stream().<Field<?>>map(table.table()::field).toList();
  }

  private static List<List<Object>> rows(Path input, MigrationTable table, Manifest.Entry entry,
      Manifest.Batch batch) {
    Path file = input.resolve(batch.file());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MigrationException("Cannot read batch " + file + ": " + e.getMessage(), e);
    }
    if (!sha256(bytes).equals(batch.checksum())) {
      throw new MigrationException("Checksum mismatch for " + batch.file() + ": the file changed since the export");
    }
    for (String column : entry.columns()) {
      if (table.table().field(column) == null) {
        throw new MigrationException(batch.file() + ": column '" + column + "' is not a column of " + table.name());
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    int lineNumber = 0;
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode row;
      try {
        row = JsonCodec.read(line);
      } catch (RuntimeException e) {
        throw new MigrationException(batch.file() + " line " + lineNumber + " is not JSON: " + e.getMessage(), e);
      }
      List<Object> values = new ArrayList<>();
      for (String column : entry.columns()) {
        values.add(value(table.table().field(column), row.get(column), batch.file(), lineNumber));
      }
      rows.add(values);
    }
    return rows;
  }

  /** A line's value as the column's Java type; a missing key is {@code null}, as upstream reads it. */
  private static Object value(Field<?> field, JsonNode node, String file, int line) {
    Class<?> type = field.getType();
    boolean missing = node == null || node.isNull();
    try {
      if (JsonNode.class.isAssignableFrom(type)) {
        if (missing) {
          // A NOT NULL document that upstream exported as null (SQLite held '' or nothing) stays a JSON null.
          return field.getDataType().nullable() ? null : JsonNodeFactory.instance.nullNode();
        }
        return node;
      }
      if (missing) {
        return null;
      }
      if (type == Instant.class) {
        return UpstreamTimestamps.parse(node.asText());
      }
      if (type == Boolean.class) {
        return node.isBoolean() ? node.booleanValue() : node.asDouble() != 0;
      }
      if (type == Integer.class) {
        return node.intValue();
      }
      if (type == Long.class) {
        return node.longValue();
      }
      if (type == Double.class) {
        return node.doubleValue();
      }
      return node.isTextual() ? node.textValue() : PythonJson.dumpsCompact(node);
    } catch (RuntimeException e) {
      throw new MigrationException(file + " line " + line + ": " + field.getName() + " cannot be read as "
          + type.getSimpleName() + " (" + e.getMessage() + ")", e);
    }
  }

  /**
   * {@code handle} and {@code is_archived} mirror the workflow's payload, and upstream's format carries the payload
   * only (upstream's own importer left them empty, so no handle resolved after a migration): they are set from it.
   */
  private static void deriveWorkflowColumns(Database database) {
    database.transactor().inTransaction("set workflows' handle and is_archived from their payloads", dsl -> {
      JsonPredicates json = JsonPredicates.of(dsl);
      Field<String> handle = json.text(WORKFLOWS.PAYLOAD, "handle");
      // ->> gives 'true' on PostgreSQL, json_extract 1 on SQLite.
      Field<Boolean> archived = DSL.when(json.text(WORKFLOWS.PAYLOAD, "is_archived").in(DSL.inline("true"),
          DSL.inline("1")), DSL.inline(true)).otherwise(DSL.inline(false));
      return dsl.update(WORKFLOWS)
          .set(WORKFLOWS.HANDLE, DSL.nullif(handle, DSL.inline("")))
          .set(WORKFLOWS.IS_ARCHIVED, archived)
          .where(WORKFLOWS.HANDLE.isNull())
          .execute();
    });
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /**
   * The batches loaded so far, for the manifest whose identity it carries: upstream's {@code import_state.json}
   * plus a {@code manifest} key.
   */
  private record State(String manifest, TreeSet<String> completed) {
    static State read(Path input, String identity) {
      Path file = input.resolve(STATE_FILE);
      if (!Files.exists(file)) {
        return new State(identity, new TreeSet<>());
      }
      JsonNode root;
      try {
        root = JsonCodec.read(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        throw new MigrationException(file + " cannot be read: " + e.getMessage()
            + "; delete it or import with --no-resume", e);
      }
      if (!identity.equals(root.path("manifest").asText(null))) {
        // Written for another export (or by upstream's tool, which records no identity): its batch names may
        // match this export's and would skip them. Starting over is safe, since rows already present are skipped.
        log.warn("{} does not belong to this export's manifest; starting the import over", file);
        return new State(identity, new TreeSet<>());
      }
      TreeSet<String> completed = new TreeSet<>();
      root.path("completed_batches").forEach(batch -> completed.add(batch.asText()));
      return new State(identity, completed);
    }

    void write(Path input) {
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      ArrayNode batches = root.putArray("completed_batches");
      completed.forEach(batches::add);
      root.put("manifest", manifest);
      StateFiles.write(input.resolve(STATE_FILE), root, "the import state");
    }
  }
}
