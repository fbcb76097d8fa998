package vn.sen.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.sen.shared.Command;
import vn.sen.shared.RuleViolation;
import vn.sen.signing.PdfSigning.SignatureRequest;
import vn.sen.signing.SignatureReport.Check;
import vn.sen.signing.SignatureReport.Revocation;
import vn.sen.signing.SignatureReport.Verdict;

/**
 * PAdES signing and validation against the tests' own PKI (CRLs and a TSA on loopback). Every PDF Sen
 * signs is checked by two independent validators: DSS and poppler's pdfsig.
 */
@SpringBootTest
class PdfSigningTest {

    static final TestPki pki = TestPki.shared();

    @DynamicPropertySource
    static void timestamps(DynamicPropertyRegistry registry) {
        registry.add("sen.signing.tsa-url", pki::tsaUrl);
    }

    @Autowired
    PdfSigning signing;

    @Autowired
    PdfValidation validation;

    @Autowired
    TrustAnchors anchors;

    @TempDir
    Path dir;

    @BeforeEach
    void trustTheTestRoot() {
        pki.trustRoot(anchors);
    }

    @Test
    void a_pkcs12_signature_at_each_level_is_valid_for_dss_and_for_pdfsig() {
        for (PadesLevel level : PadesLevel.values()) {
            Path signed = sign(onePage("Quyết định số 125"), pki.signer, level);
            Check check = only(validation.validate(signed));
            assertThat(check.verdict()).as(level + ": " + check.details()).isEqualTo(Verdict.VALID);
            assertThat(check.reason()).isEqualTo("signing.reason.valid");
            assertThat(check.signer()).isEqualTo("Nguyễn Văn An");
            assertThat(check.issuer()).isEqualTo("Sen Test Issuing CA");
            assertThat(check.revocation()).isEqualTo(Revocation.GOOD);
            assertThat(check.wholeDocument())
                    .as("only validation data after it")
                    .isTrue();
            assertThat(check.timestamped()).isEqualTo(level != PadesLevel.B_B);
            assertThat(check.level()).isEqualTo(level.dss().toString());
            assertThat(TestDocuments.pdfsig(signed)).contains("Signature is Valid");
            if (level != PadesLevel.B_LT) { // B-LT appends its validation data in a revision of its own
                assertThat(TestDocuments.pdfsig(signed)).contains("Total document signed");
            }
        }
    }

    @Test
    void an_ecdsa_key_signs_too() {
        Path signed = sign(onePage("Công văn"), pki.ecSigner, PadesLevel.B_T);
        assertThat(only(validation.validate(signed)).verdict()).isEqualTo(Verdict.VALID);
        assertThat(TestDocuments.pdfsig(signed)).contains("Signature is Valid").contains("Total document signed");
    }

    @Test
    void a_second_signature_is_an_incremental_update_that_keeps_the_first_valid() throws IOException {
        Path approved = sign(onePage("Tờ trình"), pki.signer, PadesLevel.B_T);
        byte[] first = Files.readAllBytes(approved);
        Path issued = sign(approved, pki.ecSigner, PadesLevel.B_T);
        byte[] both = Files.readAllBytes(issued);
        assertThat(java.util.Arrays.copyOf(both, first.length))
                .as("the signed original is kept byte for byte")
                .isEqualTo(first);
        var report = validation.validate(issued);
        assertThat(report.signatures()).hasSize(2).allMatch(c -> c.verdict() == Verdict.VALID);
        assertThat(report.signatures().get(0).wholeDocument()).isFalse();
        assertThat(report.signatures().get(1).wholeDocument()).isTrue();
        String pdfsig = TestDocuments.pdfsig(issued);
        assertThat(pdfsig.split("Signature is Valid", -1)).hasSize(3);
        assertThat(pdfsig).contains("Total document signed");
    }

    @Test
    void a_changed_byte_makes_the_signature_invalid() throws IOException {
        Path signed = sign(onePage("Nội dung gốc"), pki.signer, PadesLevel.B_B);
        byte[] bytes = Files.readAllBytes(signed);
        int at = indexOf(bytes, "/Producer".getBytes(StandardCharsets.US_ASCII));
        if (at < 0) {
            at = 12; // the binary comment after the header: still a PDF, no longer the signed bytes
        }
        bytes[at + 2] ^= 0x01;
        Path tampered = dir.resolve("tampered.pdf");
        Files.write(tampered, bytes);
        Check check = only(validation.validate(tampered));
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(check.reason()).isEqualTo("signing.reason.altered");
        assertThat(check.intact()).isFalse();
        assertThat(TestDocuments.pdfsig(tampered)).doesNotContain("Signature is Valid");
    }

    @Test
    void a_revoked_certificate_is_never_valid() {
        Path signed = sign(onePage("Văn bản"), pki.revoked, PadesLevel.B_B);
        Check check = only(validation.validate(signed));
        assertThat(check.verdict()).isNotEqualTo(Verdict.VALID);
        assertThat(check.revocation()).isEqualTo(Revocation.REVOKED);
        assertThat(check.reason()).isEqualTo("signing.reason.revoked");
    }

