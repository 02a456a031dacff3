package io.orcheo.persistence.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.orcheo.persistence.jooq.json.PythonJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The JSON files in which copies, syncs and imports keep their progress between runs. */
final class StateFiles {
  private StateFiles() {}

  /**
   * Replaces {@code file} with {@code root}, atomically: a sibling is written, then moved over it, so a crash leaves
   * the old state or the new one, never half of one.
   *
   * @param what the state's name in the error message ("the copy state")
   * @throws MigrationException if the file cannot be written
   */
  static void write(Path file, JsonNode root, String what) {
    try {
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
      Files.writeString(temporary, PythonJson.dumpsPretty(root), StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new MigrationException("Cannot save " + what + " " + file + ": " + e.getMessage(), e);
    }
  }

  /** A primary-key value as a checkpoint keeps it: integers as numbers, text as text. */
  static JsonNode keyValue(Object value) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    if (value == null) {
      return json.nullNode();
    }
    if (value instanceof Integer || value instanceof Long) {
      return json.numberNode(((Number) value).longValue());
    }
    if (value instanceof Double number) {
      return json.numberNode(number);
    }
    return json.textNode(value.toString());
  }
}
