package io.orcheo.persistence.it.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.core.config.PersistenceSettings;
import io.orcheo.persistence.core.tokens.MintedToken;
import io.orcheo.persistence.it.support.BackendContract;
import io.orcheo.persistence.it.support.TestBackend;
import io.orcheo.persistence.jooq.OrcheoPersistence;
import io.orcheo.persistence.migration.DatabaseSync;
import io.orcheo.persistence.migration.SqliteToPostgresCopy;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After {@code copy} or {@code sync} into PostgreSQL the application writes on: the service-token audit log's id
 * sequence follows the ids the migration wrote, so the next audit row (every mint writes one) gets a new id.
 */
class PostgresAuditLogSequenceTest extends BackendContract {
  private OrcheoPersistence sqlite;

  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }

  @BeforeEach
  void copyTheSqliteDeploymentToPostgres() throws SQLException, IOException {
    Path files = UpstreamDeployment.writeTo(tempDir.resolve("sqlite"));
    PersistenceSettings settings = TestBackend.SQLITE.settings(files).withVaultEncryptionKey(TestBackend.VAULT_KEY);
    sqlite = OrcheoPersistence.open(settings, clock);
    mint(sqlite);
    SqliteToPostgresCopy.of(settings, persistence, tempDir.resolve("copy.json"), false)
        .run(SqliteToPostgresCopy.Listener.NONE);
  }

  @AfterEach
  void closeTheSqliteDeployment() {
    sqlite.close();
  }

  private static MintedToken mint(OrcheoPersistence persistence) {
    return persistence.serviceTokenService().mint(null, Set.of("workflows:read"), Set.of(), Duration.ofDays(1));
  }

  @Test
  void aTokenMintedOnPostgresAfterTheCopyIsAudited() {
    MintedToken minted = mint(persistence);

    assertThat(persistence.serviceTokens().auditLog(minted.token().identifier(), 10)).hasSize(1);
  }

  @Test
  void aTokenMintedOnPostgresAfterASyncIsAudited() {
    mint(sqlite);
    mint(sqlite);
    DatabaseSync.between(sqlite, persistence, UpstreamDeployment.allTables()).run();

    MintedToken minted = mint(persistence);

    assertThat(persistence.serviceTokens().auditLog(minted.token().identifier(), 10)).hasSize(1);
  }
}
