package io.orcheo.persistence.core.chatkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.StorableText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the caller knows about the ChatKit request being served: the store's stand-in for upstream's request context,
 * without any web framework type. Every part is optional; {@link #NONE} is a call outside any request.
 *
 * @param workflowId the workflow the request is scoped to; {@link ChatStore#listThreads} lists only its threads
 *     (upstream: {@code ctx["workflow_id"]})
 * @param requestMetadata the request's metadata; {@link ChatStore#saveThread} merges it into the thread's, the
 *     request winning (upstream: {@code ctx.chatkit_request.metadata}). Copied.
 * @param inputTexts the {@code text} of each part of the user's input, in order, {@code ""} for a part without
 *     one; the first non-empty one names an untitled thread (upstream:
 *     {@code ctx.chatkit_request.params.input.content})
 * @param requestThreadId the thread the request is about; {@link ChatStore#saveAttachment} attaches to it
 *     (upstream: {@code ctx.chatkit_request.params.thread_id})
 */
public record ChatContext(String workflowId, ObjectNode requestMetadata, List<String> inputTexts,
    String requestThreadId) {
  /** Outside any request: no workflow scope, no metadata, no input, no thread. */
  public static final ChatContext NONE = new ChatContext(null, null, List.of(), null);

  /** Titles taken from the input are cut to this many characters (code points), then stripped. */
  public static final int TITLE_LENGTH = 20;

  public ChatContext {
    workflowId = emptyToNull(workflowId);
    requestMetadata = requestMetadata == null || requestMetadata.isEmpty() ? null : requestMetadata.deepCopy();
    List<String> texts = new ArrayList<>();
    for (String text : Objects.requireNonNull(inputTexts, "inputTexts")) {
      texts.add(text == null ? "" : text);
    }
    inputTexts = List.copyOf(texts);
    requestThreadId = emptyToNull(requestThreadId);
    StorableText.require(workflowId, "workflow id");
  }

  /** A context scoped to {@code workflowId}. */
  public static ChatContext forWorkflow(String workflowId) {
    return NONE.withWorkflowId(workflowId);
  }

  /** This context scoped to another workflow. */
  public ChatContext withWorkflowId(String newWorkflowId) {
    return new ChatContext(newWorkflowId, requestMetadata, inputTexts, requestThreadId);
  }

  /** This context with the request's metadata. */
  public ChatContext withRequestMetadata(ObjectNode metadata) {
    return new ChatContext(workflowId, metadata, inputTexts, requestThreadId);
  }

  /** This context with the texts of the user's input. */
  public ChatContext withInputTexts(List<String> texts) {
    return new ChatContext(workflowId, requestMetadata, texts, requestThreadId);
  }

  /** This context with the thread the request names. */
  public ChatContext withRequestThreadId(String threadId) {
    return new ChatContext(workflowId, requestMetadata, inputTexts, threadId);
  }

  /** The workflow scope, if any. */
  public Optional<String> workflow() {
    return Optional.ofNullable(workflowId);
  }

  /** The request's thread, if any. */
  public Optional<String> requestThread() {
    return Optional.ofNullable(requestThreadId);
  }

  /** The request's metadata, a copy, or empty when the request has none. */
  public Optional<ObjectNode> metadata() {
    return Optional.ofNullable(requestMetadata).map(ObjectNode::deepCopy);
  }

  /**
   * The thread as {@link ChatStore#saveThread} stores it under this context: untitled, it takes its title from the
   * first non-empty input text, cut to {@value #TITLE_LENGTH} characters and stripped of white space as Python
   * strips it, no-break spaces included ({@code null} if that leaves nothing); its metadata takes every key of the request's metadata, the request winning.
   */
  public ChatThread applyTo(ChatThread thread) {
    Objects.requireNonNull(thread, "thread");
    ChatThread result = thread;
    if (thread.title() == null || thread.title().isEmpty()) {
      result = result.withTitle(titleFromInput().orElse(null));
    }
    if (requestMetadata != null) {
      ObjectNode merged = thread.metadata();
      for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field : requestMetadata.properties()) {
        merged.set(field.getKey(), field.getValue().deepCopy());
      }
      result = result.withMetadata(merged);
    }
    return result;
  }

  private Optional<String> titleFromInput() {
    for (String text : inputTexts) {
      if (!text.isEmpty()) {
        int end = text.offsetByCodePoints(0, Math.min(TITLE_LENGTH, text.codePointCount(0, text.length())));
        String title = pythonStrip(text.substring(0, end));
        return title.isEmpty() ? Optional.empty() : Optional.of(title);
      }
    }
    return Optional.empty();
  }

  /**
   * Python's {@code str.strip()}: it also strips the no-break spaces ({@code U+00A0}, {@code U+2007},
   * {@code U+202F}) that Java's {@link String#strip()} keeps.
   */
  private static String pythonStrip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isPythonSpace(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (end > start && isPythonSpace(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }

  /** Python's {@code str.isspace()}: Java's white space, the Unicode space separators, and NEL ({@code U+0085}). */
  private static boolean isPythonSpace(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
