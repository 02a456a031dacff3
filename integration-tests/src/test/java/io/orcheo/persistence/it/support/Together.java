package io.orcheo.persistence.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs one body on several threads released at the same moment, as concurrent callers (or processes) would be.
 * A body's unexpected exception does not stop the others; every one of them fails the test afterwards, with its
 * stack trace.
 */
public final class Together {
  private Together() {}

  /** The work of one thread; {@code thread} runs from 0 to the thread count - 1. */
  @FunctionalInterface
  public interface ThreadBody {
    void run(int thread) throws Exception;
  }

  /**
   * Runs {@code body} on {@code threads} threads released together and waits for all of them.
   *
   * @param timeoutSeconds how long they may take in all before the test fails
   */
  public static void run(int threads, int timeoutSeconds, ThreadBody body) throws InterruptedException {
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      for (int i = 0; i < threads; i++) {
        int thread = i;
        pool.execute(() -> {
          ready.countDown();
          try {
            start.await();
            body.run(thread);
          } catch (Throwable t) {
            failures.add(new AssertionError("thread " + thread + " failed", t));
          }
        });
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).as("all threads ready").isTrue();
      start.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(timeoutSeconds, TimeUnit.SECONDS))
          .as("all threads finished within %d s", timeoutSeconds).isTrue();
    } finally {
      pool.shutdownNow();
    }
    assertThat(failures).as("unexpected failures seen by the threads:%n%s", stackTraces(failures)).isEmpty();
  }

  private static String stackTraces(Queue<Throwable> failures) {
    StringWriter out = new StringWriter();
    PrintWriter printer = new PrintWriter(out);
    failures.forEach(failure -> failure.printStackTrace(printer));
    printer.flush();
    return out.toString();
  }
}
