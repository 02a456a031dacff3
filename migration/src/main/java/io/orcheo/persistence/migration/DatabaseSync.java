package io.orcheo.persistence.migration;

import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.json.PythonJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * {@code migrate sync}: makes the target's tables equal to the source's, writing only the differences, for the
 * short pass at the cutover after a {@code copy} (or after the way back). Both sides are read in primary-key order,
 * streamed, and walked together: a row only in the source is inserted, a row that differs is updated, a row only in
 * the target is deleted. The comparison is {@link ContentComparison}'s canonical form, over every column.
 *
 * <p>The differences are collected during the walk (memory holds them, not the tables) and written afterwards in
 * transactions of at most {@value #BATCH} rows. Writers of the source should be stopped first: a row written during
 * the walk may be missed, and a second sync then catches it.
 */
public final class DatabaseSync {
  private static final int BATCH = 1000;
  private static final int DELETE_BATCH = 200;

  private final OrcheoPersistence source;
  private final OrcheoPersistence target;
  private final List<MigrationTable> tables;

  private DatabaseSync(OrcheoPersistence source, OrcheoPersistence target, List<MigrationTable> tables) {
    this.source = Objects.requireNonNull(source, "source");
    this.target = Objects.requireNonNull(target, "target");
    this.tables = List.copyOf(tables);
  }

  /** A sync of {@code tables} from {@code source} into {@code target}. */
  public static DatabaseSync between(OrcheoPersistence source, OrcheoPersistence target, List<MigrationTable> tables) {
    return new DatabaseSync(source, target, tables);
  }

  /**
   * What one table's sync wrote.
   *
   * @param inserted rows only the source had
   * @param updated rows whose values differed
   * @param deleted rows only the target had
   */
  public record Changes(long inserted, long updated, long deleted) {}

  /** Syncs every table (children's deletions after their parents' insertions: the tables' order, then reversed). */
  public Map<String, Changes> run() {
    Map<String, Changes> changes = new LinkedHashMap<>();
    Map<String, List<Record>> deletions = new LinkedHashMap<>();
    for (MigrationTable table : tables) {
      List<Record> deleted = new ArrayList<>();
      Changes upserted = upsert(table, deleted);
      deletions.put(table.name(), deleted);
      changes.put(table.name(), upserted);
    }
    // Children first, so that a parent's deletion never meets a foreign key.
    for (int i = tables.size() - 1; i >= 0; i--) {
      MigrationTable table = tables.get(i);
      List<Record> deleted = deletions.get(table.name());
      delete(table, deleted);
      Changes upserted = changes.get(table.name());
      changes.put(table.name(), new Changes(upserted.inserted(), upserted.updated(), deleted.size()));
    }
    AuditLogSequence.follow(target, tables);
    return changes;
  }

  private Changes upsert(MigrationTable table, List<Record> onlyInTarget) {
    DSLContext sourceDsl = source.database(table.store()).transactor().read("borrow the DSL", dsl -> dsl);
    DSLContext targetDsl = target.database(table.store()).transactor().read("borrow the DSL", dsl -> dsl);
    List<Field<?>> key = List.of(table.table().getPrimaryKey().getFieldsArray());
    long[] counts = new long[2];
    List<Record> pending = new ArrayList<>();
    sourceDsl.transaction(s -> targetDsl.transaction(t -> {
      try (Cursor<Record> left = ContentComparison.ordered(s.dsl(), table, table.allColumns());
          Cursor<Record> right = ContentComparison.ordered(t.dsl(), table, table.allColumns())) {
        Iterator<Record> sourceRows = left.iterator();
        Iterator<Record> targetRows = right.iterator();
        Record l = next(sourceRows);
        Record r = next(targetRows);
        while (l != null || r != null) {
          int order = l == null ? 1 : r == null ? -1 : compareKeys(l, r, key);
          if (order < 0) {
            pending.add(l);
            counts[0]++;
            l = next(sourceRows);
          } else if (order > 0) {
            onlyInTarget.add(r);
            r = next(targetRows);
          } else {
            if (!ContentComparison.canonical(table, l).equals(ContentComparison.canonical(table, r))) {
              pending.add(l);
              counts[1]++;
            }
            l = next(sourceRows);
            r = next(targetRows);
          }
        }
      }
    }));
    // Written after the walk, whose read transactions (on SQLite, write locks) are then closed: memory holds the
    // differences only, which is what a sync after a copy is about.
    for (int start = 0; start < pending.size(); start += BATCH) {
      write(table, pending.subList(start, Math.min(pending.size(), start + BATCH)));
    }
    return new Changes(counts[0], counts[1], 0);
  }

  private void write(MigrationTable table, List<Record> rows) {
    if (rows.isEmpty()) {
      return;
    }
    @SuppressWarnings("unchecked")
    Table<Record> t = (Table<Record>) table.table();
    List<Field<?>> key = List.of(t.getPrimaryKey().getFieldsArray());
    List<Field<?>> columns = table.allColumns().stream().<Field<?>>map(t::field).toList();
    target.database(table.store()).transactor().inTransaction("sync " + table.name(), dsl -> {
      InsertValuesStepN<Record> insert = dsl.insertInto(t).columns(columns);
      for (Record row : rows) {
        List<Object> values = new ArrayList<>();
        for (Field<?> column : columns) {
          values.add(row.get(column.getName()));
        }
        insert = insert.values(values);
      }
      Map<Field<?>, Object> changes = new LinkedHashMap<>();
      columns.stream().filter(column -> !key.contains(column)).forEach(column -> changes.put(column,
          DSL.excluded(column)));
      return changes.isEmpty() ? insert.onConflictDoNothing().execute()
          : insert.onConflict(key).doUpdate().set(changes).execute();
    });
  }

  private void delete(MigrationTable table, List<Record> rows) {
    List<Field<?>> key = List.of(table.table().getPrimaryKey().getFieldsArray());
    // SQLite parses a chain of ORs into a tree as deep as it is long and refuses one deeper than 1,000.
    for (int start = 0; start < rows.size(); start += DELETE_BATCH) {
      List<Record> batch = rows.subList(start, Math.min(rows.size(), start + DELETE_BATCH));
      target.database(table.store()).transactor().inTransaction("sync deletions of " + table.name(), dsl -> {
        Condition any = DSL.noCondition();
        for (Record row : batch) {
          Condition same = DSL.noCondition();
          for (Field<?> field : key) {
            @SuppressWarnings("unchecked")
            Field<Object> typed = (Field<Object>) field;
            same = same.and(typed.eq(row.get(field.getName())));
          }
          any = any.or(same);
        }
        return dsl.deleteFrom(table.table()).where(any).execute();
      });
    }
  }

  /** Keys in the order both sides are read: numbers by value, text by code point (UTF-8 byte order). */
  private static int compareKeys(Record left, Record right, List<Field<?>> key) {
    for (Field<?> field : key) {
      Object a = left.get(field.getName());
      Object b = right.get(field.getName());
      int order = a instanceof Number x && b instanceof Number y ? Long.compare(x.longValue(), y.longValue())
          : PythonJson.compareCodePoints(String.valueOf(a), String.valueOf(b));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }


  private static Record next(Iterator<Record> rows) {
    return rows.hasNext() ? rows.next() : null;
  }
}
