package io.orcheo.persistence.it.chatkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.chatkit.AttachmentTooLargeException;
import io.orcheo.persistence.core.chatkit.ChatAttachment;
import io.orcheo.persistence.core.chatkit.ChatAttachmentNotFoundException;
import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatStore;
import io.orcheo.persistence.core.chatkit.ChatThreadNotFoundException;
import io.orcheo.persistence.core.chatkit.StoredAttachment;
import io.orcheo.persistence.core.error.NotFoundException;
import io.orcheo.persistence.core.error.StorageException;
import io.orcheo.persistence.core.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ChatKit attachments, uploads and retention pruning on every backend: upstream Orcheo's behaviours of spec §H.3
 * (items 5, 14, 15, 22, 23, 31) and §C.2 operations 10–13 (the thread taken from the request, the save time
 * rewritten on every save, files left on disk when a row or its thread is deleted, pruning by {@code updated_at}
 * with files deleted after the commit), the upload rules of §C.2 (the file named {@code <id>_<safe name>} under
 * {@code ORCHEO_CHATKIT_STORAGE_PATH}, the size limit of {@code ORCHEO_CHATKIT_MAX_UPLOAD_SIZE_BYTES}), and
 * {@code ORCHEO_CHATKIT_RETENTION_DAYS}.
 */
public abstract class ChatAttachmentsContract extends ChatContractSupport {
  static final String THREAD = "thr_1";

  private static ChatContext requestFor(String threadId) {
    return ChatContext.NONE.withRequestThreadId(threadId);
  }

  /** A file on disk, as an upload would leave it. */
  private Path file(String name) throws IOException {
    Path directory = Files.createDirectories(tempDir.resolve("files"));
    return Files.writeString(directory.resolve(name), "content of " + name);
  }

  private Path storageDirectory() {
    return persistence.settings().chatkitStorage().storagePath();
  }

  /** The files under the upload directory (none if it does not exist). */
  private List<Path> uploadedFiles() throws IOException {
    if (!Files.exists(storageDirectory())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(storageDirectory())) {
      return files.toList();
    }
  }

  private static byte[] bytes(int size) {
    byte[] content = new byte[size];
    new Random(42).nextBytes(content);
    return content;
  }

  // --- Save, load, describe, delete (§H.3 items 5, 14, 15) -----------------------------------------------------

  @Test
  void savedAttachmentLoadsBackEqual() {
    ChatAttachment attachment = ChatAttachment.file("atc_1", "notes.txt", "text/plain");

    store().saveAttachment(attachment, ChatContext.NONE, null);

    assertThat(store().loadAttachment("atc_1")).isEqualTo(attachment);
  }

  @Test
  void imageAttachmentKeepsItsPreviewUrlAndUnmodelledFields() {
    ObjectNode document = ChatAttachment.image("atc_1", "cat.png", "image/png", "https://cdn.test/cat.png")
        .document();
    document.put("upload_url", "https://upload.test/atc_1");
    document.putObject("x_unmodelled").put("kept", true);
    ChatAttachment attachment = ChatAttachment.fromJson(document);

    store().saveAttachment(attachment, ChatContext.NONE, null);

    ChatAttachment loaded = store().loadAttachment("atc_1");
    assertThat(loaded).isEqualTo(attachment);
    assertThat(loaded.type()).isEqualTo(ChatAttachment.Type.IMAGE);
    assertThat(loaded.document().path("preview_url").asText()).isEqualTo("https://cdn.test/cat.png");
  }

  @Test
  void attachmentSavedForARequestThreadBelongsToIt() throws SQLException {
    thread(THREAD);

    StoredAttachment saved = store().saveAttachment(ChatAttachment.file("atc_1", "a.txt", "text/plain"),
        requestFor(THREAD), null);

    assertThat(saved.threadId()).isEqualTo(THREAD);
    assertThat(store().describeAttachment("atc_1").threadId()).isEqualTo(THREAD);
    assertThat(rows().text("SELECT thread_id FROM chat_attachments WHERE id = ?", "atc_1")).isEqualTo(THREAD);
  }

