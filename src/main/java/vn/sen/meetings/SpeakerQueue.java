package vn.sen.meetings;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.meetings.MeetingViews.MeetingView;
import vn.sen.meetings.MeetingViews.ParticipantView;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * The speaker queue (đăng ký phát biểu, chất vấn): delegates who have checked in ask for the floor — to
 * speak or to put a question to someone (interpellation) — one waiting request of each kind at a time;
 * the chair grants the floor (with a speaking time when he wants one), which ends the previous speaker's
 * turn, ends a turn, or declines a request. Requests are listed in the order they came.
 */
@Service
public class SpeakerQueue {

    public enum Kind {
        SPEECH,
        INTERPELLATION
    }

    public enum RequestState {
        WAITING,
        SPEAKING,
        DONE,
        WITHDRAWN,
        DECLINED
    }

    public record RequestView(
            long id,
            long participantId,
            String name,
            Long itemId,
            Kind kind,
            String topic,
            RequestState state,
            Instant requestedAt,
            Instant grantedAt,
            int limitSeconds) {

        /** When the speaking time runs out (null without a limit or before the floor is granted). */
        public Instant endsAt() {
            return grantedAt == null || limitSeconds == 0 ? null : grantedAt.plusSeconds(limitSeconds);
        }
    }

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final LiveSession live;

    SpeakerQueue(JdbcClient jdbc, Meetings meetings, LiveSession live) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.live = live;
    }

    @Transactional
    public long request(UserScope user, long meetingId, Kind kind, String topic) {
        MeetingView meeting = meetings.view(meetingId);
        ParticipantView me = meetings.attendance(meetingId, user.officerId())
                .orElseThrow(() -> new AccessDeniedException("not attending meeting " + meetingId));
        LiveSession.requireOpen(meeting);
        if (me.checkedInAt() == null) {
            throw new RuleViolation("meetings.error.check-in-first");
        }
        String about = Meetings.optional(topic, 500);
        if (kind == Kind.INTERPELLATION && about.isEmpty()) {
            throw new RuleViolation("meetings.error.interpellation-topic");
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into meetings.speaker_request (meeting_id, participant_id, agenda_item_id, kind, topic,
                        requested_by)
                    values (:m, :p, (select current_item_id from meetings.meeting where id = :m), :kind, :topic, :by)
                    returning id
                    """)
                    .param("m", meetingId)
                    .param("p", me.id())
                    .param("kind", kind.name())
                    .param("topic", about)
                    .param("by", user.username())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("meetings.error.already-waiting");
        }
        live.changed(
                meetingId,
                user,
                kind == Kind.SPEECH ? "SPEECH_REQUESTED" : "INTERPELLATION_REQUESTED",
                me.id(),
                null,
                about);
        return id;
    }

    /** The delegate takes his own waiting request back. */
    @Transactional
    public void withdraw(UserScope user, long meetingId, long requestId) {
        RequestView request = require(meetingId, requestId);
        boolean own = meetings.attendance(meetingId, user.officerId())
                .map(p -> p.id() == request.participantId())
                .orElse(false);
        if (!own) {
            throw new AccessDeniedException("not his request");
        }
        end(user, meetingId, request, RequestState.WAITING, RequestState.WITHDRAWN, "REQUEST_WITHDRAWN");
    }

    /** The chair gives the floor; whoever was speaking ends. */
    @Transactional
    public void grant(UserScope user, long meetingId, long requestId, int limitSeconds) {
        LiveSession.requireOpen(meetings.requireOrganiser(user, meetingId));
        RequestView request = require(meetingId, requestId);
        if (request.state() != RequestState.WAITING) {
            throw new RuleViolation("meetings.error.request-state");
        }
        if (limitSeconds < 0 || limitSeconds > 3600) {
            throw new RuleViolation("meetings.error.speaking-time");
        }
        jdbc.sql("""
                update meetings.speaker_request set state = 'DONE', finished_at = now()
                where meeting_id = :m and state = 'SPEAKING'
                """).param("m", meetingId).update();
        jdbc.sql("""
                update meetings.speaker_request set state = 'SPEAKING', granted_at = now(), limit_seconds = :l
                where id = :id
                """).param("l", limitSeconds).param("id", requestId).update();
        live.changed(meetingId, user, "FLOOR_GRANTED", request.participantId(), null, request.name());
    }

    /** The chair ends the current speaker's turn. */
    @Transactional
    public void finish(UserScope user, long meetingId, long requestId) {
        meetings.requireOrganiser(user, meetingId);
        end(user, meetingId, require(meetingId, requestId), RequestState.SPEAKING, RequestState.DONE, "FLOOR_ENDED");
    }

    /** The chair declines a waiting request. */
    @Transactional
    public void decline(UserScope user, long meetingId, long requestId) {
        meetings.requireOrganiser(user, meetingId);
        end(
                user,
                meetingId,
                require(meetingId, requestId),
                RequestState.WAITING,
                RequestState.DECLINED,
                "REQUEST_DECLINED");
    }

    private void end(
            UserScope user, long meetingId, RequestView request, RequestState from, RequestState to, String kind) {
        int changed = jdbc.sql("""
                update meetings.speaker_request set state = :to, finished_at = now() where id = :id and state = :from
                """)
                .param("to", to.name())
                .param("id", request.id())
                .param("from", from.name())
                .update();
        if (changed == 0) {
            throw new RuleViolation("meetings.error.request-state");
        }
        live.changed(meetingId, user, kind, request.participantId(), null, request.name());
    }

    /** The one speaking, then those waiting in order of asking. */
    public List<RequestView> queue(long meetingId) {
        return requests(meetingId, "state in ('SPEAKING', 'WAITING')", null);
    }

    /** Every request of the meeting, for the minutes. */
    public List<RequestView> all(long meetingId) {
        return requests(meetingId, "true", null);
    }

    RequestView require(long meetingId, long requestId) {
        return requests(meetingId, "id = :id", requestId).stream()
                .findFirst()
                .orElseThrow(() -> new RuleViolation("meetings.error.request"));
    }

    private List<RequestView> requests(long meetingId, String condition, Long id) {
        Map<Long, String> names = new java.util.HashMap<>();
        meetings.participants(meetingId)
                .forEach(p -> names.put(p.id(), p.attendeeName() != null ? p.attendeeName() : p.name()));
        return jdbc.sql("select * from meetings.speaker_request where meeting_id = :m and " + condition
                        + " order by state <> 'SPEAKING', id")
                .param("m", meetingId)
                .param("id", id)
                .query((rs, n) -> new RequestView(
                        rs.getLong("id"),
                        rs.getLong("participant_id"),
                        names.get(rs.getLong("participant_id")),
                        rs.getObject("agenda_item_id", Long.class),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("topic"),
                        RequestState.valueOf(rs.getString("state")),
                        Meetings.instant(rs, "requested_at"),
                        Meetings.instant(rs, "granted_at"),
                        rs.getInt("limit_seconds")))
                .list();
    }
}
