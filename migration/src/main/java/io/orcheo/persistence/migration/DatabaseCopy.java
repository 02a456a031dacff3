package io.orcheo.persistence.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Database;
import io.orcheo.persistence.jooq.runtime.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Copies every table between two deployments through jOOQ, whatever their backends: the way back from PostgreSQL
 * to the SQLite files (a rollback that keeps the writes made after the cutover), and any other direction.
 *
 * <p>The source is read in one read-only repeatable-read transaction per database (one snapshot), a batch at a
 * time in primary-key order (byte order for text on both backends); each batch is upserted into the target in one
 * transaction (a row already there takes the source's values), then checkpointed, so a killed copy resumes. Every
 * column moves, ours beyond upstream's included. Rows deleted from the source since an earlier copy are not deleted
 * from the target.
 */
public final class DatabaseCopy {
  /** Rows per batch unless told otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 2000;

  private final OrcheoPersistence source;
  private final OrcheoPersistence target;
  private final List<MigrationTable> tables;
  private final CopyState state;
  private final int batchSize;

  private DatabaseCopy(OrcheoPersistence source, OrcheoPersistence target, List<MigrationTable> tables,
      CopyState state, int batchSize) {
    this.source = Objects.requireNonNull(source, "source");
    this.target = Objects.requireNonNull(target, "target");
    this.tables = List.copyOf(tables);
    this.state = state;
    if (batchSize < 1) {
      throw new MigrationException("The batch size must be at least 1 (got " + batchSize + ")");
    }
    this.batchSize = batchSize;
  }

  /**
   * A copy of {@code tables} from {@code source} to {@code target}, checkpointed in {@code stateFile}.
   */
  public static DatabaseCopy between(OrcheoPersistence source, OrcheoPersistence target, List<MigrationTable> tables,
      java.nio.file.Path stateFile) {
    return new DatabaseCopy(source, target, tables, CopyState.read(stateFile), DEFAULT_BATCH_SIZE);
  }

  /** This copy with {@code size} rows per batch. */
  public DatabaseCopy withBatchSize(int size) {
    return new DatabaseCopy(source, target, tables, state, size);
  }

  /** Copies what is not copied yet; returns the rows this run inserted per table. */
  public Map<String, Long> run(SqliteToPostgresCopy.Listener listener) {
    Map<Store, Connection> snapshots = new EnumMap<>(Store.class);
    Map<String, Long> copied = new LinkedHashMap<>();
    try {
      for (MigrationTable table : tables) {
        Connection snapshot = snapshots.computeIfAbsent(table.store(), this::snapshot);
        SQLDialect dialect = source.database(table.store()).transactor().read("dialect", dsl -> dsl.dialect());
        copied.put(table.name(), copyTable(DSL.using(snapshot, dialect), table, listener));
      }
    } finally {
      for (Connection snapshot : snapshots.values()) {
        try {
          snapshot.rollback();
          snapshot.close();
        } catch (SQLException e) {
          // A read-only snapshot: nothing to lose.
        }
      }
    }
    return copied;
  }

  private Connection snapshot(Store store) {
    Database database = source.database(store);
    try {
      Connection connection = database.dataSource().getConnection();
      connection.setAutoCommit(false);
      if (database.backend() == io.orcheo.persistence.core.config.Backend.POSTGRES) {
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
      }
      return connection;
    } catch (SQLException e) {
      throw new MigrationException("Cannot open a snapshot of " + database.target() + ": " + e.getMessage(), e);
    }
  }

  private long copyTable(DSLContext reader, MigrationTable table, SqliteToPostgresCopy.Listener listener) {
    if (state.done(table.name())) {
      return 0;
    }
    @SuppressWarnings("unchecked")
    Table<Record> t = (Table<Record>) table.table();
    List<Field<?>> key = List.of(t.getPrimaryKey().getFieldsArray());
    List<Field<?>> ordered = key.stream().<Field<?>>map(field -> byteOrder(reader, field)).toList();
    List<SortField<?>> order = ordered.stream().<SortField<?>>map(Field::asc).toList();
    List<Field<?>> columns = table.allColumns().stream().<Field<?>>map(t::field).toList();
    long copied = 0;
    JsonNode last = state.lastKey(table.name());
    while (true) {
      Condition after = last == null ? DSL.noCondition()
          : DSL.row(ordered).gt(DSL.row(values(key, last)));
      List<Record> batch = reader.select(columns).from(t).where(after).orderBy(order).limit(batchSize).fetch();
      if (batch.isEmpty()) {
        break;
      }
      target.database(table.store()).transactor().inTransaction("copy a batch of " + table.name(), dsl -> {
        int perStatement = Math.max(1, SqliteFiles.MAX_BINDS / columns.size());
        for (int start = 0; start < batch.size(); start += perStatement) {
          InsertValuesStepN<Record> insert = dsl.insertInto(t).columns(columns);
          for (Record row : batch.subList(start, Math.min(batch.size(), start + perStatement))) {
            insert = insert.values(row.intoList());
          }
          // A row changed since an earlier copy (after the cutover, say) takes the source's values.
          Map<Field<?>, Object> changes = new LinkedHashMap<>();
          for (Field<?> column : columns) {
            if (!key.contains(column)) {
              changes.put(column, DSL.excluded(column));
            }
          }
          if (changes.isEmpty()) {
            insert.onConflictDoNothing().execute();
          } else {
            insert.onConflict(key).doUpdate().set(changes).execute();
          }
        }
        return null;
      });
      Record tail = batch.get(batch.size() - 1);
      ArrayNode lastKey = JsonNodeFactory.instance.arrayNode();
      for (Field<?> field : key) {
        lastKey.add(StateFiles.keyValue(tail.get(field.getName())));
      }
      last = lastKey;
      state.advance(table.name(), last, batch.size());
      copied += batch.size();
      listener.batchCommitted(table.name(), batch.size(), 0);
      if (batch.size() < batchSize) {
        break;
      }
    }
    state.finish(table.name());
    return copied;
  }

  /** Text keys in byte order: SQLite's BINARY collation, PostgreSQL's "C". */
  @SuppressWarnings("unchecked")
  private static Field<?> byteOrder(DSLContext dsl, Field<?> field) {
    return field.getType() == String.class && dsl.dialect().family() == SQLDialect.POSTGRES
        ? ((Field<String>) field).collate(DSL.collation(DSL.quotedName("C")))
        : field;
  }

  private static List<Object> values(List<Field<?>> key, JsonNode last) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < key.size(); i++) {
      JsonNode node = last.get(i);
      Class<?> type = key.get(i).getType();
      values.add(node.isNull() ? null
          : type == Integer.class ? node.intValue()
          : type == Long.class ? node.longValue()
          : type == Instant.class ? Instant.parse(node.textValue())
          : node.textValue());
    }
    return values;
  }
}
