package vn.sen.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import vn.sen.meetings.Opinions.Choice;
import vn.sen.meetings.Opinions.NewRequest;
import vn.sen.shared.RuleViolation;

/** Opinion collection: who asks, who answers, until when, reminders and the summary. */
@SpringBootTest
class OpinionsTest extends MeetingsScenario {

    @Autowired
    Opinions opinions;

    static String code(Throwable e) {
        return ((RuleViolation) e).code();
    }

    NewRequest request(LocalDateTime deadline) throws Exception {
        return new NewRequest(
                committee,
                null,
                "Dự thảo quy chế làm việc " + tag,
                "Đề nghị các đồng chí cho ý kiến vào dự thảo quy chế.",
                deadline,
                List.of(financeDirectorOfficer, justiceDirectorOfficer, viceOfficer),
                List.of(pdf(secretary, "Du thao", 2)),
                false);
    }

    @Test
    void officers_answer_until_the_deadline_and_the_summary_counts_them() throws Exception {
        long id = opinions.ask(secretary, request(LocalDateTime.now(clock).plusDays(3)));
        assertThat(jdbc.sql("select count(*) from notifications.notice where key = :k")
                        .param("k", "opinion:" + id + ":asked")
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);

        opinions.answer(financeDirector, id, Choice.AGREE, "");
        assertThatThrownBy(() -> opinions.answer(justiceDirector, id, Choice.DISAGREE, " "))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.opinion-comment"));
        opinions.answer(justiceDirector, id, Choice.OTHER, "Bổ sung điều 5 về chế độ báo cáo");
        opinions.answer(justiceDirector, id, Choice.DISAGREE, "Chưa phù hợp Luật Tổ chức chính quyền địa phương");
        assertThatThrownBy(() -> opinions.answer(outsider, id, Choice.AGREE, ""))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> opinions.summary(financeDirector, id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> opinions.read(outsider, id)).isInstanceOf(AccessDeniedException.class);

        var summary = opinions.summary(secretary, id);
        assertThat(summary.counts())
                .containsEntry(Choice.AGREE, 1)
                .containsEntry(Choice.DISAGREE, 1)
                .containsEntry(Choice.OTHER, 0);
        assertThat(summary.answers())
                .extracting(Opinions.AnswerView::comment)
                .contains("Chưa phù hợp Luật Tổ chức chính quyền địa phương");
        assertThat(summary.missing())
                .containsExactly(organization.requireOfficer(viceOfficer).fullName());
        assertThat(opinions.read(financeDirector, id).documents()).hasSize(1);

        opinions.close(chairman, id);
        assertThatThrownBy(() -> opinions.answer(vice, id, Choice.AGREE, ""))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.opinion-closed"));
    }

    @Test
    void those_who_have_not_answered_are_reminded_once_a_day_before_the_deadline() throws Exception {
        long far = opinions.ask(secretary, request(LocalDateTime.now(clock).plusDays(5)));
        long near = opinions.ask(secretary, request(LocalDateTime.now(clock).plusHours(20)));
        opinions.answer(financeDirector, near, Choice.AGREE, "");
        opinions.remindDue();
        opinions.remindDue();
        assertThat(jdbc.sql("select count(*) from notifications.notice where key = :k")
                        .param("k", "opinion:" + near + ":reminder")
                        .query(Integer.class)
                        .single())
                .as("the two who have not answered, once")
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from notifications.notice where key = :k")
                        .param("k", "opinion:" + far + ":reminder")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void bad_requests_are_refused_with_their_reason() throws Exception {
        assertThatThrownBy(() ->
                        opinions.ask(secretary, request(LocalDateTime.now(clock).minusHours(1))))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.opinion-deadline"));
        assertThatThrownBy(() -> opinions.ask(
                        financeDirector, request(LocalDateTime.now(clock).plusDays(1))))
                .isInstanceOf(AccessDeniedException.class);
        var empty = new NewRequest(
                committee, null, "T", "Q", LocalDateTime.now(clock).plusDays(2), List.of(), List.of(), false);
        assertThatThrownBy(() -> opinions.ask(secretary, empty))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.opinion-recipients"));
    }
}
