package io.orcheo.persistence.core.chatkit;

import io.orcheo.persistence.core.error.NotFoundException;

/** The thread has no item with the id (upstream's {@code NotFoundError}, same message). */
public class ThreadItemNotFoundException extends NotFoundException {
  private static final long serialVersionUID = 1L;
  private final String threadId;
  private final String itemId;

  /** For {@code itemId} in {@code threadId}. */
  public ThreadItemNotFoundException(String threadId, String itemId) {
    super("Item " + itemId + " not found in thread " + threadId);
    this.threadId = threadId;
    this.itemId = itemId;
  }

  /** The thread searched. */
  public String threadId() {
    return threadId;
  }

  /** The unknown item id. */
  public String itemId() {
    return itemId;
  }
}
