package io.orcheo.persistence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command line the tool printed for the next page or piece, split into arguments as a POSIX shell would split it
 * when pasted: words separated by spaces, single quotes kept literal ({@code '\''} for a quote inside them).
 */
final class PastedCommand {
  private static final Pattern PRINTED = Pattern.compile("next (?:page|piece): \\./orcheo-db (.+)");

  private PastedCommand() {}

  /** The arguments of the first next-page or next-piece line of {@code output}. */
  static String[] from(String output) {
    Matcher m = PRINTED.matcher(output);
    assertThat(m.find()).as("next-page command in %s", output).isTrue();
    return split(m.group(1));
  }

  /** The raw text after {@code ./orcheo-db} of the first next-page or next-piece line of {@code output}. */
  static String text(String output) {
    Matcher m = PRINTED.matcher(output);
    assertThat(m.find()).as("next-page command in %s", output).isTrue();
    return m.group(1);
  }

  static String[] split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '\'') {
          quoted = false;
        } else {
          word.append(c);
        }
      } else if (c == '\'') {
        quoted = true;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (c == ' ') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    assertThat(quoted).as("unterminated quote in %s", line).isFalse();
    if (inWord) {
      words.add(word.toString());
    }
    return words.toArray(String[]::new);
  }
}
