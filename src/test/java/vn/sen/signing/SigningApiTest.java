package vn.sen.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.sen.demo.DemoFixture;
import vn.sen.identity.TestLogins;

/** The external signer's HTTP contract (docs/external-signing.md) over real HTTP with API tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SigningApiTest {

    static final TestPki pki = TestPki.shared();

    @LocalServerPort
    int port;

    @Autowired
    TestLogins logins;

    @Autowired
    DemoFixture demo;

    @Autowired
    TrustAnchors anchors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void province() {
        demo.ensureLoaded();
        pki.trustRoot(anchors);
    }

    @Test
    void an_external_signer_prepares_signs_and_completes_and_only_the_uploader_may() throws Exception {
        String clerk = logins.apiToken("vanthu");
        String other = jdbc.sql(
                        "select username from identity.account where username <> 'vanthu' order by username limit 1")
                .query(String.class)
                .single();
        String stranger = logins.apiToken(other);
        var upload = post("/api/v1/documents/attachments?name=to-trinh.pdf", clerk, "application/octet-stream", pdf());
        assertThat(upload.statusCode()).isEqualTo(201);
        String fileId = json.readTree(upload.body()).get("id").asString();

        var signer = new ReferenceExternalSigner(pki.signer.pkcs12(dir, "api"), TestPki.PASSWORD);
        String prepareBody = json.writeValueAsString(java.util.Map.of(
                "fileId", fileId, "certificates", signer.chainBase64(), "level", "B_B", "reason", "Phê duyệt"));
        var refused = post("/api/v1/signing/prepare", stranger, "application/json", bytes(prepareBody));
        assertThat(refused.statusCode()).as("another user's file").isBetween(400, 499);
        assertThat(refused.body()).contains("signing.error.file-unknown").doesNotContain("Exception");

        var prepared = post("/api/v1/signing/prepare", clerk, "application/json", bytes(prepareBody));
        assertThat(prepared.statusCode()).as(prepared.body()).isEqualTo(200);
        JsonNode step1 = json.readTree(prepared.body());
        byte[] dataToSign = Base64.getDecoder().decode(step1.get("dataToSign").asString());
        byte[] value = signer.sign(dataToSign, step1.get("scheme").asString());
        String completeBody = json.writeValueAsString(
                java.util.Map.of("signatureValue", Base64.getEncoder().encodeToString(value)));
        String id = step1.get("id").asString();

        var notYours = post("/api/v1/signing/" + id + "/complete", stranger, "application/json", bytes(completeBody));
        assertThat(notYours.body()).contains("signing.error.prepared-unknown");
        var garbage = post(
                "/api/v1/signing/" + id + "/complete",
                clerk,
                "application/json",
                bytes("{\"signatureValue\":\"%%%\"}"));
        assertThat(garbage.body()).contains("signing.error.value-not-base64");

        var completed = post("/api/v1/signing/" + id + "/complete", clerk, "application/json", bytes(completeBody));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        JsonNode step2 = json.readTree(completed.body());
        assertThat(step2.at("/report/signatures/0/verdict").asString()).isEqualTo("VALID");
        assertThat(step2.at("/report/signatures/0/signer").asString()).isEqualTo("Nguyễn Văn An");

        var verified = post("/api/v1/signatures/verify", stranger, "application/pdf", pdf());
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(json.readTree(verified.body()).get("signatures")).isEmpty();
        var notPdf = post("/api/v1/signatures/verify", stranger, "application/pdf", bytes("hello"));
        assertThat(notPdf.statusCode()).isBetween(400, 499);
        assertThat(notPdf.body()).contains("signing.error.not-pdf");
    }

    private HttpResponse<String> post(String path, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", contentType)
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pdf() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(out);
        }
        return out.toByteArray();
    }
}
