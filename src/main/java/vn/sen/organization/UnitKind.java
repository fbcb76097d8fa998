package vn.sen.organization;

/** Kind of unit (loại đơn vị) after the 2025 two-tier reorganisation. */
public enum UnitKind {
    /** UBND tỉnh. */
    PROVINCE_COMMITTEE,
    /** HĐND tỉnh. */
    PEOPLES_COUNCIL,
    /** Văn phòng (of the People's Committee or the Council). */
    OFFICE,
    /** Sở, ban, ngành. */
    DEPARTMENT,
    /** UBND xã, phường, đặc khu. */
    COMMUNE,
    /** Phòng, ban trực thuộc. */
    DIVISION,
    /** Đơn vị khác. */
    OTHER
}
