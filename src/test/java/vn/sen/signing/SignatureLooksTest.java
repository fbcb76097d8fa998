package vn.sen.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.sen.files.StoredFile;
import vn.sen.organization.Organization;
import vn.sen.organization.Organization.NewOfficer;
import vn.sen.organization.Organization.NewUnit;
import vn.sen.organization.UnitKind;
import vn.sen.shared.Role;
import vn.sen.shared.UserScope;
import vn.sen.signing.PdfSigning.Look;
import vn.sen.signing.PdfSigning.SignatureRequest;
import vn.sen.signing.SignaturePlacement.Line;
import vn.sen.signing.SignaturePlacement.Signed;
import vn.sen.signing.SignatureReport.Verdict;

/** How signatures look (Decree 30 annex I): approval image, seal over its left third, text on copies. */
@SpringBootTest
class SignatureLooksTest {

    static final TestPki pki = TestPki.shared();

    @Autowired
    PdfSigning signing;

    @Autowired
    PdfValidation validation;

    @Autowired
    TrustAnchors anchors;

    @Autowired
    SignatureImages images;

    @Autowired
    Organization organization;

    @Autowired
    ExternalSigning external;

    @Autowired
    vn.sen.files.FileManagement files;

    @TempDir
    Path dir;

    long unit;
    long officer;
    UserScope chairman;
    UserScope clerk;
    UserScope specialist;

    @Autowired
    vn.sen.demo.DemoFixture demo;

    @BeforeEach
    void agency() {
        demo.ensureLoaded(); // before any unit of ours: the demo province loads into an empty database only
        pki.trustRoot(anchors);
        String tag = Long.toString(System.nanoTime(), 36);
        unit = organization.createUnit(
                UserScope.system(),
                new NewUnit(null, null, UnitKind.PROVINCE_COMMITTEE, "UBND tỉnh " + tag, "UBND", null, null, 0));
        officer = organization.createOfficer(
                UserScope.system(), new NewOfficer("Nguyễn Văn An", null, null, unit, "CHU_TICH"));
        String path = organization.requireUnit(unit).path();
        chairman = new UserScope(1, "ct" + tag, officer, List.of(new UserScope.Grant(Role.LEADER, unit, path)));
        clerk = new UserScope(1, "vt" + tag, null, List.of(new UserScope.Grant(Role.CLERK, unit, path)));
        specialist = new UserScope(1, "cv" + tag, null, List.of(new UserScope.Grant(Role.SPECIALIST, unit, path)));
    }

