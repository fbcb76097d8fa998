package vn.sen.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import vn.sen.documents.DocumentType;
import vn.sen.documents.OutgoingDocuments;
import vn.sen.documents.OutgoingViews.SignerForm;
import vn.sen.identity.TestLogins;
import vn.sen.meetings.Conclusions.NewItem;
import vn.sen.meetings.Conclusions.State;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * The conclusion notice: due 5 working days after the meeting, drafted from the template and the minutes,
 * items with lead units and deadlines, sent to the e-office as a TB draft, issued when released — which
 * publishes each item with a lead unit for task tracking; reminders when due and when overdue.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ConclusionsTest extends MeetingsScenario {

    @Autowired
    Conclusions conclusions;

    @Autowired
    Minutes minutes;

    @Autowired
    LiveSession live;

    @Autowired
    OutgoingDocuments outgoing;

    @Autowired
    ApplicationEvents events;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestLogins logins;

    static String code(Throwable e) {
        return ((RuleViolation) e).code();
    }

    /** A meeting held now and closed, with both department directors invited and the vice present. */
    long aClosedMeeting() {
        long id = aMeetingSoon(List.of(viceOfficer, financeDirectorOfficer, justiceDirectorOfficer));
        agenda.add(secretary, id, new Agenda.ItemForm("Kế hoạch đầu tư công", financeDirectorOfficer, "", 30));
        meetings.invite(secretary, id);
        live.open(secretary, id);
        String token = rooms.require(room).checkinToken();
        live.checkIn(chairman, id, token);
        live.checkIn(vice, id, token);
        live.checkIn(financeDirector, id, token);
        live.close(chairman, id);
        return id;
    }

    void closedOn(long meetingId, LocalDateTime at) {
        jdbc.sql("update meetings.meeting set closed_at = :at where id = :id")
                .param("at", Meetings.offset(at.atZone(MeetingText.ZONE).toInstant()))
                .param("id", meetingId)
                .update();
    }

    /** The meeting's secretary who also drafts documents in the Office. */
    UserScope drafter() {
        return new UserScope(
                secretary.accountId(),
                secretary.username(),
                secretaryOfficer,
                List.of(
                        new UserScope.Grant(
                                Role.MEETING_SECRETARY,
                                committee,
                                organization.requireUnit(committee).path()),
                        new UserScope.Grant(
                                Role.SPECIALIST,
                                office,
                                organization.requireUnit(office).path())));
    }

    @Test
    void due_five_working_days_after_the_meeting_counting_holidays() {
        long id = aClosedMeeting();
        closedOn(id, LocalDateTime.of(2026, 12, 1, 11, 0)); // a Tuesday: Wed, Thu, Fri, Mon, Tue
        assertThat(conclusions.find(id).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2026, 12, 8));
        closedOn(id, LocalDateTime.of(2026, 12, 31, 16, 0)); // New Year's Day is not a working day
        assertThat(conclusions.find(id).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(conclusions.find(id).orElseThrow().state()).isEqualTo(State.NOT_STARTED);
        assertThat(conclusions.find(aMeeting())).as("not held yet").isEmpty();
    }

    @Test
    void drafted_from_the_minutes_sent_to_the_e_office_and_issued_on_release_with_its_items_for_task_tracking()
            throws Exception {
        long id = aClosedMeeting();
        String said = minutes.draft(secretary, id)
                .text()
                .replace(
                        "(Thư ký ghi ý kiến kết luận của chủ trì cuộc họp.)",
                        "Cơ bản thống nhất dự thảo kế hoạch đầu tư công năm 2027.");
        minutes.edit(secretary, id, said);

        assertThatThrownBy(() -> conclusions.addItem(secretary, id, new NewItem("x", null, List.of(), null)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.conclusion-none"));
        String text = conclusions.draft(secretary, id).text();
        assertThat(text)
                .contains("Chủ tịch " + tag + " chủ trì cuộc họp", "Phó Chủ tịch " + tag)
                .contains("Kế hoạch đầu tư công do Giám đốc STC " + tag + " trình bày")
                .contains("kết luận như sau:", "Cơ bản thống nhất dự thảo kế hoạch đầu tư công năm 2027.");

        LocalDate deadline = LocalDate.now(clock).plusDays(30);
        long task = conclusions.addItem(
                secretary,
                id,
                new NewItem("Hoàn thiện kế hoạch, trình UBND tỉnh.", finance, List.of(justice), deadline));
        conclusions.addItem(secretary, id, new NewItem("Các đơn vị nghiêm túc thực hiện.", null, List.of(), null));
        // items that make no sense are refused
        assertThatThrownBy(() -> conclusions.addItem(secretary, id, new NewItem("y", null, List.of(justice), null)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.conclusion-lead"));
        assertThatThrownBy(() -> conclusions.addItem(secretary, id, new NewItem("y", finance, List.of(finance), null)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.conclusion-lead-coordinates"));
        assertThatThrownBy(() -> conclusions.addItem(
                        secretary,
                        id,
                        new NewItem(
                                "y", finance, List.of(), LocalDate.now(clock).minusDays(1))))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.conclusion-deadline"));
        assertThatThrownBy(() -> conclusions.addItem(secretary, id, new NewItem(" ", finance, List.of(), null)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.conclusion-item"));
        // only the organisers work on it; the delegates see it once issued
        assertThatThrownBy(() -> conclusions.addItem(financeDirector, id, new NewItem("y", null, List.of(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> conclusions.read(outsider, id)).isInstanceOf(AccessDeniedException.class);
        assertThat(conclusions.read(financeDirector, id)).isEmpty();
        assertThat(conclusions.read(secretary, id).orElseThrow().items())
                .extracting(Conclusions.ItemView::position, Conclusions.ItemView::leadUnitId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, finance), org.assertj.core.groups.Tuple.tuple(2, null));

        // drafting an outgoing document needs a business role in one's unit
        assertThatThrownBy(() -> conclusions.send(secretary, id, null, SignerForm.NONE))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.conclusion-drafter"));
        UserScope drafter = drafter();
        long documentId = conclusions.send(drafter, id, null, SignerForm.NONE);
        var document = outgoing.find(drafter, documentId).orElseThrow();
        assertThat(document.type()).isEqualTo(DocumentType.NOTICE);
        assertThat(document.subject())
                .isEqualTo("Kết luận của Chủ tịch " + tag + " tại cuộc họp "
                        + meetings.view(id).title());
        assertThat(document.unitId()).isEqualTo(office);
        assertThat(document.issuerUnitId()).isEqualTo(committee);
        assertThat(document.signerOfficerId()).isEqualTo(chairmanOfficer);
        assertThat(document.recipients()).extracting(r -> r.unitId()).contains(finance, justice);
        try (var in = files.open(files.require(document.latest().pdfId().orElseThrow()));
                var pdf = Loader.loadPDF(in.readAllBytes())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("THÔNG BÁO", "Cơ bản thống nhất dự thảo kế hoạch")
                    .contains("1. Hoàn thiện kế hoạch, trình UBND tỉnh. Giao Sở Tài chính " + tag
                            + " chủ trì, phối hợp với Sở Tư pháp " + tag + " thực hiện; thời hạn: "
                            + deadline.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        }
        assertThat(conclusions.find(id).orElseThrow().state()).isEqualTo(State.SENT);
        assertThatThrownBy(() -> conclusions.edit(secretary, id, "khác"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.conclusion-fixed"));
        assertThatThrownBy(() -> conclusions.waive(secretary, id, "không cần"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.conclusion-fixed"));
        assertThat(events.stream(ConclusionItemIssued.class)).isEmpty();

        // the e-office: review by the committee's clerk, the chairman's approval, number, release
        UserScope clerk = new UserScope(
                1,
                "vt" + tag,
                null,
                List.of(new UserScope.Grant(
                        Role.CLERK,
                        committee,
                        organization.requireUnit(committee).path())));
        outgoing.submit(drafter, documentId);
        outgoing.decide(
                clerk, outgoing.pendingSteps(clerk, documentId).getFirst().id(), true, "Đúng thể thức");
        outgoing.decide(
                chairman, outgoing.pendingSteps(chairman, documentId).getFirst().id(), true, "");
        String number = outgoing.issue(clerk, documentId);
        outgoing.release(clerk, documentId);

        var issued = conclusions.read(financeDirector, id).orElseThrow();
        assertThat(issued.state()).isEqualTo(State.ISSUED);
        assertThat(number).isEqualTo("Số: " + issued.number());
        assertThat(issued.number()).contains("/TB-");
        assertThat(issued.issuedOn()).isEqualTo(LocalDate.now(clock));
        assertThat(events.stream(ConclusionItemIssued.class)).singleElement().satisfies(e -> {
            assertThat(e.itemId()).isEqualTo(task);
            assertThat(e.meetingId()).isEqualTo(id);
            assertThat(e.leadUnitId()).isEqualTo(finance);
            assertThat(e.coordinatingUnitIds()).containsExactly(justice);
            assertThat(e.deadline()).isEqualTo(deadline);
            assertThat(e.noticeNumber()).isEqualTo(issued.number());
            assertThat(e.outgoingId()).isEqualTo(documentId);
            assertThat(e.actor()).isEqualTo(clerk.username());
        });
        // the page: the organiser and the delegates see it, others not
        mvc.perform(get("/meetings/" + id + "/conclusion")
                        .with(authentication(logins.signedIn(financeDirector.username()))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(issued.number())));
        mvc.perform(get("/meetings/" + id + "/conclusion").with(authentication(logins.signedIn(outsider.username()))))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_organisers_hear_when_it_is_overdue_once_and_not_after_it_is_waived() {
        long late = aClosedMeeting();
        closedOn(late, LocalDateTime.now(clock).minusDays(20));
        String key = "conclusion:" + late + ":overdue";
        conclusions.remindDue();
        conclusions.remindDue();
        assertThat(jdbc.sql("select username from notifications.notice where key = :k")
                        .param("k", key)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(chairman.username(), secretary.username());
        assertThat(conclusions.find(late).orElseThrow().overdue(LocalDate.now(clock)))
                .isTrue();

        assertThatThrownBy(() -> conclusions.waive(secretary, late, " "))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.conclusion-waive-reason"));
        conclusions.waive(secretary, late, "Nội dung đã thể hiện trong biên bản.");
        assertThat(conclusions.find(late).orElseThrow().overdue(LocalDate.now(clock)))
                .isFalse();
        jdbc.sql("delete from notifications.notice where key = :k")
                .param("k", key)
                .update();
        conclusions.remindDue();
        assertThat(jdbc.sql("select count(*) from notifications.notice where key = :k")
                        .param("k", key)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
