package vn.sen;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.sen.demo.DemoFixture;
import vn.sen.documents.Confidentiality;
import vn.sen.documents.DocumentType;
import vn.sen.documents.IncomingDocuments;
import vn.sen.documents.IncomingViews;
import vn.sen.documents.OutgoingDocuments;
import vn.sen.documents.OutgoingViews;
import vn.sen.documents.Urgency;
import vn.sen.files.FileManagement;
import vn.sen.identity.Accounts;
import vn.sen.identity.TestLogins;
import vn.sen.organization.Organization;
import vn.sen.shared.ScopedPrincipal;

/**
 * Who may do what where: every role of the demo province against every resource of this release,
 * in its own unit subtree and outside it. "allowed" means the request succeeds, "denied" means 403
 * (or the login page for the anonymous visitor) and nothing changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorizationMatrixTest {

    static final String HOME_AFFAIRS = "000.00.02.H01"; // Sở Nội vụ: the unit administrator's subtree
    static final String HOME_AFFAIRS_DIVISION = "000.01.02.H01";
    static final String FINANCE = "000.00.03.H01"; // Sở Tài chính: outside it

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixture demo;

    @Autowired
    TestLogins logins;

    @Autowired
    Organization organization;

    @Autowired
    Accounts accounts;

    @Autowired
    IncomingDocuments incoming;

    @Autowired
    FileManagement files;

    @Autowired
    OutgoingDocuments outgoing;

    @Autowired
    vn.sen.documents.Dossiers dossiers;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    static final String OFFICE = "000.00.01.H01"; // Văn phòng UBND tỉnh: the demo clerk's unit
    static IncomingViews.IncomingView officeDocument;
    /** A draft of the Office's specialist, to be signed by the Chairman for the People's Committee. */
    static OutgoingViews.OutgoingView officeDraft;
    /** A dossier in the Office's file plan, kept by the Office's specialist. */
    static long officeDossier;

    @BeforeEach
    void loadDemoProvince() throws java.io.IOException {
        demo.ensureLoaded();
        if (officeDocument == null) {
            var clerk = ((ScopedPrincipal) logins.signedIn("vanthu").getPrincipal()).scope();
            var file = files.store(
                    new java.io.ByteArrayInputStream(
                            "%PDF-1.4\n% ma trận\n%%EOF".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "ma-tran.pdf",
                    clerk.username());
            officeDocument = incoming.register(
                    clerk,
                    new IncomingViews.NewIncoming(
                            unit(OFFICE),
                            null,
                            "",
                            "Bộ Nội vụ",
                            "12",
                            "BNV-CCVC",
                            DocumentType.OFFICIAL_LETTER,
                            java.time.LocalDate.of(2026, 2, 2),
                            "V/v thử phân quyền",
                            "",
                            "",
                            Urgency.NORMAL,
                            Confidentiality.NORMAL,
                            null,
                            null,
                            "",
                            java.util.List.of(file.id()),
                            true));
        }
        if (officeDraft == null) {
            var drafter = ((ScopedPrincipal) logins.signedIn("chuyenvien").getPrincipal()).scope();
            var chairman = ((ScopedPrincipal) logins.signedIn("chutich").getPrincipal()).scope();
            var file = files.store(
                    new java.io.ByteArrayInputStream(
                            "%PDF-1.4\n% dự thảo ma trận\n%%EOF".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "du-thao.pdf",
                    drafter.username());
            long id = outgoing.draft(
                    drafter,
                    new OutgoingViews.NewDraft(
                            drafter.grants().getFirst().unitId(),
                            organization.ancestry(unit(OFFICE)).getFirst().id(),
                            DocumentType.OFFICIAL_LETTER,
                            "V/v thử phân quyền văn bản đi",
                            chairman.officerId(),
                            OutgoingViews.SignerForm.NONE,
                            Urgency.NORMAL,
                            Confidentiality.NORMAL,
                            java.util.List.of(),
                            java.util.List.of(unit(HOME_AFFAIRS)),
                            java.util.List.of(),
                            file.id(),
                            "",
                            null));
            officeDraft = outgoing.find(drafter, id).orElseThrow();
        }
        if (officeDossier == 0) {
            var clerk = ((ScopedPrincipal) logins.signedIn("vanthu").getPrincipal()).scope();
            var keeper = ((ScopedPrincipal) logins.signedIn("chuyenvien").getPrincipal()).scope();
            officeDossier = dossiers.plan(
                    clerk,
                    new vn.sen.documents.Dossiers.NewDossier(
                            unit(OFFICE),
                            java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                                    .getYear(),
                            "MT." + System.nanoTime() % 100_000,
                            "Hồ sơ thử phân quyền",
                            "10 năm",
                            "Hạn chế",
                            keeper.officerId()));
        }
    }

    enum Expect {
        ALLOWED,
        DENIED,
        /** Not found: documents one may not read are not admitted to exist. */
        HIDDEN
    }

    record Case(String who, String what, Expect expect) {}

    static Stream<Arguments> matrix() {
        String[] everyone = {"quantri", "qtsonoivu", "kiemtoan", "chutich", "giamdoc", "vanthu", "chuyenvien", "thuky"};
        var cases = Stream.<Case>builder();
        for (String who : everyone) {
            cases.add(new Case(who, "browse organisation", Expect.ALLOWED));
            cases.add(new Case(who, "own account page", Expect.ALLOWED));
            boolean admin = who.equals("quantri");
            boolean unitAdmin = who.equals("qtsonoivu");
            cases.add(new Case(who, "edit unit in Sở Nội vụ", admin || unitAdmin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "edit division of Sở Nội vụ", admin || unitAdmin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "edit unit in Sở Tài chính", admin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "create top-level unit", admin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "list accounts", admin || unitAdmin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "open account in Sở Nội vụ", admin || unitAdmin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "open account in Sở Tài chính", admin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "unlock account in Sở Tài chính", admin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "revoke an installation role", admin ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "read audit trail", who.equals("kiemtoan") ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "export audit trail", who.equals("kiemtoan") ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "adjust working calendar", admin ? Expect.ALLOWED : Expect.DENIED));
            boolean officeClerk = who.equals("vanthu");
            boolean provinceLeader = who.equals("chutich");
            cases.add(new Case(
                    who, "register an incoming document for Văn phòng", officeClerk ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(
                    who,
                    "read an incoming document of Văn phòng",
                    officeClerk || provinceLeader ? Expect.ALLOWED : Expect.HIDDEN));
            cases.add(new Case(
                    who, "download its attachment", officeClerk || provinceLeader ? Expect.ALLOWED : Expect.HIDDEN));
            cases.add(new Case(
                    who, "preview its attachment", officeClerk || provinceLeader ? Expect.ALLOWED : Expect.HIDDEN));
            cases.add(new Case(who, "list incoming documents", Expect.ALLOWED));
            boolean drafter = who.equals("chuyenvien");
            boolean draftReader = drafter || officeClerk || provinceLeader;
            cases.add(new Case(who, "list outgoing documents", Expect.ALLOWED));
            cases.add(new Case(who, "open the registers screen", Expect.ALLOWED));
            cases.add(new Case(who, "open the file plan", Expect.ALLOWED));
            cases.add(new Case(who, "read a dossier of Văn phòng", draftReader ? Expect.ALLOWED : Expect.HIDDEN));
            cases.add(new Case(who, "export the dossier as XML", draftReader ? Expect.ALLOWED : Expect.HIDDEN));
            cases.add(new Case(
                    who,
                    "plan a dossier for Văn phòng",
                    officeClerk || provinceLeader ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(
                    who,
                    "print the incoming register of Văn phòng",
                    officeClerk || provinceLeader ? Expect.ALLOWED : Expect.HIDDEN));
            cases.add(new Case(
                    who,
                    "export its follow-up register",
                    officeClerk || provinceLeader ? Expect.ALLOWED : Expect.HIDDEN));
            cases.add(new Case(who, "open a register for Văn phòng", officeClerk ? Expect.ALLOWED : Expect.DENIED));
            // the unit administrator of the demo is also a specialist of a division of Sở Nội vụ; the meeting
            // secretary is a specialist of his division of the Office (he drafts the conclusion notices)
            cases.add(new Case(
                    who,
                    "open the drafting form",
                    drafter
                                    || officeClerk
                                    || provinceLeader
                                    || who.equals("giamdoc")
                                    || unitAdmin
                                    || who.equals("thuky")
                            ? Expect.ALLOWED
                            : Expect.DENIED));
            cases.add(
                    new Case(who, "read an outgoing draft of Văn phòng", draftReader ? Expect.ALLOWED : Expect.HIDDEN));
            cases.add(new Case(who, "download its draft version", draftReader ? Expect.ALLOWED : Expect.HIDDEN));
            cases.add(new Case(who, "preview its draft version", draftReader ? Expect.ALLOWED : Expect.HIDDEN));
            cases.add(new Case(who, "comment on the draft", draftReader ? Expect.ALLOWED : Expect.HIDDEN));
            cases.add(new Case(
                    who,
                    "recall the document",
                    officeClerk ? Expect.ALLOWED : draftReader ? Expect.DENIED : Expect.HIDDEN));
            cases.add(new Case(
                    who,
                    "change the recipients of the document",
                    officeClerk ? Expect.ALLOWED : draftReader ? Expect.DENIED : Expect.HIDDEN));
            cases.add(new Case(
                    who,
                    "number the draft at issuance",
                    officeClerk ? Expect.ALLOWED : draftReader ? Expect.DENIED : Expect.HIDDEN));
            // meetings: the demo's regular session of the People's Committee, prepared by its meeting secretary,
            // chaired by the Chairman, the director of Sở Nội vụ invited (and named on its restricted document)
            boolean secretary = who.equals("thuky");
            boolean invited = provinceLeader || secretary || who.equals("giamdoc");
            cases.add(new Case(who, "open the demo meeting", invited ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "open its restricted document", invited ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "open its session page", invited ? Expect.ALLOWED : Expect.DENIED));
            cases.add(
                    new Case(who, "read one of its documents in the viewer", invited ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "open its big screen", invited ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(
                    who,
                    "invite someone to the demo meeting",
                    secretary || provinceLeader ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(
                    who,
                    "open the meeting scheduling form",
                    secretary || provinceLeader || who.equals("giamdoc") ? Expect.ALLOWED : Expect.DENIED));
            cases.add(new Case(who, "list meetings", Expect.ALLOWED));
            cases.add(new Case(who, "change a meeting type", admin ? Expect.ALLOWED : Expect.DENIED));
        }
        return cases.build().map(c -> Arguments.of(c.who(), c.what(), c.expect()));
    }

    @ParameterizedTest(name = "{0} — {1}: {2}")
    @MethodSource("matrix")
    void each_role_reaches_exactly_what_its_unit_subtree_allows(String who, String what, Expect expect)
            throws Exception {
        var request = request(what).with(authentication(logins.signedIn(who)));
        var result = mvc.perform(request).andReturn().getResponse();
        int code = result.getStatus();
        if (expect == Expect.ALLOWED && what.startsWith("register")) {
            org.assertj.core.api.Assertions.assertThat(result.getRedirectedUrl())
                    .as("%s may %s (and it is registered)", who, what)
                    .startsWith("/documents/incoming/");
        } else if (expect == Expect.ALLOWED) {
            org.assertj.core.api.Assertions.assertThat(code)
                    .as("%s may %s", who, what)
                    .isBetween(200, 399);
            org.assertj.core.api.Assertions.assertThat(result.getRedirectedUrl())
                    .as("%s may %s (not bounced to login)", who, what)
                    .satisfiesAnyOf(
                            url -> org.assertj.core.api.Assertions.assertThat(url)
                                    .isNull(),
                            url -> org.assertj.core.api.Assertions.assertThat(url)
                                    .doesNotContain("/login"));
        } else {
            org.assertj.core.api.Assertions.assertThat(code)
                    .as("%s may not %s", who, what)
                    .isEqualTo(expect == Expect.HIDDEN ? 404 : 403);
        }
    }

    @ParameterizedTest(name = "anonymous — {1}")
    @MethodSource("matrix")
    void an_anonymous_visitor_is_sent_to_the_login_page(String who, String what, Expect expect) throws Exception {
        if (!who.equals("quantri")) {
            return; // one row per resource is enough
        }
        mvc.perform(request(what)).andExpect(status().is3xxRedirection());
    }

    private MockHttpServletRequestBuilder request(String what) {
        long homeAffairs = unit(HOME_AFFAIRS);
        long division = unit(HOME_AFFAIRS_DIVISION);
        long finance = unit(FINANCE);
        long homeAffairsAccount = accountIn(HOME_AFFAIRS_DIVISION);
        long financeAccount = accountIn("000.01.03.H01");
        return switch (what) {
            case "browse organisation" -> get("/organization/units/" + finance);
            case "own account page" -> get("/account");
            case "edit unit in Sở Nội vụ" -> updateUnit(homeAffairs, "Sở Nội vụ", "DEPARTMENT");
            case "edit division of Sở Nội vụ" -> updateUnit(division, "Văn phòng", "DIVISION");
            case "edit unit in Sở Tài chính" -> updateUnit(finance, "Sở Tài chính", "DEPARTMENT");
            case "create top-level unit" ->
                post("/organization/units")
                        .with(csrf())
                        .param("kind", "OTHER")
                        .param("name", "Đơn vị thử " + System.nanoTime())
                        .param("shortName", "DVT");
            case "list accounts" -> get("/admin/accounts");
            case "open account in Sở Nội vụ" -> get("/admin/accounts/" + homeAffairsAccount);
            case "open account in Sở Tài chính" -> get("/admin/accounts/" + financeAccount);
            case "unlock account in Sở Tài chính" ->
                post("/admin/accounts/" + financeAccount + "/unlock").with(csrf());
            case "revoke an installation role" ->
                post("/admin/accounts/" + homeAffairsAccount + "/grants/removal")
                        .with(csrf())
                        .param("role", "SYSTEM_ADMIN");
            case "read audit trail" -> get("/audit");
            case "export audit trail" -> get("/audit/export.csv");
            case "register an incoming document for Văn phòng" ->
                post("/documents/incoming")
                        .with(csrf())
                        .param("unitId", Long.toString(unit(OFFICE)))
                        .param("issuerName", "Sở Tài chính")
                        .param("codeNumber", Long.toString(System.nanoTime() % 1_000_000_000L))
                        .param("codeNotation", "STC-NS")
                        .param("type", "OFFICIAL_LETTER")
                        .param("issuedOn", "2026-03-02")
                        .param("subject", "V/v ma trận phân quyền")
                        .param("urgency", "NORMAL")
                        .param("confidentiality", "NORMAL");
            case "read an incoming document of Văn phòng" -> get("/documents/incoming/" + officeDocument.id());
            case "download its attachment" ->
                get("/documents/incoming/" + officeDocument.id() + "/files/"
                        + officeDocument.files().getFirst().id());
            case "preview its attachment" ->
                get("/documents/incoming/" + officeDocument.id() + "/files/"
                        + officeDocument.files().getFirst().id() + "/preview");
            case "list incoming documents" -> get("/documents/incoming");
            case "list outgoing documents" -> get("/documents/outgoing");
            case "open the registers screen" -> get("/documents/registers");
            case "open the file plan" -> get("/documents/dossiers");
            case "read a dossier of Văn phòng" -> get("/documents/dossiers/" + officeDossier);
            case "export the dossier as XML" -> get("/documents/dossiers/" + officeDossier + ".xml");
            case "plan a dossier for Văn phòng" ->
                post("/documents/dossiers")
                        .with(csrf())
                        .param("unitId", Long.toString(unit(OFFICE)))
                        .param(
                                "year",
                                Integer.toString(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                                        .getYear()))
                        .param("notation", "P" + System.nanoTime() % 1_000_000)
                        .param("title", "Hồ sơ thử")
                        .param("retention", "5 năm");
            case "print the incoming register of Văn phòng" -> get("/documents/registers/" + officeRegister() + ".pdf");
            case "export its follow-up register" -> get("/documents/registers/" + officeRegister() + "/follow-up.xlsx");
            case "open a register for Văn phòng" ->
                post("/documents/registers")
                        .with(csrf())
                        .param("unitId", Long.toString(unit(OFFICE)))
                        .param("direction", "INCOMING")
                        .param(
                                "year",
                                Integer.toString(officeDocument
                                        .arrivedAt()
                                        .atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                                        .getYear()))
                        .param("name", "Sổ thử " + System.nanoTime());
            case "open the drafting form" -> get("/documents/outgoing/new");
            case "read an outgoing draft of Văn phòng" -> get("/documents/outgoing/" + officeDraft.id());
            case "download its draft version" -> get("/documents/outgoing/" + officeDraft.id() + "/versions/1");
            case "preview its draft version" -> get("/documents/outgoing/" + officeDraft.id() + "/versions/1/preview");
            case "comment on the draft" ->
                post("/documents/outgoing/" + officeDraft.id() + "/comments")
                        .with(csrf())
                        .param("text", "Ý kiến thử");
            case "recall the document" ->
                post("/documents/outgoing/" + officeDraft.id() + "/recall")
                        .with(csrf())
                        .param("reason", "thử");
            case "change the recipients of the document" ->
                post("/documents/outgoing/" + officeDraft.id() + "/recipients")
                        .with(csrf())
                        .param("addedExternal", "Bộ Nội vụ; 000.00.00.G09")
                        .param("reason", "thử");
            case "number the draft at issuance" ->
                post("/documents/outgoing/" + officeDraft.id() + "/issuance").with(csrf());
            case "adjust working calendar" ->
                post("/admin/calendar/adjustments")
                        .with(csrf())
                        .param("day", "2030-06-01")
                        .param("working", "false")
                        .param("note", "matrix");
            case "open the demo meeting" -> get("/meetings/" + demoMeeting());
            case "open its restricted document" ->
                get("/meetings/" + demoMeeting() + "/documents/" + restrictedDocument() + "/file");
            case "invite someone to the demo meeting" ->
                post("/meetings/" + demoMeeting() + "/participants/guests")
                        .with(csrf())
                        .param("name", "Khách thử phân quyền");
            case "open the meeting scheduling form" -> get("/meetings/new");
            case "open its session page" -> get("/meetings/" + demoMeeting() + "/session");
            case "read one of its documents in the viewer" ->
                get("/meetings/" + demoMeeting() + "/documents/"
                        + jdbc.sql("select min(id) from meetings.document where not restricted and meeting_id = :m")
                                .param("m", demoMeeting())
                                .query(Long.class)
                                .single());
            case "open its big screen" -> get("/meetings/" + demoMeeting() + "/screen");
            case "list meetings" -> get("/meetings");
            case "change a meeting type" ->
                post("/admin/meeting-types/"
                                + jdbc.sql("select id from meetings.meeting_type where code = 'HOI_NGHI'")
                                        .query(Long.class)
                                        .single())
                        .with(csrf())
                        .param("leadWorkingDays", "5")
                        .param("maxMinutes", "480")
                        .param("active", "true");
            default -> throw new IllegalArgumentException(what);
        };
    }

    private static MockHttpServletRequestBuilder updateUnit(long id, String name, String kind) {
        return post("/organization/units/" + id)
                .with(csrf())
                .param("kind", kind)
                .param("name", name)
                .param("shortName", "X");
    }

    private long officeRegister() {
        return jdbc.sql("select register_id from documents.incoming where id = :id")
                .param("id", officeDocument.id())
                .query(Long.class)
                .single();
    }

    private long demoMeeting() {
        return jdbc.sql("select min(id) from meetings.meeting where title like 'Phiên họp thường kỳ%'")
                .query(Long.class)
                .single();
    }

    private long restrictedDocument() {
        return jdbc.sql("select min(id) from meetings.document where restricted and meeting_id = :m")
                .param("m", demoMeeting())
                .query(Long.class)
                .single();
    }

    private long unit(String code) {
        return organization.unitByCode(code).orElseThrow().id();
    }

    private long accountIn(String unitCode) {
        long officer = organization.officersIn(unit(unitCode)).getFirst().id();
        return accounts.accountOfOfficer(officer).orElseThrow().id();
    }
}
