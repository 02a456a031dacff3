package io.orcheo.persistence.jooq.chatkit;

/** File names of uploads: safe on every file system, whatever a browser sent. */
final class UploadNames {
  /** Leaves room for the {@code atc_xxxxxxxx_} prefix within common 255-byte name limits. */
  static final int MAX_BYTES = 200;

  private UploadNames() {}

  /**
   * {@code name} with every character other than an ASCII letter, digit, {@code .}, {@code -} or {@code _} replaced
   * by {@code _}, any directory part and leading dots removed (no hidden files, no {@code ..}), cut to its last
   * {@value #MAX_BYTES} characters (where the extension is); {@code "file"} if only underscores are left.
   */
  static String sanitize(String name) {
    StringBuilder safe = new StringBuilder();
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    base.codePoints().forEach(cp -> safe.append(
        cp < 128 && (Character.isLetterOrDigit(cp) || cp == '.' || cp == '-' || cp == '_') ? (char) cp : '_'));
    int start = 0;
    while (start < safe.length() && safe.charAt(start) == '.') {
      start++;
    }
    String result = safe.substring(start);
    if (result.length() > MAX_BYTES) {
      result = result.substring(result.length() - MAX_BYTES);
    }
    return result.isEmpty() || result.chars().allMatch(c -> c == '_') ? "file" : result;
  }
}
