package vn.sen.search;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.sen.documents.IncomingDocumentRecalled;
import vn.sen.documents.IncomingDocumentRegistered;
import vn.sen.documents.IncomingDocumentRouted;
import vn.sen.documents.OutgoingDocumentChanged;

/**
 * Keeps the search read model current: after each committed change, in the background, retried from
 * the event publication registry if the application stops before it is done.
 */
@Component
class SearchListener {

    private final SearchIndex index;

    SearchListener(SearchIndex index) {
        this.index = index;
    }

    @ApplicationModuleListener
    void on(IncomingDocumentRegistered event) {
        index.indexIncoming(event.documentId());
    }

    @ApplicationModuleListener
    void on(IncomingDocumentRouted event) {
        index.indexIncoming(event.documentId());
    }

    @ApplicationModuleListener
    void on(IncomingDocumentRecalled event) {
        index.indexIncoming(event.documentId());
    }

    @ApplicationModuleListener
    void on(OutgoingDocumentChanged event) {
        index.indexOutgoing(event.documentId());
    }
}
