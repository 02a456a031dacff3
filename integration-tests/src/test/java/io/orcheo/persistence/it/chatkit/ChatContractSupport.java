package io.orcheo.persistence.it.chatkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatPage;
import io.orcheo.persistence.core.chatkit.ChatPageRequest;
import io.orcheo.persistence.core.chatkit.ChatStatus;
import io.orcheo.persistence.core.chatkit.ChatStore;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.core.chatkit.ItemType;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.core.chatkit.ThreadItem;
import io.orcheo.persistence.core.config.ChatKitStorage;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;

/**
 * What the ChatKit contracts share: the store, threads and items to fill it with, plain JDBC beneath it
 * ({@link ChatRows}), page walking, and more instances of the persistence layer on the test's database (for other
 * ChatKit settings, or as another process).
 */
abstract class ChatContractSupport extends BackendContract {
  static final Duration TICK = Duration.ofSeconds(1);
  static final String WORKFLOW = "workflow-1";
  static final String OTHER_WORKFLOW = "workflow-2";

  private final List<OrcheoPersistence> others = new ArrayList<>();

  @AfterEach
  void closeOtherInstances() {
    others.forEach(OrcheoPersistence::close);
  }

  ChatStore store() {
    return persistence.chat();
  }

  ChatRows rows() {
    return new ChatRows(persistence, backend());
  }

  static ObjectNode json(String text) {
    return (ObjectNode) JsonCodec.read(text);
  }

  // --- Threads -------------------------------------------------------------------------------------------------

  /** Saves an untitled, active thread created now, with empty metadata. */
  ChatThread thread(String id) {
    return thread(id, clock.instant());
  }

  /** Saves an untitled, active thread created at {@code createdAt}, with empty metadata. */
  ChatThread thread(String id, Instant createdAt) {
    return store().saveThread(new ChatThread(id, null, createdAt, ChatStatus.ACTIVE, null), ChatContext.NONE);
  }

  /** Saves an untitled, active thread created now, with this metadata. */
  ChatThread thread(String id, String metadata) {
    return store().saveThread(new ChatThread(id, null, clock.instant(), ChatStatus.ACTIVE, json(metadata)),
        ChatContext.NONE);
  }

  /** Saves a thread of {@code workflowId} ({@code metadata.workflow_id}) created at {@code createdAt}. */
  ChatThread workflowThread(String id, String workflowId, Instant createdAt) {
    ObjectNode metadata = json("{}").put("workflow_id", workflowId);
    return store().saveThread(new ChatThread(id, null, createdAt, ChatStatus.ACTIVE, metadata), ChatContext.NONE);
  }

  // --- Items ---------------------------------------------------------------------------------------------------

  /** A user message of plain text with this id, created now (not stored). */
  ThreadItem userMessage(String id, String threadId, String text) {
    return new ThreadItem(id, threadId, clock.instant(), ItemType.USER_MESSAGE,
        ThreadItem.userMessage(threadId, text, clock.instant()).document());
  }

  /** An assistant message of plain text with this id, created now (not stored). */
  ThreadItem assistantMessage(String id, String threadId, String text) {
    return new ThreadItem(id, threadId, clock.instant(), ItemType.ASSISTANT_MESSAGE,
        ThreadItem.assistantMessage(threadId, text, clock.instant()).document());
  }

  /** Adds a user message with this id and text to the end of the thread. */
  ThreadItem add(String threadId, String id, String text) {
    return store().addItem(threadId, userMessage(id, threadId, text));
  }

  // --- Pages ---------------------------------------------------------------------------------------------------

  /** Every page of a listing, following {@code after} from the first page. */
  static <T> List<ChatPage<T>> pages(Function<ChatPageRequest, ChatPage<T>> listing, int limit, SortOrder order) {
    List<ChatPage<T>> pages = new ArrayList<>();
    ChatPageRequest request = ChatPageRequest.first(limit, order);
    while (request != null) {
      assertThat(pages).as("pages so far (a marker that never ends?)").hasSizeLessThan(1000);
      ChatPage<T> page = listing.apply(request);
      pages.add(page);
      request = request.next(page);
    }
    return pages;
  }

  static List<String> threadIds(ChatPage<ChatThread> page) {
    return page.data().stream().map(ChatThread::id).toList();
  }

  static List<String> itemIds(ChatPage<ThreadItem> page) {
    return page.data().stream().map(ThreadItem::id).toList();
  }

  static List<String> allThreadIds(List<ChatPage<ChatThread>> pages) {
    return pages.stream().flatMap(page -> threadIds(page).stream()).toList();
  }

  static List<String> allItemIds(List<ChatPage<ThreadItem>> pages) {
    return pages.stream().flatMap(page -> itemIds(page).stream()).toList();
  }

  static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  static ChatPageRequest asc(int limit) {
    return ChatPageRequest.first(limit, SortOrder.ASC);
  }

  static ChatPageRequest desc(int limit) {
    return ChatPageRequest.first(limit, SortOrder.DESC);
  }

  static ChatPageRequest after(String marker, int limit, SortOrder order) {
    return new ChatPageRequest(limit, marker, order);
  }

  // --- Other instances -----------------------------------------------------------------------------------------

  /**
   * Another instance on the test's database with other ChatKit storage settings (upload limit, retention); its
   * files go where the test's instance puts them.
   */
  OrcheoPersistence instanceWith(long maxUploadSizeBytes, int retentionDays) {
    PersistenceSettings s = persistence.settings();
    ChatKitStorage storage = new ChatKitStorage(s.chatkitStorage().storagePath(), maxUploadSizeBytes, retentionDays);
    PersistenceSettings settings = new PersistenceSettings(s.repositoryBackend(), s.repositorySqlitePath(),
        s.serviceTokenBackend(), s.serviceTokenSqlitePath(), s.chatkitBackend(), s.chatkitSqlitePath(), storage,
        s.vaultBackend(), s.vaultSqlitePath(), s.vaultEncryptionKey(), s.postgresDsn(), s.pool(),
        s.sqliteBusyTimeout(), s.schemaAutoUpdate(), s.cronOverlapTimeout());
    OrcheoPersistence other = OrcheoPersistence.open(settings, clock);
    others.add(other);
    return other;
  }
}
