package io.orcheo.persistence.codegen;

import io.orcheo.persistence.schema.SchemaMigrator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * SHA-256 over everything that decides the generated classes: every file under {@code db/changelog/} (read from
 * the schema module, whether it is a directory in a reactor build or a jar), the generator's own configuration
 * (the bytes of {@link Codegen}) and the jOOQ version. Codegen is skipped while it is unchanged.
 */
final class SchemaFingerprint {
  private static final String CHANGELOG_DIR = "db/changelog/";

  private SchemaFingerprint() {}

  static String compute(String packageName) throws IOException {
    MessageDigest digest = sha256();
    for (Map.Entry<String, byte[]> file : changelogFiles().entrySet()) {
      update(digest, file.getKey().getBytes(StandardCharsets.UTF_8));
      update(digest, file.getValue());
    }
    update(digest, resourceBytes(Codegen.class.getName().replace('.', '/') + ".class"));
    update(digest, org.jooq.Constants.FULL_VERSION.getBytes(StandardCharsets.UTF_8));
    update(digest, packageName.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Relative path → content, sorted by path so the hash does not depend on listing order. */
  private static Map<String, byte[]> changelogFiles() throws IOException {
    URL master = Codegen.class.getClassLoader().getResource(SchemaMigrator.MASTER);
    if (master == null) {
      throw new IllegalStateException(SchemaMigrator.MASTER + " is not on the classpath; is the schema module built?");
    }
    Map<String, byte[]> files = new TreeMap<>();
    if ("jar".equals(master.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) master.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        for (JarEntry entry : jar.stream().toList()) {
          if (!entry.isDirectory() && entry.getName().startsWith(CHANGELOG_DIR)) {
            try (InputStream in = jar.getInputStream(entry)) {
              files.put(entry.getName(), in.readAllBytes());
            }
          }
        }
      }
    } else {
      Path root;
      try {
        root = Path.of(master.toURI()).getParent(); // master.xml sits directly in db/changelog/
      } catch (URISyntaxException e) {
        throw new IllegalStateException("Cannot read the changelog directory at " + master, e);
      }
      Path base = root;
      try (Stream<Path> walk = Files.walk(base)) {
        walk.filter(Files::isRegularFile)
            .forEach(file -> files.put(CHANGELOG_DIR + base.relativize(file).toString().replace('\\', '/'), read(file)));
      }
    }
    return files;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resourceBytes(String name) throws IOException {
    try (InputStream in = Codegen.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + name);
      }
      return in.readAllBytes();
    }
  }

  private static void update(MessageDigest digest, byte[] bytes) {
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
