package io.orcheo.persistence.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import io.orcheo.persistence.jooq.runtime.Store;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;

/**
 * {@code --fix}: applies the {@link Preflight}'s safe fixes to the SQLite files, then checks them again. The safe
 * fixes, and only these:
 * <ul>
 *   <li><b>NUL characters</b> are removed from text, and from the strings and field names of a JSON document (which is
 *       then written compactly). Not from a primary-key or foreign-key column: there the value names a row, and
 *       without its NUL it would name another one, or none.</li>
 *   <li><b>Timestamps</b> that do not parse but have exactly one reading are rewritten in upstream's canonical form
 *       ({@code 2025-01-02T03:04:05.123456+00:00}, as the schema's binding writes it): an offset without its colon
 *       ({@code +0130}), a {@code UTC} or {@code GMT} suffix, a date alone (midnight UTC). Others, Unix epoch numbers
 *       included (their unit would be a guess), are left as problems.</li>
 *   <li><b>Rows whose parent is missing</b> are treated as the schema's foreign key treats the children of a deleted
 *       parent: through a NOT NULL reference (a chat message's thread, a run-history step's execution) the row is
 *       deleted, with the rows that depend on it (ON DELETE CASCADE); through a nullable one (a chat attachment's
 *       thread) only the reference is cleared and the row is kept (ON DELETE SET NULL).</li>
 * </ul>
 * Invalid JSON is not fixed, in NOT NULL columns nor in nullable ones: NULL has a meaning there (a service token's
 * {@code workspace_ids} NULL is "no workspace restriction"), so replacing an unreadable document by it could widen
 * access. Nor are NUL characters in keys, documents holding {@code NaN} or lone surrogates, or timestamps without a
 * single reading: those stay problems for a person, and still block the copy.
 *
 * <p>Every change is first appended to the fix log, one JSON object per line, with what is needed to undo it by hand:
 * {@code file}, {@code table}, {@code key} (the primary key's columns and values), {@code action} ({@code update} with
 * {@code column}, {@code old} and {@code new}, or {@code delete} with the whole {@code row}) and {@code reason}. The
 * changes to one SQLite file are made in one transaction, taken with the write lock up front; when it commits, a line
 * {@code {"action":"commit","file":…,"changes":n}} follows them. Lines of a file with no commit line after them
 * describe changes that were rolled back. Nothing is fixed when the log cannot be written. A file without problems is
 * not opened for writing, so it stays byte for byte as it was.
 */
public final class PreflightFix {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** What a change did to a row. */
  public enum Action {
    /** One column got a new value. */
    UPDATE,
    /** The row was deleted. */
    DELETE
  }

  /**
   * One change made to a SQLite file.
   *
   * @param file the SQLite file
   * @param table the table
   * @param key the row's primary key: its columns and their values
   * @param action what was done
   * @param column the column updated; {@code null} for a deletion
   * @param before the column's old value (a JSON string, or null), or for a deletion the whole row
   * @param after the column's new value (a JSON string, or null); {@code null} for a deletion
   * @param reason why, as the pre-flight put it
   */
  public record Change(Path file, String table, ObjectNode key, Action action, String column, JsonNode before,
      JsonNode after, String reason) {
    public Change {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(reason, "reason");
      if ((action == Action.UPDATE) != (column != null) || (action == Action.UPDATE) != (after != null)) {
        throw new IllegalArgumentException("An update names its column and new value; a deletion neither");
      }
    }

    /** The change as a line of the fix log. */
    ObjectNode toLogLine(Clock clock) {
      ObjectNode line = JSON.objectNode();
      line.put("at", UpstreamTimestamps.format(clock.instant()));
      line.put("file", file.toString());
      line.put("table", table);
      line.set("key", key);
      line.put("action", action.name().toLowerCase(java.util.Locale.ROOT));
      if (action == Action.UPDATE) {
        line.put("column", column);
        line.set("old", before);
        line.set("new", after);
      } else {
        line.set("row", before);
      }
      line.put("reason", reason);
      return line;
    }
  }

