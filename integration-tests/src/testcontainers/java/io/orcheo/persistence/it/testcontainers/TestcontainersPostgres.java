package io.orcheo.persistence.it.testcontainers;

import io.orcheo.persistence.it.support.PostgresProvider;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL in a Docker container, for machines that have a Docker engine and ask for it with
 * {@code -Ptestcontainers}. The image's major follows {@code postgres.binaries.version}.
 */
public final class TestcontainersPostgres implements PostgresProvider {
  private PostgreSQLContainer container;

  @Override
  public String name() {
    return "testcontainers";
  }

  @Override
  public String start() {
    String major = System.getProperty("postgres.binaries.version", "16").split("\\.")[0];
    container = new PostgreSQLContainer("postgres:" + major + "-alpine");
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-postgres-container"));
    String url = container.getJdbcUrl();
    return url + (url.contains("?") ? "&" : "?")
        + "user=" + URLEncoder.encode(container.getUsername(), StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(container.getPassword(), StandardCharsets.UTF_8);
  }

  @Override
  public String describe() {
    return "Testcontainers " + container.getDockerImageName();
  }
}
