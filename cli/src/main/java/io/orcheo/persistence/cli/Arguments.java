package io.orcheo.persistence.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orcheo.persistence.core.error.ValidationException;
import io.orcheo.persistence.core.page.PageRequest;
import io.orcheo.persistence.jooq.binding.JsonCodec;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Checks of the options the {@code history}, {@code checkpoints} and {@code chat} commands share, and the quoting of
 * the command lines they print for the next page. A refused value is a {@link ParameterException}, or for
 * {@code chat} a {@link ValidationException}: exit code 2 with the message.
 */
final class Arguments {
  /** Arguments a POSIX shell passes through unchanged, so they are printed without quotes. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private Arguments() {}

  /** Refuses a page size a listing would refuse. */
  static void requireLimit(CommandLine commandLine, String option, int limit) {
    if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
      throw new ParameterException(commandLine,
          option + " must be between 1 and " + PageRequest.MAX_LIMIT + ", got " + limit);
    }
  }

  /** Refuses a blank cursor, which would otherwise read as "the first page" to someone pasting a broken line. */
  static void requireCursor(CommandLine commandLine, String cursor) {
    if (cursor != null && cursor.isBlank()) {
      throw new ParameterException(commandLine, "--after must not be blank; omit it for the first page");
    }
  }

  /**
   * The {@code --metadata} filter: a JSON object both backends can store, or {@code null} when the option is absent.
   * Text after the object is refused too, so a mistyped shell quote is not silently cut off.
   */
  static ObjectNode metadata(CommandLine commandLine, String text) {
    try {
      return jsonObject("--metadata", text);
    } catch (ValidationException e) {
      throw new ParameterException(commandLine, e.getMessage(), e, null, text);
    }
  }

  /**
   * {@code text} read as a JSON object both backends can store, or {@code null} when it is {@code null}; text after
   * the object is refused too, so a mistyped shell quote is not silently cut off.
   *
   * @throws ValidationException naming {@code option}, when it is not such an object
   */
  static ObjectNode jsonObject(String option, String text) {
    if (text == null) {
      return null;
    }
    JsonNode node;
    try {
      node = JsonCodec.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
    } catch (JsonProcessingException e) {
      throw new ValidationException("Invalid " + option + ": not JSON: " + e.getOriginalMessage(), e);
    }
    if (!node.isObject()) {
      throw new ValidationException("Invalid " + option + ": expected a JSON object such as "
          + "'{\"key\": \"value\"}', got " + (node.isMissingNode() ? "nothing" : node.getNodeType()));
    }
    try {
      JsonCodec.requireStorable(node);
    } catch (ValidationException e) {
      throw new ValidationException("Invalid " + option + ": " + e.getMessage(), e);
    }
    return (ObjectNode) node;
  }

  /**
   * {@code argument} as a POSIX shell reads it back: unchanged when it is plain, else in single quotes. Values printed
   * in next-page lines (a caller's workflow id, a JSON filter) may hold spaces, quotes or braces.
   */
  static String quote(String argument) {
    if (PLAIN.matcher(argument).matches()) {
      return argument;
    }
    return "'" + argument.replace("'", "'\\''") + "'";
  }
}
