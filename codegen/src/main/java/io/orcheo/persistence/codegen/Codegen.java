package io.orcheo.persistence.codegen;

import io.orcheo.persistence.schema.SchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the jOOQ classes from the Liquibase changelog, applied to a real PostgreSQL.
 *
 * <p>Never from an H2 simulation: jOOQ's {@code LiquibaseDatabase} replays changelogs on H2, which has no JSONB
 * and no GIN (jOOQ#11814, jOOQ#16222) and is deprecated since Liquibase 5 changed licence (jOOQ#19353).
 *
 * <p>Arguments: {@code <output directory> <package> <state file>}. System properties:
 * <ul>
 *   <li>{@code codegen.jdbc.url} (with {@code codegen.jdbc.user}, {@code codegen.jdbc.password}): use this
 *       PostgreSQL instead of starting an embedded one. The schema is applied to a scratch schema that is
 *       dropped afterwards, so the server is left as it was.</li>
 *   <li>{@code codegen.force=true}: generate even when the changelog is unchanged.</li>
 * </ul>
 * The embedded server's major version is the one of the zonky binaries on the classpath (property
 * {@code postgres.binaries.version} of the build).
 */
public final class Codegen {
  private static final Logger log = LoggerFactory.getLogger(Codegen.class);

  private static final String SCRATCH_SCHEMA = "orcheo_codegen";

  private Codegen() {}

  /** Runs the generator; the arguments and switches are described on the class. */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: Codegen <output directory> <package> <state file>");
    }
    Path output = Path.of(args[0]);
    String packageName = args[1];
    Path stateFile = Path.of(args[2]);

    String fingerprint = SchemaFingerprint.compute(packageName);
    if (!Boolean.getBoolean("codegen.force") && upToDate(output, stateFile, fingerprint)) {
      log.info("jOOQ classes are up to date with the changelog (fingerprint {}); skipping codegen", fingerprint);
      return;
    }

    String url = System.getProperty("codegen.jdbc.url", "").trim();
    if (url.isEmpty()) {
      try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
        generate(() -> pg.getPostgresDatabase().getConnection(), "public", output, packageName);
      }
    } else {
      Properties credentials = new Properties();
      putIfSet(credentials, "user", System.getProperty("codegen.jdbc.user"));
      putIfSet(credentials, "password", System.getProperty("codegen.jdbc.password"));
      try (Connection connection = DriverManager.getConnection(url, credentials)) {
        recreateScratchSchema(connection);
        try {
          generate(() -> DriverManager.getConnection(url, credentials), SCRATCH_SCHEMA, output, packageName);
        } finally {
          dropScratchSchema(connection);
        }
      }
    }
    Files.createDirectories(stateFile.toAbsolutePath().getParent());
    Files.writeString(stateFile, fingerprint);
  }

  private static boolean upToDate(Path output, Path stateFile, String fingerprint) throws IOException {
    if (!Files.isRegularFile(stateFile) || !Files.isDirectory(output)) {
      return false;
    }
    try (var files = Files.walk(output)) {
      if (files.noneMatch(p -> p.toString().endsWith(".java"))) {
        return false;
      }
    }
    return Files.readString(stateFile).trim().equals(fingerprint);
  }

  /** Opens a fresh connection to the codegen server. */
  @FunctionalInterface
  private interface ConnectionSource {
    Connection open() throws SQLException;
  }

  private static void generate(ConnectionSource server, String schema, Path output, String packageName)
      throws Exception {
    // Liquibase closes the connection it was given, so it gets its own.
    SchemaMigrator.update(server.open(), SchemaMigrator.MASTER, schema);
    try (Connection connection = server.open()) {
      log.info("Generating jOOQ classes from PostgreSQL {}", connection.getMetaData().getDatabaseProductVersion());
      GenerationTool tool = new GenerationTool();
      tool.setConnection(connection);
      tool.run(configuration(schema, output, packageName));
    }
  }

  /**
   * The generator configuration. Our bindings do every type translation (design.md, "Bindings"): jOOQ's own
   * JSONB binding is unusable on SQLite, where it binds a BLOB inside json(?) (jOOQ#19664, jOOQ#15931).
   */
  static Configuration configuration(String inputSchema, Path output, String packageName) {
    String bindings = "io.orcheo.persistence.jooq.binding.";
    return new Configuration()
        .withGenerator(
            new Generator()
                .withName("org.jooq.codegen.JavaGenerator")
                .withDatabase(
                    new org.jooq.meta.jaxb.Database()
                        .withName("org.jooq.meta.postgres.PostgresDatabase")
                        .withInputSchema(inputSchema)
                        // Schema-less names: the same classes render for SQLite, which has no "public"
                        // schema (jOOQ#2846, jOOQ#3018).
                        .withOutputSchemaToDefault(true)
                        // chat_messages.search_vector exists on PostgreSQL only (SQLite searches an FTS5 table),
                        // so it stays out of the shared classes; the PostgreSQL search names it itself.
                        .withExcludes("databasechangelog|databasechangeloglock|(.*\\.)?chat_messages\\.search_vector")
                        .withIncludeExcludeColumns(true)
                        .withIncludeRoutines(false)
                        .withIncludeUDTs(false)
                        .withForcedTypes(
                            new ForcedType()
                                .withUserType("com.fasterxml.jackson.databind.JsonNode")
                                .withBinding(bindings + "JsonNodeBinding")
                                .withIncludeTypes("(?i:jsonb?)"),
                            new ForcedType()
                                .withUserType("java.time.Instant")
                                .withBinding(bindings + "InstantBinding")
                                .withIncludeTypes("(?i:timestamp\\s*(\\(\\d+\\))?\\s*with\\s+time\\s+zone|timestamptz)"),
                            new ForcedType()
                                .withUserType("java.lang.Boolean")
                                .withBinding(bindings + "BooleanBinding")
                                .withIncludeTypes("(?i:bool(ean)?)")))
                .withGenerate(
                    new Generate()
                        .withRecords(true)
                        .withPojos(false)
                        .withDaos(false)
                        .withInterfaces(false)
                        .withJavaTimeTypes(true)
                        .withGeneratedAnnotation(false)
                        .withComments(true)
                        .withIndexes(true)
                        .withKeys(true)
                        .withSequences(true))
                .withTarget(
                    new Target()
                        .withPackageName(packageName)
                        .withDirectory(output.toAbsolutePath().toString())
                        .withClean(true)));
  }

  private static void recreateScratchSchema(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCRATCH_SCHEMA + " CASCADE");
      statement.execute("CREATE SCHEMA " + SCRATCH_SCHEMA);
    }
  }

  private static void dropScratchSchema(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCRATCH_SCHEMA + " CASCADE");
    }
  }

  private static void putIfSet(Properties properties, String key, String value) {
    if (value != null && !value.isBlank()) {
      properties.put(key, value);
    }
  }
}
