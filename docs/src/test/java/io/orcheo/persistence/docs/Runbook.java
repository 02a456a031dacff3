package io.orcheo.persistence.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The executed part of {@code docs/migration.md}: its {@code shell} blocks, each introduced by
 * {@code <!-- runbook-step: name -->}, in the page's order. A line of such a block is a comment, an
 * {@code export NAME=VALUE} or an {@code ./orcheo-db …} command; anything else is refused, so that no line of an
 * executed block goes unexecuted. Blocks of other languages ({@code bash}, {@code text}) are illustration.
 */
final class Runbook {
  static final Path PAGE = Path.of("migration.md");

  private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]*```(\\w*)[ \\t]*\\n(.*?)^[ \\t]*```[ \\t]*$",
      Pattern.DOTALL);
  private static final Pattern STEP = Pattern.compile("<!-- runbook-step: ([\\w-]+) -->\\s*$");
  private static final Pattern INLINE_CODE = Pattern.compile("(?<!`)`([^`\\n]+)`(?!`)");
  private static final Pattern COMMAND_SUBSTITUTION = Pattern.compile("\\$\\(cat ([^)]+)\\)");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

  /** One executed block: its step name and its lines, comments and blank lines left out. */
  record Step(String name, List<String> lines) {}

  /** One line of an executed block, as a shell would read it. */
  sealed interface Line permits Export, Command {}

  /** {@code export NAME=VALUE}. */
  record Export(String name, String value) implements Line {}

  /** {@code ./orcheo-db ARGS…}: the arguments after the program's name. */
  record Command(String text, List<String> args) implements Line {}

  private final String markdown;
  private final List<Step> steps;

  private Runbook(String markdown) {
    this.markdown = markdown;
    this.steps = parseSteps(markdown);
  }

  static Runbook read() {
    try {
      return new Runbook(Files.readString(PAGE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String markdown() {
    return markdown;
  }

  List<Step> steps() {
    return steps;
  }

  Step step(String name) {
    return steps.stream().filter(step -> step.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(PAGE + " has no step '" + name + "' (<!-- runbook-step: " + name
            + " --> before a ```shell block)"));
  }

  /** Every {@code ./orcheo-db} line of every code block, executed or not, without the program's name. */
  List<String> commandLinesInCodeBlocks() {
    List<String> commands = new ArrayList<>();
    Matcher fence = FENCE.matcher(markdown);
    while (fence.find()) {
      for (String raw : fence.group(2).split("\n")) {
        String line = raw.strip();
        if (line.startsWith("./orcheo-db ")) {
          commands.add(line);
        }
      }
    }
    return commands;
  }

  /** The inline code spans of the prose (outside code blocks). */
  List<String> inlineCode() {
    String prose = FENCE.matcher(markdown).replaceAll("");
    List<String> spans = new ArrayList<>();
    Matcher span = INLINE_CODE.matcher(prose);
    while (span.find()) {
      spans.add(span.group(1).strip());
    }
    return spans;
  }

  private static List<Step> parseSteps(String markdown) {
    List<Step> steps = new ArrayList<>();
    Matcher fence = FENCE.matcher(markdown);
    while (fence.find()) {
      String before = markdown.substring(0, fence.start()).stripTrailing();
      Matcher marker = STEP.matcher(before);
      boolean marked = marker.find();
      boolean shell = fence.group(1).equals("shell");
      if (shell != marked) {
        throw new AssertionError(PAGE + ": " + (shell ? "a ```shell block without a runbook-step marker"
            : "a runbook-step marker before a ```" + fence.group(1) + " block") + " at offset " + fence.start());
      }
      if (!shell) {
        continue;
      }
      List<String> lines = fence.group(2).lines().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
      steps.add(new Step(marker.group(1), lines));
    }
    return steps;
  }

  /**
   * Reads {@code line} as a shell would: words split on blanks, single quotes literal, double quotes with
   * {@code $NAME} and {@code $(cat FILE)} expanded (from {@code variables} and the file system), an unquoted
   * {@code #} starting a comment.
   *
   * @throws AssertionError if the line is neither an {@code export} nor an {@code ./orcheo-db} command
   */
  static Line parse(String line, UnaryOperator<String> variables) {
    List<String> words = words(line, variables);
    if (words.isEmpty()) {
      throw new AssertionError("Nothing to run in: " + line);
    }
    if (words.get(0).equals("export") && words.size() == 2 && words.get(1).contains("=")) {
      String assignment = words.get(1);
      return new Export(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
    }
    if (words.get(0).equals("./orcheo-db")) {
      return new Command(line, List.copyOf(words.subList(1, words.size())));
    }
    throw new AssertionError(PAGE + ": a line of a ```shell block must be `export NAME=VALUE` or `./orcheo-db …`: "
        + line);
  }

  static List<String> words(String line, UnaryOperator<String> variables) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new AssertionError("Unterminated quote in: " + line);
        }
        word.append(line, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        int end = line.indexOf('"', i + 1);
        if (end < 0) {
          throw new AssertionError("Unterminated quote in: " + line);
        }
        word.append(expand(line.substring(i + 1, end), variables));
        inWord = true;
        i = end + 1;
      } else if (c == ' ' || c == '\t') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '#' && !inWord) {
        break;
      } else {
        int end = i;
        while (end < line.length() && " \t'\"".indexOf(line.charAt(end)) < 0) {
          end++;
        }
        word.append(expand(line.substring(i, end), variables));
        inWord = true;
        i = end;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  private static String expand(String text, UnaryOperator<String> variables) {
    Matcher variable = VARIABLE.matcher(text);
    StringBuilder expanded = new StringBuilder();
    while (variable.find()) {
      String value = variables.apply(variable.group(1));
      variable.appendReplacement(expanded, Matcher.quoteReplacement(value == null ? "" : value));
    }
    variable.appendTail(expanded);
    Matcher cat = COMMAND_SUBSTITUTION.matcher(expanded);
    StringBuilder out = new StringBuilder();
    while (cat.find()) {
      try {
        String content = Files.readString(Path.of(cat.group(1).strip())).replaceAll("\\n+$", "");
        cat.appendReplacement(out, Matcher.quoteReplacement(content));
      } catch (IOException e) {
        throw new UncheckedIOException("$(cat " + cat.group(1) + ")", e);
      }
    }
    cat.appendTail(out);
    if (COMMAND_SUBSTITUTION.matcher(text).replaceAll("").contains("$(")) {
      throw new AssertionError("Only $(cat FILE) is understood: " + text);
    }
    return out.toString();
  }
}
