package io.orcheo.persistence.jooq.workflows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The golden cases {@code workflows/diff/generate.py} recorded from CPython 3.11, read from the test classpath so
 * the tests need no Python.
 */
public final class Fixtures {
  private static final String ROOT = "/workflows/diff/";

  private Fixtures() {}

  /** The file's exact content, decoded as the UTF-8 the generator wrote. */
  public static String text(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IllegalStateException("Missing fixture " + ROOT + path + "; run generate.py");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An index file's lines; an empty index would let a golden test pass without checking anything. */
  public static List<String> lines(String path) {
    List<String> lines = text(path).lines().toList();
    if (lines.isEmpty()) {
      throw new IllegalStateException("Fixture index " + ROOT + path + " lists no cases");
    }
    return lines;
  }
}
