package io.orcheo.persistence.jooq.chatkit;

import io.orcheo.persistence.core.error.StorableText;
import io.orcheo.persistence.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A message search, parsed once and rendered for each engine, so that both backends answer the same question.
 *
 * <p>The language is web-search style, as PostgreSQL's {@code websearch_to_tsquery}: words that must all appear,
 * {@code "a quoted phrase"}, {@code or} between two alternatives, {@code -word} or {@code -"phrase"} to exclude.
 * Words are runs of letters and digits, lower-cased. English stop words standing alone are dropped here rather
 * than left to each engine: PostgreSQL's {@code english} configuration drops them from documents and queries,
 * SQLite's FTS5 keeps them, and a query for "the cat" would otherwise find different items on the two backends.
 * Inside a phrase they stay, because they hold the other words apart: FTS5 indexes them, and PostgreSQL's
 * {@code to_tsquery} turns them into the distance between its neighbours ({@code 'sent' <2> 'name'}).
 *
 * <p>The query is a conjunction of groups; a group is either alternatives joined by {@code or} (each a word or a
 * phrase) or one exclusion. At least one group must include something: FTS5 cannot answer a query that only
 * excludes.
 */
final class SearchQuery {
  /** PostgreSQL's english.stop list (the Snowball list), the words its english configuration ignores. */
  static final Set<String> STOP_WORDS = Set.of(
      "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves",
      "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their",
      "theirs", "themselves", "what", "which", "who", "whom", "this", "that", "these", "those", "am", "is", "are",
      "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "a", "an",
      "the", "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for", "with", "about",
      "against", "between", "into", "through", "during", "before", "after", "above", "below", "to", "from", "up",
      "down", "in", "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when",
      "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no",
      "nor", "not", "only", "own", "same", "so", "than", "too", "very", "s", "t", "can", "will", "just", "don",
      "should", "now");

  /** The longest query accepted, in characters. */
  static final int MAX_LENGTH = 1000;

  /** A word or a phrase: its words in order, never empty; a lone word is never a stop word. */
  record Term(List<String> words) {
    boolean isPhrase() {
      return words.size() > 1;
    }
  }

  /** Alternatives (one or more terms joined by {@code or}), or one excluded term. */
  record Group(List<Term> alternatives, boolean excluded) {}

  private final List<Group> groups;

  private SearchQuery(List<Group> groups) {
    this.groups = List.copyOf(groups);
  }

  /**
   * Parses a query.
   *
   * @throws ValidationException if it is blank, too long, unstorable, or has nothing to include once stop words
   *     and punctuation are set aside
   */
  static SearchQuery parse(String query) {
    if (query == null || query.isBlank()) {
      throw new ValidationException("A search query must not be blank");
    }
    if (query.length() > MAX_LENGTH) {
      throw new ValidationException("A search query must be at most " + MAX_LENGTH + " characters, got "
          + query.length());
    }
    StorableText.require(query, "search query");
    List<Group> groups = new ArrayList<>();
    List<Term> alternatives = new ArrayList<>();
    boolean pendingOr = false;
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean excluded = c == '-';
      int start = excluded ? i + 1 : i;
      String raw;
      boolean quoted = start < query.length() && query.charAt(start) == '"';
      if (quoted) {
        int close = query.indexOf('"', start + 1);
        int end = close < 0 ? query.length() : close;
        raw = query.substring(start + 1, end);
        i = close < 0 ? query.length() : close + 1;
      } else {
        int end = start;
        while (end < query.length() && !Character.isWhitespace(query.charAt(end))) {
          end++;
        }
        raw = query.substring(start, end);
        i = end;
      }
      if (!excluded && !quoted && raw.equalsIgnoreCase("or")) {
        pendingOr = !alternatives.isEmpty();
        continue;
      }
      List<String> words = words(raw);
      if (words.stream().allMatch(STOP_WORDS::contains)) {
        continue;
      }
      Term term = new Term(words);
      if (excluded) {
        closeGroup(groups, alternatives);
        groups.add(new Group(List.of(term), true));
        pendingOr = false;
      } else if (pendingOr) {
        alternatives.add(term);
        pendingOr = false;
      } else {
        closeGroup(groups, alternatives);
        alternatives.add(term);
      }
    }
    closeGroup(groups, alternatives);
    if (groups.stream().allMatch(Group::excluded)) {
      throw new ValidationException("Search query '" + query + "' has no word to search for (stop words such as"
          + " 'the' and punctuation are ignored, and a query cannot only exclude)");
    }
    return new SearchQuery(groups);
  }

  private static void closeGroup(List<Group> groups, List<Term> alternatives) {
    if (!alternatives.isEmpty()) {
      groups.add(new Group(List.copyOf(alternatives), false));
      alternatives.clear();
    }
  }

  /** The words of {@code text}: runs of letters and digits, lower-cased. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    text.codePoints().forEach(cp -> {
      if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(cp);
      } else if (word.length() > 0) {
        add(words, word);
      }
    });
    if (word.length() > 0) {
      add(words, word);
    }
    return words;
  }

  private static void add(List<String> words, StringBuilder word) {
    words.add(word.toString().toLowerCase(Locale.ROOT));
    word.setLength(0);
  }

  List<Group> groups() {
    return groups;
  }

  /**
   * The query in {@code to_tsquery} syntax: {@code 'word'}, phrases as {@code <->} chains, {@code |} between
   * alternatives, {@code !} for an exclusion, {@code &} between groups. Words hold only letters and digits, so they
   * need no escaping inside the quotes.
   */
  String toTsquery() {
    return groups.stream()
        .map(group -> {
          String alternatives = group.alternatives().stream()
              .map(term -> term.words().stream().map(w -> "'" + w + "'").collect(Collectors.joining(" <-> ", "(", ")")))
              .collect(Collectors.joining(" | ", "(", ")"));
          return group.excluded() ? "!" + alternatives : alternatives;
        })
        .collect(Collectors.joining(" & "));
  }

  /**
   * The query in FTS5 syntax: each word and phrase a quoted string, {@code OR} between alternatives, {@code AND}
   * between groups, and the exclusions last with {@code NOT}, which FTS5 only has as a binary operator.
   */
  String toFts5() {
    String included = groups.stream()
        .filter(group -> !group.excluded())
        .map(group -> group.alternatives().stream().map(SearchQuery::fts5Term)
            .collect(Collectors.joining(" OR ", "(", ")")))
        .collect(Collectors.joining(" AND ", "(", ")"));
    String excluded = groups.stream()
        .filter(Group::excluded)
        .map(group -> " NOT " + fts5Term(group.alternatives().get(0)))
        .collect(Collectors.joining());
    return included + excluded;
  }

  private static String fts5Term(Term term) {
    return "\"" + String.join(" ", term.words()) + "\"";
  }
}
