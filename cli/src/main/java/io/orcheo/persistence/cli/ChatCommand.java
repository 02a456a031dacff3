package io.orcheo.persistence.cli;

import static io.orcheo.persistence.jooq.generated.Tables.CHAT_MESSAGES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.chatkit.ChatContext;
import io.orcheo.persistence.core.chatkit.ChatPage;
import io.orcheo.persistence.core.chatkit.ChatPageRequest;
import io.orcheo.persistence.core.chatkit.ChatStatus;
import io.orcheo.persistence.core.chatkit.ChatStore;
import io.orcheo.persistence.core.chatkit.ChatThread;
import io.orcheo.persistence.core.chatkit.SortOrder;
import io.orcheo.persistence.core.chatkit.ThreadItem;
import io.orcheo.persistence.core.chatkit.UnknownPageMarkerException;
import io.orcheo.persistence.core.error.StorableText;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import io.orcheo.persistence.jooq.runtime.Store;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code orcheo-db chat …}: ChatKit's threads and their items, read-only. Every listing is a keyset page that ends
 * with the command line for the next page, or, with {@code --json}, ChatKit's page object.
 *
 * <p>A value refused once the command line is parsed (a page marker the listing does not know, a query without a
 * word, a {@code --metadata} that is not a JSON object) is reported in one line with exit code 2: the usage text
 * would not say what is wrong with it.
 */
@Command(name = "chat",
    description = "List ChatKit threads (of a workflow, or by metadata), a thread's items, or the items whose message "
        + "text matches a search.",
    subcommands = {ChatCommand.Threads.class, ChatCommand.Items.class, ChatCommand.Search.class,
        ChatCommand.Filter.class})
final class ChatCommand implements Runnable {
  /** Characters of a title a table row shows. */
  static final int TITLE_WIDTH = 30;
  /** Characters of an item's text a table row shows. */
  static final int TEXT_WIDTH = 60;
  /** Characters of a title the line above an item table shows. */
  private static final int HEADER_TITLE_WIDTH = 80;

  private static final String THREAD_ROW = "%-12s %-28s %-6s %-30s %s%n";
  private static final String ITEM_ROW = "%-5s %-12s %-19s %-28s %s%n";

