package io.orcheo.persistence.core.error;

/**
 * A setting is missing or invalid. Thrown at startup, before any connection is opened; the message names the
 * setting's key (for example {@code ORCHEO_POSTGRES_DSN}) and, where there is a closed set, the allowed values.
 * Messages never contain a password.
 */
public class ConfigurationException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  private final String key;

  /** For the setting {@code key}, explained by {@code message}. */
  public ConfigurationException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The environment-variable name of the offending setting. */
  public String key() {
    return key;
  }
}
