package io.orcheo.persistence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The operator's commands, on SQLite files in a temporary directory. */
class OrcheoDbTest extends CommandLineTest {

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

  /** The first whitespace-separated field after {@code prefix} on the line starting with it. */
  private String fieldAfter(String prefix) {
    return out.toString().lines().filter(line -> line.startsWith(prefix)).findFirst()
        .map(line -> line.substring(prefix.length()).trim().split(" +")[0])
        .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in " + out));
  }

  /** The rows of the table under the line starting with {@code prefix}, without its header. */
  private List<String> tableRowsAfter(String prefix) {
    return out.toString().lines().dropWhile(line -> !line.startsWith(prefix)).skip(2)
        .takeWhile(line -> !line.matches("\\d+\\. .*|More: .*")).toList();
  }

  @Test
  void demoShowsAHistoryAndTheBestCheckpoint() {
    assertThat(run("demo")).isZero();

    assertThat(out.toString()).containsPattern("13\\. history +\\S+  completed  4 steps  error=-");
    assertThat(tableRowsAfter("13. history")).map(line -> line.replaceFirst("^ +\\d+ +\\S+ +", ""))
        .containsExactly(
            "{\"node\":\"greet\",\"event\":\"started\"}",
            "{\"node\":\"greet\",\"event\":\"finished\",\"output\":{\"greeting\":\"Hello, Ada\"}}",
            "{\"node\":\"log\",\"event\":\"started\"}",
            "{\"node\":\"log\",\"event\":\"finished\"}");
    assertThat(out.toString())
        .contains("15. checkpoints v1 accuracy=0.71, v2 accuracy=0.84 (best), v3 accuracy=0.79")
        .containsPattern("16\\. best +v2  \\S{36}  metrics=\\{\"accuracy\":0.84}  config=\\{.*\"temperature\":0.2}");
  }

  @Test
  void demoTracesEachRunUnderItsRunIdAndTheFailingOneAsAnError() {
    assertThat(run("demo")).isZero();

    assertThat(fieldAfter("13. history")).isEqualTo(fieldAfter("9. run"));
    assertThat(fieldAfter("14. history")).isEqualTo(fieldAfter("10. run"));
    assertThat(out.toString()).containsPattern("14\\. history +\\S+  error  2 steps  error=KeyError: 'name'");
  }

  @Test
  void demoListsItsCheckpointsByAccuracyHighestFirst() {
    assertThat(run("demo")).isZero();

    assertThat(tableRowsAfter("17. checkpoints of ")).map(line -> line.replaceFirst(".* ", ""))
        .containsExactly("0.84", "0.79", "0.71");
  }

  @Test
  void demoRunTwiceAddsNewHistoriesAndMakesTheNewCheckpointBest() {
    assertThat(run("demo")).isZero();
    String workflowId = fieldAfter("6. workflow    orcheo-db-demo");

    assertThat(run("demo")).isZero();

    assertThat(out.toString()).contains("15. checkpoints v4 accuracy=0.71, v5 accuracy=0.84 (best), v6 accuracy=0.79");
    assertThat(run("history", "list", workflowId)).isZero();
    assertThat(out.toString()).contains("4 execution(s)");
    assertThat(run("checkpoints", "best", workflowId)).isZero();
    assertThat(out.toString()).contains("config_version:  5");
  }

  /** The text column of the item table under the line starting with {@code prefix}. */
  private List<String> itemTextsAfter(String prefix) {
    return tableRowsAfter(prefix).stream().map(line -> line.replaceFirst("^(\\S+ +){4}", "")).toList();
  }

  @Test
  void demoSavesAThreadOfTheWorkflowTitledFromTheFirstMessage() {
    assertThat(run("demo")).isZero();
    String workflowId = fieldAfter("6. workflow    orcheo-db-demo");

    assertThat(out.toString()).containsPattern("18\\. thread +thr_[0-9a-f]{8}  \"Why did the webhook\" \\(from the "
        + "first message\\)  metadata=\\{\"workflow_id\":\"" + workflowId + "\",\"source\":\"orcheo-db-demo\"}");
  }

