package vn.sen.interchange;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.sen.interchange.AgencyDirectory.Changes;

/**
 * Keeps the agency directory in step with the hub this installation is connected to — or, for a hub
 * that forwards, with the national axis (đồng bộ danh bạ): asks what changed after the version it last
 * saw ({@code getSynchronizeUnit}), page by page, each page recorded with the version it reached in one
 * transaction — a stop resumes where it was. A hub that does not number its changes answers with its
 * whole directory: it is taken as it is, and what it no longer lists is deleted here.
 */
@Component
class DirectorySync {

    private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);

    private final AgencyDirectory directory;
    private final TransactionTemplate transactions;
    private final Transport client;
    private final String source;

    DirectorySync(
            AgencyDirectory directory,
            TransactionTemplate transactions,
            InterchangeProperties properties,
            Transports transports) {
        this.directory = directory;
        this.transactions = transactions;
        // a hub takes the directory from the national axis it forwards to, a member from its hub
        this.client = properties.forwards() ? transports.upstream() : transports.connection();
        this.source = properties.forwards()
                ? properties.upstreamUrl().toString()
                : properties.connected() ? properties.hubUrl().toString() : "";
    }

    boolean connected() {
        return client != null;
    }

    /** The hub the directory comes from. */
    String source() {
        return source;
    }

    @Scheduled(
            fixedDelayString = "${sen.interchange.directory-interval:6h}",
            initialDelayString = "${sen.interchange.poll-interval:30s}")
    void scheduled() {
        if (client != null) {
            try {
                sync();
            } catch (Transport.TransportException e) {
                log.warn("interchange: directory not synchronised: {}", e.getMessage());
            }
        }
    }

    /** Synchronises what changed since the last time; returns the changes made here. */
    Changes sync() {
        if (client == null) {
            throw new IllegalStateException("not connected to a hub (sen.interchange.hub-url) or an axis");
        }
        long since = directory.syncedVersion(source);
        Changes total = Changes.NONE;
        while (true) {
            List<AgencyDirectory.Agency> page = client.synchronize(since);
            if (!page.isEmpty() && page.stream().allMatch(agency -> agency.version() == 0)) {
                return snapshot(page); // a hub that does not number its changes sends all it has
            }
            long reached = page.stream()
                    .mapToLong(AgencyDirectory.Agency::version)
                    .max()
                    .orElse(since);
            if (reached <= since) {
                directory.synced(source, since, total);
                return total;
            }
            Changes changes = transactions.execute(tx -> {
                Changes made = record(page);
                directory.synced(source, reached, made);
                return made;
            });
            total = total.plus(changes);
            since = reached;
        }
    }

    /** The hub's whole directory: each agency recorded, and what it no longer lists deleted. */
    private Changes snapshot(List<AgencyDirectory.Agency> all) {
        return transactions.execute(tx -> {
            Changes made = record(all)
                    .plus(directory.dropMissing(
                            source,
                            all.stream().map(AgencyDirectory.Agency::code).toList()));
            directory.synced(source, 0, made);
            return made;
        });
    }

    private Changes record(List<AgencyDirectory.Agency> agencies) {
        Changes made = Changes.NONE;
        for (AgencyDirectory.Agency agency : agencies) {
            made = made.plus(directory.record(agency, source));
        }
        return made;
    }
}
