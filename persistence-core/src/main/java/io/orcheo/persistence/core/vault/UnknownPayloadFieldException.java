package io.orcheo.persistence.core.vault;

/**
 * A stored payload has a field this version does not know, typically written by a newer Orcheo. Like upstream the
 * vault refuses it rather than drop data it would not write back; unlike upstream it says which field.
 */
public class UnknownPayloadFieldException extends CredentialPayloadException {
  private static final long serialVersionUID = 1L;
  private final String field;

  /** For the field at the dotted path {@code field} of row {@code rowId}. */
  public UnknownPayloadFieldException(String table, String rowId, String field) {
    super(table, rowId, table + " row " + rowId + ": the payload has a field '" + field
        + "' this version does not know (written by a newer Orcheo?); upgrade orcheo-persistence to read it");
    this.field = field;
  }

  /** The unknown field as a dotted path, such as {@code tenant_id} or {@code scope.tenant_ids}. */
  public String field() {
    return field;
  }
}
