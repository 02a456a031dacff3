package io.orcheo.persistence.jooq.chatkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** File names of uploads. */
class UploadNamesTest {

  @Test
  void aPlainNameIsKept() {
    assertThat(UploadNames.sanitize("report-2025_v2.pdf")).isEqualTo("report-2025_v2.pdf");
  }

  @Test
  void directoriesAreDropped() {
    assertThat(UploadNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
    assertThat(UploadNames.sanitize("C:\\Users\\me\\notes.txt")).isEqualTo("notes.txt");
  }

  @Test
  void unsafeCharactersBecomeUnderscores() {
    assertThat(UploadNames.sanitize("my notes (final)!.txt")).isEqualTo("my_notes__final__.txt");
    assertThat(UploadNames.sanitize("Résumé.pdf")).isEqualTo("R_sum_.pdf");
  }

  @Test
  void leadingDotsAreRemoved() {
    assertThat(UploadNames.sanitize(".bashrc")).isEqualTo("bashrc");
    assertThat(UploadNames.sanitize("..")).isEqualTo("file");
  }

  @Test
  void aNameWithNothingSafeBecomesFile() {
    assertThat(UploadNames.sanitize("履歴書")).isEqualTo("file");
    assertThat(UploadNames.sanitize("")).isEqualTo("file");
  }

  @Test
  void aLongNameKeepsItsEnd() {
    String sanitized = UploadNames.sanitize("x".repeat(500) + ".csv");

    assertThat(sanitized).hasSize(UploadNames.MAX_BYTES).endsWith(".csv");
  }
}
