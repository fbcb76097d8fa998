package vn.sen.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** DOCX to PDF with the real LibreOffice (CI installs it), and a clear state when there is none. */
@SpringBootTest
class PdfConversionTest {

    @Autowired
    PdfConversion conversion;

    @Autowired
    FileManagement files;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_word_draft_gets_a_pdf_rendition_with_its_text() throws Exception {
        String text = "Kế hoạch chuyển đổi số năm 2027 " + System.nanoTime();
        StoredFile draft =
                files.store(new ByteArrayInputStream(TestDocuments.docx(text)), "Kế hoạch.docx", "chuyenvien");
        assertThat(conversion.convertible(draft)).isTrue();
        conversion.request(draft);
        conversion.request(draft);
        conversion.drain(Duration.ofMinutes(3));

        var rendition = conversion.rendition(draft.id()).orElseThrow();
        assertThat(rendition.state()).as(rendition.message()).isEqualTo(PdfConversion.State.DONE);
        StoredFile pdf = files.require(rendition.pdfId());
        assertThat(pdf.pdf()).isTrue();
        assertThat(pdf.name()).isEqualTo("Kế hoạch.pdf");
        assertThat(files.text(pdf, 10_000)).contains(text);
    }

    @Test
    void a_broken_document_fails_with_a_reason_and_a_pdf_is_never_converted() throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("word/garbage.bin"));
            zip.write(("không phải văn bản " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        StoredFile broken = files.store(new ByteArrayInputStream(bytes.toByteArray()), "hỏng.docx", "chuyenvien");
        conversion.request(broken);
        conversion.drain(Duration.ofMinutes(3));
        var rendition = conversion.rendition(broken.id()).orElseThrow();
        assertThat(rendition.state()).isEqualTo(PdfConversion.State.FAILED);
        assertThat(rendition.message()).isNotBlank();

        StoredFile pdf = files.store(
                new ByteArrayInputStream(
                        ("%PDF-1.4\n%" + System.nanoTime() + "\n%%EOF").getBytes(StandardCharsets.UTF_8)),
                "a.pdf",
                "chuyenvien");
        conversion.request(pdf);
        assertThat(conversion.rendition(pdf.id())).isEmpty();
    }

    @Test
    void without_libreoffice_the_rendition_says_so() throws Exception {
        var none = new PdfConversion(jdbc, files, "none");
        StoredFile draft = files.store(
                new ByteArrayInputStream(TestDocuments.docx("Không có LibreOffice " + System.nanoTime())),
                "du-thao.docx",
                "chuyenvien");
        none.request(draft);
        var rendition = none.rendition(draft.id()).orElseThrow();
        assertThat(rendition.state()).isEqualTo(PdfConversion.State.UNAVAILABLE);
        assertThat(rendition.pdfId()).isNull();
    }
}
