package io.orcheo.persistence.core.chatkit;

import io.orcheo.persistence.core.error.NotFoundException;

/** No thread has the id (upstream's {@code NotFoundError}, same message). */
public class ChatThreadNotFoundException extends NotFoundException {
  private static final long serialVersionUID = 1L;
  private final String threadId;

  /** For {@code threadId}. */
  public ChatThreadNotFoundException(String threadId) {
    super("Thread " + threadId + " not found");
    this.threadId = threadId;
  }

  /** The unknown thread id. */
  public String threadId() {
    return threadId;
  }
}
