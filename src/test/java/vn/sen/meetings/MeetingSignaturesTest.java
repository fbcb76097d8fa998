package vn.sen.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import vn.sen.meetings.Opinions.Choice;
import vn.sen.meetings.Opinions.NewRequest;
import vn.sen.shared.RuleViolation;
import vn.sen.signing.ExternalSigning.Prepared;
import vn.sen.signing.PdfValidation;
import vn.sen.signing.ReferenceExternalSigner;
import vn.sen.signing.SignatureReport.Verdict;
import vn.sen.signing.TestPki;
import vn.sen.signing.TrustAnchors;

/**
 * Digital signatures on meeting papers, made with the signer's own key through the two-step external
 * signature: the approved minutes by the chair and the secretary; answers to an opinion collection that asks
 * for signed answers. Every signed PDF is checked by the PDF validator.
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class MeetingSignaturesTest extends MeetingsScenario {

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Autowired
    vn.sen.identity.TestLogins logins;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    static final TestPki pki = TestPki.shared();

    @Autowired
    Minutes minutes;

    @Autowired
    LiveSession live;

    @Autowired
    Opinions opinions;

    @Autowired
    TrustAnchors anchors;

    @Autowired
    PdfValidation validation;

    @TempDir
    Path dir;

    @BeforeEach
    void trusted() {
        pki.trustRoot(anchors);
    }

    static String code(Throwable e) {
        return ((RuleViolation) e).code();
    }

    ReferenceExternalSigner key(long officerId) throws Exception {
        String name = organization.requireOfficer(officerId).fullName();
        return new ReferenceExternalSigner(
                pki.issue("CN=" + name + ",O=UBND " + tag + ",C=VN").pkcs12(dir, "k" + System.nanoTime()),
                TestPki.PASSWORD);
    }

    static byte[] value(ReferenceExternalSigner key, Prepared prepared) throws Exception {
        return key.sign(prepared.dataToSign(), prepared.scheme().name());
    }

    long closedMeetingWithApprovableMinutes() {
        long id = aMeetingSoon(List.of(viceOfficer, financeDirectorOfficer));
        meetings.invite(secretary, id);
        live.open(secretary, id);
        live.checkIn(chairman, id, rooms.require(room).checkinToken());
        live.close(chairman, id);
        minutes.draft(secretary, id);
        return id;
    }

    @Test
    void the_chair_and_the_secretary_sign_the_approved_minutes_each_once() throws Exception {
        long id = closedMeetingWithApprovableMinutes();
        var chairKey = key(chairmanOfficer);
        var secretaryKey = key(secretaryOfficer);
        assertThatThrownBy(() -> minutes.prepareSignature(chairman, id, chairKey.chain(), null))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.minutes-not-approved"));
        minutes.approve(chairman, id);

        assertThatThrownBy(() -> minutes.prepareSignature(
                        financeDirector, id, key(financeDirectorOfficer).chain(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> minutes.prepareSignature(chairman, id, secretaryKey.chain(), null))
                .as("the certificate must name the signer")
                .satisfies(e -> assertThat(code(e)).isEqualTo("signing.error.holder-not-signer"));

        // both prepare on the approved file; the chair's comes back first
        Prepared byChair = minutes.prepareSignature(chairman, id, chairKey.chain(), null);
        Prepared bySecretary = minutes.prepareSignature(secretary, id, secretaryKey.chain(), null);
        assertThatThrownBy(() -> minutes.completeSignature(secretary, id, byChair.id(), value(chairKey, byChair)))
                .as("one's prepared signature is not another's")
                .satisfies(e -> assertThat(code(e)).isEqualTo("signing.error.prepared-unknown"));
        minutes.completeSignature(chairman, id, byChair.id(), value(chairKey, byChair));
        assertThatThrownBy(() ->
                        minutes.completeSignature(secretary, id, bySecretary.id(), value(secretaryKey, bySecretary)))
                .as("prepared on the file before the chair signed")
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.minutes-signed-meanwhile"));
        Prepared again = minutes.prepareSignature(secretary, id, secretaryKey.chain(), null);
        minutes.completeSignature(secretary, id, again.id(), value(secretaryKey, again));
        assertThatThrownBy(() -> minutes.prepareSignature(chairman, id, chairKey.chain(), null))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.minutes-signed-already"));

        var signed = minutes.read(financeDirector, id).orElseThrow();
        var report = validation.validate(files.require(signed.fileId()));
        assertThat(report.signatures())
                .extracting(c -> c.signer())
                .containsExactly(
                        organization.requireOfficer(chairmanOfficer).fullName(),
                        organization.requireOfficer(secretaryOfficer).fullName());
        assertThat(report.signatures())
                .allSatisfy(
                        c -> assertThat(c.verdict()).as(c.details().toString()).isEqualTo(Verdict.VALID));
        assertThat(minutes.signers(id))
                .extracting(MeetingViews.SignerView::officerId)
                .containsExactly(chairmanOfficer, secretaryOfficer);
    }

    @Test
    void a_collection_that_asks_for_signatures_takes_only_signed_answers() throws Exception {
        long id = opinions.ask(
                secretary,
                new NewRequest(
                        committee,
                        null,
                        "Chủ trương đầu tư " + tag,
                        "Đề nghị cho ý kiến về chủ trương đầu tư dự án.",
                        LocalDateTime.now(clock).plusDays(3),
                        List.of(financeDirectorOfficer, justiceDirectorOfficer),
                        List.of(),
                        true));
        assertThatThrownBy(() -> opinions.answer(financeDirector, id, Choice.AGREE, ""))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.opinion-signature-required"));
        var financeKey = key(financeDirectorOfficer);
        assertThatThrownBy(() -> opinions.prepareSignedAnswer(
                        financeDirector, id, Choice.DISAGREE, " ", financeKey.chain(), null))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.opinion-comment"));
        assertThatThrownBy(() -> opinions.prepareSignedAnswer(
                        outsider, id, Choice.AGREE, "", key(outsiderOfficer).chain(), null))
                .isInstanceOf(AccessDeniedException.class);

        Prepared prepared = opinions.prepareSignedAnswer(
                financeDirector, id, Choice.OTHER, "Bổ sung đánh giá tác động môi trường", financeKey.chain(), null);
        opinions.completeSignedAnswer(financeDirector, id, prepared.id(), value(financeKey, prepared));
        assertThatThrownBy(() ->
                        opinions.completeSignedAnswer(financeDirector, id, prepared.id(), value(financeKey, prepared)))
                .as("kept once")
                .satisfies(e -> assertThat(code(e)).isEqualTo("signing.error.prepared-unknown"));

        var answer = opinions.summary(secretary, id).answers().getFirst();
        assertThat(answer.choice()).isEqualTo(Choice.OTHER);
        assertThat(answer.comment()).isEqualTo("Bổ sung đánh giá tác động môi trường");
        assertThat(answer.signedFileId()).isNotNull();
        var sheet = opinions.signedAnswer(secretary, id, financeDirectorOfficer);
        assertThat(validation.validate(sheet).signatures()).singleElement().satisfies(c -> {
            assertThat(c.signer())
                    .isEqualTo(
                            organization.requireOfficer(financeDirectorOfficer).fullName());
            assertThat(c.verdict()).as(c.details().toString()).isEqualTo(Verdict.VALID);
        });
        assertThat(opinions.signedAnswer(financeDirector, id, financeDirectorOfficer))
                .isEqualTo(sheet);
        assertThatThrownBy(() -> opinions.signedAnswer(justiceDirector, id, financeDirectorOfficer))
                .isInstanceOf(AccessDeniedException.class);

        // prepared before the close, completed after: refused, nothing recorded
        var justiceKey = key(justiceDirectorOfficer);
        Prepared late = opinions.prepareSignedAnswer(justiceDirector, id, Choice.AGREE, "", justiceKey.chain(), null);
        opinions.close(secretary, id);
        assertThatThrownBy(() -> opinions.completeSignedAnswer(justiceDirector, id, late.id(), value(justiceKey, late)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.opinion-closed"));
        assertThat(opinions.summary(secretary, id).answers()).hasSize(1);
    }

    /** The screen's script posts the answer form's fields with the certificate, then the value. */
    @Test
    void the_answer_page_signs_through_the_json_endpoints() throws Exception {
        long id = opinions.ask(
                secretary,
                new NewRequest(
                        committee,
                        null,
                        "Quy hoạch " + tag,
                        "Cho ý kiến về quy hoạch.",
                        LocalDateTime.now(clock).plusDays(3),
                        List.of(financeDirectorOfficer),
                        List.of(),
                        true));
        var financeKey = key(financeDirectorOfficer);
        var auth =
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .authentication(logins.signedIn(financeDirector.username()));
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/meetings/opinions/" + id)
                        .with(auth))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("data-sen-signing", "/meetings/opinions/" + id + "/signatures");
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("_csrf", "from-the-form");
        body.put("choice", "DISAGREE");
        body.put("comment", "Chưa phù hợp quy hoạch chung");
        body.put("certificates", financeKey.chainBase64());
        var prepared =
                json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/meetings/opinions/" + id + "/signatures")
                                .with(auth)
                                .with(csrf)
                                .contentType("application/json")
                                .content(json.writeValueAsString(body)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        byte[] value = financeKey.sign(
                java.util.Base64.getDecoder().decode(prepared.get("dataToSign").asString()),
                prepared.get("scheme").asString());
        String done = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/meetings/opinions/" + id + "/signatures/"
                                        + prepared.get("id").asString())
                        .with(auth)
                        .with(csrf)
                        .contentType("application/json")
                        .content(json.writeValueAsString(java.util.Map.of(
                                "signatureValue", java.util.Base64.getEncoder().encodeToString(value)))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(done).contains("/meetings/opinions/" + id);
        var answer = opinions.summary(secretary, id).answers().getFirst();
        assertThat(answer.choice()).isEqualTo(Choice.DISAGREE);
        assertThat(answer.comment()).isEqualTo("Chưa phù hợp quy hoạch chung");
        assertThat(answer.signedFileId()).isNotNull();
    }
}
