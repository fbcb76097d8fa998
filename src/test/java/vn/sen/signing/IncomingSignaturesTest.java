package vn.sen.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.sen.demo.DemoFixture;
import vn.sen.documents.Confidentiality;
import vn.sen.documents.DocumentType;
import vn.sen.documents.IncomingDocuments;
import vn.sen.documents.IncomingViews.NewIncoming;
import vn.sen.documents.Urgency;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.identity.TestLogins;
import vn.sen.organization.Organization;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.shared.UserScope;

/** Every signed PDF that enters as an incoming document is validated, and the document page says how. */
@SpringBootTest
@AutoConfigureMockMvc
class IncomingSignaturesTest {

    static final TestPki pki = TestPki.shared();

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixture demo;

    @Autowired
    TestLogins logins;

    @Autowired
    Organization organization;

    @Autowired
    IncomingDocuments incoming;

    @Autowired
    FileManagement files;

    @Autowired
    PdfSigning signing;

    @Autowired
    PdfValidation validation;

    @Autowired
    TrustAnchors anchors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    SignatureChecks checks;

    @Autowired
    TransactionTemplate transactions;

    @TempDir
    Path dir;

    UserScope clerk;

    @BeforeEach
    void province() {
        demo.ensureLoaded();
        pki.trustRoot(anchors);
        clerk = ((ScopedPrincipal) logins.signedIn("vanthu").getPrincipal()).scope();
    }

    @Test
    void the_document_page_shows_each_signature_with_its_verdict_and_reason() throws Exception {
        StoredFile good = stored(signedPdf(), "cong-van.pdf");
        long id = register("101", good);
        assertThat(checks.last(good)).isPresent();
        String page = mvc.perform(get("/documents/incoming/{id}", id).with(authentication(logins.signedIn("vanthu"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Chữ ký số")
                .contains("Hợp lệ")
                .contains("Nguyễn Văn An")
                .contains("Chữ ký hợp lệ: văn bản không bị thay đổi");

        byte[] tampered = Files.readAllBytes(signedPdf());
        tampered[12] ^= 0x01;
        long other = register("102", stored(write(tampered), "sua-doi.pdf"));
        String otherPage = mvc.perform(
                        get("/documents/incoming/{id}", other).with(authentication(logins.signedIn("vanthu"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(otherPage).contains("Không hợp lệ").contains("Văn bản đã bị thay đổi sau khi ký");
    }

    @Test
    void an_installation_may_refuse_invalid_signatures_at_registration() throws Exception {
        byte[] tampered = Files.readAllBytes(signedPdf());
        tampered[12] ^= 0x01;
        StoredFile bad = stored(write(tampered), "gia-mao.pdf");
        var refusing = new SignatureChecks(
                validation,
                new SigningProperties(null, true, Duration.ofSeconds(5), true, true, "http://127.0.0.1:8987"),
                jdbc,
                json);
        assertThatThrownBy(() -> refusing.checkIncoming(bad)).hasMessageContaining("signing.error.invalid-incoming");
        StoredFile unsigned = stored(write(unsignedPdf()), "chua-ky.pdf");
        assertThat(refusing.checkIncoming(unsigned))
                .hasValueSatisfying(r -> assertThat(r.signed()).isFalse());
        assertThat(refusing.last(unsigned))
                .as("unsigned files have no report to show")
                .isEmpty();
    }

    @Test
    void signatures_are_validated_outside_database_transactions() throws Exception {
        StoredFile good = stored(signedPdf(), "cong-van.pdf");
        assertThatThrownBy(() -> transactions.execute(status -> checks.checkIncoming(good)))
                .as("revocation servers may take seconds: no connection is held meanwhile")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transactions.execute(status -> checks.checkNewSignature(good)))
                .isInstanceOf(IllegalStateException.class);
        long id = register("103", good);
        assertThat(incoming.find(clerk, id)).isPresent();
        assertThat(checks.last(good)).isPresent();
    }

    private long register(String number, StoredFile file) {
        long unit = organization.unitByCode("000.00.01.H01").orElseThrow().id();
        return incoming.register(
                        clerk,
                        new NewIncoming(
                                unit,
                                null,
                                "000.00.00.G09",
                                "Bộ Tài chính",
                                number + System.nanoTime() % 1000,
                                "BTC-NSNN",
                                DocumentType.OFFICIAL_LETTER,
                                LocalDate.now().minusDays(1),
                                "V/v ký số " + number,
                                "",
                                "Nguyễn Văn An",
                                Urgency.NORMAL,
                                Confidentiality.NORMAL,
                                null,
                                null,
                                "",
                                List.of(file.id()),
                                true))
                .id();
    }

    private Path signedPdf() throws IOException {
        return pki.signer.sign(signing, write(unsignedPdf()), dir, PadesLevel.B_B);
    }

    private StoredFile stored(Path pdf, String name) throws IOException {
        try (var in = Files.newInputStream(pdf)) {
            return files.store(in, name, "vanthu");
        }
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = dir.resolve("f" + System.nanoTime() + ".pdf");
        Files.write(file, bytes);
        return file;
    }

    private static byte[] unsignedPdf() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(out);
        }
        return out.toByteArray();
    }
}
