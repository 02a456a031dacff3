package io.orcheo.persistence.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code migrate sync} remembers between runs, in a small JSON file: per direction, the identities of the
 * databases it synced (so that a state written for another source or target is not trusted) and, per table that has
 * a reliable {@code updated_at}, the high-water mark of the source and the largest {@code updated_at} the target
 * held after the sync (so that a target written by someone else since is noticed). Saved atomically (a sibling
 * written, then moved) and only after a sync has committed everything, so a failed sync leaves the older, lower
 * marks in place.
 */
final class SyncState {
  private static final String FORMAT = "orcheo-migrate-sync-state";
  private static final int VERSION = 1;

  /**
   * One table's marks.
   *
   * @param mark the source's high-water mark: no row of the synced snapshot had a later {@code updated_at}
   * @param targetMax the largest {@code updated_at} in the target after the sync, empty for an empty table
   */
  record TableMark(Instant mark, Optional<Instant> targetMax) {
    TableMark {
      Objects.requireNonNull(mark, "mark");
      Objects.requireNonNull(targetMax, "targetMax");
    }
  }

  /**
   * One direction's state.
   *
   * @param source the identity of each source database, by store
   * @param target the identity of each target database, by store
   * @param tables the marks, by table name
   */
  record Direction(Map<String, String> source, Map<String, String> target, Map<String, TableMark> tables) {
    Direction {
      source = Map.copyOf(source);
      target = Map.copyOf(target);
      tables = Map.copyOf(tables);
    }
  }

  private final Path file;
  private final ObjectNode root;

  private SyncState(Path file, ObjectNode root) {
    this.file = file;
    this.root = root;
  }

  /** The state in {@code file}, empty if there is none. */
  static SyncState read(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.exists(file)) {
      return new SyncState(file, fresh());
    }
    try {
      JsonNode root = JsonCodec.read(Files.readString(file, StandardCharsets.UTF_8));
      if (!root.isObject() || !FORMAT.equals(root.path("format").asText())
          || root.path("version").asInt() != VERSION) {
        throw new MigrationException(file + " is not a sync state of this version; delete it and the next sync "
            + "walks every table in full");
      }
      return new SyncState(file, (ObjectNode) root);
    } catch (IOException | RuntimeException e) {
      if (e instanceof MigrationException migration) {
        throw migration;
      }
      throw new MigrationException("Cannot read the sync state " + file + ": " + e.getMessage()
          + "; delete it and the next sync walks every table in full", e);
    }
  }

  Path file() {
    return file;
  }

  /** The state recorded for {@code direction}, if any. */
  Optional<Direction> direction(String direction) {
    JsonNode entry = root.path("directions").get(direction);
    if (entry == null || !entry.isObject()) {
      return Optional.empty();
    }
    try {
      Map<String, TableMark> tables = new LinkedHashMap<>();
      entry.path("tables").fields().forEachRemaining(table -> {
        JsonNode max = table.getValue().get("target_max");
        tables.put(table.getKey(), new TableMark(Instant.parse(table.getValue().path("mark").asText()),
            max == null || max.isNull() ? Optional.empty() : Optional.of(Instant.parse(max.asText()))));
      });
      return Optional.of(new Direction(strings(entry.path("source")), strings(entry.path("target")), tables));
    } catch (DateTimeParseException e) {
      throw new MigrationException("The sync state " + file + " holds a malformed mark: " + e.getMessage()
          + "; delete it and the next sync walks every table in full", e);
    }
  }

  /** Replaces {@code direction}'s state and saves the file. */
  void save(String direction, Direction state) {
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    ObjectNode source = entry.putObject("source");
    state.source().forEach(source::put);
    ObjectNode target = entry.putObject("target");
    state.target().forEach(target::put);
    entry.put("saved_at", Instant.now().toString());
    ObjectNode tables = entry.putObject("tables");
    state.tables().forEach((name, mark) -> {
      ObjectNode table = tables.putObject(name);
      table.put("mark", mark.mark().toString());
      if (mark.targetMax().isPresent()) {
        table.put("target_max", mark.targetMax().get().toString());
      } else {
        table.putNull("target_max");
      }
    });
    ObjectNode directions = root.has("directions") ? (ObjectNode) root.get("directions")
        : root.putObject("directions");
    directions.set(direction, entry);
    write();
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> values = new LinkedHashMap<>();
    object.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
    return values;
  }

  private static ObjectNode fresh() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.putObject("directions");
    return root;
  }

  private void write() {
    StateFiles.write(file, root, "the sync state");
  }
}
