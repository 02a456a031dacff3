package io.orcheo.persistence.core.chatkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orcheo.persistence.core.error.ValidationException;
import org.junit.jupiter.api.Test;

/** ChatKit's thread status objects. */
class ChatStatusTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void eachStatusRoundTripsThroughItsJson() throws Exception {
    for (ChatStatus status : new ChatStatus[] {ChatStatus.ACTIVE, ChatStatus.locked("maintenance"),
        ChatStatus.closed(null)}) {
      assertThat(ChatStatus.fromJson(MAPPER.readTree(status.toJson().toString()))).isEqualTo(status);
    }
  }

  @Test
  void theJsonIsChatKits() {
    assertThat(ChatStatus.ACTIVE.toJson().toString()).isEqualTo("{\"type\":\"active\"}");
    assertThat(ChatStatus.locked("busy").toJson().toString()).isEqualTo("{\"type\":\"locked\",\"reason\":\"busy\"}");
  }

  @Test
  void anUnknownTypeIsRejected() {
    assertThatThrownBy(() -> ChatStatus.fromJson(MAPPER.readTree("{\"type\":\"archived\"}")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'active', 'locked' or 'closed'");
  }

  @Test
  void anActiveStatusHasNoReason() {
    assertThatThrownBy(() -> new ChatStatus(ChatStatus.State.ACTIVE, "why"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void sortOrderFollowsUpstreamsRule() {
    assertThat(SortOrder.parse("ASC")).isEqualTo(SortOrder.ASC);
    assertThat(SortOrder.parse("ascending")).isEqualTo(SortOrder.DESC);
    assertThat(SortOrder.parse(null)).isEqualTo(SortOrder.DESC);
  }
}
