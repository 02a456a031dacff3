package io.orcheo.persistence.core.workflows;

import io.orcheo.persistence.core.error.ValidationException;

/**
 * A model the ChatKit composer of a published workflow lets the user pick.
 *
 * @param id the model id passed to the workflow, 1 to 200 characters after stripping
 * @param label the name shown, at most 120 characters, or null (blank counts as null)
 * @param description a line shown under the label, at most 240 characters, or null (blank counts as null)
 * @param disabled whether the option is shown but cannot be picked
 * @param isDefault whether the option is preselected (upstream's JSON key is {@code default})
 */
public record ChatKitModel(String id, String label, String description, boolean disabled, boolean isDefault) {
  private static final int ID_MAX_LENGTH = 200;
  private static final int LABEL_MAX_LENGTH = 120;
  private static final int DESCRIPTION_MAX_LENGTH = 240;

  /**
   * Strips every text field and checks the lengths.
   *
   * @throws ValidationException if {@code id} is null or blank, or a field is too long
   */
  public ChatKitModel {
    id = TextRules.stripToNull(id);
    if (id == null) {
      throw new ValidationException("ChatKit model id must not be empty.");
    }
    TextRules.requireAtMost(id, ID_MAX_LENGTH, "ChatKit model id");
    label = optionalText(label, LABEL_MAX_LENGTH, "ChatKit model label");
    description = optionalText(description, DESCRIPTION_MAX_LENGTH, "ChatKit model description");
  }

  private static String optionalText(String value, int maxLength, String what) {
    String text = TextRules.stripToNull(value);
    return text == null ? null : TextRules.requireAtMost(text, maxLength, what);
  }
}
