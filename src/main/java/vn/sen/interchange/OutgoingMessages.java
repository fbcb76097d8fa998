package vn.sen.interchange;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.sen.documents.OutgoingDocuments;
import vn.sen.documents.OutgoingViews.OutgoingState;
import vn.sen.documents.OutgoingViews.OutgoingView;
import vn.sen.documents.Urgency;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.interchange.Edxml.Business;
import vn.sen.interchange.Edxml.BusinessType;
import vn.sen.interchange.Edxml.DocumentHeader;
import vn.sen.interchange.Edxml.DocumentMessage;
import vn.sen.interchange.Edxml.Organ;
import vn.sen.interchange.Edxml.OtherInfo;
import vn.sen.interchange.Edxml.Reference;
import vn.sen.interchange.Edxml.Signer;
import vn.sen.interchange.Edxml.Staff;
import vn.sen.interchange.Edxml.Trace;
import vn.sen.interchange.Edxml.TraceHeader;
import vn.sen.interchange.EdxmlWriter.Outgoing;
import vn.sen.organization.Organization;
import vn.sen.organization.Views.UnitView;
import vn.sen.shared.RuleViolation;

/**
 * A released outgoing document as the edXML message that carries it to another agency (gói tin văn
 * bản đi): the issuer as sender, the document's number, date, type, subject and signer, its urgency as
 * the priority, and as attachments the file that was sent (the sealed one when it was signed) and its
 * separate attachments. State-secret documents never leave by interchange.
 */
@Component
class OutgoingMessages {

    /** A message ready to be written: the envelope's content and the files to attach. */
    record Built(DocumentMessage message, List<Outgoing> attachments) {}

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final OutgoingDocuments outgoing;
    private final Organization organization;
    private final FileManagement files;
    private final MessageSource messages;

    OutgoingMessages(
            OutgoingDocuments outgoing, Organization organization, FileManagement files, MessageSource messages) {
        this.outgoing = outgoing;
        this.organization = organization;
        this.files = files;
        this.messages = messages;
    }

    /**
     * The message of a released document to {@code recipients}, or to its recipients outside this
     * installation when none are given.
     */
    Built build(long outgoingId, List<Organ> recipients, Staff staff, LocalDateTime now) {
        return build(outgoingId, recipients, BusinessType.NEW, "", staff, now);
    }

    /** The message of a document: new (released), or its revocation (recalled) with the reason. */
    Built build(
            long outgoingId, List<Organ> recipients, BusinessType type, String reason, Staff staff, LocalDateTime now) {
        return build(outgoingId, recipients, type, reason, List.of(), staff, now);
    }

