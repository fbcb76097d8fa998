package vn.sen.documents;

import java.util.List;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.sen.files.FileResponses;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.signing.BrowserSigning.Complete;
import vn.sen.signing.BrowserSigning.Done;
import vn.sen.signing.BrowserSigning.Prepare;
import vn.sen.signing.BrowserSigning.Prepared;
import vn.sen.signing.CertificateHolder;
import vn.sen.signing.SignatureScheme;

/**
 * What the document pages' signing script calls (ký số trên trình duyệt): it asks the signing tool on
 * the officer's computer for the certificate, has Sen prepare the document, has the tool sign, and hands
 * the value back — for the approval and issuance signatures of outgoing documents, the agency's signature on
 * their attachments, and electronic copies. Errors come back as {@code {"code", "message"}} in the user's language.
 */
@RestController
class DocumentSigningController {

    /** An electronic copy to prepare: the agency's certificate chain, the file, the form, the pages. */
    record CopyRequest(
            List<String> certificates, SignatureScheme scheme, UUID fileId, ElectronicCopies.Form form, String pages) {}

    private final OutgoingDocuments outgoing;
    private final OutgoingAttachments attachments;
    private final ElectronicCopies copies;
    private final FileResponses responses;

    DocumentSigningController(
            OutgoingDocuments outgoing,
            OutgoingAttachments attachments,
            ElectronicCopies copies,
            FileResponses responses) {
        this.outgoing = outgoing;
        this.attachments = attachments;
        this.copies = copies;
        this.responses = responses;
    }

    @PostMapping(path = "/documents/outgoing/{id}/signatures/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    Prepared prepareApproval(
            @PathVariable long id,
            @RequestParam long step,
            @RequestBody Prepare request,
            @AuthenticationPrincipal ScopedPrincipal me) {
        return Prepared.of(outgoing.prepareApproval(me.scope(), step, request.chain(), request.scheme()));
    }

    @PostMapping(
            path = "/documents/outgoing/{id}/signatures/approval/{pending}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    Done completeApproval(
            @PathVariable long id,
            @PathVariable UUID pending,
            @RequestParam long step,
            @RequestBody Complete request,
            @AuthenticationPrincipal ScopedPrincipal me) {
        outgoing.approveSigned(me.scope(), step, pending, request.value(), request.comment());
        return new Done("/documents/outgoing/" + id);
    }

    @PostMapping(path = "/documents/outgoing/{id}/signatures/issuance", consumes = MediaType.APPLICATION_JSON_VALUE)
    Prepared prepareIssuance(
            @PathVariable long id, @RequestBody Prepare request, @AuthenticationPrincipal ScopedPrincipal me) {
        return Prepared.of(outgoing.prepareIssuance(me.scope(), id, request.chain(), request.scheme()));
    }

    @PostMapping(
            path = "/documents/outgoing/{id}/signatures/issuance/{pending}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    Done completeIssuance(
            @PathVariable long id,
            @PathVariable UUID pending,
            @RequestBody Complete request,
            @AuthenticationPrincipal ScopedPrincipal me) {
        outgoing.sealSigned(me.scope(), id, pending, request.value());
        return new Done("/documents/outgoing/" + id);
    }

    @PostMapping(
            path = "/documents/outgoing/{id}/signatures/attachments/{attachment}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    Prepared prepareAttachment(
            @PathVariable long id,
            @PathVariable long attachment,
            @RequestBody Prepare request,
            @AuthenticationPrincipal ScopedPrincipal me) {
        return Prepared.of(attachments.prepare(me.scope(), id, attachment, request.chain(), request.scheme()));
    }

    @PostMapping(
            path = "/documents/outgoing/{id}/signatures/attachments/{attachment}/{pending}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    Done completeAttachment(
            @PathVariable long id,
            @PathVariable long attachment,
            @PathVariable UUID pending,
            @RequestBody Complete request,
            @AuthenticationPrincipal ScopedPrincipal me) {
        attachments.complete(me.scope(), id, attachment, pending, request.value());
        return new Done("/documents/outgoing/" + id);
    }

    @PostMapping(path = "/documents/{kind}/{id}/copies", consumes = MediaType.APPLICATION_JSON_VALUE)
    Prepared prepareCopy(
            @PathVariable String kind,
            @PathVariable long id,
            @RequestBody CopyRequest request,
            @AuthenticationPrincipal ScopedPrincipal me) {
        var source = switch (kind) {
            case "incoming" -> ElectronicCopies.Source.INCOMING;
            case "outgoing" -> ElectronicCopies.Source.OUTGOING;
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        return Prepared.of(copies.prepare(
                me.scope(),
                new ElectronicCopies.NewCopy(source, id, request.fileId(), request.form(), request.pages()),
                CertificateHolder.chain(request.certificates()),
                request.scheme()));
    }

    @PostMapping(path = "/documents/copies/signatures/{pending}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Done completeCopy(
            @PathVariable UUID pending, @RequestBody Complete request, @AuthenticationPrincipal ScopedPrincipal me) {
        return new Done(copies.complete(me.scope(), pending, request.value()));
    }

    /** A copy's signed PDF, for whoever reads the document it copies. */
    @GetMapping("/documents/copies/{copy}")
    ResponseEntity<Resource> copy(
            @PathVariable long copy,
            @RequestParam(required = false) String inline,
            @AuthenticationPrincipal ScopedPrincipal me) {
        return responses.of(
                copies.file(me.scope(), copy).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)),
                inline != null);
    }
}
