package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.StorageException;

/**
 * A stored vault row cannot be read: its payload is not JSON, lacks a field, or holds a value of the wrong type.
 * The message names the table, the row and the field, never a secret or ciphertext.
 */
public class CredentialPayloadException extends StorageException {
  private static final long serialVersionUID = 1L;
  private final String table;
  private final String rowId;

  /** For the row {@code rowId} of {@code table}. */
  public CredentialPayloadException(String table, String rowId, String message) {
    super(message, null, null);
    this.table = table;
    this.rowId = rowId;
  }

  /** For the row {@code rowId} of {@code table}, with the parser's failure. */
  public CredentialPayloadException(String table, String rowId, String message, Throwable cause) {
    super(message, null, cause);
    this.table = table;
    this.rowId = rowId;
  }

  /** {@code credentials}, {@code credential_templates} or {@code governance_alerts}. */
  public String table() {
    return table;
  }

  /** The id of the unreadable row. */
  public String rowId() {
    return rowId;
  }
}