  /**
   * What the fix did, and what the pre-flight still finds.
   *
   * @param changes every change made, in the order made
   * @param remaining the problems left, which still block the copy
   */
  public record Report(List<Change> changes, List<Preflight.Problem> remaining) {
    public Report {
      changes = List.copyOf(changes);
      remaining = List.copyOf(remaining);
    }

    /** Whether nothing is left that PostgreSQL would refuse. */
    public boolean passed() {
      return remaining.isEmpty();
    }

    /** How many changes each table had, tables in the order first changed. */
    public Map<String, Long> changesPerTable() {
      Map<String, Long> counts = new LinkedHashMap<>();
      changes.forEach(change -> counts.merge(change.table(), 1L, Long::sum));
      return counts;
    }
  }

  private final Path file;
  private final List<MigrationTable> tables;
  private final DSLContext dsl;
  private final Set<String> removed = new HashSet<>();

  private PreflightFix(Path file, List<MigrationTable> tables, DSLContext dsl) {
    this.file = file;
    this.tables = tables;
    this.dsl = dsl;
  }

  /**
   * Applies the safe fixes to the SQLite files of {@code tables} that have problems, logging each change to
   * {@code fixLog} (appended to, created if missing) first, then runs the pre-flight again.
   *
   * @throws MigrationException if the log cannot be written (nothing is fixed), or a file's fixes fail (nothing in
   *     that file is changed; files fixed before it stay fixed, and their changes are in the log)
   */
  public static Report apply(PersistenceSettings settings, List<MigrationTable> tables, Path fixLog) {
    Objects.requireNonNull(fixLog, "fixLog");
    Set<String> troubled = new HashSet<>();
    Preflight.check(settings, tables).forEach(problem -> troubled.add(problem.table()));
    if (troubled.isEmpty()) {
      return new Report(List.of(), List.of());
    }
    Map<Store, List<MigrationTable>> byStore = new EnumMap<>(Store.class);
    tables.forEach(table -> byStore.computeIfAbsent(table.store(), store -> new ArrayList<>()).add(table));
    List<Change> changes = new ArrayList<>();
    try (FixLog log = FixLog.open(fixLog, Clock.systemUTC())) {
      for (Map.Entry<Store, List<MigrationTable>> store : byStore.entrySet()) {
        if (store.getValue().stream().anyMatch(table -> troubled.contains(table.name()))) {
          changes.addAll(fixFile(store.getKey().sqlitePath(settings), store.getValue(), log));
        }
      }
    }
    return new Report(changes, Preflight.check(settings, tables));
  }

  /** One file, in one transaction: the missing parents first, so that no value of a row about to go is rewritten. */
  private static List<Change> fixFile(Path file, List<MigrationTable> tables, FixLog log) {
    List<Change> changes = new ArrayList<>();
    try (Connection connection = openForFix(file)) {
      try {
        PreflightFix fix = new PreflightFix(file, tables, DSL.using(connection, SQLDialect.SQLITE));
        for (MigrationTable table : tables) {
          for (ForeignKey<?, ?> reference : table.table().getReferences()) {
            changes.addAll(fix.logAndApply(log, fix.orphans(table, reference)));
          }
        }
        for (MigrationTable table : tables) {
          changes.addAll(fix.logAndApply(log, fix.values(table)));
        }
      } catch (RuntimeException | IOException e) {
        connection.rollback();
        throw new MigrationException("Fixing " + file + " failed and nothing in it was changed (the fix log's lines "
            + "for it after its last commit line were rolled back): " + e.getMessage(), e);
      }
      connection.commit();
    } catch (SQLException e) {
      throw new MigrationException("Fixing " + file + " failed and nothing in it was changed: " + e.getMessage(), e);
    }
    if (!changes.isEmpty()) {
      log.committed(file, changes.size());
    }
    return changes;
  }

  /**
   * A connection holding the write lock from its first statement ({@code BEGIN IMMEDIATE}), so that no writer slips
   * between what is read and what is rewritten. Foreign keys stay unenforced: every row deleted is deleted, and
   * logged, here; a cascade SQLite made on its own would escape the log.
   */
  private static Connection openForFix(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(30_000);
    config.enforceForeignKeys(false);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    connection.setAutoCommit(false);
    return connection;
  }

