package vn.sen.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.sen.interchange.ProvinceDecisions.eventually;
import static vn.sen.interchange.ProvinceDecisions.freePort;
import static vn.sen.interchange.ProvinceDecisions.instance;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.sen.demo.DemoFixture;
import vn.sen.documents.OutgoingViews.ExternalRecipient;
import vn.sen.documents.Urgency;
import vn.sen.interchange.Edxml.Organ;
import vn.sen.interchange.Edxml.StatusCode;

/**
 * The province's hub forwards to the national axis: three Sen installations on loopback — one playing
 * the national axis (with a Ministry's system as its member), the province's hub (a member of the axis
 * for the province's codes, forwarding what its members send outside the province), and the province's
 * People's Committee (a member of the hub). The directory comes down from the axis with the code history
 * of a merger; a decision addressed to the Ministry's old code goes to its code of today, up through the
 * hub to the axis and the Ministry; the Ministry's "registered" comes back down onto the document.
 */
class NationalAxisTest {

    static final String PROVINCE = "000.00.00.H01";
    static final String MINISTRY = "000.00.00.G09";
    static final String MINISTRY_BEFORE = "000.00.00.G15";

    static ConfigurableApplicationContext national;
    static ConfigurableApplicationContext hub;
    static ConfigurableApplicationContext province;
    static AxisClient ministry;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        int nationalPort = freePort();
        national = instance(nationalPort, null, null, null);
        String axis = "http://localhost:" + nationalPort + "/axis/";
        Hub nationalHub = national.getBean(Hub.class);
        nationalHub.register(
                "lgsp-an-giang",
                "LGSP An Giang",
                "secret-of-the-lgsp-an-giang",
                List.of(Organ.of(PROVINCE, "UBND tỉnh An Giang")));
        nationalHub.register(
                "bo-noi-vu", "Bộ Nội vụ", "secret-of-the-ministry-1", List.of(Organ.of(MINISTRY, "Bộ Nội vụ")));
        // the Ministry took over another one in 2025: its old code resolves to today's
        var directory = national.getBean(AgencyDirectory.class);
        directory.record(AgencyDirectory.Agency.of(MINISTRY_BEFORE, "Bộ Lao động - Thương binh và Xã hội"));
        directory.replace(MINISTRY_BEFORE, MINISTRY, null, LocalDate.of(2025, 3, 1));
        ministry = new AxisClient(
                URI.create(axis), "bo-noi-vu", "secret-of-the-ministry-1", Duration.ofSeconds(5), Clock.systemUTC());

