package io.orcheo.persistence.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the command tests: runs {@code orcheo-db} in-process against SQLite files in a temporary directory, with
 * the environment in {@link #env}, and keeps what the last command printed in {@link #out} and {@link #err}.
 */
abstract class CommandLineTest {
  @TempDir Path dir;
  final Map<String, String> env = new HashMap<>();
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void sqliteInTempDir() {
    env.put("ORCHEO_REPOSITORY_SQLITE_PATH", dir.resolve("workflows.sqlite").toString());
    // ChatKit's file and uploads default to ~/.orcheo, not to the repository's directory.
    env.put("ORCHEO_CHATKIT_SQLITE_PATH", dir.resolve("chatkit.sqlite").toString());
    env.put("ORCHEO_CHATKIT_STORAGE_PATH", dir.resolve("chatkit").toString());
    // So is the vault's file (and its key file beside it): every command opens every store's database.
    env.put("ORCHEO_VAULT_LOCAL_PATH", dir.resolve("vault.sqlite").toString());
  }

  /** Runs one command line; returns its exit code. */
  int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return OrcheoDb.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
  }
}
