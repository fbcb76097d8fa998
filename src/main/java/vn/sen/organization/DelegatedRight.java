package vn.sen.organization;

/** Right a leader may delegate (quyền ủy quyền). */
public enum DelegatedRight {
    /** Ký thay / ký thừa ủy quyền. */
    SIGNING,
    /** Giao việc, phân công xử lý. */
    ASSIGNMENT
}
