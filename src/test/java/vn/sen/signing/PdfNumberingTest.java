package vn.sen.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.sen.signing.PdfNumbering.Written;
import vn.sen.signing.SignatureReport.Verdict;

/** Number and date written into an approved document between the approval and the issuance signatures. */
@SpringBootTest
class PdfNumberingTest {

    static final TestPki pki = TestPki.shared();

    @Autowired
    PdfNumbering numbering;

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
    void number_and_date_go_into_the_blanks_and_both_signatures_stay_valid() throws Exception {
        Path approved = sign(TestDocuments.decision(dir, "Nguyễn Văn An"), pki.signer);
        byte[] signedOriginal = Files.readAllBytes(approved);

        Path numbered = numbering.write(approved, new Written("15", "15/QĐ-UBND", "03", "02", "2026"));
        byte[] withNumber = Files.readAllBytes(numbered);
        assertThat(Arrays.copyOf(withNumber, signedOriginal.length))
                .as("an incremental update: the signed original is kept byte for byte")
                .isEqualTo(signedOriginal);
        assertThat(withNumber.length - signedOriginal.length)
                .as("the font is embedded as a subset")
                .isLessThan(40_000);

        List<String> texts;
        try (PDDocument document = Loader.loadPDF(numbered.toFile())) {
            var annotations = document.getPage(0).getAnnotations().stream()
                    .filter(a -> "FreeText".equals(a.getSubtype()))
                    .toList();
            texts = annotations.stream().map(PDAnnotation::getContents).toList();
            var number = annotations.getFirst().getRectangle();
            assertThat(number.getLowerLeftX()).as("after 'Số:'").isGreaterThan(95);
            assertThat(number.getUpperRightX()).as("before '/QĐ-UBND'").isLessThanOrEqualTo(136);
            assertThat(number.getLowerLeftY()).isBetween(740f, 752f);
            assertThat(annotations).allMatch(PDAnnotation::isPrinted).allMatch(PDAnnotation::isReadOnly);
        }
        assertThat(texts)
                .as("leading zeros for days below 10 and for January and February")
                .containsExactly("15", "03", "02");

        Path issued = sign(numbered, pki.ecSigner);
        var report = validation.validate(issued);
        assertThat(report.signatures())
                .hasSize(2)
                .allSatisfy(
                        c -> assertThat(c.verdict()).as(c.details().toString()).isEqualTo(Verdict.VALID));
        String pdfsig = TestDocuments.pdfsig(issued);
        assertThat(pdfsig.split("Signature is Valid", -1)).hasSize(3);
        assertThat(pdfsig).contains("Total document signed");
        try (PDDocument document = Loader.loadPDF(issued.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Sen, ngày");
        }
    }

    @Test
    void a_blank_year_is_filled_in() throws Exception {
        Path draft = TestDocuments.decision(dir, "Nguyễn Văn An", "Số:", "Sen, ngày      tháng      năm");
        Path numbered = numbering.write(draft, new Written("07", "07/QĐ-UBND", "12", "3", "2026"));
        try (PDDocument document = Loader.loadPDF(numbered.toFile())) {
            assertThat(document.getPage(0).getAnnotations().stream().map(PDAnnotation::getContents))
                    .containsExactly("07", "12", "3", "2026");
        }
    }

    @Test
    void without_the_notation_after_the_blank_the_whole_number_and_notation_is_written() throws Exception {
        Path draft = TestDocuments.decision(dir, "Nguyễn Văn An", "Số:   ", "Sen, ngày      tháng      năm 2026");
        Path numbered = numbering.write(draft, new Written("21", "21/QĐ-UBND", "24", "11", "2026"));
        try (PDDocument document = Loader.loadPDF(numbered.toFile())) {
            assertThat(document.getPage(0).getAnnotations().getFirst().getContents())
                    .isEqualTo("21/QĐ-UBND");
        }
    }

    @Test
    void a_document_without_the_lines_or_already_numbered_is_refused() {
        var day = new Written("01", "01/QĐ", "24", "11", "2026");
        assertThatThrownBy(() ->
                        numbering.write(TestDocuments.decision(dir, "A", "", "Sen, ngày   tháng   năm 2026"), day))
                .hasMessageContaining("signing.error.no-number-line");
        assertThatThrownBy(() -> numbering.write(TestDocuments.decision(dir, "A", "Số:", ""), day))
                .hasMessageContaining("signing.error.no-date-line");
        assertThatThrownBy(() -> numbering.write(
                        TestDocuments.decision(dir, "A", "Số: 12/QĐ-UBND", "Sen, ngày   tháng   năm 2026"), day))
                .hasMessageContaining("signing.error.number-already-written");
        assertThatThrownBy(() ->
                        numbering.write(TestDocuments.decision(dir, "A", "Số:", "Sen, ngày 12 tháng 3 năm 2026"), day))
                .hasMessageContaining("signing.error.date-already-written");
    }

    private Path sign(Path pdf, TestPki.Identity identity) {
        return identity.sign(signing, pdf, dir, PadesLevel.B_B);
    }
}
