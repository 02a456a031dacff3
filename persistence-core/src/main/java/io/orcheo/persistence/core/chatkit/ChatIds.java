package io.orcheo.persistence.core.chatkit;

import java.util.UUID;

/**
 * ChatKit's id convention: a prefix, an underscore and the first 8 hex characters of a random UUID
 * ({@code thr_1a2b3c4d}).
 */
public final class ChatIds {
  /** Threads. */
  public static final String THREAD = "thr";
  /** User and assistant messages. */
  public static final String MESSAGE = "msg";
  /** Client tool calls. */
  public static final String TOOL_CALL = "tc";
  /** Workflow items. */
  public static final String WORKFLOW = "wf";
  /** Task items. */
  public static final String TASK = "tsk";
  /** Attachments. */
  public static final String ATTACHMENT = "atc";
  /** Hidden context items. */
  public static final String HIDDEN_CONTEXT = "hcx";

  private ChatIds() {}

  /** A new id with this prefix. */
  public static String generate(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }
}
