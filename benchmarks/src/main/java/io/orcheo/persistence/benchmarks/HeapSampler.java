package io.orcheo.persistence.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * The heap a piece of work needs, seen three ways while it runs: the peak of the heap in use, sampled every
 * {@value #PERIOD_MS} ms ({@link MemoryMXBean}); the sum of the heap pools' own peaks (which the JVM tracks exactly,
 * but each pool peaks at its own moment, so the sum is an upper bound); and the largest heap left after a
 * collection (the pools' collection usage), which is what the work keeps alive rather than garbage not yet collected.
 * The last is the one that shows whether memory grows with the data: the others mostly follow the young generation's
 * size, which the JVM chooses.
 */
final class HeapSampler implements AutoCloseable {
  private static final long PERIOD_MS = 10;

  /**
   * What was seen, in bytes.
   *
   * @param before heap in use at the start, after a full collection
   * @param sampledPeak the peak of heap in use
   * @param poolPeaks the sum of the heap pools' peaks
   * @param afterCollectionPeak the largest heap in use right after a collection
   */
  record Peaks(long before, long sampledPeak, long poolPeaks, long afterCollectionPeak) {}

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
  private final long before;
  private final Thread thread;
  private volatile long sampledPeak;
  private volatile long afterCollectionPeak;
  private Peaks peaks;

  HeapSampler() {
    System.gc();
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    before = memory.getHeapMemoryUsage().getUsed();
    sampledPeak = before;
    afterCollectionPeak = before;
    thread = new Thread(this::sample, "heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    while (!Thread.currentThread().isInterrupted()) {
      sampledPeak = Math.max(sampledPeak, memory.getHeapMemoryUsage().getUsed());
      long afterCollection = 0;
      for (MemoryPoolMXBean pool : pools) {
        MemoryUsage usage = pool.getCollectionUsage();
        afterCollection += usage == null ? 0 : usage.getUsed();
      }
      afterCollectionPeak = Math.max(afterCollectionPeak, afterCollection);
      try {
        Thread.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops sampling and returns what was seen. */
  Peaks peaks() {
    if (peaks == null) {
      thread.interrupt();
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      long poolPeaks = pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
      peaks = new Peaks(before, sampledPeak, poolPeaks, afterCollectionPeak);
    }
    return peaks;
  }

  @Override
  public void close() {
    peaks();
  }
}
