package io.orcheo.persistence.core.vault;

import io.orcheo.persistence.core.error.StorableText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who may use a credential, template or alert. Each non-empty list is a condition and all of them must hold:
 * the caller's workflow is listed, the caller's workspace is listed, the caller has at least one listed role. An
 * empty scope is unrestricted.
 *
 * <p>Lists keep their order (the first entry is the {@link #scopeHint() scope hint}) and drop repeats; roles are
 * trimmed and lower-cased (Java's {@link Locale#ROOT} rules, which agree with Python's {@code str.lower()} except
 * for a handful of special casings), and blank roles are dropped.
 *
 * @param workflowIds workflows allowed, or empty for any
 * @param workspaceIds workspaces allowed, or empty for any
 * @param roles roles of which the caller needs one, or empty for any
 */
public record CredentialScope(List<UUID> workflowIds, List<UUID> workspaceIds, List<String> roles) {
  private static final CredentialScope UNRESTRICTED = new CredentialScope(List.of(), List.of(), List.of());

  public CredentialScope {
    workflowIds = distinct(workflowIds, "workflowIds");
    workspaceIds = distinct(workspaceIds, "workspaceIds");
    roles = roles(roles);
  }

  /** The scope every caller satisfies. */
  public static CredentialScope unrestricted() {
    return UNRESTRICTED;
  }

  /** Limited to callers running one of these workflows. */
  public static CredentialScope forWorkflows(UUID... workflowIds) {
    return new CredentialScope(List.of(workflowIds), List.of(), List.of());
  }

  /** Limited to callers in one of these workspaces. */
  public static CredentialScope forWorkspaces(UUID... workspaceIds) {
    return new CredentialScope(List.of(), List.of(workspaceIds), List.of());
  }

  /** Limited to callers holding at least one of these roles (case-insensitive). */
  public static CredentialScope forRoles(String... roles) {
    return new CredentialScope(List.of(), List.of(), List.of(roles));
  }

  /** Whether every caller satisfies this scope. */
  public boolean isUnrestricted() {
    return workflowIds.isEmpty() && workspaceIds.isEmpty() && roles.isEmpty();
  }

  /** Whether a caller described by {@code context} satisfies every condition of this scope. */
  public boolean allows(AccessContext context) {
    Objects.requireNonNull(context, "context");
    if (!workflowIds.isEmpty() && (context.workflowId() == null || !workflowIds.contains(context.workflowId()))) {
      return false;
    }
    if (!workspaceIds.isEmpty()
        && (context.workspaceId() == null || !workspaceIds.contains(context.workspaceId()))) {
      return false;
    }
    return roles.isEmpty() || context.roles().stream().anyMatch(roles::contains);
  }

  /**
   * The most specific condition as one string, which the tables keep for lookups (upstream's {@code scope_hint}):
   * the first workflow id, else the first workspace id, else the first role, else {@code GLOBAL}.
   */
  public String scopeHint() {
    if (!workflowIds.isEmpty()) {
      return workflowIds.get(0).toString();
    }
    if (!workspaceIds.isEmpty()) {
      return workspaceIds.get(0).toString();
    }
    return roles.isEmpty() ? "GLOBAL" : roles.get(0);
  }

  private static List<UUID> distinct(List<UUID> ids, String name) {
    if (ids == null) {
      return List.of();
    }
    Set<UUID> seen = new LinkedHashSet<>();
    for (UUID id : ids) {
      seen.add(Objects.requireNonNull(id, name + " must not contain null"));
    }
    return List.copyOf(seen);
  }

  static List<String> roles(List<String> roles) {
    if (roles == null) {
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String role : roles) {
      Objects.requireNonNull(role, "roles must not contain null");
      String normalized = role.strip().toLowerCase(Locale.ROOT);
      StorableText.require(normalized, "role");
      if (!normalized.isEmpty()) {
        seen.add(normalized);
      }
    }
    return List.copyOf(new ArrayList<>(seen));
  }
}
