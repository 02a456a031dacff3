package io.orcheo.persistence.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.chatkit.AttachmentTooLargeException;
import io.orcheo.persistence.core.chatkit.ChatAttachmentNotFoundException;
import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatPage;
import io.orcheo.persistence.core.chatkit.ChatPageRequest;
import io.orcheo.persistence.core.chatkit.ChatStore;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.core.chatkit.ChatThreadNotFoundException;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.core.chatkit.StoredAttachment;
import io.orcheo.persistence.core.chatkit.ThreadItem;
import io.orcheo.persistence.core.chatkit.UnknownPageMarkerException;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of {@code docs/chatkit.md}, run, and the guide's claims about them checked. */
class ChatKitGuideTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A small upload limit, so that the guide's "too large" case needs no large file. */
  private static final int UPLOAD_LIMIT = 1_000;

  @TempDir Path home;
  private OrcheoPersistence persistence;
  private ChatStore chat;
  private final String workflowId = "3f2b5f8e-2a35-4d8f-9d3c-6b1f2f7a9c10";

  @BeforeEach
  void open() {
    PersistenceSettings settings = PersistenceSettings
        .fromMap(Map.of("ORCHEO_CHATKIT_MAX_UPLOAD_SIZE_BYTES", Integer.toString(UPLOAD_LIMIT)))
        .withSqliteDirectory(home);
    persistence = OrcheoPersistence.open(settings);
    // tag::open[]
    ChatStore chat = persistence.chat(); // chatkit.sqlite, or the shared PostgreSQL database
    // end::open[]
    this.chat = chat;
  }

  @AfterEach
  void close() {
    persistence.close();
  }

  /** The guide's thread: saved as the first snippet saves it. */
  private ChatThread savedThread() {
    // tag::thread[]
    // What the ChatKit server knows of the request: its workflow, its metadata and the user's input.
    ChatContext request = ChatContext.forWorkflow(workflowId)
        .withRequestMetadata(JSON.createObjectNode().put("workflow_id", workflowId).put("locale", "en"))
        .withInputTexts(List.of("How do I rotate a service token?"));
    ChatThread thread = chat.saveThread(ChatThread.create(null, null, Instant.now()), request);
    // thread.title(): "How do I rotate a se", the first 20 characters of the input, stripped
    // thread.workflowId(): workflowId, from metadata.workflow_id

    ChatPage<ChatThread> ofTheWorkflow = chat.listThreads(ChatPageRequest.first(), ChatContext.forWorkflow(workflowId));
    // end::thread[]
    assertThat(ofTheWorkflow.data()).extracting(ChatThread::id).containsExactly(thread.id());
    return thread;
  }

  @Test
  void aNewThreadIsTitledFromTheInputAndScopedToTheWorkflowOfItsMetadata() {
    ChatThread thread = savedThread();

    assertThat(thread.title()).isEqualTo("How do I rotate a se");
    assertThat(thread.workflowId()).contains(workflowId);
    assertThat(thread.metadata().get("locale").asText()).isEqualTo("en");
    assertThat(chat.listThreads(ChatPageRequest.first(), ChatContext.forWorkflow("another")).data()).isEmpty();
  }

  @Test
  void savingAgainKeepsTheTitleAndCreationTimeAndMergesTheRequestsMetadata() {
    ChatThread thread = savedThread();

    ChatThread saved = chat.saveThread(thread, ChatContext.NONE
        .withRequestMetadata(JSON.createObjectNode().put("locale", "pt"))
        .withInputTexts(List.of("Another question")));

    assertThat(saved.title()).isEqualTo("How do I rotate a se");
    assertThat(saved.createdAt()).isEqualTo(thread.createdAt());
    assertThat(saved.metadata().get("locale").asText()).isEqualTo("pt");
    assertThat(saved.workflowId()).contains(workflowId);
  }

  @Test
  void itemsAreAddedReplacedInPlaceAndReadAPageAtATime() throws Exception {
    ChatThread thread = savedThread();
    // tag::items[]
    ThreadItem question = chat.addItem(thread.id(),
        ThreadItem.userMessage(thread.id(), "How do I rotate a service token?", Instant.now()));
    ThreadItem answer = chat.addItem(thread.id(), ThreadItem.assistantMessage(thread.id(), "…", Instant.now()));

    // A streamed answer, finished: saveItem replaces the item with this id and keeps its position.
    ObjectNode document = answer.document();
    ((ObjectNode) document.path("content").get(0)).put("text", "Rotate it with an overlap, then revoke the old one.");
    chat.saveItem(thread.id(), answer.withDocument(document));
    // end::items[]
    chat.addItem(thread.id(), ThreadItem.userMessage(thread.id(), "Thanks!", Instant.now()));

    // tag::paging[]
    List<ThreadItem> transcript = new ArrayList<>();
    ChatPageRequest next = ChatPageRequest.first(100, SortOrder.ASC); // oldest first
    while (next != null) {
      ChatPage<ThreadItem> page = chat.listItems(thread.id(), next);
      transcript.addAll(page.data());
      next = next.next(page); // null after the last page
    }
    // end::paging[]

    assertThat(transcript).extracting(ThreadItem::searchableText).containsExactly(
        "How do I rotate a service token?", "Rotate it with an overlap, then revoke the old one.", "Thanks!");
    assertThat(transcript.get(0).id()).isEqualTo(question.id());
  }

  @Test
  void pagesContinueAfterTheLastItemOfThePreviousPage() {
    ChatThread thread = savedThread();
    for (int i = 0; i < 5; i++) {
      chat.addItem(thread.id(), ThreadItem.userMessage(thread.id(), "message " + i, Instant.now()));
    }
    List<String> seen = new ArrayList<>();

    ChatPageRequest next = ChatPageRequest.first(2, SortOrder.DESC);
    while (next != null) {
      ChatPage<ThreadItem> page = chat.listItems(thread.id(), next);
      page.data().forEach(item -> seen.add(item.searchableText()));
      next = next.next(page);
    }

    assertThat(seen).containsExactly("message 4", "message 3", "message 2", "message 1", "message 0");
  }

  @Test
  void anItemMovedInKeepsItsPositionAndPagesStillReachEveryItem() {
    ChatThread thread = savedThread();
    ChatThread other = chat.saveThread(ChatThread.create("Other", null, Instant.now()), ChatContext.NONE);
    chat.addItem(thread.id(), ThreadItem.userMessage(thread.id(), "first here", Instant.now()));
    ThreadItem moved = chat.addItem(other.id(), ThreadItem.userMessage(other.id(), "first there", Instant.now()));
    chat.saveItem(thread.id(), moved); // now two items of the thread share position 0
    List<String> seen = new ArrayList<>();

    ChatPageRequest next = ChatPageRequest.first(1, SortOrder.ASC);
    while (next != null) {
      ChatPage<ThreadItem> page = chat.listItems(thread.id(), next);
      page.data().forEach(item -> seen.add(item.searchableText()));
      next = next.next(page);
    }

    assertThat(seen).containsExactlyInAnyOrder("first here", "first there");
  }

  @Test
  void anAfterThatNamesNoItemOfTheThreadIsRejected() {
    ChatThread thread = savedThread();
    String clientMarker = "msg_deleted";
    // tag::unknown-after[]
    ChatPage<ThreadItem> page;
    try {
      page = chat.listItems(thread.id(), new ChatPageRequest(20, clientMarker, SortOrder.DESC));
    } catch (UnknownPageMarkerException e) {
      // The client's marker names no item of this thread (deleted, or from another thread): say so, or restart.
      page = chat.listItems(thread.id(), ChatPageRequest.first(20, SortOrder.DESC));
    }
    // end::unknown-after[]
    assertThat(page.data()).isEmpty();

    assertThatThrownBy(() -> chat.listItems(thread.id(), new ChatPageRequest(20, clientMarker, SortOrder.DESC)))
        .isInstanceOf(UnknownPageMarkerException.class)
        .hasMessage("Cannot page after 'msg_deleted': it is not an item of thread " + thread.id());
  }

  @Test
  void searchMatchesStemmedWordsPhrasesAlternativesAndExclusions() {
    ChatThread thread = savedThread();
    List<String> texts = List.of(
        "How do I rotate a service token?",
        "Rotation keeps the old service token valid during the overlap.",
        "Revoke the old token once every client uses the new one.",
        "What about expiry?");
    texts.forEach(text -> chat.addItem(thread.id(), ThreadItem.userMessage(thread.id(), text, Instant.now())));
    // tag::search[]
    ChatPageRequest firstTwenty = ChatPageRequest.first(20, SortOrder.ASC);
    ChatPage<ThreadItem> rotating = chat.searchItems(thread.id(), "rotating", firstTwenty);   // "rotate", "Rotation"
    ChatPage<ThreadItem> phrase = chat.searchItems(thread.id(), "\"service token\" -overlap", firstTwenty);
    ChatPage<ThreadItem> either = chat.searchItems(thread.id(), "expiry or revoke", firstTwenty);
    // end::search[]

    assertThat(rotating.data()).extracting(ThreadItem::searchableText).containsExactly(texts.get(0), texts.get(1));
    assertThat(phrase.data()).extracting(ThreadItem::searchableText).containsExactly(texts.get(0));
    assertThat(either.data()).extracting(ThreadItem::searchableText).containsExactly(texts.get(2), texts.get(3));
  }

  @Test
  void searchIgnoresCaseAndStopWords() {
    ChatThread thread = savedThread();
    chat.addItem(thread.id(), ThreadItem.userMessage(thread.id(), "The TOKEN expired", Instant.now()));

    assertThat(chat.searchItems(thread.id(), "the token", ChatPageRequest.first()).data()).hasSize(1);
  }

  @Test
  void searchLooksAtMessageTextOnly() {
    ChatThread thread = savedThread();
    ThreadItem message = chat.addItem(thread.id(),
        ThreadItem.userMessage(thread.id(), "Hello", Instant.now()));

    assertThat(chat.searchItems(thread.id(), message.id(), ChatPageRequest.first()).data()).isEmpty();
    assertThat(chat.searchItems(thread.id(), "input_text", ChatPageRequest.first()).data()).isEmpty();
    assertThat(chat.searchItems(thread.id(), "hello", ChatPageRequest.first()).data()).hasSize(1);
  }

  @Test
  void aQueryWithNothingToFindIsRefused() {
    ChatThread thread = savedThread();

    assertThatThrownBy(() -> chat.searchItems(thread.id(), "the -token", ChatPageRequest.first()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("has no word to search for");
  }

  @Test
  void filterThreadsFindsThreadsByMetadataOfAnyWorkflow() {
    ChatThread thread = savedThread();
    chat.saveThread(ChatThread.create("Olá", JSON.createObjectNode().put("locale", "pt"), Instant.now()),
        ChatContext.NONE);
    // tag::filter[]
    ChatPage<ChatThread> english = chat.filterThreads(JSON.createObjectNode().put("locale", "en"), ChatPageRequest.first());
    // end::filter[]

    assertThat(english.data()).extracting(ChatThread::id).containsExactly(thread.id());
  }

  @Test
  void anUploadIsStoredUnderTheStoragePathAndAttachedOnceItsMessageIsSaved() throws Exception {
    ChatThread thread = savedThread();
    byte[] bytes = "Q3 numbers".getBytes(StandardCharsets.UTF_8);
    // tag::upload[]
    StoredAttachment upload;
    try (InputStream content = new ByteArrayInputStream(bytes)) {
      upload = chat.upload("Q3 report.txt", "text/plain", content); // <storage>/atc_1a2b3c4d_Q3_report.txt
    }
    // Detached until the message that carries it is saved: then attach it to the request's thread.
    chat.saveAttachment(upload.attachment(), ChatContext.NONE.withRequestThreadId(thread.id()), upload.storagePath());
    // end::upload[]

    Path file = upload.storagePath();
    assertThat(upload.thread()).isEmpty();
    assertThat(file.getParent()).isEqualTo(home.resolve("chatkit"));
    assertThat(file.getFileName().toString()).matches("atc_[0-9a-f]{8}_Q3_report\\.txt");
    assertThat(file).hasBinaryContent(bytes);
    assertThat(chat.describeAttachment(upload.attachment().id()).thread()).contains(thread.id());
  }

  @Test
  void anUploadOverTheLimitIsRefusedAndLeavesNothingBehind() throws Exception {
    assertThatThrownBy(() -> chat.upload("big.bin", "application/octet-stream",
        new ByteArrayInputStream(new byte[UPLOAD_LIMIT + 1])))
        .isInstanceOf(AttachmentTooLargeException.class)
        .hasMessage("Attachment 'big.bin' is larger than the limit of 1000 bytes");

    assertThat(home.resolve("chatkit")).isEmptyDirectory();
  }

  @Test
  void pruningDeletesUntouchedThreadsWithTheirItemsAttachmentsAndFiles() throws Exception {
    ChatThread thread = savedThread();
    chat.addItem(thread.id(), ThreadItem.userMessage(thread.id(), "Hello", Instant.now()));
    StoredAttachment upload = chat.upload("notes.txt", "text/plain", new ByteArrayInputStream(new byte[] {1}));
    chat.saveAttachment(upload.attachment(), ChatContext.NONE.withRequestThreadId(thread.id()), upload.storagePath());
    // tag::prune[]
    int expired = chat.pruneExpired(); // untouched for ORCHEO_CHATKIT_RETENTION_DAYS (default 30)
    int older = chat.pruneThreadsOlderThan(Instant.now().minus(Duration.ofDays(7)));
    // end::prune[]
    assertThat(expired + older).isZero();

    assertThat(chat.pruneThreadsOlderThan(Instant.now().plusSeconds(1))).isEqualTo(1);

    assertThatThrownBy(() -> chat.loadThread(thread.id())).isInstanceOf(ChatThreadNotFoundException.class);
    assertThatThrownBy(() -> chat.loadAttachment(upload.attachment().id()))
        .isInstanceOf(ChatAttachmentNotFoundException.class);
    assertThat(Files.exists(upload.storagePath())).isFalse();
  }

  @Test
  void deletingAThreadKeepsItsAttachmentsDetached() throws Exception {
    ChatThread thread = savedThread();
    StoredAttachment upload = chat.upload("notes.txt", "text/plain", new ByteArrayInputStream(new byte[] {1}));
    chat.saveAttachment(upload.attachment(), ChatContext.NONE.withRequestThreadId(thread.id()), upload.storagePath());

    chat.deleteThread(thread.id());

    assertThat(chat.describeAttachment(upload.attachment().id()).thread()).isEmpty();
    assertThat(upload.storagePath()).exists();
  }

  @Test
  void textNeitherDatabaseCanStoreIsRefusedBeforeAnythingIsWritten() {
    ChatThread thread = savedThread();

    assertThatThrownBy(() -> chat.addItem(thread.id(),
        ThreadItem.userMessage(thread.id(), "a\u0000b", Instant.now())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("NUL");
    assertThatThrownBy(() -> chat.addItem(thread.id(),
        ThreadItem.userMessage(thread.id(), "half a pair: \uD83D", Instant.now())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("lone UTF-16 surrogate");
    assertThat(chat.listItems(thread.id(), ChatPageRequest.first()).data()).isEmpty();
  }

  @Test
  void anItemOfAnotherThreadIsRefusedByAddItem() {
    ChatThread thread = savedThread();

    assertThatThrownBy(() -> chat.addItem(thread.id(),
        ThreadItem.userMessage("thr_other", "Hello", Instant.now())))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Thread item does not belong to the provided thread");
  }

  @Test
  void itemsOfAnUnknownThreadAreNotFound() {
    assertThatThrownBy(() -> chat.listItems("thr_ghost", ChatPageRequest.first()))
        .isInstanceOf(ChatThreadNotFoundException.class)
        .hasMessage("Thread thr_ghost not found");
  }
}
