package vn.sen.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.sen.documents.Confidentiality;
import vn.sen.documents.DocumentType;
import vn.sen.documents.IncomingDocumentRouted;
import vn.sen.documents.IncomingDocuments;
import vn.sen.documents.IncomingViews.IncomingView;
import vn.sen.documents.IncomingViews.NewIncoming;
import vn.sen.documents.Urgency;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.interchange.Edxml.DocumentHeader;
import vn.sen.interchange.Edxml.StatusCode;
import vn.sen.organization.Organization;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.UserScope;

/**
 * Documents received through interchange (văn bản điện tử đến qua liên thông), waiting for the clerks of
 * the recipient agency: registered into the agency's register with their metadata and files (03 goes
 * back), or refused with the reason (02 goes back). Once registered, the document's routing answers too:
 * 04 when it is assigned, 05 when handling starts, 06 when it is done.
 */
@Service
@Transactional(readOnly = true)
public class ReceivedDocuments {

    /** A received document as the clerk sees it in the list. */
    public record Received(
            long id,
            String sender,
            String senderName,
            String recipient,
            String recipientName,
            String subject,
            String documentId,
            String state,
            Long incomingId,
            Instant receivedAt,
            Boolean signatureValid,
            boolean signatureTrusted,
            String signer,
            String signatureProblem) {}

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final JdbcClient jdbc;
    private final Organization organization;
    private final IncomingDocuments incoming;
    private final FileManagement files;
    private final InterchangeProperties properties;
    private final InterchangeWorker worker;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    ReceivedDocuments(
            JdbcClient jdbc,
            Organization organization,
            IncomingDocuments incoming,
            FileManagement files,
            InterchangeProperties properties,
            InterchangeWorker worker,
            MessageSource messages,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.incoming = incoming;
        this.files = files;
        this.properties = properties;
        this.worker = worker;
        this.messages = messages;
        this.transactions = transactions;
    }

    /** What waits for the user's agencies (the units they are clerks of), oldest first. */
    public List<Received> waiting(UserScope clerk) {
        return jdbc
                .sql("select * from interchange.inbox where state = 'WAITING' order by received_at, id")
                .query(this::row)
                .list()
                .stream()
                .filter(r -> keeps(clerk, r.recipient()))
                .toList();
    }

