package io.orcheo.persistence.migration;

import io.orcheo.persistence.core.config.Backend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.json.PythonJson;
import io.orcheo.persistence.jooq.runtime.Database;
import io.orcheo.persistence.jooq.runtime.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * {@code migrate sync}: makes the target's tables equal to the source's, writing only the rows that differ, and,
 * given a {@linkplain #withState state file}, reading only what changed since the last sync. The runbook it serves:
 * {@code copy} while the application runs, {@code sync} while it runs (as often as liked), stop the writers, one
 * short {@code sync}, {@code validate}, switch the configuration; the rollback is the same with
 * {@code --to-sqlite}.
 *
 * <p><b>Snapshots.</b> Each source database is read in one read transaction (a read-only connection on SQLite,
 * which takes no lock from the application's writers; a read-only repeatable-read transaction on PostgreSQL), so a
 * parent and its children are read at one instant and a sync while the application writes never inserts a child
 * whose parent it has not seen. (On a SQLite file in WAL mode, which ours are, the snapshot does not hold writers
 * back, though the WAL cannot be checkpointed past it until it ends; a file in rollback-journal mode makes writers
 * wait for the read.) The stores' databases are read at the same time, each on a thread of its own. The
 * differences are held in memory (the tables are not; at most {@linkplain #withPendingLimit a limit} of rows per
 * table) and written after the walk, parents' inserts first and children's deletions first, in transactions of at
 * most {@value #BATCH} rows.
 *
 * <p><b>Three ways to sync a table.</b>
 * <ul>
 *   <li>{@link Method#SINCE_MARK}: tables whose {@code updated_at} every writer bumps (see {@link #TIMESTAMPED}),
 *       with a trusted mark from an earlier sync. The source's rows with {@code updated_at >= mark - overlap} are
 *       read, each compared with the target's row of the same key, and only differences written. Deletions come
 *       from a walk of both key sets in primary-key order (keys only, streamed); a key only the source holds (a row
 *       inserted with an old timestamp, beyond the overlap) is read and inserted as well.</li>
 *   <li>{@link Method#FULL}: the same tables without a trusted mark: both sides are walked in full, in primary-key
 *       order, and the mark is recorded.</li>
 *   <li>{@link Method#CHECKSUM}: tables without a reliable {@code updated_at}: both sides are walked in full,
 *       streamed, and a row is written only when its canonical form ({@link ContentComparison}: JSON by value,
 *       timestamps as instants) differs, so unchanged rows are read but never written.</li>
 * </ul>
 *
 * <p><b>The mark and the overlap.</b> A table's mark is the largest {@code updated_at} the source's snapshot held,
 * capped at the source's clock when the snapshot began ({@code now()} of the PostgreSQL transaction; this host's
 * clock for a SQLite file, which is written on this host). Every row committed after the snapshot therefore carries
 * an {@code updated_at} no earlier than {@code mark - (commit delay + clock skew)}, where the commit delay is the time
 * between a writer taking its timestamp and committing. The {@linkplain #DEFAULT_OVERLAP overlap} is the bound
 * allowed for that delay and skew: a writer whose transaction committed more than the overlap after it took its
 * timestamp would be missed by an incremental pass, and {@code --full} (or deleting the state) repairs it. The cap
 * keeps one row stamped in the future from pushing the mark ahead of rows still to come.
 *
 * <p><b>When a state is not trusted.</b> The state records the identity of each source and target database (a
 * SQLite file's real path and inode, a PostgreSQL cluster's system identifier, database name and OID): a state
 * written for another source or target gives a full pass. Per table, it also records the largest
 * {@code updated_at} the target held after the sync; a target whose largest {@code updated_at} has since moved was
 * written by someone else (an application switched to it, say), and that table is walked in full.
 *
 * <p>On SQLite the predicate compares text: upstream's {@code isoformat()} timestamps, all in UTC with
 * {@code +00:00}, sort as text in time order (a whole second, {@code …05+00:00}, sorts before its fractions,
 * {@code …05.1…}, because {@code '+'} precedes {@code '.'}), which is also what upstream's own retention query relies
 * on. A value written in another spelling would be compared wrongly; {@code --full} does not depend on it.
 *
 * <p><b>The cost of the predicate.</b> {@code updated_at >= ?} is served by an index on {@code chat_threads}
 * ({@code idx_chat_threads_updated}, upstream's). The other marked tables have no index on {@code updated_at}, and
 * none is added: their writers would pay for it on every update, and upstream's SQLite schema would diverge. On them
 * the predicate is a scan of the table inside the database: it reads pages but transfers, decodes and compares only
 * the changed rows, which is where a full walk spends its time (JSON parsing and canonicalisation of both sides),
 * and it is the same order of work as the key walk each pass does anyway.
 */
public final class DatabaseSync {
  /** The default allowance for writers that commit out of timestamp order, and for skew between their clocks. */
  public static final Duration DEFAULT_OVERLAP = Duration.ofMinutes(5);

  /**
   * The tables whose {@code updated_at} changes with every write of the row, in upstream and here: workflow
   * versions ({@code update_version_runnable_config}), runs (every {@code mark_*}), chat threads (every save and
   * item change), credential templates and governance alerts (every audit event). Not among them:
   * {@code workflows} (upstream's SQLite start-up backfill rewrites the payload and the mirrored columns without
   * bumping it), {@code credentials} (a vault key rotation re-encrypts the payload and keeps {@code updated_at}),
   * and the tables that have no such column.
   */
  public static final Set<String> TIMESTAMPED =
      Set.of("workflow_versions", "workflow_runs", "chat_threads", "credential_templates", "governance_alerts");

  /**
   * The differing rows of one table a pass holds by default. The differences are kept until every snapshot is
   * read (so parents are written before children and children deleted before parents), which bounds what a sync
   * is for: the rows changed since a copy. A table differing in more is a job for {@code copy}.
   */
  public static final int DEFAULT_PENDING_LIMIT = 100_000;

  private static final String UPDATED_AT = "updated_at";
  private static final int BATCH = 1000;
  /** SQLite parses a chain of ORs into a tree as deep as it is long and refuses one deeper than 1,000. */
  private static final int KEY_BATCH = 200;

  private final OrcheoPersistence source;
  private final OrcheoPersistence target;
  private final List<MigrationTable> tables;
  private final SyncState state;
  private final Duration overlap;
  private final boolean forceFull;
  private final int pendingLimit;

  private DatabaseSync(OrcheoPersistence source, OrcheoPersistence target, List<MigrationTable> tables,
      SyncState state, Duration overlap, boolean forceFull, int pendingLimit) {
    this.source = Objects.requireNonNull(source, "source");
    this.target = Objects.requireNonNull(target, "target");
    this.tables = List.copyOf(tables);
    this.state = state;
    this.overlap = Objects.requireNonNull(overlap, "overlap");
    if (overlap.isNegative()) {
      throw new MigrationException("The sync overlap cannot be negative (got " + overlap + ")");
    }
    this.forceFull = forceFull;
    if (pendingLimit < 1) {
      throw new MigrationException("The pending-row limit must be at least 1 (got " + pendingLimit + ")");
    }
    this.pendingLimit = pendingLimit;
  }

  /** A sync of {@code tables} from {@code source} into {@code target}, without a state: every pass is full. */
  public static DatabaseSync between(OrcheoPersistence source, OrcheoPersistence target, List<MigrationTable> tables) {
    return new DatabaseSync(source, target, tables, null, DEFAULT_OVERLAP, false, DEFAULT_PENDING_LIMIT);
  }

  /** This sync, remembering its marks in {@code stateFile} (read now, written after a successful pass). */
  public DatabaseSync withState(Path stateFile) {
    return new DatabaseSync(source, target, tables, SyncState.read(stateFile), overlap, forceFull,
        pendingLimit);
  }

  /** This sync with another {@linkplain #DEFAULT_OVERLAP overlap}. */
  public DatabaseSync withOverlap(Duration newOverlap) {
    return new DatabaseSync(source, target, tables, state, newOverlap, forceFull, pendingLimit);
  }

  /** This sync, walking every table in full whatever the state says (and recording fresh marks). */
  public DatabaseSync full() {
    return new DatabaseSync(source, target, tables, state, overlap, true, pendingLimit);
  }

  /**
   * This sync holding at most {@code rows} differing rows of one table (the rows it will write and the rows it will
   * delete); a table that differs in more stops the pass before anything is written.
   */
  public DatabaseSync withPendingLimit(int rows) {
    return new DatabaseSync(source, target, tables, state, overlap, forceFull, rows);
  }

  /** How a table was synced. */
  public enum Method {
    /** Both sides walked in full; the mark recorded. */
    FULL,
    /** Only the source's rows changed since the mark read, plus both key sets. */
    SINCE_MARK,
    /** A table without a reliable {@code updated_at}: both sides walked, only differing rows written. */
    CHECKSUM
  }

  /** Whether a pass trusted a state. */
  public enum Pass {
    /** No trusted state: every table walked in full (tables without a reliable timestamp always are). */
    FULL,
    /** A trusted state: the tables with a reliable timestamp read from their marks. */
    INCREMENTAL
  }

  /**
   * What one table's sync read and wrote.
   *
   * @param method how the table was synced
   * @param inserted rows only the source had
   * @param updated rows whose values differed
   * @param deleted rows only the target had
   * @param rowsRead whole rows read, source and target together
   * @param keysRead primary keys read by the key walk, source and target together
   */
  public record Changes(Method method, long inserted, long updated, long deleted, long rowsRead, long keysRead) {
    /** Validates the counts. */
    public Changes {
      Objects.requireNonNull(method, "method");
      if (inserted < 0 || updated < 0 || deleted < 0 || rowsRead < 0 || keysRead < 0) {
        throw new IllegalArgumentException("counts cannot be negative");
      }
    }

    /** Rows written to the target. */
    public long written() {
      return inserted + updated + deleted;
    }
  }

  /**
   * A pass.
   *
   * @param pass full or incremental
   * @param reason why, for the operator ("no sync state", "the state was written for another target", …)
   * @param tables each table's changes, in the order synced
   */
  public record Report(Pass pass, String reason, Map<String, Changes> tables) {
    /** Validates and copies. */
    public Report {
      Objects.requireNonNull(pass, "pass");
      Objects.requireNonNull(reason, "reason");
      tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }
  }

  /** One table's reading: what to write, what it read, its new mark. */
  private static final class Pending {
    final MigrationTable table;
    Method method;
    final List<Record> upserts = new ArrayList<>();
    final List<Record> deletions = new ArrayList<>();
    long inserted;
    long updated;
    long rowsRead;
    long keysRead;
    Instant mark;

    private final int limit;

    Pending(MigrationTable table, int limit) {
      this.table = table;
      this.limit = limit;
    }

    void upsert(Record row) {
      upserts.add(row);
      checkLimit();
    }

    void delete(Record row) {
      deletions.add(row);
      checkLimit();
    }

    private void checkLimit() {
      if (upserts.size() + deletions.size() > limit) {
        throw new MigrationException(table.name() + " differs from the target in more than " + limit + " rows, "
            + "more than a sync holds; nothing was written. Run migrate copy (or copy --to-sqlite) first, which "
            + "streams every row, then sync");
      }
    }

    Changes changes() {
      return new Changes(method, inserted, updated, deletions.size(), rowsRead, keysRead);
    }
  }

  /** Syncs every table (children's deletions after their parents' insertions: the tables' order, then reversed). */
  public Report run() {
    String direction = direction();
    Map<String, String> sourceIds = identities(source);
    Map<String, String> targetIds = identities(target);
    Optional<SyncState.Direction> previous = state == null ? Optional.empty() : state.direction(direction);
    String reason;
    if (state == null) {
      reason = "no sync state kept";
    } else if (forceFull) {
      reason = "a full pass was asked for";
    } else if (previous.isEmpty()) {
      reason = "no sync state for " + direction + " in " + state.file();
    } else if (!recorded(previous.get().source(), sourceIds)) {
      reason = "the sync state was written for another source";
    } else if (!recorded(previous.get().target(), targetIds)) {
      reason = "the sync state was written for another target";
    } else {
      reason = "the sync state matches both sides";
    }
    boolean trusted = state != null && !forceFull && previous.isPresent()
        && recorded(previous.get().source(), sourceIds) && recorded(previous.get().target(), targetIds);
    Map<String, SyncState.TableMark> marks = trusted ? previous.get().tables() : Map.of();

    Map<Store, List<MigrationTable>> byStore = new LinkedHashMap<>();
    tables.forEach(table -> byStore.computeIfAbsent(table.store(), store -> new ArrayList<>()).add(table));
    Map<String, Pending> pending = readStores(byStore, marks);
    // Written after every snapshot is closed. Parents' rows first; children's deletions first.
    for (MigrationTable table : tables) {
      Pending p = pending.get(table.name());
      for (int start = 0; start < p.upserts.size(); start += BATCH) {
        write(table, p.upserts.subList(start, Math.min(p.upserts.size(), start + BATCH)));
      }
    }
    for (int i = tables.size() - 1; i >= 0; i--) {
      delete(tables.get(i), pending.get(tables.get(i).name()).deletions);
    }
    AuditLogSequence.follow(target, tables);
    if (state != null) {
      // A trusted state keeps what this pass did not touch (the vault's marks during an --exclude-vault pass):
      // those marks are older, so they only make the next pass read more.
      Map<String, String> sources = new LinkedHashMap<>(trusted ? previous.get().source() : Map.of());
      Map<String, String> targets = new LinkedHashMap<>(trusted ? previous.get().target() : Map.of());
      Map<String, SyncState.TableMark> recorded = new LinkedHashMap<>(marks);
      sources.putAll(sourceIds);
      targets.putAll(targetIds);
      for (Pending p : pending.values()) {
        recorded.remove(p.table.name());
        if (p.mark != null) {
          recorded.put(p.table.name(), new SyncState.TableMark(p.mark, targetMax(p.table)));
        }
      }
      state.save(direction, new SyncState.Direction(sources, targets, recorded));
    }
    Map<String, Changes> changes = new LinkedHashMap<>();
    tables.forEach(table -> changes.put(table.name(), pending.get(table.name()).changes()));
    return new Report(trusted ? Pass.INCREMENTAL : Pass.FULL, reason, changes);
  }

  /** Whether every store synced now was synced from (or into) the same database when the state was saved. */
  private static boolean recorded(Map<String, String> previous, Map<String, String> now) {
    return now.entrySet().stream().allMatch(store -> store.getValue().equals(previous.get(store.getKey())));
  }

  /**
   * Reads every store's snapshot, the stores at once (each file or database has its own snapshot anyway, and the
   * walks are what the cutover waits for); the tables' readings, keyed by table.
   */
  private Map<String, Pending> readStores(Map<Store, List<MigrationTable>> byStore,
      Map<String, SyncState.TableMark> marks) {
    ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, byStore.size()), runnable -> {
      Thread thread = new Thread(runnable, "orcheo-sync-read");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Map<Store, Future<Map<String, Pending>>> readings = new LinkedHashMap<>();
      byStore.forEach((store, storeTables) -> readings.put(store, readers.submit(() -> {
        Map<String, Pending> read = new LinkedHashMap<>();
        readStore(store, storeTables, marks, read);
        return read;
      })));
      Map<String, Pending> pending = new HashMap<>();
      for (Map.Entry<Store, Future<Map<String, Pending>>> reading : readings.entrySet()) {
        try {
          pending.putAll(reading.getValue().get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          throw new MigrationException("Cannot read " + reading.getKey().id() + ": " + e.getCause().getMessage(),
              e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new MigrationException("Interrupted while reading " + reading.getKey().id(), e);
        }
      }
      return pending;
    } finally {
      readers.shutdownNow();
    }
  }

  private void readStore(Store store, List<MigrationTable> storeTables, Map<String, SyncState.TableMark> marks,
      Map<String, Pending> pending) {
    Database database = source.database(store);
    Instant clockBeforeSnapshot = Instant.now();
    try (Connection snapshot = SqliteFiles.snapshot(database)) {
      try {
        readSnapshot(database, snapshot, clockBeforeSnapshot, storeTables, marks, pending);
      } finally {
        // Read-only: nothing to keep, and a pooled connection must go back without an open transaction.
        snapshot.rollback();
      }
    } catch (SQLException e) {
      throw new MigrationException("Cannot read a snapshot of " + database.target() + ": " + e.getMessage(), e);
    }
  }

  private void readSnapshot(Database database, Connection snapshot, Instant clockBeforeSnapshot,
      List<MigrationTable> storeTables, Map<String, SyncState.TableMark> marks, Map<String, Pending> pending) {
    DSLContext reader = DSL.using(snapshot, SqliteFiles.dialect(database));
    // The snapshot begins with its first read; its clock is taken just before, so it is no later than the
    // snapshot.
    Instant clock = database.backend() == Backend.POSTGRES
        ? reader.select(DSL.currentOffsetDateTime()).fetchOne().value1().toInstant()
        : clockBeforeSnapshot;
    for (MigrationTable table : storeTables) {
      Pending p = new Pending(table, pendingLimit);
      pending.put(table.name(), p);
      SyncState.TableMark mark = marks.get(table.name());
      if (!TIMESTAMPED.contains(table.name())) {
        p.method = Method.CHECKSUM;
        walk(reader, p);
      } else if (mark != null && mark.targetMax().equals(targetMax(table))) {
        p.method = Method.SINCE_MARK;
        sinceMark(reader, p, mark.mark(), clock);
      } else {
        p.method = Method.FULL;
        walk(reader, p);
        if (p.mark != null && p.mark.isAfter(clock)) {
          p.mark = clock;
        }
        if (p.mark == null) {
          // An empty table: the next pass reads whatever it holds then.
          p.mark = Instant.EPOCH;
        }
      }
    }
  }

  /** Both sides in full, in primary-key order; the mark is the largest {@code updated_at} read, if the table has one. */
  private void walk(DSLContext reader, Pending p) {
    MigrationTable table = p.table;
    List<Field<?>> key = key(table);
    Field<Instant> updatedAt = TIMESTAMPED.contains(table.name()) ? updatedAt(table) : null;
    targetDsl(table).transaction(t -> {
      try (Cursor<Record> left = ContentComparison.ordered(reader, table, table.allColumns());
          Cursor<Record> right = ContentComparison.ordered(t.dsl(), table, table.allColumns())) {
        Iterator<Record> sourceRows = left.iterator();
        Iterator<Record> targetRows = right.iterator();
        Record l = next(sourceRows, p);
        Record r = next(targetRows, p);
        while (l != null || r != null) {
          int order = l == null ? 1 : r == null ? -1 : compareKeys(l, r, key);
          if (l != null && order <= 0 && updatedAt != null) {
            p.mark = later(p.mark, l.get(updatedAt.getName(), Instant.class));
          }
          if (order < 0) {
            p.upsert(l);
            p.inserted++;
            l = next(sourceRows, p);
          } else if (order > 0) {
            p.delete(r);
            r = next(targetRows, p);
          } else {
            if (!ContentComparison.canonical(table, l).equals(ContentComparison.canonical(table, r))) {
              p.upsert(l);
              p.updated++;
            }
            l = next(sourceRows, p);
            r = next(targetRows, p);
          }
        }
      }
    });
  }

  /**
   * The source's rows changed since {@code mark - overlap}, each compared with the target's row of the same key;
   * then both key sets, for deletions and for rows the timestamp did not reveal.
   */
  private void sinceMark(DSLContext reader, Pending p, Instant mark, Instant clock) {
    MigrationTable table = p.table;
    List<Field<?>> key = key(table);
    Field<Instant> updatedAt = updatedAt(table);
    Instant from = mark.minus(overlap);
    Set<List<Object>> upserted = new HashSet<>();
    Instant seen = null;
    List<Record> chunk = new ArrayList<>();
    try (Cursor<Record> changed = reader.select(columns(table)).from(table.table()).where(updatedAt.ge(from))
        .orderBy(ContentComparison.byteOrder(reader, key)).fetchSize(BATCH).fetchLazy()) {
      for (Record row : changed) {
        p.rowsRead++;
        seen = later(seen, row.get(updatedAt.getName(), Instant.class));
        chunk.add(row);
        if (chunk.size() == KEY_BATCH) {
          compareWithTarget(p, chunk, upserted);
          chunk.clear();
        }
      }
    }
    compareWithTarget(p, chunk, upserted);

    List<List<Object>> onlyInSource = new ArrayList<>();
    targetDsl(table).transaction(t -> {
      try (Cursor<Record> left = ContentComparison.ordered(reader, table, List.of());
          Cursor<Record> right = ContentComparison.ordered(t.dsl(), table, List.of())) {
        Iterator<Record> sourceKeys = left.iterator();
        Iterator<Record> targetKeys = right.iterator();
        Record l = nextKey(sourceKeys, p);
        Record r = nextKey(targetKeys, p);
        while (l != null || r != null) {
          int order = l == null ? 1 : r == null ? -1 : compareKeys(l, r, key);
          if (order < 0) {
            if (!upserted.contains(keyOf(l, key))) {
              onlyInSource.add(keyOf(l, key));
            }
            l = nextKey(sourceKeys, p);
          } else if (order > 0) {
            p.delete(r);
            r = nextKey(targetKeys, p);
          } else {
            l = nextKey(sourceKeys, p);
            r = nextKey(targetKeys, p);
          }
        }
      }
    });
    for (int start = 0; start < onlyInSource.size(); start += KEY_BATCH) {
      List<List<Object>> keys = onlyInSource.subList(start, Math.min(onlyInSource.size(), start + KEY_BATCH));
      for (Record row : reader.select(columns(table)).from(table.table()).where(anyKey(key, keys)).fetch()) {
        p.rowsRead++;
        p.upsert(row);
        p.inserted++;
      }
    }
    // Rows stamped after the snapshot's clock do not move the mark past it; no row read keeps the old mark.
    Instant capped = seen == null ? mark : seen.isAfter(clock) ? clock : seen;
    p.mark = capped.isBefore(mark) ? mark : capped;
  }

  private void compareWithTarget(Pending p, List<Record> rows, Set<List<Object>> upserted) {
    if (rows.isEmpty()) {
      return;
    }
    MigrationTable table = p.table;
    List<Field<?>> key = key(table);
    List<List<Object>> keys = rows.stream().map(row -> keyOf(row, key)).toList();
    Map<List<Object>, Record> existing = new HashMap<>();
    for (Record row : targetDsl(table).select(columns(table)).from(table.table()).where(anyKey(key, keys)).fetch()) {
      p.rowsRead++;
      existing.put(keyOf(row, key), row);
    }
    for (Record row : rows) {
      List<Object> k = keyOf(row, key);
      Record current = existing.get(k);
      if (current == null) {
        p.upsert(row);
        p.inserted++;
        upserted.add(k);
      } else if (!ContentComparison.canonical(table, row).equals(ContentComparison.canonical(table, current))) {
        p.upsert(row);
        p.updated++;
        upserted.add(k);
      }
    }
  }

  /** The largest {@code updated_at} in the target's table, empty when it is empty. */
  private Optional<Instant> targetMax(MigrationTable table) {
    Field<Instant> updatedAt = updatedAt(table);
    return Optional.ofNullable(targetDsl(table).select(DSL.max(updatedAt)).from(table.table()).fetchOne().value1());
  }

  private DSLContext targetDsl(MigrationTable table) {
    return target.database(table.store()).transactor().read("borrow the DSL", dsl -> dsl);
  }

  private void write(MigrationTable table, List<Record> rows) {
    if (rows.isEmpty()) {
      return;
    }
    @SuppressWarnings("unchecked")
    Table<Record> t = (Table<Record>) table.table();
    List<Field<?>> key = key(table);
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
    List<Field<?>> key = key(table);
    for (int start = 0; start < rows.size(); start += KEY_BATCH) {
      List<List<Object>> keys = rows.subList(start, Math.min(rows.size(), start + KEY_BATCH)).stream()
          .map(row -> keyOf(row, key)).toList();
      target.database(table.store()).transactor().inTransaction("sync deletions of " + table.name(),
          dsl -> dsl.deleteFrom(table.table()).where(anyKey(key, keys)).execute());
    }
  }

  /** Any of {@code keys}: a chain of ORs, as both dialects take it (at most {@value #KEY_BATCH} at a time). */
  private static Condition anyKey(List<Field<?>> key, List<List<Object>> keys) {
    Condition any = DSL.falseCondition();
    for (List<Object> values : keys) {
      Condition same = DSL.noCondition();
      for (int i = 0; i < key.size(); i++) {
        @SuppressWarnings("unchecked")
        Field<Object> typed = (Field<Object>) key.get(i);
        same = same.and(typed.eq(values.get(i)));
      }
      any = any.or(same);
    }
    return any;
  }

  /** The key first, then the other columns: the order {@link ContentComparison#canonical} expects of both sides. */
  private static List<Field<?>> columns(MigrationTable table) {
    List<Field<?>> key = key(table);
    List<Field<?>> columns = new ArrayList<>(key);
    table.allColumns().stream().map(table.table()::field).filter(field -> !key.contains(field))
        .forEach(columns::add);
    return columns;
  }

  private static List<Field<?>> key(MigrationTable table) {
    return List.of(table.table().getPrimaryKey().getFieldsArray());
  }

  @SuppressWarnings("unchecked")
  private static Field<Instant> updatedAt(MigrationTable table) {
    Field<?> field = table.table().field(UPDATED_AT);
    if (field == null || field.getType() != Instant.class) {
      throw new IllegalStateException(table.name() + " has no updated_at timestamp");
    }
    return (Field<Instant>) field;
  }

  private static List<Object> keyOf(Record row, List<Field<?>> key) {
    List<Object> values = new ArrayList<>(key.size());
    for (Field<?> field : key) {
      values.add(row.get(field.getName()));
    }
    return values;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || !b.isAfter(a) ? a : b;
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

  private static Record next(Iterator<Record> rows, Pending p) {
    if (!rows.hasNext()) {
      return null;
    }
    p.rowsRead++;
    return rows.next();
  }

  private static Record nextKey(Iterator<Record> keys, Pending p) {
    if (!keys.hasNext()) {
      return null;
    }
    p.keysRead++;
    return keys.next();
  }

  private String direction() {
    return backends(source) + "-to-" + backends(target);
  }

  private String backends(OrcheoPersistence side) {
    Set<String> names = new TreeSet<>();
    tables.forEach(table -> names.add(side.database(table.store()).backend() == Backend.POSTGRES ? "postgres"
        : "sqlite"));
    return String.join("+", names);
  }

  /** Each store's database identity: a state written for another database must not be trusted. */
  private Map<String, String> identities(OrcheoPersistence side) {
    Map<String, String> identities = new LinkedHashMap<>();
    for (MigrationTable table : tables) {
      String store = table.store().name().toLowerCase(java.util.Locale.ROOT);
      if (!identities.containsKey(store)) {
        identities.put(store, identity(side.database(table.store())));
      }
    }
    return identities;
  }

  private static String identity(Database database) {
    if (database.backend() == Backend.SQLITE) {
      try {
        Path file = Path.of(database.target()).toRealPath();
        // The inode tells a file recreated at the same path (a restored backup, a fresh deployment) from the one
        // the marks were taken on.
        Object inode = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        return "sqlite:" + file + (inode == null ? "" : "#" + inode);
      } catch (IOException e) {
        throw new MigrationException("Cannot identify the SQLite file " + database.target() + ": " + e.getMessage(),
            e);
      }
    }
    return database.transactor().read("identify the PostgreSQL database", dsl -> {
      Record where = dsl.fetchOne("select current_database(), "
          + "(select oid from pg_database where datname = current_database())::text, "
          + "coalesce(host(inet_server_addr()), 'socket'), inet_server_port()");
      String cluster = systemIdentifier(dsl).orElse(where.get(2) + ":" + where.get(3));
      return "postgresql:" + cluster + "/" + where.get(0) + "/" + where.get(1);
    });
  }

  /** The cluster's system identifier, where the role may read it (it tells two fresh clusters apart). */
  private static Optional<String> systemIdentifier(DSLContext dsl) {
    try {
      return Optional.ofNullable(dsl.fetchOne("select system_identifier::text from pg_control_system()")
          .get(0, String.class));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
