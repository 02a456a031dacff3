package io.orcheo.persistence.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repository's {@code docker-compose.yml}, {@code Dockerfile} and {@code .dockerignore}, read as Compose and
 * Docker would read them. No Docker engine is needed: the files are parsed and checked, never run. Values are
 * checked as written and, where it matters, after Compose's variable interpolation ({@link #interpolate}).
 */
class DockerComposeTest {
  private static final Path ROOT = Path.of("..");
  private static JsonNode compose;
  private static List<String> dockerfile;

  @BeforeAll
  static void read() throws IOException {
    compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
    dockerfile = Files.readAllLines(ROOT.resolve("Dockerfile"));
  }

  private static JsonNode postgres() {
    return compose.path("services").path("postgres");
  }

  private static JsonNode cli() {
    return compose.path("services").path("orcheo-db");
  }

  // --- postgres ---------------------------------------------------------------------------------------------------

  @Test
  void postgresImageIsVersion16() {
    assertThat(postgres().path("image").asText()).matches("postgres:16([.-][\\w.-]+)?");
  }

  @Test
  void postgresCredentialsComeFromOrcheoVariablesDefaultingToOrcheo() {
    JsonNode env = postgres().path("environment");
    assertThat(env.path("POSTGRES_USER").asText()).isEqualTo("${ORCHEO_POSTGRES_USER:-orcheo}");
    assertThat(env.path("POSTGRES_PASSWORD").asText()).isEqualTo("${ORCHEO_POSTGRES_PASSWORD:-orcheo}");
    assertThat(env.path("POSTGRES_DB").asText()).isEqualTo("${ORCHEO_POSTGRES_DB:-orcheo}");
  }

  @Test
  void postgresIsPublishedOnPort5432() {
    assertThat(texts(postgres().path("ports"))).containsExactly("5432:5432");
  }

  @Test
  void postgresDataLivesInANamedVolume() {
    assertThat(texts(postgres().path("volumes"))).containsExactly("postgres_data:/var/lib/postgresql/data");
    assertThat(compose.path("volumes").has("postgres_data")).as("top-level volumes declares postgres_data").isTrue();
  }

  @Test
  void postgresServiceHasAHealthcheckRunningPgIsready() {
    JsonNode healthcheck = postgres().path("healthcheck");
    List<String> test = texts(interpolate(healthcheck.path("test"), Map.of()));
    assertThat(test).hasSize(2);
    assertThat(test.get(0)).isEqualTo("CMD-SHELL");
    // After Compose turns $$ into $, the container's shell expands the server's own user and database.
    assertThat(test.get(1)).isEqualTo("pg_isready -U \"${POSTGRES_USER}\" -d \"${POSTGRES_DB}\"");
    assertThat(postgres().path("environment").has("POSTGRES_USER")).isTrue();
    assertThat(postgres().path("environment").has("POSTGRES_DB")).isTrue();
    assertThat(healthcheck.path("interval").asText()).isEqualTo("10s");
    assertThat(healthcheck.path("timeout").asText()).isEqualTo("5s");
    assertThat(healthcheck.path("retries").asInt()).isEqualTo(5);
  }

  // --- orcheo-db --------------------------------------------------------------------------------------------------

  @Test
  void cliServiceIsBuiltFromTheRepositoryDockerfile() {
    JsonNode build = cli().path("build");
    String context = build.isTextual() ? build.asText() : build.path("context").asText();
    assertThat(context).isEqualTo(".");
    assertThat(build.path("dockerfile").asText("Dockerfile")).isEqualTo("Dockerfile");
    assertThat(ROOT.resolve(context).resolve("Dockerfile")).isRegularFile();
  }

  @Test
  void cliServiceWaitsForAHealthyPostgres() {
    assertThat(cli().path("depends_on").path("postgres").path("condition").asText()).isEqualTo("service_healthy");
  }

  @Test
  void cliServiceUsesThePostgresBackend() {
    assertThat(cli().path("environment").path("ORCHEO_REPOSITORY_BACKEND").asText()).isEqualTo("postgres");
  }