    /**
     * Registers a received document in the recipient agency's register (tiếp nhận, vào sổ): its
     * metadata from the message, its files stored anew; 03 goes back. A document that looks like one
     * already registered needs {@code confirmDuplicate}, as any registration.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public IncomingView register(UserScope clerk, long id, boolean confirmDuplicate) {
        Received received = waitingFor(clerk, id);
        UnitView unit = registeringUnit(clerk, received.recipient())
                .orElseThrow(() -> new AccessDeniedException("not a clerk of " + received.recipient()));
        DocumentHeader header;
        List<UUID> stored = new ArrayList<>();
        UUID message = jdbc.sql("select message_file from interchange.inbox where id = :id")
                .param("id", id)
                .query(UUID.class)
                .single();
        try (InputStream in = files.open(files.require(message));
                var read = new EdxmlReader(EdxmlReader.Limits.DEFAULT, properties.temporary()).read(in)) {
            header = ((Edxml.DocumentMessage) read.message()).header();
            for (var attachment : read.attachments()) {
                try (InputStream file = Files.newInputStream(attachment.file())) {
                    StoredFile kept = files.store(
                            file, attachment.name().isBlank() ? "tep-dinh-kem" : attachment.name(), clerk.username());
                    stored.add(kept.id());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IncomingView registered = incoming.register(
                clerk,
                new NewIncoming(
                        unit.id(),
                        received.documentId(),
                        header.from().organId(),
                        header.from().organName().isBlank()
                                ? received.senderName()
                                : header.from().organName(),
                        header.codeNumber(),
                        header.codeNotation(),
                        type(header),
                        header.promulgationDate(),
                        header.subject(),
                        header.signer().position(),
                        header.signer().fullName(),
                        urgency(header.otherInfo().priority()),
                        Confidentiality.NORMAL,
                        header.dueDate(),
                        header.otherInfo().pageAmount(),
                        header.content(),
                        stored,
                        confirmDuplicate));
        transactions.executeWithoutResult(status -> {
            int updated = jdbc.sql("""
                    update interchange.inbox set state = 'REGISTERED', incoming_id = :incoming
                    where id = :id and state = 'WAITING'
                    """)
                    .param("incoming", registered.id())
                    .param("id", id)
                    .update();
            if (updated == 0) {
                throw new RuleViolation("interchange.error.not-waiting");
            }
            worker.queueStatus(
                    id,
                    StatusCode.REGISTERED,
                    "Đã vào sổ văn bản đến số " + registered.arrivalNumber() + " (" + registered.registerName() + ")");
        });
        return registered;
    }

    /** Refuses a received document with the reason (từ chối tiếp nhận); 02 goes back with it. */
    @Transactional
    public void reject(UserScope clerk, long id, String reason) {
        waitingFor(clerk, id);
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("documents.error.reason-required");
        }
        jdbc.sql("update interchange.inbox set state = 'REJECTED' where id = :id and state = 'WAITING'")
                .param("id", id)
                .update();
        worker.queueStatus(id, StatusCode.REJECTED, reason.strip());
    }

    /** The routing of a registered document answers its sender: 04 assigned, 05 in progress, 06 done. */
    @ApplicationModuleListener
    void on(IncomingDocumentRouted routed) {
        StatusCode code = routed.step().startsWith("assigned lead")
                ? StatusCode.ASSIGNED
                : routed.step().equals("started")
                        ? StatusCode.IN_PROGRESS
                        : routed.step().equals("closed") ? StatusCode.DONE : null;
        if (code == null) {
            return;
        }
        jdbc.sql("select id from interchange.inbox where incoming_id = :incoming")
                .param("incoming", routed.documentId())
                .query(Long.class)
                .list()
                .forEach(id -> worker.queueStatus(id, code, routed.detail() == null ? "" : routed.detail()));
    }

    private Received waitingFor(UserScope clerk, long id) {
        Received received = jdbc.sql("select * from interchange.inbox where id = :id")
                .param("id", id)
                .query(this::row)
                .optional()
                .orElseThrow(() -> new RuleViolation("documents.error.not-found"));
        if (!keeps(clerk, received.recipient())) {
            throw new AccessDeniedException("not a clerk of " + received.recipient());
        }
        if (!received.state().equals("WAITING")) {
            throw new RuleViolation("interchange.error.not-waiting");
        }
        return received;
    }

    private boolean keeps(UserScope clerk, String code) {
        return registeringUnit(clerk, code).isPresent();
    }

    /** Where the clerk registers what is addressed to {@code code}: the agency, or its Office. */
    private java.util.Optional<UnitView> registeringUnit(UserScope clerk, String code) {
        return organization.unitByCode(code).flatMap(unit -> incoming.registeringUnitFor(clerk, unit.id()));
    }

    private Received row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String recipient = rs.getString("recipient");
        return new Received(
                rs.getLong("id"),
                rs.getString("sender"),
                rs.getString("sender_name"),
                recipient,
                organization.unitByCode(recipient).map(UnitView::name).orElse(recipient),
                rs.getString("subject"),
                rs.getString("document_id"),
                rs.getString("state"),
                (Long) rs.getObject("incoming_id"),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                (Boolean) rs.getObject("signature_valid"),
                rs.getBoolean("signature_trusted"),
                rs.getString("signer"),
                rs.getString("signature_problem"));
    }

    /** The document type by its abbreviation or its Vietnamese name; a công văn when neither matches. */
    private DocumentType type(DocumentHeader header) {
        for (DocumentType type : DocumentType.values()) {
            String name = messages.getMessage("doc.type." + type.name(), null, "", VIETNAMESE);
            if ((!type.abbreviation().isEmpty() && type.abbreviation().equals(header.typeDetail()))
                    || name.equalsIgnoreCase(header.typeName())) {
                return type;
            }
        }
        return DocumentType.OFFICIAL_LETTER;
    }

    /** edXML's priority as urgency: 1 khẩn, 2 thượng khẩn, 3–4 hỏa tốc. */
    private static Urgency urgency(int priority) {
        return switch (priority) {
            case 1 -> Urgency.URGENT;
            case 2 -> Urgency.VERY_URGENT;
            case 3, 4 -> Urgency.FLASH;
            default -> Urgency.NORMAL;
        };
    }
}
