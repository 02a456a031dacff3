package io.orcheo.persistence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands, on SQLite files in a temporary directory. */
class OrcheoDbTest {
  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void sqliteInTempDir() {
    env.put("ORCHEO_REPOSITORY_SQLITE_PATH", dir.resolve("workflows.sqlite").toString());
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return OrcheoDb.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private String mintedIdentifier() {
    Matcher m = Pattern.compile("identifier: (\\S+)").matcher(out.toString());
    assertThat(m.find()).as("identifier in %s", out).isTrue();
    return m.group(1);
  }

  @Test
  void statusWithoutConfigurationReportsTheSqliteDatabaseUp() {
    assertThat(run("status")).isZero();

    assertThat(out.toString())
        .contains("sqlite  " + dir.resolve("service_tokens.sqlite"))
        .contains("status:    UP")
        .contains("last changeset service-tokens-0.1")
        .contains("service_tokens");
  }

  @Test
  void postgresBackendWithoutDsnExitsWithTheDsnKeyInTheMessage() {
    env.put("ORCHEO_REPOSITORY_BACKEND", "postgres");

    assertThat(run("status")).isEqualTo(OrcheoDb.EXIT_CONFIGURATION);
    assertThat(err.toString()).contains("ORCHEO_POSTGRES_DSN");
  }

  @Test
  void invalidBackendNamesTheKeyAndTheAllowedValues() {
    env.put("ORCHEO_REPOSITORY_BACKEND", "mysql");

    assertThat(run("status")).isEqualTo(OrcheoDb.EXIT_CONFIGURATION);
    assertThat(err.toString()).contains("ORCHEO_REPOSITORY_BACKEND").contains("sqlite").contains("postgres");
  }

  @Test
  void mintPrintsTheSecretOnceAndListShowsTheTokenWithoutIt() {
    assertThat(run("tokens", "mint", "--id", "ci", "--scope", "workflows:read", "--expires-in", "3600")).isZero();
    String secret = out.toString().replaceAll("(?s).*secret: +(\\S+).*", "$1");
    assertThat(secret).hasSize(43);
    assertThat(err.toString()).contains("It will not be shown again");

    assertThat(run("tokens", "list")).isZero();
    assertThat(out.toString()).contains("ci").contains("workflows:read").doesNotContain(secret).contains("1 token(s)");
  }

  @Test
  void rotateReplacesTheTokenAndRevokeRemovesItFromTheActiveList() {
    run("tokens", "mint", "--id", "old");

    assertThat(run("tokens", "rotate", "old", "--overlap", "0")).isZero();
    String successor = mintedIdentifier();
    assertThat(run("tokens", "revoke", successor, "--reason", "test")).isZero();
    assertThat(run("tokens", "list")).isZero();
    assertThat(out.toString().lines()).anyMatch(line -> line.startsWith("old "))
        .noneMatch(line -> line.startsWith(successor + " "));

    assertThat(run("tokens", "list", "--all")).isZero();
    assertThat(out.toString()).contains("rotated to " + successor).contains("revoked");
  }

  @Test
  void revokingAnUnknownTokenExitsWithNotFound() {
    assertThat(run("tokens", "revoke", "ghost", "--reason", "x")).isEqualTo(OrcheoDb.EXIT_NOT_FOUND);
    assertThat(err.toString()).contains("Service token 'ghost' not found");
  }

  @Test
  void mintWithALifetimeUnderAMinuteIsAUsageError() {
    assertThat(run("tokens", "mint", "--expires-in", "59")).isEqualTo(2);
    assertThat(err.toString()).contains("at least 60 seconds");
  }

  @Test
  void demoRunsTheWholeLifecycle() {
    assertThat(run("demo")).isZero();

    assertThat(out.toString())
        .contains("1. minted")
        .contains("4. old secret  accepted")
        .contains("refused: auth.token_revoked (403)");
  }

  @Test
  void demoDiffsTheTwoVersionsItCreates() {
    assertThat(run("demo")).isZero();

    assertThat(out.toString())
        .contains("6. workflow    orcheo-db-demo")
        .contains("8. diff        v1 -> v2")
        .contains("   --- v1")
        .contains("   +++ v2")
        .contains("+      \"name\": \"log\"");
  }

  @Test
  void demoMovesRunsThroughSucceededFailedAndCancelledAndListsThem() {
    assertThat(run("demo")).isZero();

    assertThat(out.toString())
        .contains("pending -> running -> succeeded")
        .contains("pending -> running -> failed  error=KeyError: 'name'")
        .contains("pending -> cancelled  reason=superseded by v2");
    assertThat(out.toString().lines().dropWhile(line -> !line.startsWith("12. runs of orcheo-db-demo")))
        .filteredOn(line -> line.matches("\\S{36} (succeeded|failed|cancelled) .*"))
        .hasSize(3);
  }

  @Test
  void demoRunsTwiceOnOneDirectory() {
    assertThat(run("demo")).isZero();

    assertThat(run("demo")).isZero();

    assertThat(out.toString())
        .contains("orcheo-db-demo")
        .contains(" reused (created ")
        .contains("8. diff        v3 -> v4")
        .contains("next page: ./orcheo-db runs list ");
    assertThat(run("workflows", "list")).isZero();
    assertThat(out.toString()).contains("1 workflow(s)");
  }

  @Test
  void initIsIdempotent() {
    assertThat(run("init")).isZero();
    assertThat(run("init")).isZero();
    assertThat(out.toString()).contains("schema up to date");
  }
}
