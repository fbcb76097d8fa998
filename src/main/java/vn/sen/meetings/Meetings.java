package vn.sen.meetings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.sen.calendar.WorkingDays;
import vn.sen.meetings.MeetingViews.MeetingState;
import vn.sen.meetings.MeetingViews.MeetingSummary;
import vn.sen.meetings.MeetingViews.MeetingTypeView;
import vn.sen.meetings.MeetingViews.MeetingView;
import vn.sen.meetings.MeetingViews.NewMeeting;
import vn.sen.meetings.MeetingViews.ParticipantRole;
import vn.sen.meetings.MeetingViews.ParticipantView;
import vn.sen.meetings.MeetingViews.Repeat;
import vn.sen.meetings.MeetingViews.Response;
import vn.sen.meetings.MeetingViews.RoomView;
import vn.sen.organization.Organization;
import vn.sen.organization.Views.OfficerView;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.Role;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * Meetings (cuộc họp): scheduling with the type's duration cap and the room's and chair's calendars,
 * repetitions, the invitation list (officers, units, guests), replies with reasons and substitutes, and
 * who may see and manage what.
 */
@Service
public class Meetings {

    /**
     * What one user may do with one meeting. {@code organiser}: manages it (the unit's meeting secretaries
     * and leaders, the meeting's chair and secretary). {@code mine}: the participant rows where the user
     * is the one invited or the one who attends. {@code answerable}: rows the user may reply to (his own
     * invitations, his units' invitations).
     */
    public record Access(
            boolean organiser,
            boolean chair,
            boolean secretary,
            List<ParticipantView> mine,
            List<ParticipantView> answerable,
            boolean visible) {

        /** The row of the meeting this user attends (as invited, substitute or representative), if any. */
        public Optional<ParticipantView> attending(Long officerId) {
            return mine.stream()
                    .filter(p -> officerId != null && officerId.equals(p.attendeeOfficerId()))
                    .findFirst();
        }
    }

    private static final ZoneId ZONE = MeetingText.ZONE;
    private static final int MAX_OCCURRENCES = 52;

    private final JdbcClient jdbc;
    private final Organization organization;
    private final MeetingTypes types;
    private final Rooms rooms;
    private final WorkingDays workingDays;
    private final Invitations invitations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Meetings(
            JdbcClient jdbc,
            Organization organization,
            MeetingTypes types,
            Rooms rooms,
            WorkingDays workingDays,
            Invitations invitations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.types = types;
        this.rooms = rooms;
        this.workingDays = workingDays;
        this.invitations = invitations;
        this.events = events;
        this.clock = clock;
    }

    // ---- who may do what ------------------------------------------------------------------------

    /** Units whose meetings the user organises: where he is meeting secretary or leader. */
    public List<UnitView> organisingUnits(UserScope user) {
        return user.grants().stream()
                .filter(g -> (g.role() == Role.MEETING_SECRETARY || g.role() == Role.LEADER) && g.unitId() != null)
                .map(g -> organization.requireUnit(g.unitId()))
                .filter(UnitView::active)
                .distinct()
                .toList();
    }

    public boolean mayOrganise(UserScope user) {
        return user.has(Role.MEETING_SECRETARY) || user.has(Role.LEADER);
    }

    /** What {@code user} may do with the meeting; not found when it does not exist. */
    public Access access(UserScope user, long meetingId) {
        return access(user, view(meetingId), participants(meetingId));
    }

    Access access(UserScope user, MeetingView meeting, List<ParticipantView> participants) {
        Long me = user.officerId();
        boolean chair = me != null && me == meeting.chairOfficerId();
        boolean secretary = me != null && me.equals(meeting.secretaryOfficerId());
        boolean organiser = chair || secretary || user.hasIn(meeting.unitPath(), Role.MEETING_SECRETARY, Role.LEADER);
        List<ParticipantView> mine = participants.stream()
                .filter(p -> me != null && (me.equals(p.officerId()) || me.equals(p.attendeeOfficerId())))
                .toList();
        Map<Long, String> unitPaths = organization.unitPaths(participants.stream()
                .map(ParticipantView::unitId)
                .filter(Objects::nonNull)
                .toList());
        List<ParticipantView> answerable = participants.stream()
                .filter(p -> (me != null && me.equals(p.officerId()))
                        || (p.unitId() != null && user.hasIn(unitPaths.get(p.unitId()), Role.LEADER, Role.CLERK)))
                .toList();
        boolean invited = !mine.isEmpty() || !answerable.isEmpty();
        boolean visible = organiser || (invited && meeting.state() != MeetingState.DRAFT);
        return new Access(organiser, chair, secretary, mine, answerable, visible);
    }

