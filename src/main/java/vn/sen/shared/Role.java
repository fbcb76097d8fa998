package vn.sen.shared;

/**
 * Role (vai trò). Installation roles apply everywhere; unit roles are granted in a unit and apply to
 * its whole subtree.
 */
public enum Role {
    /** Quản trị hệ thống: runs the installation; no business data without a business role. */
    SYSTEM_ADMIN(false, true),
    /** Kiểm toán an ninh: reads the audit trail, changes nothing. */
    SECURITY_AUDITOR(false, false),
    /** Quản trị đơn vị: accounts and settings of one unit subtree. */
    UNIT_ADMIN(true, true),
    /** Lãnh đạo. */
    LEADER(true, false),
    /** Văn thư. */
    CLERK(true, false),
    /** Chuyên viên. */
    SPECIALIST(true, false),
    /** Thư ký cuộc họp. */
    MEETING_SECRETARY(true, false);

    private final boolean unitScoped;
    private final boolean administrative;

    Role(boolean unitScoped, boolean administrative) {
        this.unitScoped = unitScoped;
        this.administrative = administrative;
    }

    public boolean unitScoped() {
        return unitScoped;
    }

    /** Administrative roles need a second factor and get the short idle timeout. */
    public boolean administrative() {
        return administrative;
    }
}
