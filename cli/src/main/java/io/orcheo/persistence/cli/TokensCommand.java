package io.orcheo.persistence.cli;

import io.orcheo.persistence.core.tokens.MintedToken;
import io.orcheo.persistence.core.tokens.ServiceToken;
import io.orcheo.persistence.core.tokens.ServiceTokenService;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code orcheo-db tokens …}: service tokens, as upstream's admin API offers them. */
@Command(name = "tokens", description = "Mint, list, rotate and revoke service tokens.",
    subcommands = {TokensCommand.Mint.class, TokensCommand.ListTokens.class, TokensCommand.Rotate.class,
        TokensCommand.Revoke.class})
final class TokensCommand implements Runnable {
  @ParentCommand OrcheoDb root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: mint, list, rotate or revoke");
  }

  private static final String STORE_WARNING = "Store this token securely. It will not be shown again.";

  /** Upstream's API refuses lifetimes under a minute. */
  private static Duration lifetime(Long seconds, CommandSpec spec) {
    if (seconds == null) {
      return null;
    }
    if (seconds < 60) {
      throw new ParameterException(spec.commandLine(),
          "--expires-in must be at least 60 seconds, got " + seconds);
    }
    return Duration.ofSeconds(seconds);
  }

  private static void printSecret(PrintWriter out, PrintWriter err, MintedToken minted) {
    out.printf("identifier: %s%nsecret:     %s%nscopes:     %s%nworkspaces: %s%nexpires_at: %s%n",
        minted.token().identifier(), minted.secret(), minted.token().scopes(), minted.token().workspaceIds(),
        minted.token().expiresAt() == null ? "never" : minted.token().expiresAt());
    err.println(STORE_WARNING);
  }

  @Command(name = "mint", description = "Create a token and print its secret, once.")
  static final class Mint implements Callable<Integer> {
    @ParentCommand TokensCommand tokens;
    @Spec CommandSpec spec;

    @Option(names = "--id", description = "Identifier (default: first 8 hex characters of the secret's hash).")
    String identifier;

    @Option(names = "--scope", description = "A scope to grant; repeat for several.")
    List<String> scopes = new ArrayList<>();

    @Option(names = "--workspace", description = "A workspace id to allow; repeat for several.")
    List<String> workspaces = new ArrayList<>();

    @Option(names = "--expires-in", paramLabel = "SECONDS", description = "Lifetime in seconds (at least 60); none by default.")
    Long expiresIn;

    @Override
    public Integer call() {
      Duration lifetime = lifetime(expiresIn, spec);
      try (OrcheoPersistence persistence = tokens.root.open()) {
        MintedToken minted = persistence.serviceTokenService().mint(identifier, scopes, workspaces, lifetime);
        printSecret(spec.commandLine().getOut(), spec.commandLine().getErr(), minted);
      }
      return 0;
    }
  }

  @Command(name = "list", description = "List active tokens (or all with --all); never shows secrets.")
  static final class ListTokens implements Callable<Integer> {
    @ParentCommand TokensCommand tokens;
    @Spec CommandSpec spec;

    @Option(names = "--all", description = "Include revoked and expired tokens.")
    boolean all;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (OrcheoPersistence persistence = tokens.root.open()) {
        List<ServiceToken> listed = all
            ? persistence.serviceTokens().listAll()
            : persistence.serviceTokenService().listActive();
        out.printf("%-20s %-28s %-28s %-9s %s%n", "IDENTIFIER", "ISSUED", "EXPIRES", "USES", "STATE / SCOPES");
        for (ServiceToken token : listed) {
          String state = token.isRevoked() ? "revoked" : token.rotatedTo() != null ? "rotated to " + token.rotatedTo() : "active";
          out.printf("%-20s %-28s %-28s %-9d %s %s%n", token.identifier(), token.issuedAt(),
              token.expiresAt() == null ? "never" : token.expiresAt(), token.useCount(), state, token.scopes());
        }
        out.printf("%d token(s)%n", listed.size());
      }
      return 0;
    }
  }

  @Command(name = "rotate", description = "Replace a token; the old secret stays valid for the overlap.")
  static final class Rotate implements Callable<Integer> {
    @ParentCommand TokensCommand tokens;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IDENTIFIER")
    String identifier;

    @Option(names = "--overlap", paramLabel = "SECONDS", defaultValue = "300",
        description = "How long the old secret keeps working (default ${DEFAULT-VALUE}).")
    long overlap;

    @Option(names = "--expires-in", paramLabel = "SECONDS", description = "Lifetime of the new token (at least 60).")
    Long expiresIn;

    @Override
    public Integer call() {
      if (overlap < 0) {
        throw new ParameterException(spec.commandLine(), "--overlap must not be negative");
      }
      Duration lifetime = lifetime(expiresIn, spec);
      try (OrcheoPersistence persistence = tokens.root.open()) {
        ServiceTokenService service = persistence.serviceTokenService();
        MintedToken minted = service.rotate(identifier, Duration.ofSeconds(overlap), lifetime);
        printSecret(spec.commandLine().getOut(), spec.commandLine().getErr(), minted);
        spec.commandLine().getErr().printf("New token created. Old token '%s' valid for %ds.%n", identifier, overlap);
      }
      return 0;
    }
  }

  @Command(name = "revoke", description = "Revoke a token now.")
  static final class Revoke implements Callable<Integer> {
    @ParentCommand TokensCommand tokens;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IDENTIFIER")
    String identifier;

    @Option(names = "--reason", required = true, description = "Why (kept in the token and its audit log).")
    String reason;

    @Override
    public Integer call() {
      try (OrcheoPersistence persistence = tokens.root.open()) {
        ServiceToken revoked = persistence.serviceTokenService().revoke(identifier, reason);
        spec.commandLine().getOut().printf("revoked %s at %s%n", revoked.identifier(), revoked.revokedAt());
      }
      return 0;
    }
  }
}