    /** The meeting, if the user may see it; refused otherwise. */
    public MeetingView read(UserScope user, long meetingId) {
        MeetingView meeting = view(meetingId);
        if (!access(user, meeting, participants(meetingId)).visible()) {
            throw new AccessDeniedException("meeting " + meetingId);
        }
        return meeting;
    }

    MeetingView requireOrganiser(UserScope user, long meetingId) {
        MeetingView meeting = view(meetingId);
        if (!access(user, meeting, participants(meetingId)).organiser()) {
            throw new AccessDeniedException("not an organiser of meeting " + meetingId);
        }
        return meeting;
    }

    static void requireChangeable(MeetingView meeting) {
        if (meeting.state().finished()) {
            throw new RuleViolation("meetings.error.finished");
        }
    }

    // ---- scheduling -----------------------------------------------------------------------------

    /** Schedules the meeting and its repetitions, all or none; returns their ids in order. */
    @Transactional
    public List<Long> schedule(UserScope user, NewMeeting form) {
        UnitView unit = organization
                .unit(form.unitId())
                .filter(UnitView::active)
                .orElseThrow(() -> new RuleViolation("meetings.error.unit"));
        if (!user.hasIn(unit.path(), Role.MEETING_SECRETARY, Role.LEADER)) {
            throw new AccessDeniedException("may not organise meetings of unit " + unit.id());
        }
        MeetingTypeView type = types.require(form.typeId());
        String title = required(form.title(), 500, "meetings.error.title");
        Slot first = slot(form.startsAt(), form.endsAt(), type);
        if (!first.startsAt().isAfter(clock.instant())) {
            throw new RuleViolation("meetings.error.past");
        }
        RoomView room = form.roomId() == null ? null : rooms.require(form.roomId());
        if (room != null && !room.active()) {
            throw new RuleViolation("meetings.error.room");
        }
        organization.requireOfficer(form.chairOfficerId());
        if (form.secretaryOfficerId() != null) {
            organization.requireOfficer(form.secretaryOfficerId());
        }
        Repeat repeat = form.repeat() == null ? Repeat.NONE : form.repeat();
        int count = repeat == Repeat.NONE ? 1 : form.occurrences();
        if (count < 1 || count > MAX_OCCURRENCES) {
            throw new RuleViolation("meetings.error.occurrences", "2", String.valueOf(MAX_OCCURRENCES));
        }
        UUID series = count > 1 ? UUID.randomUUID() : null;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Slot slot = slot(shift(form.startsAt(), repeat, i), shift(form.endsAt(), repeat, i), type);
            checkFree(null, room == null ? null : room.id(), form.chairOfficerId(), slot);
            long id = jdbc.sql("""
                    insert into meetings.meeting (unit_id, type_id, title, description, room_id, place, starts_at,
                        ends_at, chair_officer_id, secretary_officer_id, video_url, series_id, series_index, created_by)
                    values (:unit, :type, :title, :description, :room, :place, :starts, :ends, :chair, :secretary,
                        :video, :series, :index, :by)
                    returning id
                    """)
                    .param("unit", unit.id())
                    .param("type", type.id())
                    .param("title", title)
                    .param("description", optional(form.description(), 4000))
                    .param("room", room == null ? null : room.id())
                    .param("place", optional(form.place(), 300))
                    .param("starts", offset(slot.startsAt()))
                    .param("ends", offset(slot.endsAt()))
                    .param("chair", form.chairOfficerId())
                    .param("secretary", form.secretaryOfficerId())
                    .param("video", videoUrl(form.videoUrl()))
                    .param("series", series)
                    .param("index", series == null ? null : i + 1)
                    .param("by", user.username())
                    .query(Long.class)
                    .single();
            insertParticipant(id, ParticipantRole.CHAIR, form.chairOfficerId(), true);
            if (form.secretaryOfficerId() != null && form.secretaryOfficerId() != form.chairOfficerId()) {
                insertParticipant(id, ParticipantRole.SECRETARY, form.secretaryOfficerId(), false);
            }
            ids.add(id);
            events.publishEvent(new MeetingChanged(
                    user.username(), id, "scheduled", title + " " + slot.startsAt() + "–" + slot.endsAt()));
        }
        return ids;
    }

    /**
     * Changes the time, the place or the chair. After the invitations went out, everyone invited gets
     * the change (an iCalendar update with the next sequence number).
     */
    @Transactional
    public void reschedule(
            UserScope user, long meetingId, LocalDateTime startsAt, LocalDateTime endsAt, Long roomId, String place) {
        MeetingView meeting = requireOrganiser(user, meetingId);
        if (meeting.state() != MeetingState.DRAFT && meeting.state() != MeetingState.INVITED) {
            throw new RuleViolation("meetings.error.not-planned");
        }
        Slot slot = slot(startsAt, endsAt, meeting.type());
        if (!slot.startsAt().isAfter(clock.instant())) {
            throw new RuleViolation("meetings.error.past");
        }
        if (roomId != null && !rooms.require(roomId).active()) {
            throw new RuleViolation("meetings.error.room");
        }
        checkFree(meetingId, roomId, meeting.chairOfficerId(), slot);
        boolean invited = meeting.state() == MeetingState.INVITED;
        jdbc.sql("""
                update meetings.meeting set starts_at = :starts, ends_at = :ends, room_id = :room, place = :place,
                    sequence = sequence + case when :invited then 1 else 0 end
                where id = :id
                """)
                .param("starts", offset(slot.startsAt()))
                .param("ends", offset(slot.endsAt()))
                .param("room", roomId)
                .param("place", optional(place, 300))
                .param("invited", invited)
                .param("id", meetingId)
                .update();
        events.publishEvent(
                new MeetingChanged(user.username(), meetingId, "rescheduled", slot.startsAt() + "–" + slot.endsAt()));
        if (invited) {
            List<ParticipantView> everyone = participants(meetingId);
            invitations.send(view(meetingId), everyone, everyone, Invitations.Kind.UPDATE);
        }
    }

    /** Title, description and video-conference link; these do not re-send invitations. */
    @Transactional
    public void describe(UserScope user, long meetingId, String title, String description, String videoUrl) {
        MeetingView meeting = requireOrganiser(user, meetingId);
        requireChangeable(meeting);
        jdbc.sql("update meetings.meeting set title = :title, description = :d, video_url = :v where id = :id")
                .param("title", required(title, 500, "meetings.error.title"))
                .param("d", optional(description, 4000))
                .param("v", videoUrl(videoUrl))
                .param("id", meetingId)
                .update();
        events.publishEvent(new MeetingChanged(user.username(), meetingId, "described", title));
    }

    /**
     * Sends the invitations. The type's lead time counts working days from today to the meeting's day;
     * an urgent type has none.
     */
    @Transactional
    public void invite(UserScope user, long meetingId) {
        MeetingView meeting = requireOrganiser(user, meetingId);
        if (meeting.state() != MeetingState.DRAFT) {
            throw new RuleViolation("meetings.error.already-invited");
        }
        if (participants(meetingId).stream().noneMatch(p -> p.role() != ParticipantRole.CHAIR)) {
            throw new RuleViolation("meetings.error.no-participants");
        }
        LocalDate day = LocalDate.ofInstant(meeting.startsAt(), ZONE);
        int lead = workingDays.workingDaysBetween(LocalDate.now(clock), day);
        if (lead < meeting.type().leadWorkingDays()) {
            throw new RuleViolation(
                    "meetings.error.lead-time",
                    String.valueOf(meeting.type().leadWorkingDays()),
                    String.valueOf(Math.max(lead, 0)));
        }
        jdbc.sql("update meetings.meeting set state = 'INVITED', invited_at = now() where id = :id")
                .param("id", meetingId)
                .update();
        events.publishEvent(new MeetingChanged(user.username(), meetingId, "invited", ""));
        List<ParticipantView> everyone = participants(meetingId);
        invitations.send(view(meetingId), everyone, everyone, Invitations.Kind.INVITE);
    }

    /** Cancels a meeting that has not started; those invited are told (an iCalendar cancellation). */
    @Transactional
    public void cancel(UserScope user, long meetingId, String reason) {
        MeetingView meeting = requireOrganiser(user, meetingId);
        if (meeting.state() != MeetingState.DRAFT && meeting.state() != MeetingState.INVITED) {
            throw new RuleViolation("meetings.error.not-planned");
        }
        String why = required(reason, 1000, "meetings.error.cancel-reason");
        jdbc.sql("update meetings.meeting set state = 'CANCELLED', sequence = sequence + 1 where id = :id")
                .param("id", meetingId)
                .update();
        events.publishEvent(new MeetingChanged(user.username(), meetingId, "cancelled", why));
        if (meeting.state() == MeetingState.INVITED) {
            List<ParticipantView> everyone = participants(meetingId);
            invitations.send(view(meetingId), everyone, everyone, Invitations.Kind.CANCEL);
        }
    }

    private record Slot(Instant startsAt, Instant endsAt) {}

    private static Slot slot(LocalDateTime startsAt, LocalDateTime endsAt, MeetingTypeView type) {
        if (startsAt == null || endsAt == null) {
            throw new RuleViolation("meetings.error.time");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new RuleViolation("meetings.error.end-before-start");
        }
        long minutes = Duration.between(startsAt, endsAt).toMinutes();
        if (minutes > type.maxMinutes()) {
            throw new RuleViolation(
                    "meetings.error.too-long", String.valueOf(type.maxMinutes()), String.valueOf(minutes));
        }
        return new Slot(startsAt.atZone(ZONE).toInstant(), endsAt.atZone(ZONE).toInstant());
    }

    private static LocalDateTime shift(LocalDateTime time, Repeat repeat, int times) {
        return switch (repeat) {
            case NONE -> time;
            case WEEKLY -> time.plusWeeks(times);
            case FORTNIGHTLY -> time.plusWeeks(2L * times);
            case MONTHLY -> time.plusMonths(times);
        };
    }

    /** Refuses a slot that overlaps another meeting in the room or of the chair, naming that meeting. */
    private void checkFree(Long meetingId, Long roomId, long chairOfficerId, Slot slot) {
        record Clash(String title, OffsetDateTime startsAt, boolean room) {}
        List<Clash> clashes = jdbc.sql("""
                select title, starts_at, room_id = cast(:room as bigint) as room
                from meetings.meeting
                where state <> 'CANCELLED' and id <> coalesce(cast(:id as bigint), -1)
                  and (room_id = cast(:room as bigint) or chair_officer_id = :chair)
                  and tstzrange(starts_at, ends_at) && tstzrange(:starts, :ends)
                order by room_id = cast(:room as bigint) desc nulls last, starts_at limit 1
                """)
                .param("room", roomId)
                .param("id", meetingId)
                .param("chair", chairOfficerId)
                .param("starts", offset(slot.startsAt()))
                .param("ends", offset(slot.endsAt()))
                .query((rs, n) -> new Clash(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getBoolean(3)))
                .list();
        if (!clashes.isEmpty()) {
            Clash clash = clashes.getFirst();
            throw new RuleViolation(
                    clash.room() ? "meetings.error.room-busy" : "meetings.error.chair-busy",
                    clash.title(),
                    MeetingText.dateTime(clash.startsAt().toInstant()));
        }
    }

    // ---- participants ---------------------------------------------------------------------------

    /** Invites officers; once the invitations are out, the new ones get theirs at once. */
    @Transactional
    public void inviteOfficers(UserScope user, long meetingId, Collection<Long> officerIds) {
        MeetingView meeting = requireOrganiser(user, meetingId);
        requireChangeable(meeting);
        Set<Long> present = new HashSet<>();
        participants(meetingId).forEach(p -> {
            present.add(p.officerId());
            present.add(p.attendeeOfficerId());
        });
        List<Long> added = new ArrayList<>();
        for (long officerId : new HashSet<>(officerIds)) {
            OfficerView officer = organization.requireOfficer(officerId);
            if (present.contains(officerId) || !officer.active()) {
                continue;
            }
            added.add(insertParticipant(meetingId, ParticipantRole.MEMBER, officerId, true));
        }
        afterAdding(user, meeting, added, "officers");
    }

    /** Invites units: each names who attends for it. */
    @Transactional
    public void inviteUnits(UserScope user, long meetingId, Collection<Long> unitIds) {
        MeetingView meeting = requireOrganiser(user, meetingId);
        requireChangeable(meeting);
        List<Long> added = new ArrayList<>();
        for (long unitId : new HashSet<>(unitIds)) {
            UnitView unit = organization
                    .unit(unitId)
                    .filter(UnitView::active)
                    .orElseThrow(() -> new RuleViolation("meetings.error.unit"));
            jdbc.sql("""
                    insert into meetings.participant (meeting_id, role, unit_id) values (:m, 'MEMBER', :u)
                    on conflict do nothing returning id
                    """)
                    .param("m", meetingId)
                    .param("u", unit.id())
                    .query(Long.class)
                    .optional()
                    .ifPresent(added::add);
        }
        afterAdding(user, meeting, added, "units");
    }

    /** Invites a guest from outside, by name (and e-mail for the invitation). */
    @Transactional
    public long inviteGuest(UserScope user, long meetingId, String name, String email, String organisation) {
        MeetingView meeting = requireOrganiser(user, meetingId);
        requireChangeable(meeting);
        String address = optional(email, 200);
        if (!address.isEmpty() && !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new RuleViolation("meetings.error.email", address);
        }
        long id = jdbc.sql("""
                insert into meetings.participant (meeting_id, role, guest_name, guest_email, guest_organisation, voting)
                values (:m, 'GUEST', :name, :email, :org, false) returning id
                """)
                .param("m", meetingId)
                .param("name", required(name, 200, "meetings.error.guest-name"))
                .param("email", address)
                .param("org", optional(organisation, 300))
                .query(Long.class)
                .single();
        afterAdding(user, meeting, List.of(id), "guest");
        return id;
    }

    private void afterAdding(UserScope user, MeetingView meeting, List<Long> added, String what) {
        if (added.isEmpty()) {
            return;
        }
        events.publishEvent(
                new MeetingChanged(user.username(), meeting.id(), "participants.added", what + " " + added.size()));
        if (meeting.state() == MeetingState.INVITED || meeting.state() == MeetingState.OPEN) {
            List<ParticipantView> everyone = participants(meeting.id());
            invitations.send(
                    meeting,
                    everyone,
                    everyone.stream().filter(p -> added.contains(p.id())).toList(),
                    Invitations.Kind.INVITE);
        }
    }

    /** Takes someone off the list (not the chair); if invited already, he is told of the cancellation. */
    @Transactional
    public void uninvite(UserScope user, long meetingId, long participantId) {
        MeetingView meeting = requireOrganiser(user, meetingId);
        requireChangeable(meeting);
        ParticipantView participant = participant(meetingId, participantId);
        if (participant.role() == ParticipantRole.CHAIR) {
            throw new RuleViolation("meetings.error.chair-stays");
        }
        jdbc.sql("delete from meetings.participant where id = :id")
                .param("id", participantId)
                .update();
        events.publishEvent(new MeetingChanged(user.username(), meetingId, "participants.removed", participant.name()));
        if (meeting.state() == MeetingState.INVITED) {
            invitations.send(meeting, participants(meetingId), List.of(participant), Invitations.Kind.CANCEL);
        }
    }

    /** Who votes, with what weight, and where he sits. */
    @Transactional
    public void arrange(
            UserScope user,
            long meetingId,
            long participantId,
            boolean voting,
            java.math.BigDecimal weight,
            String seat) {
        MeetingView meeting = requireOrganiser(user, meetingId);
        requireChangeable(meeting);
        ParticipantView participant = participant(meetingId, participantId);
        if (participant.role() == ParticipantRole.GUEST && voting) {
            throw new RuleViolation("meetings.error.guest-votes");
        }
        if (weight == null || weight.signum() <= 0 || weight.compareTo(java.math.BigDecimal.valueOf(1000)) > 0) {
            throw new RuleViolation("meetings.error.weight");
        }
        String label = optional(seat, 10);
        if (!label.isEmpty()) {
            if (meeting.roomId() == null
                    || rooms.require(meeting.roomId()).seats().stream()
                            .noneMatch(s -> s.label().equals(label))) {
                throw new RuleViolation("meetings.error.seat", label);
            }
        }
        try {
            jdbc.sql("update meetings.participant set voting = :v, weight = :w, seat_label = :s where id = :id")
                    .param("v", voting)
                    .param("w", weight)
                    .param("s", label.isEmpty() ? null : label)
                    .param("id", participantId)
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw new RuleViolation("meetings.error.seat-taken", label);
        }
    }

    /**
     * Replies to an invitation: attend, absent with a reason, or send a substitute. A unit's invitation
     * is answered by its leaders or clerks, naming the officer who attends for it. Replies close when the
     * meeting opens.
     */
    @Transactional
    public void respond(
            UserScope user, long meetingId, long participantId, Response response, String reason, Long attendeeId) {
        MeetingView meeting = view(meetingId);
        List<ParticipantView> all = participants(meetingId);
        Access access = access(user, meeting, all);
        ParticipantView participant = access.answerable().stream()
                .filter(p -> p.id() == participantId)
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException("may not answer participant " + participantId));
        if (meeting.state() != MeetingState.INVITED) {
            throw new RuleViolation("meetings.error.replies-closed");
        }
        if (response == null || response == Response.PENDING) {
            throw new RuleViolation("meetings.error.response");
        }
        String why = optional(reason, 1000);
        Long attendee;
        switch (response) {
            case ABSENT -> {
                if (why.isEmpty()) {
                    throw new RuleViolation("meetings.error.absence-reason");
                }
                if (participant.role() == ParticipantRole.CHAIR) {
                    throw new RuleViolation("meetings.error.chair-stays");
                }
                attendee = participant.officerId();
            }
            case SUBSTITUTE -> {
                if (participant.unitId() != null) {
                    throw new RuleViolation("meetings.error.response");
                }
                if (participant.role() == ParticipantRole.CHAIR) {
                    throw new RuleViolation("meetings.error.chair-stays");
                }
                attendee = requireNewAttendee(all, participant, attendeeId);
            }
            default -> {
                if (participant.unitId() != null) {
                    attendee = requireNewAttendee(all, participant, attendeeId);
                    OfficerView representative = organization.requireOfficer(attendee);
                    String unitPath =
                            organization.requireUnit(participant.unitId()).path();
                    if (representative.appointments().stream()
                            .noneMatch(a -> a.unitPath().startsWith(unitPath))) {
                        throw new RuleViolation("meetings.error.representative", representative.fullName());
                    }
                } else {
                    attendee = participant.officerId();
                }
            }
        }
        jdbc.sql("""
                update meetings.participant set response = :r, reason = :reason, attendee_officer_id = :a,
                    responded_by = :by, responded_at = now()
                where id = :id
                """)
                .param("r", response.name())
                .param("reason", why)
                .param("a", attendee)
                .param("by", user.username())
                .param("id", participantId)
                .update();
        events.publishEvent(new MeetingChanged(
                user.username(), meetingId, "replied", participant.name() + ": " + response + " " + why));
        ParticipantView updated = participant(meetingId, participantId);
        invitations.replied(meeting, updated);
        if (attendee != null
                && !attendee.equals(participant.attendeeOfficerId())
                && !attendee.equals(participant.officerId())) {
            invitations.send(meeting, participants(meetingId), List.of(updated), Invitations.Kind.INVITE);
        }
    }

    private long requireNewAttendee(List<ParticipantView> all, ParticipantView participant, Long attendeeId) {
        if (attendeeId == null) {
            throw new RuleViolation("meetings.error.attendee");
        }
        OfficerView officer = organization.requireOfficer(attendeeId);
        if (!officer.active()) {
            throw new RuleViolation("meetings.error.attendee");
        }
        boolean taken = all.stream()
                .filter(p -> p.id() != participant.id())
                .anyMatch(p -> attendeeId.equals(p.officerId()) || attendeeId.equals(p.attendeeOfficerId()));
        if (taken || attendeeId.equals(participant.officerId())) {
            throw new RuleViolation("meetings.error.already-participant", officer.fullName());
        }
        return attendeeId;
    }

    private long insertParticipant(long meetingId, ParticipantRole role, long officerId, boolean voting) {
        return jdbc.sql("""
                insert into meetings.participant (meeting_id, role, officer_id, attendee_officer_id, voting)
                values (:m, :role, :o, :o, :v) returning id
                """)
                .param("m", meetingId)
                .param("role", role.name())
                .param("o", officerId)
                .param("v", voting)
                .query(Long.class)
                .single();
    }

    // ---- reading --------------------------------------------------------------------------------

    private static final String SELECT = """
            select m.*, r.name as room_name from meetings.meeting m left join meetings.room r on r.id = m.room_id
            """;

    public MeetingView view(long meetingId) {
        return jdbc.sql(SELECT + " where m.id = :id")
                .param("id", meetingId)
                .query((rs, n) -> row(rs))
                .optional()
                .map(this::named)
                .orElseThrow(() -> new RuleViolation("meetings.error.not-found"));
    }

    /** Everyone invited, chair first, then secretary, members and guests in the order invited. */
    public List<ParticipantView> participants(long meetingId) {
        return participants(meetingId, null);
    }

    /**
     * The row the officer attends on — invited himself, or as the substitute or representative — read
     * alone: what a ballot, a check-in or a request to speak needs, without the whole list.
     */
    public Optional<ParticipantView> attendance(long meetingId, Long officerId) {
        return officerId == null
                ? Optional.empty()
                : participants(meetingId, officerId).stream().findFirst();
    }

    private List<ParticipantView> participants(long meetingId, Long attendee) {
        List<ParticipantRow> rows = jdbc.sql("""
                select * from meetings.participant
                where meeting_id = :m and (cast(:a as bigint) is null or attendee_officer_id = :a)
                order by case role when 'CHAIR' then 0 when 'SECRETARY' then 1 when 'MEMBER' then 2 else 3 end, id
                """)
                .param("m", meetingId)
                .param("a", attendee)
                .query((rs, n) -> new ParticipantRow(
                        rs.getLong("id"),
                        ParticipantRole.valueOf(rs.getString("role")),
                        rs.getObject("officer_id", Long.class),
                        rs.getObject("unit_id", Long.class),
                        rs.getString("guest_name"),
                        rs.getString("guest_email"),
                        rs.getString("guest_organisation"),
                        Response.valueOf(rs.getString("response")),
                        rs.getString("reason"),
                        rs.getObject("attendee_officer_id", Long.class),
                        rs.getBoolean("voting"),
                        rs.getBigDecimal("weight"),
                        rs.getString("seat_label"),
                        instant(rs, "checked_in_at")))
                .list();
        Map<Long, String> officers = organization.officerNames(rows.stream()
                .flatMap(r -> Stream.of(r.officerId(), r.attendeeOfficerId()))
                .filter(Objects::nonNull)
                .toList());
        Map<Long, String> units = organization.unitNames(rows.stream()
                .map(ParticipantRow::unitId)
                .filter(Objects::nonNull)
                .toList());
        return rows.stream()
                .map(r -> new ParticipantView(
                        r.id(),
                        r.role(),
                        r.officerId(),
                        r.unitId(),
                        r.officerId() != null
                                ? officers.get(r.officerId())
                                : r.unitId() != null ? units.get(r.unitId()) : r.guestName(),
                        r.guestEmail(),
                        r.guestOrganisation(),
                        r.response(),
                        r.reason(),
                        r.attendeeOfficerId(),
                        r.attendeeOfficerId() == null ? null : officers.get(r.attendeeOfficerId()),
                        r.voting(),
                        r.weight(),
                        r.seatLabel(),
                        r.checkedInAt()))
                .toList();
    }

    ParticipantView participant(long meetingId, long participantId) {
        return participants(meetingId).stream()
                .filter(p -> p.id() == participantId)
                .findFirst()
                .orElseThrow(() -> new RuleViolation("meetings.error.participant"));
    }

    /**
     * The user's meetings in {@code [from, to)}: those of the units he organises for, and those he or his
     * units are invited to (once the invitations are out), by start time.
     */
    public List<MeetingSummary> list(UserScope user, Instant from, Instant to, int limit) {
        List<Long> organised = organization.unitIdsUnder(user.subtrees(Role.MEETING_SECRETARY, Role.LEADER));
        List<Long> answering = organization.unitIdsUnder(user.subtrees(Role.LEADER, Role.CLERK));
        long me = user.officerId() == null ? -1 : user.officerId();
        List<Object[]> rows = jdbc.sql("""
                select m.*, r.name as room_name, mine.response
                from meetings.meeting m
                left join meetings.room r on r.id = m.room_id
                left join lateral (
                    select p.response from meetings.participant p
                    where p.meeting_id = m.id and (p.officer_id = :me or p.attendee_officer_id = :me)
                    order by (p.attendee_officer_id = :me) desc limit 1) mine on true
                where m.starts_at >= :from and m.starts_at < :to
                  and (m.unit_id = any(:organised) or m.chair_officer_id = :me or m.secretary_officer_id = :me
                       or (m.state <> 'DRAFT' and exists (
                           select 1 from meetings.participant p where p.meeting_id = m.id
                             and (p.officer_id = :me or p.attendee_officer_id = :me or p.unit_id = any(:answering)))))
                order by m.starts_at, m.id limit :limit
                """)
                .param("me", me)
                .param("from", offset(from))
                .param("to", offset(to))
                .param("organised", organised.toArray(Long[]::new))
                .param("answering", answering.toArray(Long[]::new))
                .param("limit", limit)
                .query((rs, n) -> new Object[] {row(rs), rs.getString("response")})
                .list();
        Map<Long, String> units = organization.unitNames(
                rows.stream().map(r -> ((MeetingRow) r[0]).unitId()).toList());
        Map<Long, String> chairs = organization.officerNames(
                rows.stream().map(r -> ((MeetingRow) r[0]).chairOfficerId()).toList());
        return rows.stream()
                .map(r -> {
                    MeetingRow m = (MeetingRow) r[0];
                    String response = (String) r[1];
                    return new MeetingSummary(
                            m.id(),
                            m.title(),
                            units.get(m.unitId()),
                            types.require(m.typeId()).nameVi(),
                            m.startsAt(),
                            m.endsAt(),
                            m.roomName() != null ? m.roomName() : m.place(),
                            chairs.get(m.chairOfficerId()),
                            m.state(),
                            response == null ? null : Response.valueOf(response));
                })
                .toList();
    }

    private record ParticipantRow(
            long id,
            ParticipantRole role,
            Long officerId,
            Long unitId,
            String guestName,
            String guestEmail,
            String guestOrganisation,
            Response response,
            String reason,
            Long attendeeOfficerId,
            boolean voting,
            java.math.BigDecimal weight,
            String seatLabel,
            Instant checkedInAt) {}

    private record MeetingRow(
            long id,
            long unitId,
            long typeId,
            String title,
            String description,
            Long roomId,
            String roomName,
            String place,
            Instant startsAt,
            Instant endsAt,
            long chairOfficerId,
            Long secretaryOfficerId,
            String videoUrl,
            MeetingState state,
            int sequence,
            Instant invitedAt,
            UUID seriesId,
            Integer seriesIndex,
            String createdBy) {}

    private static MeetingRow row(ResultSet rs) throws SQLException {
        return new MeetingRow(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                rs.getLong("type_id"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getObject("room_id", Long.class),
                rs.getString("room_name"),
                rs.getString("place"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                rs.getLong("chair_officer_id"),
                rs.getObject("secretary_officer_id", Long.class),
                rs.getString("video_url"),
                MeetingState.valueOf(rs.getString("state")),
                rs.getInt("sequence"),
                instant(rs, "invited_at"),
                rs.getObject("series_id", UUID.class),
                rs.getObject("series_index", Integer.class),
                rs.getString("created_by"));
    }

    private MeetingView named(MeetingRow m) {
        UnitView unit = organization.requireUnit(m.unitId());
        Map<Long, String> names = organization.officerNames(Stream.of(m.chairOfficerId(), m.secretaryOfficerId())
                .filter(Objects::nonNull)
                .toList());
        return new MeetingView(
                m.id(),
                m.unitId(),
                unit.name(),
                unit.path(),
                types.require(m.typeId()),
                m.title(),
                m.description(),
                m.roomId(),
                m.roomName(),
                m.place(),
                m.startsAt(),
                m.endsAt(),
                m.chairOfficerId(),
                names.get(m.chairOfficerId()),
                m.secretaryOfficerId(),
                m.secretaryOfficerId() == null ? null : names.get(m.secretaryOfficerId()),
                m.videoUrl(),
                m.state(),
                m.sequence(),
                m.invitedAt(),
                m.seriesId(),
                m.seriesIndex(),
                m.createdBy());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.ofHours(7));
    }

    static String required(String text, int max, String code) {
        String value = optional(text, max);
        if (value.isEmpty()) {
            throw new RuleViolation(code);
        }
        return value;
    }

    static String optional(String text, int max) {
        String value = text == null ? "" : text.strip();
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static String videoUrl(String url) {
        String value = optional(url, 500);
        if (!value.isEmpty() && !value.matches("https?://\\S+")) {
            throw new RuleViolation("meetings.error.video-url");
        }
        return value;
    }
}
