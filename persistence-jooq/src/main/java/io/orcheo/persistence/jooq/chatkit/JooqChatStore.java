package io.orcheo.persistence.jooq.chatkit;

import static io.orcheo.persistence.jooq.generated.Tables.CHAT_ATTACHMENTS;
import static io.orcheo.persistence.jooq.generated.Tables.CHAT_MESSAGES;
import static io.orcheo.persistence.jooq.generated.Tables.CHAT_THREADS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.chatkit.AttachmentTooLargeException;
import io.orcheo.persistence.core.chatkit.ChatAttachment;
import io.orcheo.persistence.core.chatkit.ChatAttachmentNotFoundException;
import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatIds;
import io.orcheo.persistence.core.chatkit.ChatPage;
import io.orcheo.persistence.core.chatkit.ChatPageRequest;
import io.orcheo.persistence.core.chatkit.ChatStatus;
import io.orcheo.persistence.core.chatkit.ChatStore;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.core.chatkit.ChatThreadNotFoundException;
import io.orcheo.persistence.core.chatkit.ItemType;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.core.chatkit.StoredAttachment;
import io.orcheo.persistence.core.chatkit.ThreadItem;
import io.orcheo.persistence.core.chatkit.ThreadItemNotFoundException;
import io.orcheo.persistence.core.chatkit.UnknownPageMarkerException;
import io.orcheo.persistence.core.config.ChatKitStorage;
import io.orcheo.persistence.core.error.StorableText;
import io.orcheo.persistence.core.error.StorageException;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.json.JsonContainment;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.binding.UpstreamTimestamps;
import io.orcheo.persistence.jooq.generated.tables.records.ChatAttachmentsRecord;
import io.orcheo.persistence.jooq.generated.tables.records.ChatMessagesRecord;
import io.orcheo.persistence.jooq.generated.tables.records.ChatThreadsRecord;
import io.orcheo.persistence.jooq.json.JsonPredicates;
import io.orcheo.persistence.jooq.runtime.ConcurrentUpdateException;
import io.orcheo.persistence.jooq.runtime.RowLocks;
import io.orcheo.persistence.jooq.runtime.Transactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.SortField;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ChatStore} on SQLite or PostgreSQL, whichever the {@link Transactor}'s context speaks.
 *
 * <p>Writes that read first lock the thread's row ({@link RowLocks}; SQLite's write lock on SQLite): an item's
 * ordinal is {@code MAX(ordinal) + 1} of its thread under that lock, so concurrent writers, in one process or
 * several, get consecutive positions. Pages are keyset pages: the {@code after} marker's sort key is read, then the
 * page is sought past it ({@code (created_at, id)} for threads, {@code (ordinal, id)} for items) on the indexes the
 * changelog declares for exactly these queries.
 */
public final class JooqChatStore implements ChatStore {
  private static final Logger log = LoggerFactory.getLogger(JooqChatStore.class);
  private static final int PRUNE_BATCH = 500;

  private final Transactor db;
  private final Clock clock;
  private final ChatKitStorage storage;

