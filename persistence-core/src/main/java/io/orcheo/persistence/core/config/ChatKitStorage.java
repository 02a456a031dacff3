package io.orcheo.persistence.core.config;

import io.orcheo.persistence.core.error.ConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where ChatKit keeps uploaded files, how large one may be, and how long an untouched thread is kept, with upstream
 * Orcheo's defaults.
 *
 * @param storagePath the directory of uploaded files ({@code ORCHEO_CHATKIT_STORAGE_PATH}, default
 *     {@code ~/.orcheo/chatkit}), made absolute
 * @param maxUploadSizeBytes the largest upload accepted ({@code ORCHEO_CHATKIT_MAX_UPLOAD_SIZE_BYTES}, default
 *     5,000,000), positive
 * @param retentionDays how many days after its last change a thread is pruned ({@code ORCHEO_CHATKIT_RETENTION_DAYS},
 *     default 30), positive
 */
public record ChatKitStorage(Path storagePath, long maxUploadSizeBytes, int retentionDays) {
  /** Upstream's default upload limit. */
  public static final long DEFAULT_MAX_UPLOAD_SIZE_BYTES = 5_000_000L;
  /** Upstream's default retention. */
  public static final int DEFAULT_RETENTION_DAYS = 30;

  /**
   * Checks the values, naming the offending setting's key.
   *
   * @throws ConfigurationException if the size or the retention is not positive
   */
  public ChatKitStorage {
    storagePath = Objects.requireNonNull(storagePath, "storagePath").toAbsolutePath().normalize();
    if (maxUploadSizeBytes < 1) {
      throw new ConfigurationException(PersistenceSettings.CHATKIT_MAX_UPLOAD_SIZE_KEY,
          PersistenceSettings.CHATKIT_MAX_UPLOAD_SIZE_KEY + " must be at least 1 (got " + maxUploadSizeBytes + ").");
    }
    if (retentionDays < 1) {
      throw new ConfigurationException(PersistenceSettings.CHATKIT_RETENTION_DAYS_KEY,
          PersistenceSettings.CHATKIT_RETENTION_DAYS_KEY + " must be at least 1 (got " + retentionDays + ").");
    }
  }

  /** The retention as a duration. */
  public Duration retention() {
    return Duration.ofDays(retentionDays);
  }

  /** A copy with its files in another directory. */
  public ChatKitStorage withStoragePath(Path directory) {
    return new ChatKitStorage(directory, maxUploadSizeBytes, retentionDays);
  }
}
