package io.orcheo.persistence.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackendTest {

  @Test
  void idsAreUpstreamSettingValues() {
    assertThat(Backend.SQLITE.id()).isEqualTo("sqlite");
    assertThat(Backend.POSTGRES.id()).isEqualTo("postgres");
  }
}
