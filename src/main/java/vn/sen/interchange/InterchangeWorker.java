package vn.sen.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.sen.documents.IncomingDocuments;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.interchange.Edxml.BusinessType;
import vn.sen.interchange.Edxml.DocumentHeader;
import vn.sen.interchange.Edxml.Organ;
import vn.sen.interchange.Edxml.ResponseFor;
import vn.sen.interchange.Edxml.Staff;
import vn.sen.interchange.Edxml.StatusCode;
import vn.sen.interchange.Edxml.StatusHeader;
import vn.sen.interchange.Edxml.StatusMessage;
import vn.sen.interchange.Edxml.Trace;
import vn.sen.interchange.Edxml.TraceHeader;
import vn.sen.organization.Organization;
import vn.sen.shared.RuleViolation;
import vn.sen.signing.SignatureDevice;
import vn.sen.signing.TrustAnchors;

/**
 * Moves messages through the hub or the axis this installation is connected to (trao đổi liên thông):
 * sends the queued documents and statuses, fetches what waits for it — documents go to the inbox for the
 * clerks (and 01 "arrived" goes back at once), statuses update the documents they answer. A message is
 * claimed for a few minutes before it is sent, so several nodes never send it at the same time; a
 * failure is retried with a doubling delay; what is received is acknowledged only once it is kept, and
 * kept once however often it is fetched.
 */
@Component
class InterchangeWorker {

