package io.orcheo.persistence.core.workflows;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.List;

/**
 * The ChatKit surface of a published workflow. Each list is either absent (null) or set, possibly to an empty list;
 * upstream keeps that distinction.
 *
 * @param startScreenPrompts prompts on the start screen, or null when not configured
 * @param supportedModels models the composer offers, or null when not configured
 */
public record ChatKitSettings(List<ChatKitPrompt> startScreenPrompts, List<ChatKitModel> supportedModels) {

  /**
   * Copies each list into an unmodifiable one.
   *
   * @throws ValidationException if a list contains null
   */
  public ChatKitSettings {
    startScreenPrompts = copyOrNull(startScreenPrompts, "ChatKit start screen prompts");
    supportedModels = copyOrNull(supportedModels, "ChatKit supported models");
  }

  /**
   * The settings, or null when neither list is configured: upstream stores no ChatKit object rather than an empty
   * one.
   *
   * @param startScreenPrompts prompts on the start screen, or null
   * @param supportedModels models the composer offers, or null
   * @return null if both are null, otherwise the settings
   * @throws ValidationException if a list contains null
   */
  public static ChatKitSettings ofNullable(
      List<ChatKitPrompt> startScreenPrompts, List<ChatKitModel> supportedModels) {
    if (startScreenPrompts == null && supportedModels == null) {
      return null;
    }
    return new ChatKitSettings(startScreenPrompts, supportedModels);
  }

  private static <T> List<T> copyOrNull(List<T> values, String what) {
    if (values == null) {
      return null;
    }
    // Checked here rather than left to List.copyOf, whose NullPointerException would not say which list.
    for (T value : values) {
      if (value == null) {
        throw new ValidationException(what + " must not contain null entries.");
      }
    }
    return List.copyOf(values);
  }
}
