package vn.sen.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;

/**
 * The hub's link to the national axis (chuyển tiếp lên trục quốc gia): what members send to agencies no
 * member receives for goes up to the axis, and what the axis holds for the hub's members comes down into
 * their mailboxes. A message is claimed for a few minutes before it goes up (several nodes never send it
 * twice at once); one the axis holds is acknowledged only once the hub keeps it, and kept once however
 * often it comes.
 */
@Component
class HubForwarder {

    private static final Logger log = LoggerFactory.getLogger(HubForwarder.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Hub hub;
    private final FileManagement files;
    private final InterchangeProperties properties;
    private final Transport axis;
    private final org.springframework.context.ApplicationEventPublisher events;

    HubForwarder(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Hub hub,
            FileManagement files,
            InterchangeProperties properties,
            Transports transports,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.hub = hub;
        this.files = files;
        this.properties = properties;
        this.axis = transports.upstream();
    }

    @Scheduled(
            fixedDelayString = "${sen.interchange.poll-interval:30s}",
            initialDelayString = "${sen.interchange.poll-interval:30s}")
    void poll() {
        if (axis != null) {
            forward();
            collect();
        }
    }

    private record Up(long id, UUID docId, String sender, String recipient, String type, UUID file) {}

    /** Sends up every message waiting for the axis; returns how many it took. */
    int forward() {
        int sent = 0;
        for (Optional<Up> next = claim(); next.isPresent(); next = claim()) {
            Up up = next.get();
            try {
                StoredFile file = files.require(up.file());
                axis.send(() -> open(file), up.sender(), List.of(up.recipient()), up.type());
                jdbc.sql("update interchange.hub_message set state = 'DONE', updated_at = now() where id = :id")
                        .param("id", up.id())
                        .update();
                sent++;
            } catch (Transport.TransportException | UncheckedIOException e) {
                log.warn("interchange: message {} not forwarded to the axis: {}", up.docId(), e.getMessage());
            }
        }
        return sent;
    }

    /** The next message for the axis, claimed for the lease (a failed one is tried again after that). */
    private Optional<Up> claim() {
        return transactions.execute(status -> jdbc.sql("""
                        update interchange.hub_message set state = 'PROCESSING', updated_at = now()
                        where id = (select id from interchange.hub_message
                                    where system_id = 'axis:upstream'
                                      and (state = 'WAITING'
                                           or (state = 'PROCESSING'
                                               and updated_at < now() - cast(:lease as interval)))
                                    order by id limit 1 for update skip locked)
                        returning id, doc_id, sender, recipient, message_type, file_id
                        """)
                .param("lease", properties.lease().toSeconds() + " seconds")
                .query((rs, n) -> new Up(
                        rs.getLong(1),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, UUID.class)))
                .optional());
    }

    /** Brings down what the axis holds for the members; returns how many messages were kept. */
    int collect() {
        List<Transport.Waiting> waiting;
        try {
            waiting = axis.received();
        } catch (Transport.TransportException e) {
            log.warn("interchange: cannot list the axis's messages: {}", e.getMessage());
            return 0;
        }
        int kept = 0;
        for (Transport.Waiting message : waiting) {
            try {
                Path temporary = properties.temporaryFile("axis-");
                StoredFile stored;
                try {
                    try (OutputStream out = Files.newOutputStream(temporary)) {
                        axis.fetch(message.docId(), out);
                    }
                    try (InputStream in = Files.newInputStream(temporary)) {
                        stored = files.store(in, "edxml-" + message.docId() + ".xml", "hub:" + Hub.UPSTREAM);
                    }
                } finally {
                    Files.deleteIfExists(temporary);
                }
                hub.acceptForwarded(
                        message.from(),
                        message.to().isBlank() ? List.of() : List.of(message.to()),
                        message.messageType(),
                        stored);
                axis.acknowledge(message.docId(), "done");
                kept++;
            } catch (Hub.Refusal e) {
                log.warn("interchange: the axis's message {} refused: {}", message.docId(), e.getMessage());
                events.publishEvent(InterchangeRefusal.received(
                        "interchange.hub.refused-from-axis",
                        "axis:" + message.docId(),
                        "from " + message.from() + " to " + message.to() + ": " + e.code() + " " + e.getMessage()));
                try {
                    axis.acknowledge(message.docId(), "fail");
                } catch (Transport.TransportException again) {
                    log.warn("interchange: cannot acknowledge {}: {}", message.docId(), again.getMessage());
                }
            } catch (Transport.TransportException | IOException | UncheckedIOException e) {
                log.warn("interchange: the axis's message {} not fetched: {}", message.docId(), e.getMessage());
            }
        }
        return kept;
    }

    private InputStream open(StoredFile file) {
        try {
            return files.open(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