    @Test
    void a_certificate_under_a_root_nobody_imported_is_not_trusted() {
        Path signed = sign(onePage("Văn bản"), pki.stranger, PadesLevel.B_B);
        Check check = only(validation.validate(signed));
        assertThat(check.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(check.trustedChain()).isFalse();
        assertThat(check.reason()).isEqualTo("signing.reason.untrusted");
        assertThat(check.intact()).as("the bytes themselves are fine").isTrue();
    }

    @Test
    void an_expired_certificate_cannot_sign_and_a_signature_made_with_one_is_not_valid() throws Exception {
        assertThatThrownBy(() -> sign(onePage("Văn bản"), pki.expired, PadesLevel.B_B))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("signing.error.certificate-expired");
        // another vendor's software signed anyway, claiming today's date
        Path elsewhere = signedElsewhere(onePage("Văn bản"), pki.expired, Instant.now());
        Check check = only(validation.validate(elsewhere));
        assertThat(check.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(check.reason())
                .as(check.subIndication() + " " + check.details())
                .isEqualTo("signing.reason.expired");
    }

    @Test
    void revocation_that_cannot_be_fetched_is_unknown_never_good() {
        Path signed = sign(onePage("Văn bản"), pki.signer, PadesLevel.B_B);
        pki.crlsReachable(false);
        try {
            Check check = only(validation.validate(signed));
            assertThat(check.revocation()).isEqualTo(Revocation.UNKNOWN);
            assertThat(check.verdict()).isEqualTo(Verdict.INDETERMINATE);
        } finally {
            pki.crlsReachable(true);
        }
        // B-LT carries its revocation data: valid without reaching the CRL
        Path longTerm = sign(onePage("Văn bản"), pki.signer, PadesLevel.B_LT);
        pki.crlsReachable(false);
        try {
            assertThat(only(validation.validate(longTerm)).verdict()).isEqualTo(Verdict.VALID);
        } finally {
            pki.crlsReachable(true);
        }
    }

    @Test
    void bad_input_is_refused_with_a_reason() throws IOException {
        Path text = dir.resolve("not.pdf");
        Files.writeString(text, "Không phải PDF");
        assertThatThrownBy(() -> sign(text, pki.signer, PadesLevel.B_B)).hasMessageContaining("signing.error.not-pdf");
        assertThatThrownBy(() -> validation.validate(text)).hasMessageContaining("signing.error.not-pdf");
        Path broken = dir.resolve("broken.pdf");
        Files.writeString(broken, "%PDF-1.7\n1 0 obj <<>> endobj\n");
        assertThatThrownBy(() -> sign(broken, pki.signer, PadesLevel.B_B))
                .hasMessageContaining("signing.error.pdf-broken");
        assertThatThrownBy(() -> sign(encrypted(), pki.signer, PadesLevel.B_B))
                .hasMessageContaining("signing.error.pdf-encrypted");
        Path p12 = pki.signer.pkcs12(dir, "wrong-pin");
        assertThatThrownBy(() -> SignatureDevices.pkcs12(p12, "sai-mat-khau".toCharArray()))
                .hasMessageContaining("signing.error.device-pin");
        assertThat(validation.validate(onePage("Chưa ký")).signed()).isFalse();
        assertThatThrownBy(() -> sign(certifiedAgainstChanges(), pki.ecSigner, PadesLevel.B_B))
                .as("a certification signature that allows no change")
                .hasMessageContaining("signing.error.pdf-certified");
    }

    @Autowired
    DssConfiguration dss;

    /** A PDF certified by DSS with DocMDP P = 1: no change permitted after it. */
    private Path certifiedAgainstChanges() throws IOException {
        Path pdf = onePage("Chứng thực");
        try (SignatureDevice device = SignatureDevices.pkcs12(pki.signer.pkcs12(dir, "certify"), TestPki.PASSWORD)) {
            var chain = device.chain();
            var scheme = SignatureScheme.forKey(chain.getFirst().getPublicKey(), false);
            var parameters = signing.parameters(
                    pdf,
                    chain,
                    scheme,
                    SignatureRequest.invisible(PadesLevel.B_B, "Chứng thực"),
                    java.time.Instant.now());
            parameters.setPermission(eu.europa.esig.dss.enumerations.CertificationPermission.NO_CHANGE_PERMITTED);
            var service = dss.service(dss.verifier());
            var document = new eu.europa.esig.dss.model.FileDocument(pdf.toFile());
            var data = service.getDataToSign(document, parameters);
            var value = new eu.europa.esig.dss.model.SignatureValue(scheme.dss(), device.sign(data.getBytes(), scheme));
            return signing.save(service.signDocument(document, parameters, value));
        }
    }

    @Test
    void trust_anchors_import_pem_and_der_and_refuse_anything_else() throws Exception {
        var added = anchors.importCertificates(pki.intermediate.certificate().getEncoded(), "admin");
        assertThat(added).singleElement().satisfies(a -> assertThat(a.subject()).contains("Sen Test Issuing CA"));
        assertThat(anchors.importCertificates(pki.intermediate.certificate().getEncoded(), "admin"))
                .as("importing twice keeps one")
                .hasSize(1);
        assertThat(anchors.list())
                .filteredOn(a -> a.subject().contains("Sen Test Issuing CA"))
                .hasSize(1);
        assertThatThrownBy(() -> anchors.importCertificates("not a certificate".getBytes(), "admin"))
                .hasMessageContaining("signing.error.trust-not-certificate");
        anchors.remove(added.getFirst().id());
    }

    @Test
    void a_certificate_is_trusted_when_it_chains_to_an_imported_root() {
        var intermediates = pki.signer.chain().subList(1, pki.signer.chain().size());
        assertThat(anchors.trusts(pki.signer.certificate(), intermediates))
                .as("the test root is imported")
                .isTrue();
        assertThat(anchors.trusts(pki.signer.certificate(), List.of()))
                .as("without the intermediate the chain cannot be built")
                .isFalse();
        assertThat(anchors.trusts(pki.stranger.certificate(), pki.stranger.chain()))
                .as("a root nobody imported")
                .isFalse();
    }

    @Autowired
    List<Command> commands;

    @Test
    void sen_verify_prints_the_report_as_json_and_exits_by_the_verdict() throws IOException {
        Path signed = sign(onePage("Quyết định"), pki.signer, PadesLevel.B_T);
        var out = new StringWriter();
        assertThat(command("verify").run(List.of(signed.toString()), new PrintWriter(out, true)))
                .isZero();
        assertThat(out.toString())
                .contains("\"valid\":true")
                .contains("\"signer\":\"Nguyễn Văn An\"")
                .contains("\"verdict\":\"VALID\"")
                .contains("Chữ ký hợp lệ");
        Path untrusted = sign(onePage("Văn bản"), pki.stranger, PadesLevel.B_B);
        out = new StringWriter();
        assertThat(command("verify").run(List.of(untrusted.toString()), new PrintWriter(out, true)))
                .isEqualTo(1);
        assertThat(out.toString()).contains("\"verdict\":\"INDETERMINATE\"").contains("chuỗi tin cậy");
        Path text = dir.resolve("note.txt");
        Files.writeString(text, "hello");
        assertThatThrownBy(() -> command("verify").run(List.of(text.toString()), new PrintWriter(new StringWriter())))
                .isInstanceOf(Command.CommandException.class)
                .hasMessage("The file is not a PDF.");
        assertThatThrownBy(() -> command("verify").run(List.of("/no/such.pdf"), new PrintWriter(new StringWriter())))
                .hasMessage("no such file: /no/such.pdf");
        Path pem = dir.resolve("root.pem");
        Files.writeString(pem, TestPki.pem(pki.root.certificate()));
        out = new StringWriter();
        assertThat(command("trust import").run(List.of(pem.toString()), new PrintWriter(out, true)))
                .isZero();
        assertThat(out.toString()).contains("Sen Test Root CA");
    }

    private Command command(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Path sign(Path pdf, TestPki.Identity identity, PadesLevel level) {
        return identity.sign(signing, pdf, dir, level);
    }

    /** Signed by DSS directly, without Sen's checks: what other software may send. */
    private Path signedElsewhere(Path pdf, TestPki.Identity identity, Instant at) throws Exception {
        var verifier = new CommonCertificateVerifier();
        verifier.setAlertOnExpiredCertificate(new SilentOnStatusAlert());
        var service = new PAdESService(verifier);
        var parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(PadesLevel.B_B.dss());
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(identity.certificate()));
        parameters.setCertificateChain(
                identity.chain().stream().map(CertificateToken::new).toList());
        parameters.bLevel().setSigningDate(Date.from(at));
        var document = new FileDocument(pdf.toFile());
        var data = service.getDataToSign(document, parameters);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(identity.key());
        rsa.update(data.getBytes());
        var value = new eu.europa.esig.dss.model.SignatureValue(
                eu.europa.esig.dss.enumerations.SignatureAlgorithm.RSA_SHA256, rsa.sign());
        Path out = dir.resolve("elsewhere-" + System.nanoTime() + ".pdf");
        service.signDocument(document, parameters, value).save(out.toString());
        return out;
    }

    private static Check only(SignatureReport report) {
        assertThat(report.signatures()).hasSize(1);
        return report.signatures().getFirst();
    }

    private Path onePage(String text) {
        try (var document = new PDDocument()) {
            var page = new PDPage();
            document.addPage(page);
            try (var content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), 14);
                content.newLineAtOffset(72, 700);
                content.showText(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "")
                        .replace('đ', 'd')
                        .replace('Đ', 'D'));
                content.endText();
            }
            Path file = dir.resolve("page-" + System.nanoTime() + ".pdf");
            document.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path encrypted() throws IOException {
        Path plain = onePage("Mật");
        try (var document = org.apache.pdfbox.Loader.loadPDF(plain.toFile())) {
            var policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            Path file = dir.resolve("encrypted.pdf");
            document.save(file.toFile());
            return file;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
