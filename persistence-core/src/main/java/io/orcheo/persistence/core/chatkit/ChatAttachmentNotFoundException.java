package io.orcheo.persistence.core.chatkit;

import io.orcheo.persistence.core.error.NotFoundException;

/** No attachment has the id (upstream's {@code NotFoundError}, same message). */
public class ChatAttachmentNotFoundException extends NotFoundException {
  private static final long serialVersionUID = 1L;
  private final String attachmentId;

  /** For {@code attachmentId}. */
  public ChatAttachmentNotFoundException(String attachmentId) {
    super("Attachment " + attachmentId + " not found");
    this.attachmentId = attachmentId;
  }

  /** The unknown attachment id. */
  public String attachmentId() {
    return attachmentId;
  }
}
