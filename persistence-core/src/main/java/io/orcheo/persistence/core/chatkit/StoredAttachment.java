package io.orcheo.persistence.core.chatkit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An attachment with what the store keeps beside it: the thread it was saved for and where its file lies.
 *
 * @param attachment the ChatKit object
 * @param threadId the thread, or {@code null} (uploads start detached; deleting the thread detaches)
 * @param storagePath the uploaded file, or {@code null} when the store holds no file for it
 * @param savedAt when it was last saved (upstream rewrites this on every save)
 */
public record StoredAttachment(ChatAttachment attachment, String threadId, Path storagePath, Instant savedAt) {
  public StoredAttachment {
    Objects.requireNonNull(attachment, "attachment");
    Objects.requireNonNull(savedAt, "savedAt");
  }

  /** The thread, if attached to one. */
  public Optional<String> thread() {
    return Optional.ofNullable(threadId);
  }

  /** The uploaded file, if any. */
  public Optional<Path> file() {
    return Optional.ofNullable(storagePath);
  }
}
