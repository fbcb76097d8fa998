package vn.sen.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.sen.demo.DemoFixture;
import vn.sen.identity.TestLogins;

/** The meeting screens of the demo province: scheduling, the meeting page, bad input, refusals audited. */
@SpringBootTest
@AutoConfigureMockMvc
class MeetingWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixture demo;

    @Autowired
    TestLogins logins;

    @Autowired
    JdbcClient jdbc;

    long meeting;

    @BeforeEach
    void theDemoSession() {
        demo.ensureLoaded();
        meeting = jdbc.sql("select min(id) from meetings.meeting where title like 'Phiên họp thường kỳ%'")
                .query(Long.class)
                .single();
    }

    @Test
    void the_demo_session_shows_its_agenda_documents_and_participants() throws Exception {
        String page = mvc.perform(get("/meetings/" + meeting).with(authentication(logins.signedIn("giamdoc"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Phiên họp thường kỳ", "Chương trình họp", "Phương án sắp xếp các đơn vị sự nghiệp công lập")
                .contains("Phương án nhân sự (tài liệu hạn chế)") // giamdoc is named on it
                .contains("Trả lời giấy mời");
        String list = mvc.perform(get("/meetings").with(authentication(logins.signedIn("giamdoc"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("/meetings/" + meeting);
    }

    @Test
    void the_secretary_schedules_from_the_form_and_bad_input_comes_back_in_vietnamese() throws Exception {
        long unit = jdbc.sql("select id from organization.unit where path = (select min(path) from organization.unit"
                        + " u join organization.unit_code c on c.unit_id = u.id where c.code = '000.00.00.H01')")
                .query(Long.class)
                .single();
        long type = jdbc.sql("select id from meetings.meeting_type where code = 'GIAO_BAN'")
                .query(Long.class)
                .single();
        long chair = jdbc.sql("select chair_officer_id from meetings.meeting where id = :m")
                .param("m", meeting)
                .query(Long.class)
                .single();
        LocalDate day = LocalDate.now().plusDays(40);
        var form = post("/meetings")
                .with(authentication(logins.signedIn("thuky")))
                .with(csrf())
                .param("unitId", String.valueOf(unit))
                .param("typeId", String.valueOf(type))
                .param("title", "Giao ban tuần " + System.nanoTime())
                .param("day", day.toString())
                .param("chairOfficerId", String.valueOf(chair));
        var wrong =
                mvc.perform(form.param("from", "10:00").param("to", "09:00")).andReturn();
        assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/meetings/new");
        assertThat(wrong.getFlashMap().get("problem")).isEqualTo("meetings.error.end-before-start");

        var right = mvc.perform(post("/meetings")
                        .with(authentication(logins.signedIn("thuky")))
                        .with(csrf())
                        .param("unitId", String.valueOf(unit))
                        .param("typeId", String.valueOf(type))
                        .param("title", "Giao ban tuần " + System.nanoTime())
                        .param("day", day.toString())
                        .param("from", "07:30")
                        .param("to", "09:00")
                        .param("chairOfficerId", String.valueOf(chair)))
                .andReturn();
        assertThat(right.getResponse().getRedirectedUrl()).matches("/meetings/\\d+");
        String page = mvc.perform(
                        get(right.getResponse().getRedirectedUrl()).with(authentication(logins.signedIn("thuky"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Gửi giấy mời", "Đang chuẩn bị", "07:30–09:00");
    }

    @Test
    void someone_not_invited_is_refused_and_the_attempt_is_in_the_audit_trail() throws Exception {
        int status = mvc.perform(get("/meetings/" + meeting).with(authentication(logins.signedIn("chuyenvien"))))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(jdbc.sql("""
                        select count(*) from (select action, actor, resource, outcome from audit.record
                                              union all select action, actor, resource, outcome from audit.pending) a
                        where action = 'meetings.denied' and actor = 'chuyenvien' and resource = :r and outcome = 'DENIED'
                        """)
                        .param("r", "meeting:" + meeting)
                        .query(Integer.class)
                        .single())
                .isPositive();
    }

    @Test
    void opinions_are_asked_answered_and_summed_up_through_the_screens() throws Exception {
        long committee = jdbc.sql("select unit_id from organization.unit_code where code = '000.00.00.H01'")
                .query(Long.class)
                .single();
        long director = jdbc.sql("select officer_id from identity.account where username = 'giamdoc'")
                .query(Long.class)
                .single();
        var file = new org.springframework.mock.web.MockMultipartFile(
                "files", "du-thao.pdf", "application/pdf", "%PDF-1.4\n% du thao\n%%EOF".getBytes());
        var asked = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/meetings/opinions")
                        .file(file)
                        .with(authentication(logins.signedIn("thuky")))
                        .with(csrf())
                        .param("unitId", String.valueOf(committee))
                        .param("title", "Dự thảo kế hoạch cải cách hành chính")
                        .param("question", "Đề nghị cho ý kiến trước ngày họp.")
                        .param("day", LocalDate.now().plusDays(5).toString())
                        .param("time", "17:00")
                        .param("officerIds", String.valueOf(director)))
                .andReturn();
        String url = asked.getResponse().getRedirectedUrl();
        assertThat(url).matches("/meetings/opinions/\\d+");

        String page = mvc.perform(get(url).with(authentication(logins.signedIn("giamdoc"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Đề nghị cho ý kiến trước ngày họp.", "du-thao.pdf", "Gửi ý kiến");
        var refused = mvc.perform(post(url + "/answer")
                        .with(authentication(logins.signedIn("giamdoc")))
                        .with(csrf())
                        .param("choice", "DISAGREE"))
                .andReturn();
        assertThat(refused.getFlashMap().get("problem")).isEqualTo("meetings.error.opinion-comment");
        mvc.perform(post(url + "/answer")
                .with(authentication(logins.signedIn("giamdoc")))
                .with(csrf())
                .param("choice", "DISAGREE")
                .param("comment", "Cần bổ sung lộ trình số hóa hồ sơ"));
        String summary = mvc.perform(get(url).with(authentication(logins.signedIn("thuky"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(summary).contains("Tổng hợp ý kiến", "Không đồng ý: 1", "Cần bổ sung lộ trình số hóa hồ sơ");
        assertThat(mvc.perform(get(url).with(authentication(logins.signedIn("chuyenvien"))))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }
}
