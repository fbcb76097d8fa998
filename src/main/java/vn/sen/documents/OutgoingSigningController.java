package vn.sen.documents;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.signing.CertificateHolder;
import vn.sen.signing.ExternalSigning.Prepared;
import vn.sen.signing.SignatureScheme;

/**
 * What the document page's signing script calls (ký số trên trình duyệt): it asks the signing tool on
 * the officer's computer for the certificate, has Sen prepare the document, has the tool sign, and hands
 * the value back. Errors come back as {@code {"code", "message"}} in the user's language.
 */
@RestController
class OutgoingSigningController {

    /** The signer's certificate chain (base64 DER, signer first) and, optionally, the scheme it signs with. */
    record PrepareRequest(List<String> certificates, SignatureScheme scheme) {}

    record PrepareResponse(UUID id, String dataToSign, String digest, SignatureScheme scheme, Instant expiresAt) {}

    /** The signature value (base64) and, for an approval, the signer's opinion. */
    record CompleteRequest(String signatureValue, String comment) {}

    /** Where the page goes next. */
    record Done(String location) {}

    private final OutgoingDocuments outgoing;

    OutgoingSigningController(OutgoingDocuments outgoing) {
        this.outgoing = outgoing;
    }

    @PostMapping(path = "/documents/outgoing/{id}/signatures/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    PrepareResponse prepareApproval(
            @PathVariable long id,
            @RequestParam long step,
            @RequestBody PrepareRequest request,
            @AuthenticationPrincipal ScopedPrincipal me) {
        return response(outgoing.prepareApproval(
                me.scope(), step, CertificateHolder.chain(request.certificates()), request.scheme()));
    }

    @PostMapping(
            path = "/documents/outgoing/{id}/signatures/approval/{pending}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    Done completeApproval(
            @PathVariable long id,
            @PathVariable UUID pending,
            @RequestParam long step,
            @RequestBody CompleteRequest request,
            @AuthenticationPrincipal ScopedPrincipal me) {
        outgoing.approveSigned(me.scope(), step, pending, value(request), request.comment());
        return new Done("/documents/outgoing/" + id);
    }

    @PostMapping(path = "/documents/outgoing/{id}/signatures/issuance", consumes = MediaType.APPLICATION_JSON_VALUE)
    PrepareResponse prepareIssuance(
            @PathVariable long id, @RequestBody PrepareRequest request, @AuthenticationPrincipal ScopedPrincipal me) {
        return response(outgoing.prepareIssuance(
                me.scope(), id, CertificateHolder.chain(request.certificates()), request.scheme()));
    }

    @PostMapping(
            path = "/documents/outgoing/{id}/signatures/issuance/{pending}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    Done completeIssuance(
            @PathVariable long id,
            @PathVariable UUID pending,
            @RequestBody CompleteRequest request,
            @AuthenticationPrincipal ScopedPrincipal me) {
        outgoing.sealSigned(me.scope(), id, pending, value(request));
        return new Done("/documents/outgoing/" + id);
    }

    private static PrepareResponse response(Prepared prepared) {
        var base64 = Base64.getEncoder();
        return new PrepareResponse(
                prepared.id(),
                base64.encodeToString(prepared.dataToSign()),
                base64.encodeToString(prepared.digest()),
                prepared.scheme(),
                prepared.expiresAt());
    }

    private static byte[] value(CompleteRequest request) {
        try {
            return Base64.getDecoder().decode(request.signatureValue() == null ? "" : request.signatureValue());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("signing.error.value-not-base64");
        }
    }
}