  @ParentCommand OrcheoDb root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: threads, items, search or filter");
  }

  /** Prints threads as a table, in the order given. */
  static void printThreads(PrintWriter out, List<ChatThread> threads) {
    out.printf(THREAD_ROW, "ID", "CREATED_AT", "STATUS", "TITLE", "WORKFLOW");
    for (ChatThread thread : threads) {
      out.printf(THREAD_ROW, thread.id(), thread.createdAt(), thread.status().state().value(),
          thread.title() == null ? "-" : oneLine(thread.title(), TITLE_WIDTH), thread.workflowId().orElse("-"));
    }
  }

  /** Prints the line that introduces a thread's items: id, title, status, workflow and creation time. */
  static void printThread(PrintWriter out, ChatThread thread) {
    out.printf("thread %s  %s  %s  workflow=%s  created_at=%s%n", thread.id(),
        thread.title() == null ? "(untitled)" : "\"" + oneLine(thread.title(), HEADER_TITLE_WIDTH) + "\"",
        status(thread.status()), thread.workflowId().orElse("-"), thread.createdAt());
  }

  /**
   * Prints items as a table, in the order given: position in the thread ({@code positions}, "-" for an item not in
   * it), id, type, creation time and the text of a message, cut to {@value #TEXT_WIDTH} characters.
   */
  static void printItems(PrintWriter out, List<ThreadItem> items, Map<String, Integer> positions) {
    out.printf(ITEM_ROW, "POS", "ID", "TYPE", "CREATED_AT", "TEXT");
    for (ThreadItem item : items) {
      Integer position = positions.get(item.id());
      out.printf(ITEM_ROW, position == null ? "-" : position, item.id(), item.type().value(), item.createdAt(),
          text(item));
    }
  }

  /**
   * The position (ordinal) of each of {@code items} in thread {@code threadId}. The store's items do not carry it,
   * and an operator reading search hits wants to know where in the conversation they are.
   */
  static Map<String, Integer> positions(OrcheoPersistence persistence, String threadId, List<ThreadItem> items) {
    if (items.isEmpty()) {
      return Map.of();
    }
    List<String> ids = items.stream().map(ThreadItem::id).toList();
    return persistence.database(Store.CHATKIT).transactor().read("read the positions of items of thread " + threadId,
        dsl -> dsl.select(CHAT_MESSAGES.ID, CHAT_MESSAGES.ORDINAL)
            .from(CHAT_MESSAGES)
            .where(CHAT_MESSAGES.THREAD_ID.eq(threadId))
            .and(CHAT_MESSAGES.ID.in(ids))
            .fetchMap(CHAT_MESSAGES.ID, CHAT_MESSAGES.ORDINAL));
  }

  /** What the table shows of an item: a message's text, or the type in brackets for other kinds. */
  static String text(ThreadItem item) {
    if (!item.type().isSearched()) {
      return "[" + item.type().value() + "]";
    }
    String text = oneLine(item.searchableText(), TEXT_WIDTH);
    return text.isEmpty() ? "-" : text;
  }

  /**
   * {@code text} on one line of at most {@code width} characters. Stored text is a user's: a line break would split
   * a row, and a control character (an escape sequence) would reach the terminal. So whitespace runs and control
   * characters become one space, and a longer text is cut between code points and ends with "…".
   */
  static String oneLine(String text, int width) {
    StringBuilder line = new StringBuilder();
    boolean gap = false;
    for (int cp : text.codePoints().toArray()) {
      if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)) {
        gap = line.length() > 0;
        continue;
      }
      if (gap) {
        line.append(' ');
        gap = false;
      }
      line.appendCodePoint(cp);
    }
    if (line.codePointCount(0, line.length()) <= width) {
      return line.toString();
    }
    return line.substring(0, line.offsetByCodePoints(0, width - 1)) + "…";
  }

  private static String status(ChatStatus status) {
    return status.reason() == null ? status.state().value() : status.state().value() + " (" + status.reason() + ")";
  }

  /** A thread as ChatKit's {@code ThreadMetadata} object. */
  static ObjectNode threadDocument(ChatThread thread) {
    ObjectNode document = JsonCodec.mapper().createObjectNode();
    document.put("id", thread.id());
    document.put("title", thread.title());
    document.put("created_at", ThreadItem.pydantic(thread.createdAt()));
    document.set("status", thread.status().toJson());
    document.set("metadata", thread.metadata());
    return document;
  }

  /** Prints {@code page} as ChatKit's page object: {@code data}, {@code has_more} and {@code after}. */
  static <T> void printJson(PrintWriter out, ChatPage<T> page, Function<T, ? extends JsonNode> document) {
    ObjectNode json = JsonCodec.mapper().createObjectNode();
    ArrayNode data = json.putArray("data");
    page.data().forEach(element -> data.add(document.apply(element)));
    json.put("has_more", page.hasMore());
    json.put("after", page.after());
    try {
      out.println(JsonCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    } catch (JsonProcessingException e) {
      // Trees read from the database always serialize; failing here is a bug, not a user error.
      throw new IllegalStateException("Cannot print the page", e);
    }
  }

  /** A value refused after parsing: one line on stderr and exit code 2 (see the class comment). */
  static ValidationException invalid(String message, Throwable cause) {
    return new ValidationException(message, cause);
  }

  /**
   * Runs a listing, reporting an {@code after} the listing does not know as the option's mistake. Other refusals
   * pass through.
   */
  static <T> ChatPage<T> paged(Supplier<ChatPage<T>> listing) {
    try {
      return listing.get();
    } catch (UnknownPageMarkerException e) {
      throw invalid("Invalid --after: " + e.getMessage(), e);
    }
  }

  /** Refuses text no backend could hold, so that both report it alike rather than as "not found" or a failure. */
  static String requireStorable(String value, String name) {
    String problem = StorableText.problem(value);
    if (problem != null) {
      throw invalid("Invalid " + name + ": it " + problem, null);
    }
    return value;
  }

  /** The options of every {@code chat} listing: page size, marker, order and output form. */
  static final class PageOptions {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + ChatPageRequest.DEFAULT_LIMIT,
        description = "Per page, 1 to " + PageRequest.MAX_LIMIT + " (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--after", paramLabel = "ID",
        description = "Continue after this thread or item, the last of the previous page (the printed next-page "
            + "command gives it).")
    String after;

    @Option(names = "--order", paramLabel = "asc|desc", defaultValue = "desc",
        description = "By creation (threads) or position (items): desc, newest first (default), or asc.")
    String order;

    @Option(names = "--json", description = "Print ChatKit's page object: {\"data\": [...], \"has_more\", \"after\"}.")
    boolean json;

    /** The page asked for. */
    ChatPageRequest request() {
      if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
        throw invalid("--limit must be between 1 and " + PageRequest.MAX_LIMIT + ", got " + limit, null);
      }
      if (after != null && after.isBlank()) {
        // Else it would read as "the first page" to someone pasting a broken line.
        throw invalid("--after must not be blank; omit it for the first page", null);
      }
      requireStorable(after, "--after");
      return new ChatPageRequest(limit, after, sortOrder());
    }

    /** The order; unlike ChatKit's rule (anything but "asc" is descending), a typo is refused. */
    SortOrder sortOrder() {
      switch (order.toLowerCase(Locale.ROOT)) {
        case "asc":
          return SortOrder.ASC;
        case "desc":
          return SortOrder.DESC;
        default:
          throw invalid("--order must be asc or desc, got '" + order + "'", null);
      }
    }

    /**
     * The options that ask for the page after {@code page}, same size and order. {@code --after=} keeps an id that
     * starts with '-' the option's value.
     */
    String next(ChatPage<?> page) {
      return " --limit " + limit + " --order " + sortOrder().name().toLowerCase(Locale.ROOT) + " --after="
          + Arguments.quote(page.after());
    }
  }

  @Command(name = "threads",
      description = "Print one page of threads by creation, newest first, and the command for the next page.")
  static final class Threads implements Callable<Integer> {
    @ParentCommand ChatCommand chat;
    @Spec CommandSpec spec;
    @Mixin PageOptions paging;

    @Option(names = "--workflow", paramLabel = "ID",
        description = "Only the threads of this workflow (metadata.workflow_id).")
    String workflow;

    @Override
    public Integer call() {
      ChatPageRequest request = paging.request();
      if (workflow != null && workflow.isBlank()) {
        throw invalid("--workflow must not be blank; omit it for the threads of every workflow", null);
      }
      ChatContext context = workflow == null ? ChatContext.NONE
          : ChatContext.forWorkflow(requireStorable(workflow, "--workflow"));
      PrintWriter out = spec.commandLine().getOut();
      try (OrcheoPersistence persistence = chat.root.open()) {
        ChatPage<ChatThread> page = paged(() -> persistence.chat().listThreads(request, context));
        if (paging.json) {
          printJson(out, page, ChatCommand::threadDocument);
          return 0;
        }
        printThreads(out, page.data());
        out.printf("%d thread(s)%n", page.data().size());
        if (page.hasMore()) {
          out.printf("next page: ./orcheo-db chat threads%s%s%n",
              workflow == null ? "" : " --workflow=" + Arguments.quote(workflow), paging.next(page));
        }
      }
      return 0;
    }
  }

  @Command(name = "items",
      description = "Print one page of a thread's items by position, newest first, and the command for the next page.")
  static final class Items implements Callable<Integer> {
    @ParentCommand ChatCommand chat;
    @Spec CommandSpec spec;
    @Mixin PageOptions paging;

    @Parameters(index = "0", paramLabel = "THREAD_ID", description = "The thread's id (thr_…).")
    String threadId;

    @Override
    public Integer call() {
      ChatPageRequest request = paging.request();
      requireStorable(threadId, "THREAD_ID");
      PrintWriter out = spec.commandLine().getOut();
      try (OrcheoPersistence persistence = chat.root.open()) {
        ChatStore store = persistence.chat();
        ChatThread thread = store.loadThread(threadId);
        ChatPage<ThreadItem> page = paged(() -> store.listItems(threadId, request));
        if (paging.json) {
          printJson(out, page, ThreadItem::document);
          return 0;
        }
        printThread(out, thread);
        printItems(out, page.data(), positions(persistence, threadId, page.data()));
        out.printf("%d item(s)%n", page.data().size());
        if (page.hasMore()) {
          out.printf("next page: ./orcheo-db chat items %s%s%n", Arguments.quote(threadId), paging.next(page));
        }
      }
      return 0;
    }
  }

  @Command(name = "search",
      description = {"Print one page of a thread's items whose message text matches QUERY, by position, newest "
          + "first, and the command for the next page.",
          "QUERY: words that must all appear (stemmed, so 'failing' finds 'failed'; stop words such as 'the' are "
              + "ignored), \"a phrase\", 'or' between alternatives, -word to exclude."})
  static final class Search implements Callable<Integer> {
    @ParentCommand ChatCommand chat;
    @Spec CommandSpec spec;
    @Mixin PageOptions paging;

    @Parameters(index = "0", paramLabel = "THREAD_ID", description = "The thread's id (thr_…).")
    String threadId;

    @Parameters(index = "1", paramLabel = "QUERY", description = "What to search for, e.g. 'rotate token -revoke'.")
    String query;

    @Override
    public Integer call() {
      ChatPageRequest request = paging.request();
      requireStorable(threadId, "THREAD_ID");
      PrintWriter out = spec.commandLine().getOut();
      try (OrcheoPersistence persistence = chat.root.open()) {
        ChatStore store = persistence.chat();
        ChatThread thread = store.loadThread(threadId);
        ChatPage<ThreadItem> page = paged(() -> {
          try {
            return store.searchItems(threadId, query, request);
          } catch (UnknownPageMarkerException e) {
            throw e;
          } catch (ValidationException e) {
            // With the thread found and the page checked, only the query is left to refuse.
            throw invalid("Invalid QUERY: " + e.getMessage(), e);
          }
        });
        if (paging.json) {
          printJson(out, page, ThreadItem::document);
          return 0;
        }
        printThread(out, thread);
        printItems(out, page.data(), positions(persistence, threadId, page.data()));
        out.printf("%d matching item(s)%n", page.data().size());
        if (page.hasMore()) {
          // "--" ends the options, so that a query such as "-draft report" stays the query.
          out.printf("next page: ./orcheo-db chat search%s -- %s %s%n", paging.next(page), Arguments.quote(threadId),
              Arguments.quote(query));
        }
      }
      return 0;
    }
  }

  @Command(name = "filter",
      description = "Print one page of the threads whose metadata contains a JSON object, newest first, and the "
          + "command for the next page.")
  static final class Filter implements Callable<Integer> {
    @ParentCommand ChatCommand chat;
    @Spec CommandSpec spec;
    @Mixin PageOptions paging;

    @Option(names = "--metadata", paramLabel = "JSON", required = true,
        description = "The object the metadata must contain, e.g. '{\"locale\": \"en\"}' (every key with an equal "
            + "value, nested objects alike, arrays holding each element).")
    String metadata;

    @Override
    public Integer call() {
      ChatPageRequest request = paging.request();
      ObjectNode filter = Arguments.jsonObject("--metadata", metadata);
      PrintWriter out = spec.commandLine().getOut();
      try (OrcheoPersistence persistence = chat.root.open()) {
        ChatPage<ChatThread> page = paged(() -> {
          try {
            return persistence.chat().filterThreads(filter, request);
          } catch (UnknownPageMarkerException e) {
            throw e;
          } catch (ValidationException e) {
            // A filter shape both backends cannot evaluate alike (an array of objects, an unsupported key).
            throw invalid("Invalid --metadata: " + e.getMessage(), e);
          }
        });
        if (paging.json) {
          printJson(out, page, ChatCommand::threadDocument);
          return 0;
        }
        printThreads(out, page.data());
        out.printf("%d thread(s)%n", page.data().size());
        if (page.hasMore()) {
          // The filter is printed as parsed, compact: one argument whatever the spacing typed.
          out.printf("next page: ./orcheo-db chat filter --metadata=%s%s%n", Arguments.quote(filter.toString()),
              paging.next(page));
        }
      }
      return 0;
    }
  }
}
