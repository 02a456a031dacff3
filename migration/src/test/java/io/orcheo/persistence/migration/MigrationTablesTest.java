package io.orcheo.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.orcheo.persistence.jooq.generated.DefaultSchema;
import java.util.List;
import org.jooq.ForeignKey;
import org.jooq.Table;
import org.junit.jupiter.api.Test;

/** The catalogue of migrated tables: every table of the schema, once, parents before children. */
class MigrationTablesTest {
  private final List<MigrationTable> all = MigrationTables.all(false);

  @Test
  void everyTableOfTheSchemaIsMigrated() {
    List<String> schema = DefaultSchema.DEFAULT_SCHEMA.getTables().stream().map(Table::getName).toList();

    assertThat(all).extracting(MigrationTable::name).containsExactlyInAnyOrderElementsOf(schema);
  }

  @Test
  void everyParentComesBeforeItsChildren() {
    List<String> names = all.stream().map(MigrationTable::name).toList();
    for (MigrationTable child : all) {
      for (ForeignKey<?, ?> reference : child.table().getReferences()) {
        String parent = reference.getKey().getTable().getName();
        assertThat(names.indexOf(parent)).as("%s before %s", parent, child.name())
            .isLessThan(names.indexOf(child.name()));
      }
    }
  }

  @Test
  void withoutTheVaultNoVaultTableIsLeft() {
    assertThat(MigrationTables.all(true)).extracting(MigrationTable::name)
        .doesNotContain("credentials", "credential_templates", "governance_alerts")
        .contains("workflows", "workflow_run_retries", "service_tokens");
  }

  @Test
  void everyTableIsFoundByItsName() {
    assertThat(all).allSatisfy(table -> assertThat(MigrationTables.byName(table.name())).contains(table));
    assertThat(MigrationTables.byName("databasechangelog")).isEmpty();
  }
}
