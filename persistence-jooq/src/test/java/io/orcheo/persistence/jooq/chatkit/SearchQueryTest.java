package io.orcheo.persistence.jooq.chatkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.error.ValidationException;
import org.junit.jupiter.api.Test;

/** How a search is parsed, and the same question rendered for PostgreSQL's tsquery and for FTS5. */
class SearchQueryTest {

  @Test
  void wordsMustAllAppear() {
    SearchQuery query = SearchQuery.parse("Invoice overdue");

    assertThat(query.toTsquery()).isEqualTo("(('invoice')) & (('overdue'))");
    assertThat(query.toFts5()).isEqualTo("((\"invoice\") AND (\"overdue\"))");
  }

  @Test
  void aQuotedPhraseKeepsItsWordsInOrder() {
    SearchQuery query = SearchQuery.parse("\"late payment\"");

    assertThat(query.toTsquery()).isEqualTo("(('late' <-> 'payment'))");
    assertThat(query.toFts5()).isEqualTo("((\"late payment\"))");
  }

  @Test
  void orJoinsTheTermsAroundIt() {
    SearchQuery query = SearchQuery.parse("refund or chargeback invoice");

    assertThat(query.toTsquery()).isEqualTo("(('refund') | ('chargeback')) & (('invoice'))");
    assertThat(query.toFts5()).isEqualTo("((\"refund\" OR \"chargeback\") AND (\"invoice\"))");
  }

  @Test
  void aMinusExcludesAWordOrAPhrase() {
    SearchQuery query = SearchQuery.parse("invoice -draft -\"test run\"");

    assertThat(query.toTsquery()).isEqualTo("(('invoice')) & !(('draft')) & !(('test' <-> 'run'))");
    assertThat(query.toFts5()).isEqualTo("((\"invoice\")) NOT \"draft\" NOT \"test run\"");
  }

  @Test
  void stopWordsStandingAloneArePutAsideOnBothEngines() {
    SearchQuery query = SearchQuery.parse("the invoice of \"the\"");

    assertThat(query.toFts5()).isEqualTo("((\"invoice\"))");
    assertThat(query.toTsquery()).isEqualTo("(('invoice'))");
  }

  @Test
  void stopWordsInsideAPhraseKeepTheirPlace() {
    SearchQuery query = SearchQuery.parse("\"sent no name\"");

    assertThat(query.toFts5()).isEqualTo("((\"sent no name\"))");
    assertThat(query.toTsquery()).isEqualTo("(('sent' <-> 'no' <-> 'name'))");
  }

  @Test
  void punctuationSplitsWordsAndNeverReachesTheEngine() {
    SearchQuery query = SearchQuery.parse("e-mail: o'brien\"; DROP TABLE x; --");

    assertThat(query.toFts5()).doesNotContain(";", "'");
    assertThat(query.toTsquery()).doesNotContain(";", "\"");
  }

  @Test
  void nonAsciiLettersAreWords() {
    assertThat(SearchQuery.parse("Résumé 履歴書").toFts5()).isEqualTo("((\"résumé\") AND (\"履歴書\"))");
  }

  @Test
  void aQueryOfOnlyStopWordsIsRejected() {
    assertThatThrownBy(() -> SearchQuery.parse("the and of"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("no word to search for");
  }

  @Test
  void aQueryThatOnlyExcludesIsRejected() {
    assertThatThrownBy(() -> SearchQuery.parse("-draft"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cannot only exclude");
  }

  @Test
  void aBlankQueryIsRejected() {
    assertThatThrownBy(() -> SearchQuery.parse("   ")).isInstanceOf(ValidationException.class);
  }

  @Test
  void anOverlongQueryIsRejected() {
    assertThatThrownBy(() -> SearchQuery.parse("a".repeat(SearchQuery.MAX_LENGTH + 1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most");
  }

  @Test
  void anUnclosedQuoteRunsToTheEnd() {
    assertThat(SearchQuery.parse("\"late payment").toFts5()).isEqualTo("((\"late payment\"))");
  }

  @Test
  void aLeadingOrIsAWordLeftAside() {
    assertThat(SearchQuery.parse("or invoice").toFts5()).isEqualTo("((\"invoice\"))");
  }

  @Test
  void theStopWordListIsPostgresqlsEnglishList() {
    assertThat(SearchQuery.STOP_WORDS).hasSize(127).contains("the", "don", "should", "now");
  }
}
