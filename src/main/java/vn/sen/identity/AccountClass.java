package vn.sen.identity;

/** Account class (loại tài khoản), managed separately as level 3 requires. */
public enum AccountClass {
    /** Quản trị: administrators; second factor mandatory, short idle timeout. */
    ADMIN,
    /** Người dùng: an officer. */
    USER,
    /** Kỹ thuật: operators of the installation. */
    TECHNICAL,
    /** Dịch vụ: machine-to-machine access (interchange, integrations). */
    SERVICE
}
