package io.orcheo.persistence.jooq.runtime;

import io.orcheo.persistence.core.error.StorageUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes the setup of one SQLite file (its first connection, which switches it to WAL, and the Liquibase update)
 * between threads and processes, through an OS lock on a sibling {@code <file>.lock}.
 *
 * <p>Without it, processes started together on a fresh file race: switching to WAL and Liquibase's first writes can
 * fail with {@code SQLITE_BUSY}, and a Liquibase update that fails that way may leave its lock row taken, so every
 * later start waits for it and fails. Holding this lock also proves that no other process of ours is updating the
 * file, which makes a taken Liquibase lock row a leftover of a crash ({@link Database#migrate()} clears it). The OS
 * releases the lock when a process dies. Upstream Orcheo neither takes it nor needs to: it runs no Liquibase.
 *
 * <p>The vault also creates its key file under its database's setup lock, so that processes finding no key agree on
 * one.
 */
public final class SqliteSetupLock implements AutoCloseable {
  // FileChannel.lock is per process: a second channel of the same JVM would get OverlappingFileLockException.
  private static final ConcurrentMap<Path, ReentrantLock> IN_THIS_PROCESS = new ConcurrentHashMap<>();

  private final ReentrantLock local;
  private final FileChannel channel;
  private final FileLock lock;

  private SqliteSetupLock(ReentrantLock local, FileChannel channel, FileLock lock) {
    this.local = local;
    this.channel = channel;
    this.lock = lock;
  }

  /** Waits for the setup lock of {@code databaseFile} (absolute and normalized). */
  public static SqliteSetupLock acquire(Path databaseFile) {
    Path lockFile = databaseFile.resolveSibling(databaseFile.getFileName() + ".lock");
    ReentrantLock local = IN_THIS_PROCESS.computeIfAbsent(lockFile, file -> new ReentrantLock());
    local.lock();
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new SqliteSetupLock(local, channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      local.unlock();
      throw new StorageUnavailableException("Cannot lock " + lockFile + " to set up SQLite database " + databaseFile
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases it too.
    } finally {
      closeQuietly(channel);
      local.unlock();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing left to release.
      }
    }
  }
}
