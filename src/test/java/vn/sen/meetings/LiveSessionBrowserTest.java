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

    @Test
    void a_vote_opened_at_the_console_is_cast_on_two_tablets_and_shown_on_the_big_screen() {
        demo.ensureLoaded();
        UserScope secretary = scope("thuky");
        UserScope chairman = scope("chutich");
        UserScope director = scope("giamdoc");
        UserScope specialist = scope("chuyenvien");
        long committee = jdbc.sql("select unit_id from organization.unit_code where code = '000.00.00.H01'")
                .query(Long.class)
                .single();
        long urgent = types.all().stream()
                .filter(t -> t.code().equals("DOT_XUAT"))
                .findFirst()
                .orElseThrow()
                .id();
        var start = LocalDateTime.now(clock).plusMinutes(20).withSecond(0).withNano(0);
        long id = meetings.schedule(
                        secretary,
                        new NewMeeting(
                                committee,
                                urgent,
                                "Họp đột xuất về phòng chống bão số 15",
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
}
