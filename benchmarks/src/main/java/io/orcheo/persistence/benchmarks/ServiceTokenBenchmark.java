package io.orcheo.persistence.benchmarks;

import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.ServiceTokenRepository;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * The service-token repository through jOOQ against hand-written JDBC doing the same work on the same HikariCP pool
 * ({@code persistence.database(Store.SERVICE_TOKENS).dataSource()}), on SQLite (a file in a temporary directory, WAL) and on an
 * embedded PostgreSQL started for the trial. See {@link Fixture} and {@link JdbcServiceTokens}.
 *
 * <p>Method names are {@code <operation>_<side>}; {@link BenchmarkReport} pairs them by that convention.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {
    "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class ServiceTokenBenchmark {
  @Param({"sqlite", "postgres"})
  public String backend;

  private Fixture fixture;
  private ServiceTokenRepository repository;
  private JdbcServiceTokens jdbc;

  @Setup(Level.Trial)
  public void open() throws IOException {
    fixture = new Fixture(backend);
    repository = fixture.persistence.serviceTokens();
    jdbc = fixture.jdbc;
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    if (fixture != null) {
      fixture.close();
    }
  }

  // ------------------------------------------------------------------------------------------ lookup by hash

  @Benchmark
  public Optional<ServiceToken> findByHash_jooq() {
    return repository.findByHash(fixture.randomHash());
  }

  @Benchmark
  public Optional<ServiceToken> findByHash_jdbc() throws SQLException {
    return jdbc.findByHash(fixture.randomHash());
  }

  // ------------------------------------------------------------------------------------------------ creation

  @Benchmark
  public ServiceToken create_jooq() {
    return repository.create(fixture.newToken("jooq"));
  }

  @Benchmark
  public ServiceToken create_jdbc() throws SQLException {
    return jdbc.create(fixture.newToken("jdbc"));
  }
}
