package vn.sen.documents;

import vn.sen.shared.AuditableEvent;

/** A step in an outgoing document's life (drafted, version, submitted, reviewed, approved, issued…). */
public record OutgoingDocumentChanged(String actor, long documentId, String step, String detail)
        implements AuditableEvent {

    @Override
    public String action() {
        return "documents.outgoing." + step.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String resource() {
        return "outgoing:" + documentId;
    }

    @Override
    public String details() {
        return detail == null ? "" : detail;
    }
}
