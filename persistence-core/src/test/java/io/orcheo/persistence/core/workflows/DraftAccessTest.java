package io.orcheo.persistence.core.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DraftAccessTest {

  @Test
  void valuesAreUpstreamStoredValues() {
    assertThat(Arrays.stream(DraftAccess.values()).map(DraftAccess::value))
        .containsExactly("personal", "authenticated", "workspace");
  }

  @ParameterizedTest
  @EnumSource(DraftAccess.class)
  void fromValueReturnsTheConstantWithThatValue(DraftAccess access) {
    assertThat(DraftAccess.fromValue(access.value())).isSameAs(access);
  }

  @Test
  void fromValueRejectsAnUnknownValueListingTheAllowedOnes() {
    assertThatThrownBy(() -> DraftAccess.fromValue("public"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'public'")
        .hasMessageContaining("personal, authenticated, workspace");
  }

  @Test
  void fromValueRejectsNull() {
    assertThatThrownBy(() -> DraftAccess.fromValue(null)).isInstanceOf(ValidationException.class);
  }
}
