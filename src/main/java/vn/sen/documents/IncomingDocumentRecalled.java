package vn.sen.documents;

import vn.sen.shared.AuditableEvent;

/** An incoming document was recalled by its sender: its files were destroyed, its record kept. */
public record IncomingDocumentRecalled(String actor, long documentId, String reason) implements AuditableEvent {

    @Override
    public String action() {
        return "documents.incoming.recalled";
    }

    @Override
    public String resource() {
        return "incoming:" + documentId;
    }

    @Override
    public String details() {
        return reason;
    }
}