  /** Runs on {@code db}; {@code clock} gives the timestamps it writes; {@code storage} places uploads. */
  public JooqChatStore(Transactor db, Clock clock, ChatKitStorage storage) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.storage = Objects.requireNonNull(storage, "storage");
  }

  // --- Threads -------------------------------------------------------------------------------------------------

  @Override
  public ChatThread loadThread(String threadId) {
    Objects.requireNonNull(threadId, "threadId");
    return db.read("load thread " + threadId, dsl -> thread(dsl, threadId));
  }

  @Override
  public ChatThread saveThread(ChatThread thread, ChatContext context) {
    Objects.requireNonNull(thread, "thread");
    Objects.requireNonNull(context, "context");
    ChatThread stored = context.applyTo(thread);
    ObjectNode status = stored.status().toJson();
    ObjectNode metadata = stored.metadata();
    JsonCodec.requireStorable(metadata);
    String workflowId = StorableText.require(stored.workflowId().orElse(null), "metadata.workflow_id");
    return db.inTransaction("save thread " + stored.id(), dsl -> {
      Instant now = now();
      dsl.insertInto(CHAT_THREADS)
          .set(CHAT_THREADS.ID, stored.id())
          .set(CHAT_THREADS.TITLE, stored.title())
          .set(CHAT_THREADS.WORKFLOW_ID, workflowId)
          .set(CHAT_THREADS.STATUS_JSON, status)
          .set(CHAT_THREADS.METADATA_JSON, metadata)
          .set(CHAT_THREADS.CREATED_AT, stored.createdAt())
          .set(CHAT_THREADS.UPDATED_AT, now)
          .onConflict(CHAT_THREADS.ID)
          .doUpdate()
          .set(CHAT_THREADS.TITLE, excluded(CHAT_THREADS.TITLE))
          .set(CHAT_THREADS.WORKFLOW_ID, excluded(CHAT_THREADS.WORKFLOW_ID))
          .set(CHAT_THREADS.STATUS_JSON, excluded(CHAT_THREADS.STATUS_JSON))
          .set(CHAT_THREADS.METADATA_JSON, excluded(CHAT_THREADS.METADATA_JSON))
          .set(CHAT_THREADS.UPDATED_AT, excluded(CHAT_THREADS.UPDATED_AT))
          .execute();
      return thread(dsl, stored.id());
    });
  }

  @Override
  public ChatPage<ChatThread> listThreads(ChatPageRequest page, ChatContext context) {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(context, "context");
    Condition scope = context.workflow().map(CHAT_THREADS.WORKFLOW_ID::eq).orElse(noCondition());
    String described = context.workflow().map(w -> "a thread of workflow " + w).orElse("a thread");
    return db.read("list threads", dsl -> threadPage(dsl, scope, scope, described, page));
  }

  @Override
  public ChatPage<ChatThread> filterThreads(ObjectNode metadataFilter, ChatPageRequest page) {
    Objects.requireNonNull(metadataFilter, "metadataFilter");
    Objects.requireNonNull(page, "page");
    ObjectNode filter = JsonContainment.requireSupported(metadataFilter);
    return db.read("filter threads by metadata", dsl -> threadPage(dsl,
        JsonPredicates.of(dsl).contains(CHAT_THREADS.METADATA_JSON, filter), noCondition(), "a thread", page));
  }

  @Override
  public void deleteThread(String threadId) {
    Objects.requireNonNull(threadId, "threadId");
    // Items go by the foreign key's ON DELETE CASCADE, attachments are detached by its SET NULL.
    db.inTransaction("delete thread " + threadId,
        dsl -> dsl.deleteFrom(CHAT_THREADS).where(CHAT_THREADS.ID.eq(threadId)).execute());
  }

  @Override
  public int pruneThreadsOlderThan(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    Instant bound = UpstreamTimestamps.normalize(cutoff);
    record Pruned(int threads, List<String> files) {}
    Pruned pruned = db.inTransaction("prune threads untouched since " + bound, dsl -> {
      // Locked, so that a thread written to meanwhile is either pruned whole or not at all.
      List<String> ids = RowLocks.forUpdate(dsl, dsl.select(CHAT_THREADS.ID).from(CHAT_THREADS)
              .where(CHAT_THREADS.UPDATED_AT.lt(bound)))
          .fetch(Record1::value1);
      List<String> files = new ArrayList<>();
      for (int from = 0; from < ids.size(); from += PRUNE_BATCH) {
        List<String> batch = ids.subList(from, Math.min(ids.size(), from + PRUNE_BATCH));
        files.addAll(dsl.select(CHAT_ATTACHMENTS.STORAGE_PATH).from(CHAT_ATTACHMENTS)
            .where(CHAT_ATTACHMENTS.THREAD_ID.in(batch))
            .and(CHAT_ATTACHMENTS.STORAGE_PATH.isNotNull())
            .fetch(Record1::value1));
        dsl.deleteFrom(CHAT_ATTACHMENTS).where(CHAT_ATTACHMENTS.THREAD_ID.in(batch)).execute();
        dsl.deleteFrom(CHAT_THREADS).where(CHAT_THREADS.ID.in(batch)).execute();
      }
      return new Pruned(ids.size(), files);
    });
    // Only once the rows are gone for good: a rolled-back prune must not have lost files.
    pruned.files().forEach(JooqChatStore::deleteQuietly);
    return pruned.threads();
  }

  @Override
  public int pruneExpired() {
    return pruneThreadsOlderThan(clock.instant().minus(storage.retention()));
  }

  // --- Items ---------------------------------------------------------------------------------------------------

  @Override
  public ChatPage<ThreadItem> listItems(String threadId, ChatPageRequest page) {
    Objects.requireNonNull(threadId, "threadId");
    Objects.requireNonNull(page, "page");
    return db.read("list items of thread " + threadId, dsl -> itemPage(dsl, threadId, noCondition(), page));
  }

  @Override
  public ChatPage<ThreadItem> searchItems(String threadId, String query, ChatPageRequest page) {
    Objects.requireNonNull(threadId, "threadId");
    Objects.requireNonNull(page, "page");
    SearchQuery parsed = SearchQuery.parse(query);
    return db.read("search items of thread " + threadId, dsl -> {
      MessageSearch search = MessageSearch.of(dsl);
      return itemPage(search.context(dsl), threadId, search.matches(parsed), page);
    });
  }

  @Override
  public ThreadItem addItem(String threadId, ThreadItem item) {
    Objects.requireNonNull(threadId, "threadId");
    Objects.requireNonNull(item, "item");
    if (!item.threadId().equals(threadId)) {
      throw new ValidationException("Thread item does not belong to the provided thread");
    }
    ObjectNode document = storable(item);
    return db.inTransaction("add item " + item.id() + " to thread " + threadId, dsl -> {
      lockThread(dsl, threadId);
      try {
        // An existing id keeps its position: upstream's upsert leaves ordinal out of the update.
        dsl.insertInto(CHAT_MESSAGES)
            .set(CHAT_MESSAGES.ID, item.id())
            .set(CHAT_MESSAGES.THREAD_ID, threadId)
            .set(CHAT_MESSAGES.ORDINAL, nextOrdinal(dsl, threadId))
            .set(CHAT_MESSAGES.ITEM_TYPE, item.type().value())
            .set(CHAT_MESSAGES.ITEM_JSON, document)
            .set(CHAT_MESSAGES.CREATED_AT, item.createdAt())
            .onConflict(CHAT_MESSAGES.ID)
            .doUpdate()
            .set(CHAT_MESSAGES.THREAD_ID, excluded(CHAT_MESSAGES.THREAD_ID))
            .set(CHAT_MESSAGES.ITEM_TYPE, excluded(CHAT_MESSAGES.ITEM_TYPE))
            .set(CHAT_MESSAGES.ITEM_JSON, excluded(CHAT_MESSAGES.ITEM_JSON))
            .set(CHAT_MESSAGES.CREATED_AT, excluded(CHAT_MESSAGES.CREATED_AT))
            .execute();
      } catch (IntegrityConstraintViolationException e) {
        throw new ConcurrentUpdateException("item " + item.id() + " was written concurrently");
      }
      touch(dsl, threadId);
      return item(dsl, threadId, item.id());
    });
  }

  @Override
  public ThreadItem saveItem(String threadId, ThreadItem item) {
    Objects.requireNonNull(threadId, "threadId");
    Objects.requireNonNull(item, "item");
    ThreadItem moved = item.withThreadId(threadId);
    ObjectNode document = storable(moved);
    return db.inTransaction("save item " + item.id() + " in thread " + threadId, dsl -> {
      lockThread(dsl, threadId);
      int updated = dsl.update(CHAT_MESSAGES)
          .set(CHAT_MESSAGES.THREAD_ID, threadId)
          .set(CHAT_MESSAGES.ITEM_TYPE, moved.type().value())
          .set(CHAT_MESSAGES.ITEM_JSON, document)
          .set(CHAT_MESSAGES.CREATED_AT, moved.createdAt())
          .where(CHAT_MESSAGES.ID.eq(moved.id()))
          .execute();
      if (updated == 0) {
        try {
          dsl.insertInto(CHAT_MESSAGES)
              .set(CHAT_MESSAGES.ID, moved.id())
              .set(CHAT_MESSAGES.THREAD_ID, threadId)
              .set(CHAT_MESSAGES.ORDINAL, nextOrdinal(dsl, threadId))
              .set(CHAT_MESSAGES.ITEM_TYPE, moved.type().value())
              .set(CHAT_MESSAGES.ITEM_JSON, document)
              .set(CHAT_MESSAGES.CREATED_AT, moved.createdAt())
              .execute();
        } catch (IntegrityConstraintViolationException e) {
          // Another writer inserted the same id since the update found none: run again, as an update.
          throw new ConcurrentUpdateException("item " + moved.id() + " was inserted concurrently");
        }
      }
      touch(dsl, threadId);
      return item(dsl, threadId, moved.id());
    });
  }

  @Override
  public ThreadItem loadItem(String threadId, String itemId) {
    Objects.requireNonNull(threadId, "threadId");
    Objects.requireNonNull(itemId, "itemId");
    return db.read("load item " + itemId + " of thread " + threadId, dsl -> item(dsl, threadId, itemId));
  }

  @Override
  public void deleteItem(String threadId, String itemId) {
    Objects.requireNonNull(threadId, "threadId");
    Objects.requireNonNull(itemId, "itemId");
    db.inTransaction("delete item " + itemId + " of thread " + threadId, dsl -> {
      int deleted = dsl.deleteFrom(CHAT_MESSAGES)
          .where(CHAT_MESSAGES.ID.eq(itemId))
          .and(CHAT_MESSAGES.THREAD_ID.eq(threadId))
          .execute();
      touch(dsl, threadId);
      return deleted;
    });
  }

  // --- Attachments ---------------------------------------------------------------------------------------------

  @Override
  public StoredAttachment saveAttachment(ChatAttachment attachment, ChatContext context, Path storagePath) {
    Objects.requireNonNull(attachment, "attachment");
    Objects.requireNonNull(context, "context");
    ObjectNode document = attachment.document();
    JsonCodec.requireStorable(document);
    String path = storagePath == null ? null
        : StorableText.require(storagePath.toAbsolutePath().normalize().toString(), "attachment storage path");
    String threadId = context.requestThread().orElse(null);
    return db.inTransaction("save attachment " + attachment.id(), dsl -> {
      if (threadId != null) {
        lockThread(dsl, threadId);
      }
      // Every column is replaced, the save time included, as upstream's upsert does.
      dsl.insertInto(CHAT_ATTACHMENTS)
          .set(CHAT_ATTACHMENTS.ID, attachment.id())
          .set(CHAT_ATTACHMENTS.THREAD_ID, threadId)
          .set(CHAT_ATTACHMENTS.ATTACHMENT_TYPE, attachment.type().value())
          .set(CHAT_ATTACHMENTS.NAME, attachment.name())
          .set(CHAT_ATTACHMENTS.MIME_TYPE, attachment.mimeType())
          .set(CHAT_ATTACHMENTS.DETAILS_JSON, document)
          .set(CHAT_ATTACHMENTS.STORAGE_PATH, path)
          .set(CHAT_ATTACHMENTS.CREATED_AT, now())
          .onConflict(CHAT_ATTACHMENTS.ID)
          .doUpdate()
          .set(CHAT_ATTACHMENTS.THREAD_ID, excluded(CHAT_ATTACHMENTS.THREAD_ID))
          .set(CHAT_ATTACHMENTS.ATTACHMENT_TYPE, excluded(CHAT_ATTACHMENTS.ATTACHMENT_TYPE))
          .set(CHAT_ATTACHMENTS.NAME, excluded(CHAT_ATTACHMENTS.NAME))
          .set(CHAT_ATTACHMENTS.MIME_TYPE, excluded(CHAT_ATTACHMENTS.MIME_TYPE))
          .set(CHAT_ATTACHMENTS.DETAILS_JSON, excluded(CHAT_ATTACHMENTS.DETAILS_JSON))
          .set(CHAT_ATTACHMENTS.STORAGE_PATH, excluded(CHAT_ATTACHMENTS.STORAGE_PATH))
          .set(CHAT_ATTACHMENTS.CREATED_AT, excluded(CHAT_ATTACHMENTS.CREATED_AT))
          .execute();
      return attachment(dsl, attachment.id());
    });
  }

  @Override
  public ChatAttachment loadAttachment(String attachmentId) {
    return describeAttachment(attachmentId).attachment();
  }

  @Override
  public StoredAttachment describeAttachment(String attachmentId) {
    Objects.requireNonNull(attachmentId, "attachmentId");
    return db.read("load attachment " + attachmentId, dsl -> attachment(dsl, attachmentId));
  }

  @Override
  public void deleteAttachment(String attachmentId) {
    Objects.requireNonNull(attachmentId, "attachmentId");
    db.inTransaction("delete attachment " + attachmentId,
        dsl -> dsl.deleteFrom(CHAT_ATTACHMENTS).where(CHAT_ATTACHMENTS.ID.eq(attachmentId)).execute());
  }

  @Override
  public StoredAttachment upload(String name, String mimeType, InputStream content) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(content, "content");
    String id = ChatIds.generate(ChatIds.ATTACHMENT);
    ChatAttachment attachment = ChatAttachment.file(id, name, mimeType);
    Path directory = storage.storagePath();
    Path target = directory.resolve(id + "_" + UploadNames.sanitize(name));
    Path partial = directory.resolve("." + id + ".part");
    try {
      Files.createDirectories(directory);
      copyAtMost(content, partial, storage.maxUploadSizeBytes(), name);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(partial.toString());
      throw new StorageException("Cannot store upload '" + name + "' in " + directory + ": " + e.getMessage(), null, e);
    } catch (RuntimeException e) {
      deleteQuietly(partial.toString());
      throw e;
    }
    try {
      return saveAttachment(attachment, ChatContext.NONE, target);
    } catch (RuntimeException e) {
      deleteQuietly(target.toString());
      throw e;
    }
  }

  // --- Reading -------------------------------------------------------------------------------------------------

  private static ChatPage<ChatThread> threadPage(DSLContext dsl, Condition where, Condition markerScope,
      String described, ChatPageRequest page) {
    var ordered = dsl.selectFrom(CHAT_THREADS)
        .where(where)
        .orderBy(sort(CHAT_THREADS.CREATED_AT, page.order()), sort(CHAT_THREADS.ID, page.order()));
    List<ChatThreadsRecord> rows;
    if (page.after() == null) {
      rows = ordered.limit(page.limit() + 1).fetch();
    } else {
      Record2<Instant, String> marker = dsl.select(CHAT_THREADS.CREATED_AT, CHAT_THREADS.ID)
          .from(CHAT_THREADS)
          .where(CHAT_THREADS.ID.eq(page.after()))
          .and(markerScope)
          .fetchOptional()
          .orElseThrow(() -> new UnknownPageMarkerException(page.after(), described));
      rows = ordered.seek(marker.value1(), marker.value2()).limit(page.limit() + 1).fetch();
    }
    return page(rows, page, JooqChatStore::thread, ChatThread::id);
  }

  private static ChatPage<ThreadItem> itemPage(DSLContext dsl, String threadId, Condition matches,
      ChatPageRequest page) {
    if (!dsl.fetchExists(CHAT_THREADS, CHAT_THREADS.ID.eq(threadId))) {
      throw new ChatThreadNotFoundException(threadId);
    }
    var ordered = dsl.selectFrom(CHAT_MESSAGES)
        .where(CHAT_MESSAGES.THREAD_ID.eq(threadId))
        .and(matches)
        .orderBy(sort(CHAT_MESSAGES.ORDINAL, page.order()), sort(CHAT_MESSAGES.ID, page.order()));
    List<ChatMessagesRecord> rows;
    if (page.after() == null) {
      rows = ordered.limit(page.limit() + 1).fetch();
    } else {
      Record2<Integer, String> marker = dsl.select(CHAT_MESSAGES.ORDINAL, CHAT_MESSAGES.ID)
          .from(CHAT_MESSAGES)
          .where(CHAT_MESSAGES.ID.eq(page.after()))
          .and(CHAT_MESSAGES.THREAD_ID.eq(threadId))
          .fetchOptional()
          .orElseThrow(() -> new UnknownPageMarkerException(page.after(), "an item of thread " + threadId));
      rows = ordered.seek(marker.value1(), marker.value2()).limit(page.limit() + 1).fetch();
    }
    return page(rows, page, JooqChatStore::item, ThreadItem::id);
  }

  private static <R, T> ChatPage<T> page(List<R> rows, ChatPageRequest page, Function<R, T> mapper,
      Function<T, String> id) {
    boolean hasMore = rows.size() > page.limit();
    List<T> data = rows.subList(0, Math.min(rows.size(), page.limit())).stream().map(mapper).toList();
    return new ChatPage<>(data, hasMore, hasMore ? id.apply(data.get(data.size() - 1)) : null);
  }

  private static <T> SortField<T> sort(Field<T> field, SortOrder order) {
    return order == SortOrder.ASC ? field.asc() : field.desc();
  }

  private static ChatThread thread(DSLContext dsl, String threadId) {
    return dsl.selectFrom(CHAT_THREADS)
        .where(CHAT_THREADS.ID.eq(threadId))
        .fetchOptional(JooqChatStore::thread)
        .orElseThrow(() -> new ChatThreadNotFoundException(threadId));
  }

  private static ThreadItem item(DSLContext dsl, String threadId, String itemId) {
    return dsl.selectFrom(CHAT_MESSAGES)
        .where(CHAT_MESSAGES.ID.eq(itemId))
        .and(CHAT_MESSAGES.THREAD_ID.eq(threadId))
        .fetchOptional(JooqChatStore::item)
        .orElseThrow(() -> new ThreadItemNotFoundException(threadId, itemId));
  }

  private static StoredAttachment attachment(DSLContext dsl, String attachmentId) {
    return dsl.selectFrom(CHAT_ATTACHMENTS)
        .where(CHAT_ATTACHMENTS.ID.eq(attachmentId))
        .fetchOptional(JooqChatStore::attachment)
        .orElseThrow(() -> new ChatAttachmentNotFoundException(attachmentId));
  }

  private static ChatThread thread(ChatThreadsRecord row) {
    return stored("chat_threads", row.getId(), () -> new ChatThread(row.getId(), row.getTitle(), row.getCreatedAt(),
        ChatStatus.fromJson(row.getStatusJson()), object(row.getMetadataJson(), "metadata_json")));
  }

  /**
   * An item row as upstream reads it: the JSON document, with {@code id}, {@code thread_id} and {@code created_at}
   * taken from the columns when the document lacks them or holds an empty string (or, for the time, something that
   * is no timestamp).
   */
  private static ThreadItem item(ChatMessagesRecord row) {
    return stored("chat_messages", row.getId(), () -> {
      ObjectNode document = object(row.getItemJson(), "item_json");
      String id = text(document, "id", row.getId());
      String threadId = text(document, "thread_id", row.getThreadId());
      Instant createdAt = row.getCreatedAt();
      JsonNode time = document.get("created_at");
      if (time != null && time.isTextual()) {
        try {
          createdAt = ThreadItem.parseTimestamp(time.textValue());
        } catch (ValidationException e) {
          // Not a timestamp: the column's value stands, as upstream falls back to it.
        }
      }
      String type = text(document, "type", row.getItemType());
      return new ThreadItem(id, threadId, createdAt, ItemType.fromValue(type), document);
    });
  }

  private static StoredAttachment attachment(ChatAttachmentsRecord row) {
    return stored("chat_attachments", row.getId(), () -> new StoredAttachment(
        ChatAttachment.fromJson(object(row.getDetailsJson(), "details_json")),
        row.getThreadId(),
        row.getStoragePath() == null ? null : Path.of(row.getStoragePath()),
        row.getCreatedAt()));
  }

  /** A stored row the domain rules refuse is a storage problem naming the row, not the caller's mistake. */
  private static <T> T stored(String table, String id, Supplier<T> read) {
    try {
      return read.get();
    } catch (ValidationException e) {
      throw new StorageException("Row " + id + " of " + table + " cannot be read: " + e.getMessage(), null, e);
    }
  }

  private static ObjectNode object(JsonNode value, String column) {
    if (value instanceof ObjectNode object) {
      return object;
    }
    throw new ValidationException(column + " holds " + (value == null ? "nothing" : value.getNodeType())
        + ", not a JSON object");
  }

  /** A string field of the document; absent, empty or not a string, the column's value (upstream's defaulting). */
  private static String text(ObjectNode document, String field, String fallback) {
    JsonNode value = document.get(field);
    return value != null && value.isTextual() && !value.textValue().isEmpty() ? value.textValue() : fallback;
  }

  // --- Writing -------------------------------------------------------------------------------------------------

  private static ObjectNode storable(ThreadItem item) {
    ObjectNode document = item.document();
    JsonCodec.requireStorable(document);
    return document;
  }

  private static void lockThread(DSLContext dsl, String threadId) {
    RowLocks.forUpdate(dsl, dsl.select(CHAT_THREADS.ID).from(CHAT_THREADS).where(CHAT_THREADS.ID.eq(threadId)))
        .fetchOptional()
        .orElseThrow(() -> new ChatThreadNotFoundException(threadId));
  }

  private static int nextOrdinal(DSLContext dsl, String threadId) {
    return dsl.select(coalesce(max(CHAT_MESSAGES.ORDINAL), inline(-1)))
        .from(CHAT_MESSAGES)
        .where(CHAT_MESSAGES.THREAD_ID.eq(threadId))
        .fetchSingle(Record1::value1) + 1;
  }

  private void touch(DSLContext dsl, String threadId) {
    dsl.update(CHAT_THREADS).set(CHAT_THREADS.UPDATED_AT, now()).where(CHAT_THREADS.ID.eq(threadId)).execute();
  }

  private Instant now() {
    return UpstreamTimestamps.normalize(clock.instant());
  }

  private static void copyAtMost(InputStream content, Path file, long limit, String name) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int read; (read = content.read(buffer)) != -1; ) {
        total += read;
        if (total > limit) {
          throw new AttachmentTooLargeException(name, limit);
        }
        out.write(buffer, 0, read);
      }
    }
  }

  private static void deleteQuietly(String file) {
    try {
      Files.deleteIfExists(Path.of(file));
    } catch (IOException | RuntimeException e) {
      log.warn("Could not delete ChatKit file {}: {}", file, e.toString());
    }
  }
}