  @Test
  void demoPrintsTheConversationOldestFirstWithItsPositions() {
    assertThat(run("demo")).isZero();

    assertThat(itemTextsAfter("19. items of ")).containsExactly(
        "Why did the webhook run fail?",
        "It failed in the greet node: the webhook sent no name.",
        "Can the greeter handle a missing name?",
        "Yes: give the name a default and every caller is greeted.",
        "Great, thanks!");
    assertThat(tableRowsAfter("19. items of ")).map(line -> line.split(" +")[0])
        .containsExactly("0", "1", "2", "3", "4");
  }

  @Test
  void demoSearchFindsTheMessagesByTheSearchWordsStem() {
    assertThat(run("demo")).isZero();

    assertThat(out.toString()).containsPattern("20\\. search +\"failing\" in thr_[0-9a-f]{8}: 2 item\\(s\\), by stem");
    assertThat(itemTextsAfter("20. search")).containsExactly(
        "Why did the webhook run fail?",
        "It failed in the greet node: the webhook sent no name.");
  }

  @Test
  void demoThreadsAreListedUnderTheirWorkflowAndEachDemoAddsOne() {
    assertThat(run("demo")).isZero();
    String workflowId = fieldAfter("6. workflow    orcheo-db-demo");
    String first = fieldAfter("18. thread");
    assertThat(run("demo")).isZero();
    String second = fieldAfter("18. thread");

    assertThat(run("chat", "threads", "--workflow", workflowId)).isZero();

    assertThat(out.toString().lines().skip(1).map(line -> line.split(" ")[0]).limit(2))
        .containsExactly(second, first);
    assertThat(out.toString()).contains("2 thread(s)");
  }

  @Test
  void demoEndsWithTheChatCommandsForItsThread() {
    assertThat(run("demo")).isZero();
    String thread = fieldAfter("18. thread");

    assertThat(out.toString()).contains("./orcheo-db chat search " + thread + " 'name -webhook'");
    assertThat(run("chat", "search", thread, "name -webhook", "--order", "asc")).isZero();
    assertThat(out.toString()).contains("Can the greeter handle a missing name?")
        .contains("Yes: give the name a default and every caller is greeted.")
        .doesNotContain("the webhook sent no name").contains("2 matching item(s)");
  }

  @Test
  void demoStoresTheWorkflowsSecretForThatWorkflowOnlyAndNeverPrintsIt() {
    assertThat(run("demo")).isZero();

    assertThat(out.toString())
        .containsPattern("21\\. credential [0-9a-f-]{36}  \"orcheo-db demo webhook secret [0-9a-f]{8}\"  created,"
            + " encrypted with aes256-gcm\\.v1 \\(key primary\\)")
        .contains("22. reveal     for workflow ").contains(": the secret just stored (38 characters, not printed)")
        .containsPattern("23\\. reveal     for workflow [0-9a-f-]{36}: refused \\(Credential cannot be accessed with"
            + " the provided context\\.\\)")
        .doesNotContainPattern("whsec_[0-9a-f]");
  }

  @Test
  void aSecondDemoRotatesTheSecretTheFirstStored() {
    assertThat(run("demo")).isZero();
    String first = fieldAfter("21. credential");
    assertThat(run("demo")).isZero();

    assertThat(fieldAfter("21. credential")).isEqualTo(first);
    assertThat(out.toString()).contains("\"  rotated, encrypted with aes256-gcm.v1");
  }

  @Test
  void initIsIdempotent() {
    assertThat(run("init")).isZero();
    assertThat(run("init")).isZero();
    assertThat(out.toString()).contains("schema up to date");
  }

  @Test
  void mintingAnIdentifierTheDatabaseCannotStoreIsAUsageError() {
    int exit = run("tokens", "mint", "--id", "ci\u0000bot");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("NUL character");
  }
}
