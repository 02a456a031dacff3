package io.orcheo.persistence.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.cli.OrcheoDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code docs/migration.md} against the CLI, without a database: every {@code orcheo-db} command and option the page
 * names exists ({@link CommandLine#parseArgs}), and its executed blocks hold nothing but what
 * {@link PostgresMigrationRunbookTest} runs.
 */
class MigrationRunbookTest {
  private final Runbook runbook = Runbook.read();

  private static CommandLine orcheoDb() {
    return new CommandLine(new OrcheoDb(Map.of()));
  }

  @Test
  void theExecutedBlocksAreTheStepsOfTheCutoverTheRollbackAndTheAlternative() {
    assertThat(runbook.steps()).extracting(Runbook.Step::name).containsExactly("settings", "preflight", "copy",
        "sync-while-running", "cutover", "switch", "start-on-postgres", "rollback", "revert", "export-import");
  }

  @Test
  void everyLineOfAnExecutedBlockIsAnExportOrAnOrcheoDbCommand(@TempDir Path deployment) throws IOException {
    Files.writeString(deployment.resolve("vault.key"), "0123abcd\n");
    List<Runbook.Line> lines = new ArrayList<>();

    for (Runbook.Step step : runbook.steps()) {
      for (String line : step.lines()) {
        lines.add(Runbook.parse(line.replace(RunbookSession.PAGE_DEPLOYMENT, deployment.toString()), name -> null));
      }
    }

    assertThat(lines).filteredOn(Runbook.Export.class::isInstance).isNotEmpty();
    assertThat(lines).filteredOn(Runbook.Command.class::isInstance).isNotEmpty();
  }

  @Test
  void theSettingsStepReadsTheVaultKeyFromTheKeyFileBesideTheVault(@TempDir Path deployment) throws IOException {
    Files.writeString(deployment.resolve("vault.key"), "0123abcd\n");

    List<Runbook.Line> settings = runbook.step("settings").lines().stream()
        .map(line -> Runbook.parse(line.replace(RunbookSession.PAGE_DEPLOYMENT, deployment.toString()), name -> null))
        .toList();

    assertThat(settings).contains(new Runbook.Export("ORCHEO_VAULT_ENCRYPTION_KEY", "0123abcd"));
  }

  @Test
  void theExamplesUseTheDeploymentDirectoryAndTheServerTheRunbookTestReplaces() {
    String settings = String.join("\n", runbook.step("settings").lines());

    assertThat(settings).contains(RunbookSession.PAGE_DEPLOYMENT + "/").contains(RunbookSession.PAGE_DSN);
  }

  @Test
  void everyOrcheoDbCommandInACodeBlockParsesWithTheCli() {
    List<String> commands = runbook.commandLinesInCodeBlocks();

    assertThat(commands).isNotEmpty();
    SoftAssertions.assertSoftly(softly -> {
      for (String command : commands) {
        List<String> words = Runbook.words(command, name -> "value");
        softly.assertThatCode(() -> orcheoDb().parseArgs(words.subList(1, words.size()).toArray(String[]::new)))
            .as("%s: %s", Runbook.PAGE, command).doesNotThrowAnyException();
      }
    });
  }

  @Test
  void everyCommandNamedInTheProseExistsInTheCli() {
    CommandLine root = orcheoDb();
    Set<String> migrate = root.getSubcommands().get("migrate").getSubcommands().keySet();
    List<String> named = new ArrayList<>();
    SoftAssertions softly = new SoftAssertions();

    for (String span : runbook.inlineCode()) {
      List<String> words = new ArrayList<>(Runbook.words(span, name -> "value"));
      if (words.isEmpty()) {
        continue;
      }
      if (words.get(0).equals("./orcheo-db") || words.get(0).equals("orcheo-db")) {
        words.remove(0);
      } else if (migrate.contains(words.get(0)) || words.get(0).equals("preflight")) {
        words.add(0, "migrate");
      } else if (!words.get(0).equals("migrate") && !root.getSubcommands().containsKey(words.get(0))) {
        continue;
      }
      named.add(span);
      // A span may name a command without the options it requires; it must not name one the CLI lacks.
      softly.assertThatCode(() -> {
        try {
          orcheoDb().parseArgs(words.toArray(String[]::new));
        } catch (CommandLine.MissingParameterException e) {
          // Named without its required options: the command exists.
        }
      }).as("%s: `%s`", Runbook.PAGE, span).doesNotThrowAnyException();
    }

    softly.assertAll();
    assertThat(named).contains("sync --to-sqlite", "migrate copy --to-sqlite");
  }

  @Test
  void everyOptionNamedInTheProseIsAnOptionOfTheCli() {
    Set<String> options = new TreeSet<>();
    collectOptions(orcheoDb(), options);
    List<String> named = runbook.inlineCode().stream().filter(span -> span.startsWith("--"))
        .map(span -> span.split(" ")[0]).toList();

    assertThat(named).isNotEmpty();
    assertThat(named.stream().filter(option -> !options.contains(option)).toList())
        .as("options %s names that no orcheo-db command has", Runbook.PAGE).isEmpty();
  }

  private static void collectOptions(CommandLine command, Set<String> options) {
    command.getCommandSpec().options().forEach(option -> options.addAll(List.of(option.names())));
    command.getSubcommands().values().forEach(sub -> collectOptions(sub, options));
  }
}