  private List<Change> logAndApply(FixLog log, List<Change> changes) throws IOException {
    log.append(changes);
    for (Change change : changes) {
      Condition row = keyCondition(change.key());
      int count = change.action() == Action.DELETE
          ? dsl.deleteFrom(DSL.table(DSL.name(change.table()))).where(row).execute()
          : dsl.update(DSL.table(DSL.name(change.table())))
              .set(DSL.field(DSL.name(change.column()), String.class), change.after().textValue())
              .where(row).execute();
      if (count != 1) {
        throw new MigrationException(change.table() + " " + change.key() + " changed " + count + " rows, not 1");
      }
    }
    return changes;
  }

  /** The rows of {@code table} whose {@code reference} names a missing parent. */
  private List<Change> orphans(MigrationTable table, ForeignKey<?, ?> reference) {
    List<Change> changes = new ArrayList<>();
    String reason = "names a missing " + reference.getKey().getTable().getName() + " row";
    for (Record row : Preflight.orphans(dsl, table, reference, columns(table)).fetch()) {
      orphan(table, reference, row(table, row), reason, changes);
    }
    return changes;
  }

  private void orphan(MigrationTable table, ForeignKey<?, ?> reference, ObjectNode row, String reason,
      List<Change> changes) {
    if (Preflight.clearsOnly(reference)) {
      for (Field<?> column : reference.getFields()) {
        changes.add(new Change(file, table.name(), key(table, row), Action.UPDATE, column.getName(),
            row.get(column.getName()), JSON.nullNode(), reason));
      }
    } else {
      remove(table, row, reason, changes);
    }
  }

  /** Deletes the row, after the rows that depend on it, each as its own foreign key says. */
  private void remove(MigrationTable table, ObjectNode row, String reason, List<Change> changes) {
    ObjectNode key = key(table, row);
    if (!removed.add(table.name() + key)) {
      return;
    }
    for (MigrationTable child : tables) {
      for (ForeignKey<?, ?> reference : child.table().getReferences()) {
        if (!reference.getKey().getTable().getName().equals(table.name())) {
          continue;
        }
        Condition names = DSL.noCondition();
        for (int i = 0; i < reference.getFields().size(); i++) {
          JsonNode value = row.get(reference.getKey().getFields().get(i).getName());
          names = names.and(Preflight.plain(child.name(), reference.getFields().get(i)).eq(scalar(value)));
        }
        for (Record dependent : dsl.select(columns(child)).from(DSL.table(DSL.name(child.name()))).where(names)
            .fetch()) {
          orphan(child, reference, row(child, dependent), "depends on a deleted " + table.name() + " row", changes);
        }
      }
    }
    changes.add(new Change(file, table.name(), key, Action.DELETE, null, row, null, reason));
  }

  /**
   * Every value of {@code table} the pre-flight refuses and a safe fix repairs. Read as text, as the pre-flight reads
   * them, and rewritten as text: the generated fields' bindings would parse what is being repaired.
   */
  private List<Change> values(MigrationTable table) {
    List<String> names = table.allColumns();
    List<Field<?>> select = new ArrayList<>();
    names.forEach(name -> select.add(DSL.field(DSL.name(name), String.class)));
    List<Field<?>> keyColumns = keyColumns(table);
    // The key as SQLite holds it (an integer stays one), to find the row again.
    for (int i = 0; i < keyColumns.size(); i++) {
      select.add(keyColumns.get(i).as("orcheo_key_" + i));
    }
    List<Change> changes = new ArrayList<>();
    try (var cursor = dsl.select(select).from(DSL.table(DSL.name(table.name()))).fetchLazy()) {
      for (Record record : cursor) {
        ObjectNode key = null;
        for (int i = 0; i < names.size(); i++) {
          String value = record.get(i, String.class);
          Field<?> field = table.table().field(names.get(i));
          Preflight.Defect defect = value == null ? null : Preflight.defect(field, value);
          String repaired = defect == null ? null : Preflight.repaired(table, field, value);
          if (repaired == null) {
            continue;
          }
          if (key == null) {
            key = JSON.objectNode();
            for (int k = 0; k < keyColumns.size(); k++) {
              key.set(keyColumns.get(k).getName(), node(record.get(names.size() + k)));
            }
          }
          changes.add(new Change(file, table.name(), key, Action.UPDATE, field.getName(), JSON.textNode(value),
              JSON.textNode(repaired), Preflight.describe(defect, value)));
        }
      }
    }
    return changes;
  }

