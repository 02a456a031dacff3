package io.orcheo.persistence.core.chatkit;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of thread item ChatKit defines: the item's {@code type} discriminator, stored in {@code item_type}. */
public enum ItemType {
  USER_MESSAGE("user_message", ChatIds.MESSAGE),
  ASSISTANT_MESSAGE("assistant_message", ChatIds.MESSAGE),
  CLIENT_TOOL_CALL("client_tool_call", ChatIds.TOOL_CALL),
  WIDGET("widget", ChatIds.MESSAGE),
  WORKFLOW("workflow", ChatIds.WORKFLOW),
  TASK("task", ChatIds.TASK),
  HIDDEN_CONTEXT_ITEM("hidden_context_item", ChatIds.HIDDEN_CONTEXT),
  SDK_HIDDEN_CONTEXT("sdk_hidden_context", ChatIds.HIDDEN_CONTEXT),
  END_OF_TURN("end_of_turn", ChatIds.MESSAGE);

  private final String value;
  private final String idPrefix;

  ItemType(String value, String idPrefix) {
    this.value = value;
    this.idPrefix = idPrefix;
  }

  /** The discriminator as ChatKit spells it ({@code "user_message"}). */
  public String value() {
    return value;
  }

  /** The prefix of generated ids for this kind. */
  public String idPrefix() {
    return idPrefix;
  }

  /** Whether {@link ChatStore#searchItems} searches items of this kind: user and assistant messages. */
  public boolean isSearched() {
    return this == USER_MESSAGE || this == ASSISTANT_MESSAGE;
  }

  /**
   * The kind spelled {@code value}.
   *
   * @throws ValidationException if ChatKit defines no such kind
   */
  public static ItemType fromValue(String value) {
    for (ItemType type : values()) {
      if (type.value.equals(value)) {
        return type;
      }
    }
    throw new ValidationException("Unknown thread item type '" + value + "'; expected one of "
        + Arrays.stream(values()).map(ItemType::value).collect(Collectors.joining(", ")));
  }
}
