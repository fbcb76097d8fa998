package vn.sen.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import vn.sen.identity.TestLogins;

/** The organisers' yearly figures: meetings, attendance, pages not printed, conclusion notices. */
@SpringBootTest
@AutoConfigureMockMvc
class MeetingStatisticsTest extends MeetingsScenario {

    @Autowired
    MeetingStatistics statistics;

    @Autowired
    LiveSession live;

    @Autowired
    Conclusions conclusions;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestLogins logins;

    @Test
    void a_year_of_meetings_in_figures() throws Exception {
        long held = aMeetingSoon(List.of(viceOfficer, financeDirectorOfficer, justiceDirectorOfficer));
        long doc = documents.add(secretary, held, null, "Tờ trình", pdf(secretary, "To trinh", 3), false, List.of());
        documents.approve(chairman, held, doc, 1);
        meetings.invite(secretary, held);
        live.open(secretary, held);
        String token = rooms.require(room).checkinToken();
        live.checkIn(chairman, held, token);
        live.checkIn(vice, held, token);
        live.close(chairman, held);
        conclusions.waive(secretary, held, "Nội dung đã có trong biên bản");
        int invited = meetings.participants(held).size();

        long ahead = aMeeting();
        long cancelled = meetings.schedule(secretary, meetingOn(aDayAhead(3), 14, 16, "THUONG_KY", room, viceOfficer))
                .getFirst();
        meetings.cancel(secretary, cancelled, "Trùng lịch làm việc với Trung ương");

        int year = LocalDate.now(clock).getYear();
        var report = statistics.of(secretary, year);
        assertThat(report.held()).isEqualTo(1);
        assertThat(report.ahead()).isEqualTo(yearOf(ahead) == year ? 1 : 0);
        assertThat(report.cancelled()).isEqualTo(yearOf(cancelled) == year ? 1 : 0);
        assertThat(report.participants()).isEqualTo(invited);
        assertThat(report.present()).isEqualTo(2);
        assertThat(report.documents()).isEqualTo(1);
        assertThat(report.pagesSaved()).isEqualTo(3L * invited);
        assertThat(report.conclusionsWaived()).isEqualTo(1);
        assertThat(report.conclusionsOnTime() + report.conclusionsLate() + report.conclusionsPending())
                .isZero();
        assertThat(statistics.of(secretary, year - 1).held()).isZero();

        assertThatThrownBy(() -> statistics.of(financeClerk, year)).isInstanceOf(AccessDeniedException.class);
        mvc.perform(get("/meetings/statistics").with(authentication(logins.signedIn(secretary.username()))))
                .andExpect(status().isOk());
        mvc.perform(get("/meetings/statistics").with(authentication(logins.signedIn(financeClerk.username()))))
                .andExpect(status().isForbidden());
    }

    int yearOf(long meetingId) {
        return meetings.view(meetingId)
                .startsAt()
                .atZone(ZoneId.of("Asia/Ho_Chi_Minh"))
                .getYear();
    }
}
