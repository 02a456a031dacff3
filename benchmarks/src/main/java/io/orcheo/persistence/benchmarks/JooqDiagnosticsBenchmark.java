package io.orcheo.persistence.benchmarks;

import static io.orcheo.persistence.jooq.generated.Tables.SERVICE_TOKENS;

import com.fasterxml.jackson.databind.JsonNode;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderTable;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Diagnostics, not part of the report: where the jOOQ side spends its time. Each variant runs on its own
 * {@link DSLContext} over the same pool and changes one thing.
 *
 * <ul>
 *   <li>{@code lookup_before}: {@code TokenQueries.selectByHash} and {@code Database.jooqSettings()} as they were
 *       before commit b693d8d ({@code selectFrom} of all 18 columns, {@code LIMIT} bound, table-qualified names).
 *       The other {@code lookup_*} variants change one thing each; {@code lookup_tuned} is the query as it is now
 *       (12 mapped columns, inline {@code LIMIT}, {@code RenderTable.WHEN_MULTIPLE_TABLES}).</li>
 *   <li>{@code create_*}: the token INSERT in the production transaction, with its rendering, its binds or its
 *       transaction handling replaced.</li>
 * </ul>
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar JooqDiagnosticsBenchmark -p backend=sqlite</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {
    "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class JooqDiagnosticsBenchmark {
  @Param({"sqlite", "postgres"})
  public String backend;

  private Fixture fixture;
  /** {@code Database.jooqSettings()} before b693d8d. */
  private DSLContext before;
  /** {@link #before} + RenderTable.WHEN_MULTIPLE_TABLES (the current production settings): columns rendered without their table qualifier. */
  private DSLContext unqualified;
  /** {@link #before} + StatementType.STATIC_STATEMENT: bind values inlined, java.sql.Statement. */
  private DSLContext inlined;
  /** The SQL {@link #lookup_before} renders, captured once. */
  private String renderedSql;
  private Field<?>[] mappedFields;
  /** The SQL of {@link #tunedQuery}, captured once. */
  private String tunedSql;

  @Setup(Level.Trial)
  public void open() throws IOException {
    fixture = new Fixture(backend);
    SQLDialect dialect = fixture.postgres ? SQLDialect.POSTGRES : SQLDialect.SQLITE;
    before = DSL.using(fixture.dataSource, dialect, beforeSettings());
    unqualified = DSL.using(fixture.dataSource, dialect, beforeSettings().withRenderTable(RenderTable.WHEN_MULTIPLE_TABLES));
    inlined = DSL.using(fixture.dataSource, dialect,
        beforeSettings().withStatementType(StatementType.STATIC_STATEMENT));
    renderedSql = query(before, "x").getSQL();
    mappedFields = new Field<?>[] {SERVICE_TOKENS.IDENTIFIER, SERVICE_TOKENS.SECRET_HASH, SERVICE_TOKENS.SCOPES,
        SERVICE_TOKENS.WORKSPACE_IDS, SERVICE_TOKENS.ISSUED_AT, SERVICE_TOKENS.EXPIRES_AT,
        SERVICE_TOKENS.ROTATION_EXPIRES_AT, SERVICE_TOKENS.REVOKED_AT, SERVICE_TOKENS.REVOCATION_REASON,
        SERVICE_TOKENS.ROTATED_TO, SERVICE_TOKENS.LAST_USED_AT, SERVICE_TOKENS.USE_COUNT};
    if (!renderedSql.endsWith(" limit ?") && !renderedSql.endsWith(" fetch next ? rows only")) {
      throw new IllegalStateException("Unexpected rendering: " + renderedSql);
    }
    tunedSql = tunedQuery("x").getSQL();
    System.out.println("\n[diagnostics] tuned SQL: " + tunedSql);
    String hash = fixture.hashes[0];
    for (Optional<ServiceToken> variant : List.of(lookup_before(hash), lookup_unqualified(hash),
        lookup_inlineLimit(hash), lookup_tuned(hash), lookup_tunedPreRendered(hash),
        lookup_mappedColumnsOnly(hash), lookup_preRenderedPlainSql(hash), lookup_staticStatement(hash))) {
      if (!variant.equals(fixture.persistence.serviceTokens().findByHash(hash))) {
        throw new IllegalStateException("A diagnostic variant reads a different token: " + variant);
      }
    }
  }

  private Optional<ServiceToken> lookup_before(String hash) {
    return query(before, hash).fetchOptional(JooqDiagnosticsBenchmark::toToken);
  }

  private Optional<ServiceToken> lookup_unqualified(String hash) {
    return query(unqualified, hash).fetchOptional(JooqDiagnosticsBenchmark::toToken);
  }

  private Optional<ServiceToken> lookup_mappedColumnsOnly(String hash) {
    return before.select(mappedFields).from(SERVICE_TOKENS).where(SERVICE_TOKENS.SECRET_HASH.eq(hash)).limit(1)
        .fetchOptional(JooqDiagnosticsBenchmark::toToken);
  }

  private Optional<ServiceToken> lookup_preRenderedPlainSql(String hash) {
    return before.resultQuery(renderedSql, hash, 1).coerce(SERVICE_TOKENS)
        .fetchOptional(JooqDiagnosticsBenchmark::toToken);
  }

  private Optional<ServiceToken> lookup_inlineLimit(String hash) {
    return before.selectFrom(SERVICE_TOKENS).where(SERVICE_TOKENS.SECRET_HASH.eq(hash)).limit(DSL.inline(1))
        .fetchOptional(JooqDiagnosticsBenchmark::toToken);
  }

  private ResultQuery<Record> tunedQuery(String hash) {
    return unqualified.select(mappedFields).from(SERVICE_TOKENS).where(SERVICE_TOKENS.SECRET_HASH.eq(hash))
        .limit(DSL.inline(1));
  }

  private Optional<ServiceToken> lookup_tuned(String hash) {
    return tunedQuery(hash).fetchOptional(JooqDiagnosticsBenchmark::toToken);
  }

  private Optional<ServiceToken> lookup_tunedPreRendered(String hash) {
    return before.resultQuery(tunedSql, hash).coerce(mappedFields).fetchOptional(JooqDiagnosticsBenchmark::toToken);
  }

  private Optional<ServiceToken> lookup_staticStatement(String hash) {
    return query(inlined, hash).fetchOptional(JooqDiagnosticsBenchmark::toToken);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    if (fixture != null) {
      fixture.close();
    }
  }

  /** {@code Database.jooqSettings()} before b693d8d. */
  private static Settings beforeSettings() {
    return new Settings().withRenderSchema(false).withExecuteLogging(false).withFetchWarnings(false);
  }

  private static ResultQuery<? extends Record> query(DSLContext dsl, String hash) {
    return dsl.selectFrom(SERVICE_TOKENS).where(SERVICE_TOKENS.SECRET_HASH.eq(hash)).limit(1);
  }

  @Benchmark
  public Optional<ServiceToken> lookup_before() {
    return lookup_before(fixture.randomHash());
  }

  /** Rendering alone, no database: the query object is built and its SQL rendered. */
  @Benchmark
  public String lookup_renderOnly() {
    return query(before, fixture.randomHash()).getSQL();
  }

  /** Hand-written JDBC, but executing the exact SQL text jOOQ renders (quoted/qualified names, LIMIT as a bind). */
  @Benchmark
  public Optional<ServiceToken> lookup_jdbcWithJooqSql() throws SQLException {
    return jdbcWith(renderedSql, true);
  }

  /** The baseline of the report, measured again in this run. */
  @Benchmark
  public Optional<ServiceToken> lookup_jdbc() throws SQLException {
    return fixture.jdbc.findByHash(fixture.randomHash());
  }

  /** The baseline's SQL with {@code LIMIT ?} (bound to 1) instead of {@code LIMIT 1}: the one difference that matters? */
  @Benchmark
  public Optional<ServiceToken> lookup_jdbcLimitBound() throws SQLException {
    return jdbcWith(JdbcServiceTokens.SELECT_BY_HASH.replace("LIMIT 1", "LIMIT ?"), true);
  }

  /** jOOQ's SQL text with the row limit inlined: qualified (and, on PostgreSQL, quoted) names alone. */
  @Benchmark
  public Optional<ServiceToken> lookup_jdbcJooqSqlLimitInline() throws SQLException {
    int last = renderedSql.lastIndexOf('?');
    return jdbcWith(renderedSql.substring(0, last) + "1" + renderedSql.substring(last + 1), false);
  }

  private Optional<ServiceToken> jdbcWith(String sql, boolean bindLimit) throws SQLException {
    try (Connection connection = fixture.dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, fixture.randomHash());
      if (bindLimit) {
        statement.setInt(2, 1);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(fixture.jdbc.map(rows)) : Optional.empty();
      }
    }
  }

  @Benchmark
  public Optional<ServiceToken> lookup_unqualified() {
    return lookup_unqualified(fixture.randomHash());
  }

  @Benchmark
  public Optional<ServiceToken> lookup_mappedColumnsOnly() {
    return lookup_mappedColumnsOnly(fixture.randomHash());
  }

  @Benchmark
  public Optional<ServiceToken> lookup_preRenderedPlainSql() {
    return lookup_preRenderedPlainSql(fixture.randomHash());
  }

  /** Production query with {@code limit(DSL.inline(1))}: {@code limit 1} in the SQL instead of a bind value. */
  @Benchmark
  public Optional<ServiceToken> lookup_inlineLimit() {
    return lookup_inlineLimit(fixture.randomHash());
  }

  /** The three cheap fixes together: only the 12 mapped columns, RenderTable.WHEN_MULTIPLE_TABLES, inline limit. */
  @Benchmark
  public Optional<ServiceToken> lookup_tuned() {
    return lookup_tuned(fixture.randomHash());
  }

  /** {@link #lookup_tuned} with its SQL rendered once and run as plain SQL, coerced to the mapped fields. */
  @Benchmark
  public Optional<ServiceToken> lookup_tunedPreRendered() {
    return lookup_tunedPreRendered(fixture.randomHash());
  }

  @Benchmark
  public Optional<ServiceToken> lookup_staticStatement() {
    return lookup_staticStatement(fixture.randomHash());
  }

  // ------------------------------------------------------------------------------------------------ creation

  /** The token INSERT, one {@code set()} per column (production builds the same statement from a record). */
  private static org.jooq.Query insert(DSLContext dsl, ServiceToken token, java.time.Instant now) {
    return dsl.insertInto(SERVICE_TOKENS)
        .set(SERVICE_TOKENS.IDENTIFIER, token.identifier())
        .set(SERVICE_TOKENS.SECRET_HASH, token.secretHash())
        .set(SERVICE_TOKENS.SCOPES, toJson(token.scopes()))
        .set(SERVICE_TOKENS.WORKSPACE_IDS, toJson(token.workspaceIds()))
        .set(SERVICE_TOKENS.CREATED_AT, now)
        .set(SERVICE_TOKENS.ISSUED_AT, token.issuedAt())
        .set(SERVICE_TOKENS.EXPIRES_AT, token.expiresAt())
        .set(SERVICE_TOKENS.ROTATION_EXPIRES_AT, token.rotationExpiresAt())
        .set(SERVICE_TOKENS.ROTATED_TO, token.rotatedTo())
        .set(SERVICE_TOKENS.REVOKED_AT, token.revokedAt())
        .set(SERVICE_TOKENS.REVOCATION_REASON, token.revocationReason());
  }

  private static JsonNode toJson(SortedSet<String> values) {
    if (values.isEmpty()) {
      return null;
    }
    com.fasterxml.jackson.databind.node.ArrayNode array =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode(values.size());
    values.forEach(array::add);
    return array;
  }

  /** {@code transactionResult} around the DSL insert, one {@code set()} per column. */
  @Benchmark
  public ServiceToken create_perColumnSet() {
    ServiceToken token = fixture.newToken("percol");
    java.time.Instant now = java.time.Instant.now();
    before.transactionResult(c -> insert(c.dsl(), token, now).execute());
    return token.withUsage(null, 0);
  }

  /** Rendering the INSERT alone (with its JSON binds built), no database. */
  @Benchmark
  public String create_renderOnly() {
    return insert(before, fixture.newToken("render"), java.time.Instant.now()).getSQL();
  }

  /** The same DSL insert, but in a transaction opened and committed with plain JDBC calls, not jOOQ's API. */
  @Benchmark
  public ServiceToken create_jdbcTransaction() throws SQLException {
    ServiceToken token = fixture.newToken("jdbctx");
    java.time.Instant now = java.time.Instant.now();
    try (Connection connection = fixture.dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        insert(DSL.using(connection, before.dialect(), before.settings()), token, now).execute();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
    return token.withUsage(null, 0);
  }

  /**
   * The same transaction, but the INSERT as a constant plain-SQL template whose binds are typed
   * {@code DSL.val(value, FIELD)} params: the column bindings still write the values (and render
   * {@code cast(? as jsonb)} on PostgreSQL); only the DSL's statement rendering is skipped.
   */
  @Benchmark
  public ServiceToken create_plainSqlTemplate() {
    ServiceToken token = fixture.newToken("template");
    java.time.Instant now = java.time.Instant.now();
    before.transactionResult(c -> c.dsl().execute(INSERT_TEMPLATE,
        DSL.val(token.identifier(), SERVICE_TOKENS.IDENTIFIER),
        DSL.val(token.secretHash(), SERVICE_TOKENS.SECRET_HASH),
        DSL.val(toJson(token.scopes()), SERVICE_TOKENS.SCOPES),
        DSL.val(toJson(token.workspaceIds()), SERVICE_TOKENS.WORKSPACE_IDS),
        DSL.val(now, SERVICE_TOKENS.CREATED_AT),
        DSL.val(token.issuedAt(), SERVICE_TOKENS.ISSUED_AT),
        DSL.val(token.expiresAt(), SERVICE_TOKENS.EXPIRES_AT),
        DSL.val(token.rotationExpiresAt(), SERVICE_TOKENS.ROTATION_EXPIRES_AT),
        DSL.val(token.rotatedTo(), SERVICE_TOKENS.ROTATED_TO),
        DSL.val(token.revokedAt(), SERVICE_TOKENS.REVOKED_AT),
        DSL.val(token.revocationReason(), SERVICE_TOKENS.REVOCATION_REASON)));
    return token.withUsage(null, 0);
  }

  /**
   * As {@link #create_plainSqlTemplate}, but the binds are pre-encoded (JSON text, timestamp text on SQLite or
   * {@code OffsetDateTime} on PostgreSQL) and the SQL is a constant per dialect: no column {@code DataType}, binding
   * or {@code Param} objects are built per call.
   */
  @Benchmark
  public ServiceToken create_plainSqlRawBinds() {
    ServiceToken token = fixture.newToken("raw");
    java.time.Instant now = java.time.Instant.now();
    String sql = fixture.postgres ? INSERT_SQL_POSTGRES : INSERT_SQL_SQLITE;
    before.transactionResult(c -> c.dsl().execute(sql, token.identifier(), token.secretHash(),
        jsonText(token.scopes()), jsonText(token.workspaceIds()), time(now), time(token.issuedAt()),
        time(token.expiresAt()), time(token.rotationExpiresAt()), token.rotatedTo(), time(token.revokedAt()),
        token.revocationReason()));
    return token.withUsage(null, 0);
  }

  private static final String INSERT_SQL_SQLITE = "insert into service_tokens (identifier, secret_hash, scopes,"
      + " workspace_ids, created_at, issued_at, expires_at, rotation_expires_at, rotated_to, revoked_at,"
      + " revocation_reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_SQL_POSTGRES = "insert into service_tokens (identifier, secret_hash, scopes,"
      + " workspace_ids, created_at, issued_at, expires_at, rotation_expires_at, rotated_to, revoked_at,"
      + " revocation_reason) values (?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as timestamptz),"
      + " cast(? as timestamptz), cast(? as timestamptz), cast(? as timestamptz), ?, cast(? as timestamptz), ?)";

  private static String jsonText(SortedSet<String> values) {
    JsonNode node = toJson(values);
    return node == null ? null : JsonCodec.write(node);
  }

  /** A timestamp as the column binding writes it; typed so that a null still binds with a type. */
  private Object time(java.time.Instant value) {
    if (fixture.postgres) {
      return DSL.val(value == null ? null
          : io.orcheo.persistence.jooq.binding.UpstreamTimestamps.normalize(value).atOffset(java.time.ZoneOffset.UTC),
          java.time.OffsetDateTime.class);
    }
    return value == null ? null : io.orcheo.persistence.jooq.binding.UpstreamTimestamps.format(value);
  }

  private static final String INSERT_TEMPLATE = "insert into service_tokens (identifier, secret_hash, scopes,"
      + " workspace_ids, created_at, issued_at, expires_at, rotation_expires_at, rotated_to, revoked_at,"
      + " revocation_reason) values ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10})";

  /** The baseline of the report, measured again in this run. */
  @Benchmark
  public ServiceToken create_jdbc() throws SQLException {
    return fixture.jdbc.create(fixture.newToken("jdbc"));
  }

  /** A copy of {@code TokenQueries.toToken}. */
  private static ServiceToken toToken(Record r) {
    Integer useCount = r.get(SERVICE_TOKENS.USE_COUNT);
    return new ServiceToken(
        r.get(SERVICE_TOKENS.IDENTIFIER),
        r.get(SERVICE_TOKENS.SECRET_HASH),
        toSet(r.get(SERVICE_TOKENS.SCOPES)),
        toSet(r.get(SERVICE_TOKENS.WORKSPACE_IDS)),
        r.get(SERVICE_TOKENS.ISSUED_AT),
        r.get(SERVICE_TOKENS.EXPIRES_AT),
        r.get(SERVICE_TOKENS.ROTATION_EXPIRES_AT),
        r.get(SERVICE_TOKENS.REVOKED_AT),
        r.get(SERVICE_TOKENS.REVOCATION_REASON),
        r.get(SERVICE_TOKENS.ROTATED_TO),
        r.get(SERVICE_TOKENS.LAST_USED_AT),
        useCount == null ? 0 : useCount);
  }

  private static SortedSet<String> toSet(JsonNode node) {
    SortedSet<String> values = new TreeSet<>();
    if (node != null && !node.isNull()) {
      JsonNode array = node.isTextual() ? JsonCodec.read(node.textValue()) : node;
      array.forEach(element -> values.add(element.asText()));
    }
    return values;
  }
}
