package io.orcheo.persistence.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Database;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Compares a table's content in two deployments row by row, in a canonical form that is the same whatever backend
 * holds it: JSON parsed and written canonically (keys sorted, numbers by value), timestamps as UTC instants,
 * booleans as {@code true}/{@code false}, and no document (SQL NULL, JSON null, empty text) as one thing. Both
 * sides are read in primary-key order (byte order for text, which SQLite uses and
 * PostgreSQL's {@code "C"} collation gives), streamed, so memory does not grow with the table.
 *
 * <p>Besides whether they match, each side gets a content checksum: SHA-256 over its canonical rows in order.
 */
public final class ContentComparison {
  /**
   * The outcome for one table.
   *
   * @param table the table
   * @param sourceRows rows in the source
   * @param targetRows rows in the target
   * @param sourceChecksum the source's content checksum
   * @param targetChecksum the target's content checksum
   * @param firstDifference the primary key of the first row that differs or exists on one side only, if any
   */
  public record Result(String table, long sourceRows, long targetRows, String sourceChecksum, String targetChecksum,
      Optional<String> firstDifference) {
    /** Whether both sides hold the same rows with the same values. */
    public boolean matches() {
      return firstDifference.isEmpty() && sourceRows == targetRows && sourceChecksum.equals(targetChecksum);
    }
  }

  private ContentComparison() {}

  /** Compares every column of {@code table} in {@code source} and {@code target} (after {@code copy}). */
  public static Result compare(OrcheoPersistence source, OrcheoPersistence target, MigrationTable table) {
    return compare(source, target, table, table.allColumns());
  }

  /**
   * Compares the columns of upstream's export format (after {@code export} and {@code import}, which carry those
   * only).
   */
  public static Result compareExported(OrcheoPersistence source, OrcheoPersistence target, MigrationTable table) {
    return compare(source, target, table, table.columns());
  }

  /**
   * Compares every column of each of {@code tables}, {@code parallelism} tables at a time (each comparison holds one
   * connection on each side). The results come in the order of {@code tables}.
   *
   * @throws MigrationException if a comparison fails to read a side
   */
  public static List<Result> compareAll(OrcheoPersistence source, OrcheoPersistence target,
      List<MigrationTable> tables, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    ExecutorService workers = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, tables.size())));
    try {
      List<Future<Result>> pending = new ArrayList<>();
      for (MigrationTable table : tables) {
        pending.add(workers.submit(() -> compare(source, target, table)));
      }
      List<Result> results = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        try {
          results.add(pending.get(i).get());
        } catch (ExecutionException e) {
          throw new MigrationException("Cannot compare " + tables.get(i).name() + ": " + e.getCause().getMessage(),
              e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new MigrationException("Interrupted while comparing " + tables.get(i).name(), e);
        }
      }
      return results;
    } finally {
      workers.shutdownNow();
    }
  }

  private static Result compare(OrcheoPersistence source, OrcheoPersistence target, MigrationTable table,
      List<String> compared) {
    Database left = source.database(table.store());
    Database right = target.database(table.store());
    try (Connection leftSnapshot = SqliteFiles.snapshot(left);
        Connection rightSnapshot = SqliteFiles.snapshot(right)) {
      try (Cursor<Record> leftRows = ordered(DSL.using(leftSnapshot, SqliteFiles.dialect(left)), table, compared);
          Cursor<Record> rightRows = ordered(DSL.using(rightSnapshot, SqliteFiles.dialect(right)), table, compared)) {
        return walk(table, leftRows.iterator(), rightRows.iterator());
      } finally {
        // Read-only: nothing to keep, and a pooled connection must go back without an open transaction.
        leftSnapshot.rollback();
        rightSnapshot.rollback();
      }
    } catch (SQLException e) {
      throw new MigrationException("Cannot compare " + table.name() + ": " + e.getMessage(), e);
    }
  }

  private static Result walk(MigrationTable table, Iterator<Record> left, Iterator<Record> right) {
    MessageDigest leftDigest = sha256();
    MessageDigest rightDigest = sha256();
    long leftRows = 0;
    long rightRows = 0;
    String firstDifference = null;
    while (left.hasNext() || right.hasNext()) {
      String l = left.hasNext() ? canonical(table, left.next()) : null;
      String r = right.hasNext() ? canonical(table, right.next()) : null;
      if (l != null) {
        leftRows++;
        leftDigest.update(l.getBytes(StandardCharsets.UTF_8));
        leftDigest.update((byte) '\n');
      }
      if (r != null) {
        rightRows++;
        rightDigest.update(r.getBytes(StandardCharsets.UTF_8));
        rightDigest.update((byte) '\n');
      }
      if (firstDifference == null && !Objects.equals(l, r)) {
        firstDifference = l != null ? key(l) : key(r);
      }
    }
    return new Result(table.name(), leftRows, rightRows, HexFormat.of().formatHex(leftDigest.digest()),
        HexFormat.of().formatHex(rightDigest.digest()), Optional.ofNullable(firstDifference));
  }

  static Cursor<Record> ordered(DSLContext dsl, MigrationTable table, List<String> compared) {
    Table<?> t = table.table();
    List<Field<?>> key = List.of(t.getPrimaryKey().getFieldsArray());
    List<SortField<?>> order = byteOrder(dsl, key);
    List<Field<?>> columns = new ArrayList<>(key);
    compared.stream().map(t::field).filter(field -> !key.contains(field)).forEach(columns::add);
    return dsl.select(columns).from(t).orderBy(order).fetchSize(1000).fetchLazy();
  }

  /** The key in byte order on both backends: SQLite's BINARY collation, PostgreSQL's {@code "C"}. */
  @SuppressWarnings("unchecked")
  static List<SortField<?>> byteOrder(DSLContext dsl, List<Field<?>> key) {
    List<SortField<?>> order = new ArrayList<>();
    for (Field<?> field : key) {
      order.add(field.getType() == String.class && dsl.dialect().family() == SQLDialect.POSTGRES
          ? ((Field<String>) field).collate(DSL.collation(DSL.quotedName("C"))).asc()
          : field.asc());
    }
    return order;
  }

  /** The primary key first, then the other exported columns, each in its canonical text, tab-separated. */
  static String canonical(MigrationTable table, Record record) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < record.size(); i++) {
      if (i > 0) {
        out.append('\t');
      }
      out.append(canonical(record.get(i)));
    }
    return out.toString();
  }

  private static String canonical(Object value) {
    if (value == null) {
      return "∅";
    }
    if (value instanceof JsonNode json) {
      // No document: SQL NULL, JSON null and SQLite's empty text all mean it, and upstream's export makes the
      // empty text null on the way.
      if (json.isNull() || json.isMissingNode()) {
        return "∅";
      }
      StringBuilder out = new StringBuilder();
      canonicalJson(json, out);
      return out.toString();
    }
    if (value instanceof Instant instant) {
      return instant.toString();
    }
    // Quoted, so that a tab or newline inside a value cannot pass for a separator.
    return JsonCodec.write(JsonNodeFactory.instance.textNode(value.toString()));
  }

  /**
   * The document's canonical text: object keys sorted, no whitespace, and every number as its exact value in one
   * spelling. JSONB keeps numbers as decimals, so {@code 1.5e+300} comes back as 1500…0 and {@code -0.0} as
   * {@code 0.0}; each pair is one value, and numbers beyond a double's precision stay distinct.
   */
  private static void canonicalJson(JsonNode node, StringBuilder out) {
    if (node.isNumber()) {
      BigDecimal value = node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
      out.append(value.signum() == 0 ? "0" : value.stripTrailingZeros().toString());
    } else if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      java.util.Collections.sort(names);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        out.append(i == 0 ? "" : ",").append(JsonCodec.write(JsonNodeFactory.instance.textNode(names.get(i))))
            .append(':');
        canonicalJson(node.get(names.get(i)), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ",");
        canonicalJson(node.get(i), out);
      }
      out.append(']');
    } else {
      out.append(JsonCodec.write(node));
    }
  }

  private static String key(String canonicalRow) {
    int tab = canonicalRow.indexOf('\t');
    return tab < 0 ? canonicalRow : canonicalRow.substring(0, tab);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
