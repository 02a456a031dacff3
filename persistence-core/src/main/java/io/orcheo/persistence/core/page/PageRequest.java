package io.orcheo.persistence.core.page;

import io.orcheo.persistence.core.error.ValidationException;

/**
 * Which page of a keyset-paginated listing to fetch: at most {@code limit} items after {@code cursor}, or the first
 * page when the cursor is {@code null}. Cursors are opaque strings handed out in {@link Page#nextCursor()}; one that
 * was not issued by the same listing is rejected with a {@link ValidationException}.
 *
 * @param limit the page size, 1 to {@value #MAX_LIMIT}
 * @param cursor the {@link Page#nextCursor()} of the previous page, or {@code null} for the first page
 */
public record PageRequest(int limit, String cursor) {
  /** The page size of {@link #first()}. */
  public static final int DEFAULT_LIMIT = 50;
  /** The largest page a listing returns at once. */
  public static final int MAX_LIMIT = 1000;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException("Page limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (cursor != null && cursor.isBlank()) {
      throw new ValidationException("Page cursor must not be blank; pass null for the first page");
    }
  }

  /** The first page, of {@value #DEFAULT_LIMIT} items. */
  public static PageRequest first() {
    return new PageRequest(DEFAULT_LIMIT, null);
  }

  /** The first page, of {@code limit} items. */
  public static PageRequest first(int limit) {
    return new PageRequest(limit, null);
  }

  /** The page after {@code cursor}, of {@code limit} items. */
  public static PageRequest after(String cursor, int limit) {
    return new PageRequest(limit, cursor);
  }
}
