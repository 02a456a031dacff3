package io.orcheo.persistence.core.chatkit;

import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.page.PageRequest;
import java.util.Objects;

/**
 * Which page of a ChatKit listing to read: ChatKit's {@code limit}, {@code after} and {@code order}. Pages are keyset
 * pages, so one costs the same wherever it starts: threads are ordered by {@code (created_at, id)}, items by
 * {@code (ordinal, id)}, in {@code order}'s direction.
 *
 * @param limit the page size, 1 to {@value PageRequest#MAX_LIMIT}
 * @param after the id of the last thread or item of the previous page ({@link ChatPage#after()}), or {@code null}
 *     for the first page. It must name a thread or item of the listing's scope; an unknown one is rejected with
 *     {@link UnknownPageMarkerException} rather than silently restarting from the first page.
 * @param order ascending or descending
 */
public record ChatPageRequest(int limit, String after, SortOrder order) {
  /** The page size of {@link #first()}. */
  public static final int DEFAULT_LIMIT = PageRequest.DEFAULT_LIMIT;

  public ChatPageRequest {
    if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
      throw new ValidationException("Page limit must be between 1 and " + PageRequest.MAX_LIMIT + ", got " + limit);
    }
    if (after != null && after.isEmpty()) {
      after = null;
    }
    Objects.requireNonNull(order, "order");
  }

  /** The first {@value #DEFAULT_LIMIT}, newest first (ChatKit's default order). */
  public static ChatPageRequest first() {
    return new ChatPageRequest(DEFAULT_LIMIT, null, SortOrder.DESC);
  }

  /** The first {@code limit}, in {@code order}. */
  public static ChatPageRequest first(int limit, SortOrder order) {
    return new ChatPageRequest(limit, null, order);
  }

  /** The page that follows {@code page}, of the same size and order; {@code null} if it was the last. */
  public ChatPageRequest next(ChatPage<?> page) {
    return page.hasMore() ? new ChatPageRequest(limit, page.after(), order) : null;
  }
}
