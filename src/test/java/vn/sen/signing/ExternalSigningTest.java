package vn.sen.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.shared.RuleViolation;
import vn.sen.signing.PdfSigning.SignatureRequest;
import vn.sen.signing.SignatureReport.Verdict;

/** Two-phase signing with the reference external signer (a PKCS#12 key, plain JCA). */
@SpringBootTest
class ExternalSigningTest {

    static final TestPki pki = TestPki.shared();

    @Autowired
    ExternalSigning external;

    @Autowired
    PdfValidation validation;

    @Autowired
    TrustAnchors anchors;

    @Autowired
    FileManagement files;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void trust() {
        pki.trustRoot(anchors);
    }

    @Test
    void the_external_signers_value_is_embedded_and_valid_for_both_validators() throws Exception {
        for (TestPki.Identity identity : java.util.List.of(pki.signer, pki.ecSigner)) {
            var signer = new ReferenceExternalSigner(identity.pkcs12(dir, "ext" + System.nanoTime()), TestPki.PASSWORD);
            StoredFile pdf = pdf();
            var prepared = external.prepare(pdf, signer.chain(), approval(), null, "chuyenvien");
            assertThat(prepared.digest()).hasSize(32);
            byte[] value = signer.sign(prepared.dataToSign(), prepared.scheme().name());
            StoredFile signed = external.complete(prepared.id(), value, "chuyenvien");
            assertThat(signed.id()).isNotEqualTo(pdf.id());
            assertThat(external.complete(prepared.id(), value, "chuyenvien").id())
                    .as("completing twice gives the same file")
                    .isEqualTo(signed.id());
            var check = validation.validate(signed).signatures().getFirst();
            assertThat(check.verdict()).as(check.details().toString()).isEqualTo(Verdict.VALID);
            Path copy = dir.resolve("signed-" + System.nanoTime() + ".pdf");
            try (var in = files.open(signed)) {
                Files.copy(in, copy);
            }
            assertThat(TestDocuments.pdfsig(copy))
                    .contains("Signature is Valid")
                    .contains("Total document signed");
        }
    }

    @Test
    void a_value_that_does_not_match_the_prepared_data_is_refused() throws Exception {
        var signer = new ReferenceExternalSigner(pki.signer.pkcs12(dir, "mismatch"), TestPki.PASSWORD);
        var prepared = external.prepare(pdf(), signer.chain(), approval(), SignatureScheme.RSA_SHA256, "chuyenvien");
        byte[] otherData = signer.sign("something else".getBytes(StandardCharsets.UTF_8), "RSA_SHA256");
        assertThatThrownBy(() -> external.complete(prepared.id(), otherData, "chuyenvien"))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("signing.error.value-mismatch");
        // signed by another key than the certificate's
        var stranger = new ReferenceExternalSigner(pki.stranger.pkcs12(dir, "stranger"), TestPki.PASSWORD);
        byte[] otherKey = stranger.sign(prepared.dataToSign(), "RSA_SHA256");
        assertThatThrownBy(() -> external.complete(prepared.id(), otherKey, "chuyenvien"))
                .hasMessageContaining("signing.error.value-mismatch");
        // the right value still completes afterwards
        byte[] right = signer.sign(prepared.dataToSign(), "RSA_SHA256");
        assertThat(external.complete(prepared.id(), right, "chuyenvien")).isNotNull();
    }

    @Test
    void only_who_prepared_may_complete_and_only_in_time() throws Exception {
        var signer = new ReferenceExternalSigner(pki.signer.pkcs12(dir, "owner"), TestPki.PASSWORD);
        var prepared = external.prepare(pdf(), signer.chain(), approval(), null, "chuyenvien");
        byte[] value = signer.sign(prepared.dataToSign(), prepared.scheme().name());
        assertThatThrownBy(() -> external.complete(prepared.id(), value, "nguoikhac"))
                .hasMessageContaining("signing.error.prepared-unknown");
        jdbc.sql("update signing.pending set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", prepared.id())
                .update();
        assertThatThrownBy(() -> external.complete(prepared.id(), value, "chuyenvien"))
                .hasMessageContaining("signing.error.prepared-expired");
        assertThatThrownBy(() ->
                        external.prepare(pdf(), signer.chain(), approval(), SignatureScheme.ECDSA_SHA256, "chuyenvien"))
                .as("a scheme the key cannot make")
                .hasMessageContaining("signing.error.key-algorithm");
        assertThatThrownBy(() -> external.prepare(pdf(), pki.expired.chain(), approval(), null, "chuyenvien"))
                .hasMessageContaining("signing.error.certificate-expired");
    }

    private static SignatureRequest approval() {
        return SignatureRequest.invisible(PadesLevel.B_B, "Phê duyệt");
    }

    private StoredFile pdf() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(out);
        }
        return files.store(new ByteArrayInputStream(out.toByteArray()), "du-thao.pdf", "chuyenvien");
    }
}
