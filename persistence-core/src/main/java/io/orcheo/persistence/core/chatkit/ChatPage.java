package io.orcheo.persistence.core.chatkit;

import java.util.List;
import java.util.Objects;

/**
 * One page of a ChatKit listing, shaped like ChatKit's {@code Page}.
 *
 * @param data the threads or items, in the requested order
 * @param hasMore whether a next page has at least one element
 * @param after the id to pass as {@link ChatPageRequest#after()} for the next page; {@code null} when
 *     {@code hasMore} is false
 */
public record ChatPage<T>(List<T> data, boolean hasMore, String after) {
  public ChatPage {
    data = List.copyOf(Objects.requireNonNull(data, "data"));
    if (hasMore != (after != null)) {
      throw new IllegalArgumentException("after is set exactly when hasMore is true");
    }
  }
}
