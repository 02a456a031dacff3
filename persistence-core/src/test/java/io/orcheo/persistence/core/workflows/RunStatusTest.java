package io.orcheo.persistence.core.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.error.ValidationException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RunStatusTest {

  @Test
  void valuesAreUpstreamLowerCaseNames() {
    assertThat(Arrays.stream(RunStatus.values()).map(RunStatus::value))
        .containsExactly("pending", "running", "succeeded", "failed", "cancelled");
  }

  @ParameterizedTest
  @EnumSource(RunStatus.class)
  void fromValueReturnsTheStatusWithThatValue(RunStatus status) {
    assertThat(RunStatus.fromValue(status.value())).isSameAs(status);
  }

  @Test
  void fromValueRejectsAnUnknownValueListingTheAllowedOnes() {
    assertThatThrownBy(() -> RunStatus.fromValue("paused"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'paused'")
        .hasMessageContaining("pending, running, succeeded, failed, cancelled");
  }

  @Test
  void fromValueIsCaseSensitive() {
    assertThatThrownBy(() -> RunStatus.fromValue("RUNNING")).isInstanceOf(ValidationException.class);
  }

  @Test
  void onlySucceededFailedAndCancelledAreTerminal() {
    assertThat(Arrays.stream(RunStatus.values()).filter(RunStatus::isTerminal))
        .containsExactly(RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.CANCELLED);
  }

  @Test
  void pendingRunCanBeStarted() {
    assertThatCode(RunStatus.PENDING::requireCanStart).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @EnumSource(value = RunStatus.class, names = {"SUCCEEDED", "FAILED", "CANCELLED"})
  void finishedRunCannotBeStarted(RunStatus status) {
    assertThatThrownBy(status::requireCanStart)
        .isInstanceOf(ValidationException.class)
        .hasMessage("Only pending runs can be started.");
  }

  @Test
  void runningRunCannotBeStarted() {
    assertThatThrownBy(RunStatus.RUNNING::requireCanStart)
        .isInstanceOf(ValidationException.class)
        .hasMessage("Only pending runs can be started.");
  }

  @Test
  void runningRunCanSucceed() {
    assertThatCode(RunStatus.RUNNING::requireCanSucceed).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @EnumSource(value = RunStatus.class, names = "RUNNING", mode = EnumSource.Mode.EXCLUDE)
  void nonRunningRunCannotSucceed(RunStatus status) {
    assertThatThrownBy(status::requireCanSucceed)
        .isInstanceOf(ValidationException.class)
        .hasMessage("Only running runs can be marked as succeeded.");
  }

  @ParameterizedTest
  @EnumSource(value = RunStatus.class, names = {"PENDING", "RUNNING"})
  void pendingAndRunningRunsCanFail(RunStatus status) {
    assertThatCode(status::requireCanFail).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @EnumSource(value = RunStatus.class, names = {"SUCCEEDED", "FAILED", "CANCELLED"})
  void finishedRunCannotFail(RunStatus status) {
    assertThatThrownBy(status::requireCanFail)
        .isInstanceOf(ValidationException.class)
        .hasMessage("Only pending or running runs can be marked as failed.");
  }

  @ParameterizedTest
  @EnumSource(value = RunStatus.class, names = {"PENDING", "RUNNING"})
  void unfinishedRunCanBeCancelled(RunStatus status) {
    assertThatCode(status::requireCanCancel).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @EnumSource(value = RunStatus.class, names = {"SUCCEEDED", "FAILED", "CANCELLED"})
  void finishedRunCannotBeCancelled(RunStatus status) {
    assertThatThrownBy(status::requireCanCancel)
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot cancel a run that is already completed.");
  }
}
