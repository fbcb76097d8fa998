package vn.sen.signing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signature settings.
 *
 * @param tsaUrl the RFC 3161 time-stamping authority; without it signatures are made at level B-B
 *     (B-T and B-LT need a timestamp)
 * @param onlineRevocation fetch CRLs and OCSP answers when validating and when embedding them (B-LT);
 *     off, revocation is reported as unknown, never as good
 * @param httpTimeout how long to wait for a CRL, OCSP responder or TSA
 * @param rsaPss sign with RSASSA-PSS when the key is RSA (PKCS#1 v1.5 otherwise, for old verifiers)
 * @param rejectInvalidIncoming refuse an incoming document whose attached signature is invalid
 * @param localSignerUrl where the officer's browser finds the signing tool on the officer's computer
 *     (the contract of {@code docs/external-signing.md}); only loopback addresses are reachable from Sen's
 *     pages
 */
@ConfigurationProperties("sen.signing")
record SigningProperties(
        String tsaUrl,
        @DefaultValue("true") boolean onlineRevocation,
        @DefaultValue("5s") Duration httpTimeout,
        @DefaultValue("true") boolean rsaPss,
        @DefaultValue("false") boolean rejectInvalidIncoming,
        @DefaultValue("http://127.0.0.1:8987") String localSignerUrl) {

    boolean timestamps() {
        return tsaUrl != null && !tsaUrl.isBlank();
    }
}
