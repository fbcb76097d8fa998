package vn.sen.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.sen.demo.DemoFixture;
import vn.sen.organization.Organization;
import vn.sen.shared.RuleViolation;

/** The REST API over real HTTP with API tokens: who gets in, what they see, and errors as JSON. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiTokenTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    DemoFixture demo;

    @Autowired
    Organization organization;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void demoProvince() {
        demo.ensureLoaded();
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        return json.replaceAll("(?s).*?\"" + name + "\"\\s*:\\s*\"?([^\",}]*)\"?.*", "$1");
    }

    @Test
    void without_a_valid_token_the_api_answers_401_in_json_and_sets_no_session() throws Exception {
        var none = get("/api/v1/documents/incoming", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(none.body()).contains("\"code\":\"unauthorized\"");
        assertThat(get("/api/v1/documents/incoming", "sen_" + "x".repeat(40)).statusCode())
                .isEqualTo(401);
        assertThat(get("/api/v1/documents/incoming", "not-a-token").statusCode())
                .isEqualTo(401);

        String secret = tokens.create("vanthu", "thử", 1).secret();
        var ok = get("/api/v1/documents/incoming", secret);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void an_attachment_sent_as_the_body_is_stored_with_its_hash_and_a_wrong_one_is_refused() throws Exception {
        String clerk = tokens.create("vanthu", "máy quét", 1).secret();
        byte[] pdf = ("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        var uploaded = post(
                "/api/v1/documents/attachments?name="
                        + java.net.URLEncoder.encode("Tờ trình.pdf", StandardCharsets.UTF_8),
                clerk,
                "application/octet-stream",
                pdf);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(field(uploaded.body(), "name")).isEqualTo("Tờ trình.pdf");
        assertThat(field(uploaded.body(), "sha256"))
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(pdf)));

        var notPdf = post(
                "/api/v1/documents/attachments?name=scan.pdf",
                clerk,
                "application/octet-stream",
                "MZ program".getBytes(StandardCharsets.US_ASCII));
        assertThat(notPdf.statusCode()).isEqualTo(422);
        assertThat(notPdf.body()).contains("\"code\":\"files.error.content\"");
        var nameless = post("/api/v1/documents/attachments", clerk, "application/octet-stream", pdf);
        assertThat(nameless.statusCode()).isEqualTo(400);
    }

    @Test
    void a_clerk_uploads_and_registers_and_only_those_who_may_read_it_see_it() throws Exception {
        String clerk = tokens.create("vanthu", "phần mềm một cửa", 30).secret();
        String director = tokens.create("giamdoc", "báo cáo", 30).secret();
        String marker = UUID.randomUUID().toString();
        String boundary = "sen" + marker;
        byte[] pdf = ("%PDF-1.4\n% " + marker + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        byte[] multipart = ("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        var body = new java.io.ByteArrayOutputStream();
        body.write(multipart);
        body.write(pdf);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var uploaded = post(
                "/api/v1/documents/attachments",
                clerk,
                "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String fileId = field(uploaded.body(), "id");

        long office = organization.unitByCode("000.00.01.H01").orElseThrow().id();
        String number = Long.toString(System.nanoTime() % 1_000_000);
        String json = """
                {"unitId": %d, "issuerName": "Bộ Tài chính", "issuerCode": "000.00.00.G09", "codeNumber": "%s",
                 "codeNotation": "BTC-NSNN", "type": "OFFICIAL_LETTER", "issuedOn": "%s",
                 "subject": "Hướng dẫn quyết toán qua API", "signerPosition": "", "signerName": "",
                 "urgency": "NORMAL", "confidentiality": "NORMAL", "description": "", "fileIds": ["%s"],
                 "confirmDuplicate": false}
                """.formatted(office, number, LocalDate.now().minusDays(1), fileId);
        var registered =
                post("/api/v1/documents/incoming", clerk, "application/json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String location = registered.headers().firstValue("Location").orElseThrow();

        var read = get(location, clerk);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("Hướng dẫn quyết toán qua API", "\"codeNumber\":\"" + number + "\"");
        var file = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + location + "/files/" + fileId))
                        .header("Authorization", "Bearer " + clerk)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.body()).isEqualTo(pdf);

        var hidden = get(location, director);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).contains("\"code\":\"error.404\"", "Không tìm thấy");

        var again =
                post("/api/v1/documents/incoming", clerk, "application/json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("\"code\":\"documents.error.duplicate\"");
        var broken = post(
                "/api/v1/documents/incoming", clerk, "application/json", "{not json".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("\"code\":\"error.400\"").doesNotContain("Exception");
        var notClerk =
                post("/api/v1/documents/incoming", director, "application/json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(notClerk.statusCode()).isEqualTo(403);

        var inbox = get("/api/v1/documents/inbox?view=PENDING", clerk);
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("\"counts\"");
        assertThat(get("/api/v1/search?q=" + number, clerk).body()).contains(number + "/BTC-NSNN");

        var registers = get("/api/v1/documents/registers", clerk);
        assertThat(registers.statusCode()).isEqualTo(200);
        var incomingRegister = java.util.regex.Pattern.compile("\\{\"id\":(\\d+),[^}]*\"direction\":\"INCOMING\"")
                .matcher(registers.body());
        assertThat(incomingRegister.find()).as(registers.body()).isTrue();
        String register = incomingRegister.group(1);
        var printed = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/v1/documents/registers/" + register + ".xlsx"))
                        .header("Authorization", "Bearer " + clerk)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(printed.statusCode()).isEqualTo(200);
        assertThat(new String(printed.body(), 0, 2, StandardCharsets.ISO_8859_1))
                .isEqualTo("PK");
        assertThat(get("/api/v1/documents/registers/" + register + ".pdf", director)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void tokens_end_are_revoked_and_belong_to_their_account() throws Exception {
        var token = tokens.create("chuyenvien", "máy tính bảng", 7);
        assertThat(get("/api/v1/documents/outgoing", token.secret()).statusCode())
                .isEqualTo(200);
        assertThat(tokens.of("chuyenvien"))
                .anySatisfy(t -> assertThat(t.lastUsedAt()).isNotNull());
        assertThatThrownBy(() -> tokens.revoke("vanthu", token.id()))
                .as("another account's token")
                .isInstanceOf(RuleViolation.class);
        tokens.revoke("chuyenvien", token.id());
        assertThat(get("/api/v1/documents/outgoing", token.secret()).statusCode())
                .isEqualTo(401);

        var expiring = tokens.create("chuyenvien", "hết hạn", 1);
        jdbc.sql("update identity.api_token set expires_at = now() - interval '1 second' where id = :id")
                .param("id", expiring.id())
                .update();
        assertThat(get("/api/v1/documents/outgoing", expiring.secret()).statusCode())
                .isEqualTo(401);
        assertThatThrownBy(() -> tokens.create("chuyenvien", "quá dài", 91)).isInstanceOf(RuleViolation.class);
        assertThat(jdbc.sql("select count(*) from identity.api_token where token_hash = :s")
                        .param("s", expiring.secret())
                        .query(Long.class)
                        .single())
                .as("only the hash is stored")
                .isZero();
    }

    @Test
    void the_openapi_description_is_public_and_lists_the_api() throws Exception {
        var description = get("/v3/api-docs", null);
        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(description.body()).contains("/api/v1/documents/incoming", "/api/v1/search");
        var page = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/docs"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isIn(200, 302);
    }
}
