package io.orcheo.persistence.cli;

import io.orcheo.persistence.migration.SqliteToPostgresCopy;
import java.io.PrintWriter;

/**
 * A progress bar on stderr, redrawn at most every {@value #REDRAW_MILLIS} ms: rows so far (of how many, when the
 * copy planned them), MB/s of COPY data, and the time left at the rate so far.
 */
final class CopyProgress implements SqliteToPostgresCopy.Listener {
  private static final long REDRAW_MILLIS = 250;
  private static final int BAR = 24;

  private final PrintWriter err;
  private final long started = System.nanoTime();
  private long planned = -1;
  private long rows;
  private long bytes;
  private Long drawn;
  private int width;

  CopyProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void copyPlanned(long rows) {
    planned = rows;
  }

  @Override
  public synchronized void batchCommitted(String table, long batchRows, long batchBytes) {
    rows += batchRows;
    bytes += batchBytes;
    long now = System.nanoTime();
    if (drawn == null || now - drawn >= REDRAW_MILLIS * 1_000_000 || rows == planned) {
      drawn = now;
      draw(table, now);
    }
  }

  private void draw(String table, long now) {
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    double rate = rows / seconds;
    StringBuilder line = new StringBuilder("\r");
    if (planned > 0) {
      int filled = (int) Math.min(BAR, BAR * rows / planned);
      line.append('[').append("#".repeat(filled)).append(" ".repeat(BAR - filled)).append("] ")
          .append(String.format("%3d%% ", Math.min(100, 100 * rows / planned)))
          .append(String.format("%,d/%,d rows", rows, planned));
    } else {
      line.append(String.format("%,d rows", rows));
    }
    line.append(String.format("  %,.0f rows/s  %.2f MB/s", rate, bytes / seconds / 1e6));
    if (planned > 0 && rate > 0) {
      long left = Math.round(Math.max(0, planned - rows) / rate);
      line.append(String.format("  ETA %d:%02d", left / 60, left % 60));
    }
    line.append("  ").append(table);
    // Spaces, not a terminal escape, wipe what a longer previous line left: stderr may be a log file.
    int length = line.length();
    line.append(" ".repeat(Math.max(0, width - length)));
    width = length;
    err.print(line);
    err.flush();
  }

  synchronized long bytes() {
    return bytes;
  }

  synchronized void done() {
    err.println();
    err.flush();
  }
}
