package vn.sen.meetings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.meetings.MeetingViews.AgendaItemView;
import vn.sen.meetings.MeetingViews.MeetingState;
import vn.sen.meetings.MeetingViews.MeetingView;
import vn.sen.meetings.MeetingViews.ParticipantView;
import vn.sen.meetings.MeetingViews.RoomView;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * The live session (phiên họp trực tiếp) as the chair and the secretary run it: opening and closing,
 * check-in (the delegate scans the room's QR code, or the secretary marks him), the item under discussion
 * and the page being presented. Every change is written to the session record for the minutes and raises
 * the meeting's live version, which the screens follow.
 */
@Service
public class LiveSession {

    /** How long before the start delegates may check in and the chair may open the session. */
    static final Duration EARLY = Duration.ofHours(2);

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final Agenda agenda;
    private final Rooms rooms;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LiveSession(
            JdbcClient jdbc,
            Meetings meetings,
            Agenda agenda,
            Rooms rooms,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.agenda = agenda;
        this.rooms = rooms;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void open(UserScope user, long meetingId) {
        MeetingView meeting = meetings.requireOrganiser(user, meetingId);
        if (meeting.state() != MeetingState.INVITED) {
            throw new RuleViolation(
                    meeting.state() == MeetingState.DRAFT
                            ? "meetings.error.not-invited"
                            : "meetings.error.not-planned");
        }
        if (clock.instant().isBefore(meeting.startsAt().minus(EARLY))) {
            throw new RuleViolation(
                    "meetings.error.too-early",
                    MeetingText.dateTime(meeting.startsAt().minus(EARLY)));
        }
        jdbc.sql("update meetings.meeting set state = 'OPEN', opened_at = now() where id = :id and state = 'INVITED'")
                .param("id", meetingId)
                .update();
        changed(meetingId, user, "OPENED", null, null, "");
        events.publishEvent(new MeetingChanged(user.username(), meetingId, "opened", ""));
    }

    @Transactional
    public void close(UserScope user, long meetingId) {
        MeetingView meeting = meetings.requireOrganiser(user, meetingId);
        requireOpen(meeting);
        Integer openVotes = jdbc.sql("select count(*) from meetings.vote where meeting_id = :m and state = 'OPEN'")
                .param("m", meetingId)
                .query(Integer.class)
                .single();
        if (openVotes > 0) {
            throw new RuleViolation("meetings.error.vote-still-open");
        }
        jdbc.sql("""
                update meetings.speaker_request set state = 'DONE', finished_at = now()
                where meeting_id = :m and state = 'SPEAKING'
                """).param("m", meetingId).update();
        jdbc.sql("""
                update meetings.agenda_item set ended_at = now()
                where meeting_id = :m and started_at is not null and ended_at is null
                """).param("m", meetingId).update();
        jdbc.sql("""
                update meetings.meeting set state = 'CLOSED', closed_at = now(), current_item_id = null,
                    presenting_document_id = null, presenting_page = null
                where id = :id
                """).param("id", meetingId).update();
        changed(meetingId, user, "CLOSED", null, null, "");
        events.publishEvent(new MeetingChanged(user.username(), meetingId, "closed", ""));
    }

    /** Self check-in with the code the room's QR code carries. */
    @Transactional
    public ParticipantView checkIn(UserScope user, long meetingId, String roomToken) {
        MeetingView meeting = meetings.view(meetingId);
        ParticipantView me = meetings.attendance(meetingId, user.officerId())
                .orElseThrow(() -> new AccessDeniedException("not attending meeting " + meetingId));
        requireCheckinTime(meeting);
        RoomView room = meeting.roomId() == null ? null : rooms.require(meeting.roomId());
        if (room == null
                || roomToken == null
                || !java.security.MessageDigest.isEqual(
                        room.checkinToken().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        roomToken.strip().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new RuleViolation("meetings.error.checkin-code");
        }
        markIn(user, meetingId, me, "QR");
        return meetings.participant(meetingId, me.id());
    }

    /** The secretary marks someone present (or takes the mark back). */
    @Transactional
    public void mark(UserScope user, long meetingId, long participantId, boolean present) {
        MeetingView meeting = meetings.requireOrganiser(user, meetingId);
        requireCheckinTime(meeting);
        ParticipantView participant = meetings.participant(meetingId, participantId);
        if (present) {
            markIn(user, meetingId, participant, "SECRETARY");
        } else if (participant.checkedInAt() != null) {
            jdbc.sql("update meetings.participant set checked_in_at = null, checkin_method = null where id = :id")
                    .param("id", participantId)
                    .update();
            changed(meetingId, user, "CHECKED_OUT", participantId, null, participant.name());
        }
    }

    private void markIn(UserScope user, long meetingId, ParticipantView participant, String method) {
        int marked = jdbc.sql("""
                update meetings.participant set checked_in_at = now(), checkin_method = :method
                where id = :id and checked_in_at is null
                """)
                .param("method", method)
                .param("id", participant.id())
                .update();
        if (marked == 1) {
            changed(meetingId, user, "CHECKED_IN", participant.id(), null, participant.name() + " (" + method + ")");
        }
    }

    private void requireCheckinTime(MeetingView meeting) {
        boolean early = meeting.state() == MeetingState.INVITED
                && !clock.instant().isBefore(meeting.startsAt().minus(EARLY));
        if (meeting.state() != MeetingState.OPEN && !early) {
            throw new RuleViolation("meetings.error.checkin-closed");
        }
    }

    /** Moves the session to an agenda item (the previous one ends). */
    @Transactional
    public void startItem(UserScope user, long meetingId, long itemId) {
        MeetingView meeting = meetings.requireOrganiser(user, meetingId);
        requireOpen(meeting);
        AgendaItemView item = agenda.require(meetingId, itemId);
        jdbc.sql("""
                update meetings.agenda_item set ended_at = now()
                where meeting_id = :m and id <> :item and started_at is not null and ended_at is null
                """).param("m", meetingId).param("item", itemId).update();
        jdbc.sql(
                        "update meetings.agenda_item set started_at = coalesce(started_at, now()), ended_at = null where id = :id")
                .param("id", itemId)
                .update();
        jdbc.sql("""
                update meetings.meeting set current_item_id = :item, presenting_document_id = null, presenting_page = null
                where id = :m
                """).param("item", itemId).param("m", meetingId).update();
        changed(meetingId, user, "ITEM_STARTED", null, itemId, item.title());
    }

    /**
     * The page everyone is looking at ("follow the presenter"): set by the organisers or by the presenter
     * of the current item, on a document the delegates may see.
     */
    @Transactional
    public void present(UserScope user, long meetingId, long documentId, int page) {
        MeetingView meeting = meetings.view(meetingId);
        requireOpen(meeting);
        Long current = currentItem(meetingId);
        boolean presenter = current != null
                && user.officerId() != null
                && user.officerId().equals(agenda.require(meetingId, current).presenterOfficerId());
        if (!presenter && !meetings.access(user, meetingId).organiser()) {
            throw new AccessDeniedException("may not present in meeting " + meetingId);
        }
        if (page < 1 || page > 100_000) {
            throw new RuleViolation("meetings.error.page");
        }
        // only a published document that every delegate may open can be followed
        boolean followable = jdbc.sql("""
                        select count(*) from meetings.document d
                        where d.id = :d and d.meeting_id = :m and not d.withdrawn and not d.restricted
                          and exists (select 1 from meetings.document_version v
                                      where v.document_id = d.id and v.approved_at is not null)
                        """)
                        .param("d", documentId)
                        .param("m", meetingId)
                        .query(Integer.class)
                        .single()
                > 0;
        if (!followable) {
            throw new RuleViolation("meetings.error.not-followable");
        }
        jdbc.sql("update meetings.meeting set presenting_document_id = :d, presenting_page = :p where id = :m")
                .param("d", documentId)
                .param("p", page)
                .param("m", meetingId)
                .update();
        bump(meetingId, "PRESENTED");
    }

    Long currentItem(long meetingId) {
        return jdbc.sql("select current_item_id from meetings.meeting where id = :m")
                .param("m", meetingId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    static void requireOpen(MeetingView meeting) {
        if (meeting.state() != MeetingState.OPEN) {
            throw new RuleViolation("meetings.error.not-open");
        }
    }

    /** Records a session event for the minutes and raises the live version. */
    void changed(long meetingId, UserScope user, String kind, Long participantId, Long itemId, String detail) {
        jdbc.sql("""
                insert into meetings.session_event (meeting_id, actor, kind, participant_id, agenda_item_id, detail)
                values (:m, :actor, :kind, :p, :item, :detail)
                """)
                .param("m", meetingId)
                .param("actor", user.username())
                .param("kind", kind)
                .param("p", participantId)
                .param("item", itemId)
                .param("detail", Meetings.optional(detail, 1000))
                .update();
        bump(meetingId, kind);
    }

    /** Raises the live version without a record (a page turned, a ballot counted). */
    void bump(long meetingId, String kind) {
        long version = jdbc.sql(
                        "update meetings.meeting set live_version = live_version + 1 where id = :m returning live_version")
                .param("m", meetingId)
                .query(Long.class)
                .single();
        events.publishEvent(new LiveChanged(meetingId, version, kind));
    }

    /** What the session did, in order. */
    public List<SessionEvent> record(long meetingId) {
        return jdbc.sql("select * from meetings.session_event where meeting_id = :m order by id")
                .param("m", meetingId)
                .query((rs, n) -> new SessionEvent(
                        Meetings.instant(rs, "at"),
                        rs.getString("actor"),
                        rs.getString("kind"),
                        rs.getObject("participant_id", Long.class),
                        rs.getObject("agenda_item_id", Long.class),
                        rs.getString("detail")))
                .list();
    }

    /** One entry of the session record. */
    public record SessionEvent(Instant at, String actor, String kind, Long participantId, Long itemId, String detail) {}
}
