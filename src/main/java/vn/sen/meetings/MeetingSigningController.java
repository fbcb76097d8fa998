package vn.sen.meetings;

import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.sen.meetings.Opinions.Choice;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.signing.BrowserSigning.Complete;
import vn.sen.signing.BrowserSigning.Done;
import vn.sen.signing.BrowserSigning.Prepare;
import vn.sen.signing.BrowserSigning.Prepared;
import vn.sen.signing.CertificateHolder;
import vn.sen.signing.SignatureScheme;

/**
 * What the meeting pages' signing script calls (ký số trên trình duyệt): the chair's and the secretary's
 * signatures on the approved minutes, and a member's signed answer to an opinion collection. Errors come back
 * as {@code {"code", "message"}} in the user's language.
 */
@RestController
class MeetingSigningController {

    /** A signed answer: the certificate chain and scheme, with the answer's fields from the page's form. */
    record AnswerPrepare(List<String> certificates, SignatureScheme scheme, Choice choice, String comment) {}

    private final Minutes minutes;
    private final Opinions opinions;

    MeetingSigningController(Minutes minutes, Opinions opinions) {
        this.minutes = minutes;
        this.opinions = opinions;
    }

    @PostMapping(path = "/meetings/{id}/minutes/signatures", consumes = MediaType.APPLICATION_JSON_VALUE)
    Prepared prepareMinutes(
            @PathVariable long id, @RequestBody Prepare request, @AuthenticationPrincipal ScopedPrincipal me) {
        return Prepared.of(minutes.prepareSignature(me.scope(), id, request.chain(), request.scheme()));
    }

    @PostMapping(path = "/meetings/{id}/minutes/signatures/{pending}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Done completeMinutes(
            @PathVariable long id,
            @PathVariable UUID pending,
            @RequestBody Complete request,
            @AuthenticationPrincipal ScopedPrincipal me) {
        minutes.completeSignature(me.scope(), id, pending, request.value());
        return new Done("/meetings/" + id + "#minutes");
    }

    @PostMapping(path = "/meetings/opinions/{id}/signatures", consumes = MediaType.APPLICATION_JSON_VALUE)
    Prepared prepareAnswer(
            @PathVariable long id, @RequestBody AnswerPrepare request, @AuthenticationPrincipal ScopedPrincipal me) {
        return Prepared.of(opinions.prepareSignedAnswer(
                me.scope(),
                id,
                request.choice(),
                request.comment(),
                CertificateHolder.chain(request.certificates()),
                request.scheme()));
    }

    @PostMapping(path = "/meetings/opinions/{id}/signatures/{pending}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Done completeAnswer(
            @PathVariable long id,
            @PathVariable UUID pending,
            @RequestBody Complete request,
            @AuthenticationPrincipal ScopedPrincipal me) {
        opinions.completeSignedAnswer(me.scope(), id, pending, request.value());
        return new Done("/meetings/opinions/" + id);
    }
}
