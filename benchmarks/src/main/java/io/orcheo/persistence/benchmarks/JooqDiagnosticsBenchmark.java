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
  /** Production settings + RenderTable.NEVER: columns rendered without their table qualifier. */
  private DSLContext unqualified;
  /** Production settings + StatementType.STATIC_STATEMENT: bind values inlined, java.sql.Statement. */
  private DSLContext inlined;
  /** The SQL the production query renders, captured once. */
  private String renderedSql;
  private Field<?>[] mappedFields;

  @Setup(Level.Trial)
  public void open() throws IOException {
    fixture = new Fixture(backend);
    SQLDialect dialect = fixture.postgres ? SQLDialect.POSTGRES : SQLDialect.SQLITE;
    replica = DSL.using(fixture.dataSource, dialect, productionSettings());
    unqualified = DSL.using(fixture.dataSource, dialect, productionSettings().withRenderTable(RenderTable.NEVER));
    inlined = DSL.using(fixture.dataSource, dialect,
        productionSettings().withStatementType(StatementType.STATIC_STATEMENT));
    renderedSql = query(replica, "x").getSQL();
    mappedFields = new Field<?>[] {SERVICE_TOKENS.IDENTIFIER, SERVICE_TOKENS.SECRET_HASH, SERVICE_TOKENS.SCOPES,
        SERVICE_TOKENS.WORKSPACE_IDS, SERVICE_TOKENS.ISSUED_AT, SERVICE_TOKENS.EXPIRES_AT,
        SERVICE_TOKENS.ROTATION_EXPIRES_AT, SERVICE_TOKENS.REVOKED_AT, SERVICE_TOKENS.REVOCATION_REASON,
        SERVICE_TOKENS.ROTATED_TO, SERVICE_TOKENS.LAST_USED_AT, SERVICE_TOKENS.USE_COUNT};
    if (!renderedSql.endsWith(" limit ?")) {
      throw new IllegalStateException("Unexpected rendering: " + renderedSql);
    }
    String hash = fixture.hashes[0];
    for (Optional<ServiceToken> variant : List.of(lookup_replica(hash), lookup_unqualified(hash),
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

  /** jOOQ's SQL text with {@code limit 1} inlined: qualified (and, on PostgreSQL, quoted) names alone. */
  @Benchmark
  public Optional<ServiceToken> lookup_jdbcJooqSqlLimitInline() throws SQLException {
    return jdbcWith(renderedSql.replace("limit ?", "limit 1"), false);
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

  @Benchmark
  public Optional<ServiceToken> lookup_staticStatement() {
    return lookup_staticStatement(fixture.randomHash());
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
