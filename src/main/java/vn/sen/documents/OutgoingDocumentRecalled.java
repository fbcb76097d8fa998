package vn.sen.documents;

import java.util.List;
import vn.sen.documents.OutgoingViews.ExternalRecipient;
import vn.sen.shared.AuditableEvent;

/**
 * A released outgoing document was recalled (thu hồi). Internal recipients' copies are already
 * destroyed; {@code external} recipients are for interchange to send the recall (edXML business type
 * 1, status 13) to.
 */
public record OutgoingDocumentRecalled(String actor, long documentId, String reason, List<ExternalRecipient> external)
        implements AuditableEvent {

    public OutgoingDocumentRecalled {
        external = List.copyOf(external);
    }

    @Override
    public String action() {
        return "documents.outgoing.recall-sent";
    }

    @Override
    public String resource() {
        return "outgoing:" + documentId;
    }

    @Override
    public String details() {
        return reason + " (" + external.size() + " ngoài hệ thống)";
    }
}
