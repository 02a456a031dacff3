package io.orcheo.persistence.benchmarks;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.config.PostgresDsn;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.migration.SqliteToPostgresCopy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code migrate copy}'s throughput: seeds a SQLite deployment of about {@code --megabytes=N} (default 200; 1,024 for
 * the 1 GB target; {@code --quick} is 20) of ChatKit items of about 1 KB each, then copies it into an embedded
 * PostgreSQL and prints rows/s, MB/s (of SQLite file) and the peak heap seen while copying, sampled every 10 ms. The
 * heap should not grow with the deployment: the copy holds one batch at a time.
 */
public final class MigrationBenchmark {
  private static final int MESSAGES_PER_THREAD = 1000;
  private static final String TEXT = "The deployment finished in twelve minutes without errors; the pool of workers "
      + "was resized and every request got its connection. ".repeat(6);

  private MigrationBenchmark() {}

  public static void main(String[] args) throws IOException, SQLException, InterruptedException {
    long megabytes = 200;
    for (String arg : args) {
      if (arg.equals("--quick")) {
        megabytes = 20;
      } else if (arg.startsWith("--megabytes=")) {
        megabytes = Long.parseLong(arg.substring("--megabytes=".length()));
      }
    }
    Path directory = Files.createTempDirectory("orcheo-migration-bench-");
    PersistenceSettings sqlite = PersistenceSettings.defaults().withSqliteDirectory(directory);
    OrcheoPersistence.open(sqlite).close();
    long rows = seed(directory.resolve("chatkit.sqlite"), megabytes * 1_000_000L);
    long fileBytes = 0;
    for (String name : new String[] {"workflows.sqlite", "chatkit.sqlite", "service_tokens.sqlite", "vault.sqlite"}) {
      fileBytes += Files.size(directory.resolve(name));
    }
    System.out.printf("Seeded %,d chat items, %.1f MB of SQLite files%n", rows, fileBytes / 1e6);

    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        OrcheoPersistence target = OrcheoPersistence.open(
            sqlite.withPostgres(PostgresDsn.parse(postgres.getJdbcUrl("postgres", "postgres"))))) {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      System.gc();
      long before = memory.getHeapMemoryUsage().getUsed();
      AtomicLong peak = new AtomicLong(before);
      Thread sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(10);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.setDaemon(true);
      sampler.start();
      long started = System.nanoTime();
      SqliteToPostgresCopy.Report report = SqliteToPostgresCopy.of(sqlite, target, directory.resolve("state.json"),
          false).run(SqliteToPostgresCopy.Listener.NONE);
      double seconds = (System.nanoTime() - started) / 1e9;
      sampler.interrupt();
      sampler.join();
      long copied = report.rows().values().stream().mapToLong(Long::longValue).sum();
      System.out.printf("migrate copy: %,d rows in %.1f s: %,.0f rows/s, %.1f MB/s of SQLite file, %.1f MB/s of COPY"
          + " data; heap before %.0f MB, peak %.0f MB (max %.0f MB)%n", copied, seconds, copied / seconds,
          fileBytes / 1e6 / seconds, report.bytes() / 1e6 / seconds, before / 1e6, peak.get() / 1e6,
          Runtime.getRuntime().maxMemory() / 1e6);
    } finally {
      TrialDatabase.deleteRecursively(directory);
    }
  }

  /** Threads of 1,000 items of about 1 KB each until about {@code bytes} of item JSON are written. */
  private static long seed(Path chatkit, long bytes) throws SQLException {
    long rows = 0;
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + chatkit)) {
      connection.setAutoCommit(false);
      try (PreparedStatement thread = connection.prepareStatement("INSERT INTO chat_threads (id, title, workflow_id,"
              + " status_json, metadata_json, created_at, updated_at) VALUES (?, ?, NULL, '{\"type\":\"active\"}',"
              + " '{}', ?, ?)");
          PreparedStatement item = connection.prepareStatement("INSERT INTO chat_messages (id, thread_id, ordinal,"
              + " item_type, item_json, created_at) VALUES (?, ?, ?, 'user_message', ?, ?)")) {
        long written = 0;
        for (int t = 0; written < bytes; t++) {
          String threadId = String.format("thr_%08x", t);
          String created = String.format("2025-01-01T00:00:%02d.%06d+00:00", t % 60, t % 1_000_000);
          thread.setString(1, threadId);
          thread.setString(2, "Thread " + t);
          thread.setString(3, created);
          thread.setString(4, created);
          thread.executeUpdate();
          for (int i = 0; i < MESSAGES_PER_THREAD && written < bytes; i++) {
            String json = "{\"id\":\"msg_" + t + "_" + i + "\",\"type\":\"user_message\",\"thread_id\":\"" + threadId
                + "\",\"content\":[{\"type\":\"input_text\",\"text\":\"" + TEXT + i + "\"}]}";
            item.setString(1, "msg_" + t + "_" + i);
            item.setString(2, threadId);
            item.setInt(3, i);
            item.setString(4, json);
            item.setString(5, created);
            item.addBatch();
            written += json.length();
            rows++;
          }
          item.executeBatch();
          connection.commit();
        }
      }
    }
    return rows;
  }
}
