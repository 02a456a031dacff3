package io.orcheo.persistence.core.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CredentialScopeTest {
  private static final UUID WORKFLOW = UUID.fromString("11111111-1111-1111-1111-111111111111");
  private static final UUID OTHER_WORKFLOW = UUID.fromString("22222222-2222-2222-2222-222222222222");
  private static final UUID WORKSPACE = UUID.fromString("33333333-3333-3333-3333-333333333333");

  @Test
  void unrestrictedScopeAllowsTheEmptyContext() {
    assertThat(CredentialScope.unrestricted().allows(AccessContext.none())).isTrue();
  }

  @Test
  void workflowScopeAllowsOnlyItsWorkflows() {
    CredentialScope scope = CredentialScope.forWorkflows(WORKFLOW);

    assertThat(scope.allows(AccessContext.forWorkflow(WORKFLOW))).isTrue();
    assertThat(scope.allows(AccessContext.forWorkflow(OTHER_WORKFLOW))).isFalse();
    assertThat(scope.allows(AccessContext.none())).isFalse();
  }

  @Test
  void rolesAreMatchedRegardlessOfCaseAndSurroundingBlanks() {
    CredentialScope scope = CredentialScope.forRoles(" Admin ");

    assertThat(scope.roles()).containsExactly("admin");
    assertThat(scope.allows(AccessContext.withRoles("ADMIN"))).isTrue();
    assertThat(scope.allows(AccessContext.withRoles("viewer"))).isFalse();
  }

  @Test
  void everyNonEmptyConditionMustHold() {
    CredentialScope scope = new CredentialScope(List.of(WORKFLOW), List.of(WORKSPACE), List.of("ops"));

    assertThat(scope.allows(new AccessContext(WORKFLOW, WORKSPACE, Set.of("ops")))).isTrue();
    assertThat(scope.allows(new AccessContext(WORKFLOW, WORKSPACE, Set.of("dev")))).isFalse();
    assertThat(scope.allows(new AccessContext(WORKFLOW, null, Set.of("ops")))).isFalse();
  }

  @Test
  void listsKeepTheirOrderAndDropRepeatsAndBlankRoles() {
    CredentialScope scope = new CredentialScope(List.of(OTHER_WORKFLOW, WORKFLOW, OTHER_WORKFLOW), null,
        List.of("b", " ", "A", "a"));

    assertThat(scope.workflowIds()).containsExactly(OTHER_WORKFLOW, WORKFLOW);
    assertThat(scope.workspaceIds()).isEmpty();
    assertThat(scope.roles()).containsExactly("b", "a");
  }

  @Test
  void scopeHintIsTheMostSpecificCondition() {
    assertThat(new CredentialScope(List.of(WORKFLOW), List.of(WORKSPACE), List.of("ops")).scopeHint())
        .isEqualTo(WORKFLOW.toString());
    assertThat(new CredentialScope(null, List.of(WORKSPACE), List.of("ops")).scopeHint())
        .isEqualTo(WORKSPACE.toString());
    assertThat(CredentialScope.forRoles("Ops").scopeHint()).isEqualTo("ops");
    assertThat(CredentialScope.unrestricted().scopeHint()).isEqualTo("GLOBAL");
  }

  @Test
  void permissionNamesAreTrimmedWithoutBlanksOrRepeats() {
    assertThat(Credential.permissions(List.of(" read ", "write", "", "read"))).containsExactly("read", "write");
  }
}
