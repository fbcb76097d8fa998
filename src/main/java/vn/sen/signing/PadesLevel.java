package vn.sen.signing;

import eu.europa.esig.dss.enumerations.SignatureLevel;

/** PAdES baseline level (mức chữ ký PAdES) of a signature Sen makes. */
public enum PadesLevel {
    /** Signature only. */
    B_B(SignatureLevel.PAdES_BASELINE_B),
    /** With a signature timestamp from the time-stamping authority. */
    B_T(SignatureLevel.PAdES_BASELINE_T),
    /** With the timestamp, the certificates and the revocation data, for long-term validation. */
    B_LT(SignatureLevel.PAdES_BASELINE_LT);

    private final SignatureLevel dss;

    PadesLevel(SignatureLevel dss) {
        this.dss = dss;
    }

    SignatureLevel dss() {
        return dss;
    }
}
