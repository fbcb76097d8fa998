package vn.sen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.sen.documents.Confidentiality;
import vn.sen.documents.DocumentType;
import vn.sen.documents.IncomingDocuments;
import vn.sen.documents.IncomingViews.NewIncoming;
import vn.sen.documents.Routing;
import vn.sen.documents.RoutingViews.Assignee;
import vn.sen.documents.RoutingViews.Assignment;
import vn.sen.documents.Urgency;
import vn.sen.files.FileManagement;
import vn.sen.organization.Organization;
import vn.sen.organization.Organization.NewOfficer;
import vn.sen.organization.Organization.NewUnit;
import vn.sen.organization.UnitKind;
import vn.sen.search.Search.Hit;
import vn.sen.search.Search.Query;
import vn.sen.search.Search.Segment;
import vn.sen.shared.Role;
import vn.sen.shared.UserScope;

/** Accent-insensitive search over incoming documents and their attachments, within what one may read. */
@SpringBootTest
class SearchTest {

    @Autowired
    Search search;

    @Autowired
    IncomingDocuments incoming;

    @Autowired
    Routing routing;

    @Autowired
    FileManagement files;

    @Autowired
    Organization organization;

    @Autowired
    SearchCommands rebuild;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    String tag;
    long unit;
    long otherUnit;
    long committee;
    UserScope clerk;
    UserScope otherClerk;
    UserScope chairman;
    UserScope outsider;
    long outsiderOfficer;
    long chairmanOfficer;

    @Autowired
    vn.sen.documents.OutgoingDocuments outgoing;

    @BeforeEach
    void twoUnits() {
        var system = UserScope.system();
        tag = Long.toString(System.nanoTime(), 36);
        committee = organization.createUnit(
                system, new NewUnit(null, null, UnitKind.PROVINCE_COMMITTEE, "UBND " + tag, "UBND", null, null, 0));
        unit = organization.createUnit(
                system, new NewUnit(committee, null, UnitKind.OFFICE, "VP " + tag, "VP", null, null, 0));
        otherUnit = organization.createUnit(
                system, new NewUnit(committee, null, UnitKind.DEPARTMENT, "Sở " + tag, "S", null, null, 0));
        chairmanOfficer =
                organization.createOfficer(system, new NewOfficer("CT " + tag, null, null, committee, "CHU_TICH"));
        outsiderOfficer =
                organization.createOfficer(system, new NewOfficer("CV " + tag, null, null, otherUnit, "CHUYEN_VIEN"));
        clerk = scope("vt" + tag, null, Role.CLERK, unit);
        otherClerk = scope("vt2" + tag, null, Role.CLERK, otherUnit);
        chairman = scope("ct" + tag, chairmanOfficer, Role.LEADER, committee);
        outsider = scope("cv" + tag, outsiderOfficer, Role.SPECIALIST, otherUnit);
    }

    private UserScope scope(String username, Long officer, Role role, long unitId) {
        return new UserScope(
                1,
                username,
                officer,
                List.of(new UserScope.Grant(
                        role, unitId, organization.requireUnit(unitId).path())));
    }

    private long register(
            String number, String notation, DocumentType type, String subject, List<java.util.UUID> fileIds) {
        return incoming.register(
                        clerk,
                        new NewIncoming(
                                unit,
                                null,
                                "",
                                "Bộ Tài chính",
                                number,
                                notation,
                                type,
                                LocalDate.now(clock).minusDays(3),
                                subject,
                                "",
                                "Nguyễn Thị Hồng",
                                Urgency.NORMAL,
                                Confidentiality.NORMAL,
                                null,
                                null,
                                "",
                                fileIds,
                                true))
                .id();
    }

