package vn.sen.meetings;

import vn.sen.shared.AuditableEvent;

/**
 * Something done to a meeting (scheduled, invited, answered, a document approved…), or refused: the
 * audit trail's record of it.
 */
public record MeetingChanged(String actor, long meetingId, String step, String detail, Outcome outcome)
        implements AuditableEvent {

    MeetingChanged(String actor, long meetingId, String step, String detail) {
        this(actor, meetingId, step, detail, Outcome.SUCCESS);
    }

    @Override
    public String action() {
        return "meetings." + step;
    }

    @Override
    public String resource() {
        return "meeting:" + meetingId;
    }

    @Override
    public String details() {
        return detail;
    }
}
