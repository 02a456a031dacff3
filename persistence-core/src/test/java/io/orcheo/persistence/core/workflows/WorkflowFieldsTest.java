package io.orcheo.persistence.core.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkflowFieldsTest {
  private static final String HEX_32 = "550e8400e29b41d4a716446655440000";

  @Test
  void nameIsStripped() {
    assertThat(WorkflowFields.name("  Demo Flow  ")).isEqualTo("Demo Flow");
  }

  @Test
  void nameIsStrippedOfNoBreakSpacesAsPythonStrips() {
    assertThat(WorkflowFields.name("\u00a0Demo Flow\u202f")).isEqualTo("Demo Flow");
  }

  @Test
  void blankNameIsRejected() {
    assertThatThrownBy(() -> WorkflowFields.name("   "))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Workflow name must not be empty.");
  }

  @Test
  void nullNameIsRejected() {
    assertThatThrownBy(() -> WorkflowFields.name(null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Workflow name must not be empty.");
  }

  @Test
  void nameOf128CharactersIsAccepted() {
    String name = "n".repeat(128);

    assertThat(WorkflowFields.name(name)).isEqualTo(name);
  }

  @Test
  void nameOf129CharactersIsRejected() {
    assertThatThrownBy(() -> WorkflowFields.name("n".repeat(129)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Workflow name should have at most 128 characters (got 129).");
  }

  @Test
  void nameLengthCountsCodePointsNotUtf16Units() {
    // 128 emoji are 256 UTF-16 units but 128 characters for Python.
    String name = "📄".repeat(128);

    assertThat(WorkflowFields.name(name)).isEqualTo(name);
  }

  @Test
  void nullHandleStaysNull() {
    assertThat(WorkflowFields.handle(null)).isNull();
  }

  @Test
  void handleIsStrippedAndLowerCased() {
    assertThat(WorkflowFields.handle("  Demo-Flow-01 ")).isEqualTo("demo-flow-01");
  }

  @Test
  void blankHandleIsRejectedAsEmpty() {
    assertThatThrownBy(() -> WorkflowFields.handle("   "))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Workflow handle must not be empty.");
  }

  @Test
  void handleOf64CharactersIsAccepted() {
    String handle = "h".repeat(64);

    assertThat(WorkflowFields.handle(handle)).isEqualTo(handle);
  }

  @Test
  void handleOf65CharactersIsRejected() {
    assertThatThrownBy(() -> WorkflowFields.handle("h".repeat(65)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Workflow handle must be at most 64 characters long.");
  }

  @Test
  void handleWithUnderscoreIsRejected() {
    assertThatThrownBy(() -> WorkflowFields.handle("not_valid"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Workflow handle must contain only lowercase letters, numbers, and single hyphens.")
        .hasMessageContaining("'not_valid'");
  }

  @Test
  void handleWithDoubleHyphenIsRejected() {
    assertThatThrownBy(() -> WorkflowFields.handle("demo--flow"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("single hyphens");
  }

  @Test
  void handleWithTrailingHyphenIsRejected() {
    assertThatThrownBy(() -> WorkflowFields.handle("demo-"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("single hyphens");
  }

  @Test
  void uuidShapedHandleIsRejected() {
    assertThatThrownBy(() -> WorkflowFields.handle("550e8400-e29b-41d4-a716-446655440000"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not use a UUID format");
  }

  @Test
  void upperCaseUuidHandleIsRejectedAfterLowerCasing() {
    assertThatThrownBy(() -> WorkflowFields.handle("550E8400-E29B-41D4-A716-446655440000"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not use a UUID format");
  }

  @Test
  void thirtyTwoHexDigitHandleIsRejected() {
    assertThatThrownBy(() -> WorkflowFields.handle(HEX_32))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not use a UUID format");
  }

  @Test
  void hexDigitsWithHyphensInOtherPlacesAreRejectedAsPythonUuidParsesThem() {
    // uuid.UUID drops every hyphen before counting the 32 digits.
    assertThatThrownBy(() -> WorkflowFields.handle("550e-8400e29b41d4a7164466554-40000"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not use a UUID format");
  }

  @Test
  void zeroXPrefixedHexHandleIsRejectedAsPythonUuidParsesIt() {
    // int(value, 16) accepts a 0x prefix, so uuid.UUID("0x" + 30 hex digits) succeeds.
    assertThatThrownBy(() -> WorkflowFields.handle("0x" + HEX_32.substring(2)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not use a UUID format");
  }

  @Test
  void thirtyOneHexDigitHandleIsAccepted() {
    String handle = HEX_32.substring(1);

    assertThat(WorkflowFields.handle(handle)).isEqualTo(handle);
  }

  @Test
  void thirtyTwoCharacterHandleWithANonHexLetterIsAccepted() {
    String handle = "g" + HEX_32.substring(1);

    assertThat(WorkflowFields.handle(handle)).isEqualTo(handle);
  }

  @Test
  void slugOfNameLowerCasesAndHyphenatesSpaces() {
    assertThat(WorkflowFields.slug(null, "Test Flow")).isEqualTo("test-flow");
  }

  @Test
  void slugOfUnicodeNameKeepsOnlyAsciiRuns() {
    assertThat(WorkflowFields.slug(null, "Résumé Screener — 履歴書 📄")).isEqualTo("r-sum-screener");
  }

  @Test
  void slugOfNameWithoutAsciiLettersOrDigitsKeepsTheName() {
    assertThat(WorkflowFields.slug(null, "履歴書")).isEqualTo("履歴書");
  }

  @Test
  void slugOfOnlyHyphensFallsBackToTheHyphens() {
    assertThat(WorkflowFields.slug("---", "Name")).isEqualTo("---");
  }

  @Test
  void givenSlugIsUsedInsteadOfName() {
    assertThat(WorkflowFields.slug("My Custom_Slug!", "Test Flow")).isEqualTo("my-custom-slug");
  }

  @Test
  void emptySlugFallsBackToName() {
    assertThat(WorkflowFields.slug("", "Test Flow")).isEqualTo("test-flow");
  }

  @Test
  void blankSlugBecomesARandomUuid() {
    String slug = WorkflowFields.slug("   ", "Test Flow");

    assertThat(UUID.fromString(slug).version()).isEqualTo(4);
  }

  @Test
  void slugWithoutSlugOrNameIsRejected() {
    assertThatThrownBy(() -> WorkflowFields.slug(null, ""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Workflow requires a name or slug to be provided.");
  }

  @Test
  void descriptionIsStripped() {
    assertThat(WorkflowFields.description("  Some description  ")).isEqualTo("Some description");
  }

  @Test
  void blankDescriptionBecomesNull() {
    assertThat(WorkflowFields.description(" \t ")).isNull();
  }

  @Test
  void nullDescriptionStaysNull() {
    assertThat(WorkflowFields.description(null)).isNull();
  }

  @Test
  void descriptionOf1024CharactersIsAccepted() {
    String description = "d".repeat(1024);

    assertThat(WorkflowFields.description(description)).isEqualTo(description);
  }

  @Test
  void descriptionOf1025CharactersIsRejected() {
    assertThatThrownBy(() -> WorkflowFields.description("d".repeat(1025)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Workflow description should have at most 1024 characters (got 1025).");
  }

  @Test
  void nullTagsBecomeAnEmptyList() {
    assertThat(WorkflowFields.tags(null)).isEmpty();
  }

  @Test
  void tagsAreStrippedLowerCasedAndEmptyOnesDropped() {
    assertThat(WorkflowFields.tags(List.of("alpha", " Alpha ", "beta", ""))).containsExactly("alpha", "beta");
  }

  @Test
  void tagsKeepFirstOccurrenceOrder() {
    assertThat(WorkflowFields.tags(List.of("Zeta", "alpha", "ZETA", "beta"))).containsExactly("zeta", "alpha", "beta");
  }

  @Test
  void tagsResultIsUnmodifiable() {
    List<String> tags = WorkflowFields.tags(new ArrayList<>(List.of("a")));

    assertThatThrownBy(() -> tags.add("b")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullTagIsRejected() {
    assertThatThrownBy(() -> WorkflowFields.tags(Arrays.asList("a", null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("null");
  }
}