  @Test
  void attachmentSavedOutsideARequestThreadIsDetached() throws SQLException {
    thread(THREAD);

    store().saveAttachment(ChatAttachment.file("atc_1", "a.txt", "text/plain"),
        ChatContext.forWorkflow(WORKFLOW), null);

    assertThat(store().describeAttachment("atc_1").thread()).isEmpty();
    assertThat(rows().text("SELECT thread_id FROM chat_attachments WHERE id = ?", "atc_1")).isNull();
  }

  @Test
  void describeAttachmentGivesItsThreadFileAndSaveTime() throws IOException {
    thread(THREAD);
    Path file = file("a.txt");
    clock.advance(TICK);
    ChatAttachment attachment = ChatAttachment.file("atc_1", "a.txt", "text/plain");

    StoredAttachment saved = store().saveAttachment(attachment, requestFor(THREAD), file);

    StoredAttachment described = store().describeAttachment("atc_1");
    assertThat(described).isEqualTo(new StoredAttachment(attachment, THREAD, file, START.plus(TICK)));
    assertThat(saved).isEqualTo(described);
  }

  @Test
  void storagePathIsPersistedAsTheAbsolutePath() throws IOException, SQLException {
    Path file = file("a.txt");

    store().saveAttachment(ChatAttachment.file("atc_1", "a.txt", "text/plain"), ChatContext.NONE, file);

    assertThat(rows().text("SELECT storage_path FROM chat_attachments WHERE id = ?", "atc_1"))
        .isEqualTo(file.toAbsolutePath().toString());
  }

  @Test
  void attachmentWithoutAFileHasNoStoragePath() throws SQLException {
    store().saveAttachment(ChatAttachment.file("atc_1", "a.txt", "text/plain"), ChatContext.NONE, null);

    assertThat(store().describeAttachment("atc_1").file()).isEmpty();
    assertThat(rows().text("SELECT storage_path FROM chat_attachments WHERE id = ?", "atc_1")).isNull();
  }

  @Test
  void savingAnAttachmentAgainRewritesItsSaveTime() throws SQLException {
    ChatAttachment attachment = ChatAttachment.file("atc_1", "a.txt", "text/plain");
    store().saveAttachment(attachment, ChatContext.NONE, null);
    clock.advance(Duration.ofMinutes(5));

    store().saveAttachment(attachment, ChatContext.NONE, null);

    Instant later = START.plus(Duration.ofMinutes(5));
    assertThat(store().describeAttachment("atc_1").savedAt()).isEqualTo(later);
    assertThat(rows().instant("SELECT created_at FROM chat_attachments WHERE id = ?", "atc_1")).isEqualTo(later);
  }

  @Test
  void savingAnAttachmentAgainReplacesItsThreadFileAndDetails() throws IOException {
    thread(THREAD);
    store().saveAttachment(ChatAttachment.file("atc_1", "a.txt", "text/plain"), requestFor(THREAD), file("a.txt"));
    ChatAttachment renamed = ChatAttachment.file("atc_1", "b.md", "text/markdown");

    store().saveAttachment(renamed, ChatContext.NONE, null);

    StoredAttachment described = store().describeAttachment("atc_1");
    assertThat(described.attachment()).isEqualTo(renamed);
    assertThat(described.thread()).isEmpty();
    assertThat(described.file()).isEmpty();
  }

  @Test
  void loadingADeletedAttachmentIsAttachmentNotFoundWithUpstreamsMessage() {
    store().saveAttachment(ChatAttachment.file("atc_1", "a.txt", "text/plain"), ChatContext.NONE, null);

    store().deleteAttachment("atc_1");

    assertThatThrownBy(() -> store().loadAttachment("atc_1"))
        .isInstanceOf(ChatAttachmentNotFoundException.class)
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Attachment atc_1 not found");
  }

  @Test
  void describingAMissingAttachmentIsAttachmentNotFound() {
    assertThatThrownBy(() -> store().describeAttachment("atc_missing"))
        .isInstanceOf(ChatAttachmentNotFoundException.class)
        .hasMessage("Attachment atc_missing not found");
  }

