package io.orcheo.persistence.core.workflows;

import io.orcheo.persistence.core.error.ValidationException;

/**
 * A prompt offered on a published workflow's ChatKit start screen.
 *
 * @param label the button text, 1 to 120 characters after stripping
 * @param prompt the text sent when the prompt is chosen, 1 to 2000 characters after stripping
 * @param icon an icon name, at most 64 characters, or null (blank counts as null)
 */
public record ChatKitPrompt(String label, String prompt, String icon) {
  private static final int LABEL_MAX_LENGTH = 120;
  private static final int PROMPT_MAX_LENGTH = 2000;
  private static final int ICON_MAX_LENGTH = 64;

  /**
   * Strips every field and checks the lengths.
   *
   * @throws ValidationException if {@code label} or {@code prompt} is null or blank, or a field is too long
   */
  public ChatKitPrompt {
    label = requireText(label, "label", LABEL_MAX_LENGTH);
    prompt = requireText(prompt, "prompt", PROMPT_MAX_LENGTH);
    icon = TextRules.stripToNull(icon);
    if (icon != null) {
      TextRules.requireAtMost(icon, ICON_MAX_LENGTH, "ChatKit prompt icon");
    }
  }

  private static String requireText(String value, String field, int maxLength) {
    String text = TextRules.stripToNull(value);
    if (text == null) {
      // Upstream's message, which does not say which field; the field is added in parentheses.
      throw new ValidationException("ChatKit prompt fields must not be empty (" + field + ").");
    }
    return TextRules.requireAtMost(text, maxLength, "ChatKit prompt " + field);
  }
}
