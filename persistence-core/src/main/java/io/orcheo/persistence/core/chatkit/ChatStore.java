package io.orcheo.persistence.core.chatkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * ChatKit's store: threads, their items in order, and attachments, on SQLite or PostgreSQL with the same behaviour.
 *
 * <p>Every operation is one transaction. Writes that read first (the next ordinal of an item, the merge of a
 * thread's metadata) lock the thread's row, so several processes may share one database. Threads, items and
 * attachments keep upstream Orcheo's storage format, so a database written by either is read by the other.
 *
 * <p>Listings are keyset pages ({@link ChatPageRequest}); an {@code after} that names nothing in the listing's scope
 * is an {@link UnknownPageMarkerException}. Text the databases cannot both store (a NUL character, a lone UTF-16
 * surrogate) is refused with a {@link io.orcheo.persistence.core.error.ValidationException} before anything is
 * written.
 */
public interface ChatStore {

  // --- Threads -------------------------------------------------------------------------------------------------

  /**
   * The thread; not scoped by workflow, as upstream.
   *
   * @throws ChatThreadNotFoundException if there is none
   */
  ChatThread loadThread(String threadId);

  /**
   * Creates or replaces a thread, after {@link ChatContext#applyTo} (title from the input, request metadata merged
   * in). An existing thread keeps its creation time; its title, status and metadata are replaced and its workflow
   * follows {@code metadata.workflow_id}.
   *
   * @return the thread as stored
   */
  ChatThread saveThread(ChatThread thread, ChatContext context);

  /**
   * A page of threads ordered by creation, only the context's workflow's when it names one.
   *
   * @throws UnknownPageMarkerException if {@code page.after()} is no thread of that workflow (of any workflow when
   *     the context names none)
   */
  ChatPage<ChatThread> listThreads(ChatPageRequest page, ChatContext context);

  /**
   * A page of threads whose metadata contains {@code metadataFilter} (JSON containment, PostgreSQL's {@code @>}:
   * every key of the filter present with an equal value, objects matched recursively, an array matching an array
   * that holds each of its elements), ordered by creation. The filter follows
   * {@link io.orcheo.persistence.core.json.JsonContainment}'s rules, on both backends.
   *
   * @throws UnknownPageMarkerException if {@code page.after()} is no thread
   */
  ChatPage<ChatThread> filterThreads(ObjectNode metadataFilter, ChatPageRequest page);

  /**
   * Deletes a thread with its items; its attachments stay, detached (their files too). No error if it is absent.
   */
  void deleteThread(String threadId);

  /**
   * Deletes the threads untouched since {@code cutoff} (no save of the thread or of one of its items after it), their
   * items and their attachments' rows in one transaction, then, once that is committed, their attachments' files (a
   * file that cannot be deleted is logged, not raised).
   *
   * @return the number of threads deleted
   */
  int pruneThreadsOlderThan(Instant cutoff);

  /** {@link #pruneThreadsOlderThan} with the cutoff {@code ORCHEO_CHATKIT_RETENTION_DAYS} before now. */
  int pruneExpired();

  // --- Items ---------------------------------------------------------------------------------------------------

  /**
   * A page of the thread's items by position.
   *
   * @throws ChatThreadNotFoundException if the thread does not exist (upstream returns an empty page)
   * @throws UnknownPageMarkerException if {@code page.after()} is no item of the thread
   */
  ChatPage<ThreadItem> listItems(String threadId, ChatPageRequest page);

  /**
   * A page of the thread's items whose message text matches {@code query}, by position (not ranked).
   *
   * <p>Searched: the text of user and assistant messages ({@link ThreadItem#searchableText()}); ids, JSON keys,
   * tool calls, widgets and hidden context are not. Words are matched after English stemming ("running" finds
   * "runs"), ignoring case and English stop words. The query language is web-search style: words that must all
   * appear, {@code "a quoted phrase"}, {@code or} between alternatives, {@code -word} to exclude.
   *
   * @throws io.orcheo.persistence.core.error.ValidationException if the query has no word to search for
   * @throws ChatThreadNotFoundException if the thread does not exist
   * @throws UnknownPageMarkerException if {@code page.after()} is no item of the thread
   */
  ChatPage<ThreadItem> searchItems(String threadId, String query, ChatPageRequest page);

  /**
   * Appends an item to the end of its thread. An item whose id exists already is replaced in place (keeping its
   * position), as upstream.
   *
   * @throws io.orcheo.persistence.core.error.ValidationException if {@code item.threadId()} is not
   *     {@code threadId} (upstream's "Thread item does not belong to the provided thread")
   * @throws ChatThreadNotFoundException if the thread does not exist
   */
  ThreadItem addItem(String threadId, ThreadItem item);

  /**
   * Creates or replaces an item by id: a new one goes to the end of {@code threadId}; an existing one keeps its
   * position and moves to {@code threadId} if it was elsewhere. {@code item.threadId()} is set to {@code threadId}.
   *
   * @throws ChatThreadNotFoundException if the thread does not exist
   * @return the item as stored
   */
  ThreadItem saveItem(String threadId, ThreadItem item);

  /**
   * The item, if it is in the thread.
   *
   * @throws ThreadItemNotFoundException if it is not
   */
  ThreadItem loadItem(String threadId, String itemId);

  /** Deletes the item if it is in the thread; no error if it is not. */
  void deleteItem(String threadId, String itemId);

  // --- Attachments ---------------------------------------------------------------------------------------------

  /**
   * Creates or replaces an attachment, for the context's request thread (detached when there is none), recording
   * {@code storagePath} (may be {@code null}) as its file. The save time is rewritten, as upstream.
   *
   * @throws ChatThreadNotFoundException if the request's thread does not exist
   */
  StoredAttachment saveAttachment(ChatAttachment attachment, ChatContext context, Path storagePath);

  /**
   * The attachment object.
   *
   * @throws ChatAttachmentNotFoundException if there is none
   */
  ChatAttachment loadAttachment(String attachmentId);

  /**
   * The attachment with its thread, file and save time.
   *
   * @throws ChatAttachmentNotFoundException if there is none
   */
  StoredAttachment describeAttachment(String attachmentId);

  /** Deletes the attachment's row; its file stays, as upstream. No error if it is absent. */
  void deleteAttachment(String attachmentId);

  /**
   * Stores an uploaded file under {@code ORCHEO_CHATKIT_STORAGE_PATH} as {@code <id>_<name>} (the name reduced to
   * letters, digits, {@code .}, {@code -} and {@code _}) and saves a detached file attachment for it. The content
   * is streamed, never held in memory whole.
   *
   * @throws AttachmentTooLargeException past {@code ORCHEO_CHATKIT_MAX_UPLOAD_SIZE_BYTES}; no file or row is left
   * @throws io.orcheo.persistence.core.error.StorageException if the file cannot be written or the content cannot
   *     be read
   */
  StoredAttachment upload(String name, String mimeType, InputStream content);
}