    private static final Logger log = LoggerFactory.getLogger(InterchangeWorker.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OutgoingMessages messages;
    private final FileManagement files;
    private final InterchangeProperties properties;
    private final Clock clock;
    private final Organization organization;
    private final IncomingDocuments incoming;
    private final TrustAnchors anchors;
    private final Transport client;
    private final AgencyDirectory directory;
    private final org.springframework.context.ApplicationEventPublisher events;

    InterchangeWorker(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            OutgoingMessages messages,
            FileManagement files,
            InterchangeProperties properties,
            Clock clock,
            Organization organization,
            IncomingDocuments incoming,
            TrustAnchors anchors,
            AgencyDirectory directory,
            Transports transports,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.anchors = anchors;
        this.directory = directory;
        this.organization = organization;
        this.incoming = incoming;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.messages = messages;
        this.files = files;
        this.properties = properties;
        this.clock = clock;
        this.client = transports.connection();
    }

    @Scheduled(
            fixedDelayString = "${sen.interchange.poll-interval:30s}",
            initialDelayString = "${sen.interchange.poll-interval:30s}")
    void poll() {
        if (client != null) {
            exchange();
        }
    }

    /** One round: send what is due, fetch what waits, send the statuses that follow. */
    void exchange() {
        sendDocuments();
        receive();
        sendStatuses();
    }

    // ---- documents out -------------------------------------------------------------------------

    private record Queued(
            long id,
            long outgoingId,
            BusinessType type,
            String recipient,
            String name,
            int attempts,
            String receivers) {}

    /** Sends every document message that is due; returns how many the hub took. */
    int sendDocuments() {
        int sent = 0;
        for (Optional<Queued> next = claimDocument(); next.isPresent(); next = claimDocument()) {
            Queued queued = next.get();
            try {
                var built = messages.build(
                        queued.outgoingId(),
                        List.of(Organ.of(queued.recipient(), queued.name())),
                        queued.type(),
                        "",
                        Outbox.receivers(queued.receivers()),
                        Staff.NONE,
                        now());
                var header = built.message().header();
                Path file = properties.temporaryFile("message-");
                try {
                    try (OutputStream out = Files.newOutputStream(file);
                            SignatureDevice device = properties.openKey()) {
                        new EdxmlWriter().write(built.message(), built.attachments(), out, signer(device));
                    }
                    client.send(file, header.from().organId(), List.of(queued.recipient()), "edoc");
                } finally {
                    Files.deleteIfExists(file);
                }
                jdbc.sql("""
                        update interchange.outbox set state = 'SENT', sent_at = now(), attempts = attempts + 1,
                            document_id = :doc, last_error = '' where id = :id
                        """)
                        .param("doc", header.documentId())
                        .param("id", queued.id())
                        .update();
                sent++;
            } catch (Transport.TransportException | RuleViolation | IOException | UncheckedIOException e) {
                failed("interchange.outbox", queued.id(), queued.attempts(), e);
            }
        }
        return sent;
    }

    private Optional<Queued> claimDocument() {
        return transactions.execute(status -> jdbc.sql("""
                        update interchange.outbox set next_attempt_at = now() + cast(:lease as interval)
                        where id = (select id from interchange.outbox
                                    where state = 'QUEUED' and next_attempt_at <= now()
                                    order by id limit 1 for update skip locked)
                        returning id, outgoing_id, business_type, recipient, recipient_name, attempts,
                            receiver_changes
                        """)
                .param("lease", properties.lease().toSeconds() + " seconds")
                .query((rs, n) -> new Queued(
                        rs.getLong(1),
                        rs.getLong(2),
                        BusinessType.of(rs.getInt(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getString(7)))
                .optional());
    }

    // ---- messages in ---------------------------------------------------------------------------

    /** Fetches every message waiting for this installation; returns how many were kept. */
    int receive() {
        int kept = 0;
        List<Transport.Waiting> waiting;
        try {
            waiting = client.received();
        } catch (Transport.TransportException e) {
            log.warn("interchange: cannot list received messages: {}", e.getMessage());
            return 0;
        }
        for (Transport.Waiting message : waiting) {
            try {
                Path file = properties.temporaryFile("message-");
                try {
                    try (OutputStream out = Files.newOutputStream(file)) {
                        client.fetch(message.docId(), out);
                    }
                    keep(file);
                } finally {
                    Files.deleteIfExists(file);
                }
                client.acknowledge(message.docId(), "done");
                kept++;
            } catch (EdxmlException e) {
                log.warn("interchange: message {} refused: {}", message.docId(), e.getMessage());
                events.publishEvent(InterchangeRefusal.received(
                        "interchange.message.unreadable",
                        "axis:" + message.docId(),
                        "from " + message.from() + ": " + e.getMessage()));
                acknowledgeQuietly(message.docId(), "fail");
            } catch (Transport.TransportException | IOException | UncheckedIOException e) {
                log.warn("interchange: message {} not fetched: {}", message.docId(), e.getMessage());
            }
        }
        return kept;
    }

    /** Keeps a fetched message: a document in the inbox (with 01 queued back), a status on its document. */
    private void keep(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                var read = new EdxmlReader(EdxmlReader.Limits.DEFAULT, properties.temporary()).read(in)) {
            switch (read.message()) {
                case Edxml.DocumentMessage document -> {
                    StoredFile stored;
                    try (InputStream again = Files.newInputStream(file)) {
                        stored = files.store(again, "edxml-" + document.header().codeNumber() + ".xml", "interchange");
                    }
                    transactions.executeWithoutResult(status -> inbox(document, stored, read.signature()));
                }
                case Edxml.StatusMessage status
                when status.header().statusCode() == StatusCode.RECALL_REQUESTED -> {
                    StoredFile stored;
                    try (InputStream again = Files.newInputStream(file)) {
                        stored = files.store(again, "edxml-status-13.xml", "interchange");
                    }
                    transactions.executeWithoutResult(tx -> recallRequested(status.header(), stored));
                }
                case Edxml.StatusMessage status -> transactions.executeWithoutResult(tx -> status(status));
            }
        }
    }

    private void inbox(Edxml.DocumentMessage document, StoredFile stored, XmlSignatures.Verification signature) {
        var header = document.header();
        var business = document.trace().business();
        boolean trusted =
                signature != null && signature.valid() && anchors.trusts(signature.certificate(), signature.chain());
        Received received = new Received(header, business, stored, signature, trusted);
        for (Organ recipient : header.to()) {
            Optional<String> ours = ourCode(recipient.organId());
            if (ours.isEmpty()) {
                continue; // addressed to another agency too: its copy is its system's
            }
            String organ = ours.get();
            if (signature != null && !signature.valid()) {
                forged(received, organ, business.type());
                continue;
            }
            switch (business.type()) {
                case REVOCATION -> recalled(received, organ);
                case UPDATE -> updated(received, organ);
                case NEW, REPLACEMENT -> {
                    Long id = insert(received, organ, business.type(), "WAITING");
                    if (id != null) {
                        queueStatus(id, StatusCode.ARRIVED, "Đã nhận văn bản, chờ văn thư tiếp nhận");
                        if (business.type() == BusinessType.REPLACEMENT) {
                            replaced(received, organ);
                        }
                    }
                }
            }
        }
    }

    /**
     * The code under which a unit of this installation keeps what is addressed to {@code code}: the code
     * itself when the organisation knows it (old codes included), or — for an old code only the agency
     * directory knows — the code that replaced it.
     */
    private Optional<String> ourCode(String code) {
        if (organization.unitByCode(code).isPresent()) {
            return Optional.of(code);
        }
        return directory
                .current(code)
                .map(AgencyDirectory.Agency::code)
                .filter(current -> organization.unitByCode(current).isPresent());
    }

    /**
     * A message whose XML signature does not verify (changed on the way, or signed with another key than
     * its certificate's): kept as refused, never offered to the clerks nor applied; a document is answered
     * 02 with the reason, a recall or update 16.
     */
    private void forged(Received received, String organ, BusinessType type) {
        Long id = insert(received, organ, type, "REJECTED");
        if (id == null) {
            return; // refused before
        }
        String reason =
                "Chữ ký số của gói tin không hợp lệ: " + received.signature().problem();
        boolean document = type == BusinessType.NEW || type == BusinessType.REPLACEMENT;
        queueStatus(id, document ? StatusCode.REJECTED : StatusCode.RECALL_REFUSED, reason);
        events.publishEvent(InterchangeRefusal.received(
                "interchange.message.signature-invalid",
                "edxml:" + received.header().from().organId(),
                received.documentId() + ": " + received.signature().problem()));
    }

    /** A document message as it was received, with what its signature check found. */
    private record Received(
            DocumentHeader header,
            Edxml.Business business,
            StoredFile stored,
            XmlSignatures.Verification signature,
            boolean trusted) {

        String documentId() {
            return business.documentId().isEmpty() ? header.documentId() : business.documentId();
        }
    }

    /** Keeps a received message for a recipient, once; returns its row, or null when it was kept before. */
    private Long insert(Received received, String organ, BusinessType type, String state) {
        var header = received.header();
        var signature = received.signature();
        return jdbc.sql("""
                        insert into interchange.inbox (sender, sender_name, recipient, document_id, business_type,
                            subject, message_file, signature_valid, signature_trusted, signer, signature_problem, state,
                            update_key)
                        values (:sender, :name, :recipient, :doc, :type, :subject, :file, :valid, :trusted, :signer,
                            :problem, :state, :key)
                        on conflict (sender, document_id, business_type, recipient, update_key) do nothing
                        returning id
                        """)
                .param("sender", header.from().organId())
                .param("name", header.from().organName())
                .param("recipient", organ)
                .param("doc", received.documentId())
                .param("type", type.code())
                .param("subject", header.subject())
                .param("file", received.stored().id())
                .param("valid", signature == null ? null : signature.valid())
                .param("trusted", received.trusted())
                .param("signer", signature == null ? "" : signature.signer())
                .param("problem", signature == null ? "" : signature.problem())
                .param("state", state)
                .param("key", type == BusinessType.UPDATE ? received.stored().sha256() : "")
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** The copy of a document received here before (not a recall or update record), locked. */
    private record Copy(long id, String state, Long incomingId) {}

    private Optional<Copy> copy(String sender, String documentId, String organ) {
        return jdbc.sql("""
                        select id, state, incoming_id from interchange.inbox
                        where sender in (:senders) and document_id = :doc and recipient = :recipient
                          and business_type in (0, 3)
                        order by id limit 1 for update
                        """)
                .param("senders", directory.formerCodes(sender)) // a sender renamed by a merger recalls too
                .param("doc", documentId)
                .param("recipient", organ)
                .query((rs, n) -> new Copy(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3)))
                .optional();
    }

    /** A copy recalled: unlinked and closed if it was registered, no longer waiting either way. */
    private void recallCopy(Copy copy, String reason) {
        if (copy.incomingId() != null) {
            incoming.recallReceived(copy.incomingId(), reason);
        }
        jdbc.sql("update interchange.inbox set state = 'RECALLED' where id = :id")
                .param("id", copy.id())
                .update();
    }

    /**
     * The sender recalls a document (thu hồi): the recall is kept as a record; the copy received — waiting
     * or registered — is recalled (its files unlinked, its work cancelled) and 15 goes back; a recall of
     * a document never received is refused with 16.
     */
    private void recalled(Received received, String organ) {
        Long record = insert(received, organ, BusinessType.REVOCATION, "RECALLED");
        if (record != null) { // else this recall was handled before
            answerRecall(
                    record,
                    received.header().from().organId(),
                    received.documentId(),
                    organ,
                    received.business().reason());
        }
    }

    /**
     * The sender asks a document back with status 13 (some systems do, rather than send a revocation):
     * kept as a recall record for the recipient the status answers, then handled as a recall — the copy
     * recalled and 15, or 16 when there is none. A request for none of this installation's units is logged.
     */
    private void recallRequested(StatusHeader header, StoredFile stored) {
        Optional<String> organ = ourCode(header.responseFor().organId());
        if (organ.isEmpty()) {
            log.warn(
                    "interchange: status 13 from {} about {} for {}, not a unit here",
                    header.from().organId(),
                    header.responseFor().documentId(),
                    header.responseFor().organId());
            return;
        }
        Long record = jdbc.sql("""
                        insert into interchange.inbox (sender, sender_name, recipient, document_id, business_type,
                            subject, message_file, state, update_key)
                        values (:sender, :name, :recipient, :doc, 1, :subject, :file, 'RECALLED', :key)
                        on conflict (sender, document_id, business_type, recipient, update_key) do nothing
                        returning id
                        """)
                .param("sender", header.from().organId())
                .param("name", header.from().organName())
                .param("recipient", organ.get())
                .param("doc", header.responseFor().documentId())
                .param("subject", header.description())
                .param("file", stored.id())
                .param("key", "13")
                .query(Long.class)
                .optional()
                .orElse(null);
        if (record != null) { // else this request was handled before
            answerRecall(
                    record,
                    header.from().organId(),
                    header.responseFor().documentId(),
                    organ.get(),
                    header.description());
        }
    }

    /** A recall of a copy received: the copy recalled and 15 on the recall's record, or 16 when there is none. */
    private void answerRecall(long record, String sender, String documentId, String organ, String reason) {
        Optional<Copy> copy = copy(sender, documentId, organ);
        if (copy.isEmpty()) {
            queueStatus(record, StatusCode.RECALL_REFUSED, "Không có văn bản này để thu hồi");
            return;
        }
        if (!copy.get().state().equals("RECALLED")) { // asked twice, by revocation and by 13: recalled once
            recallCopy(copy.get(), reason);
        }
        queueStatus(record, StatusCode.RECALL_ACCEPTED, "Đã thu hồi văn bản theo yêu cầu");
    }

    /**
     * The sender updates a document (business type 2): a recipient it removes has its copy recalled, one
     * it adds receives the document; changed information replaces that of a copy still waiting (a
     * registered copy keeps what was registered). 15 goes back, or 16 when there is no copy to update.
     */
    private void updated(Received received, String organ) {
        var business = received.business();
        Long record = insert(received, organ, BusinessType.UPDATE, "APPLIED");
        if (record == null) {
            return; // this update was handled before
        }
        boolean removed = business.receiversChanged()
                && business.receivers().stream().anyMatch(r -> r.organId().equals(organ) && !r.added());
        boolean added = business.receiversChanged()
                && business.receivers().stream().anyMatch(r -> r.organId().equals(organ) && r.added());
        Optional<Copy> copy = copy(received.header().from().organId(), received.documentId(), organ);
        if (added && copy.isEmpty()) {
            Long id = insert(received, organ, BusinessType.NEW, "WAITING");
            if (id != null) {
                queueStatus(id, StatusCode.ARRIVED, "Đã nhận văn bản, chờ văn thư tiếp nhận");
            }
            queueStatus(record, StatusCode.RECALL_ACCEPTED, "Đã nhận văn bản được bổ sung nơi nhận");
            return;
        }
        if (copy.isEmpty()) {
            queueStatus(record, StatusCode.RECALL_REFUSED, "Không có văn bản này để cập nhật");
            return;
        }
        if (removed) {
            recallCopy(copy.get(), "Cơ quan gửi bỏ nơi nhận. " + business.reason());
            queueStatus(record, StatusCode.RECALL_ACCEPTED, "Đã hủy văn bản theo yêu cầu");
            return;
        }
        if (copy.get().state().equals("WAITING")) {
            jdbc.sql("update interchange.inbox set subject = :subject, message_file = :file where id = :id")
                    .param("subject", received.header().subject())
                    .param("file", received.stored().id())
                    .param("id", copy.get().id())
                    .update();
        }
        queueStatus(record, StatusCode.RECALL_ACCEPTED, "Đã cập nhật thông tin văn bản");
    }

    /** The documents a replacement replaces: copies still waiting are withdrawn, registered ones noted. */
    private void replaced(Received received, String organ) {
        for (Edxml.Replacement replacement : received.business().replacements()) {
            if (!replacement.organIds().isEmpty() && !replacement.organIds().contains(organ)) {
                continue;
            }
            copy(received.header().from().organId(), replacement.documentId(), organ)
                    .ifPresent(copy -> {
                        if (copy.incomingId() != null) {
                            incoming.noteReplaced(
                                    copy.incomingId(),
                                    received.header().codeNumber() + "/"
                                            + received.header().codeNotation() + " — "
                                            + received.header().subject());
                        } else if (copy.state().equals("WAITING")) {
                            jdbc.sql("update interchange.inbox set state = 'RECALLED' where id = :id")
                                    .param("id", copy.id())
                                    .update();
                        }
                    });
        }
    }

    /** A status about a document Sen sent: kept in its history and as its last business status. */
    private void status(StatusMessage message) {
        var header = message.header();
        Long outbox = jdbc.sql("""
                        select id from interchange.outbox
                        where document_id = :doc and recipient in (:from) order by id desc limit 1
                        """)
                .param("doc", header.responseFor().documentId())
                .param("from", directory.formerCodes(header.from().organId()))
                .query(Long.class)
                .optional()
                .orElse(null);
        if (outbox == null) {
            log.warn(
                    "interchange: status {} from {} about unknown document {}",
                    header.statusCode().code(),
                    header.from().organId(),
                    header.responseFor().documentId());
            events.publishEvent(InterchangeRefusal.received(
                    "interchange.status.unknown-document",
                    "edxml:" + header.from().organId(),
                    "status " + header.statusCode().code() + " about "
                            + header.responseFor().documentId() + ", which was never sent to "
                            + header.from().organId()));
            return;
        }
        int added = jdbc.sql("""
                        insert into interchange.outbox_status (outbox_id, status_code, description, staff, at)
                        values (:outbox, :code, :text, :staff, :at)
                        on conflict (outbox_id, status_code, at) do nothing
                        """)
                .param("outbox", outbox)
                .param("code", header.statusCode().code())
                .param("text", header.description())
                .param("staff", header.staff().staff())
                .param("at", header.timestamp())
                .update();
        if (added > 0) {
            jdbc.sql("""
                    update interchange.outbox set status_code = :code, status_text = :text, status_at = :at,
                        state = case when state = 'SENT' then 'DELIVERED' else state end
                    where id = :id and (status_at is null or status_at <= :at)
                    """)
                    .param("code", header.statusCode().code())
                    .param("text", header.description())
                    .param("at", header.timestamp())
                    .param("id", outbox)
                    .update();
        }
    }

    // ---- statuses out --------------------------------------------------------------------------

    /** Queues a status about a received document, once per code. */
    void queueStatus(long inboxId, StatusCode code, String description) {
        jdbc.sql("""
                insert into interchange.status_outbox (inbox_id, status_code, description)
                values (:inbox, :code, :text) on conflict (inbox_id, status_code) do nothing
                """)
                .param("inbox", inboxId)
                .param("code", code.code())
                .param("text", description)
                .update();
    }

    private record QueuedStatus(
            long id,
            int attempts,
            String code,
            String description,
            String sender,
            String recipient,
            String documentId) {}

    /** Sends every status that is due; returns how many the hub took. */
    int sendStatuses() {
        int sent = 0;
        for (Optional<QueuedStatus> next = claimStatus(); next.isPresent(); next = claimStatus()) {
            QueuedStatus queued = next.get();
            try {
                LocalDateTime now = now();
                var message = new StatusMessage(
                        new StatusHeader(
                                Organ.of(queued.recipient(), ""),
                                new ResponseFor(queued.sender(), "", null, queued.documentId()),
                                Staff.NONE,
                                StatusCode.of(queued.code()),
                                queued.description(),
                                now),
                        new Trace(List.of(new TraceHeader(queued.recipient(), now)), null));
                Path file = properties.temporaryFile("message-");
                try {
                    try (OutputStream out = Files.newOutputStream(file);
                            SignatureDevice device = properties.openKey()) {
                        new EdxmlWriter().write(message, out, signer(device));
                    }
                    // to the sender's code of today: a merger may have replaced the one it sent from
                    String sender = directory
                            .current(queued.sender())
                            .map(AgencyDirectory.Agency::code)
                            .orElse(queued.sender());
                    client.send(file, queued.recipient(), List.of(sender), "status");
                } finally {
                    Files.deleteIfExists(file);
                }
                jdbc.sql("update interchange.status_outbox set state = 'SENT', attempts = attempts + 1 where id = :id")
                        .param("id", queued.id())
                        .update();
                sent++;
            } catch (Transport.TransportException | IOException | UncheckedIOException e) {
                failed("interchange.status_outbox", queued.id(), queued.attempts(), e);
            }
        }
        return sent;
    }

    private Optional<QueuedStatus> claimStatus() {
        return transactions.execute(status -> jdbc.sql("""
                        update interchange.status_outbox s set next_attempt_at = now() + cast(:lease as interval)
                        from interchange.inbox i
                        where i.id = s.inbox_id and s.id = (
                            select id from interchange.status_outbox
                            where state = 'QUEUED' and next_attempt_at <= now()
                            order by id limit 1 for update skip locked)
                        returning s.id, s.attempts, s.status_code, s.description, i.sender, i.recipient, i.document_id
                        """)
                .param("lease", properties.lease().toSeconds() + " seconds")
                .query((rs, n) -> new QueuedStatus(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .optional());
    }

    // ---- shared --------------------------------------------------------------------------------

    /** A failed try: retried after 1, 2, 4 … minutes (up to an hour), failed for good after the last. */
    private void failed(String table, long id, int attempts, Exception e) {
        int tries = attempts + 1;
        boolean last = tries >= properties.maxAttempts();
        long minutes = Math.min(60, 1L << Math.min(tries - 1, 6));
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        log.warn("interchange: {} {} try {} failed: {}", table, id, tries, reason);
        jdbc.sql("update " + table + """
                         set attempts = :tries, state = :state, last_error = :error,
                            next_attempt_at = now() + cast(:delay as interval)
                        where id = :id
                        """)
                .param("tries", tries)
                .param("state", last ? "FAILED" : "QUEUED")
                .param("error", reason.length() > 2000 ? reason.substring(0, 2000) : reason)
                .param("delay", minutes + " minutes")
                .param("id", id)
                .update();
    }

    private void acknowledgeQuietly(String docId, String status) {
        try {
            client.acknowledge(docId, status);
        } catch (Transport.TransportException e) {
            log.warn("interchange: cannot acknowledge {}: {}", docId, e.getMessage());
        }
    }

    private static XmlSignatures.Signer signer(SignatureDevice device) {
        return device == null ? null : XmlSignatures.Signer.of(device);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock); // the clock runs in Vietnam time, as edXML writes it
    }
}
