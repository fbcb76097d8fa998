package vn.sen.documents;

import vn.sen.shared.AuditableEvent;

/** A routing step was taken on an incoming document (presented, assigned, forwarded, returned, closed). */
public record IncomingDocumentRouted(String actor, long documentId, String step, String detail)
        implements AuditableEvent {

    @Override
    public String action() {
        return "documents.incoming.routed";
    }

    @Override
    public String resource() {
        return "incoming:" + documentId;
    }

    @Override
    public String details() {
        return step + (detail == null || detail.isEmpty() ? "" : ": " + detail);
    }
}
