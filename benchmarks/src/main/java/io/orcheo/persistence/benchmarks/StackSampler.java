package io.orcheo.persistence.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Where a group of threads spends its time, from their stacks sampled every {@value #PERIOD_MS} ms: the threads whose
 * names start with a prefix (the copy's workers and loaders), each sample filed under the thread's role (its name
 * without the number), the innermost frame of the code being examined (a package prefix, e.g. the migration module)
 * as {@code Class.method:line}, and the library the thread was in at that moment (sqlite-jdbc reading, pgjdbc waiting
 * for the server, Jackson, the JDK…). A thread parked with no migration frame on its stack is idle and not counted.
 * Coarse, and biased towards safepoints like any sampler built on {@link Thread#getAllStackTraces()}, but it needs no
 * agent and tells a read-bound copy from a server-bound one.
 */
final class StackSampler implements AutoCloseable {
  private static final long PERIOD_MS = 10;

  private final String threadPrefix;
  private final String examined;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final AtomicLong samples = new AtomicLong();
  private final Thread sampler;

  /**
   * Samples the threads named {@code threadPrefix}…, filing samples under the innermost frame whose class starts with
   * {@code examined}.
   */
  StackSampler(String threadPrefix, String examined) {
    this.threadPrefix = threadPrefix;
    this.examined = examined;
    sampler = new Thread(this::sample, "stack-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    while (!Thread.currentThread().isInterrupted()) {
      for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
        Thread thread = entry.getKey();
        StackTraceElement[] stack = entry.getValue();
        if (!thread.getName().startsWith(threadPrefix) || stack.length == 0) {
          continue;
        }
        String place = classify(stack);
        if (place == null) {
          continue;
        }
        samples.incrementAndGet();
        String role = thread.getName().replaceAll("-\\d+$", "");
        counts.computeIfAbsent(role + ": " + place, key -> new AtomicLong()).incrementAndGet();
      }
      try {
        Thread.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private String classify(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().startsWith(examined)) {
        String name = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
        return name + "." + frame.getMethodName() + ":" + frame.getLineNumber() + " in " + library(stack[0]);
      }
    }
    // No migration frame: a pool thread waiting for its next task.
    return null;
  }

  private static String library(StackTraceElement top) {
    String name = top.getClassName();
    if (name.startsWith("org.sqlite.")) {
      return "sqlite-jdbc";
    }
    if (name.startsWith("org.postgresql.") || name.startsWith("sun.nio.ch.") || name.startsWith("java.net.")
        || name.startsWith("sun.nio.cs.") && top.getMethodName().contains("encode")) {
      return "pgjdbc/socket";
    }
    if (name.startsWith("com.fasterxml.jackson.")) {
      return "Jackson";
    }
    if (name.startsWith("com.zaxxer.hikari.")) {
      return "HikariCP";
    }
    if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
      return "JDK " + name.substring(name.lastIndexOf('.') + 1) + "." + top.getMethodName();
    }
    return name.substring(name.lastIndexOf('.') + 1) + "." + top.getMethodName();
  }

  /** The {@code limit} most frequent places, with their share of the samples, one per line. */
  String report(int limit) {
    sampler.interrupt();
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long total = Math.max(1, samples.get());
    Map<String, Long> sorted = counts.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
        .limit(limit)
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get(), (a, b) -> a,
            LinkedHashMap::new));
    StringBuilder out = new StringBuilder();
    sorted.forEach((place, count) -> out.append(String.format("  %5.1f %%  %s%n", 100.0 * count / total, place)));
    return out.toString();
  }

  @Override
  public void close() {
    sampler.interrupt();
  }
}
