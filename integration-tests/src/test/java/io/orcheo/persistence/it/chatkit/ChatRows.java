package io.orcheo.persistence.it.chatkit;

import io.orcheo.persistence.it.support.StoreRows;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Store;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** {@link StoreRows} on ChatKit's database, with the reads the ChatKit contracts share. */
final class ChatRows extends StoreRows {
  ChatRows(OrcheoPersistence persistence, TestBackend backend) {
    super(persistence, backend, Store.CHATKIT);
  }

  /** The thread's {@code updated_at}. */
  Instant updatedAt(String threadId) throws SQLException {
    return instant("SELECT updated_at FROM chat_threads WHERE id = ?", threadId);
  }

  /** The ordinals of the thread's items, ascending. */
  List<Integer> ordinals(String threadId) throws SQLException {
    return column("SELECT ordinal FROM chat_messages WHERE thread_id = ? ORDER BY ordinal, id", threadId).stream()
        .map(Integer::valueOf).toList();
  }

  /** The ids of the thread's items by (ordinal, id). */
  List<String> itemIds(String threadId) throws SQLException {
    return column("SELECT id FROM chat_messages WHERE thread_id = ? ORDER BY ordinal, id", threadId);
  }
}
