package io.orcheo.persistence.it.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.orcheo.persistence.core.config.Backend;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.core.error.ConfigurationException;
import io.orcheo.persistence.core.error.StorageUnavailableException;
import io.orcheo.persistence.core.health.DatabaseHealth;
import io.orcheo.persistence.it.support.PostgresServer;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL runtime (design §3): settings-driven pool, health, and passwords that never show. */
class PostgresRuntimeTest {
  /** The password put into DSNs; the embedded server trusts every connection, so any value works. */
  private static final String TEST_SECRET = "s3cr3t-value";
  private static final Pattern JDBC_URL = Pattern.compile("^jdbc:postgresql://([^/?]+)/([^?]*)(?:\\?(.*))?$");

  private PostgresDsn database;
  /** The password the DSNs carry: the external server's own when it has one, otherwise {@link #TEST_SECRET}. */
  private String secret;

  @BeforeEach
  void newDatabase() {
    database = PostgresServer.get().newDatabase();
    secret = database.password().map(p -> p.reveal()).orElse(TEST_SECRET);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The test database as a JDBC URL with its credentials, and a password, as query parameters. */
  private String jdbcDsnWithPassword() {
    StringBuilder url = new StringBuilder(database.jdbcUrl());
    char separator = database.jdbcUrl().indexOf('?') < 0 ? '?' : '&';
    Properties credentials = database.connectionProperties();
    credentials.setProperty("password", secret);
    for (String key : credentials.stringPropertyNames()) {
      url.append(separator).append(key).append('=').append(encode(credentials.getProperty(key)));
      separator = '&';
    }
    return url.toString();
  }

  /** The test database as an external-style libpq URL, {@code postgresql://user:password@host:port/db}. */
  private String libpqDsnWithPassword() {
    Matcher m = JDBC_URL.matcher(database.jdbcUrl());
    assertThat(m.matches()).as("a JDBC URL of one host: %s", database.redacted()).isTrue();
    String user = database.user().orElse("postgres");
    String query = m.group(3) == null ? "" : "?" + m.group(3);
    return "postgresql://" + encode(user) + ":" + encode(secret) + "@" + m.group(1) + "/" + m.group(2) + query;
  }

  private static PersistenceSettings postgresSettings(String dsn, Map<String, String> extra) {
    Map<String, String> environment = new HashMap<>();
    environment.put(PersistenceSettings.REPOSITORY_BACKEND_KEY, "postgres");
    environment.put(PersistenceSettings.POSTGRES_DSN_KEY, dsn);
    environment.putAll(extra);
    return PersistenceSettings.fromMap(environment);
  }

  private static DatabaseHealth onlyHealth(OrcheoPersistence persistence) {
    assertThat(persistence.health()).hasSize(1);
    return persistence.health().get(0);
  }

  @Test
  void healthReportsPostgresUpWithThePoolMaximumFromSettings() {
    try (OrcheoPersistence persistence = OrcheoPersistence.open(postgresSettings(jdbcDsnWithPassword(),
        Map.of(PersistenceSettings.POOL_MAX_SIZE_KEY, "3")))) {
      DatabaseHealth health = onlyHealth(persistence);

      assertThat(health.backend()).isEqualTo(Backend.POSTGRES);
      assertThat(health.up()).isTrue();
      assertThat(health.error()).isEmpty();
      assertThat(health.roundTrip()).isPresent();
      assertThat(health.pool().maximum()).isEqualTo(3);
      assertThat(health.lastChangeSet()).hasValueSatisfying(id -> assertThat(id).isNotBlank());
    }
  }

  @Test
  void healthWithRowCountsCountsTheTokenTables() {
    try (OrcheoPersistence persistence = OrcheoPersistence.open(postgresSettings(jdbcDsnWithPassword(), Map.of()))) {
      persistence.serviceTokens().recordUsage("ghost", null, null);

      DatabaseHealth health = persistence.health(true).get(0);

      assertThat(health.rowCounts()).containsEntry("service_tokens", 0L).containsEntry("service_token_audit_log", 1L);
    }
  }

  @Test
  void passwordOfAJdbcDsnAppearsNeitherInHealthNorInSettings() {
    try (OrcheoPersistence persistence = OrcheoPersistence.open(postgresSettings(jdbcDsnWithPassword(), Map.of()))) {
      assertThat(onlyHealth(persistence).up()).isTrue();
      assertThat(onlyHealth(persistence).target()).doesNotContain(secret).contains("****");
      assertThat(persistence.health(true).toString()).doesNotContain(secret);
      assertThat(persistence.settings().toString()).doesNotContain(secret);
      assertThat(persistence.databases().get(0).target()).doesNotContain(secret);
    }
  }

  @Test
  void passwordOfALibpqDsnAppearsNeitherInHealthNorInSettings() {
    try (OrcheoPersistence persistence = OrcheoPersistence.open(postgresSettings(libpqDsnWithPassword(), Map.of()))) {
      assertThat(onlyHealth(persistence).up()).isTrue();
      assertThat(onlyHealth(persistence).target()).doesNotContain(secret).startsWith("postgresql://");
      assertThat(persistence.health(true).toString()).doesNotContain(secret);
      assertThat(persistence.settings().toString()).doesNotContain(secret);
    }
  }

  @Test
  void connectingToAClosedPortIsStorageUnavailableWithoutThePassword() {
    PersistenceSettings settings = postgresSettings("postgresql://u:" + TEST_SECRET + "@127.0.0.1:1/db",
        Map.of(PersistenceSettings.POOL_TIMEOUT_KEY, "2"));
    assertThat(settings.toString()).doesNotContain(TEST_SECRET);

    Throwable failure = catchThrowable(() -> OrcheoPersistence.open(settings).close());

    assertThat(failure).isInstanceOf(StorageUnavailableException.class).hasMessageContaining("127.0.0.1");
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).as("message of %s", t.getClass().getName()).doesNotContain(TEST_SECRET);
      assertThat(t.toString()).doesNotContain(TEST_SECRET);
    }
  }

  @Test
  void postgresBackendWithoutDsnIsAConfigurationErrorNamingTheDsnKey() {
    assertThatThrownBy(() -> PersistenceSettings.fromMap(Map.of(PersistenceSettings.REPOSITORY_BACKEND_KEY, "postgres")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("ORCHEO_POSTGRES_DSN")
        .satisfies(e -> assertThat(((ConfigurationException) e).key()).isEqualTo("ORCHEO_POSTGRES_DSN"));
  }

  @Test
  void serviceTokenBackendPostgresWithoutDsnIsAConfigurationErrorNamingTheDsnKey() {
    assertThatThrownBy(() -> PersistenceSettings.fromMap(
            Map.of(PersistenceSettings.SERVICE_TOKEN_BACKEND_KEY, "postgres")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("ORCHEO_POSTGRES_DSN");
  }
}
