package io.orcheo.persistence.cli;

import io.orcheo.persistence.core.tokens.MintedToken;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.ServiceTokenService;
import io.orcheo.persistence.core.tokens.TokenAuthenticationException;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code orcheo-db demo}: the token lifecycle end to end on the configured backend: mint, authenticate, rotate with
 * an overlap, authenticate both secrets, revoke, and show that the revoked secret is refused.
 */
@Command(name = "demo", description = "Mint, authenticate, rotate and revoke a service token, printing each step.")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand OrcheoDb root;

  @Override
  public Integer call() {
    PrintWriter out = root.spec.commandLine().getOut();
    try (OrcheoPersistence persistence = root.open()) {
      var database = persistence.databases().get(0);
      out.printf("Backend: %s (%s)%n", database.backend().id(), database.target());
      ServiceTokenService tokens = persistence.serviceTokenService();

      MintedToken minted = tokens.mint(null, Set.of("workflows:read", "workflows:execute"), Set.of(), Duration.ofHours(1));
      out.printf("1. minted      %s  scopes=%s  expires=%s  secret=%s…%n", minted.token().identifier(),
          minted.token().scopes(), minted.token().expiresAt(), minted.secret().substring(0, 6));

      ServiceToken used = tokens.authenticate(minted.secret());
      out.printf("2. authenticated %s  use_count=%d  last_used_at=%s%n", used.identifier(), used.useCount(),
          used.lastUsedAt());

      MintedToken rotated = tokens.rotate(minted.token().identifier(), Duration.ofMinutes(5), Duration.ofHours(1));
      out.printf("3. rotated     %s -> %s  (old secret valid for 300 s)%n", minted.token().identifier(),
          rotated.token().identifier());

      out.printf("4. old secret  %s%n", outcome(tokens, minted.secret()));
      out.printf("   new secret  %s%n", outcome(tokens, rotated.secret()));

      tokens.revoke(rotated.token().identifier(), "demo finished");
      out.printf("5. revoked     %s%n", rotated.token().identifier());
      out.printf("   new secret  %s%n", outcome(tokens, rotated.secret()));

      out.printf("Audit log of %s:%n", minted.token().identifier());
      persistence.serviceTokens().auditLog(minted.token().identifier(), 10)
          .forEach(entry -> out.printf("   %s  %s%n", entry.timestamp(), entry.action()));
    }
    return 0;
  }

  private static String outcome(ServiceTokenService tokens, String secret) {
    try {
      ServiceToken token = tokens.authenticate(secret);
      return "accepted (" + token.identifier() + ", use_count=" + token.useCount() + ")";
    } catch (TokenAuthenticationException e) {
      return "refused: " + e.reason().code() + " (" + e.reason().httpStatus() + ")";
    }
  }
}