  /** Every column of the table, plainly named and read as SQLite holds it. */
  private static List<Field<?>> columns(MigrationTable table) {
    return table.allColumns().stream().<Field<?>>map(name -> DSL.field(DSL.name(table.name(), name), Object.class))
        .toList();
  }

  private static List<Field<?>> keyColumns(MigrationTable table) {
    return table.table().getPrimaryKey().getFields().stream()
        .<Field<?>>map(f -> DSL.field(DSL.name(f.getName()), Object.class)).toList();
  }

  private static ObjectNode row(MigrationTable table, Record record) {
    ObjectNode row = JSON.objectNode();
    List<String> names = table.allColumns();
    for (int i = 0; i < names.size(); i++) {
      row.set(names.get(i), node(record.get(i)));
    }
    return row;
  }

  private static ObjectNode key(MigrationTable table, ObjectNode row) {
    ObjectNode key = JSON.objectNode();
    table.table().getPrimaryKey().getFields().forEach(f -> key.set(f.getName(), row.get(f.getName())));
    return key;
  }

  private static Condition keyCondition(ObjectNode key) {
    Condition condition = DSL.noCondition();
    for (Map.Entry<String, JsonNode> column : key.properties()) {
      condition = condition.and(DSL.field(DSL.name(column.getKey()), Object.class).eq(scalar(column.getValue())));
    }
    return condition;
  }

  private static JsonNode node(Object value) {
    return value == null ? JSON.nullNode() : JsonCodec.mapper().valueToTree(value);
  }

  private static Object scalar(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBinary()) {
      try {
        return node.binaryValue();
      } catch (IOException e) {
        throw new MigrationException("Unreadable key " + node, e);
      }
    }
    return node.isNull() ? null : node.textValue();
  }

  /** The fix log: appended to, and forced to disk before the changes it describes are made. */
  private static final class FixLog implements Closeable {
    private final Path path;
    private final FileChannel channel;
    private final Clock clock;

    private FixLog(Path path, FileChannel channel, Clock clock) {
      this.path = path;
      this.channel = channel;
      this.clock = clock;
    }

    static FixLog open(Path path, Clock clock) {
      try {
        return new FixLog(path, FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND), clock);
      } catch (IOException | UnsupportedOperationException e) {
        throw new MigrationException("Cannot write the fix log " + path + ", so nothing was fixed: " + e, e);
      }
    }

    void append(List<Change> changes) throws IOException {
      if (changes.isEmpty()) {
        return;
      }
      StringBuilder lines = new StringBuilder();
      for (Change change : changes) {
        lines.append(change.toLogLine(clock)).append('\n');
      }
      write(lines.toString());
    }

    void committed(Path file, int changes) {
      ObjectNode line = JSON.objectNode();
      line.put("at", UpstreamTimestamps.format(clock.instant()));
      line.put("file", file.toString());
      line.put("action", "commit");
      line.put("changes", changes);
      try {
        write(line + "\n");
      } catch (IOException e) {
        // The changes are committed and every one of them is in the log; only the marker is missing.
        throw new MigrationException("The fixes to " + file + " are made and logged in " + path
            + ", but its commit line could not be written: " + e.getMessage(), e);
      }
    }

    private void write(String text) throws IOException {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    }

    @Override
    public void close() {
      try {
        channel.close();
      } catch (IOException e) {
        throw new MigrationException("Cannot close the fix log " + path + ": " + e.getMessage(), e);
      }
    }
  }
}