        int hubPort = freePort();
        hub = instance(
                hubPort,
                List.of(
                        "--sen.interchange.upstream-url=" + axis,
                        "--sen.interchange.upstream-system-id=lgsp-an-giang",
                        "--sen.interchange.upstream-secret=secret-of-the-lgsp-an-giang"));
        hub.getBean(Hub.class)
                .register(
                        "ubnd-an-giang",
                        "UBND tỉnh An Giang",
                        "secret-of-the-province-1",
                        List.of(Organ.of(PROVINCE, "")));
        province = instance(
                freePort(), "http://localhost:" + hubPort + "/axis/", "ubnd-an-giang", "secret-of-the-province-1");
    }

    @AfterAll
    static void stop() {
        for (var context : new ConfigurableApplicationContext[] {province, hub, national}) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    void the_directory_comes_down_and_a_document_goes_up_to_the_axis_and_its_status_comes_back() throws Exception {
        // the directory: axis → hub → province, with the merger's code history
        assertThat(hub.getBean(DirectorySync.class).sync())
                .as("the Ministry and its old code; the province's entry is the same")
                .isEqualTo(new AgencyDirectory.Changes(2, 0, 0));
        assertThat(province.getBean(DirectorySync.class).sync()).isEqualTo(new AgencyDirectory.Changes(3, 0, 0));
        var directory = province.getBean(AgencyDirectory.class);
        assertThat(directory.find(MINISTRY_BEFORE).orElseThrow()).satisfies(old -> {
            assertThat(old.deleted()).isTrue();
            assertThat(old.replacedBy()).isEqualTo(MINISTRY);
            assertThat(old.validTo()).isEqualTo(LocalDate.of(2025, 2, 28));
        });
        assertThat(directory.current(MINISTRY_BEFORE).orElseThrow().name()).isEqualTo("Bộ Nội vụ");
        assertThat(province.getBean(DirectorySync.class).sync().total())
                .as("nothing changed since")
                .isZero();

        // a decision to the Ministry's old code goes to its code of today, through the hub and up the axis
        province.getBean(DemoFixture.class).ensureLoaded();
        long id = ProvinceDecisions.released(
                province,
                ("%PDF-1.4 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8),
                "Báo cáo gửi Bộ",
                Urgency.NORMAL,
                List.of(),
                List.of(new ExternalRecipient("Bộ Lao động - Thương binh và Xã hội", MINISTRY_BEFORE)));
        Outbox outbox = province.getBean(Outbox.class);
        var queued = eventually(() -> outbox.deliveries(id), d -> !d.isEmpty()).getFirst();
        assertThat(queued.recipient()).isEqualTo(MINISTRY);
        assertThat(queued.recipientName()).isEqualTo("Bộ Nội vụ");
        province.getBean(InterchangeWorker.class).exchange();
        assertThat(outbox.deliveries(id).getFirst().state()).isEqualTo(Outbox.State.SENT);
        assertThat(ministry.received())
                .as("not at the axis before the hub forwards")
                .isEmpty();
        assertThat(hub.getBean(HubForwarder.class).forward()).isEqualTo(1);
        assertThat(hub.getBean(HubForwarder.class).forward()).as("once").isZero();

        var waiting = ministry.received();
        assertThat(waiting).singleElement().satisfies(w -> {
            assertThat(w.from()).isEqualTo(PROVINCE);
            assertThat(w.to()).isEqualTo(MINISTRY);
        });
        Path file = dir.resolve("received.xml");
        try (var out = Files.newOutputStream(file)) {
            ministry.fetch(waiting.getFirst().docId(), out);
        }
        String documentId;
        try (var read = new EdxmlReader(EdxmlReader.Limits.DEFAULT, dir).read(Files.newInputStream(file))) {
            var header = ((Edxml.DocumentMessage) read.message()).header();
            assertThat(header.subject()).startsWith("Báo cáo gửi Bộ");
            documentId = header.documentId();
        }
        ministry.acknowledge(waiting.getFirst().docId(), "done");

        // the Ministry registers it: the status comes down the axis, through the hub, onto the document
        Path status = dir.resolve("status.xml");
        Files.write(
                status,
                ProvinceDecisions.status(Organ.of(MINISTRY, "Bộ Nội vụ"), PROVINCE, documentId, StatusCode.REGISTERED));
        ministry.send(status, MINISTRY, List.of(PROVINCE), "status");
        assertThat(hub.getBean(HubForwarder.class).collect()).isEqualTo(1);
        assertThat(hub.getBean(HubForwarder.class).collect())
                .as("acknowledged: it comes once")
                .isZero();
        province.getBean(InterchangeWorker.class).exchange();
        var delivered = outbox.deliveries(id).getFirst();
        assertThat(delivered.state()).isEqualTo(Outbox.State.DELIVERED);
        assertThat(delivered.statusCode()).isEqualTo("03");
    }

    @Test
    void a_hub_without_a_member_for_a_code_refuses_what_the_axis_brings_for_it() throws Exception {
        Path status = dir.resolve("astray.xml");
        Files.write(
                status,
                ProvinceDecisions.status(
                        Organ.of(MINISTRY, "Bộ Nội vụ"), PROVINCE, "x,2026/11/24,1/QĐ", StatusCode.ARRIVED));
        var hubDb = hub.getBean(JdbcClient.class);
        String upstream = "select count(*) from interchange.hub_message where system_id = 'axis:upstream'";
        int before = hubDb.sql(upstream).query(Integer.class).single();
        // the axis routes the province's code to the hub, which has no member for it any more
        hubDb.sql("update interchange.hub_organ set organ_id = 'gone' where organ_id = :p")
                .param("p", PROVINCE)
                .update();
        try {
            ministry.send(status, MINISTRY, List.of(PROVINCE), "status");
            assertThat(hub.getBean(HubForwarder.class).collect()).isZero();
            assertThat(national.getBean(JdbcClient.class)
                            .sql("select state from interchange.hub_message where sha256 = :sha")
                            .param("sha", sha256(Files.readAllBytes(status)))
                            .query(String.class)
                            .single())
                    .as("the hub told the axis it failed")
                    .isEqualTo("FAILED");
            assertThat(hubDb.sql(upstream).query(Integer.class).single())
                    .as("and did not send it back up")
                    .isEqualTo(before);
        } finally {
            hubDb.sql("update interchange.hub_organ set organ_id = :p where organ_id = 'gone'")
                    .param("p", PROVINCE)
                    .update();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
