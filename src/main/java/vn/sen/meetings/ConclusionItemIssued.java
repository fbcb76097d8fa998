package vn.sen.meetings;

import java.time.LocalDate;
import java.util.List;
import vn.sen.shared.AuditableEvent;

/**
 * A conclusion item was issued (nội dung kết luận được giao): the meeting's conclusion notice naming it was
 * released by the e-office ({@code actor} released it). Task tracking turns it into a task for {@code leadUnitId} with the
 * coordinating units and the deadline (null: none); the notice's number and date are its source.
 */
public record ConclusionItemIssued(
        String actor,
        long meetingId,
        long itemId,
        String meetingTitle,
        long chairOfficerId,
        String content,
        long leadUnitId,
        List<Long> coordinatingUnitIds,
        LocalDate deadline,
        long outgoingId,
        String noticeNumber,
        LocalDate issuedOn)
        implements AuditableEvent {

    public ConclusionItemIssued {
        coordinatingUnitIds = List.copyOf(coordinatingUnitIds);
    }

    @Override
    public String action() {
        return "meetings.conclusion.item-issued";
    }

    @Override
    public String resource() {
        return "meeting:" + meetingId;
    }

    @Override
    public String details() {
        return "item:" + itemId + " lead:" + leadUnitId + (deadline == null ? "" : " due:" + deadline);
    }
}
