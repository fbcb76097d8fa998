package vn.sen.signing;

import java.time.Instant;
import java.util.List;

/**
 * What the validation of a PDF found (kết quả kiểm tra chữ ký): one check per signature, oldest first.
 *
 * @param signatures the signatures in the order they were added
 */
public record SignatureReport(List<Check> signatures) {

    /** The verdict on one signature, as the law asks: valid only when everything was proven. */
    public enum Verdict {
        /** Intact, the certificate chains to a trust anchor, not revoked, valid at signing time. */
        VALID,
        /** Proven wrong: the document changed, the certificate was revoked, the signature does not verify. */
        INVALID,
        /** Could not be proven either way: untrusted chain, revocation unknown, expired without a timestamp. */
        INDETERMINATE
    }

    /** What is known of the signer certificate's revocation at signing time. */
    public enum Revocation {
        GOOD,
        REVOKED,
        UNKNOWN
    }

    /**
     * One signature.
     *
     * @param signer the signer's name (the certificate's common name)
     * @param issuer who issued the signer's certificate
     * @param serial the certificate's serial number (hex)
     * @param certificateNotAfter when the certificate expires
     * @param signingTime the time the signer claims
     * @param level the PAdES level found (e.g. PAdES-BASELINE-LT), or the PDF signature type
     * @param verdict valid, invalid or indeterminate
     * @param indication DSS's indication (TOTAL_PASSED, TOTAL_FAILED, INDETERMINATE)
     * @param subIndication DSS's reason when not valid (e.g. REVOKED_NO_POE, NO_CERTIFICATE_CHAIN_FOUND)
     * @param reason the reason as a message key for the report in the user's language
     * @param intact the signed bytes are unchanged and the signature value verifies
     * @param trustedChain the certificate chains to an imported trust anchor
     * @param revocation the certificate's revocation status
     * @param timestamped a signature timestamp is present
     * @param wholeDocument the signature covers the whole file (no later revision after it)
     * @param details DSS's own messages (errors, then warnings), in English
     */
    public record Check(
            String id,
            String signer,
            String issuer,
            String serial,
            Instant certificateNotAfter,
            Instant signingTime,
            String level,
            Verdict verdict,
            String indication,
            String subIndication,
            String reason,
            boolean intact,
            boolean trustedChain,
            Revocation revocation,
            boolean timestamped,
            boolean wholeDocument,
            List<String> details) {

        /** The signing time in Vietnam, for display. */
        public java.time.ZonedDateTime signingTimeInVietnam() {
            return signingTime == null ? null : signingTime.atZone(PdfSigning.VIETNAM.toZoneId());
        }
    }

    public boolean signed() {
        return !signatures.isEmpty();
    }

    /** Signed, and every signature valid. */
    public boolean valid() {
        return signed() && signatures.stream().allMatch(s -> s.verdict() == Verdict.VALID);
    }

    /** Some signature proven invalid. */
    public boolean invalid() {
        return signatures.stream().anyMatch(s -> s.verdict() == Verdict.INVALID);
    }
}