    @Test
    void approval_then_seal_then_both_valid_and_placed_as_the_decree_draws_them() throws Exception {
        images.setSignature(chairman, officer, TestDocuments.signatureImage(Color.BLUE), 40);
        images.setSeal(chairman, unit, TestDocuments.sealImage(Color.RED), 36);
        Path draft = decision();

        Path approved;
        try (var device = SignatureDevices.pkcs12(pki.signer.pkcs12(dir, "ct"), TestPki.PASSWORD)) {
            var look = new Look.Approval(
                    "Nguyễn Văn An", images.signatureOf(officer).orElseThrow());
            approved = signing.sign(draft, device, new SignatureRequest(PadesLevel.B_B, "Phê duyệt", "", look));
        }
        Signed approval;
        List<Line> lines;
        try (PDDocument document = Loader.loadPDF(approved.toFile())) {
            approval = SignaturePlacement.lastVisibleSignature(document).orElseThrow();
            lines = SignaturePlacement.lines(document, approval.page());
        }
        Line position = lines.stream()
                .filter(l -> l.text().contains("CHỦ TỊCH"))
                .reduce((a, b) -> b)
                .orElseThrow();
        Line name = lines.stream()
                .filter(l -> l.text().contains("Nguyễn Văn An"))
                .findFirst()
                .orElseThrow();
        assertThat(approval.top()).as("below the position line").isGreaterThanOrEqualTo(position.bottom());
        assertThat(approval.top() + approval.height()).as("above the name").isLessThanOrEqualTo(name.top());
        float nameCentre = (name.left() + name.right()) / 2;
        assertThat(approval.left() + approval.width() / 2)
                .isCloseTo(nameCentre, org.assertj.core.data.Offset.offset(1f));

        Path issued;
        try (var device = SignatureDevices.pkcs12(pki.ecSigner.pkcs12(dir, "vt"), TestPki.PASSWORD)) {
            var look = new Look.Issuance(images.sealFor(clerk, unit).orElseThrow());
            issued = signing.sign(approved, device, new SignatureRequest(PadesLevel.B_B, "Ban hành", "", look));
        }
        Signed seal;
        try (PDDocument document = Loader.loadPDF(issued.toFile())) {
            seal = SignaturePlacement.lastVisibleSignature(document).orElseThrow();
        }
        float realSize = 36 * 72f / 25.4f;
        assertThat(seal.width()).isCloseTo(realSize, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(seal.left() + seal.width())
                .as("the seal covers the left third of the signer's image")
                .isCloseTo(approval.left() + approval.width() / 3, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(seal.top() + seal.height() / 2)
                .isCloseTo(approval.top() + approval.height() / 2, org.assertj.core.data.Offset.offset(0.5f));
        var report = validation.validate(issued);
        assertThat(report.signatures()).hasSize(2).allMatch(c -> c.verdict() == Verdict.VALID);
        assertThat(TestDocuments.pdfsig(issued)).contains("Total document signed");
    }

    @Test
    void an_external_signer_signs_with_the_approval_look_even_if_the_image_changes_meanwhile() throws Exception {
        images.setSignature(chairman, officer, TestDocuments.signatureImage(Color.BLUE), 40);
        var signer = new ReferenceExternalSigner(pki.signer.pkcs12(dir, "ext-look"), TestPki.PASSWORD);
        StoredFile draft;
        try (var in = java.nio.file.Files.newInputStream(decision())) {
            draft = files.store(in, "quyet-dinh.pdf", chairman.username());
        }
        var look =
                new Look.Approval("Nguyễn Văn An", images.signatureOf(officer).orElseThrow());
        var prepared = external.prepare(
                draft, signer.chain(), new SignatureRequest(PadesLevel.B_B, "Phê duyệt", "", look), null, "ct");
        images.setSignature(
                chairman, officer, TestDocuments.signatureImage(new Color(20, 40, 200)), 45); // replaced meanwhile
        StoredFile signed = external.complete(
                prepared.id(),
                signer.sign(prepared.dataToSign(), prepared.scheme().name()),
                "ct");
        assertThat(validation.validate(signed).signatures().getFirst().verdict())
                .isEqualTo(Verdict.VALID);
        try (var in = files.open(signed);
                PDDocument document = Loader.loadPDF(in.readAllBytes())) {
            Signed approval = SignaturePlacement.lastVisibleSignature(document).orElseThrow();
            assertThat(approval.width()).isCloseTo(40 * 72f / 25.4f, org.assertj.core.data.Offset.offset(0.5f));
        }
    }

    @Test
    void a_copy_carries_the_agencys_text_signature_at_the_top_right_of_the_first_page() throws Exception {
        Path copy;
        try (var device = SignatureDevices.pkcs12(pki.signer.pkcs12(dir, "sy"), TestPki.PASSWORD)) {
            var look = new Look.AgencyText("SAO Y\nUBND TỈNH SEN");
            copy = signing.sign(decision(), device, new SignatureRequest(PadesLevel.B_B, "Sao y", "", look));
        }
        try (PDDocument document = Loader.loadPDF(copy.toFile())) {
            Signed stamp = SignaturePlacement.lastVisibleSignature(document).orElseThrow();
            assertThat(stamp.page()).isEqualTo(1);
            assertThat(stamp.left()).isGreaterThan(PDRectangle.A4.getWidth() / 2);
            assertThat(stamp.top()).isLessThan(60);
        }
        assertThat(validation.validate(copy).signatures().getFirst().verdict()).isEqualTo(Verdict.VALID);
        assertThat(PdfSigning.isoTime(java.time.Instant.parse("2026-11-24T00:45:00Z")))
                .isEqualTo("2026-11-24T07:45:00+07:00");
    }

    @Test
    void images_of_the_wrong_kind_or_owner_are_refused() throws Exception {
        assertThatThrownBy(() -> images.setSignature(chairman, officer, jpeg(), 40))
                .hasMessageContaining("signing.error.image-not-png");
        assertThatThrownBy(() -> images.setSignature(chairman, officer, opaque(), 40))
                .hasMessageContaining("signing.error.image-not-transparent");
        assertThatThrownBy(() -> images.setSignature(chairman, officer, TestDocuments.signatureImage(Color.RED), 40))
                .hasMessageContaining("signing.error.signature-not-blue");
        assertThatThrownBy(() -> images.setSeal(chairman, unit, TestDocuments.sealImage(Color.BLUE), 36))
                .hasMessageContaining("signing.error.seal-not-red");
        assertThatThrownBy(() -> images.setSignature(chairman, officer, TestDocuments.signatureImage(Color.BLUE), 200))
                .hasMessageContaining("signing.error.image-size");
        assertThatThrownBy(() -> images.setSeal(chairman, unit, TestDocuments.sealImage(Color.RED), 90))
                .hasMessageContaining("signing.error.image-size");
        assertThatThrownBy(() -> images.setSignature(clerk, officer, TestDocuments.signatureImage(Color.BLUE), 40))
                .as("only the officer sets their signature")
                .hasMessageContaining("signing.error.image-not-yours");
        assertThatThrownBy(() -> images.setSeal(specialist, unit, TestDocuments.sealImage(Color.RED), 36))
                .hasMessageContaining("signing.error.image-not-yours");
        images.setSeal(chairman, unit, TestDocuments.sealImage(Color.RED), 36);
        assertThatThrownBy(() -> images.sealFor(specialist, unit))
                .as("only the agency's clerks apply its seal")
                .hasMessageContaining("signing.error.seal-not-allowed");
        assertThat(images.sealFor(clerk, unit)).isPresent();
    }

    // ---- a decision with its signature block, and images --------------------------------------

    private Path decision() {
        return TestDocuments.decision(dir, "Nguyễn Văn An");
    }

    private static byte[] opaque() throws IOException {
        var image = new BufferedImage(400, 160, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 160);
        g.setColor(Color.BLUE);
        g.drawLine(10, 10, 300, 100);
        g.dispose();
        return png(image);
    }

    private static byte[] jpeg() throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(400, 160, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    private static byte[] png(BufferedImage image) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
