package io.orcheo.persistence.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A copy's checkpoints, kept in a file between runs: per table, the key of the last row committed, the rows so far,
 * and whether the table is done. Saved after each batch's commit, atomically (a sibling written, then moved).
 * Tables copied in parallel share it, so every access is synchronized.
 */
final class CopyState {
  private final Path file;
  private final ObjectNode root;

  private CopyState(Path file, ObjectNode root) {
    this.file = file;
    this.root = root;
  }

  static CopyState read(Path file) {
    if (!Files.exists(file)) {
      return new CopyState(file, JsonNodeFactory.instance.objectNode());
    }
    try {
      JsonNode root = JsonCodec.read(Files.readString(file, StandardCharsets.UTF_8));
      if (!root.isObject()) {
        throw new MigrationException(file + " is not a copy state; delete it to start the copy over");
      }
      return new CopyState(file, (ObjectNode) root);
    } catch (IOException | RuntimeException e) {
      if (e instanceof MigrationException migration) {
        throw migration;
      }
      throw new MigrationException("Cannot read the copy state " + file + ": " + e.getMessage()
          + "; delete it to start the copy over", e);
    }
  }

  /** Whether no batch has been committed yet. */
  synchronized boolean isFresh() {
    return root.isEmpty();
  }

  synchronized boolean done(String table) {
    return root.path(table).path("done").asBoolean(false);
  }

  /** The last key committed, as a JSON array of the key's values, or {@code null} before the first batch. */
  synchronized JsonNode lastKey(String table) {
    JsonNode key = root.path(table).get("last_key");
    return key == null || key.isNull() ? null : key;
  }

  /** Rows committed so far. */
  synchronized long rows(String table) {
    return root.path(table).path("rows").asLong(0);
  }

  synchronized void advance(String table, JsonNode lastKey, long rows) {
    ObjectNode entry = entry(table);
    entry.set("last_key", lastKey);
    entry.put("rows", entry.path("rows").asLong(0) + rows);
    write();
  }

  synchronized void finish(String table) {
    entry(table).put("done", true);
    write();
  }

  private ObjectNode entry(String table) {
    return root.has(table) ? (ObjectNode) root.get(table) : root.putObject(table);
  }

  private void write() {
    StateFiles.write(file, root, "the copy state");
  }
}
