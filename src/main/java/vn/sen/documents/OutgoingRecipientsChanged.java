package vn.sen.documents;

import java.util.List;
import vn.sen.documents.OutgoingViews.ExternalRecipient;
import vn.sen.shared.AuditableEvent;

/**
 * The recipients of a released outgoing document changed (bổ sung, rút nơi nhận): copies on this
 * installation are already delivered or recalled; the {@code added} and {@code removed} agencies outside
 * are for interchange to tell (edXML business type 2), each message naming change {@code changeId}.
 */
public record OutgoingRecipientsChanged(
        String actor,
        long documentId,
        long changeId,
        String reason,
        List<ExternalRecipient> added,
        List<ExternalRecipient> removed)
        implements AuditableEvent {

    public OutgoingRecipientsChanged {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    @Override
    public String action() {
        return "documents.outgoing.recipients-changed";
    }

    @Override
    public String resource() {
        return "outgoing:" + documentId;
    }

    @Override
    public String details() {
        return reason + " (+" + added.size() + " −" + removed.size() + " ngoài hệ thống)";
    }
}
