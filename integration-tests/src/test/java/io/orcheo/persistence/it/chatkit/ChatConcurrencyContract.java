package io.orcheo.persistence.it.chatkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatPage;
import io.orcheo.persistence.core.chatkit.ChatStatus;
import io.orcheo.persistence.core.chatkit.ChatStore;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.core.chatkit.ChatThreadNotFoundException;
import io.orcheo.persistence.core.chatkit.ThreadItem;
import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.it.support.Together;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ChatKit store stays correct when two "processes" (two independent {@link OrcheoPersistence} instances, each
 * with its own pool, on one database) write from many threads at once: every appended item takes its own ordinal,
 * with none lost or repeated; stores opened together on a fresh database all serve (spec §H.3 item 9); and an item
 * added while its thread is deleted either lands before the delete (and goes with the thread) or is told the thread
 * is gone, never left without its thread.
 *
 * <p>Upstream serialised ChatKit writes with an in-process lock only (spec §C.2: "All writes take an in-process
 * async lock"); here the database must do it. Every test releases its threads together through {@link Together}
 * and checks both what the callers were told and what is stored.
 */
public abstract class ChatConcurrencyContract extends ChatContractSupport {
  private static final int WRITERS = 20;
  /** How many times the delete race is repeated with a fresh thread, for more interleavings. */
  private static final int ROUNDS = 8;
  /** How many fresh databases the opening race is repeated on. */
  private static final int FRESH_ROUNDS = 10;
  private static final String THREAD = "thr_1";

  private OrcheoPersistence secondProcess;

  @BeforeEach
  void openSecondProcess() {
    secondProcess = OrcheoPersistence.open(persistence.settings(), clock);
  }

  @AfterEach
  void closeSecondProcess() {
    if (secondProcess != null) {
      secondProcess.close();
    }
  }

  /** Even numbers use the test's instance, odd ones the second: both "processes" take part in every race. */
  private ChatStore chat(int n) {
    return (n % 2 == 0 ? persistence : secondProcess).chat();
  }

  private static String itemId(int writer) {
    return String.format("msg_%02d", writer);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void twentyConcurrentAppendsFromTwoProcessesTakeOrdinalsZeroToNineteenOnceEach() throws Exception {
    thread(THREAD);

    Together.run(WRITERS, 90, writer -> chat(writer).addItem(THREAD, userMessage(itemId(writer), THREAD,
        "writer " + writer)));

    List<Integer> zeroToNineteen = IntStream.range(0, WRITERS).boxed().toList();
    assertThat(rows().ordinals(THREAD)).containsExactlyElementsOf(zeroToNineteen);
    List<String> everyWriter = IntStream.range(0, WRITERS).mapToObj(ChatConcurrencyContract::itemId).toList();
    assertThat(rows().itemIds(THREAD)).containsExactlyInAnyOrderElementsOf(everyWriter);
    ChatPage<ThreadItem> listed = secondProcess.chat().listItems(THREAD, asc(50));
    assertThat(itemIds(listed)).containsExactlyInAnyOrderElementsOf(everyWriter).doesNotHaveDuplicates();
    for (ThreadItem item : listed.data()) {
      assertThat(item.document().path("content").path(0).path("text").asText()).as("text of %s", item.id())
          .isEqualTo("writer " + Integer.parseInt(item.id().substring(4)));
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void twentyConcurrentSavesOfNewItemsFromTwoProcessesTakeOrdinalsZeroToNineteenOnceEach() throws Exception {
    thread(THREAD);

    Together.run(WRITERS, 90, writer -> chat(writer).saveItem(THREAD, assistantMessage(itemId(writer), THREAD,
        "writer " + writer)));

    assertThat(rows().ordinals(THREAD)).containsExactlyElementsOf(IntStream.range(0, WRITERS).boxed().toList());
    assertThat(rows().itemIds(THREAD)).hasSize(WRITERS).doesNotHaveDuplicates();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void concurrentAppendsToTwoThreadsNumberEachThreadFromZero() throws Exception {
    thread(THREAD);
    thread("thr_2");

    Together.run(WRITERS, 90, writer -> {
      String threadId = writer < WRITERS / 2 ? THREAD : "thr_2";
      chat(writer).addItem(threadId, userMessage(itemId(writer), threadId, "writer " + writer));
    });

    List<Integer> zeroToNine = IntStream.range(0, WRITERS / 2).boxed().toList();
    assertThat(rows().ordinals(THREAD)).containsExactlyElementsOf(zeroToNine);
    assertThat(rows().ordinals("thr_2")).containsExactlyElementsOf(zeroToNine);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void concurrentAddsOfOneItemIdFromTwoProcessesLeaveOneItemAtOrdinalZero() throws Exception {
    thread(THREAD);

    Together.run(10, 90, writer -> chat(writer).addItem(THREAD, userMessage("msg_same", THREAD,
        "writer " + writer)));

    assertThat(rows().query("SELECT id, ordinal FROM chat_messages")).containsExactly(List.of("msg_same", "0"));
    assertThat(store().loadItem(THREAD, "msg_same").document().path("content").path(0).path("text").asText())
        .startsWith("writer ");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void concurrentSavesOfOneNewThreadFromTwoProcessesLeaveOneThreadCreatedOnce() throws Exception {
    Together.run(10, 90, writer -> chat(writer).saveThread(new ChatThread(THREAD, "Writer " + writer,
        START.plusSeconds(writer), ChatStatus.ACTIVE, null), ChatContext.NONE));

    assertThat(rows().query("SELECT id FROM chat_threads")).containsExactly(List.of(THREAD));
    ChatThread stored = store().loadThread(THREAD);
    // The first insert's creation time is kept by every later save; the title is the last writer's.
    assertThat(stored.createdAt()).isBetween(START, START.plusSeconds(9));
    assertThat(stored.title()).startsWith("Writer ");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void concurrentPrunesFromTwoProcessesDeleteAndCountEachStaleThreadOnce() throws Exception {
    int stale = 30;
    for (int i = 0; i < stale; i++) {
      String threadId = String.format("thr_%02d", i);
      thread(threadId);
      add(threadId, "msg_" + i, "old");
    }
    clock.advance(Duration.ofDays(2));
    thread("thr_recent");
    Queue<Integer> counts = new ConcurrentLinkedQueue<>();

    Together.run(6, 90, writer -> counts.add(chat(writer).pruneThreadsOlderThan(START.plus(
        Duration.ofDays(1)))));

    assertThat(counts.stream().mapToInt(Integer::intValue).sum()).as("threads reported deleted").isEqualTo(stale);
    assertThat(rows().column("SELECT id FROM chat_threads")).containsExactly("thr_recent");
    assertThat(rows().rowsOf("chat_messages")).isZero();
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void itemsAddedWhileTheirThreadIsPrunedAreNeverLeftWithoutIt() throws Exception {
    int writers = 8;
    for (int round = 0; round < ROUNDS / 2; round++) {
      String prefix = "msg_p" + round + "_";
      String threadId = "thr_prune" + round;
      thread(threadId);
      clock.advance(Duration.ofDays(1));
      Instant cutoff = clock.instant().minusSeconds(1);

      Together.run(writers, 90, writer -> {
        if (writer == 0) {
          chat(writer).pruneThreadsOlderThan(cutoff);
          return;
        }
        try {
          chat(writer).addItem(threadId, userMessage(prefix + writer, threadId, "racing"));
        } catch (ChatThreadNotFoundException e) {
          assertThat(e.threadId()).isEqualTo(threadId);
        }
      });

      long threads = rows().count("SELECT count(*) FROM chat_threads WHERE id = ?", threadId);
      long items = rows().count("SELECT count(*) FROM chat_messages WHERE thread_id = ?", threadId);
      assertThat(threads == 1 || items == 0).as("round %d: %d thread(s), %d item(s)", round, threads, items).isTrue();
    }
    assertThat(rows().count("SELECT count(*) FROM chat_messages m WHERE NOT EXISTS"
        + " (SELECT 1 FROM chat_threads t WHERE t.id = m.thread_id)")).as("items without a thread").isZero();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void threeConcurrentSavesOfNewThreadsOnAFreshDatabaseAllSucceed() throws Exception {
    try (OrcheoPersistence first = OrcheoPersistence.open(backend().settings(tempDir.resolve("fresh")), clock);
        OrcheoPersistence second = OrcheoPersistence.open(first.settings(), clock)) {
      Together.run(3, 90, writer -> (writer == 1 ? second : first).chat().saveThread(new ChatThread("thr_" + writer,
          "Thread " + writer, START, ChatStatus.ACTIVE, null), ChatContext.NONE));

      assertThat(threadIds(second.chat().listThreads(asc(10), ChatContext.NONE)))
          .containsExactly("thr_0", "thr_1", "thr_2");
    }
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void threeStoresOpenedTogetherOnAFreshDatabaseEachSaveAThread() throws Exception {
    for (int round = 0; round < FRESH_ROUNDS; round++) {
      PersistenceSettings fresh = backend().settings(tempDir.resolve("fresh-" + round));
      List<OrcheoPersistence> opened = Collections.synchronizedList(new ArrayList<>());
      try {
        Together.run(3, 150, writer -> {
          OrcheoPersistence instance = OrcheoPersistence.open(fresh, clock);
          opened.add(instance);
          instance.chat().saveThread(new ChatThread("thr_" + writer, "Thread " + writer, START, ChatStatus.ACTIVE,
              null), ChatContext.NONE);
        });

        assertThat(opened).hasSize(3);
        assertThat(threadIds(opened.get(0).chat().listThreads(asc(10), ChatContext.NONE)))
            .as("round %d", round).containsExactly("thr_0", "thr_1", "thr_2");
      } finally {
        opened.forEach(OrcheoPersistence::close);
      }
    }
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void itemsAddedWhileTheirThreadIsDeletedAreNeverLeftWithoutIt() throws Exception {
    int writers = 8;
    for (int round = 0; round < ROUNDS; round++) {
      String prefix = "msg_r" + round + "_";
      String threadId = "thr_round" + round;
      thread(threadId);
      add(threadId, prefix + "first", "before the race");
      Queue<Integer> added = new ConcurrentLinkedQueue<>();
      Queue<Integer> refused = new ConcurrentLinkedQueue<>();

      Together.run(writers, 90, writer -> {
        if (writer == 0) {
          chat(writer).deleteThread(threadId);
          return;
        }
        try {
          chat(writer).addItem(threadId, userMessage(prefix + writer, threadId, "racing"));
          added.add(writer);
        } catch (ChatThreadNotFoundException e) {
          assertThat(e.threadId()).isEqualTo(threadId);
          refused.add(writer);
        }
      });

      assertThat(added.size() + refused.size()).as("round %d outcomes", round).isEqualTo(writers - 1);
      assertThat(rows().count("SELECT count(*) FROM chat_threads WHERE id = ?", threadId)).isZero();
      assertThat(rows().count("SELECT count(*) FROM chat_messages WHERE thread_id = ?", threadId))
          .as("round %d items left behind", round).isZero();
    }
    assertThat(rows().count("SELECT count(*) FROM chat_messages m WHERE NOT EXISTS"
        + " (SELECT 1 FROM chat_threads t WHERE t.id = m.thread_id)")).as("items without a thread").isZero();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void concurrentAppendsAndDeletesOfOtherItemsKeepOrdinalsUnique() throws Exception {
    thread(THREAD);
    for (int i = 0; i < WRITERS / 2; i++) {
      add(THREAD, String.format("msg_old%02d", i), "old " + i);
    }

    Together.run(WRITERS, 90, writer -> {
      if (writer % 2 == 0) {
        chat(writer).deleteItem(THREAD, String.format("msg_old%02d", writer / 2));
      } else {
        chat(writer).addItem(THREAD, userMessage(itemId(writer), THREAD, "new " + writer));
      }
    });

    List<Integer> ordinals = rows().ordinals(THREAD);
    assertThat(ordinals).hasSize(WRITERS / 2).doesNotHaveDuplicates();
    assertThat(ordinals).allSatisfy(ordinal -> assertThat(ordinal).isBetween(0, WRITERS - 1));
    assertThat(rows().itemIds(THREAD)).containsExactlyInAnyOrderElementsOf(
        IntStream.range(0, WRITERS).filter(w -> w % 2 == 1).mapToObj(ChatConcurrencyContract::itemId).toList());
  }
}
