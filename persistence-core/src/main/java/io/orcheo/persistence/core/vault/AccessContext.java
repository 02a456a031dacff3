package io.orcheo.persistence.core.vault;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The caller asking for a credential, template or alert, checked against its {@link CredentialScope}. The
 * {@link #none() empty context} satisfies only unrestricted scopes.
 *
 * @param workflowId the workflow the caller runs, or {@code null}
 * @param workspaceId the workspace the caller belongs to, or {@code null}
 * @param roles the caller's roles; trimmed and lower-cased like a scope's
 */
public record AccessContext(UUID workflowId, UUID workspaceId, Set<String> roles) {
  private static final AccessContext NONE = new AccessContext(null, null, Set.of());

  public AccessContext {
    roles = Set.copyOf(CredentialScope.roles(roles == null ? List.of() : List.copyOf(roles)));
  }

  /** No workflow, no workspace, no role: only unrestricted scopes allow it. */
  public static AccessContext none() {
    return NONE;
  }

  /** A caller running {@code workflowId}. */
  public static AccessContext forWorkflow(UUID workflowId) {
    return new AccessContext(workflowId, null, Set.of());
  }

  /** A caller holding {@code roles}. */
  public static AccessContext withRoles(String... roles) {
    return new AccessContext(null, null, Set.of(roles));
  }

  /** Whether this is the empty context (no workflow, no workspace, no role). */
  public boolean isEmpty() {
    return workflowId == null && workspaceId == null && roles.isEmpty();
  }
}
