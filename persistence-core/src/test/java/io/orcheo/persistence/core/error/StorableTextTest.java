package io.orcheo.persistence.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one rule for text both backends must store alike. */
class StorableTextTest {

  @Test
  void ordinaryTextAndSurrogatePairsPass() {
    assertThat(StorableText.require("Résumé — 履歴書 📄", "title")).isEqualTo("Résumé — 履歴書 📄");
    assertThat(StorableText.require(null, "title")).isNull();
  }

  @Test
  void aNulCharacterIsRejectedNamingTheField() {
    assertThatThrownBy(() -> StorableText.require("a\0b", "title"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("title contains a NUL character (\\u0000), which PostgreSQL cannot store");
  }

  @Test
  void aLoneHighSurrogateIsRejected() {
    assertThatThrownBy(() -> StorableText.require("ab\uD83D", "title"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("lone UTF-16 surrogate (\\ud83d) at index 2");
  }

  @Test
  void aLoneLowSurrogateIsRejected() {
    assertThat(StorableText.problem("\uDCC4x")).contains("\\udcc4").contains("index 0");
  }

  @Test
  void reversedSurrogatesAreTwoLoneOnes() {
    assertThat(StorableText.problem("\uDCC4\uD83D")).isNotNull();
  }
}
