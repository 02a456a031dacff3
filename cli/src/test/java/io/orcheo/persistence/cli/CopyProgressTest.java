package io.orcheo.persistence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The copy's progress bar: rows of the planned total, rates and the time left, on one redrawn line. */
class CopyProgressTest {
  private final StringWriter err = new StringWriter();
  private final CopyProgress progress = new CopyProgress(new PrintWriter(err));

  @Test
  void theFirstBatchShowsItsShareOfThePlannedRowsAndATimeLeft() {
    progress.copyPlanned(1000);

    progress.batchCommitted("workflow_runs", 250, 50_000);

    assertThat(err.toString()).startsWith("\r[######                  ]  25% 250/1,000 rows")
        .contains(" rows/s ").contains(" MB/s").contains("ETA ").endsWith("workflow_runs");
  }

  @Test
  void theLastBatchIsAlwaysDrawnAtAHundredPercent() {
    progress.copyPlanned(1000);
    progress.batchCommitted("workflow_runs", 400, 1);

    progress.batchCommitted("chat_messages", 600, 1);

    assertThat(err.toString()).contains("\r[########################] 100% 1,000/1,000 rows").contains("ETA 0:00");
  }

  @Test
  void withoutAPlanOnlyTheRowsSoFarAreShown() {
    progress.batchCommitted("credentials", 7, 700);

    assertThat(err.toString()).startsWith("\r7 rows  ").doesNotContain("ETA").doesNotContain("%");
  }

  @Test
  void aShorterLineWipesWhatTheLongerOneBeforeItLeft() {
    progress.batchCommitted("t".repeat(120), 1, 1);
    String first = err.toString();
    err.getBuffer().setLength(0);
    progress.copyPlanned(3);

    progress.batchCommitted("t", 2, 1);

    String second = err.toString();
    assertThat(second).startsWith("\r").endsWith(" ");
    assertThat(second.length()).isGreaterThanOrEqualTo(first.length());
  }

  @Test
  void bytesAddUpOverBatches() {
    progress.batchCommitted("t", 1, 100);
    progress.batchCommitted("t", 1, 23);

    assertThat(progress.bytes()).isEqualTo(123);
  }
}
