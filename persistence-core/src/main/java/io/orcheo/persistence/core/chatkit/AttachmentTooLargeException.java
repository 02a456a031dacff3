package io.orcheo.persistence.core.chatkit;

import io.orcheo.persistence.core.error.ValidationException;

/** An upload is larger than {@code ORCHEO_CHATKIT_MAX_UPLOAD_SIZE_BYTES} (upstream answers HTTP 413). */
public class AttachmentTooLargeException extends ValidationException {
  private static final long serialVersionUID = 1L;
  private final long limit;

  /** For an upload over {@code limit} bytes. */
  public AttachmentTooLargeException(String name, long limit) {
    super("Attachment '" + name + "' is larger than the limit of " + limit + " bytes");
    this.limit = limit;
  }

  /** The limit, in bytes. */
  public long limit() {
    return limit;
  }
}
