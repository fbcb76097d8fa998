package vn.sen.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import vn.sen.meetings.MeetingViews.Response;
import vn.sen.meetings.SpeakerQueue.Kind;
import vn.sen.shared.RuleViolation;

/** Minutes drafted from what the session did, edited, approved by the chair, fixed as a PDF. */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class MinutesTest extends MeetingsScenario {

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Autowired
    vn.sen.identity.TestLogins logins;

    int status(String username, String url) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(logins.signedIn(username))))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Autowired
    LiveSession live;

    @Autowired
    SpeakerQueue speakers;

    @Autowired
    Votes votes;

    @Autowired
    Minutes minutes;

    static String code(Throwable e) {
        return ((RuleViolation) e).code();
    }

    @Test
    void the_draft_tells_who_came_what_was_said_and_voted_and_the_chair_fixes_it() throws Exception {
        long id = aMeetingSoon(List.of(viceOfficer, financeDirectorOfficer, justiceDirectorOfficer));
        long item =
                agenda.add(secretary, id, new Agenda.ItemForm("Kế hoạch đầu tư công", financeDirectorOfficer, "", 30));
        meetings.invite(secretary, id);
        var justice = meetings.access(justiceDirector, id).answerable().getFirst();
        meetings.respond(justiceDirector, id, justice.id(), Response.ABSENT, "Đi công tác tại Hà Nội", null);
        live.open(secretary, id);
        String token = rooms.require(room).checkinToken();
        for (var who : List.of(chairman, vice, financeDirector)) {
            live.checkIn(who, id, token);
        }
        assertThatThrownBy(() -> minutes.draft(secretary, id))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.minutes-not-closed"));
        live.startItem(secretary, id, item);
        long speech = speakers.request(vice, id, Kind.SPEECH, "Về nguồn vốn");
        speakers.grant(chairman, id, speech, 0);
        long vote = votes.create(
                secretary, id, new Votes.VoteForm(item, "Thông qua kế hoạch", List.of(), false, false, false, null));
        votes.open(secretary, vote);
        votes.cast(chairman, vote, 0);
        votes.cast(vice, vote, 0);
        votes.cast(financeDirector, vote, 0);
        votes.close(secretary, vote);
        live.close(chairman, id);

        String text = minutes.draft(secretary, id).text();
        assertThat(text)
                .contains("BIÊN BẢN CUỘC HỌP", "Chủ trì: Chủ tịch " + tag, "Thư ký: Thư ký " + tag)
                .contains("Thành phần tham dự (3/5 có mặt)", "Phó Chủ tịch " + tag)
                .contains("Vắng mặt:", "Giám đốc STP " + tag + ": Đi công tác tại Hà Nội")
                .contains("1. Kế hoạch đầu tư công (trình bày: Giám đốc STC " + tag + ")")
                .contains("Phát biểu: Phó Chủ tịch " + tag)
                .contains("Biểu quyết: Thông qua kế hoạch. Kết quả: Tán thành 3, Không tán thành 0, Không biểu quyết 0"
                        + " (3 phiếu) — thông qua.")
                .contains("KẾT LUẬN CỦA CHỦ TRÌ");

        // delegates see nothing until the chair approves
        assertThat(minutes.read(financeDirector, id)).isEmpty();
        assertThatThrownBy(() -> minutes.read(outsider, id)).isInstanceOf(AccessDeniedException.class);
        minutes.edit(
                secretary,
                id,
                text.replace(
                        "(Thư ký ghi ý kiến kết luận của chủ trì cuộc họp.)",
                        "Giao Sở Tài chính hoàn thiện kế hoạch, trình trước ngày 15."));
        assertThatThrownBy(() -> minutes.approve(secretary, id)).isInstanceOf(AccessDeniedException.class);
        var pdf = minutes.approve(chairman, id);
        try (var in = files.open(pdf);
                var document = Loader.loadPDF(in.readAllBytes())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("BIÊN BẢN CUỘC HỌP", "Giao Sở Tài chính hoàn thiện kế hoạch, trình trước ngày 15.");
        }
        assertThat(minutes.read(financeDirector, id))
                .map(Minutes.MinutesView::state)
                .contains(Minutes.State.APPROVED);
        assertThatThrownBy(() -> minutes.edit(secretary, id, "khác"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.minutes-approved"));
        assertThatThrownBy(() -> minutes.draft(secretary, id))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.minutes-approved"));

        // the approved minutes on the meeting's page, as a PDF for those who attended, not for others
        assertThat(status(financeDirector.username(), "/meetings/" + id + "/minutes.pdf"))
                .isEqualTo(200);
        assertThat(status(outsider.username(), "/meetings/" + id + "/minutes.pdf"))
                .isEqualTo(403);
        assertThat(status(secretary.username(), "/meetings/" + id)).isEqualTo(200);
    }
}