  @Test
  void cliServiceTalksToPostgresThroughTheComposeNetwork() {
    Map<String, String> withKey = Map.of("ORCHEO_VAULT_ENCRYPTION_KEY", "k");
    URI dsn = URI.create(interpolate(cli(), withKey).path("environment").path("ORCHEO_POSTGRES_DSN").asText());
    assertThat(dsn.getScheme()).isEqualTo("postgresql");
    assertThat(dsn.getHost()).as("the DSN's host is the service's name").isEqualTo("postgres");
    assertThat(compose.path("services").has(dsn.getHost())).isTrue();
    assertThat(dsn.getPort()).as("the container's port, not the published one").isEqualTo(5432);
    assertThat(dsn.getUserInfo()).isEqualTo("orcheo:orcheo");
    assertThat(dsn.getPath()).isEqualTo("/orcheo");
  }

  @Test
  void cliDsnFollowsTheCredentialsPostgresIsCreatedWith() {
    Map<String, String> env =
        Map.of(
            "ORCHEO_POSTGRES_USER", "alice",
            "ORCHEO_POSTGRES_PASSWORD", "s3cret",
            "ORCHEO_POSTGRES_DB", "orcheo_prod",
            "ORCHEO_VAULT_ENCRYPTION_KEY", "k");
    JsonNode server = interpolate(postgres().path("environment"), env);
    URI dsn = URI.create(interpolate(cli(), env).path("environment").path("ORCHEO_POSTGRES_DSN").asText());
    assertThat(dsn.getUserInfo())
        .isEqualTo(server.path("POSTGRES_USER").asText() + ":" + server.path("POSTGRES_PASSWORD").asText())
        .isEqualTo("alice:s3cret");
    assertThat(dsn.getPath()).isEqualTo("/" + server.path("POSTGRES_DB").asText()).isEqualTo("/orcheo_prod");
  }

  @Test
  void vaultKeyIsRequiredNotDefaulted() {
    assertThat(cli().path("environment").path("ORCHEO_VAULT_ENCRYPTION_KEY").asText())
        .matches("\\$\\{ORCHEO_VAULT_ENCRYPTION_KEY:\\?[^}]+}");
    assertThatThrownBy(() -> interpolate(cli(), Map.of()))
        .hasMessageContaining("ORCHEO_VAULT_ENCRYPTION_KEY")
        .hasMessageContaining("set a vault key");
    assertThatThrownBy(() -> interpolate(cli(), Map.of("ORCHEO_VAULT_ENCRYPTION_KEY", "")))
        .as(":? refuses an empty value too")
        .hasMessageContaining("ORCHEO_VAULT_ENCRYPTION_KEY");
    assertThat(
            interpolate(cli(), Map.of("ORCHEO_VAULT_ENCRYPTION_KEY", "0123abcd"))
                .path("environment")
                .path("ORCHEO_VAULT_ENCRYPTION_KEY")
                .asText())
        .isEqualTo("0123abcd");
  }

  @Test
  void cliServiceMountsADataDirectoryAndPointsEverySqliteFileIntoIt() {
    List<String> volumes = texts(interpolate(cli().path("volumes"), Map.of()));
    assertThat(volumes).containsExactly("~/.orcheo:/data");
    assertThat(texts(interpolate(cli().path("volumes"), Map.of("ORCHEO_DATA_DIR", "./data"))))
        .containsExactly("./data:/data");
    JsonNode env = cli().path("environment");
    for (String key :
        List.of(
            "ORCHEO_REPOSITORY_SQLITE_PATH",
            "ORCHEO_CHATKIT_SQLITE_PATH",
            "ORCHEO_CHATKIT_STORAGE_PATH",
            "ORCHEO_VAULT_LOCAL_PATH")) {
      assertThat(env.path(key).asText()).as(key).startsWith("/data/");
    }
  }

  @Test
  void cliServiceRunsStatusByDefault() {
    assertThat(texts(cli().path("command"))).containsExactly("status");
  }

  // --- Dockerfile -------------------------------------------------------------------------------------------------

  @Test
  void dockerfileBuildsAndRunsOnJava17TemurinImages() {
    List<String> bases = instructions("FROM").stream().map(args -> args.split("\\s+")[0]).toList();
    assertThat(bases).hasSizeGreaterThanOrEqualTo(2).allMatch(image -> image.matches("eclipse-temurin:17(-[\\w.-]+)?"));
  }

