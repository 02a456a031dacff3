package io.orcheo.persistence.core.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatKitTest {
  private static final ChatKitPrompt PROMPT = new ChatKitPrompt("Hello", "Say hello", null);
  private static final ChatKitModel MODEL = new ChatKitModel("gpt-4o", null, null, false, true);

  @Test
  void promptFieldsAreStripped() {
    assertThat(new ChatKitPrompt("  Greet ", "\n Say hello \n", " wave "))
        .isEqualTo(new ChatKitPrompt("Greet", "Say hello", "wave"));
  }

  @Test
  void blankPromptLabelIsRejectedWithUpstreamMessage() {
    assertThatThrownBy(() -> new ChatKitPrompt("  ", "Say hello", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ChatKit prompt fields must not be empty")
        .hasMessageContaining("label");
  }

  @Test
  void nullPromptTextIsRejected() {
    assertThatThrownBy(() -> new ChatKitPrompt("Greet", null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ChatKit prompt fields must not be empty")
        .hasMessageContaining("prompt");
  }

  @Test
  void promptLabelOf120CharactersIsAccepted() {
    String label = "l".repeat(120);

    assertThat(new ChatKitPrompt(label, "p", null).label()).isEqualTo(label);
  }

  @Test
  void promptLabelOf121CharactersIsRejected() {
    assertThatThrownBy(() -> new ChatKitPrompt("l".repeat(121), "p", null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("ChatKit prompt label should have at most 120 characters (got 121).");
  }

  @Test
  void promptTextOf2001CharactersIsRejected() {
    assertThatThrownBy(() -> new ChatKitPrompt("Greet", "p".repeat(2001), null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("ChatKit prompt prompt should have at most 2000 characters (got 2001).");
  }

  @Test
  void blankPromptIconBecomesNull() {
    assertThat(new ChatKitPrompt("Greet", "Say hello", "   ").icon()).isNull();
  }

  @Test
  void promptIconOf65CharactersIsRejected() {
    assertThatThrownBy(() -> new ChatKitPrompt("Greet", "Say hello", "i".repeat(65)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("icon should have at most 64 characters");
  }

  @Test
  void modelTextFieldsAreStripped() {
    assertThat(new ChatKitModel(" gpt-4o ", " GPT-4o ", " Fast ", true, false))
        .isEqualTo(new ChatKitModel("gpt-4o", "GPT-4o", "Fast", true, false));
  }

  @Test
  void blankModelLabelAndDescriptionBecomeNull() {
    ChatKitModel model = new ChatKitModel("gpt-4o", " ", "", false, false);

    assertThat(model.label()).isNull();
    assertThat(model.description()).isNull();
  }

  @Test
  void blankModelIdIsRejected() {
    assertThatThrownBy(() -> new ChatKitModel("  ", "Label", null, false, false))
        .isInstanceOf(ValidationException.class)
        .hasMessage("ChatKit model id must not be empty.");
  }

  @Test
  void modelIdOf201CharactersIsRejected() {
    assertThatThrownBy(() -> new ChatKitModel("m".repeat(201), null, null, false, false))
        .isInstanceOf(ValidationException.class)
        .hasMessage("ChatKit model id should have at most 200 characters (got 201).");
  }

  @Test
  void modelLabelOf121CharactersIsRejected() {
    assertThatThrownBy(() -> new ChatKitModel("m", "l".repeat(121), null, false, false))
        .isInstanceOf(ValidationException.class)
        .hasMessage("ChatKit model label should have at most 120 characters (got 121).");
  }

  @Test
  void modelDescriptionOf241CharactersIsRejected() {
    assertThatThrownBy(() -> new ChatKitModel("m", null, "d".repeat(241), false, false))
        .isInstanceOf(ValidationException.class)
        .hasMessage("ChatKit model description should have at most 240 characters (got 241).");
  }

  @Test
  void settingsCopyTheirListsSoLaterChangesToTheSourceDoNotShow() {
    List<ChatKitPrompt> prompts = new ArrayList<>(List.of(PROMPT));
    ChatKitSettings settings = new ChatKitSettings(prompts, null);

    prompts.clear();

    assertThat(settings.startScreenPrompts()).containsExactly(PROMPT);
  }

  @Test
  void settingsListsAreUnmodifiable() {
    ChatKitSettings settings = new ChatKitSettings(null, new ArrayList<>(List.of(MODEL)));

    assertThatThrownBy(() -> settings.supportedModels().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void settingsKeepAnEmptyListDistinctFromAnAbsentOne() {
    ChatKitSettings settings = new ChatKitSettings(List.of(), null);

    assertThat(settings.startScreenPrompts()).isEmpty();
    assertThat(settings.supportedModels()).isNull();
  }

  @Test
  void settingsWithANullEntryAreRejected() {
    assertThatThrownBy(() -> new ChatKitSettings(Arrays.asList(PROMPT, null), null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("ChatKit start screen prompts must not contain null entries.");
  }

  @Test
  void ofNullableWithBothListsNullIsNull() {
    assertThat(ChatKitSettings.ofNullable(null, null)).isNull();
  }

  @Test
  void ofNullableWithOneListGivesSettings() {
    assertThat(ChatKitSettings.ofNullable(null, List.of(MODEL))).isEqualTo(new ChatKitSettings(null, List.of(MODEL)));
  }
}
