package vn.sen.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import vn.sen.meetings.MeetingViews.MeetingState;
import vn.sen.meetings.MeetingViews.NewMeeting;
import vn.sen.meetings.MeetingViews.Repeat;
import vn.sen.shared.RuleViolation;

/** Scheduling: duration caps, rooms and chairs in two places at once, repetitions, lead times, who organises. */
@SpringBootTest
class SchedulingTest extends MeetingsScenario {

    static String code(Throwable e) {
        return ((RuleViolation) e).code();
    }

    @Test
    void a_room_and_a_chair_cannot_be_in_two_meetings_at_once() {
        LocalDate day = aDayAhead(3);
        long first = meetings.schedule(secretary, meetingOn(day, 8, 11, "THUONG_KY", room, chairmanOfficer))
                .getFirst();

        assertThatThrownBy(() -> meetings.schedule(secretary, meetingOn(day, 10, 12, "THUONG_KY", room, viceOfficer)))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.room-busy"))
                .satisfies(e -> assertThat(((RuleViolation) e).args()[0])
                        .isEqualTo(meetings.view(first).title()));
        assertThatThrownBy(
                        () -> meetings.schedule(secretary, meetingOn(day, 9, 10, "THUONG_KY", null, chairmanOfficer)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.chair-busy"));

        // back to back is fine; so is the same hour once the first is cancelled
        meetings.schedule(secretary, meetingOn(day, 11, 12, "THUONG_KY", room, chairmanOfficer));
        meetings.cancel(secretary, first, "Lãnh đạo đi công tác");
        meetings.schedule(secretary, meetingOn(day, 8, 10, "THUONG_KY", room, viceOfficer));
    }

    @Test
    void the_database_refuses_a_double_booking_that_slips_past_the_check() {
        LocalDate day = aDayAhead(3);
        long first = meetings.schedule(secretary, meetingOn(day, 8, 11, "THUONG_KY", room, chairmanOfficer))
                .getFirst();
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into meetings.meeting (unit_id, type_id, title, room_id, starts_at, ends_at,
                            chair_officer_id, created_by)
                        select unit_id, type_id, 'race', room_id, starts_at + interval '1 hour', ends_at, :other, 'x'
                        from meetings.meeting where id = :id
                        """)
                        .param("other", viceOfficer)
                        .param("id", first)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("meeting_room_busy");
    }

    @Test
    void times_are_checked_against_the_type() {
        LocalDate day = aDayAhead(3);
        assertThatThrownBy(
                        () -> meetings.schedule(secretary, meetingOn(day, 11, 8, "THUONG_KY", room, chairmanOfficer)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.end-before-start"));
        assertThatThrownBy(() -> meetings.schedule(secretary, meetingOn(day, 7, 17, "GIAO_BAN", room, chairmanOfficer)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.too-long"))
                .satisfies(e -> assertThat(((RuleViolation) e).args()).containsExactly("180", "600"));
        LocalDate past = LocalDate.now(clock).minusDays(2);
        assertThatThrownBy(() -> meetings.schedule(secretary, meetingOn(past, 8, 9, "GIAO_BAN", room, chairmanOfficer)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.past"));
        assertThat(jdbc.sql("select count(*) from meetings.meeting where title like :t")
                        .param("t", "%" + tag + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void a_weekly_meeting_is_scheduled_whole_or_not_at_all() {
        LocalDate day = aDayAhead(3);
        NewMeeting weekly = withRepeat(meetingOn(day, 14, 15, "GIAO_BAN", room, viceOfficer), Repeat.WEEKLY, 4);
        // something already in the room on the third Tuesday
        meetings.schedule(secretary, meetingOn(day.plusWeeks(2), 14, 16, "CHUYEN_DE", room, chairmanOfficer));

        assertThatThrownBy(() -> meetings.schedule(secretary, weekly))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.room-busy"));
        assertThat(jdbc.sql("select count(*) from meetings.meeting where chair_officer_id = :v")
                        .param("v", viceOfficer)
                        .query(Integer.class)
                        .single())
                .isZero();

        List<Long> ids = meetings.schedule(
                secretary, withRepeat(weekly, Repeat.WEEKLY, 4).withRoom(null));
        assertThat(ids).hasSize(4);
        var last = meetings.view(ids.getLast());
        assertThat(Duration.between(meetings.view(ids.getFirst()).startsAt(), last.startsAt()))
                .isEqualTo(Duration.ofDays(21));
        assertThat(last.seriesIndex()).isEqualTo(4);
        assertThat(last.seriesId()).isEqualTo(meetings.view(ids.getFirst()).seriesId());
    }

    @Test
    void invitations_respect_the_types_lead_time_in_working_days() {
        // tomorrow at most one working day away: too soon for a regular session, fine when urgent
        LocalDate soon = LocalDate.now(clock).plusDays(1);
        long regular = meetings.schedule(secretary, meetingOn(soon, 20, 21, "THUONG_KY", null, chairmanOfficer))
                .getFirst();
        meetings.inviteOfficers(secretary, regular, List.of(financeDirectorOfficer));
        assertThatThrownBy(() -> meetings.invite(secretary, regular))
                .satisfies(e -> assertThat(code(e)).isEqualTo("meetings.error.lead-time"))
                .satisfies(e -> assertThat(((RuleViolation) e).args()[0]).isEqualTo("3"));
        assertThat(meetings.view(regular).state()).isEqualTo(MeetingState.DRAFT);

        long urgent = meetings.schedule(secretary, meetingOn(soon, 21, 22, "DOT_XUAT", null, viceOfficer))
                .getFirst();
        meetings.inviteOfficers(secretary, urgent, List.of(financeDirectorOfficer));
        meetings.invite(secretary, urgent);
        assertThat(meetings.view(urgent).state()).isEqualTo(MeetingState.INVITED);
    }

    @Test
    void only_the_units_secretaries_and_leaders_organise_and_drafts_stay_with_them() {
        LocalDate day = aDayAhead(3);
        assertThatThrownBy(() ->
                        meetings.schedule(financeDirector, meetingOn(day, 8, 9, "GIAO_BAN", null, chairmanOfficer)))
                .isInstanceOf(AccessDeniedException.class);
        long id = meetings.schedule(secretary, meetingOn(day, 8, 9, "GIAO_BAN", null, chairmanOfficer))
                .getFirst();
        meetings.inviteOfficers(secretary, id, List.of(financeDirectorOfficer));

        assertThat(meetings.access(chairman, id).organiser()).isTrue();
        assertThat(meetings.access(vice, id).organiser()).isTrue(); // a leader of the committee
        assertThat(meetings.access(financeDirector, id).visible()).isFalse(); // still a draft
        assertThatThrownBy(() -> meetings.read(financeDirector, id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meetings.inviteOfficers(financeDirector, id, List.of(justiceDirectorOfficer)))
                .isInstanceOf(AccessDeniedException.class);

        meetings.invite(secretary, id);
        assertThat(meetings.read(financeDirector, id).title()).contains(tag);
        assertThat(meetings.access(financeDirector, id).organiser()).isFalse();
        assertThat(meetings.access(justiceDirector, id).visible()).isFalse();
        assertThatThrownBy(() -> meetings.read(outsider, id)).isInstanceOf(AccessDeniedException.class);

        var from = day.atStartOfDay(MeetingText.ZONE).toInstant();
        var to = from.plus(Duration.ofDays(1));
        assertThat(meetings.list(financeDirector, from, to, 50))
                .extracting(s -> s.id())
                .containsExactly(id);
        assertThat(meetings.list(justiceDirector, from, to, 50)).isEmpty();
        assertThat(meetings.list(secretary, from, to, 50))
                .extracting(s -> s.id())
                .contains(id);
    }

    @Test
    void rescheduling_after_the_invitations_raises_the_sequence() {
        long id = aMeeting();
        meetings.invite(secretary, id);
        LocalDate later = aDayAhead(4);
        meetings.reschedule(
                secretary,
                id,
                LocalDateTime.of(later, java.time.LocalTime.of(14, 0)),
                LocalDateTime.of(later, java.time.LocalTime.of(16, 0)),
                room,
                "");
        var view = meetings.view(id);
        assertThat(view.sequence()).isEqualTo(1);
        assertThat(MeetingText.dateTime(view.startsAt())).startsWith("14:00");
    }

    static NewMeeting withRepeat(NewMeeting m, Repeat repeat, int count) {
        return new NewMeeting(
                m.unitId(),
                m.typeId(),
                m.title(),
                m.description(),
                m.startsAt(),
                m.endsAt(),
                m.roomId(),
                m.place(),
                m.chairOfficerId(),
                m.secretaryOfficerId(),
                m.videoUrl(),
                repeat,
                count);
    }
}