  @Test
  void dockerfileBuildsTheCliWithTheWrapperSkippingTests() {
    assertThat(instructions("RUN"))
        .anySatisfy(run -> assertThat(run).contains("./mvnw", "-DskipTests", "package", "-pl cli"));
  }

  @Test
  void dockerfileEntryPointRunsTheCliJarBuiltInTheFirstStage() throws IOException {
    List<String> entrypoint = List.of(new ObjectMapper().readValue(single("ENTRYPOINT"), String[].class));
    assertThat(entrypoint.get(0)).isEqualTo("java");
    int jar = entrypoint.indexOf("-jar");
    assertThat(jar).as("-jar in %s", entrypoint).isPositive().isLessThan(entrypoint.size() - 1);
    assertThat(instructions("COPY"))
        .as("the jar is the one the build stage packaged")
        .contains("--from=build /src/cli/target/orcheo-db.jar " + entrypoint.get(jar + 1));
    assertThat(List.of(new ObjectMapper().readValue(single("CMD"), String[].class))).containsExactly("status");
  }

  @Test
  void dockerBuildContextLeavesOutBuildOutputAndGit() throws IOException {
    assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains("**/target", ".git");
  }

  // --- README -----------------------------------------------------------------------------------------------------

  @Test
  void readmeComposeCommandsNameServicesOfTheComposeFile() throws IOException {
    Matcher m =
        Pattern.compile("docker compose (?:up -d|run --rm|logs|stop) ([\\w-]+)")
            .matcher(Files.readString(ROOT.resolve("README.md")));
    List<String> named = new ArrayList<>();
    while (m.find()) {
      named.add(m.group(1));
    }
    assertThat(named).contains("postgres", "orcheo-db");
    assertThat(named).allSatisfy(service -> assertThat(compose.path("services").has(service)).as(service).isTrue());
  }

  // --- helpers ----------------------------------------------------------------------------------------------------

  private static List<String> texts(JsonNode array) {
    assertThat(array.isArray()).as("a list: %s", array).isTrue();
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  /** The arguments of every instruction of that name, continuation lines joined. */
  private static List<String> instructions(String name) {
    List<String> found = new ArrayList<>();
    String joined = String.join("\n", dockerfile).replaceAll("\\\\\\n", " ");
    for (String line : joined.split("\n")) {
      String stripped = line.strip();
      if (stripped.regionMatches(true, 0, name + " ", 0, name.length() + 1)) {
        found.add(stripped.substring(name.length() + 1).strip());
      }
    }
    return found;
  }

  private static String single(String name) {
    List<String> found = instructions(name);
    assertThat(found).as(name).hasSize(1);
    return found.get(0);
  }

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  /**
   * A copy of the node with every string interpolated as Compose does, against {@code env} as the shell's
   * environment: {@code $$} is a literal {@code $}; {@code ${V}} and {@code $V} the value or empty;
   * {@code ${V:-d}} / {@code ${V-d}} the default when unset or empty / unset; {@code ${V:?m}} / {@code ${V?m}} an
   * error naming V and m when unset or empty / unset.
   */
  static JsonNode interpolate(JsonNode node, Map<String, String> env) {
    if (node.isTextual()) {
      Matcher m = VARIABLE.matcher(node.asText());
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(out, Matcher.quoteReplacement(resolve(m, env)));
      }
      m.appendTail(out);
      return TextNode.valueOf(out.toString());
    }
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        copy.set(field.getKey(), interpolate(field.getValue(), env));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = ((ArrayNode) node).arrayNode();
      node.forEach(element -> copy.add(interpolate(element, env)));
      return copy;
    }
    return node;
  }

  private static String resolve(Matcher m, Map<String, String> env) {
    if (m.group().equals("$$")) {
      return "$";
    }
    String name = m.group(1) != null ? m.group(1) : m.group(4);
    String value = env.get(name);
    String operator = m.group(2);
    if (operator == null) {
      return value == null ? "" : value;
    }
    boolean missing = operator.startsWith(":") ? value == null || value.isEmpty() : value == null;
    if (operator.endsWith("-")) {
      return missing ? m.group(3) : value;
    }
    if (missing) {
      throw new IllegalStateException("required variable " + name + " is missing a value: " + m.group(3));
    }
    return value;
  }
}