  @Test
  void deletingAnAttachmentKeepsItsFile() throws IOException {
    Path file = file("a.txt");
    store().saveAttachment(ChatAttachment.file("atc_1", "a.txt", "text/plain"), ChatContext.NONE, file);

    store().deleteAttachment("atc_1");

    assertThat(file).exists().hasContent("content of a.txt");
  }

  @Test
  void deletingAMissingAttachmentIsNoError() throws SQLException {
    store().saveAttachment(ChatAttachment.file("atc_1", "a.txt", "text/plain"), ChatContext.NONE, null);

    store().deleteAttachment("atc_missing");

    assertThat(rows().rowsOf("chat_attachments")).isEqualTo(1);
  }

  @Test
  void savingAnAttachmentForAMissingRequestThreadIsThreadNotFoundAndWritesNothing() throws SQLException {
    assertThatThrownBy(() -> store().saveAttachment(ChatAttachment.file("atc_1", "a.txt", "text/plain"),
        requestFor("thr_missing"), null))
        .isInstanceOf(ChatThreadNotFoundException.class)
        .hasMessage("Thread thr_missing not found");

    assertThat(rows().rowsOf("chat_attachments")).isZero();
  }

  @Test
  void attachmentWithUnstorableTextInItsDocumentIsRejectedAndNotWritten() throws SQLException {
    ObjectNode document = ChatAttachment.file("atc_1", "a.txt", "text/plain").document();
    document.put("upload_url", "https://upload.test/\u0000");

    assertThatThrownBy(() -> store().saveAttachment(ChatAttachment.fromJson(document), ChatContext.NONE, null))
        .isInstanceOf(ValidationException.class);

    assertThat(rows().rowsOf("chat_attachments")).isZero();
  }

  // --- Deleting the thread (the foreign key's SET NULL) ---------------------------------------------------------

  @Test
  void deletingAThreadDetachesItsAttachments() throws SQLException {
    thread(THREAD);
    ChatAttachment attachment = ChatAttachment.file("atc_1", "a.txt", "text/plain");
    store().saveAttachment(attachment, requestFor(THREAD), null);

    store().deleteThread(THREAD);

    assertThat(store().describeAttachment("atc_1").thread()).isEmpty();
    assertThat(store().loadAttachment("atc_1")).isEqualTo(attachment);
    assertThat(rows().query("SELECT id, thread_id FROM chat_attachments"))
        .containsExactly(Arrays.asList("atc_1", null));
  }

  @Test
  void deletingAThreadKeepsItsAttachmentsFiles() throws IOException {
    thread(THREAD);
    Path file = file("a.txt");
    store().saveAttachment(ChatAttachment.file("atc_1", "a.txt", "text/plain"), requestFor(THREAD), file);

    store().deleteThread(THREAD);

    assertThat(file).exists().hasContent("content of a.txt");
    assertThat(store().describeAttachment("atc_1").storagePath()).isEqualTo(file);
  }

  @Test
  void deletingAThreadLeavesOtherThreadsAttachmentsAttached() {
    thread(THREAD);
    thread("thr_2");
    store().saveAttachment(ChatAttachment.file("atc_1", "a.txt", "text/plain"), requestFor(THREAD), null);
    store().saveAttachment(ChatAttachment.file("atc_2", "b.txt", "text/plain"), requestFor("thr_2"), null);

    store().deleteThread(THREAD);

    assertThat(store().describeAttachment("atc_2").threadId()).isEqualTo("thr_2");
  }

  // --- Uploads ---------------------------------------------------------------------------------------------------

  @Test
  void uploadWritesTheFileUnderTheStoragePathNamedByIdAndName() {
    StoredAttachment uploaded = store().upload("notes.txt", "text/plain",
        new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));

