package vn.sen.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.sen.demo.DemoFixture;

/**
 * tus over real HTTP: an upload whose connection drops in the middle is resumed from the offset the
 * server reports and ends with the right SHA-256; wrong offsets, other accounts and excess bytes are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResumableUploadTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoFixture demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FileManagement files;

    @Autowired
    ResumableUploads uploads;

    @Autowired
    FileProperties properties;

    final HttpClient http = HttpClient.newHttpClient();

    private String token(String username) throws Exception {
        String secret = "sen_test" + Long.toString(System.nanoTime(), 36) + "x".repeat(20);
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("""
                insert into identity.api_token (account_id, name, prefix, token_hash, expires_at)
                select id, 'test', 'sen_test', :hash, now() + interval '1 hour' from identity.account where username = :u
                """).param("hash", hash).param("u", username).update();
        return secret;
    }

    @BeforeEach
    void demoProvince() {
        demo.ensureLoaded();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Tus-Resumable", "1.0.0");
    }

    private HttpResponse<String> patch(String path, String token, long offset, byte[] bytes) throws Exception {
        return send(to(path, token)
                .header("Upload-Offset", Long.toString(offset))
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private long offset(String path, String token) throws Exception {
        var head = send(to(path, token).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
    }

    @Test
    void a_dropped_upload_resumes_where_it_stopped_and_ends_with_the_right_sha256() throws Exception {
        String clerk = token("vanthu");
        byte[] content = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(content);
        content[0] = 'P';
        content[1] = 'K';
        content[2] = 3;
        content[3] = 4;
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        var options = send(to("/api/v1/uploads", clerk).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(options.headers().firstValue("Tus-Version")).contains("1.0.0");

        var created = send(to("/api/v1/uploads", clerk)
                .header("Upload-Length", Integer.toString(content.length))
                .header(
                        "Upload-Metadata",
                        "filename "
                                + Base64.getEncoder().encodeToString("Hồ sơ lớn.zip".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String path = created.headers().firstValue("Location").orElseThrow();

        assertThat(patch(path, clerk, 0, Arrays.copyOfRange(content, 0, 1024 * 1024))
                        .statusCode())
                .isEqualTo(204);
        // a second piece announced as 1.5 MiB, cut after 700 KiB: the connection drops
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + clerk
                            + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 1048576\r\n"
                            + "Content-Type: application/offset+octet-stream\r\nContent-Length: 1572864\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(content, 1024 * 1024, 700 * 1024);
            out.flush();
        }
        long resumeAt = 0;
        for (int i = 0; i < 100 && resumeAt != 1024 * 1024 + 700 * 1024; i++) {
            Thread.sleep(50);
            resumeAt = offset(path, clerk);
        }
        assertThat(resumeAt).as("what arrived before the drop is kept").isEqualTo(1024 * 1024 + 700 * 1024);

        assertThat(patch(path, clerk, 0, new byte[10]).statusCode())
                .as("wrong offset")
                .isEqualTo(409);
        String other = token("giamdoc");
        assertThat(offsetStatus(path, other)).as("another account's upload").isEqualTo(404);

        var last = patch(path, clerk, resumeAt, Arrays.copyOfRange(content, (int) resumeAt, content.length));
        assertThat(last.statusCode()).isEqualTo(204);
        String fileId = last.headers().firstValue("Sen-File-Id").orElseThrow();
        StoredFile stored = files.require(java.util.UUID.fromString(fileId));
        assertThat(stored.sha256()).isEqualTo(expected);
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.name()).isEqualTo("Hồ sơ lớn.zip");
        assertThat(patch(path, clerk, content.length, new byte[1]).statusCode())
                .as("complete: nothing more")
                .isEqualTo(422);
    }

    @Test
    void bad_declarations_are_refused_with_a_reason() throws Exception {
        String clerk = token("vanthu");
        var noLength = send(to("/api/v1/uploads", clerk)
                .header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("a.pdf".getBytes()))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(noLength.statusCode()).isEqualTo(422);
        assertThat(noLength.body()).contains("files.error.upload-length");
        var exe = send(to("/api/v1/uploads", clerk)
                .header("Upload-Length", "10")
                .header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("virus.exe".getBytes()))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(exe.statusCode()).isEqualTo(422);
        assertThat(exe.body()).contains("files.error.extension");
        var huge = send(to("/api/v1/uploads", clerk)
                .header("Upload-Length", Long.toString(3L * 1024 * 1024 * 1024))
                .header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("lon.zip".getBytes()))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(huge.body()).contains("files.error.too-large");
        var small = send(to("/api/v1/uploads", clerk)
                .header("Upload-Length", "4")
                .header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("a.zip".getBytes()))
                .POST(HttpRequest.BodyPublishers.noBody()));
        String path = small.headers().firstValue("Location").orElseThrow();
        var tooMuch = patch(path, clerk, 0, "PK\u0003\u0004extra".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("files.error.upload-too-long");
        assertThat(send(to("/api/v1/uploads", "sen_" + "y".repeat(40))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void content_refused_at_the_last_byte_ends_the_upload_and_unfinished_ones_are_swept_when_they_expire()
            throws Exception {
        String clerk = token("vanthu");
        byte[] notPdf = "MZ this is a program".getBytes(StandardCharsets.US_ASCII);
        var declared = send(to("/api/v1/uploads", clerk)
                .header("Upload-Length", Integer.toString(notPdf.length))
                .header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("to-trinh.pdf".getBytes()))
                .POST(HttpRequest.BodyPublishers.noBody()));
        String refused = declared.headers().firstValue("Location").orElseThrow();
        var last = patch(refused, clerk, 0, notPdf);
        assertThat(last.statusCode()).isEqualTo(422);
        assertThat(last.body()).contains("files.error.content");
        assertThat(offsetStatus(refused, clerk)).as("nothing left to resume").isEqualTo(404);

        var unfinished = send(to("/api/v1/uploads", clerk)
                .header("Upload-Length", "1000")
                .header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("dang-do.zip".getBytes()))
                .POST(HttpRequest.BodyPublishers.noBody()));
        String path = unfinished.headers().firstValue("Location").orElseThrow();
        assertThat(patch(path, clerk, 0, "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1))
                        .statusCode())
                .isEqualTo(204);
        UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        jdbc.sql("update files.upload set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", id)
                .update();
        assertThat(uploads.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(offsetStatus(path, clerk)).isEqualTo(404);
        assertThat(Path.of(properties.dir(), "uploads", id + ".part")).doesNotExist();
    }

    private int offsetStatus(String path, String token) throws Exception {
        return send(to(path, token).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .statusCode();
    }
}
