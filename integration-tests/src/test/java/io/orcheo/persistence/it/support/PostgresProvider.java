package io.orcheo.persistence.it.support;

/**
 * A source of a PostgreSQL server for the tests other than the built-in ones ({@code ORCHEO_TEST_POSTGRES_URL}, or
 * the embedded server). Found through {@link java.util.ServiceLoader} when {@code -Dorcheo.test.postgres=<name>}
 * asks for it; the Maven profile {@code testcontainers} adds the Testcontainers one.
 */
public interface PostgresProvider {
  /** The value of {@code orcheo.test.postgres} that selects this provider. */
  String name();

  /** Starts (or finds) a server and returns a JDBC URL with {@code user} and {@code password} parameters. */
  String start();

  /** What the server is, for test output. */
  String describe();
}
