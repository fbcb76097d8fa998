package vn.sen.search;

import java.io.PrintWriter;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.sen.documents.IncomingDocuments;
import vn.sen.documents.OutgoingDocuments;
import vn.sen.shared.Command;

/** {@code sen search rebuild}: rewrites the whole search read model from the documents. */
@Component
class SearchCommands implements Command {

    private final SearchIndex index;
    private final OutgoingDocuments outgoing;
    private final IncomingDocuments incoming;

    SearchCommands(SearchIndex index, IncomingDocuments incoming, OutgoingDocuments outgoing) {
        this.index = index;
        this.outgoing = outgoing;
        this.incoming = incoming;
    }

    @Override
    public String name() {
        return "search rebuild";
    }

    @Override
    public String usage() {
        return "— rebuild the search index from the documents (attachments' text included)";
    }

    @Override
    public int run(List<String> args, PrintWriter out) {
        if (!args.isEmpty()) {
            throw new CommandException("search rebuild takes no arguments");
        }
        long started = System.nanoTime();
        long count = 0;
        long after = 0;
        List<Long> batch;
        while (!(batch = incoming.ids(after, 500)).isEmpty()) {
            for (long id : batch) {
                index.indexIncoming(id);
                count++;
            }
            after = batch.getLast();
        }
        after = 0;
        while (!(batch = outgoing.ids(after, 500)).isEmpty()) {
            for (long id : batch) {
                index.indexOutgoing(id);
                count++;
            }
            after = batch.getLast();
        }
        out.printf("{\"indexed\":%d,\"seconds\":%.1f}%n", count, (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
