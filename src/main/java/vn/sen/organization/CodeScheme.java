package vn.sen.organization;

/** Which register an organisation code (mã định danh) belongs to. */
public enum CodeScheme {
    /** The legacy 13-character QCVN 102 code used inside edXML messages, e.g. {@code 000.00.00.H41}. */
    QCVN102,
    /** The code the national interchange axis routes by (hierarchical since 2025, e.g. {@code H01.151}). */
    AXIS
}
