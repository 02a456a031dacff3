package io.orcheo.persistence.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.tokens.MintedToken;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.ServiceTokenService;
import io.orcheo.persistence.core.tokens.TokenAuthenticationException;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of {@code docs/quick-start.md}, run. */
class QuickStartTest {
  @TempDir Path home;

  @Test
  void mintAuthenticateRotateRevoke() {
    // ChatKit's and the vault's files default to ~/.orcheo whatever the repository's path, so they are placed here too.
    Map<String, String> environment = Map.of(
        "ORCHEO_REPOSITORY_SQLITE_PATH", home.resolve("workflows.sqlite").toString(),
        "ORCHEO_CHATKIT_SQLITE_PATH", home.resolve("chatkit.sqlite").toString(),
        "ORCHEO_CHATKIT_STORAGE_PATH", home.resolve("chatkit").toString(),
        // The vault's file (and its key file) too: opening opens every store's database.
        "ORCHEO_VAULT_LOCAL_PATH", home.resolve("vault.sqlite").toString());

    // tag::quick-start[]
    PersistenceSettings settings = PersistenceSettings.fromMap(environment); // or fromEnvironment()
    try (OrcheoPersistence persistence = OrcheoPersistence.open(settings)) {
      ServiceTokenService tokens = persistence.serviceTokenService();

      MintedToken minted = tokens.mint(null, Set.of("workflows:read"), Set.of(), Duration.ofDays(30));
      String secret = minted.secret(); // shown once; only its SHA-256 is stored

      ServiceToken caller = tokens.authenticate(secret); // counts the use, writes an audit row

      MintedToken next = tokens.rotate(caller.identifier(), Duration.ofMinutes(5), Duration.ofDays(30));
      tokens.revoke(next.token().identifier(), "no longer needed");
      // end::quick-start[]

      assertThat(caller.useCount()).isEqualTo(1);
      assertThat(tokens.authenticate(secret).identifier()).isEqualTo(minted.token().identifier());
      assertThatThrownBy(() -> tokens.authenticate(next.secret()))
          .isInstanceOfSatisfying(TokenAuthenticationException.class,
              e -> assertThat(e.reason()).isEqualTo(TokenAuthenticationException.Reason.REVOKED));
    }
    assertThat(home.resolve("service_tokens.sqlite")).exists();
  }
}
