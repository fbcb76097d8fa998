package vn.sen.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import vn.sen.documents.OutgoingViews.OutgoingState;
import vn.sen.documents.OutgoingViews.SignerForm;
import vn.sen.organization.DelegatedRight;
import vn.sen.organization.Organization.NewDelegation;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;
import vn.sen.signing.ExternalSigning.Prepared;
import vn.sen.signing.PdfValidation;
import vn.sen.signing.ReferenceExternalSigner;
import vn.sen.signing.SignatureImages;
import vn.sen.signing.SignatureReport.Verdict;
import vn.sen.signing.TestDocuments;
import vn.sen.signing.TestPki;
import vn.sen.signing.TrustAnchors;

/**
 * Signatures on outgoing documents in the order of Decree 30: the Chairman's approval signature, the
 * number and date written in at issuance, the agency's issuance signature by the clerk; then release
 * sends the signed file. Refusals: the wrong certificate holder, no image, a wrong value, a revoked
 * certificate, release before the seal, an expired delegation of the signing right.
 */
@SpringBootTest
class OutgoingSigningTest extends DocumentsScenario {

    static final TestPki pki = TestPki.shared();

    @Autowired
    SignatureImages images;

    @Autowired
    TrustAnchors anchors;

    @Autowired
    OutgoingAttachments attachments;

    @Autowired
    PdfValidation validation;

    @TempDir
    Path dir;

    String chairmanName;
    String committeeName;

    @BeforeEach
    void trustAndNames() {
        pki.trustRoot(anchors);
        chairmanName = organization.requireOfficer(chairmanOfficer).fullName();
        committeeName = organization.requireUnit(committee).name();
    }

