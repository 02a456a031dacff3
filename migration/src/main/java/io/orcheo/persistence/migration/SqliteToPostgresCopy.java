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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code migrate copy}: streams every table of the SQLite files into PostgreSQL with {@code COPY}, in batches that
 * each commit with a checkpoint, so that a copy killed at any point (even {@code kill -9}) resumes where it stopped.
 *
 * <p>Each SQLite file is read in one read transaction, opened for all files when the copy starts: the copy is a
 * consistent snapshot of each file while the application keeps writing (WAL lets it). Rows are read in primary-key
 * order a batch at a time (keyset; a batch ends at {@link #withBatchSize its row count} or at
 * {@value #MAX_BATCH_BYTES} bytes, so memory holds a few batches whatever the table's size) and loaded through a
 * temporary staging table: {@code COPY} into it, then {@code INSERT … SELECT … ON CONFLICT DO NOTHING} into the
 * table, in one transaction. The checkpoint (the batch's last key) is saved after the commit; a crash between the
 * two re-copies one batch, whose rows are then already there and skipped.
 *
 * <p>Tables are copied {@link #withParallelism in parallel} as far as the foreign keys allow: a table starts once
 * every table it references is complete, so PostgreSQL never sees a child before its parent; among the tables free
 * to start, the one with the most rows goes first. Within a table, batches are read one after the other and load
 * over several connections at once (their key ranges do not overlap); the checkpoint moves past a batch only once
 * every batch before it has committed. At most two batches per loader are in memory at any time.
 *
 * <p>Values are converted as upstream's export converts them (JSON text trimmed, empty text as no document; 0/1 as
 * booleans), and timestamps are sent as UTC instants so the server's time zone cannot shift them.
 */
public final class SqliteToPostgresCopy {
  /** Rows per batch and transaction unless told otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 5000;

  private static final Logger log = LoggerFactory.getLogger(SqliteToPostgresCopy.class);

  /** Tables copied at once unless told otherwise. */
  public static final int DEFAULT_PARALLELISM = 4;

  /** A batch ends early at this much COPY data, so a table of large documents cannot fill the heap. */
  static final int MAX_BATCH_BYTES = 16 * 1024 * 1024;

  private final PersistenceSettings source;
  private final OrcheoPersistence target;
  private final List<MigrationTable> tables;
  private final Path stateFile;
  private final int batchSize;
  private final int parallelism;

  private SqliteToPostgresCopy(PersistenceSettings source, OrcheoPersistence target, List<MigrationTable> tables,
      Path stateFile, int batchSize, int parallelism) {
    this.source = Objects.requireNonNull(source, "source");
    this.target = Objects.requireNonNull(target, "target");
    this.tables = List.copyOf(tables);
    this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
    if (batchSize < 1) {
      throw new MigrationException("The batch size must be at least 1 (got " + batchSize + ")");
    }
    if (parallelism < 1) {
      throw new MigrationException("The parallelism must be at least 1 (got " + parallelism + ")");
    }
    this.batchSize = batchSize;
    this.parallelism = parallelism;
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
    return new SqliteToPostgresCopy(source, target, MigrationTables.forDeployment(source, excludeVault), stateFile,
        DEFAULT_BATCH_SIZE, DEFAULT_PARALLELISM);
  }

  /** This copy with {@code size} rows per batch. */
  public SqliteToPostgresCopy withBatchSize(int size) {
    return new SqliteToPostgresCopy(source, target, tables, stateFile, size, parallelism);
  }

  /**
   * This copy with up to {@code tables} tables at once, and as many batches loading at once (of one table or of
   * several). Each load holds one PostgreSQL connection, so the pool's maximum size should not be below it.
   */
  public SqliteToPostgresCopy withParallelism(int tables) {
    return new SqliteToPostgresCopy(source, target, this.tables, stateFile, batchSize, tables);
  }

  /**
   * Hears the copy's progress. Called from the copy's threads, possibly at once for different tables: an
   * implementation must be thread-safe.
   */
  @FunctionalInterface
  public interface Listener {
    /** Nothing. */
    Listener NONE = (table, rows, bytes) -> { };

    /**
     * The copy is about to start.
     *
     * @param rows rows left to copy in the snapshot (all of them, less those a resumed copy already committed)
     */
    default void copyPlanned(long rows) {}

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
   * @param rows rows copied by this run, per table, in the order of the tables
   * @param bytes bytes of COPY data this run sent
   */
  public record Report(Map<String, Long> rows, long bytes) {
    /** Copies the map, keeping its order. */
    public Report {
      rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }
  }

  /** One batch read from SQLite: its COPY data (UTF-8), its row count, its last key, and whether the table ended. */
  private record Batch(byte[] data, int rows, JsonNode lastKey, boolean last) {}

  /**
   * Copies everything not yet copied. A fresh copy first runs the {@link Preflight} over the SQLite files.
   *
   * @throws PreflightException if the pre-flight finds rows PostgreSQL would refuse; nothing is written
   * @throws MigrationException if reading, loading or saving the checkpoint fails; what is committed stays, and
   *     running the copy again resumes
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
    Map<Store, Connection> readers = new EnumMap<>(Store.class);
    ExecutorService workers = Executors.newFixedThreadPool(parallelism, named("orcheo-copy"));
    ExecutorService loaders = Executors.newFixedThreadPool(parallelism, named("orcheo-copy-load"));
    AtomicReference<RuntimeException> failed = new AtomicReference<>();
    try {
      for (MigrationTable table : tables) {
        if (!readers.containsKey(table.store())) {
          readers.put(table.store(), snapshot(table.store().sqlitePath(source)));
        }
      }
      Map<MigrationTable, Long> left = new LinkedHashMap<>();
      for (MigrationTable table : tables) {
        left.put(table, state.done(table.name()) ? 0
            : Math.max(0, count(readers.get(table.store()), table) - state.rows(table.name())));
      }
      listener.copyPlanned(left.values().stream().mapToLong(Long::longValue).sum());
      // At most two batches per loader in memory, whatever the number of tables and their sizes.
      Semaphore inFlight = new Semaphore(2 * parallelism);
      Map<MigrationTable, CompletableFuture<long[]>> copies = new LinkedHashMap<>();
      for (MigrationTable table : largestFirst(left)) {
        CompletableFuture<?>[] parents = parents(table).stream().map(copies::get).filter(Objects::nonNull)
            .toArray(CompletableFuture<?>[]::new);
        copies.put(table, CompletableFuture.allOf(parents).thenApplyAsync(ignored -> {
          try {
            return copyTable(table, readers.get(table.store()), state, listener, loaders, inFlight, failed);
          } catch (RuntimeException e) {
            // Only the first failure sticks: the others are tables stopping because of it.
            failed.compareAndSet(null, e);
            throw e;
          }
        }, workers));
      }
      Map<String, Long> copied = new LinkedHashMap<>();
      long bytes = 0;
      for (MigrationTable table : tables) {
        long[] moved = join(copies.values(), copies.get(table), failed);
        copied.put(table.name(), moved[0]);
        bytes += moved[1];
      }
      AuditLogSequence.follow(target, tables);
      return new Report(copied, bytes);
    } catch (SQLException e) {
      throw new MigrationException("The copy failed: " + e.getMessage(), e);
    } finally {
      workers.shutdownNow();
      loaders.shutdownNow();
      for (Connection reader : readers.values()) {
        try {
          reader.close();
        } catch (SQLException e) {
          // A read-only snapshot: nothing to lose.
        }
      }
    }
  }

  /**
   * A table's result; on failure, the first failure of all (another table's "stopped" is only its echo), after
   * every table has stopped, so that no thread still writes when the copy reports.
   */
  private static long[] join(Collection<CompletableFuture<long[]>> all, CompletableFuture<long[]> one,
      AtomicReference<RuntimeException> firstFailure) {
    try {
      return one.join();
    } catch (CompletionException | CancellationException e) {
      for (CompletableFuture<long[]> other : all) {
        try {
          other.join();
        } catch (CompletionException | CancellationException ignored) {
          // Reported through the first failure.
        }
      }
      Throwable first = firstFailure.get() != null ? firstFailure.get() : e.getCause() != null ? e.getCause() : e;
      if (first instanceof MigrationException migration) {
        throw migration;
      }
      throw new MigrationException("The copy failed: " + first.getMessage(), first);
    }
  }

  /**
   * The tables in an order that puts every parent before its children and, among the tables free to go, the one with
   * the most rows left first: the longest table starts early instead of finishing alone.
   */
  private List<MigrationTable> largestFirst(Map<MigrationTable, Long> left) {
    List<MigrationTable> ordered = new ArrayList<>();
    List<MigrationTable> waiting = new ArrayList<>(tables);
    while (!waiting.isEmpty()) {
      MigrationTable next = waiting.stream().filter(table -> ordered.containsAll(parents(table)))
          .max(Comparator.comparingLong(left::get))
          .orElseThrow(() -> new IllegalStateException("The foreign keys form a cycle: " + waiting));
      ordered.add(next);
      waiting.remove(next);
    }
    return ordered;
  }

  /** The copied tables {@code table} references through a foreign key (other than itself). */
  private List<MigrationTable> parents(MigrationTable table) {
    List<MigrationTable> parents = new ArrayList<>();
    for (ForeignKey<?, ?> reference : table.table().getReferences()) {
      String parent = reference.getKey().getTable().getName();
      tables.stream().filter(other -> other.name().equals(parent) && other != table).forEach(parents::add);
    }
    return parents;
  }

  /** A read-only connection in a read transaction already begun, so its snapshot is taken now. */
  private static Connection snapshot(Path file) throws SQLException {
    if (!Files.isRegularFile(file)) {
      throw new MigrationException("Missing SQLite database: " + file);
    }
    Connection reader = SqliteFiles.openReadOnly(file);
    try (Statement statement = reader.createStatement();
        ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
      if (mode.next() && !"wal".equalsIgnoreCase(mode.getString(1))) {
        // Outside WAL a reader holds a shared lock: the application's writes wait (or time out) until the copy ends.
        log.warn("{} is in journal mode {}, not WAL: the application cannot write to it while the copy reads it",
            file, mode.getString(1));
      }
    } catch (SQLException e) {
      reader.close();
      throw e;
    }
    reader.setAutoCommit(false);
    try (Statement statement = reader.createStatement();
        ResultSet ignored = statement.executeQuery("SELECT count(*) FROM sqlite_schema")) {
      // SQLite begins a transaction lazily; its first read fixes the snapshot.
      return reader;
    } catch (SQLException e) {
      reader.close();
      throw e;
    }
  }

  private static long count(Connection reader, MigrationTable table) throws SQLException {
    try (Statement statement = reader.createStatement();
        ResultSet result = statement.executeQuery("SELECT count(*) FROM " + quote(table.name()))) {
      result.next();
      return result.getLong(1);
    }
  }

  private long[] copyTable(MigrationTable table, Connection reader, CopyState state, Listener listener,
      ExecutorService loaders, Semaphore inFlight, AtomicReference<RuntimeException> failed) {
    if (state.done(table.name())) {
      return new long[] {0, 0};
    }
    List<String> key = List.of(table.table().getPrimaryKey().getFieldsArray()).stream().map(Field::getName).toList();
    List<String> columns = table.allColumns();
    long[] moved = {0, 0};
    // Batches in flight, oldest first. Their key ranges do not overlap, so they load over several connections at
    // once; the checkpoint only moves past a batch once every batch before it has committed.
    Deque<Loading> loading = new ArrayDeque<>();
    JsonNode last = state.lastKey(table.name());
    try {
      while (true) {
        if (failed.get() != null) {
          throw new MigrationException("Stopped copying " + table.name() + " after another table failed");
        }
        acquire(inFlight, table);
        Batch batch;
        try {
          batch = read(table, reader, columns, key, last);
        } catch (RuntimeException e) {
          inFlight.release();
          throw e;
        }
        if (batch.rows() == 0) {
          inFlight.release();
          break;
        }
        loading.add(new Loading(batch, loaders.submit(() -> {
          try {
            load(table, columns, batch.data());
          } finally {
            inFlight.release();
          }
        })));
        last = batch.lastKey();
        while (!loading.isEmpty() && (loading.peek().load().isDone() || loading.size() >= parallelism)) {
          checkpoint(table, loading.poll(), state, listener, moved);
        }
        if (batch.last()) {
          break;
        }
      }
      while (!loading.isEmpty()) {
        checkpoint(table, loading.poll(), state, listener, moved);
      }
    } finally {
      // On failure, the batches still loading finish before the copy reports, so that nothing writes after it.
      for (Loading rest : loading) {
        try {
          rest.load().get();
        } catch (ExecutionException | InterruptedException | CancellationException ignored) {
          // The first failure is the one reported.
        }
      }
    }
    state.finish(table.name());
    return moved;
  }

  /** A batch and its load. */
  private record Loading(Batch batch, Future<?> load) {}

  /** Waits for the oldest batch's commit, then saves the checkpoint past it. */
  private static void checkpoint(MigrationTable table, Loading oldest, CopyState state, Listener listener,
      long[] moved) {
    await(table, oldest.load());
    Batch batch = oldest.batch();
    moved[0] += batch.rows();
    moved[1] += batch.data().length;
    state.advance(table.name(), batch.lastKey(), batch.rows());
    listener.batchCommitted(table.name(), batch.rows(), batch.data().length);
  }

  private static void acquire(Semaphore inFlight, MigrationTable table) {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException("Interrupted while copying " + table.name(), e);
    }
  }

  private static void await(MigrationTable table, Future<?> load) {
    try {
      load.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof MigrationException migration) {
        throw migration;
      }
      throw new MigrationException("Copying a batch of " + table.name() + " failed: " + e.getCause().getMessage(),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException("Interrupted while copying " + table.name(), e);
    }
  }

  /**
   * The batch after {@code last} (or the first): up to the batch size's rows, fewer if their COPY data reaches
   * {@value #MAX_BATCH_BYTES} bytes. The tables of one file share its snapshot's connection, one read at a time.
   */
  private Batch read(MigrationTable table, Connection reader, List<String> columns, List<String> key,
      JsonNode last) {
    String sql = "SELECT " + quoted(columns) + " FROM " + quote(table.name())
        + (last == null ? "" : " WHERE (" + quoted(key) + ") > (" + "?, ".repeat(key.size() - 1) + "?)")
        + " ORDER BY " + quoted(key) + " LIMIT " + batchSize;
    StringBuilder data = new StringBuilder();
    int count = 0;
    JsonNode batchLast = null;
    boolean exhausted = true;
    synchronized (reader) {
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
              keyValues.add(StateFiles.keyValue(result.getObject(columns.indexOf(column) + 1)));
            }
            batchLast = keyValues;
            if (data.length() >= MAX_BATCH_BYTES) {
              exhausted = false;
              break;
            }
          }
        }
      } catch (SQLException e) {
        throw new MigrationException("Reading " + table.name() + " failed: " + e.getMessage(), e);
      }
    }
    return new Batch(data.toString().getBytes(StandardCharsets.UTF_8), count, batchLast,
        exhausted && count < batchSize);
  }

  /** COPY into a staging table, then insert what is not there yet, in one transaction. */
  private void load(MigrationTable table, List<String> columns, byte[] data) {
    String staging = "orcheo_copy_" + table.name();
    try (Connection connection = target.database(table.store()).dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + quote(staging) + " (LIKE "
            + quote(table.name()) + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
        // Bytes (encoded whole by the reader), not a Reader: pgjdbc encodes a Reader's text 65,536 chars at a time,
        // each chunk on its own, so a character beyond the Basic Multilingual Plane (an emoji) whose surrogate pair
        // straddled a chunk boundary arrived as "??". The connection's client encoding is always UTF-8.
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
            "COPY " + quote(staging) + " (" + quoted(columns) + ") FROM STDIN", new ByteArrayInputStream(data));
        statement.executeUpdate("INSERT INTO " + quote(table.name()) + " (" + quoted(columns) + ") SELECT "
            + quoted(columns) + " FROM " + quote(staging) + " ON CONFLICT DO NOTHING");
        connection.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        connection.rollback();
        throw new MigrationException("Copying a batch of " + table.name() + " failed: " + e.getMessage(), e);
      }
    } catch (SQLException e) {
      throw new MigrationException("Copying a batch of " + table.name() + " failed: " + e.getMessage(), e);
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
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
