package io.orcheo.persistence.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.orcheo.persistence.core.error.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PoolSettingsTest {
  private static final Duration THIRTY_SECONDS = Duration.ofSeconds(30);

  @Test
  void defaultsMatchUpstream() {
    assertThat(PoolSettings.defaults())
        .isEqualTo(new PoolSettings(1, 10, Duration.ofSeconds(30), Duration.ofSeconds(300)));
  }

  @Test
  void equalMinAndMaxSizesAreAccepted() {
    assertThat(new PoolSettings(4, 4, THIRTY_SECONDS, THIRTY_SECONDS).maxSize()).isEqualTo(4);
  }

  @Test
  void minSizeBelowOneNamesTheMinSizeKey() {
    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class, () -> new PoolSettings(0, 10, THIRTY_SECONDS, THIRTY_SECONDS));

    assertThat(e.key()).isEqualTo("ORCHEO_POSTGRES_POOL_MIN_SIZE");
    assertThat(e).hasMessageContaining("ORCHEO_POSTGRES_POOL_MIN_SIZE").hasMessageContaining("0");
  }

  @Test
  void maxSizeBelowOneNamesTheMaxSizeKey() {
    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class, () -> new PoolSettings(1, 0, THIRTY_SECONDS, THIRTY_SECONDS));

    assertThat(e.key()).isEqualTo("ORCHEO_POSTGRES_POOL_MAX_SIZE");
  }

  @Test
  void maxSizeBelowMinSizeNamesTheMaxSizeKeyAndBothValues() {
    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class, () -> new PoolSettings(20, 5, THIRTY_SECONDS, THIRTY_SECONDS));

    assertThat(e.key()).isEqualTo("ORCHEO_POSTGRES_POOL_MAX_SIZE");
    assertThat(e)
        .hasMessageContaining("ORCHEO_POSTGRES_POOL_MAX_SIZE (5)")
        .hasMessageContaining("ORCHEO_POSTGRES_POOL_MIN_SIZE (20)");
  }

  @Test
  void zeroTimeoutNamesTheTimeoutKey() {
    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class, () -> new PoolSettings(1, 10, Duration.ZERO, THIRTY_SECONDS));

    assertThat(e.key()).isEqualTo("ORCHEO_POSTGRES_POOL_TIMEOUT");
    assertThat(e).hasMessageContaining("ORCHEO_POSTGRES_POOL_TIMEOUT");
  }

  @Test
  void negativeMaxIdleNamesTheMaxIdleKey() {
    ConfigurationException e =
        catchThrowableOfType(
            ConfigurationException.class,
            () -> new PoolSettings(1, 10, THIRTY_SECONDS, Duration.ofSeconds(-1)));

    assertThat(e.key()).isEqualTo("ORCHEO_POSTGRES_POOL_MAX_IDLE");
  }

  @Test
  void missingTimeoutNamesTheTimeoutKey() {
    ConfigurationException e =
        catchThrowableOfType(ConfigurationException.class, () -> new PoolSettings(1, 10, null, THIRTY_SECONDS));

    assertThat(e.key()).isEqualTo("ORCHEO_POSTGRES_POOL_TIMEOUT");
  }
}
