package vn.sen.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static vn.sen.interchange.ProvinceDecisions.eventually;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.sen.demo.DemoFixture;
import vn.sen.documents.OutgoingDocuments;
import vn.sen.documents.OutgoingViews.ExternalRecipient;
import vn.sen.documents.Urgency;
import vn.sen.files.FileManagement;
import vn.sen.identity.TestLogins;
import vn.sen.organization.Organization;
import vn.sen.shared.Command;
import vn.sen.shared.UserScope;

/**
 * Outgoing documents to other agencies. {@code sen edxml build}: a released decision of the province to the Ministry of Finance becomes an
 * edXML message that Sen reads back with the document's number, date, subject, signer, urgency and file;
 * a document not yet released, or without outside recipients, is refused in one line. The outbox: a
 * release queues one message per outside agency, once, and a recall one recall message each.
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class OutgoingInterchangeTest {

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
    List<Command> commands;

    @Autowired
    Outbox outbox;

    @Autowired
    AgencyDirectory directory;

    @TempDir
    Path dir;

    @Test
    void a_released_document_becomes_a_message_that_reads_back() throws Exception {
        demo.ensureLoaded();
        byte[] pdf = ("%PDF-1.4 quyết định " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        long id = released(pdf, List.of(new ExternalRecipient("Bộ Tài chính", "000.00.00.G09")));
        Path file = dir.resolve("goi-tin.xml");
        var out = new StringWriter();
        assertThat(command("edxml build").run(List.of(Long.toString(id), file.toString()), new PrintWriter(out, true)))
                .isZero();
        assertThat(out.toString())
                .contains("\"recipients\":[\"000.00.00.G09\"]")
                .contains("\"signed\":false");

        var view = outgoing.forIndexing(id).orElseThrow();
        try (var read = new EdxmlReader(EdxmlReader.Limits.DEFAULT, dir).read(Files.newInputStream(file))) {
            var header = ((Edxml.DocumentMessage) read.message()).header();
            assertThat(header.from().organId()).isEqualTo("000.00.00.H01");
            assertThat(header.codeNumber() + "/" + header.codeNotation()).isEqualTo(view.numberAndNotation());
            assertThat(header.promulgationDate()).isEqualTo(view.issuedOn());
            assertThat(header.typeName()).isEqualTo("Quyết định");
            assertThat(header.subject()).isEqualTo(view.subject());
            assertThat(header.signer().fullName()).isEqualTo(view.signerName());
            assertThat(header.otherInfo().priority()).as("khẩn").isEqualTo(1);
            assertThat(header.documentId())
                    .isEqualTo("000.00.00.H01," + EdxmlMapping.DATE.format(view.issuedOn()) + ","
                            + view.numberAndNotation());
            assertThat(read.attachments())
                    .singleElement()
                    .satisfies(a -> assertThat(Files.readAllBytes(a.file())).isEqualTo(pdf));
        }

        long internalOnly = released(pdf, List.of());
        assertThatThrownBy(() -> command("edxml build")
                        .run(
                                List.of(Long.toString(internalOnly), file.toString()),
                                new PrintWriter(new StringWriter())))
                .isInstanceOf(Command.CommandException.class)
                .hasMessageContaining("need an organisation code");
        assertThatThrownBy(() -> command("edxml build")
                        .run(List.of("999999999", file.toString()), new PrintWriter(new StringWriter())))
                .hasMessage("There is no outgoing document 999999999.");
    }

    @Test
    void a_release_queues_one_message_per_outside_agency_once_and_a_recall_one_more() throws Exception {
        demo.ensureLoaded();
        long id = released(
                ("%PDF-1.4 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8),
                List.of(
                        new ExternalRecipient("Bộ Tài chính", "000.00.00.G09"),
                        new ExternalRecipient("Văn phòng Chính phủ", "000.00.00.G22"),
                        new ExternalRecipient("Công ty Xây dựng Sen", "")));
        var deliveries = eventually(() -> outbox.deliveries(id), d -> d.size() == 3);
        assertThat(deliveries)
                .extracting(Outbox.Delivery::recipient, Outbox.Delivery::state, Outbox.Delivery::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "000.00.00.G09", Outbox.State.QUEUED, Edxml.BusinessType.NEW),
                        org.assertj.core.groups.Tuple.tuple(
                                "000.00.00.G22", Outbox.State.QUEUED, Edxml.BusinessType.NEW),
                        org.assertj.core.groups.Tuple.tuple("", Outbox.State.FAILED, Edxml.BusinessType.NEW));
        assertThat(deliveries.get(2).lastError()).contains("paper");

        outbox.queue(id, Edxml.BusinessType.NEW, List.of(new ExternalRecipient("Bộ Tài chính", "000.00.00.G09")));
        assertThat(outbox.deliveries(id)).as("handled twice, queued once").hasSize(3);

        outgoing.recall(scope("vanthu"), id, "Ban hành nhầm");
        assertThat(eventually(() -> outbox.deliveries(id), d -> d.size() == 6))
                .filteredOn(d -> d.type() == Edxml.BusinessType.REVOCATION)
                .extracting(Outbox.Delivery::recipient)
                .containsExactly("000.00.00.G09", "000.00.00.G22", "");
    }

    @Test
    void the_document_page_shows_each_agency_with_its_transport_state() throws Exception {
        demo.ensureLoaded();
        long id = released(
                ("%PDF-1.4 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8),
                List.of(new ExternalRecipient("Bộ Tài chính", "000.00.00.G09")));
        eventually(() -> outbox.deliveries(id), d -> !d.isEmpty());
        String show = mvc.perform(get("/documents/outgoing/{id}", id).with(authentication(logins.signedIn("vanthu"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(show).contains("hx-get=\"/interchange/outgoing/" + id + "/deliveries\"");
        String fragment = mvc.perform(get("/interchange/outgoing/{id}/deliveries", id)
                        .with(authentication(logins.signedIn("vanthu"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment)
                .contains("Bộ Tài chính")
                .contains("000.00.00.G09")
                .contains("Chờ gửi")
                .contains("Văn bản mới");
        int outsider = mvc.perform(get("/interchange/outgoing/{id}/deliveries", id)
                        .with(authentication(logins.signedIn("giamdoc"))))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(outsider).as("not a reader of the document").isEqualTo(404);
    }

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Autowired
    OutgoingMessages messages;

    @Test
    void a_replacement_goes_to_the_same_agencies_as_the_replacement_of_the_original() throws Exception {
        demo.ensureLoaded();
        long original = released(
                ("%PDF-1.4 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8),
                List.of(new ExternalRecipient("Bộ Tài chính", "000.00.00.G09")));
        UserScope drafter = scope("chuyenvien");
        var file = files.store(
                new ByteArrayInputStream(("%PDF-1.4 thay thế " + System.nanoTime()).getBytes(StandardCharsets.UTF_8)),
                "thay-the.pdf",
                drafter.username());
        long replacement = outgoing.draftAmendment(
                drafter, original, vn.sen.documents.OutgoingViews.Amendment.REPLACEMENT, "", file.id());
        UserScope clerk = scope("vanthu");
        UserScope chairman = scope("chutich");
        outgoing.submit(drafter, replacement);
        outgoing.decide(
                clerk, outgoing.pendingSteps(clerk, replacement).getFirst().id(), true, "");
        outgoing.decide(
                chairman,
                outgoing.pendingSteps(chairman, replacement).getFirst().id(),
                true,
                "");
        outgoing.issue(clerk, replacement);
        outgoing.release(clerk, replacement);

        var queued = eventually(() -> outbox.deliveries(replacement), d -> !d.isEmpty());
        assertThat(queued).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(Edxml.BusinessType.REPLACEMENT);
            assertThat(d.recipient()).isEqualTo("000.00.00.G09");
        });
        var built = messages.build(
                replacement,
                List.of(),
                Edxml.BusinessType.REPLACEMENT,
                "",
                Edxml.Staff.NONE,
                java.time.LocalDateTime.now());
        var view = outgoing.forIndexing(original).orElseThrow();
        assertThat(built.message().trace().business().replacements())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.documentId())
                            .isEqualTo("000.00.00.H01," + EdxmlMapping.DATE.format(view.issuedOn()) + ","
                                    + view.numberAndNotation());
                    assertThat(r.organIds()).containsExactly("000.00.00.G09");
                });
    }

    /**
     * The clerk changes the recipients on the document's page: the Ministry it went to is removed, the
     * Government Office added — each gets an update naming both changes; the page says so. The form is the
     * issuer's clerks' only.
     */
    @Test
    void the_clerk_changes_the_recipients_on_the_page_and_each_agency_gets_an_update() throws Exception {
        demo.ensureLoaded();
        long id = released(
                ("%PDF-1.4 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8),
                List.of(new ExternalRecipient("Bộ Tài chính", "000.00.00.G09")));
        eventually(() -> outbox.deliveries(id), d -> !d.isEmpty());
        var clerk = authentication(logins.signedIn("vanthu"));
        String page = mvc.perform(get("/documents/outgoing/{id}", id).with(clerk))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"recipients-form\"").contains("Bổ sung, rút nơi nhận");
        assertThat(mvc.perform(get("/documents/outgoing/{id}", id).with(authentication(logins.signedIn("chutich"))))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("a reader who is not the issuer's clerk has no such form")
                .doesNotContain("id=\"recipients-form\"");

        long ministry = outgoing.forIndexing(id).orElseThrow().recipients().stream()
                .filter(r -> "000.00.00.G09".equals(r.code()))
                .findFirst()
                .orElseThrow()
                .id();
        mvc.perform(post("/documents/outgoing/{id}/recipients", id)
                .with(clerk)
                .with(csrf())
                .param("removed", Long.toString(ministry))
                .param("addedExternal", "Văn phòng Chính phủ; 000.00.00.G22")
                .param("reason", "Gửi nhầm cơ quan"));
        var updates = eventually(
                () -> outbox.deliveries(id).stream()
                        .filter(d -> d.type() == Edxml.BusinessType.UPDATE)
                        .toList(),
                d -> d.size() == 2);
        assertThat(updates).extracting(Outbox.Delivery::recipient).containsExactly("000.00.00.G22", "000.00.00.G09");
        var built = messages.build(
                id,
                List.of(Edxml.Organ.of("000.00.00.G22", "")),
                Edxml.BusinessType.UPDATE,
                "",
                Outbox.receivers("+000.00.00.G22;-000.00.00.G09"),
                Edxml.Staff.NONE,
                java.time.LocalDateTime.now());
        assertThat(built.message().trace().business().receivers())
                .containsExactly(new Edxml.Receiver("000.00.00.G22", true), new Edxml.Receiver("000.00.00.G09", false));
        assertThat(built.attachments())
                .as("the added agency receives the document")
                .isNotEmpty();
        String after = mvc.perform(get("/documents/outgoing/{id}", id).with(clerk))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(after).contains("đã rút khỏi nơi nhận").contains("Văn phòng Chính phủ");

        mvc.perform(post("/documents/outgoing/{id}/recipients", id)
                        .with(clerk)
                        .with(csrf())
                        .param("reason", "Không đổi gì"))
                .andExpect(flash().attribute("problem", "documents.error.no-recipient-change"));
    }

    /**
     * The directory as one types: accents and case aside, only agencies one can send to today, each a
     * button adding "name; code" to the form's text area (whose id is checked); the drafting form has the box.
     */
    @Test
    void the_directory_suggests_agencies_for_the_outside_recipients() throws Exception {
        demo.ensureLoaded();
        directory.record(AgencyDirectory.Agency.of("000.00.00.G09", "Bộ Tài chính"));
        directory.record(AgencyDirectory.Agency.of("000.00.00.G98", "Bộ Tài chính cũ"));
        directory.replace("000.00.00.G98", "000.00.00.G09", null, java.time.LocalDate.of(2025, 3, 1));
        var specialist = authentication(logins.signedIn("chuyenvien"));
        String found = mvc.perform(get("/interchange/agencies")
                        .param("q", "TAI CHINH")
                        .param("target", "externalRecipients")
                        .with(specialist))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(found)
                .contains("data-sen-append-to=\"#externalRecipients\"")
                .contains("data-sen-append=\"Bộ Tài chính; 000.00.00.G09\"")
                .doesNotContain("000.00.00.G98");
        String hostile = mvc.perform(get("/interchange/agencies")
                        .param("q", "tài chính")
                        .param("target", "x\"><script>alert(1)</script>")
                        .with(specialist))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(hostile).doesNotContain("<script>").doesNotContain("data-sen-append-to");
        assertThat(mvc.perform(get("/documents/outgoing/new").with(specialist))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("id=\"externalRecipients-search\"");
        mvc.perform(get("/interchange/agencies").param("q", "tai chinh"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .is3xxRedirection());
    }

    private Command command(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private long released(byte[] pdf, List<ExternalRecipient> external) throws Exception {
        return ProvinceDecisions.released(
                context,
                pdf,
                "Phê duyệt kế hoạch liên thông văn bản",
                Urgency.URGENT,
                List.of("000.00.02.H01"),
                external);
    }

    private UserScope scope(String username) {
        return ProvinceDecisions.scope(context, username);
    }

    @Autowired
    org.springframework.context.ApplicationContext context;
}
