package vn.sen.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.sen.interchange.ProvinceDecisions.eventually;
import static vn.sen.interchange.ProvinceDecisions.freePort;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.sen.demo.DemoFixture;
import vn.sen.documents.IncomingDocumentRouted;
import vn.sen.documents.OutgoingDocuments;
import vn.sen.documents.OutgoingViews.ExternalRecipient;
import vn.sen.documents.Urgency;
import vn.sen.files.FileManagement;
import vn.sen.identity.TestLogins;
import vn.sen.interchange.Edxml.Business;
import vn.sen.interchange.Edxml.BusinessType;
import vn.sen.interchange.Edxml.DocumentHeader;
import vn.sen.interchange.Edxml.DocumentMessage;
import vn.sen.interchange.Edxml.Organ;
import vn.sen.interchange.Edxml.OtherInfo;
import vn.sen.interchange.Edxml.Signer;
import vn.sen.interchange.Edxml.Staff;
import vn.sen.interchange.Edxml.StatusCode;
import vn.sen.interchange.Edxml.StatusMessage;
import vn.sen.interchange.Edxml.Trace;
import vn.sen.organization.Organization;
import vn.sen.shared.UserScope;

/**
 * The whole exchange over real HTTP on loopback, this installation being both the province's hub and a
 * member of it, the Ministry of Finance played by an axis client: a released decision goes out and is
 * fetched by the Ministry; the Ministry's "registered" status comes back onto the document; a document
 * from the Ministry lands once in the inbox, however often it is fetched, and "arrived" goes back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class InterchangeFlowTest {

    static final int PORT = freePort();
    static final String MINISTRY = "000.00.00.G09";
    static final String PROVINCE = "000.00.00.H01";

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("sen.interchange.hub-url", () -> "http://localhost:" + PORT + "/axis/");
        registry.add("sen.interchange.system-id", () -> "sen-an-giang");
        registry.add("sen.interchange.secret", () -> "secret-of-the-province-sen");
        registry.add("sen.interchange.poll-interval", () -> "1h");
    }

    @Autowired
    Hub hub;

    @Autowired
    InterchangeWorker worker;

    @Autowired
    Outbox outbox;

    @Autowired
    DemoFixture demo;

    @Autowired
    TestLogins logins;

    @Autowired
    Organization organization;

    @Autowired
    OutgoingDocuments outgoing;

    @Autowired
    FileManagement files;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReceivedDocuments received;

    @Autowired
    vn.sen.documents.IncomingDocuments incomingDocuments;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @TempDir
    Path dir;

    vn.sen.signing.SignatureDevice ministryKey;

    @Autowired
    vn.sen.signing.TrustAnchors anchors;

    @org.junit.jupiter.api.BeforeEach
    void ministryKey() {
        var pki = vn.sen.signing.TestPki.shared();
        pki.trustRoot(anchors);
        ministryKey =
                vn.sen.signing.SignatureDevices.pkcs12(pki.signer.pkcs12(dir, "btc"), vn.sen.signing.TestPki.PASSWORD);
    }

    @org.junit.jupiter.api.AfterEach
    void closeKey() {
        ministryKey.close();
    }

    @Test
    void documents_and_statuses_go_both_ways_through_the_hub() throws Exception {
        var ministry = ministry();

        // out: the province's decision to the Ministry
        byte[] pdf = ("%PDF-1.4 quyết định " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        long id = released(pdf);
        eventually(() -> outbox.deliveries(id), d -> !d.isEmpty());
        worker.exchange();
        var delivery = outbox.deliveries(id).getFirst();
        assertThat(delivery.state()).isEqualTo(Outbox.State.SENT);
        var waiting = ministry.received();
        assertThat(waiting).singleElement().satisfies(w -> assertThat(w.from()).isEqualTo(PROVINCE));
        Edxml.DocumentMessage fetched;
        Path file = dir.resolve("nhan.xml");
        try (var out = Files.newOutputStream(file)) {
            ministry.fetch(waiting.getFirst().docId(), out);
        }
        try (var read = new EdxmlReader(EdxmlReader.Limits.DEFAULT, dir).read(Files.newInputStream(file))) {
            fetched = (Edxml.DocumentMessage) read.message();
            assertThat(read.attachments().getFirst().sha256()).isEqualTo(sha256(pdf));
        }
        ministry.acknowledge(waiting.getFirst().docId(), "done");
        assertThat(fetched.header().to()).extracting(Organ::organId).containsExactly(MINISTRY);

        // back: the Ministry registered it
        send(ministry, status(fetched.header().documentId(), StatusCode.REGISTERED), "status");
        worker.exchange();
        var after = outbox.deliveries(id).getFirst();
        assertThat(after.statusCode()).isEqualTo("03");
        assertThat(after.state()).isEqualTo(Outbox.State.DELIVERED);

        // in: a document from the Ministry, fetched twice, kept once, 01 goes back
        String documentId = MINISTRY + ",2026/11/24," + System.nanoTime() % 1000 + "/BTC-NSNN";
        byte[] document = document(documentId);
        send(ministry, document, "edoc");
        worker.exchange();
        send(ministry, document, "edoc"); // the hub keeps it as one; a second fetch would add nothing either
        worker.exchange();
        assertThat(jdbc.sql("select count(*) from interchange.inbox where document_id = :d")
                        .param("d", documentId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        var statuses = ministry.received();
        assertThat(statuses)
                .singleElement()
                .satisfies(s -> assertThat(s.messageType()).isEqualTo("status"));
        Path status = dir.resolve("trang-thai.xml");
        try (var out = Files.newOutputStream(status)) {
            ministry.fetch(statuses.getFirst().docId(), out);
        }
        try (var read = new EdxmlReader(EdxmlReader.Limits.DEFAULT, dir).read(Files.newInputStream(status))) {
            var header = ((StatusMessage) read.message()).header();
            assertThat(header.statusCode()).isEqualTo(StatusCode.ARRIVED);
            assertThat(header.responseFor().documentId()).isEqualTo(documentId);
            assertThat(header.from().organId()).isEqualTo(PROVINCE);
        }
        ministry.acknowledge(statuses.getFirst().docId(), "done");

        // the Office's clerk registers it: an incoming document of the province with the Ministry's data
        UserScope clerk = scope("vanthu");
        var waitingHere = received.waiting(clerk);
        assertThat(waitingHere)
                .extracting(ReceivedDocuments.Received::documentId)
                .contains(documentId);
        assertThat(waitingHere)
                .filteredOn(r -> r.documentId().equals(documentId))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.signatureValid()).as(r.signatureProblem()).isTrue();
                    assertThat(r.signatureTrusted())
                            .as("the test PKI's root is trusted here")
                            .isTrue();
                    assertThat(r.signer()).contains("CN=");
                });
        long inboxId = waitingHere.stream()
                .filter(r -> r.documentId().equals(documentId))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(received.waiting(scope("chuyenvien"))).as("only clerks").isEmpty();
        assertThatThrownBy(() -> received.register(scope("chuyenvien"), inboxId, false))
                .isInstanceOf(AccessDeniedException.class);
        var registered = received.register(clerk, inboxId, false);
        assertThat(registered.issuerName()).isEqualTo("Bộ Tài chính");
        assertThat(registered.issuerCode()).isEqualTo(MINISTRY);
        assertThat(registered.codeNotation()).isEqualTo("BTC-NSNN");
        assertThat(registered.subject()).isEqualTo("Hướng dẫn quyết toán ngân sách năm 2026");
        assertThat(registered.files())
                .singleElement()
                .satisfies(f -> assertThat(f.name()).isEqualTo("cong-van.pdf"));
        assertThatThrownBy(() -> received.register(clerk, inboxId, false))
                .hasMessageContaining("interchange.error.not-waiting");
        worker.exchange();
        assertThat(statusesFor(ministry)).containsExactly(StatusCode.REGISTERED);

        // its routing answers too: assigned → 04
        transactions.executeWithoutResult(tx -> events.publishEvent(
                new IncomingDocumentRouted("lanhdao", registered.id(), "assigned lead", "Sở Tài chính")));
        eventually(
                () -> jdbc.sql("select count(*) from interchange.status_outbox where inbox_id = :i")
                        .param("i", inboxId)
                        .query(Integer.class)
                        .single(),
                n -> n == 3);
        worker.exchange();
        assertThat(statusesFor(ministry)).containsExactly(StatusCode.ASSIGNED);

        // the Ministry recalls the registered document: the province's copy is recalled, 15 goes back
        send(ministry, revocation(documentId), "edoc");
        worker.exchange();
        assertThat(statusesFor(ministry)).containsExactly(StatusCode.RECALL_ACCEPTED);
        var recalled = incomingDocuments.find(clerk, registered.id()).orElseThrow();
        assertThat(recalled.recalled()).isTrue();
        assertThat(recalled.files())
                .as("the recalled copy's files are unlinked")
                .isEmpty();
        send(ministry, revocation(MINISTRY + ",2026/01/01,1/BTC"), "edoc");
        worker.exchange();
        assertThat(statusesFor(ministry)).as("nothing to recall").containsExactly(StatusCode.RECALL_REFUSED);

        // another system's way: a status 13 asks a document back — recalled, 15; about nothing received, 16
        String askedBack = MINISTRY + ",2026/11/24," + (System.nanoTime() % 1000 + 2000) + "/BTC-NSNN";
        send(ministry, document(askedBack), "edoc");
        worker.exchange();
        assertThat(statusesFor(ministry)).containsExactly(StatusCode.ARRIVED);
        send(ministry, status(askedBack, StatusCode.RECALL_REQUESTED), "status");
        worker.exchange();
        assertThat(statusesFor(ministry)).containsExactly(StatusCode.RECALL_ACCEPTED);
        assertThat(received.waiting(clerk))
                .extracting(ReceivedDocuments.Received::documentId)
                .doesNotContain(askedBack);
        send(ministry, status(MINISTRY + ",2026/01/02,2/BTC", StatusCode.RECALL_REQUESTED), "status");
        worker.exchange();
        assertThat(statusesFor(ministry)).containsExactly(StatusCode.RECALL_REFUSED);

        // a message changed on the way: its signature does not verify — refused with 02, never offered to the
        // clerks, kept in the audit trail
        String forged = MINISTRY + ",2026/11/24," + (System.nanoTime() % 1000 + 3000) + "/BTC-NSNN";
        String signed = new String(
                message(forged, Business.of(forged, BusinessType.NEW, "", Staff.NONE), "Cấp kinh phí 100 triệu đồng"),
                StandardCharsets.UTF_8);
        send(ministry, signed.replace("100 triệu", "900 triệu").getBytes(StandardCharsets.UTF_8), "edoc");
        worker.exchange();
        assertThat(statusesFor(ministry)).containsExactly(StatusCode.REJECTED);
        assertThat(received.waiting(clerk))
                .extracting(ReceivedDocuments.Received::documentId)
                .doesNotContain(forged);
        assertThat(audited("interchange.message.signature-invalid", forged)).isEqualTo(1);

        // a status about a document the province never sent: kept in the audit trail, nothing else changes
        String neverSent = PROVINCE + ",2026/01/03,3/QĐ-UBND";
        send(ministry, status(neverSent, StatusCode.REGISTERED), "status");
        worker.exchange();
        assertThat(audited("interchange.status.unknown-document", neverSent)).isEqualTo(1);

        // another is refused, with the reason
        String other = MINISTRY + ",2026/11/24," + (System.nanoTime() % 1000 + 1000) + "/BTC-NSNN";
        send(ministry, document(other), "edoc");
        worker.exchange();
        statusesFor(ministry); // its 01
        long otherId = received.waiting(clerk).stream()
                .filter(r -> r.documentId().equals(other))
                .findFirst()
                .orElseThrow()
                .id();
        assertThatThrownBy(() -> received.reject(clerk, otherId, " "))
                .hasMessageContaining("documents.error.reason-required");
        received.reject(clerk, otherId, "Gửi nhầm cơ quan");
        worker.exchange();
        assertThat(statusesFor(ministry)).containsExactly(StatusCode.REJECTED);
        assertThat(received.waiting(clerk))
                .extracting(ReceivedDocuments.Received::documentId)
                .doesNotContain(other);
    }

    /**
     * Updates and replacements from the Ministry: changed information reaches a copy still waiting, a
     * removed recipient's copy is withdrawn, a replacement waits for the clerk and notes the registered
     * document it replaces; 15 answers the updates, 16 an update of nothing.
     */
    @Test
    void updates_and_replacements_apply_to_the_copies_received() throws Exception {
        var ministry = ministry();
        UserScope clerk = scope("vanthu");
        String d3 = MINISTRY + ",2026/11/25," + System.nanoTime() % 1000 + "/BTC-QLN";
        send(ministry, message(d3, Business.of(d3, BusinessType.NEW, "", Staff.NONE), "Kế hoạch vay nợ"), "edoc");
        worker.exchange();
        assertThat(statusesFor(ministry)).containsExactly(StatusCode.ARRIVED);

        var corrected = new Business(
                d3, BusinessType.UPDATE, "Sửa trích yếu", 0, true, false, List.of(), List.of(), Staff.NONE);
        send(ministry, message(d3, corrected, "Kế hoạch vay và trả nợ công"), "edoc");
        worker.exchange();
        assertThat(statusesFor(ministry)).containsExactly(StatusCode.RECALL_ACCEPTED);
        assertThat(received.waiting(clerk))
                .filteredOn(r -> r.documentId().equals(d3))
                .singleElement()
                .satisfies(r -> assertThat(r.subject()).isEqualTo("Kế hoạch vay và trả nợ công"));

        var removed = new Business(
                d3,
                BusinessType.UPDATE,
                "Gửi nhầm",
                0,
                false,
                true,
                List.of(new Edxml.Receiver(PROVINCE, false)),
                List.of(),
                Staff.NONE);
        send(ministry, message(d3, removed, "Kế hoạch vay và trả nợ công"), "edoc");
        worker.exchange();
        assertThat(statusesFor(ministry)).containsExactly(StatusCode.RECALL_ACCEPTED);
        assertThat(received.waiting(clerk))
                .extracting(ReceivedDocuments.Received::documentId)
                .doesNotContain(d3);

        String nothing = MINISTRY + ",2026/01/02,2/BTC";
        send(
                ministry,
                message(
                        nothing,
                        new Business(
                                nothing, BusinessType.UPDATE, "", 0, true, false, List.of(), List.of(), Staff.NONE),
                        "x"),
                "edoc");
        worker.exchange();
        assertThat(statusesFor(ministry)).containsExactly(StatusCode.RECALL_REFUSED);

        String d5 = MINISTRY + ",2026/11/25," + (System.nanoTime() % 1000 + 2000) + "/BTC-TCNH";
        send(ministry, message(d5, Business.of(d5, BusinessType.NEW, "", Staff.NONE), "Quy chế tài chính"), "edoc");
        worker.exchange();
        statusesFor(ministry);
        long d5Inbox = received.waiting(clerk).stream()
                .filter(r -> r.documentId().equals(d5))
                .findFirst()
                .orElseThrow()
                .id();
        var registered = received.register(clerk, d5Inbox, true);
        String d6 = MINISTRY + ",2026/11/26," + (System.nanoTime() % 1000 + 3000) + "/BTC-TCNH";
        var replacement = new Business(
                d6,
                BusinessType.REPLACEMENT,
                "Thay thế do sai thể thức",
                0,
                false,
                false,
                List.of(),
                List.of(new Edxml.Replacement(d5, List.of(PROVINCE))),
                Staff.NONE);
        send(ministry, message(d6, replacement, "Quy chế tài chính (thay thế)"), "edoc");
        worker.exchange();
        assertThat(received.waiting(clerk))
                .extracting(ReceivedDocuments.Received::documentId)
                .contains(d6);
        assertThat(routing.history(registered.id()))
                .anySatisfy(h -> assertThat(h.action()).isEqualTo("REPLACED"));
    }

    @Autowired
    vn.sen.documents.Routing routing;

    /**
     * The demo province and this installation connected to its own hub, the Ministry of Finance as a
     * member of it; the Ministry's axis client, with nothing an earlier test left waiting.
     */
    private AxisClient ministry() {
        demo.ensureLoaded();
        hub.register("sen-an-giang", "Sen An Giang", "secret-of-the-province-sen", List.of(Organ.of(PROVINCE, "UBND")));
        hub.register("bo-tai-chinh", "Bộ Tài chính", "secret-of-the-ministry", List.of(Organ.of(MINISTRY, "BTC")));
        var ministry = new AxisClient(
                URI.create("http://localhost:" + PORT + "/axis/"),
                "bo-tai-chinh",
                "secret-of-the-ministry",
                Duration.ofSeconds(5),
                Clock.systemUTC());
        drain(ministry);
        return ministry;
    }

    /** Acknowledges whatever an earlier test left waiting for the Ministry. */
    private static void drain(AxisClient ministry) {
        for (var waiting : ministry.received()) {
            ministry.acknowledge(waiting.docId(), "done");
        }
    }

    /** The status codes waiting for the Ministry, fetched and acknowledged. */
    private List<StatusCode> statusesFor(AxisClient ministry) throws IOException {
        List<StatusCode> codes = new java.util.ArrayList<>();
        for (var waiting : ministry.received()) {
            Path file = dir.resolve("st-" + System.nanoTime() + ".xml");
            try (var out = Files.newOutputStream(file)) {
                ministry.fetch(waiting.docId(), out);
            }
            try (var read = new EdxmlReader(EdxmlReader.Limits.DEFAULT, dir).read(Files.newInputStream(file))) {
                codes.add(((StatusMessage) read.message()).header().statusCode());
            }
            ministry.acknowledge(waiting.docId(), "done");
        }
        return codes;
    }

    private void send(AxisClient ministry, byte[] message, String type) throws IOException {
        Path file = dir.resolve("gui-" + System.nanoTime() + ".xml");
        Files.write(file, message);
        ministry.send(file, MINISTRY, List.of(PROVINCE), type);
    }

    private static byte[] status(String documentId, StatusCode code) {
        return ProvinceDecisions.status(Organ.of(MINISTRY, "Bộ Tài chính"), PROVINCE, documentId, code);
    }

    /**
     * The 2025 mergers: a document received from an agency's old code, then recalled from the code that
     * replaced it — the copy is found and recalled, 15 goes back; the 01 of a document from the old code
     * goes to the code of today.
     */
    @Test
    void a_recall_from_the_code_that_replaced_the_senders_finds_the_copy() throws Exception {
        var ministry = ministry();
        String before = "000.00.00.G15";
        hub.register(
                "bo-tai-chinh",
                "Bộ Tài chính",
                "secret-of-the-ministry",
                List.of(Organ.of(MINISTRY, "BTC"), Organ.of(before, "Bộ cũ")));
        String documentId = before + ",2025/01/10," + (System.nanoTime() % 1000 + 100) + "/BKH";
        Path file = dir.resolve("cu-" + System.nanoTime() + ".xml");
        Files.write(file, message(documentId, Business.of(documentId, BusinessType.NEW, "", Staff.NONE), "Cũ", before));
        ministry.send(file, before, List.of(PROVINCE), "edoc");
        worker.exchange();
        assertThat(statusesFor(ministry)).containsExactly(StatusCode.ARRIVED);

        directory.record(AgencyDirectory.Agency.of(before, "Bộ cũ"));
        directory.replace(before, MINISTRY, null, LocalDate.of(2025, 3, 1));
        send(ministry, revocation(documentId), "edoc"); // from the Ministry's code of today
        worker.exchange();
        assertThat(statusesFor(ministry)).containsExactly(StatusCode.RECALL_ACCEPTED);
        assertThat(received.waiting(scope("vanthu")))
                .extracting(ReceivedDocuments.Received::documentId)
                .doesNotContain(documentId);
    }

    private byte[] revocation(String documentId) {
        return message(documentId, BusinessType.REVOCATION, "Ban hành nhầm, thu hồi");
    }

    private byte[] document(String documentId) {
        return message(documentId, BusinessType.NEW, "");
    }

    /** A message of the Ministry, signed with its key (rsa-sha256). */
    private byte[] message(String documentId, BusinessType type, String reason) {
        return message(
                documentId,
                Business.of(documentId, type, reason, Staff.NONE),
                "Hướng dẫn quyết toán ngân sách năm 2026");
    }

    /** A message of the Ministry for {@code documentId} ({@code organ,date,number/notation}). */
    private byte[] message(String documentId, Business business, String subject) {
        return message(documentId, business, subject, MINISTRY);
    }

    /** A message of the Ministry from its organisation code {@code from}. */
    private byte[] message(String documentId, Business business, String subject, String from) {
        String code = documentId.substring(documentId.lastIndexOf(',') + 1);
        var header = new DocumentHeader(
                Organ.of(from, "Bộ Tài chính"),
                List.of(Organ.of(PROVINCE, "UBND tỉnh An Giang")),
                documentId,
                code.substring(0, code.indexOf('/')),
                code.substring(code.indexOf('/') + 1),
                "Hà Nội",
                LocalDate.of(2026, 11, 24),
                1,
                "",
                "Công văn",
                subject,
                "",
                new Signer("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Trần Văn B"),
                null,
                OtherInfo.NONE,
                List.of(),
                null,
                List.of());
        var out = new ByteArrayOutputStream();
        new EdxmlWriter()
                .write(
                        new DocumentMessage(header, new Trace(List.of(), business), List.of()),
                        List.of(new EdxmlWriter.Outgoing(
                                "cv",
                                "cong-van.pdf",
                                "",
                                "application/pdf",
                                () -> new ByteArrayInputStream("%PDF-1.4".getBytes()))),
                        out,
                        XmlSignatures.Signer.of(ministryKey));
        return out.toByteArray();
    }

    /** How many audit records of {@code action} mention {@code text}. */
    private int audited(String action, String text) {
        return jdbc.sql("select count(*) from audit.record where action = :action and details like '%' || :text || '%'")
                .param("action", action)
                .param("text", text)
                .query(Integer.class)
                .single();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private long released(byte[] pdf) throws Exception {
        return ProvinceDecisions.released(
                context,
                pdf,
                "Quyết định gửi Bộ Tài chính",
                Urgency.NORMAL,
                List.of(),
                List.of(new ExternalRecipient("Bộ Tài chính", MINISTRY)));
    }

    private UserScope scope(String username) {
        return ProvinceDecisions.scope(context, username);
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    AgencyDirectory directory;
}
