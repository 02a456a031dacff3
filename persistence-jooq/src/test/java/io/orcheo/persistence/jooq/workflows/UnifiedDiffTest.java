package io.orcheo.persistence.jooq.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.json.PythonJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link UnifiedDiff} yields what CPython 3.11's {@code difflib.unified_diff(a, b, fromfile, tofile, lineterm="")}
 * yields; every expectation here was taken from CPython.
 */
class UnifiedDiffTest {

  private static List<String> diff(List<String> a, List<String> b) {
    return UnifiedDiff.unifiedDiff(a, b, "v1", "v2");
  }

  private static List<String> numbers(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(Integer::toString).toList();
  }

  private static List<String> with(List<String> lines, int index, String replacement) {
    List<String> changed = new ArrayList<>(lines);
    changed.set(index, replacement);
    return changed;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> joined = new ArrayList<>(first);
    joined.addAll(second);
    return joined;
  }

  @Test
  void equalInputsGiveNoLines() {
    assertThat(diff(numbers(5), numbers(5))).isEmpty();
  }

  @Test
  void twoEmptyInputsGiveNoLines() {
    assertThat(diff(List.of(), List.of())).isEmpty();
  }

  @Test
  void headersNameBothFilesWithoutDates() {
    assertThat(UnifiedDiff.unifiedDiff(List.of("a"), List.of("b"), "v3", "v7")).startsWith("--- v3", "+++ v7");
  }

  @Test
  void matchesDifflibsDocumentedExample() {
    List<String> a = List.of("one", "two", "three", "four");
    List<String> b = List.of("zero", "one", "tree", "four");

    assertThat(UnifiedDiff.unifiedDiff(a, b, "Original", "Current")).containsExactly(
        "--- Original", "+++ Current", "@@ -1,4 +1,4 @@", "+zero", " one", "-two", "-three", "+tree", " four");
  }

  @Test
  void aRangeOfOneLineIsWrittenAsItsStartAlone() {
    assertThat(diff(List.of("x"), List.of("y"))).containsExactly("--- v1", "+++ v2", "@@ -1 +1 @@", "-x", "+y");
  }

  @Test
  void anEmptyRangeStartsAtTheLineBeforeIt() {
    assertThat(diff(List.of(), List.of("x", "y"))).containsExactly("--- v1", "+++ v2", "@@ -0,0 +1,2 @@", "+x", "+y");
    assertThat(diff(List.of("x", "y"), List.of())).containsExactly("--- v1", "+++ v2", "@@ -1,2 +0,0 @@", "-x", "-y");
  }

  @Test
  void aChangeIsShownWithThreeLinesOfContextOnEachSide() {
    assertThat(diff(numbers(20), with(numbers(20), 9, "ten"))).containsExactly(
        "--- v1", "+++ v2", "@@ -7,7 +7,7 @@", " 7", " 8", " 9", "-10", "+ten", " 11", " 12", " 13");
  }

  @Test
  void changesSeparatedBySixEqualLinesShareAHunk() {
    List<String> b = with(with(numbers(20), 2, "c"), 9, "j");

    assertThat(diff(numbers(20), b)).containsExactly("--- v1", "+++ v2", "@@ -1,13 +1,13 @@",
        " 1", " 2", "-3", "+c", " 4", " 5", " 6", " 7", " 8", " 9", "-10", "+j", " 11", " 12", " 13");
  }

  @Test
  void changesSeparatedBySevenEqualLinesGetTwoHunks() {
    List<String> b = with(with(numbers(20), 2, "c"), 10, "k");

    assertThat(diff(numbers(20), b)).containsExactly("--- v1", "+++ v2",
        "@@ -1,6 +1,6 @@", " 1", " 2", "-3", "+c", " 4", " 5", " 6",
        "@@ -8,7 +8,7 @@", " 8", " 9", " 10", "-11", "+k", " 12", " 13", " 14");
  }

  @Test
  void ofEqualLongestMatchesTheOneEarliestInAWins() {
    List<String> a = List.of(" ", "a", "b", "c", "d");
    List<String> b = List.of("a", "b", "c", "d", " ", "a", "b", "c", "d");

    assertThat(diff(a, b)).containsExactly(
        "--- v1", "+++ v2", "@@ -1,3 +1,7 @@", "+a", "+b", "+c", "+d", "  ", " a", " b");
  }

  @Test
  void popularLinesInALongSequenceCannotStartAMatch() {
    List<String> xs = Collections.nCopies(250, "x");

    List<String> expected = new ArrayList<>(List.of("--- v1", "+++ v2", "@@ -1,251 +1,251 @@"));
    expected.addAll(Collections.nCopies(250, "+x"));
    expected.add(" y");
    expected.addAll(Collections.nCopies(250, "-x"));
    assertThat(diff(concat(List.of("y"), xs), concat(xs, List.of("y")))).isEqualTo(expected);
  }

  @Test
  void popularLinesStillWidenAMatchStartedOnAnotherLine() {
    List<String> xs = Collections.nCopies(250, "x");

    assertThat(diff(concat(xs, List.of("anchor")), concat(xs, List.of("anchor", "y")))).containsExactly(
        "--- v1", "+++ v2", "@@ -249,3 +249,4 @@", " x", " x", " anchor", "+y");
  }

  @Test
  void noLineIsPopularWhileTheSecondSequenceHasFewerThan200Lines() {
    List<String> xs = Collections.nCopies(198, "x");

    assertThat(diff(concat(List.of("y"), xs), concat(xs, List.of("y")))).containsExactly("--- v1", "+++ v2",
        "@@ -1,4 +1,3 @@", "-y", " x", " x", " x", "@@ -197,3 +196,4 @@", " x", " x", " x", "+y");
  }

  @Test
  void aLineIsPopularOnlyWhenItOccursMoreThanOnePercentPlusOneTimes() {
    List<String> unique = IntStream.range(0, 246).mapToObj(i -> "u" + i).toList();
    List<String> threeTimes = concat(unique, Collections.nCopies(3, "p"));
    List<String> fourTimes = concat(unique, Collections.nCopies(4, "p"));

    assertThat(diff(List.of("p"), threeTimes)).contains(" p").doesNotContain("-p");
    assertThat(diff(List.of("p"), fourTimes)).contains("-p").doesNotContain(" p");
  }

  static Stream<Arguments> goldenCases() {
    return Fixtures.lines("diffs/index.txt").stream().map(line -> line.split(" ")).map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}: v{1} -> v{2}")
  @MethodSource("goldenCases")
  void matchesDifflibForEachGoldenCaseOfPrettyPrintedGraphs(String name, String base, String target) {
    List<String> a = lines(Fixtures.text("diffs/" + name + ".base.json"));
    List<String> b = lines(Fixtures.text("diffs/" + name + ".target.json"));

    StringBuilder actual = new StringBuilder();
    UnifiedDiff.unifiedDiff(a, b, "v" + base, "v" + target).forEach(line -> actual.append(line).append('\n'));
    assertThat(actual.toString()).isEqualTo(Fixtures.text("diffs/" + name + ".diff"));
  }

  /** As upstream: Python's pretty dump, split into lines (it escapes every other line separator). */
  private static List<String> lines(String json) {
    return List.of(PythonJson.dumpsPretty(JsonCodec.read(json)).split("\n", -1));
  }
}
