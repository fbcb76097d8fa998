package vn.sen.meetings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.sen.BrowserTest;
import vn.sen.Chromium;
import vn.sen.demo.DemoFixture;
import vn.sen.identity.TestLogins;
import vn.sen.meetings.MeetingViews.NewMeeting;
import vn.sen.meetings.MeetingViews.Repeat;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.shared.UserScope;

/**
 * Several screens at once on one meeting: the secretary's console, two delegates' tablets and the big
 * screen. The secretary opens a vote, the delegates vote, the big screen shows the count and the result
 * — nobody reloads a page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveSessionBrowserTest extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoFixture demo;

    @Autowired
    TestLogins logins;

    @Autowired
    Meetings meetings;

    @Autowired
    MeetingTypes types;

    @Autowired
    LiveSession live;

    @Autowired
    Votes votes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    UserScope scope(String username) {
        return ((ScopedPrincipal) logins.signedIn(username).getPrincipal()).scope();
    }

    UserScope secretary;
    UserScope chairman;
    UserScope director;
    UserScope specialist;

    @org.junit.jupiter.api.BeforeEach
    void theDemoProvince() {
        demo.ensureLoaded();
        secretary = scope("thuky");
        chairman = scope("chutich");
        director = scope("giamdoc");
        specialist = scope("chuyenvien");
    }

    /**
     * An urgent meeting of the People's Committee an hour long, starting {@code minutes} from now (within
     * the two hours in which its session may open), chaired by the Chairman, the director and the
     * specialist invited; invitations not yet sent.
     */
    long anUrgentMeeting(String title, int minutes) {
        long committee = jdbc.sql("select unit_id from organization.unit_code where code = '000.00.00.H01'")
                .query(Long.class)
                .single();
        long urgent = types.all().stream()
                .filter(t -> t.code().equals("DOT_XUAT"))
                .findFirst()
                .orElseThrow()
                .id();
        var start = LocalDateTime.now(clock).plusMinutes(minutes).withSecond(0).withNano(0);
        long id = meetings.schedule(
                        secretary,
                        new NewMeeting(
                                committee,
                                urgent,
                                title,
                                "",
                                start,
                                start.plusHours(1),
                                null,
                                "Phòng họp trực tuyến",
                                chairman.officerId(),
                                secretary.officerId(),
                                "",
                                Repeat.NONE,
                                1))
                .getFirst();
        meetings.inviteOfficers(secretary, id, List.of(director.officerId(), specialist.officerId()));
        return id;
    }

    @Test
    void a_vote_opened_at_the_console_is_cast_on_two_tablets_and_shown_on_the_big_screen() {
        long id = anUrgentMeeting("Họp đột xuất về phòng chống bão số 15", 20);
        meetings.invite(secretary, id);
        live.open(secretary, id);
        for (var p : meetings.participants(id)) {
            live.mark(secretary, id, p.id(), true);
        }
        votes.create(
                secretary,
                id,
                new Votes.VoteForm(null, "Thông qua phương án sơ tán dân", List.of(), false, false, false, null));

        Page console = Chromium.signedIn(browser, port, "thuky");
        Page directorTablet = Chromium.signedIn(browser, port, "giamdoc");
        Page specialistTablet = Chromium.signedIn(browser, port, "chuyenvien");
        Page screen = Chromium.signedIn(browser, port, "chutich");
        String base = "http://localhost:" + port + "/meetings/" + id;
        console.navigate(base + "/session");
        directorTablet.navigate(base + "/session");
        specialistTablet.navigate(base + "/session");
        screen.navigate(base + "/screen");
        for (Page page : List.of(console, directorTablet, specialistTablet, screen)) {
            assertThat(page.locator("#live-connection")).containsText("trực tiếp");
        }
        assertThat(screen.locator("#live-state")).containsText("Có mặt 4/4");

        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mở biểu quyết"))
                .click();
        assertThat(screen.locator(".live-vote")).containsText("Thông qua phương án sơ tán dân");
        assertThat(screen.locator(".live-ballots")).containsText("Đã biểu quyết 0/3");

        // the ballot buttons appear on the tablets without a reload
        directorTablet
                .getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Tán thành").setExact(true))
                .click();
        specialistTablet
                .getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Tán thành").setExact(true))
                .click();
        assertThat(directorTablet.locator("#ballot")).containsText("Đồng chí đã chọn: Tán thành");
        assertThat(screen.locator(".live-ballots")).containsText("Đã biểu quyết 2/3");
        assertThat(screen.locator(".live-vote")).containsText("Tán thành: 2");

        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kết thúc biểu quyết"))
                .click();
        assertThat(screen.locator(".live-result")).hasText("Thông qua");
        assertThat(specialistTablet.locator(".live-result")).hasText("Thông qua");
        // the big screen never reloaded: the page's own navigation is still the first one
        org.assertj.core.api.Assertions.assertThat(screen.evaluate("performance.getEntriesByType('navigation').length"))
                .isEqualTo(1);
    }

    @Autowired
    Agenda agenda;

    @Autowired
    MeetingDocuments documents;

    @Autowired
    vn.sen.files.FileManagement files;

    @Test
    void a_delegate_follows_the_page_the_presenter_turns_to() throws Exception {
        long id = anUrgentMeeting("Họp nghe báo cáo quy hoạch", 90);
        UserScope presenter = specialist;
        long item = agenda.add(secretary, id, new Agenda.ItemForm("Báo cáo quy hoạch", presenter.officerId(), "", 30));
        var bytes = new java.io.ByteArrayOutputStream();
        try (var pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
            for (int i = 0; i < 6; i++) {
                pdf.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            }
            pdf.save(bytes);
        }
        var file = files.store(new java.io.ByteArrayInputStream(bytes.toByteArray()), "quy-hoach.pdf", "thuky");
        long doc = documents.add(secretary, id, item, "Báo cáo quy hoạch", file.id(), false, List.of());
        documents.approve(chairman, id, doc, 1);
        meetings.invite(secretary, id);
        live.open(secretary, id);
        live.startItem(secretary, id, item);

        String url = "http://localhost:" + port + "/meetings/" + id + "/documents/" + doc;
        Page delegate = Chromium.signedIn(browser, port, "giamdoc");
        Page presenting = Chromium.signedIn(browser, port, "chuyenvien");
        delegate.navigate(url);
        presenting.navigate(url);
        for (Page page : List.of(delegate, presenting)) {
            assertThat(page.locator("#pdf-viewer")).hasAttribute("data-ready", "true");
        }
        presenting.getByLabel("Tôi đang trình chiếu").check();
        presenting.locator("#pdf-page").fill("4");
        presenting.locator("#pdf-page").press("Enter");
        assertThat(delegate.locator("#pdf-page")).hasValue("4");

        // a delegate who stops following stays where he is
        delegate.getByLabel("Theo người trình bày").uncheck();
        presenting.locator("#pdf-page").fill("2");
        presenting.locator("#pdf-page").press("Enter");
        presenting.waitForTimeout(1500);
        assertThat(delegate.locator("#pdf-page")).hasValue("4");
    }

    /** A tablet loses the Wi-Fi: the note it takes waits on the tablet and reaches Sen when it is back. */
    @Test
    void notes_taken_offline_reach_sen_when_the_tablet_is_back_online() throws Exception {
        long id = anUrgentMeeting("Họp xem xét tờ trình", 3 * 24 * 60);
        var bytes = new java.io.ByteArrayOutputStream();
        try (var pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
            for (int i = 0; i < 3; i++) {
                pdf.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            }
            pdf.save(bytes);
        }
        var file = files.store(new java.io.ByteArrayInputStream(bytes.toByteArray()), "to-trinh.pdf", "thuky");
        long doc = documents.add(secretary, id, null, "Tờ trình", file.id(), false, List.of());
        documents.approve(chairman, id, doc, 1);
        meetings.invite(secretary, id);

        Page tablet = Chromium.signedIn(browser, port, "giamdoc");
        tablet.navigate("http://localhost:" + port + "/meetings/" + id + "/documents/" + doc);
        assertThat(tablet.locator("#pdf-viewer")).hasAttribute("data-ready", "true");
        var notes = tablet.locator("[data-notes-list] li");
        tablet.locator("#note-text").fill("Hỏi về nguồn vốn");
        tablet.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ghi chú trang đang xem"))
                .click();
        assertThat(notes).hasCount(1);

        tablet.context().setOffline(true);
        tablet.locator("#note-text").fill("Ghi chú lúc mất sóng");
        tablet.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ghi chú trang đang xem"))
                .click();
        assertThat(tablet.locator("[data-notes-pending]")).isVisible();
        assertThat(notes).hasCount(2);
        var count = jdbc.sql("select count(*) from meetings.annotation where document_id = :d")
                .param("d", doc);
        org.assertj.core.api.Assertions.assertThat(count.query(Integer.class).single())
                .isEqualTo(1);

        tablet.context().setOffline(false);
        assertThat(tablet.locator("[data-notes-pending]")).isHidden();
        assertThat(notes.filter(
                        new com.microsoft.playwright.Locator.FilterOptions().setHasText("Ghi chú lúc mất sóng")))
                .hasCount(1);
        org.assertj.core.api.Assertions.assertThat(count.query(Integer.class).single())
                .isEqualTo(2);
        tablet.context().close();
    }
}
