package vn.sen.search;

import java.util.function.LongConsumer;
import org.springframework.stereotype.Service;

/**
 * Bulk indexing for documents that arrive by the thousand (generation, migration): a range of ids at a
 * time, set-based, metadata only. Documents that come one by one are indexed by {@link SearchListener}.
 */
@Service
public class SearchFeeds {

    private static final long BATCH = 100_000;

    private final SearchIndex index;

    SearchFeeds(SearchIndex index) {
        this.index = index;
    }

    /** Indexes incoming documents {@code fromId}..{@code toId}; {@code progress} hears the last id done. */
    public long indexIncoming(long fromId, long toId, LongConsumer progress) {
        long written = 0;
        for (long from = fromId; from <= toId; from += BATCH) {
            long to = Math.min(toId, from + BATCH - 1);
            written += index.indexIncomingRange(from, to);
            progress.accept(to);
        }
        return written;
    }
}
