package vn.sen.shared;

import java.util.Arrays;
import java.util.List;

/**
 * What the signed-in user may do where: their roles, each with the unit subtree it applies to.
 *
 * <p>Every permission check and every business query goes through this: a unit-scoped role covers a
 * unit when the unit's path starts with the path of the unit the role was granted in.
 */
public record UserScope(long accountId, String username, Long officerId, List<Grant> grants)
        implements java.io.Serializable {

    public UserScope {
        grants = List.copyOf(grants);
    }

    /** A role in a unit subtree ({@code unitPath} like {@code /1/7/}), or installation-wide (null). */
    public record Grant(Role role, Long unitId, String unitPath) implements java.io.Serializable {

        boolean covers(String targetPath) {
            return !role.unitScoped() || (unitPath != null && targetPath != null && targetPath.startsWith(unitPath));
        }
    }

    /** The installation itself (command line, demo data, scheduled jobs). */
    public static UserScope system() {
        return new UserScope(0, "system", null, List.of(new Grant(Role.SYSTEM_ADMIN, null, null)));
    }

    public boolean has(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    /** True when one of {@code roles} is granted in a unit whose subtree holds the unit at {@code unitPath}. */
    public boolean hasIn(String unitPath, Role... roles) {
        var wanted = Arrays.asList(roles);
        return grants.stream().anyMatch(g -> wanted.contains(g.role()) && g.covers(unitPath));
    }

    /** Paths of the subtrees where one of {@code roles} is granted, for filtering queries. */
    public List<String> subtrees(Role... roles) {
        var wanted = Arrays.asList(roles);
        return grants.stream()
                .filter(g -> wanted.contains(g.role()) && g.unitPath() != null)
                .map(Grant::unitPath)
                .distinct()
                .toList();
    }

    public boolean administrative() {
        return grants.stream().anyMatch(g -> g.role().administrative());
    }
}
