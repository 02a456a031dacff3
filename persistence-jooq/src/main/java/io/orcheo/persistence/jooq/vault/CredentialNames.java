package io.orcheo.persistence.jooq.vault;

import static org.jooq.impl.DSL.collation;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.quotedName;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;

/**
 * The case folding of the unique credential-name rule, ASCII letters only on both backends: SQLite's built-in
 * {@code lower()} folds nothing else, and PostgreSQL's folds nothing else under the {@code "C"} collation. The
 * expressions are the unique indexes' ({@code uq_credentials_name_folded}), so the pre-check uses them too. This is
 * the vault's one dialect branch.
 */
final class CredentialNames {
  private CredentialNames() {}

  /** {@code name} folded in SQL as the unique index folds it. */
  static Field<String> folded(DSLContext dsl, Field<String> name) {
    return dsl.dialect().family() == SQLDialect.POSTGRES ? lower(name.collate(collation(quotedName("C"))))
        : lower(name);
  }

  /** {@code name} folded in Java as the databases fold it: A to Z become a to z, nothing else changes. */
  static String fold(String name) {
    StringBuilder folded = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return folded.toString();
  }
}
