package vn.sen.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.sen.interchange.Edxml.Business;
import vn.sen.interchange.Edxml.BusinessType;
import vn.sen.interchange.Edxml.DocumentHeader;
import vn.sen.interchange.Edxml.DocumentMessage;
import vn.sen.interchange.Edxml.Organ;
import vn.sen.interchange.Edxml.OtherInfo;
import vn.sen.interchange.Edxml.Signer;
import vn.sen.interchange.Edxml.Staff;
import vn.sen.interchange.Edxml.Trace;

/**
 * Sen as the province's hub, over real HTTP: a department's system sends a message to a commune's, the
 * commune's system lists, fetches and acknowledges it; a retried send is the same message; calls not
 * signed right, from the wrong organisation, to an unknown one, or with something else than edXML are
 * refused with the axis error format; a member cannot fetch another member's message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HubTest {

    static final String DEPARTMENT = "000.00.02.H01";
    static final String COMMUNE = "H01.151.01";

    @LocalServerPort
    int port;

    @Autowired
    Hub hub;

    @Autowired
    AgencyDirectory directory;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void members() {
        hub.register(
                "snv-an-giang", "Sở Nội vụ", "secret-of-the-department", List.of(Organ.of(DEPARTMENT, "Sở Nội vụ")));
        hub.register(
                "xa-my-hoa-hung", "UBND xã Mỹ Hòa Hưng", "secret-of-the-commune", List.of(Organ.of(COMMUNE, "Xã")));
    }

    @Test
    void a_message_goes_from_one_member_to_another_once() throws Exception {
        byte[] message = message(DEPARTMENT, "Về việc tuyển dụng " + System.nanoTime());
        JsonNode sent = call("sendEdoc", "snv-an-giang", "secret-of-the-department", send(COMMUNE), message);
        assertThat(sent.get("status").asString()).isEqualTo("OK");
        String docId = sent.get("DocId").asString();
        JsonNode again = call("sendEdoc", "snv-an-giang", "secret-of-the-department", send(COMMUNE), message);
        assertThat(again.get("DocId").asString())
                .as("a retried send is the same message")
                .isEqualTo(docId);

        JsonNode list = call("getReceivedEdocList", "xa-my-hoa-hung", "secret-of-the-commune", Map.of(), null);
        assertThat(list.get("data").valueStream().map(d -> d.get("docId").asString()))
                .containsOnlyOnce(docId);
        JsonNode fetched = call("getEdoc", "xa-my-hoa-hung", "secret-of-the-commune", Map.of("docId", docId), null);
        assertThat(Base64.getDecoder().decode(fetched.get("data").asString())).isEqualTo(message);

        JsonNode stranger = call("getEdoc", "snv-an-giang", "secret-of-the-department", Map.of("docId", docId), null);
        assertThat(stranger.get("ErrorCode").asString())
                .as("only the recipient's system")
                .isEqualTo("DOC_ID");

        call("updateStatus", "xa-my-hoa-hung", "secret-of-the-commune", Map.of("docId", docId, "status", "done"), null);
        JsonNode after = call("getReceivedEdocList", "xa-my-hoa-hung", "secret-of-the-commune", Map.of(), null);
        assertThat(after.get("data").valueStream().map(d -> d.get("docId").asString()))
                .doesNotContain(docId);
    }

    @Test
    void calls_not_signed_right_or_not_allowed_are_refused_in_the_axis_format() throws Exception {
        byte[] message = message(DEPARTMENT, "Kiểm tra " + System.nanoTime());
        assertRefused(call("sendEdoc", "snv-an-giang", "wrong-secret-of-someone", send(COMMUNE), message), "AUTH");
        assertThat(jdbc.sql("""
                                select outcome from audit.record
                                where action = 'interchange.hub.refused' and actor = 'snv-an-giang'
                                  and details like 'AUTH:%' order by seq desc limit 1
                                """).query(String.class).single())
                .as("a refused call is in the audit trail")
                .isEqualTo("DENIED");
        assertRefused(call("sendEdoc", "nobody", "secret-of-the-department", send(COMMUNE), message), "AUTH");
        var stale = AxisHeaders.sign(
                send(COMMUNE),
                "snv-an-giang",
                "secret-of-the-department",
                Instant.now().minus(10, ChronoUnit.MINUTES));
        assertRefused(raw("sendEdoc", stale, message), "AUTH");
        assertRefused(
                call("sendEdoc", "xa-my-hoa-hung", "secret-of-the-commune", send(COMMUNE), message(COMMUNE, "x")),
                "SENDER"); // from the department's code, through the commune's system
        assertRefused(
                call("sendEdoc", "snv-an-giang", "secret-of-the-department", send("000.00.00.G09"), message),
                "RECIPIENT");
        assertRefused(
                call("sendEdoc", "snv-an-giang", "secret-of-the-department", send(COMMUNE), "<html/>".getBytes()),
                "EDXML");
        byte[] other = message(COMMUNE, "Giả danh");
        assertRefused(
                call("sendEdoc", "snv-an-giang", "secret-of-the-department", send(COMMUNE), other),
                "SENDER"); // the message's From is not the call's from
    }

    /**
     * The directory: the members' agencies listed; what changed after a version — a merger's closed code
     * with the code that replaced it — served to members only; a message for the closed code reaches the
     * system that receives for its successor; nobody signs in as the national axis.
     */
    @Test
    void the_directory_serves_members_codes_and_their_history_and_old_codes_still_route() throws Exception {
        JsonNode before = call("getAgenciesList", "snv-an-giang", "secret-of-the-department", Map.of(), null);
        assertThat(before.get("data").valueStream().map(a -> a.get("code").asString()))
                .contains(DEPARTMENT, COMMUNE);
        long version = before.get("version").asLong();
        String formerCommune = "000.05.99.H01";
        directory.record(AgencyDirectory.Agency.of(formerCommune, "UBND xã Mỹ Hòa"));
        directory.replace(formerCommune, COMMUNE, null, java.time.LocalDate.of(2025, 7, 1));

        JsonNode changed = call(
                "getSynchronizeUnit",
                "snv-an-giang",
                "secret-of-the-department",
                Map.of("version", Long.toString(version)),
                null);
        var former = changed.get("data")
                .valueStream()
                .filter(a -> a.get("code").asString().equals(formerCommune))
                .findFirst()
                .orElseThrow();
        assertThat(former.get("deleted").asBoolean()).isTrue();
        assertThat(former.get("replacedBy").asString()).isEqualTo(COMMUNE);
        assertThat(former.get("validTo").asString()).isEqualTo("2025-06-30");
        assertThat(call("getAgenciesList", "snv-an-giang", "secret-of-the-department", Map.of(), null)
                        .get("data")
                        .valueStream()
                        .map(a -> a.get("code").asString()))
                .as("a closed code is not offered as a recipient")
                .doesNotContain(formerCommune);
        assertRefused(
                call("getSynchronizeUnit", "snv-an-giang", "secret-of-the-department", Map.of("version", "x"), null),
                "VERSION");
        assertRefused(call("getAgenciesList", "snv-an-giang", "wrong-secret-of-someone", Map.of(), null), "AUTH");
        assertRefused(call("getAgenciesList", Hub.UPSTREAM, "anything-at-all-here", Map.of(), null), "AUTH");

        byte[] message = message(DEPARTMENT, "Gửi mã cũ " + System.nanoTime());
        JsonNode sent = call("sendEdoc", "snv-an-giang", "secret-of-the-department", send(formerCommune), message);
        assertThat(sent.get("status").asString()).isEqualTo("OK");
        JsonNode list = call("getReceivedEdocList", "xa-my-hoa-hung", "secret-of-the-commune", Map.of(), null);
        assertThat(list.get("data").valueStream().map(d -> d.get("docId").asString()))
                .as("the old code reaches the system that receives for the new one")
                .contains(sent.get("DocId").asString());
    }

    /**
     * A provincial hub of another vendor that does not number its changes answers with its whole
     * directory, in its own field names: taken as it is; an agency it stops listing is deleted here.
     */
    @Test
    void a_hub_without_versions_gives_its_whole_directory_and_what_it_drops_is_deleted() throws Exception {
        var lists = new java.util.ArrayDeque<>(List.of("""
                {"status":"OK","data":[{"organId":"000.07.01.H01","organName":"UBND xã An Phú"},
                  {"organId":"000.07.02.H01","organName":"UBND xã Vĩnh Hậu"}]}""", """
                {"status":"OK","data":[{"organId":"000.07.01.H01","organName":"UBND xã An Phú"}]}"""));
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/axis/getSynchronizeUnit", exchange -> {
            byte[] body = lists.size() > 1
                    ? lists.poll().getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : lists.peek().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            var properties = new InterchangeProperties(
                    null,
                    null,
                    null,
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/axis/"),
                    "sen-an-giang",
                    "secret-of-the-province-1",
                    null,
                    12,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            var sync = new DirectorySync(
                    directory,
                    transactions,
                    properties,
                    new Transports(properties, List.of(new AxisClient.Factory()), java.time.Clock.systemUTC()));
            assertThat(sync.sync()).isEqualTo(new AgencyDirectory.Changes(2, 0, 0));
            assertThat(sync.sync())
                    .as("the second no longer lists Vĩnh Hậu")
                    .isEqualTo(new AgencyDirectory.Changes(0, 0, 1));
            assertThat(directory.find("000.07.02.H01").orElseThrow().deleted()).isTrue();
            assertThat(directory.find("000.07.01.H01").orElseThrow().name()).isEqualTo("UBND xã An Phú");
            assertThat(directory.find(DEPARTMENT).orElseThrow().deleted())
                    .as("what this hub recorded itself is not that hub's to delete")
                    .isFalse();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void sen_hub_member_registers_a_system_and_prints_its_secret_once() throws Exception {
        var out = new java.io.StringWriter();
        command("hub member")
                .run(List.of("dang-uy-tinh", "Tỉnh ủy An Giang", "000.00.00.K01"), new java.io.PrintWriter(out, true));
        JsonNode member = json.readTree(out.toString());
        String secret = member.get("secret").asString();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        JsonNode list = call("getReceivedEdocList", "dang-uy-tinh", secret, Map.of(), null);
        assertThat(list.get("status").asString()).isEqualTo("OK");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> command("hub member")
                        .run(
                                List.of("x y", "Tên", "000.00.00.K01"),
                                new java.io.PrintWriter(new java.io.StringWriter())))
                .isInstanceOf(vn.sen.shared.Command.CommandException.class)
                .hasMessageContaining("system id");
    }

    @Test
    void sen_directory_records_a_merger_shows_it_and_refuses_bad_input_in_one_line() throws Exception {
        var out = new java.io.StringWriter();
        directory.record(AgencyDirectory.Agency.of("000.06.01.H01", "UBND xã Phú Hòa"));
        command("directory replace")
                .run(
                        List.of("000.06.01.H01", "000.06.02.H01", "2025-07-01", "UBND xã Phú Hòa mới"),
                        new java.io.PrintWriter(out, true));
        assertThat(json.readTree(out.toString()).get("replacedBy").asString()).isEqualTo("000.06.02.H01");
        var shown = new java.io.StringWriter();
        command("directory show").run(List.of("000.06.01.H01"), new java.io.PrintWriter(shown, true));
        assertThat(json.readTree(shown.toString()).get("current").get("name").asString())
                .isEqualTo("UBND xã Phú Hòa mới");

        var quiet = new java.io.PrintWriter(new java.io.StringWriter());
        for (var bad : List.of(
                List.of("directory replace", "000.06.01.H01", "000.06.03.H01", "30/02/2025"),
                List.of("directory replace", "000.09.99.H01", "000.06.03.H01", "2025-07-01"),
                List.of("directory show", "000.09.99.H01"),
                List.of("directory sync"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> command(bad.getFirst()).run(bad.subList(1, bad.size()), quiet))
                    .as(bad.toString())
                    .isInstanceOf(vn.sen.shared.Command.CommandException.class)
                    .hasMessageNotContaining("\n")
                    .hasMessageMatching(".*(not a date|no agency|not connected).*");
        }
    }

    @Autowired
    List<vn.sen.shared.Command> commands;

    private vn.sen.shared.Command command(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static Map<String, String> send(String to) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("from", DEPARTMENT);
        headers.put("to", "[\"" + to + "\"]");
        headers.put("servicetype", "eDoc");
        headers.put("messagetype", "edoc");
        return headers;
    }

    private JsonNode call(String name, String system, String secret, Map<String, String> headers, byte[] body)
            throws Exception {
        return raw(name, AxisHeaders.sign(headers, system, secret, Instant.now()), body);
    }

    private JsonNode raw(String name, Map<String, String> headers, byte[] body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/axis/" + name));
        headers.forEach(request::header);
        request.method(
                body == null ? "GET" : "POST",
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (name.equals("updateStatus")) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }

    private static void assertRefused(JsonNode answer, String code) {
        assertThat(answer.get("status").asString()).isEqualTo("FAIL");
        assertThat(answer.get("ErrorCode").asString()).as(answer.toString()).isEqualTo(code);
        assertThat(answer.get("ErrorDesc").asString()).isNotBlank();
    }

    private static byte[] message(String from, String subject) {
        var header = new DocumentHeader(
                Organ.of(from, "Sở Nội vụ"),
                List.of(Organ.of(COMMUNE, "UBND xã Mỹ Hòa Hưng")),
                from + ",2026/11/24,12/SNV-TCBC",
                "12",
                "SNV-TCBC",
                "An Giang",
                LocalDate.of(2026, 11, 24),
                1,
                "",
                "Công văn",
                subject,
                "",
                new Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"),
                null,
                OtherInfo.NONE,
                List.of(),
                null,
                List.of());
        var out = new ByteArrayOutputStream();
        new EdxmlWriter()
                .write(
                        new DocumentMessage(
                                header,
                                new Trace(
                                        List.of(), Business.of(header.documentId(), BusinessType.NEW, "", Staff.NONE)),
                                List.of()),
                        List.of(),
                        out);
        return out.toByteArray();
    }
}
