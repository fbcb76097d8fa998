package vn.sen.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.sen.shared.RuleViolation;

/** Storing and reading attachments: types by content, safe names, limits, de-duplication, integrity. */
@SpringBootTest
class FileManagementTest {

    static final byte[] PDF =
            "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    FileManagement files;

    @Autowired
    FileProperties properties;

    @Autowired
    FileResponses responses;

    @Autowired
    JdbcClient jdbc;

    private static InputStream bytes(byte[] content) {
        return new ByteArrayInputStream(content);
    }

    private static byte[] unique(String text) {
        return ("%PDF-1.4\n% " + text + " " + System.nanoTime() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_pdf_is_stored_with_its_hash_and_read_back_unchanged() throws IOException {
        byte[] content = unique("quyết định");
        StoredFile file = files.store(bytes(content), "Quyết định 125.pdf", "tester");
        assertThat(file.name()).isEqualTo("Quyết định 125.pdf");
        assertThat(file.mediaType()).isEqualTo("application/pdf");
        assertThat(file.size()).isEqualTo(content.length);
        assertThat(file.sha256()).matches("[0-9a-f]{64}");
        try (InputStream in = files.open(file)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void the_same_bytes_are_kept_once_however_often_they_are_attached() throws IOException {
        byte[] content = unique("twice");
        StoredFile first = files.store(bytes(content), "a.pdf", "tester");
        StoredFile second = files.store(bytes(content), "b.pdf", "tester");
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(jdbc.sql("select count(*) from files.blob where sha256 = :s")
                        .param("s", first.sha256())
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void a_file_that_is_not_what_its_extension_says_is_refused_and_nothing_is_kept() throws IOException {
        long before = countTemporaryFiles();
        assertThatThrownBy(() -> files.store(
                        bytes("MZ this is a program".getBytes(StandardCharsets.US_ASCII)), "van-ban.pdf", "tester"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("files.error.content"));
        assertThatThrownBy(() -> files.store(bytes(PDF), "scan.png", "tester"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("files.error.content"));
        assertThat(countTemporaryFiles()).isEqualTo(before);
    }

    @Test
    void unknown_extensions_empty_files_and_nameless_files_are_refused() {
        assertThatThrownBy(() -> files.store(bytes(PDF), "virus.exe", "tester"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("files.error.extension"));
        assertThatThrownBy(() -> files.store(bytes(new byte[0]), "empty.pdf", "tester"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("files.error.empty"));
        assertThatThrownBy(() -> files.store(bytes(PDF), "../..", "tester"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("files.error.name"));
        assertThatThrownBy(() -> files.store(bytes(PDF), ".pdf", "tester"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("files.error.name"));
    }

    @Test
    void path_traversal_and_control_characters_are_taken_out_of_names() throws IOException {
        assertThat(files.store(bytes(unique("x")), "../../etc/passwd.pdf", "tester")
                        .name())
                .isEqualTo("passwd.pdf");
        assertThat(files.store(bytes(unique("y")), "C:\\Users\\vt\\..\\to-trinh.pdf", "tester")
                        .name())
                .isEqualTo("to-trinh.pdf");
        assertThat(files.store(bytes(unique("z")), "bao\u0000cao\n?.pdf", "tester")
                        .name())
                .isEqualTo("baocao.pdf");
    }

    @Test
    void a_file_over_the_limit_is_refused_while_it_streams() throws IOException {
        var limited = new FileManagement(
                jdbc,
                new FilesystemStorage(Path.of(properties.dir())),
                new FileProperties(
                        properties.dir(),
                        org.springframework.util.unit.DataSize.ofKilobytes(1),
                        properties.extensions(),
                        properties.storage(),
                        properties.s3()));
        byte[] big = new byte[4096];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertThatThrownBy(() -> limited.store(bytes(big), "lon.pdf", "tester"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("files.error.too-large"));
    }

    @Test
    void bytes_damaged_in_storage_are_reported_when_read() throws IOException {
        StoredFile file = files.store(bytes(unique("damaged")), "hong.pdf", "tester");
        Path blob = Path.of(
                properties.dir(), file.sha256().substring(0, 2), file.sha256().substring(2, 4), file.sha256());
        byte[] content = Files.readAllBytes(blob);
        content[content.length - 2] ^= 1;
        Files.write(blob, content);
        assertThatThrownBy(() -> {
                    try (InputStream in = files.open(file)) {
                        in.readAllBytes();
                    }
                })
                .isInstanceOf(IOException.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void a_form_upload_is_taken_over_checked_like_any_other_and_an_empty_file_input_is_nothing() throws IOException {
        byte[] content = unique("form");
        StoredFile stored = files.store(
                new org.springframework.mock.web.MockMultipartFile(
                        "upload", "Tờ trình.pdf", "application/pdf", content),
                "tester");
        try (InputStream in = files.open(stored)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }

        long before = countTemporaryFiles();
        assertThatThrownBy(() -> files.store(
                        new org.springframework.mock.web.MockMultipartFile(
                                "upload",
                                "van-ban.pdf",
                                "application/pdf",
                                "MZ program".getBytes(StandardCharsets.US_ASCII)),
                        "tester"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("files.error.content"));
        assertThat(countTemporaryFiles()).isEqualTo(before);
        assertThat(files.store(
                        new org.springframework.mock.web.MockMultipartFile("upload", "", null, new byte[0]), "tester"))
                .isNull();
    }

    @Test
    void only_pdfs_and_images_are_ever_shown_inline_anything_else_is_a_download() throws IOException {
        StoredFile pdf = files.store(bytes(unique("inline")), "xem.pdf", "tester");
        StoredFile xml = files.store(
                bytes(
                        ("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>"
                                        + System.nanoTime())
                                .getBytes(StandardCharsets.UTF_8)),
                "trang.xml",
                "tester");
        assertThat(responses.of(pdf, true).getHeaders().getContentDisposition().isInline())
                .isTrue();
        assertThat(responses.of(xml, true).getHeaders().getContentDisposition().isAttachment())
                .isTrue();
        assertThat(responses.of(xml, true).getHeaders().getFirst("X-Content-Type-Options"))
                .isEqualTo("nosniff");
    }

    private long countTemporaryFiles() throws IOException {
        try (var list = Files.list(Path.of(properties.dir(), "tmp"))) {
            return list.count();
        }
    }
}
