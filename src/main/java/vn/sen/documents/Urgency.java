package vn.sen.documents;

/** Urgency (độ khẩn): urgent documents are registered, presented and released at once, and listed first. */
public enum Urgency {
    NORMAL,
    /** Khẩn. */
    URGENT,
    /** Thượng khẩn. */
    VERY_URGENT,
    /** Hỏa tốc. */
    FLASH;

    public boolean urgent() {
        return this != NORMAL;
    }
}
