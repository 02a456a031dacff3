package io.orcheo.persistence.core.workflows.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.error.ValidationException;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class RetryPolicyConfigTest {
  private static final Instant FAILED_AT = Instant.parse("2025-01-01T10:00:00Z");
  private static final DoubleSupplier NEVER_DRAWN = () -> {
    throw new AssertionError("no draw expected without jitter");
  };

  private static RetryPolicyConfig withoutJitter(int maxAttempts, Double maxDelaySeconds) {
    return new RetryPolicyConfig(maxAttempts, 30.0, 2.0, maxDelaySeconds, 0.0);
  }

  @Test
  void defaultsMatchUpstream() {
    assertThat(RetryPolicyConfig.defaults()).isEqualTo(new RetryPolicyConfig(3, 30.0, 2.0, 300.0, 0.1));
  }

  @Test
  void firstRetryWaitsTheInitialDelay() {
    RetryDecision decision = withoutJitter(5, 300.0).decide(0, FAILED_AT, NEVER_DRAWN).orElseThrow();

    assertThat(decision).isEqualTo(new RetryDecision(1, FAILED_AT.plusSeconds(30), 30.0));
  }

  @Test
  void delayGrowsByTheBackoffFactorPerScheduledRetry() {
    RetryDecision decision = withoutJitter(5, 300.0).decide(2, FAILED_AT, NEVER_DRAWN).orElseThrow();

    assertThat(decision).isEqualTo(new RetryDecision(3, FAILED_AT.plusSeconds(120), 120.0));
  }

  @Test
  void delayIsCappedAtMaxDelay() {
    assertThat(withoutJitter(10, 300.0).decide(5, FAILED_AT, NEVER_DRAWN).orElseThrow().delaySeconds())
        .isEqualTo(300.0);
  }

  @Test
  void nullMaxDelayMeansNoCap() {
    assertThat(withoutJitter(10, null).decide(5, FAILED_AT, NEVER_DRAWN).orElseThrow().delaySeconds())
        .isEqualTo(960.0);
  }

  @Test
  void maxAttemptsTwoGivesOneRetryThenNone() {
    RetryPolicyConfig policy = withoutJitter(2, 300.0);

    assertThat(policy.decide(0, FAILED_AT, NEVER_DRAWN)).isPresent();
    assertThat(policy.decide(1, FAILED_AT, NEVER_DRAWN)).isEmpty();
  }

  @Test
  void maxAttemptsOneNeverRetries() {
    assertThat(withoutJitter(1, 300.0).decide(0, FAILED_AT, NEVER_DRAWN)).isEmpty();
  }

  @Test
  void defaultPolicyRetriesTwiceThenStops() {
    RetryPolicyConfig policy = RetryPolicyConfig.defaults();

    assertThat(policy.decide(1, FAILED_AT, () -> 0.5)).map(RetryDecision::retryNumber).contains(2);
    assertThat(policy.decide(2, FAILED_AT, () -> 0.5)).isEmpty();
  }

  @Test
  void lowestDrawShortensTheDelayByTheJitterFactor() {
    RetryDecision decision = RetryPolicyConfig.defaults().decide(0, FAILED_AT, () -> 0.0).orElseThrow();

    assertThat(decision.delaySeconds()).isEqualTo(27.0);
    assertThat(decision.scheduledFor()).isEqualTo(FAILED_AT.plusSeconds(27));
  }

  @Test
  void middleDrawLeavesTheDelayUnchanged() {
    assertThat(RetryPolicyConfig.defaults().decide(0, FAILED_AT, () -> 0.5).orElseThrow().delaySeconds())
        .isEqualTo(30.0);
  }

  @Test
  void highDrawLengthensTheDelay() {
    assertThat(RetryPolicyConfig.defaults().decide(0, FAILED_AT, () -> 0.75).orElseThrow().delaySeconds())
        .isEqualTo(31.5);
  }

  @Test
  void fullJitterCanBringTheDelayDownToZero() {
    RetryDecision decision =
        new RetryPolicyConfig(3, 30.0, 2.0, 300.0, 1.0).decide(0, FAILED_AT, () -> 0.0).orElseThrow();

    assertThat(decision.delaySeconds()).isZero();
    assertThat(decision.scheduledFor()).isEqualTo(FAILED_AT);
  }

  @Test
  void scheduledForIsTruncatedToMicroseconds() {
    // 1.5 microseconds: the half microsecond is dropped, not rounded.
    RetryPolicyConfig policy = new RetryPolicyConfig(3, 0.0000015, 2.0, null, 0.0);

    assertThat(policy.decide(0, FAILED_AT, NEVER_DRAWN).orElseThrow().scheduledFor())
        .isEqualTo(FAILED_AT.plusNanos(1_000));
  }

  @Test
  void zeroInitialDelayStaysZeroHoweverManyRetries() {
    RetryPolicyConfig policy = new RetryPolicyConfig(5_000, 0.0, 2.0, null, 0.0);

    assertThat(policy.decide(4_000, FAILED_AT, NEVER_DRAWN).orElseThrow().delaySeconds()).isZero();
  }

  @Test
  void uncappedDelayTooLongToScheduleIsRejected() {
    RetryPolicyConfig policy = new RetryPolicyConfig(5_000, 30.0, 2.0, null, 0.0);

    // 30 × 2^100 s is a finite double but far past Instant.MAX; 30 × 2^1500 overflows the double itself.
    assertThatThrownBy(() -> policy.decide(100, FAILED_AT, NEVER_DRAWN))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("max_delay_seconds");
    assertThatThrownBy(() -> policy.decide(1_500, FAILED_AT, NEVER_DRAWN))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("max_delay_seconds");
  }

  @Test
  void drawOfOneIsOutsideTheUnitInterval() {
    assertThatThrownBy(() -> RetryPolicyConfig.defaults().decide(0, FAILED_AT, () -> 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uniform01");
  }

  @Test
  void negativeRetriesScheduledIsRejected() {
    assertThatThrownBy(() -> RetryPolicyConfig.defaults().decide(-1, FAILED_AT, () -> 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retriesScheduled");
  }

  @Test
  void maxAttemptsBelowOneIsRejected() {
    assertThatThrownBy(() -> new RetryPolicyConfig(0, 30.0, 2.0, 300.0, 0.1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("max_attempts");
  }

  @Test
  void negativeInitialDelayIsRejected() {
    assertThatThrownBy(() -> new RetryPolicyConfig(3, -1.0, 2.0, 300.0, 0.1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("initial_delay_seconds");
  }

  @Test
  void backoffFactorBelowOneIsRejected() {
    assertThatThrownBy(() -> new RetryPolicyConfig(3, 30.0, 0.5, 300.0, 0.1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("backoff_factor");
  }

  @Test
  void negativeMaxDelayIsRejected() {
    assertThatThrownBy(() -> new RetryPolicyConfig(3, 30.0, 2.0, -1.0, 0.1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("max_delay_seconds");
  }

  @Test
  void jitterFactorAboveOneIsRejected() {
    assertThatThrownBy(() -> new RetryPolicyConfig(3, 30.0, 2.0, 300.0, 1.5))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("jitter_factor");
  }

  @Test
  void negativeJitterFactorIsRejected() {
    assertThatThrownBy(() -> new RetryPolicyConfig(3, 30.0, 2.0, 300.0, -0.1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("jitter_factor");
  }

  @Test
  void nanInitialDelayIsRejected() {
    assertThatThrownBy(() -> new RetryPolicyConfig(3, Double.NaN, 2.0, 300.0, 0.1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("initial_delay_seconds");
  }

  @Test
  void retryDecisionRejectsRetryNumberZero() {
    assertThatThrownBy(() -> new RetryDecision(0, FAILED_AT, 30.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retryNumber");
  }
}
