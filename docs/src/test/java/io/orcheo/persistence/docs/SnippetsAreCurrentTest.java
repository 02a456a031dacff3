package io.orcheo.persistence.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pages show code that runs: a block introduced by {@code <!-- snippet: Class#tag -->} must equal the region between
 * {@code // tag::tag[]} and {@code // end::tag[]} of that test class, indentation aside.
 */
class SnippetsAreCurrentTest {
  private static final Pattern SNIPPET =
      Pattern.compile("<!-- snippet: (\\w+)#([\\w-]+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everySnippetOnEveryPageMatchesItsTestedSource() throws IOException {
    List<String> checked = new ArrayList<>();
    try (Stream<Path> pages = Files.list(Path.of("."))) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
        Matcher m = SNIPPET.matcher(Files.readString(page));
        while (m.find()) {
          String source = Files.readString(Path.of("src/test/java/io/orcheo/persistence/docs", m.group(1) + ".java"));
          assertThat(normalize(m.group(3)))
              .as("snippet %s#%s in %s", m.group(1), m.group(2), page)
              .isEqualTo(normalize(region(source, m.group(2))));
          checked.add(m.group(2));
        }
      }
    }
    assertThat(checked).as("snippets found in docs/*.md").isNotEmpty();
  }

  private static String region(String source, String tag) {
    int start = source.indexOf("// tag::" + tag + "[]");
    int end = source.indexOf("// end::" + tag + "[]");
    assertThat(start).as("tag %s", tag).isNotNegative();
    return source.substring(source.indexOf('\n', start) + 1, source.lastIndexOf('\n', end));
  }

  private static String normalize(String code) {
    return code.lines().map(String::strip).filter(line -> !line.isEmpty()).reduce("", (a, b) -> a + b + "\n");
  }
}
