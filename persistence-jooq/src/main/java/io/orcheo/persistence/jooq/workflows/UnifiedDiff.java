package io.orcheo.persistence.jooq.workflows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPython 3.11's {@code difflib.unified_diff(a, b, fromfile, tofile, lineterm="", n=3)}, line for line.
 *
 * <p>Upstream Orcheo diffs workflow versions with {@code difflib}, and our diffs must be byte-identical to its.
 * A unified diff is not unique: which lines pair up depends on the matcher, so a textbook LCS or Myers diff would
 * produce valid but different hunks. This is therefore a port of {@code difflib.SequenceMatcher}'s own heuristic,
 * down to its "autojunk" rule and its tie-breaking.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /**
   * The diff's lines without terminators: the {@code ---}/{@code +++} headers, then each hunk; none at all when the
   * inputs are equal.
   */
  static List<String> unifiedDiff(List<String> a, List<String> b, String fromFile, String toFile) {
    List<List<Opcode>> groups = new SequenceMatcher(a, b).groupedOpcodes(CONTEXT);
    if (groups.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("--- " + fromFile);
    lines.add("+++ " + toFile);
    for (List<Opcode> group : groups) {
      Opcode first = group.get(0);
      Opcode last = group.get(group.size() - 1);
      lines.add("@@ -" + formatRange(first.i1(), last.i2()) + " +" + formatRange(first.j1(), last.j2()) + " @@");
      for (Opcode code : group) {
        if (code.tag() == Tag.EQUAL) {
          a.subList(code.i1(), code.i2()).forEach(line -> lines.add(" " + line));
          continue;
        }
        if (code.tag() == Tag.REPLACE || code.tag() == Tag.DELETE) {
          a.subList(code.i1(), code.i2()).forEach(line -> lines.add("-" + line));
        }
        if (code.tag() == Tag.REPLACE || code.tag() == Tag.INSERT) {
          b.subList(code.j1(), code.j2()).forEach(line -> lines.add("+" + line));
        }
      }
    }
    return lines;
  }

  /** {@code _format_range_unified}: lines count from one, and an empty range names the line before it. */
  private static String formatRange(int start, int stop) {
    int beginning = start + 1;
    int length = stop - start;
    if (length == 1) {
      return Integer.toString(beginning);
    }
    if (length == 0) {
      beginning--;
    }
    return beginning + "," + length;
  }

  private enum Tag { REPLACE, DELETE, INSERT, EQUAL }

  /** {@code a[a:a+size]} equals {@code b[b:b+size]}. */
  private record Match(int a, int b, int size) {}

  /** Turns {@code a[i1:i2]} into {@code b[j1:j2]}. */
  private record Opcode(Tag tag, int i1, int i2, int j1, int j2) {}

  /** {@code a[alo:ahi]} and {@code b[blo:bhi]}, still to be matched. */
  private record Range(int alo, int ahi, int blo, int bhi) {}

  /**
   * {@code difflib.SequenceMatcher(None, a, b)} with its default {@code autojunk=True}: the longest contiguous
   * matching block first, then recursively the same on either side of it.
   */
  private static final class SequenceMatcher {
    private final List<String> a;
    private final List<String> b;
    /** Where each line occurs in {@code b}, ascending; popular lines are left out. */
    private final Map<String, List<Integer>> b2j = new HashMap<>();

    SequenceMatcher(List<String> a, List<String> b) {
      this.a = a;
      this.b = b;
      for (int j = 0; j < b.size(); j++) {
        b2j.computeIfAbsent(b.get(j), line -> new ArrayList<>()).add(j);
      }
      // Autojunk, a speed-up difflib applies by default: once b has 200 lines, a line occurring more than
      // len(b)/100 + 1 times (in a pretty-printed graph "}," or "type": "x") is "popular" and may not be part of a
      // longest match, only widen one (see findLongestMatch). It changes which lines pair up, so upstream's hunks
      // can only be had with it too.
      int n = b.size();
      if (n >= 200) {
        int ntest = n / 100 + 1;
        b2j.values().removeIf(indices -> indices.size() > ntest);
      }
    }

    /**
     * {@code find_longest_match}: of the longest blocks of non-popular lines matching in {@code a[alo:ahi]} and
     * {@code b[blo:bhi]}, the one starting earliest in a, then earliest in b; then widened over equal neighbours on
     * both sides.
     */
    private Match findLongestMatch(int alo, int ahi, int blo, int bhi) {
      int besti = alo;
      int bestj = blo;
      int bestsize = 0;
      // j2len.get(j) is the length of the match ending with a[i-1] and b[j]; only the previous row is needed.
      Map<Integer, Integer> j2len = new HashMap<>();
      for (int i = alo; i < ahi; i++) {
        Map<Integer, Integer> newj2len = new HashMap<>();
        for (int j : b2j.getOrDefault(a.get(i), List.of())) {
          if (j < blo) {
            continue;
          }
          if (j >= bhi) {
            break;
          }
          int k = j2len.getOrDefault(j - 1, 0) + 1;
          newj2len.put(j, k);
          if (k > bestsize) {
            besti = i - k + 1;
            bestj = j - k + 1;
            bestsize = k;
          }
        }
        j2len = newj2len;
      }
      // difflib widens in two passes, first over non-junk and then over junk lines. With isjunk=None nothing is
      // junk (popular lines are only missing from b2j), so the first pass already takes every equal neighbour,
      // popular ones included, and the second never moves. Widening applies to the empty match at (alo, blo) too,
      // which is how runs of popular lines with nothing else in common still pair up.
      while (besti > alo && bestj > blo && a.get(besti - 1).equals(b.get(bestj - 1))) {
        besti--;
        bestj--;
        bestsize++;
      }
      while (besti + bestsize < ahi && bestj + bestsize < bhi
          && a.get(besti + bestsize).equals(b.get(bestj + bestsize))) {
        bestsize++;
      }
      return new Match(besti, bestj, bestsize);
    }

    /**
     * {@code get_matching_blocks}: ascending, adjacent blocks merged, ending with the sentinel
     * {@code (len(a), len(b), 0)}.
     */
    private List<Match> matchingBlocks() {
      List<Match> blocks = new ArrayList<>();
      Deque<Range> queue = new ArrayDeque<>();
      queue.push(new Range(0, a.size(), 0, b.size()));
      while (!queue.isEmpty()) {
        Range range = queue.pop();
        Match match = findLongestMatch(range.alo(), range.ahi(), range.blo(), range.bhi());
        if (match.size() > 0) {
          blocks.add(match);
          if (range.alo() < match.a() && range.blo() < match.b()) {
            queue.push(new Range(range.alo(), match.a(), range.blo(), match.b()));
          }
          int aEnd = match.a() + match.size();
          int bEnd = match.b() + match.size();
          if (aEnd < range.ahi() && bEnd < range.bhi()) {
            queue.push(new Range(aEnd, range.ahi(), bEnd, range.bhi()));
          }
        }
      }
      blocks.sort(Comparator.comparingInt(Match::a).thenComparingInt(Match::b).thenComparingInt(Match::size));

      // Blocks found in different ranges can abut; difflib merges them so that no equal opcode is cut in two.
      List<Match> merged = new ArrayList<>();
      int i1 = 0;
      int j1 = 0;
      int k1 = 0;
      for (Match block : blocks) {
        if (i1 + k1 == block.a() && j1 + k1 == block.b()) {
          k1 += block.size();
        } else {
          if (k1 > 0) {
            merged.add(new Match(i1, j1, k1));
          }
          i1 = block.a();
          j1 = block.b();
          k1 = block.size();
        }
      }
      if (k1 > 0) {
        merged.add(new Match(i1, j1, k1));
      }
      merged.add(new Match(a.size(), b.size(), 0));
      return merged;
    }

    /** {@code get_opcodes}: the edits between consecutive matching blocks, and the blocks themselves. */
    private List<Opcode> opcodes() {
      List<Opcode> codes = new ArrayList<>();
      int i = 0;
      int j = 0;
      for (Match block : matchingBlocks()) {
        if (i < block.a() && j < block.b()) {
          codes.add(new Opcode(Tag.REPLACE, i, block.a(), j, block.b()));
        } else if (i < block.a()) {
          codes.add(new Opcode(Tag.DELETE, i, block.a(), j, block.b()));
        } else if (j < block.b()) {
          codes.add(new Opcode(Tag.INSERT, i, block.a(), j, block.b()));
        }
        i = block.a() + block.size();
        j = block.b() + block.size();
        if (block.size() > 0) {
          codes.add(new Opcode(Tag.EQUAL, block.a(), i, block.b(), j));
        }
      }
      return codes;
    }

    /**
     * {@code get_grouped_opcodes(n)}: the changes in hunks with up to {@code n} lines of context; an equal run
     * longer than {@code 2n} splits two hunks.
     */
    List<List<Opcode>> groupedOpcodes(int n) {
      List<Opcode> codes = opcodes();
      // Two empty inputs: difflib substitutes a one-line equal opcode, which yields no group either.
      if (codes.isEmpty()) {
        return List.of();
      }
      Opcode head = codes.get(0);
      if (head.tag() == Tag.EQUAL) {
        codes.set(0, new Opcode(Tag.EQUAL, Math.max(head.i1(), head.i2() - n), head.i2(),
            Math.max(head.j1(), head.j2() - n), head.j2()));
      }
      Opcode tail = codes.get(codes.size() - 1);
      if (tail.tag() == Tag.EQUAL) {
        codes.set(codes.size() - 1, new Opcode(Tag.EQUAL, tail.i1(), Math.min(tail.i2(), tail.i1() + n),
            tail.j1(), Math.min(tail.j2(), tail.j1() + n)));
      }
      List<List<Opcode>> groups = new ArrayList<>();
      List<Opcode> group = new ArrayList<>();
      for (Opcode code : codes) {
        int i1 = code.i1();
        int j1 = code.j1();
        if (code.tag() == Tag.EQUAL && code.i2() - i1 > 2 * n) {
          group.add(new Opcode(Tag.EQUAL, i1, Math.min(code.i2(), i1 + n), j1, Math.min(code.j2(), j1 + n)));
          groups.add(group);
          group = new ArrayList<>();
          i1 = Math.max(i1, code.i2() - n);
          j1 = Math.max(j1, code.j2() - n);
        }
        group.add(new Opcode(code.tag(), i1, code.i2(), j1, code.j2()));
      }
      if (!(group.size() == 1 && group.get(0).tag() == Tag.EQUAL)) {
        groups.add(group);
      }
      return groups;
    }
  }
}
