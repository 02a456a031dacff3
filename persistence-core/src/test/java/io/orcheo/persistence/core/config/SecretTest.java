package io.orcheo.persistence.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void toStringNeverShowsTheValue() {
    assertThat(Secret.of("hunter2")).hasToString("****");
  }

  @Test
  void revealReturnsTheWrappedValue() {
    assertThat(Secret.of("hunter2").reveal()).isEqualTo("hunter2");
  }

  @Test
  void secretsWithTheSameValueAreEqualAndHashAlike() {
    assertThat(Secret.of("hunter2")).isEqualTo(Secret.of("hunter2")).hasSameHashCodeAs(Secret.of("hunter2"));
  }

  @Test
  void secretsWithDifferentValuesAreNotEqual() {
    assertThat(Secret.of("hunter2")).isNotEqualTo(Secret.of("hunter3")).isNotEqualTo("hunter2");
  }

  @Test
  void nullValueIsRejected() {
    assertThatNullPointerException().isThrownBy(() -> Secret.of(null));
  }
}
