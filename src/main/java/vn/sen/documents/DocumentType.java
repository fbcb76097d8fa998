package vn.sen.documents;

/**
 * Document type (loại văn bản): the 29 administrative types of Decree 30/2020, annex III, with their
 * official abbreviations (used in notations such as {@code QĐ-UBND}); công văn and thư công have none.
 */
public enum DocumentType {
    RESOLUTION("NQ"),
    DECISION("QĐ"),
    DIRECTIVE("CT"),
    STATUTE("QC"),
    REGULATION("QyĐ"),
    COMMUNIQUE("TC"),
    NOTICE("TB"),
    GUIDANCE("HD"),
    PROGRAMME("CTr"),
    PLAN("KH"),
    SCHEME("PA"),
    PROPOSAL("ĐA"),
    PROJECT("DA"),
    REPORT("BC"),
    RECORD("BB"),
    SUBMISSION("TTr"),
    CONTRACT("HĐ"),
    OFFICIAL_LETTER(""),
    DISPATCH("CĐ"),
    MEMORANDUM("BGN"),
    AGREEMENT("BTT"),
    AUTHORISATION("GUQ"),
    INVITATION("GM"),
    INTRODUCTION("GGT"),
    LEAVE_PERMIT("GNP"),
    SENDING_SLIP("PG"),
    TRANSFER_SLIP("PC"),
    NOTIFICATION_SLIP("PB"),
    PUBLIC_LETTER("");

    private final String abbreviation;

    DocumentType(String abbreviation) {
        this.abbreviation = abbreviation;
    }

    /** The official abbreviation; empty for công văn and thư công. */
    public String abbreviation() {
        return abbreviation;
    }
}
