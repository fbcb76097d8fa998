package vn.sen.documents;

import java.util.List;
import vn.sen.documents.OutgoingViews.ExternalRecipient;
import vn.sen.shared.AuditableEvent;

/**
 * An outgoing document was released (đã phát hành). Units of this installation already have it as an
 * incoming document; {@code external} lists the other agencies, for interchange to deliver — never
 * filled for state-secret documents.
 */
public record OutgoingDocumentReleased(
        String actor, long documentId, Confidentiality confidentiality, List<ExternalRecipient> external)
        implements AuditableEvent {

    public OutgoingDocumentReleased {
        external = List.copyOf(external);
    }

    @Override
    public String action() {
        return "documents.outgoing.released";
    }

    @Override
    public String resource() {
        return "outgoing:" + documentId;
    }

    @Override
    public String details() {
        return external.size() + " external recipients";
    }
}
