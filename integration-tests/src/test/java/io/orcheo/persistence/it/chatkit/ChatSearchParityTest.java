package io.orcheo.persistence.it.chatkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatPageRequest;
import io.orcheo.persistence.core.chatkit.ChatStore;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.core.chatkit.ThreadItem;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Message search answers alike on SQLite and PostgreSQL: each test stores the same messages on both backends and
 * compares what a query finds. The disabled tests show where the answers still differ.
 */
class ChatSearchParityTest {
  @TempDir Path dir;

  /** The texts of the messages {@code query} finds among {@code texts}, stored as user messages on {@code backend}. */
  private List<String> found(TestBackend backend, List<String> texts, String query) throws IOException {
    Path directory = Files.createDirectories(dir.resolve(backend.name()));
    try (OrcheoPersistence persistence = OrcheoPersistence.open(backend.settings(directory))) {
      ChatStore chat = persistence.chat();
      ChatThread thread = chat.saveThread(ChatThread.create("parity", null, Instant.now()), ChatContext.NONE);
      texts.forEach(text -> chat.addItem(thread.id(), ThreadItem.userMessage(thread.id(), text, Instant.now())));
      return chat.searchItems(thread.id(), query, ChatPageRequest.first(100, SortOrder.ASC)).data().stream()
          .map(ThreadItem::searchableText)
          .toList();
    }
  }

  private void assertSameOnBothBackends(List<String> texts, String query, List<String> expected) throws IOException {
    assertThat(found(TestBackend.SQLITE, texts, query)).as("SQLite, %s", query).isEqualTo(expected);
    assertThat(found(TestBackend.POSTGRES, texts, query)).as("PostgreSQL, %s", query).isEqualTo(expected);
  }

  @Test
  void stemmedWordsPhrasesAlternativesAndExclusionsFindTheSameMessages() throws IOException {
    List<String> texts = List.of("Rotate the token", "Rotation keeps the old token valid", "Revoke it", "What about expiry?");

    assertSameOnBothBackends(texts, "rotating", List.of(texts.get(0), texts.get(1)));
    assertSameOnBothBackends(texts, "\"old token\" or expiry", List.of(texts.get(1), texts.get(3)));
    assertSameOnBothBackends(texts, "token -valid", List.of(texts.get(0)));
  }

  @Disabled("BUG: a quoted phrase holding a stop word never matches, not even the text it quotes, on either backend")
  @Test
  void aQuotedPhraseHoldingAStopWordFindsTheTextItQuotes() throws IOException {
    List<String> texts = List.of("the webhook sent no name", "no name was sent");

    assertSameOnBothBackends(texts, "\"sent no name\"", List.of(texts.get(0)));
  }

  @Disabled("BUG: SQLite's tokenizer removes diacritics and PostgreSQL's english configuration does not: "
      + "'cafe' finds 'café' on SQLite only")
  @Test
  void aWordWithoutItsAccentFindsTheSameMessagesOnBothBackends() throws IOException {
    List<String> texts = List.of("Meet at the café", "Über cool");

    assertThat(found(TestBackend.POSTGRES, texts, "cafe or uber"))
        .isEqualTo(found(TestBackend.SQLITE, texts, "cafe or uber"));
  }

  @Disabled("BUG: Porter (SQLite) and Snowball English (PostgreSQL) stem some words apart: 'die' finds 'dying' on "
      + "PostgreSQL only")
  @Test
  void aWordFindsTheSameInflectionsOnBothBackends() throws IOException {
    List<String> texts = List.of("The battery is dying");

    assertThat(found(TestBackend.SQLITE, texts, "die")).isEqualTo(found(TestBackend.POSTGRES, texts, "die"));
  }

  @Disabled("BUG: PostgreSQL keeps e-mail addresses, URLs, paths and decimal numbers as single tokens, SQLite splits "
      + "them: 'ada' finds 'ada@example.com' and '3.5' finds 'version 3.5' on SQLite only")
  @Test
  void wordsInsideAddressesPathsAndNumbersAreFoundAlikeOnBothBackends() throws IOException {
    List<String> texts = List.of("write to ada@example.com", "version 3.5 released", "see https://orcheo.example/docs",
        "files in /usr/local/bin");

    for (String query : List.of("ada", "ada@example.com", "3.5", "docs", "local")) {
      assertThat(found(TestBackend.POSTGRES, texts, query)).as(query)
          .isEqualTo(found(TestBackend.SQLITE, texts, query));
    }
  }
}
