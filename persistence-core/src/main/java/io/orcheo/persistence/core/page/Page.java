package io.orcheo.persistence.core.page;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a keyset-paginated listing.
 *
 * @param items the items of this page, in the listing's order
 * @param nextCursor where the next page starts, or {@code null} when this is the last page
 */
public record Page<T>(List<T> items, String nextCursor) {
  public Page {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
  }

  /** Whether a next page may hold more items. */
  public boolean hasNext() {
    return nextCursor != null;
  }

  /** The request for the next page, of the same size, if there is one. */
  public Optional<PageRequest> next(int limit) {
    return hasNext() ? Optional.of(PageRequest.after(nextCursor, limit)) : Optional.empty();
  }
}