    private static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(25);
            value = probe.get();
        }
        return value;
    }

    private List<Long> found(UserScope user, String text) throws InterruptedException {
        return eventually(
                        () -> search.search(user, Query.of(text), 50).stream()
                                .map(Hit::id)
                                .toList(),
                        ids -> !ids.isEmpty())
                .stream()
                .toList();
    }

    @Test
    void words_typed_without_diacritics_find_the_document_and_the_exact_number_comes_first() throws Exception {
        String number = Long.toString(System.nanoTime() % 100_000);
        long mentions = register(
                "9" + number,
                "UBND-VP",
                DocumentType.OFFICIAL_LETTER,
                "V/v thực hiện Quyết định " + number + "/QĐ-UBND " + tag,
                List.of());
        long decision = register(
                number, "QĐ-UBND", DocumentType.DECISION, "Phê duyệt kế hoạch chuyển đổi số " + tag, List.of());
        assertThat(found(clerk, "chuyen doi so " + tag)).contains(decision);
        assertThat(found(clerk, "phe duyet ke hoach " + tag)).containsExactly(decision);
        List<Long> byNumber = eventually(
                () -> search.search(clerk, Query.of(number + "/qd-ubnd"), 50).stream()
                        .map(Hit::id)
                        .toList(),
                ids -> ids.containsAll(List.of(decision, mentions)));
        assertThat(byNumber).startsWith(decision).contains(mentions);
        var hit = search.search(clerk, Query.of("quyet dinh " + number), 50).getFirst();
        assertThat(hit.id()).isEqualTo(decision);
        // no whole word matches a half-typed tag: the text is then looked for inside words
        String halfTag = tag.substring(0, tag.length() - 2);
        assertThat(found(clerk, "ke hoach chuyen doi so " + halfTag)).containsExactly(decision);
    }

    @Test
    void a_reader_of_almost_every_unit_is_checked_by_the_few_units_they_may_not_read() throws Exception {
        long doc = register("46", "UBND-VP", DocumentType.OFFICIAL_LETTER, "Kế hoạch tiếp công dân " + tag, List.of());
        for (int i = 0; i < 4; i++) { // other provinces' committees: more units outside this one than in it
            organization.createUnit(
                    UserScope.system(),
                    new NewUnit(null, null, UnitKind.PROVINCE_COMMITTEE, "UBND " + i + tag, "UBND", null, null, 0));
        }
        var roots = organization.children(null);
        var allButThis = new UserScope(
                1,
                "lanhdao" + tag,
                null,
                roots.stream()
                        .filter(u -> u.id() != committee)
                        .map(u -> new UserScope.Grant(Role.LEADER, u.id(), u.path()))
                        .toList());
        var everything = new UserScope(
                1,
                "lanhdao2" + tag,
                null,
                roots.stream()
                        .map(u -> new UserScope.Grant(Role.LEADER, u.id(), u.path()))
                        .toList());
        assertThat(incoming.readerScope(allButThis).allUnitsExcept()).contains(committee, unit, otherUnit);
        assertThat(found(everything, "ke hoach tiep cong dan " + tag)).containsExactly(doc);
        assertThat(search.search(allButThis, Query.of("ke hoach tiep cong dan " + tag), 50))
                .isEmpty();
        assertThat(search.search(allButThis, Query.of("46/ubnd-vp"), 50))
                .extracting(Hit::id)
                .doesNotContain(doc);
        assertThat(found(everything, "46")).as("a number finds its notation").contains(doc);
    }

    @Test
    void a_phrase_common_among_the_latest_entries_gives_the_most_recent_readable_matches() {
        // more matches than the window among the most recent entries: the reader of most of the province
        // is answered from the latest entries, and still only with what they may read
        var roots = organization.children(null);
        var everything = new UserScope(
                1,
                "lanhdao3" + tag,
                null,
                roots.stream()
                        .map(u -> new UserScope.Grant(Role.LEADER, u.id(), u.path()))
                        .toList());
        var allButThis = new UserScope(
                1,
                "lanhdao4" + tag,
                null,
                roots.stream()
                        .filter(u -> u.id() != committee)
                        .map(u -> new UserScope.Grant(Role.LEADER, u.id(), u.path()))
                        .toList());
        long first = 9_000_000_000L + System.nanoTime() % 1_000_000_000L;
        String insert = """
                insert into search.entry (kind, id, unit_id, doc_type, subject, folded, words, issued_on)
                select 'incoming', :first + n, :unit, 'REPORT', 'Báo cáo ' || :tag, 'bao cao ' || :tag,
                       'bao cao ' || :tag, :day
                from generate_series(0, :count - 1) n
                """;
        LocalDate today = LocalDate.now(clock).plusYears(50); // later than anything else in the index
        try {
            jdbc.sql(insert)
                    .param("first", first)
                    .param("unit", unit)
                    .param("tag", tag)
                    .param("day", today)
                    .param("count", Search.WINDOW + 20)
                    .update();
            jdbc.sql(insert)
                    .param("first", first + 10_000)
                    .param("unit", unit)
                    .param("tag", tag)
                    .param("day", today.minusYears(30))
                    .param("count", 3)
                    .update();
            var hits = search.search(everything, Query.of("bao cao " + tag), 50);
            assertThat(hits).hasSize(50).allMatch(h -> h.issuedOn().equals(today));
            assertThat(search.search(allButThis, Query.of("bao cao " + tag), 50))
                    .isEmpty();
            assertThat(search.search(clerk, Query.of("bao cao " + tag), 50))
                    .as("the unit's own path, walked")
                    .hasSize(50)
                    .allMatch(h -> h.issuedOn().equals(today));
        } finally {
            jdbc.sql("delete from search.entry where kind = 'incoming' and id between :first and :first + 20000")
                    .param("first", first)
                    .update();
        }
    }

    @Test
    void text_inside_a_pdf_attachment_is_found_and_shown_around_the_match() throws Exception {
        var pdf = files.store(
                new ByteArrayInputStream(pdfSaying("Bao cao tinh hinh giai ngan von dau tu cong " + tag)),
                "bao-cao.pdf",
                clerk.username());
        long doc = register("7", "BC-STC", DocumentType.REPORT, "Báo cáo tháng " + tag, List.of(pdf.id()));
        assertThat(found(clerk, "giai ngan " + tag)).containsExactly(doc);
        var hit = search.search(clerk, Query.of("giai ngan " + tag), 5).getFirst();
        assertThat(hit.snippet()).anyMatch(s -> s.marked() && s.text().equalsIgnoreCase("giai"));
    }

    @Test
    void only_what_the_user_may_read_is_found() throws Exception {
        long doc = register("31", "UBND-VP", DocumentType.OFFICIAL_LETTER, "Tài liệu mật phòng " + tag, List.of());
        assertThat(found(clerk, "tai lieu mat phong " + tag)).containsExactly(doc);
        assertThat(found(chairman, "tai lieu mat phong " + tag)).containsExactly(doc);
        Thread.sleep(200);
        assertThat(search.search(otherClerk, Query.of("tai lieu mat phong " + tag), 50))
                .isEmpty();
        assertThat(search.search(outsider, Query.of("tai lieu mat phong " + tag), 50))
                .isEmpty();
        assertThat(search.search(UserScope.system(), Query.of("tai lieu mat phong " + tag), 50))
                .isEmpty();

        routing.assign(chairman, doc, new Assignment(Assignee.officer(outsiderOfficer), null, null, "", null));
        assertThat(found(outsider, "tai lieu mat phong " + tag))
                .as("routed to them, they find it")
                .containsExactly(doc);
        assertThat(search.search(otherClerk, Query.of("tai lieu mat phong " + tag), 50))
                .isEmpty();
    }

    @Test
    void filters_narrow_the_results() throws Exception {
        long report = register("41", "BC-X", DocumentType.REPORT, "Tổng kết năm " + tag, List.of());
        long letter = register("42", "UBND-X", DocumentType.OFFICIAL_LETTER, "Tổng kết năm " + tag, List.of());
        eventually(
                () -> search.search(clerk, Query.of("tong ket nam " + tag), 50).stream()
                        .map(Hit::id)
                        .toList(),
                ids -> ids.size() == 2);
        assertThat(search.search(
                        clerk,
                        new Query("tong ket nam " + tag, DocumentType.REPORT, null, null, null, null, null, null),
                        50))
                .extracting(Hit::id)
                .containsExactly(report);
        assertThat(search.search(
                        clerk,
                        new Query("tong ket nam " + tag, null, LocalDate.now(clock), null, null, null, null, null),
                        50))
                .as("issued three days ago")
                .isEmpty();
        // every document here comes from "Bộ Tài chính"
        assertThat(search.search(
                        clerk,
                        new Query("tong ket nam " + tag, null, null, null, null, null, "bo tai chinh", null),
                        50))
                .extracting(Hit::id)
                .containsExactlyInAnyOrder(report, letter);
        assertThat(search.search(
                        clerk, new Query("tong ket nam " + tag, null, null, null, null, null, "Sở Y tế", null), 50))
                .isEmpty();
        assertThat(search.search(clerk, new Query("tong ket nam " + tag, null, null, null, true, null, null, null), 50))
                .as("none closed yet")
                .isEmpty();
        assertThat(search.search(
                        clerk, new Query("tong ket nam " + tag, null, null, null, false, null, null, null), 50))
                .hasSize(2);
        assertThat(search.search(clerk, new Query("tong ket nam " + tag, null, null, null, null, unit, null, null), 50))
                .hasSize(2);
        assertThat(search.search(
                        chairman, new Query("tong ket nam " + tag, null, null, null, null, otherUnit, null, null), 50))
                .as("registered by the office, not the department")
                .isEmpty();
        long register = incoming.find(clerk, report).orElseThrow().registerId();
        assertThat(incoming.registerChoices(
                        clerk, incoming.find(clerk, report).orElseThrow().year()))
                .containsKey(register);
        assertThat(search.search(
                        clerk, new Query("tong ket nam " + tag, null, null, null, null, null, null, register), 50))
                .hasSize(2);
        assertThat(search.search(
                        clerk,
                        new Query("tong ket nam " + tag, null, null, null, null, null, null, register + 100_000),
                        50))
                .isEmpty();
    }

    @Test
    void the_rebuild_command_restores_a_lost_index() throws Exception {
        long doc = register("51", "UBND-VP", DocumentType.NOTICE, "Thông báo lịch trực Tết " + tag, List.of());
        assertThat(found(clerk, "lich truc tet " + tag)).containsExactly(doc);
        jdbc.sql("delete from search.reader").update();
        jdbc.sql("delete from search.entry").update();
        assertThat(search.search(clerk, Query.of("lich truc tet " + tag), 50)).isEmpty();
        var out = new StringWriter();
        assertThat(rebuild.run(List.of(), new PrintWriter(out, true))).isZero();
        assertThat(out.toString()).contains("\"indexed\":");
        assertThat(search.search(clerk, Query.of("lich truc tet " + tag), 50))
                .extracting(Hit::id)
                .containsExactly(doc);
    }

    @Test
    void highlighting_marks_the_original_words_whatever_the_diacritics() {
        assertThat(Search.highlight("Quyết định về Đề án", List.of("quyet", "de")))
                .containsExactly(
                        new Segment("Quyết", true),
                        new Segment(" định về ", false),
                        new Segment("Đề", true),
                        new Segment(" án", false));
    }

    private static byte[] pdfSaying(String text) throws IOException {
        try (var pdf = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            var page = new PDPage();
            pdf.addPage(page);
            try (var content = new PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void outgoing_drafts_are_found_by_those_who_work_on_them_and_nobody_else() throws Exception {
        long drafterOfficer = organization.createOfficer(
                UserScope.system(), new NewOfficer("CV VP " + tag, null, null, unit, "CHUYEN_VIEN"));
        UserScope drafter = scope("cvvp" + tag, drafterOfficer, Role.SPECIALIST, unit);
        var file = files.store(
                new java.io.ByteArrayInputStream(
                        ("%PDF-1.4\n% " + tag + "\n%%EOF").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "ke-hoach.pdf",
                drafter.username());
        long id = outgoing.draft(
                drafter,
                new vn.sen.documents.OutgoingViews.NewDraft(
                        unit,
                        committee,
                        DocumentType.PLAN,
                        "Kế hoạch phòng, chống thiên tai " + tag,
                        chairmanOfficer,
                        vn.sen.documents.OutgoingViews.SignerForm.NONE,
                        Urgency.NORMAL,
                        Confidentiality.NORMAL,
                        List.of(),
                        List.of(otherUnit),
                        List.of(),
                        file.id(),
                        "",
                        null));
        var query = Search.Query.of("phong chong thien tai " + tag);
        var found = eventually(() -> search.search(drafter, query, 10), hits -> !hits.isEmpty());
        assertThat(found).singleElement().satisfies(hit -> {
            assertThat(hit.kind()).isEqualTo("outgoing");
            assertThat(hit.id()).isEqualTo(id);
        });
        assertThat(search.search(chairman, query, 10)).as("the signer").hasSize(1);
        assertThat(search.search(clerk, query, 10))
                .as("a clerk of the drafting unit")
                .hasSize(1);
        assertThat(search.search(otherClerk, query, 10))
                .as("a recipient, before release")
                .isEmpty();
        assertThat(search.search(outsider, query, 10)).isEmpty();
    }
}
