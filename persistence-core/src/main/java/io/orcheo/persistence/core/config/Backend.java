package io.orcheo.persistence.core.config;

/** The database a subsystem (repository, service tokens, ChatKit, vault) stores its data in. */
public enum Backend {
  /** A local SQLite file; the default, needing no server. */
  SQLITE("sqlite"),
  /** A PostgreSQL server reached through {@code ORCHEO_POSTGRES_DSN}. */
  POSTGRES("postgres");

  private final String id;

  Backend(String id) {
    this.id = id;
  }

  /**
   * The lower-case name used in Orcheo's settings.
   *
   * @return {@code "sqlite"} or {@code "postgres"}
   */
  public String id() {
    return id;
  }
}
