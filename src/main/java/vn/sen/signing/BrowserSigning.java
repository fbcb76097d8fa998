package vn.sen.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import vn.sen.shared.RuleViolation;

/**
 * What the signing script of the screens and other programs exchange with Sen in the two steps of an
 * external signature (ký số trên trình duyệt; docs/external-signing.md): the certificate chain in, the data
 * to sign out, the signature value in. One shape for every kind of document that is signed this way.
 */
public final class BrowserSigning {

    private BrowserSigning() {}

    /** Step 1's request: the signer's certificate chain (base64 DER, signer first) and, optionally, its scheme. */
    public record Prepare(List<String> certificates, SignatureScheme scheme) {

        public List<X509Certificate> chain() {
            return CertificateHolder.chain(certificates);
        }
    }

    /** What the signer signs: {@code dataToSign} (or {@code digest}, its SHA-256) with {@code scheme}. */
    public record Prepared(UUID id, String dataToSign, String digest, SignatureScheme scheme, Instant expiresAt) {

        public static Prepared of(ExternalSigning.Prepared prepared) {
            var base64 = Base64.getEncoder();
            return new Prepared(
                    prepared.id(),
                    base64.encodeToString(prepared.dataToSign()),
                    base64.encodeToString(prepared.digest()),
                    prepared.scheme(),
                    prepared.expiresAt());
        }
    }

    /** Step 2's request: the signature value (base64) and, where the screen asks for one, a comment. */
    public record Complete(String signatureValue, String comment) {

        /** The value's bytes; a value that is not base64 is refused with its own message. */
        public byte[] value() {
            try {
                return Base64.getDecoder().decode(signatureValue == null ? "" : signatureValue);
            } catch (IllegalArgumentException e) {
                throw new RuleViolation("signing.error.value-not-base64");
            }
        }
    }

    /** Where the screen goes once the signature is kept. */
    public record Done(String location) {}
}
