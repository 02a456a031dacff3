package io.orcheo.persistence.migration;

import static io.orcheo.persistence.jooq.generated.Tables.SERVICE_TOKEN_AUDIT_LOG;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;

import io.orcheo.persistence.core.config.Backend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.jooq.runtime.Database;
import io.orcheo.persistence.jooq.runtime.Store;
import java.util.List;

/**
 * The service-token audit log's id is a PostgreSQL {@code SERIAL}: rows written with their ids (by {@code copy} or
 * {@code sync}) leave its sequence behind, and the application's next audit row would take an id already there. After
 * such a write the sequence is set so that the next id follows the largest (1 on an empty table). SQLite's
 * {@code AUTOINCREMENT} follows inserted ids by itself.
 */
final class AuditLogSequence {
  private AuditLogSequence() {}

  /** Sets the sequence in {@code target} if it is on PostgreSQL and {@code tables} wrote the audit log. */
  static void follow(OrcheoPersistence target, List<MigrationTable> tables) {
    Database database = target.database(Store.SERVICE_TOKENS);
    if (database.backend() == Backend.POSTGRES
        && tables.stream().anyMatch(table -> table.table().equals(SERVICE_TOKEN_AUDIT_LOG))) {
      set(database);
    }
  }

  /** Sets the sequence of {@code database}, a PostgreSQL database holding the audit log. */
  static void set(Database database) {
    database.transactor().inTransaction("set the audit log's id sequence", dsl -> dsl
        .select(function("setval", Long.class,
            function("pg_get_serial_sequence", String.class, inline("service_token_audit_log"), inline("id")),
            coalesce(max(SERVICE_TOKEN_AUDIT_LOG.ID), inline(1)),
            max(SERVICE_TOKEN_AUDIT_LOG.ID).isNotNull()))
        .from(SERVICE_TOKEN_AUDIT_LOG)
        .fetch());
  }
}
