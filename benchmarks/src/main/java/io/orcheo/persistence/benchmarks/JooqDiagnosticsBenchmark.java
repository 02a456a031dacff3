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
 * Diagnostics, not part of the report: where the jOOQ lookup spends its time. Each variant is a copy of
 * {@code TokenQueries.selectByHash} + {@code toToken} on its own {@link DSLContext} over the same pool, with one
 * thing changed. {@code lookup_replica} uses the production settings ({@code Database.jooqSettings()}) and must
 * match {@code ServiceTokenBenchmark.findByHash_jooq}.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar JooqDiagnosticsBenchmark</pre>
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
  /** Production settings. */
  private DSLContext replica;
  /** Production settings + RenderTable.WHEN_MULTIPLE_TABLES: columns rendered without their table qualifier. */
  private DSLContext unqualified;
  /** Production settings + StatementType.STATIC_STATEMENT: bind values inlined, java.sql.Statement. */
  private DSLContext inlined;
  /** The SQL the production query renders, captured once. */
  private String renderedSql;
  private Field<?>[] mappedFields;
  /** The SQL of {@link #tunedQuery}, captured once. */
  private String tunedSql;

  @Setup(Level.Trial)
  public void open() throws IOException {
    fixture = new Fixture(backend);
    SQLDialect dialect = fixture.postgres ? SQLDialect.POSTGRES : SQLDialect.SQLITE;
    replica = DSL.using(fixture.dataSource, dialect, productionSettings());
    unqualified = DSL.using(fixture.dataSource, dialect, productionSettings().withRenderTable(RenderTable.WHEN_MULTIPLE_TABLES));
    inlined = DSL.using(fixture.dataSource, dialect,
        productionSettings().withStatementType(StatementType.STATIC_STATEMENT));
    renderedSql = query(replica, "x").getSQL();
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
    for (Optional<ServiceToken> variant : List.of(lookup_replica(hash), lookup_unqualified(hash),
        lookup_inlineLimit(hash), lookup_tuned(hash), lookup_tunedPreRendered(hash),
        lookup_mappedColumnsOnly(hash), lookup_preRenderedPlainSql(hash), lookup_staticStatement(hash))) {
      if (!variant.equals(fixture.persistence.serviceTokens().findByHash(hash))) {
        throw new IllegalStateException("A diagnostic variant reads a different token: " + variant);
      }
    }
  }

  private Optional<ServiceToken> lookup_replica(String hash) {
    return query(replica, hash).fetchOptional(JooqDiagnosticsBenchmark::toToken);
  }

  private Optional<ServiceToken> lookup_unqualified(String hash) {
    return query(unqualified, hash).fetchOptional(JooqDiagnosticsBenchmark::toToken);
  }

  private Optional<ServiceToken> lookup_mappedColumnsOnly(String hash) {
    return replica.select(mappedFields).from(SERVICE_TOKENS).where(SERVICE_TOKENS.SECRET_HASH.eq(hash)).limit(1)
        .fetchOptional(JooqDiagnosticsBenchmark::toToken);
  }

  private Optional<ServiceToken> lookup_preRenderedPlainSql(String hash) {
    return replica.resultQuery(renderedSql, hash, 1).coerce(SERVICE_TOKENS)
        .fetchOptional(JooqDiagnosticsBenchmark::toToken);
  }

  private Optional<ServiceToken> lookup_inlineLimit(String hash) {
    return replica.selectFrom(SERVICE_TOKENS).where(SERVICE_TOKENS.SECRET_HASH.eq(hash)).limit(DSL.inline(1))
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
    return replica.resultQuery(tunedSql, hash).coerce(mappedFields).fetchOptional(JooqDiagnosticsBenchmark::toToken);
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

  /** A copy of {@code Database.jooqSettings()}. */
  private static Settings productionSettings() {
    return new Settings().withRenderSchema(false).withExecuteLogging(false).withFetchWarnings(false);
  }

  private static ResultQuery<? extends Record> query(DSLContext dsl, String hash) {
    return dsl.selectFrom(SERVICE_TOKENS).where(SERVICE_TOKENS.SECRET_HASH.eq(hash)).limit(1);
  }

  @Benchmark
  public Optional<ServiceToken> lookup_replica() {
    return lookup_replica(fixture.randomHash());
  }

  /** Rendering alone, no database: the query object is built and its SQL rendered. */
  @Benchmark
  public String lookup_renderOnly() {
    return query(replica, fixture.randomHash()).getSQL();
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

  /** A copy of {@code TokenQueries.insert}. */
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

  /** The production path, copied: {@code transactionResult} around the DSL insert. */
  @Benchmark
  public ServiceToken create_replica() {
    ServiceToken token = fixture.newToken("replica");
    java.time.Instant now = java.time.Instant.now();
    replica.transactionResult(c -> insert(c.dsl(), token, now).execute());
    return token.withUsage(null, 0);
  }

  /** Rendering the INSERT alone (with its JSON binds built), no database. */
  @Benchmark
  public String create_renderOnly() {
    return insert(replica, fixture.newToken("render"), java.time.Instant.now()).getSQL();
  }

  /** The same DSL insert, but in a transaction opened and committed with plain JDBC calls, not jOOQ's API. */
  @Benchmark
  public ServiceToken create_jdbcTransaction() throws SQLException {
    ServiceToken token = fixture.newToken("jdbctx");
    java.time.Instant now = java.time.Instant.now();
    try (Connection connection = fixture.dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        insert(DSL.using(connection, replica.dialect(), replica.settings()), token, now).execute();
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
   * The production transaction, but the INSERT as a constant plain-SQL template whose binds are typed
   * {@code DSL.val(value, FIELD)} params: the column bindings still write the values (and render
   * {@code cast(? as jsonb)} on PostgreSQL); only the DSL's statement rendering is skipped.
   */
  @Benchmark
  public ServiceToken create_plainSqlTemplate() {
    ServiceToken token = fixture.newToken("template");
    java.time.Instant now = java.time.Instant.now();
    replica.transactionResult(c -> c.dsl().execute(INSERT_TEMPLATE,
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
