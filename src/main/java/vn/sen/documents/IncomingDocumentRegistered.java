package vn.sen.documents;

import vn.sen.shared.AuditableEvent;

/** An incoming document was registered (văn bản đến đã vào sổ) with its arrival number. */
public record IncomingDocumentRegistered(
        String actor,
        long documentId,
        long unitId,
        int year,
        int arrivalNumber,
        Urgency urgency,
        boolean duplicateConfirmed)
        implements AuditableEvent {

    @Override
    public String action() {
        return "documents.incoming.registered";
    }

    @Override
    public String resource() {
        return "incoming:" + documentId;
    }

    @Override
    public String details() {
        return "arrival " + arrivalNumber + "/" + year
                + (duplicateConfirmed ? ", registered despite a duplicate warning" : "");
    }
}
