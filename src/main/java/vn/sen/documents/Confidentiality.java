package vn.sen.documents;

/** Confidentiality (độ mật): state-secret documents never leave Sen through interchange. */
public enum Confidentiality {
    NORMAL,
    /** Mật. */
    CONFIDENTIAL,
    /** Tối mật. */
    SECRET,
    /** Tuyệt mật. */
    TOP_SECRET;

    public boolean stateSecret() {
        return this != NORMAL;
    }
}
