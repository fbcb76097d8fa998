package vn.sen.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import vn.sen.meetings.MeetingViews.ParticipantView;
import vn.sen.meetings.MeetingViews.Response;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/** Invitations in the app and by e-mail (through a real SMTP server), their iCalendar files, and replies. */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3126"})
class InvitationsTest extends MeetingsScenario {

    @RegisterExtension
    static GreenMailExtension mail =
            new GreenMailExtension(new ServerSetup(3126, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    void address(long officer, String email) {
        var view = organization.requireOfficer(officer);
        organization.updateOfficer(UserScope.system(), officer, view.fullName(), email, view.phone());
    }

    List<MimeMessage> mailsTo(String address, int atLeast) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            List<MimeMessage> found = new ArrayList<>();
            for (MimeMessage m : mail.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(address)) {
                    found.add(m);
                }
            }
            if (found.size() >= atLeast || Instant.now().isAfter(deadline)) {
                assertThat(found).as("mails to " + address).hasSizeGreaterThanOrEqualTo(atLeast);
                return found;
            }
            Thread.sleep(100);
        }
    }

    static Calendar calendarOf(MimeMessage message) throws Exception {
        var content = (Multipart) message.getContent();
        for (int i = 0; i < content.getCount(); i++) {
            Part part = content.getBodyPart(i);
            if (part.getContentType().startsWith("text/calendar")) {
                try (InputStream in = part.getInputStream()) {
                    return new CalendarBuilder().build(in);
                }
            }
        }
        throw new AssertionError("no iCalendar part in " + message.getSubject());
    }

    static String property(VEvent event, String name) {
        Optional<Property> property = event.getProperty(name);
        return property.map(Property::getValue).orElse(null);
    }

    @Test
    void everyone_invited_gets_a_notice_and_an_icalendar_that_ical4j_reads() throws Exception {
        address(financeDirectorOfficer, "gd.stc@angiang.gov.vn");
        address(justiceDirectorOfficer, "gd.stp@angiang.gov.vn");
        long id = aMeeting();
        meetings.inviteGuest(
                secretary, id, "TS. Nguyễn Văn Khách, chuyên gia", "khach@daihoc.edu.vn", "Đại học An Giang");
        meetings.invite(secretary, id);
        var meeting = meetings.view(id);

        assertThat(jdbc.sql("select count(*) from notifications.notice where key = :k")
                        .param("k", "meeting:" + id + ":invite:0")
                        .query(Integer.class)
                        .single())
                .as("the chair, the secretary, the vice-chairman and both directors")
                .isEqualTo(5);

        MimeMessage invitation = mailsTo("gd.stc@angiang.gov.vn", 1).getFirst();
        assertThat(invitation.getSubject()).contains("Giấy mời họp").contains(tag);
        Calendar calendar = calendarOf(invitation);
        assertThat(calendar.getProperty("METHOD").map(Property::getValue)).contains("REQUEST");
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(property(event, "UID")).isEqualTo("meeting-" + id + "@sen");
        assertThat(property(event, "SUMMARY")).isEqualTo(meeting.title());
        assertThat(property(event, "LOCATION")).isEqualTo(meeting.where());
        assertThat(property(event, "SEQUENCE")).isEqualTo("0");
        assertThat(Instant.parse(toIso(property(event, "DTSTART")))).isEqualTo(meeting.startsAt());
        assertThat(Instant.parse(toIso(property(event, "DTEND")))).isEqualTo(meeting.endsAt());
        assertThat(event.getProperties("ATTENDEE").stream()
                        .map(Property::getValue)
                        .toList())
                .contains("mailto:gd.stc@angiang.gov.vn", "mailto:gd.stp@angiang.gov.vn", "mailto:khach@daihoc.edu.vn");

        // the guest has no account and gets the same invitation by e-mail
        assertThat(calendarOf(mailsTo("khach@daihoc.edu.vn", 1).getFirst()).getComponent("VEVENT"))
                .isPresent();

        // a change of time: an update with the next sequence; a cancellation: METHOD:CANCEL
        meetings.reschedule(
                secretary,
                id,
                meeting.startsAt().atZone(MeetingText.ZONE).toLocalDateTime().plusHours(1),
                meeting.endsAt().atZone(MeetingText.ZONE).toLocalDateTime().plusHours(1),
                room,
                "");
        VEvent update = (VEvent) calendarOf(mailsTo("gd.stc@angiang.gov.vn", 2).get(1))
                .getComponent("VEVENT")
                .orElseThrow();
        assertThat(property(update, "SEQUENCE")).isEqualTo("1");
        meetings.cancel(secretary, id, "Lãnh đạo đi công tác");
        Calendar cancellation = calendarOf(mailsTo("gd.stp@angiang.gov.vn", 3).get(2));
        assertThat(cancellation.getProperty("METHOD").map(Property::getValue)).contains("CANCEL");
    }

    @Test
    void long_vietnamese_text_is_folded_and_escaped_so_that_it_reads_back_the_same() throws Exception {
        String summary = "Họp bàn phương án sắp xếp, tổ chức lại các đơn vị sự nghiệp công lập; "
                + "trình HĐND tỉnh tại kỳ họp thứ 12 — \"khẩn\"\\ và các nội dung khác";
        var event = new ICalendar.Event(
                "meeting-1@sen",
                2,
                Instant.parse("2026-12-01T01:00:00Z"),
                Instant.parse("2026-12-01T04:00:00Z"),
                summary,
                "Dòng một\nDòng hai, có dấu phẩy; chấm phẩy",
                "Phòng họp số 1, tầng 3",
                "",
                "UBND tỉnh",
                "sen@angiang.gov.vn",
                List.of(new ICalendar.Attendee("Nguyễn Văn \"A\"", "a@angiang.gov.vn")),
                false);
        String text = new String(ICalendar.write(event, Instant.now()), java.nio.charset.StandardCharsets.UTF_8);
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(75);
        }
        VEvent parsed = (VEvent) new CalendarBuilder()
                .build(new StringReader(text))
                .getComponent("VEVENT")
                .orElseThrow();
        assertThat(property(parsed, "SUMMARY")).isEqualTo(summary);
        assertThat(property(parsed, "DESCRIPTION")).isEqualTo("Dòng một\nDòng hai, có dấu phẩy; chấm phẩy");
        assertThat(property(parsed, "SEQUENCE")).isEqualTo("2");
    }

    @Test
    void an_officer_replies_attends_is_absent_with_a_reason_or_sends_a_substitute() {
        long id = aMeeting();
        meetings.invite(secretary, id);
        ParticipantView director = mine(financeDirector, id);

        assertThatThrownBy(() -> meetings.respond(financeDirector, id, director.id(), Response.ABSENT, " ", null))
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("meetings.error.absence-reason"));
        assertThatThrownBy(() -> meetings.respond(justiceDirector, id, director.id(), Response.ATTEND, "", null))
                .isInstanceOf(AccessDeniedException.class);
        // the substitute must not already be on the list
        assertThatThrownBy(() -> meetings.respond(
                        financeDirector, id, director.id(), Response.SUBSTITUTE, "", justiceDirectorOfficer))
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("meetings.error.already-participant"));

        meetings.respond(
                financeDirector, id, director.id(), Response.SUBSTITUTE, "Đi công tác Hà Nội", financeDeputyOfficer);
        ParticipantView after = meetings.participant(id, director.id());
        assertThat(after.response()).isEqualTo(Response.SUBSTITUTE);
        assertThat(after.attendeeOfficerId()).isEqualTo(financeDeputyOfficer);
        assertThat(after.represented()).isTrue();

        // the substitute sees the meeting and attends on the director's row; the director still reads it
        var deputyAccess = meetings.access(financeDeputy, id);
        assertThat(deputyAccess.visible()).isTrue();
        assertThat(deputyAccess.attending(financeDeputyOfficer))
                .map(ParticipantView::id)
                .contains(director.id());
        assertThat(meetings.access(financeDirector, id).attending(financeDirectorOfficer))
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from notifications.notice where key like :k")
                        .param("k", "meeting:" + id + ":reply:%")
                        .query(Integer.class)
                        .single())
                .as("the secretary hears of the reply")
                .isEqualTo(1);

        // replies close when the meeting opens
        setState(id, "OPEN");
        assertThatThrownBy(() -> meetings.respond(financeDirector, id, director.id(), Response.ATTEND, "", null))
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("meetings.error.replies-closed"));
    }

    @Test
    void an_invited_unit_names_its_representative_from_its_own_staff() {
        long id = meetings.schedule(secretary, meetingOn(aDayAhead(3), 8, 11, "THUONG_KY", room, chairmanOfficer))
                .getFirst();
        meetings.inviteUnits(secretary, id, List.of(finance));
        meetings.invite(secretary, id);
        ParticipantView unit = meetings.access(financeClerk, id).answerable().getFirst();
        assertThat(unit.unitId()).isEqualTo(finance);

        assertThatThrownBy(() ->
                        meetings.respond(financeClerk, id, unit.id(), Response.ATTEND, "", justiceDirectorOfficer))
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("meetings.error.representative"));
        assertThatThrownBy(() -> meetings.respond(financeClerk, id, unit.id(), Response.ATTEND, "", null))
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("meetings.error.attendee"));
        meetings.respond(financeClerk, id, unit.id(), Response.ATTEND, "", financeDeputyOfficer);
        assertThat(meetings.participant(id, unit.id()).attendeeName()).startsWith("Phó Giám đốc STC");
        assertThat(meetings.access(financeDeputy, id).attending(financeDeputyOfficer))
                .isPresent();
        assertThatThrownBy(() -> meetings.respond(justiceDirector, id, unit.id(), Response.ABSENT, "bận", null))
                .isInstanceOf(AccessDeniedException.class);
    }

    ParticipantView mine(UserScope user, long meetingId) {
        return meetings.access(user, meetingId).answerable().getFirst();
    }

    /** 20261201T010000Z → 2026-12-01T01:00:00Z */
    static String toIso(String basic) {
        return basic.substring(0, 4) + "-" + basic.substring(4, 6) + "-" + basic.substring(6, 11) + ":"
                + basic.substring(11, 13) + ":" + basic.substring(13);
    }
}