    Path expected = storageDirectory().resolve(uploaded.attachment().id() + "_notes.txt");
    assertThat(uploaded.storagePath()).isEqualTo(expected);
    assertThat(expected).exists();
  }

  @Test
  void uploadedFileHoldsTheContentByteForByte() throws IOException {
    byte[] content = bytes(300_000);

    StoredAttachment uploaded = store().upload("data.bin", "application/octet-stream",
        new ByteArrayInputStream(content));

    assertThat(Files.readAllBytes(uploaded.storagePath())).isEqualTo(content);
  }

  @Test
  void uploadSavesADetachedFileAttachment() throws SQLException {
    clock.advance(TICK);

    StoredAttachment uploaded = store().upload("notes.txt", "text/plain",
        new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));

    ChatAttachment attachment = uploaded.attachment();
    assertThat(attachment.id()).matches("atc_[0-9a-f]{8}");
    assertThat(attachment.type()).isEqualTo(ChatAttachment.Type.FILE);
    assertThat(attachment.name()).isEqualTo("notes.txt");
    assertThat(attachment.mimeType()).isEqualTo("text/plain");
    assertThat(uploaded.thread()).isEmpty();
    assertThat(uploaded.savedAt()).isEqualTo(START.plus(TICK));
    assertThat(store().describeAttachment(attachment.id())).isEqualTo(uploaded);
    assertThat(rows().query("SELECT thread_id, storage_path FROM chat_attachments WHERE id = ?", attachment.id()))
        .containsExactly(Arrays.asList(null, uploaded.storagePath().toString()));
  }

  @Test
  void uploadsOfTheSameNameGetDistinctIdsAndFiles() throws IOException {
    StoredAttachment first = store().upload("same.txt", "text/plain",
        new ByteArrayInputStream("one".getBytes(StandardCharsets.UTF_8)));
    StoredAttachment second = store().upload("same.txt", "text/plain",
        new ByteArrayInputStream("two".getBytes(StandardCharsets.UTF_8)));

    assertThat(first.attachment().id()).isNotEqualTo(second.attachment().id());
    assertThat(first.storagePath()).isNotEqualTo(second.storagePath()).hasContent("one");
    assertThat(second.storagePath()).hasContent("two");
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"../../my report (v2) \u00e9t\u00e9/..\\x:y*.txt", "..", "../../etc/passwd", "a/b\\c.txt",
      "\u00e9\u00e9.txt", "", ".hidden", "CON", "name with\ttab\nand newline.txt"})
  void uploadFileNameIsReducedToSafeCharactersInsideTheStoragePath(String name) throws IOException {
    StoredAttachment uploaded = store().upload(name, "text/plain",
        new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));

    Path file = uploaded.storagePath();
    assertThat(file.getParent()).isEqualTo(storageDirectory());
    assertThat(file.getFileName().toString())
        .startsWith(uploaded.attachment().id() + "_")
        .matches("[A-Za-z0-9._-]+");
    assertThat(file).hasContent("x");
    assertThat(uploaded.attachment().name()).as("the name shown to users").isEqualTo(name);
    assertThat(uploadedFiles()).containsExactly(file);
  }

  @Test
  void uploadOfExactlyTheLimitIsAccepted() throws IOException {
    ChatStore limited = instanceWith(10, 30).chat();

    StoredAttachment uploaded = limited.upload("ten.bin", "application/octet-stream",
        new ByteArrayInputStream(bytes(10)));

    assertThat(Files.readAllBytes(uploaded.storagePath())).isEqualTo(bytes(10));
  }

  @Test
  void uploadOverTheLimitIsAttachmentTooLargeAndLeavesNoFileNorRow() throws IOException, SQLException {
    ChatStore limited = instanceWith(10, 30).chat();

    assertThatThrownBy(() -> limited.upload("eleven.bin", "application/octet-stream",
        new ByteArrayInputStream(bytes(11))))
        .isInstanceOf(AttachmentTooLargeException.class)
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((AttachmentTooLargeException) e).limit()).isEqualTo(10));

    assertThat(uploadedFiles()).isEmpty();
    assertThat(rows().rowsOf("chat_attachments")).isZero();
  }

  @Test
  void uploadFarOverTheLimitIsRejectedWithoutReadingItAll() throws IOException, SQLException {
    ChatStore limited = instanceWith(1024, 30).chat();
    CountingStream endless = new CountingStream();

    assertThatThrownBy(() -> limited.upload("endless.bin", "application/octet-stream", endless))
        .isInstanceOf(AttachmentTooLargeException.class);

    assertThat(endless.read).as("bytes read").isLessThan(10L * 1024 * 1024);
    assertThat(uploadedFiles()).isEmpty();
    assertThat(rows().rowsOf("chat_attachments")).isZero();
  }

  @Test
  void uploadWhoseContentCannotBeReadIsAStorageErrorAndLeavesNoFileNorRow() throws IOException, SQLException {
    InputStream broken = new InputStream() {
      private int served;

      @Override
      public int read() throws IOException {
        if (served++ < 100) {
          return 'x';
        }
        throw new IOException("connection reset");
      }
    };

    assertThatThrownBy(() -> store().upload("broken.txt", "text/plain", broken))
        .isInstanceOf(StorageException.class);

    assertThat(uploadedFiles()).isEmpty();
    assertThat(rows().rowsOf("chat_attachments")).isZero();
  }

  @Test
  void uploadWithAnUnstorableNameIsRejectedAndLeavesNoFileNorRow() throws IOException, SQLException {
    assertThatThrownBy(() -> store().upload("bad\u0000name.txt", "text/plain",
        new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ValidationException.class);

    assertThat(uploadedFiles()).isEmpty();
    assertThat(rows().rowsOf("chat_attachments")).isZero();
  }

  /** An endless stream of zeros that counts what was read from it. */
  private static final class CountingStream extends InputStream {
    long read;

    @Override
    public int read() {
      read++;
      return 0;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      read += length;
      Arrays.fill(buffer, offset, offset + length, (byte) 0);
      return length;
    }
  }

  // --- Pruning (§H.3 items 22, 23, 31) ---------------------------------------------------------------------------

  /**
   * A stale thread {@code thr_old} (saved at {@link #START}) with two items and an attachment whose file exists,
   * and a thread {@code thr_new} saved a day later with the same; the clock is left a day after {@link #START}.
   */
  private void staleAndRecent() throws IOException {
    thread("thr_old", START);
    add("thr_old", "msg_old_1", "old one");
    add("thr_old", "msg_old_2", "old two");
    store().saveAttachment(ChatAttachment.file("atc_old", "old.txt", "text/plain"), requestFor("thr_old"),
        file("old.txt"));
    clock.advance(Duration.ofDays(1));
    thread("thr_new", START);
    add("thr_new", "msg_new_1", "new one");
    store().saveAttachment(ChatAttachment.file("atc_new", "new.txt", "text/plain"), requestFor("thr_new"),
        file("new.txt"));
  }

  private static final Instant CUTOFF = START.plus(Duration.ofHours(12));

  @Test
  void pruneDeletesThreadsUntouchedSinceTheCutoffWithTheirItems() throws IOException, SQLException {
    staleAndRecent();

    store().pruneThreadsOlderThan(CUTOFF);

    assertThatThrownBy(() -> store().loadThread("thr_old")).isInstanceOf(ChatThreadNotFoundException.class);
    assertThat(rows().count("SELECT count(*) FROM chat_messages WHERE thread_id = ?", "thr_old")).isZero();
  }

  @Test
  void pruneDeletesThePrunedThreadsAttachmentRows() throws IOException {
    staleAndRecent();

    store().pruneThreadsOlderThan(CUTOFF);

    assertThatThrownBy(() -> store().loadAttachment("atc_old")).isInstanceOf(ChatAttachmentNotFoundException.class);
  }

  @Test
  void pruneDeletesThePrunedThreadsAttachmentFiles() throws IOException {
    staleAndRecent();
    Path oldFile = tempDir.resolve("files").resolve("old.txt");
    assertThat(oldFile).exists();

    store().pruneThreadsOlderThan(CUTOFF);

    assertThat(oldFile).doesNotExist();
  }

  @Test
  void pruneKeepsRecentThreadsWithTheirItemsAttachmentsAndFiles() throws IOException, SQLException {
    staleAndRecent();

    store().pruneThreadsOlderThan(CUTOFF);

    assertThat(store().loadThread("thr_new").id()).isEqualTo("thr_new");
    assertThat(rows().itemIds("thr_new")).containsExactly("msg_new_1");
    assertThat(store().describeAttachment("atc_new").threadId()).isEqualTo("thr_new");
    assertThat(tempDir.resolve("files").resolve("new.txt")).exists();
  }

  @Test
  void pruneReturnsTheNumberOfThreadsDeleted() {
    thread("thr_1", START);
    thread("thr_2", START);
    thread("thr_3", START);
    clock.advance(Duration.ofDays(1));
    thread("thr_4", START);

    assertThat(store().pruneThreadsOlderThan(CUTOFF)).isEqualTo(3);
    assertThat(threadIds(store().listThreads(asc(10), ChatContext.NONE))).containsExactly("thr_4");
  }

  @Test
  void pruneWithNothingStaleReturnsZeroAndDeletesNothing() throws IOException, SQLException {
    staleAndRecent();

    assertThat(store().pruneThreadsOlderThan(START.minus(TICK))).isZero();

    assertThat(rows().rowsOf("chat_threads")).isEqualTo(2);
    assertThat(rows().rowsOf("chat_messages")).isEqualTo(3);
    assertThat(rows().rowsOf("chat_attachments")).isEqualTo(2);
  }

  @Test
  void pruneOfAnEmptyStoreReturnsZero() {
    assertThat(store().pruneThreadsOlderThan(START.plus(Duration.ofDays(365)))).isZero();
  }

  @Test
  void pruneKeepsAThreadUpdatedExactlyAtTheCutoff() {
    thread("thr_1", START);

    assertThat(store().pruneThreadsOlderThan(START)).isZero();
    assertThat(store().loadThread("thr_1").id()).isEqualTo("thr_1");
  }

  @Test
  void pruneGoesByTheLastChangeNotTheCreationTime() {
    thread("thr_1", START);
    clock.advance(Duration.ofDays(1));
    add("thr_1", "msg_1", "a later message");

    assertThat(store().pruneThreadsOlderThan(CUTOFF)).isZero();
    assertThat(store().loadThread("thr_1").id()).isEqualTo("thr_1");
  }

  @Test
  void pruneOfAThreadWhoseFileIsAlreadyGoneStillSucceeds() throws IOException {
    thread("thr_1", START);
    Path file = file("gone.txt");
    store().saveAttachment(ChatAttachment.file("atc_1", "gone.txt", "text/plain"), requestFor("thr_1"), file);
    Files.delete(file);

    assertThat(store().pruneThreadsOlderThan(CUTOFF)).isEqualTo(1);
    assertThatThrownBy(() -> store().loadAttachment("atc_1")).isInstanceOf(ChatAttachmentNotFoundException.class);
  }

  @Test
  void pruneLeavesDetachedAttachmentsAndTheirFiles() throws IOException {
    thread("thr_1", START);
    StoredAttachment uploaded = store().upload("kept.txt", "text/plain",
        new ByteArrayInputStream("kept".getBytes(StandardCharsets.UTF_8)));

    store().pruneThreadsOlderThan(CUTOFF);

    assertThat(store().describeAttachment(uploaded.attachment().id()).thread()).isEmpty();
    assertThat(uploaded.storagePath()).hasContent("kept");
  }

  @Test
  void pruneExpiredDeletesThreadsUntouchedForTheDefaultThirtyDays() {
    thread("thr_old", START);
    clock.advance(Duration.ofDays(1));
    thread("thr_new", START);
    clock.set(START.plus(Duration.ofDays(30)).plus(Duration.ofHours(12)));

    assertThat(store().pruneExpired()).isEqualTo(1);
    assertThat(threadIds(store().listThreads(asc(10), ChatContext.NONE))).containsExactly("thr_new");
  }

  @Test
  void pruneExpiredFollowsTheConfiguredRetentionDays() {
    thread("thr_old", START);
    clock.advance(Duration.ofHours(2));
    thread("thr_new", START);
    clock.set(START.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
    ChatStore weekly = instanceWith(5_000_000, 7).chat();

    assertThat(store().pruneExpired()).as("with the default of 30 days").isZero();
    assertThat(weekly.pruneExpired()).isEqualTo(1);
    assertThat(threadIds(store().listThreads(asc(10), ChatContext.NONE))).containsExactly("thr_new");
  }
}
