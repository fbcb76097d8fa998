package vn.sen.meetings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.sen.meetings.MeetingViews.MeetingView;
import vn.sen.meetings.MeetingViews.ParticipantRole;
import vn.sen.meetings.MeetingViews.ParticipantView;
import vn.sen.meetings.MeetingViews.Response;
import vn.sen.notifications.Notifications;
import vn.sen.notifications.Notifications.Attachment;
import vn.sen.notifications.Notifications.Notice;
import vn.sen.notifications.Notifications.Recipients;
import vn.sen.organization.Organization;
import vn.sen.shared.Role;

/**
 * Invitations (giấy mời): an in-app notice and an e-mail with the meeting's iCalendar file to everyone
 * invited — the officer, the substitute he sent, the leaders and clerks of an invited unit (until it names
 * its representative, then him too), guests by e-mail — and the same for changes and cancellations.
 */
@Component
class Invitations {

    /** What is being said. */
    enum Kind {
        INVITE,
        UPDATE,
        CANCEL
    }

    private final Notifications notifications;
    private final Organization organization;
    private final Clock clock;
    private final String from;
    private final String baseUrl;

    Invitations(
            Notifications notifications,
            Organization organization,
            Clock clock,
            @Value("${sen.notifications.from:sen@localhost}") String from,
            @Value("${sen.base-url:http://localhost:8080}") String baseUrl) {
        this.notifications = notifications;
        this.organization = organization;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Tells {@code to} (some of {@code everyone}, who are all on the iCalendar file) of the meeting. */
    void send(MeetingView meeting, List<ParticipantView> everyone, List<ParticipantView> to, Kind kind) {
        Notice notice = notice(meeting, everyone, kind);
        Set<Long> officers = new LinkedHashSet<>();
        List<Long> units = new ArrayList<>();
        for (ParticipantView p : to) {
            Stream.of(p.officerId(), p.attendeeOfficerId())
                    .filter(Objects::nonNull)
                    .forEach(officers::add);
            if (p.unitId() != null) {
                units.add(p.unitId());
            }
            if (p.role() == ParticipantRole.GUEST && !p.guestEmail().isEmpty()) {
                notifications.mail(p.guestEmail(), notice);
            }
        }
        notifications.send(new Recipients(officers, units, Set.of(Role.LEADER, Role.CLERK)), notice);
    }

    /** Tells the meeting's secretary (or, without one, its chair) of a reply. */
    void replied(MeetingView meeting, ParticipantView participant) {
        long organiser = meeting.secretaryOfficerId() != null ? meeting.secretaryOfficerId() : meeting.chairOfficerId();
        String answer = switch (participant.response()) {
            case ATTEND -> participant.represented() ? "cử " + participant.attendeeName() + " dự" : "tham dự";
            case ABSENT -> "vắng mặt: " + participant.reason();
            case SUBSTITUTE -> "cử " + participant.attendeeName() + " dự thay" + reason(participant);
            case PENDING -> "chưa trả lời";
        };
        notifications.send(
                Recipients.officers(List.of(organiser)),
                new Notice(
                        "meeting:" + meeting.id() + ":reply:" + participant.id() + ":" + clock.millis(),
                        "Trả lời giấy mời: " + meeting.title(),
                        participant.name() + " — " + answer,
                        "/meetings/" + meeting.id(),
                        false));
    }

    private static String reason(ParticipantView participant) {
        return participant.reason().isEmpty() ? "" : " (" + participant.reason() + ")";
    }

    private Notice notice(MeetingView meeting, List<ParticipantView> everyone, Kind kind) {
        String subject = switch (kind) {
                    case INVITE -> "Giấy mời họp: ";
                    case UPDATE -> "Thay đổi lịch họp: ";
                    case CANCEL -> "Hủy cuộc họp: ";
                }
                + meeting.title();
        var text = new StringBuilder();
        text.append(
                switch (kind) {
                    case INVITE ->
                        meeting.unitName() + " trân trọng kính mời dự "
                                + meeting.type().nameVi().toLowerCase() + ": " + meeting.title();
                    case UPDATE -> "Cuộc họp \"" + meeting.title() + "\" đã thay đổi thời gian hoặc địa điểm.";
                    case CANCEL -> "Cuộc họp \"" + meeting.title() + "\" đã bị hủy.";
                });
        text.append("\nThời gian: ").append(MeetingText.span(meeting.startsAt(), meeting.endsAt()));
        if (!meeting.where().isEmpty()) {
            text.append("\nĐịa điểm: ").append(meeting.where());
        }
        text.append("\nChủ trì: ").append(meeting.chairName());
        if (!meeting.videoUrl().isEmpty()) {
            text.append("\nHọp trực tuyến: ").append(meeting.videoUrl());
        }
        String link = "/meetings/" + meeting.id();
        byte[] calendar = ICalendar.write(event(meeting, everyone, kind), clock.instant());
        return new Notice(
                "meeting:" + meeting.id() + ":" + kind.name().toLowerCase() + ":" + meeting.sequence(),
                subject,
                text.toString(),
                link,
                true,
                new Attachment(
                        "cuoc-hop-" + meeting.id() + ".ics",
                        "text/calendar; charset=UTF-8; method=" + (kind == Kind.CANCEL ? "CANCEL" : "REQUEST"),
                        calendar));
    }

    private ICalendar.Event event(MeetingView meeting, List<ParticipantView> everyone, Kind kind) {
        return new ICalendar.Event(
                "meeting-" + meeting.id() + "@sen",
                meeting.sequence(),
                meeting.startsAt(),
                meeting.endsAt(),
                meeting.title(),
                meeting.description() + (meeting.description().isEmpty() ? "" : "\n\n") + baseUrl + "/meetings/"
                        + meeting.id(),
                meeting.where(),
                meeting.videoUrl(),
                meeting.unitName(),
                from,
                attendees(everyone),
                kind == Kind.CANCEL);
    }

    private List<ICalendar.Attendee> attendees(List<ParticipantView> participants) {
        Map<Long, String> emails = organization.officerEmails(participants.stream()
                .map(ParticipantView::attendeeOfficerId)
                .filter(Objects::nonNull)
                .toList());
        List<ICalendar.Attendee> attendees = new ArrayList<>();
        for (ParticipantView p : participants) {
            if (p.response() == Response.ABSENT) {
                continue;
            }
            String email = p.role() == ParticipantRole.GUEST ? p.guestEmail() : emails.get(p.attendeeOfficerId());
            if (email != null && !email.isBlank()) {
                attendees.add(new ICalendar.Attendee(
                        p.role() == ParticipantRole.GUEST || p.attendeeName() == null ? p.name() : p.attendeeName(),
                        email.strip()));
            }
        }
        return attendees;
    }
}
