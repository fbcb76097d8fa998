package vn.sen.organization;

import java.util.Objects;
import vn.sen.shared.RuleViolation;

/** Rules of the unit tree (cây đơn vị) that do not need the database. */
final class UnitTree {

    private UnitTree() {}

    static String pathOf(String parentPath, long id) {
        return (parentPath == null ? "/" : parentPath) + id + "/";
    }

    /** A unit cannot be moved under itself or one of its descendants: that would make a cycle. */
    static void checkMove(String unitPath, String newParentPath) {
        Objects.requireNonNull(unitPath);
        if (newParentPath != null && newParentPath.startsWith(unitPath)) {
            throw new RuleViolation("organization.error.cycle");
        }
    }

    static String checkCode(String code) {
        String trimmed = code == null ? "" : code.strip();
        if (trimmed.isEmpty() || trimmed.length() > 32 || !trimmed.matches("[A-Za-z0-9.\\-_]+")) {
            throw new RuleViolation("organization.error.code-format", code);
        }
        return trimmed;
    }
}