    /**
     * The message of a document: new (released), its revocation (recalled) with the reason, its
     * replacement, or an update naming the {@code receivers} added and removed.
     */
    Built build(
            long outgoingId,
            List<Organ> recipients,
            BusinessType type,
            String reason,
            List<Edxml.Receiver> receivers,
            Staff staff,
            LocalDateTime now) {
        OutgoingView document = outgoing.forIndexing(outgoingId)
                .orElseThrow(() -> new RuleViolation("interchange.error.no-document", Long.toString(outgoingId)));
        OutgoingState expected = type == BusinessType.REVOCATION ? OutgoingState.RECALLED : OutgoingState.RELEASED;
        if (document.state() != expected) {
            throw new RuleViolation("interchange.error.not-released", Long.toString(outgoingId));
        }
        if (document.confidentiality().stateSecret()) {
            throw new RuleViolation("interchange.error.secret");
        }
        UnitView issuer = organization.requireUnit(document.issuerUnitId());
        Organ from = new Organ(
                code(issuer),
                issuer.parentId() == null
                        ? ""
                        : organization
                                .unit(issuer.parentId())
                                .map(UnitView::name)
                                .orElse(""),
                issuer.name(),
                "",
                "",
                "",
                "",
                "");
        List<Organ> to = recipients.isEmpty()
                ? document.recipients().stream()
                        .filter(r -> r.unitId() == null)
                        .map(r -> Organ.of(r.code(), r.name()))
                        .toList()
                : recipients;
        if (to.isEmpty() || to.stream().anyMatch(o -> o.organId().isBlank())) {
            throw new RuleViolation("interchange.error.no-recipient-code");
        }
        String numberAndNotation = document.numberAndNotation();
        int slash = numberAndNotation.indexOf('/');
        String number = slash < 0 ? numberAndNotation : numberAndNotation.substring(0, slash);
        String notation = slash < 0 ? "" : numberAndNotation.substring(slash + 1);
        String documentId = documentId(from.organId(), document);
        List<Outgoing> attachments = new ArrayList<>();
        document.signedFile()
                .or(() -> document.latest() == null
                        ? java.util.Optional.empty()
                        : document.latest()
                                .pdfId()
                                .map(files::require)
                                .or(() ->
                                        java.util.Optional.of(document.latest().file())))
                .ifPresent(file -> attachments.add(attachment("van-ban", file, document.subject())));
        for (var attachment : document.attachments()) {
            attachments.add(attachment("phu-luc-" + attachment.position(), attachment.sent(), "Văn bản kèm theo"));
        }
        var header = new DocumentHeader(
                from,
                to,
                documentId,
                number,
                notation,
                "",
                document.issuedOn(),
                1,
                document.type().abbreviation(),
                messages.getMessage(
                        "doc.type." + document.type().name(),
                        null,
                        document.type().name(),
                        VIETNAMESE),
                document.subject(),
                "",
                new Signer(document.signerForm().abbreviation(), "", document.signerName()),
                null,
                new OtherInfo(priority(document.urgency()), "", "", null, null, "", List.of()),
                List.of(),
                null,
                List.of());
        var message = new DocumentMessage(
                header,
                new Trace(
                        List.of(new TraceHeader(from.organId(), now)),
                        business(document, documentId, from.organId(), to, type, reason, receivers, staff)),
                attachments.stream()
                        .map(a -> new Reference(a.contentId(), a.contentType(), a.description(), a.name()))
                        .toList());
        return new Built(message, List.copyOf(attachments));
    }

    /** The edXML DocumentId of a document, as QCVN 102 composes it: issuer, date, number/notation. */
    private static String documentId(String issuer, OutgoingView document) {
        return issuer + "," + EdxmlMapping.DATE.format(document.issuedOn()) + "," + document.numberAndNotation();
    }

    /**
     * What the message does: a new document, a recall with its reason, a change of its receivers, a
     * replacement of the original.
     */
    private Business business(
            OutgoingView document,
            String documentId,
            String issuer,
            List<Organ> to,
            BusinessType type,
            String reason,
            List<Edxml.Receiver> receivers,
            Staff staff) {
        if (type == BusinessType.UPDATE) {
            return new Business(
                    documentId,
                    type,
                    reason.isEmpty() ? "Thay đổi nơi nhận văn bản" : reason,
                    0,
                    false,
                    true,
                    receivers,
                    List.of(),
                    staff);
        }
        if (type == BusinessType.REPLACEMENT) {
            OutgoingView original = outgoing.forIndexing(document.amends())
                    .orElseThrow(() ->
                            new RuleViolation("interchange.error.no-document", String.valueOf(document.amends())));
            return new Business(
                    documentId,
                    type,
                    reason.isEmpty() ? "Thay thế văn bản số " + original.numberAndNotation() : reason,
                    0,
                    false,
                    false,
                    List.of(),
                    List.of(new Edxml.Replacement(
                            documentId(issuer, original),
                            to.stream().map(Organ::organId).toList())),
                    staff);
        }
        return Business.of(
                documentId,
                type,
                type == BusinessType.REVOCATION && reason.isEmpty() ? nullToEmpty(document.recallReason()) : reason,
                staff);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private Outgoing attachment(String contentId, StoredFile file, String description) {
        return new Outgoing(contentId, file.name(), description, file.mediaType(), () -> files.open(file));
    }

    /**
     * The code edXML messages name the issuer by: its QCVN 102 code (domain §1: the legacy form is used in
     * every message), else its axis code.
     */
    private static String code(UnitView unit) {
        String code = unit.code() != null && !unit.code().isBlank() ? unit.code() : unit.axisCode();
        if (code == null || code.isBlank()) {
            throw new RuleViolation("interchange.error.no-issuer-code", unit.name());
        }
        return code;
    }

    /** Urgency as edXML's priority: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc. */
    static int priority(Urgency urgency) {
        return switch (urgency) {
            case NORMAL -> 0;
            case URGENT -> 1;
            case VERY_URGENT -> 2;
            case FLASH -> 3;
        };
    }
}