    @Test
    void approval_signature_then_number_and_date_then_seal_then_release_of_the_signed_file() throws Exception {
        long id = atApproval(SignerForm.NONE, TestDocuments.decisionBytes(dir, chairmanName));
        long step = pending(chairman, id).id();
        var chairmanKey = signer(pki.issue("CN=" + chairmanName + ",O=" + committeeName + ",C=VN"));

        assertThatThrownBy(() -> outgoing.prepareApproval(chairman, step, chairmanKey.chain(), null))
                .as("no signature image yet")
                .hasMessageContaining("documents.error.no-signature-image");
        images.setSignature(chairman, chairmanOfficer, TestDocuments.signatureImage(Color.BLUE), 40);
        assertThatThrownBy(() -> outgoing.prepareApproval(
                        chairman, step, signer(pki.signer).chain(), null))
                .as("somebody else's certificate")
                .hasMessageContaining("signing.error.holder-not-signer");
        assertThatThrownBy(() -> outgoing.prepareApproval(officeHead, step, chairmanKey.chain(), null))
                .isInstanceOf(AccessDeniedException.class);

        Prepared prepared = outgoing.prepareApproval(chairman, step, chairmanKey.chain(), null);
        byte[] wrong =
                chairmanKey.sign("something else".getBytes(), prepared.scheme().name());
        assertThatThrownBy(() -> outgoing.approveSigned(chairman, step, prepared.id(), wrong, ""))
                .hasMessageContaining("signing.error.value-mismatch");
        assertThat(outgoing.find(chairman, id).orElseThrow().state()).isEqualTo(OutgoingState.APPROVAL);
        outgoing.approveSigned(chairman, step, prepared.id(), value(chairmanKey, prepared), "Ký ban hành");
        var approved = outgoing.find(chairman, id).orElseThrow();
        assertThat(approved.state()).isEqualTo(OutgoingState.APPROVED);
        assertThat(approved.signatures()).singleElement().satisfies(s -> {
            assertThat(s.stage()).isEqualTo("APPROVAL");
            assertThat(s.holder()).isEqualTo(chairmanName);
        });

        outgoing.issue(committeeClerk, id);
        var issued = outgoing.find(committeeClerk, id).orElseThrow();
        assertThat(issued.signatures())
                .extracting(OutgoingViews.SignedStage::stage)
                .containsExactly("APPROVAL", "NUMBERED");
        assertThat(issued.awaitedSignature()).isEqualTo("ISSUANCE");
        assertThatThrownBy(() -> outgoing.release(committeeClerk, id))
                .as("a signed approval must be sealed before release")
                .hasMessageContaining("documents.error.not-sealed");

        var agencyKey = signer(pki.issue("CN=" + committeeName + ",O=" + committeeName + ",C=VN"));
        assertThatThrownBy(() -> outgoing.prepareIssuance(departmentClerk, id, agencyKey.chain(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> outgoing.prepareIssuance(committeeClerk, id, chairmanKey.chain(), null))
                .as("the agency signs issuance, not the Chairman")
                .hasMessageContaining("signing.error.holder-not-agency");
        assertThatThrownBy(() -> outgoing.prepareIssuance(committeeClerk, id, agencyKey.chain(), null))
                .hasMessageContaining("documents.error.no-seal-image");
        images.setSeal(chairman, committee, TestDocuments.sealImage(Color.RED), 36);
        Prepared seal = outgoing.prepareIssuance(committeeClerk, id, agencyKey.chain(), null);
        outgoing.sealSigned(committeeClerk, id, seal.id(), value(agencyKey, seal));
        assertThatThrownBy(() -> outgoing.prepareIssuance(committeeClerk, id, agencyKey.chain(), null))
                .as("sealed once")
                .isInstanceOf(RuleViolation.class);

        outgoing.release(committeeClerk, id);
        var released = outgoing.find(committeeClerk, id).orElseThrow();
        var sealed = released.signedFile().orElseThrow();
        assertThat(released.signatures())
                .extracting(OutgoingViews.SignedStage::stage)
                .containsExactly("APPROVAL", "NUMBERED", "ISSUANCE");
        long copy = released.recipients().getFirst().incomingId();
        assertThat(incoming.find(departmentClerk, copy).orElseThrow().files())
                .as("the recipient receives the sealed file")
                .singleElement()
                .satisfies(f -> assertThat(f.sha256()).isEqualTo(sealed.sha256()));

        Path file = dir.resolve("sealed.pdf");
        try (var in = files.open(sealed)) {
            Files.copy(in, file);
        }
        var report = validation.validate(file);
        assertThat(report.signatures()).extracting(c -> c.signer()).containsExactly(chairmanName, committeeName);
        assertThat(report.signatures())
                .allSatisfy(
                        c -> assertThat(c.verdict()).as(c.details().toString()).isEqualTo(Verdict.VALID));
        assertThat(report.signatures().getLast().wholeDocument()).isTrue();
        String pdfsig = TestDocuments.pdfsig(file);
        assertThat(pdfsig.split("Signature is Valid", -1)).hasSize(3);
        assertThat(pdfsig).contains("Total document signed");
        LocalDate today = LocalDate.now(clock);
        try (var document = Loader.loadPDF(file.toFile())) {
            assertThat(document.getPage(0).getAnnotations().stream()
                            .filter(a -> "FreeText".equals(a.getSubtype()))
                            .map(PDAnnotation::getContents)
                            .toList())
                    .as("number 01 and today's date written in")
                    .containsExactly("01", Printed.day(today), Printed.month(today));
        }
    }

    @Test
    void attachments_are_signed_by_the_agency_at_issuance_with_the_number_and_no_image() throws Exception {
        long id = drafted(SignerForm.NONE, TestDocuments.decisionBytes(dir, chairmanName));
        UUID sheet = files.store(new ByteArrayInputStream(new byte[] {'P', 'K', 3, 4}), "bang.xlsx", drafter.username())
                .id();
        assertThatThrownBy(() -> attachments.add(drafter, id, sheet))
                .hasMessageContaining("documents.error.attachment-not-pdf");
        UUID broken = files.store(
                        new ByteArrayInputStream("%PDF-1.7\nnot really".getBytes()), "hong.pdf", drafter.username())
                .id();
        assertThatThrownBy(() -> attachments.add(drafter, id, broken))
                .as("a PDF that could not be signed at issuance is refused now")
                .hasMessageContaining("signing.error.pdf-broken");
        long annex = attachments.add(drafter, id, pdf("phu-luc-1.pdf", "Phụ lục I"));
        long wrong = attachments.add(drafter, id, pdf("nham.pdf", "Tệp nhầm"));
        assertThatThrownBy(() -> attachments.remove(officeHead, id, wrong)).isInstanceOf(AccessDeniedException.class);
        attachments.remove(drafter, id, wrong);
        submitted(id);
        assertThatThrownBy(() -> attachments.add(drafter, id, pdf("muon.pdf", "Muộn")))
                .hasMessageContaining("documents.error.not-draft");

        images.setSignature(chairman, chairmanOfficer, TestDocuments.signatureImage(Color.BLUE), 40);
        images.setSeal(chairman, committee, TestDocuments.sealImage(Color.RED), 36);
        var chairmanKey = signer(pki.issue("CN=" + chairmanName + ",O=" + committeeName + ",C=VN"));
        var agencyKey = signer(pki.issue("CN=" + committeeName + ",O=" + committeeName + ",C=VN"));
        long step = pending(chairman, id).id();
        Prepared approval = outgoing.prepareApproval(chairman, step, chairmanKey.chain(), null);
        outgoing.approveSigned(chairman, step, approval.id(), value(chairmanKey, approval), "");
        assertThatThrownBy(() -> attachments.prepare(committeeClerk, id, annex, agencyKey.chain(), null))
                .as("the number comes first")
                .hasMessageContaining("documents.error.not-issued");
        outgoing.issue(committeeClerk, id);
        Prepared seal = outgoing.prepareIssuance(committeeClerk, id, agencyKey.chain(), null);
        outgoing.sealSigned(committeeClerk, id, seal.id(), value(agencyKey, seal));
        assertThatThrownBy(() -> outgoing.release(committeeClerk, id))
                .as("a signed document's attachments are signed before release")
                .hasMessageContaining("documents.error.attachments-not-signed");

        assertThatThrownBy(() -> attachments.prepare(departmentClerk, id, annex, agencyKey.chain(), null))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> attachments.prepare(committeeClerk, id, annex, chairmanKey.chain(), null))
                .hasMessageContaining("signing.error.holder-not-agency");
        Prepared signing = attachments.prepare(committeeClerk, id, annex, agencyKey.chain(), null);
        byte[] other = agencyKey.sign("khác".getBytes(), signing.scheme().name());
        assertThatThrownBy(() -> attachments.complete(committeeClerk, id, annex, signing.id(), other))
                .hasMessageContaining("signing.error.value-mismatch");
        attachments.complete(committeeClerk, id, annex, signing.id(), value(agencyKey, signing));
        assertThatThrownBy(() -> attachments.prepare(committeeClerk, id, annex, agencyKey.chain(), null))
                .hasMessageContaining("documents.error.attachment-signed");

        outgoing.release(committeeClerk, id);
        var released = outgoing.find(committeeClerk, id).orElseThrow();
        var signedAnnex = released.attachments().getFirst().signed();
        assertThat(released.attachments().getFirst().holder()).isEqualTo(committeeName);
        long copy = released.recipients().getFirst().incomingId();
        assertThat(incoming.find(departmentClerk, copy).orElseThrow().files())
                .as("the recipient receives the sealed document and the signed attachment")
                .extracting(f -> f.sha256())
                .containsExactly(released.signedFile().orElseThrow().sha256(), signedAnnex.sha256());
        assertThat(attachments.file(drafter, id, annex))
                .hasValueSatisfying(f -> assertThat(f.id()).isEqualTo(signedAnnex.id()));
        assertThat(attachments.file(outsider, id, annex))
                .as("read only by the document's readers")
                .isEmpty();

        Path file = dir.resolve("phu-luc-da-ky.pdf");
        try (var in = files.open(signedAnnex)) {
            Files.copy(in, file);
        }
        var report = validation.validate(file);
        assertThat(report.signatures()).singleElement().satisfies(c -> {
            assertThat(c.signer()).isEqualTo(committeeName);
            assertThat(c.verdict()).as(c.details().toString()).isEqualTo(Verdict.VALID);
            assertThat(c.wholeDocument()).isTrue();
        });
        String pdfsig = TestDocuments.pdfsig(file);
        assertThat(pdfsig).contains("Signature is Valid").contains("Total document signed");
        String stamp = TestDocuments.signatureText(file);
        assertThat(stamp)
                .as("number and notation with the signing time, no image")
                .contains(released.numberAndNotation())
                .containsPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00");
    }

    @Test
    void attachments_of_a_document_approved_on_paper_go_out_as_they_are() throws Exception {
        long id = drafted(SignerForm.NONE, TestDocuments.decisionBytes(dir, chairmanName));
        long annex = attachments.add(drafter, id, pdf("phu-luc.pdf", "Phụ lục"));
        submitted(id);
        outgoing.decide(chairman, pending(chairman, id).id(), true, "Đồng ý (bản giấy)");
        outgoing.issue(committeeClerk, id);
        assertThatThrownBy(() -> attachments.prepare(
                        committeeClerk,
                        id,
                        annex,
                        signer(pki.issue("CN=" + committeeName + ",C=VN")).chain(),
                        null))
                .hasMessageContaining("documents.error.not-signed");
        outgoing.release(committeeClerk, id);
        var released = outgoing.find(committeeClerk, id).orElseThrow();
        assertThat(released.attachments())
                .singleElement()
                .satisfies(a -> assertThat(a.signed()).isNull());
        assertThat(incoming.find(
                                departmentClerk,
                                released.recipients().getFirst().incomingId())
                        .orElseThrow()
                        .files())
                .hasSize(2);
    }

    private UUID pdf(String name, String text) throws Exception {
        return files.store(new ByteArrayInputStream(TestDocuments.decisionBytes(dir, text)), name, drafter.username())
                .id();
    }

    @Test
    void a_revoked_certificate_does_not_approve() throws Exception {
        long id = atApproval(SignerForm.NONE, TestDocuments.decisionBytes(dir, chairmanName));
        long step = pending(chairman, id).id();
        images.setSignature(chairman, chairmanOfficer, TestDocuments.signatureImage(Color.BLUE), 40);
        var identity = pki.issue("CN=" + chairmanName + ",C=VN");
        pki.revoke(identity);
        var key = signer(identity);
        Prepared prepared = outgoing.prepareApproval(chairman, step, key.chain(), null);
        assertThatThrownBy(() -> outgoing.approveSigned(chairman, step, prepared.id(), value(key, prepared), ""))
                .hasMessageContaining("signing.error.signature-invalid");
        var still = outgoing.find(chairman, id).orElseThrow();
        assertThat(still.state()).isEqualTo(OutgoingState.APPROVAL);
        assertThat(still.signatures()).isEmpty();
    }

    @Test
    void a_signer_by_authorisation_needs_a_delegation_valid_today() throws Exception {
        long id = atApproval(SignerForm.AUTHORISED, TestDocuments.decisionBytes(dir, chairmanName));
        long step = pending(chairman, id).id();
        assertThatThrownBy(() -> outgoing.decide(chairman, step, true, ""))
                .hasMessageContaining("organization.error.delegation-missing");
        LocalDate today = LocalDate.now(clock);
        organization.delegate(
                UserScope.system(),
                new NewDelegation(
                        officeHeadOfficer,
                        chairmanOfficer,
                        committee,
                        DelegatedRight.SIGNING,
                        today.minusDays(30),
                        today.minusDays(1),
                        "Ủy quyền ký tháng trước"));
        assertThatThrownBy(() -> outgoing.decide(chairman, step, true, ""))
                .as("an expired delegation of the signing right")
                .hasMessageContaining("organization.error.delegation-expired");
        var key = signer(pki.issue("CN=" + chairmanName + ",C=VN"));
        assertThatThrownBy(() -> outgoing.prepareApproval(chairman, step, key.chain(), null))
                .hasMessageContaining("organization.error.delegation-expired");
        organization.delegate(
                UserScope.system(),
                new NewDelegation(
                        officeHeadOfficer,
                        chairmanOfficer,
                        committee,
                        DelegatedRight.SIGNING,
                        today,
                        today.plusDays(30),
                        "Ủy quyền ký tháng này"));
        outgoing.decide(chairman, step, true, "");
        assertThat(outgoing.find(chairman, id).orElseThrow().state()).isEqualTo(OutgoingState.APPROVED);
    }

    private ReferenceExternalSigner signer(TestPki.Identity identity) throws Exception {
        return new ReferenceExternalSigner(identity.pkcs12(dir, "k" + System.nanoTime()), TestPki.PASSWORD);
    }

    private static byte[] value(ReferenceExternalSigner signer, Prepared prepared) throws Exception {
        return signer.sign(prepared.dataToSign(), prepared.scheme().name());
    }
}
