package vn.sen.interchange;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;
import vn.sen.interchange.Edxml.Business;
import vn.sen.interchange.Edxml.BusinessType;
import vn.sen.interchange.Edxml.DocumentHeader;
import vn.sen.interchange.Edxml.DocumentMessage;
import vn.sen.interchange.Edxml.Message;
import vn.sen.interchange.Edxml.Organ;
import vn.sen.interchange.Edxml.OtherInfo;
import vn.sen.interchange.Edxml.Receiver;
import vn.sen.interchange.Edxml.Reference;
import vn.sen.interchange.Edxml.Replacement;
import vn.sen.interchange.Edxml.ResponseFor;
import vn.sen.interchange.Edxml.Signer;
import vn.sen.interchange.Edxml.Staff;
import vn.sen.interchange.Edxml.StatusCode;
import vn.sen.interchange.Edxml.StatusHeader;
import vn.sen.interchange.Edxml.StatusMessage;
import vn.sen.interchange.Edxml.Trace;
import vn.sen.interchange.Edxml.TraceHeader;
import vn.sen.interchange.EdxmlReader.Node;

/**
 * The envelope as read turned into {@link Edxml} records: elements in any order, missing optional ones
 * empty, required ones refused by name; dates as {@code yyyy/MM/dd[ HH:mm:ss]} or, as some systems
 * send them, {@code dd/MM/yyyy[ HH:mm:ss]}.
 */
final class EdxmlMapping {

    private EdxmlMapping() {}

    /** Organisation codes: opaque, up to 32 letters, digits, dots, dashes and underscores. */
    private static final Pattern ORGAN_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    static final DateTimeFormatter DATE = pattern("uuuu/MM/dd");
    static final DateTimeFormatter TIME = pattern("uuuu/MM/dd HH:mm:ss");
    private static final DateTimeFormatter DAY_FIRST_DATE = pattern("dd/MM/uuuu");
    private static final DateTimeFormatter DAY_FIRST_TIME = pattern("dd/MM/uuuu HH:mm:ss");
    private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    static Message message(Node root) {
        Node envelope = required(root, "edXMLEnvelope");
        Node header = required(envelope, "edXMLHeader");
        Node messageHeader = required(header, "MessageHeader");
        Trace trace = header.child("TraceHeaderList").map(EdxmlMapping::trace).orElse(new Trace(List.of(), null));
        if (messageHeader.child("StatusCode").isPresent()) {
            return new StatusMessage(status(messageHeader), trace);
        }
        DocumentHeader document = document(messageHeader);
        Trace withBusiness = trace.business() != null
                ? trace
                : new Trace(trace.hops(), Business.of(document.documentId(), BusinessType.NEW, "", Staff.NONE));
        List<Reference> manifest = envelope.child("edXMLBody")
                .flatMap(body -> body.child("edXMLManifest"))
                .map(m -> m.all("Reference").stream()
                        .map(r -> new Reference(
                                contentId(r.text("ContentId")),
                                r.text("ContentType"),
                                r.text("Description"),
                                r.text("AttachmentName")))
                        .toList())
                .orElse(List.of());
        return new DocumentMessage(document, withBusiness, manifest);
    }

    private static DocumentHeader document(Node header) {
        Organ from = organ(required(header, "From"));
        List<Node> recipients = header.all("To");
        if (recipients.isEmpty()) {
            throw new EdxmlException(header.pathOf("To"), "a document message names at least one recipient");
        }
        Node code = header.child("Code").orElse(null);
        Node promulgation = required(header, "PromulgationInfo");
        Node type = required(header, "DocumentType");
        Node signer = header.child("SignerInfo").orElse(null);
        String subject = requiredText(header, "Subject");
        String number = code == null ? "" : code.text("CodeNumber");
        String notation = code == null ? "" : code.text("CodeNotation");
        LocalDate promulgated = date(required(promulgation, "PromulgationDate"));
        String documentId = header.text("DocumentId");
        if (documentId.isEmpty()) { // as QCVN 102 composes it
            documentId = from.organId() + "," + DATE.format(promulgated) + "," + number + "/" + notation;
        }
        return new DocumentHeader(
                from,
                recipients.stream().map(EdxmlMapping::organ).toList(),
                documentId,
                number,
                notation,
                promulgation.text("Place"),
                promulgated,
                integer(required(type, "Type")),
                type.text("TypeDetail"),
                type.text("TypeName"),
                subject,
                header.text("Content"),
                signer == null
                        ? new Signer("", "", "")
                        : new Signer(signer.text("Competence"), signer.text("Position"), signer.text("FullName")),
                header.child("DueDate")
                        .filter(n -> !n.text().isEmpty())
                        .map(EdxmlMapping::date)
                        .orElse(null),
                header.child("OtherInfo").map(EdxmlMapping::otherInfo).orElse(OtherInfo.NONE),
                header.all("ResponseFor").stream()
                        .map(EdxmlMapping::responseFor)
                        .toList(),
                header.child("SteeringType")
                        .filter(n -> !n.text().isEmpty())
                        .map(EdxmlMapping::integer)
                        .orElse(null),
                header.child("ToPlaces")
                        .map(p -> p.all("Place").stream().map(Node::text).toList())
                        .orElse(List.of()));
    }

    private static StatusHeader status(Node header) {
        Node code = required(header, "StatusCode");
        StatusCode status;
        try {
            status = StatusCode.of(code.text());
        } catch (IllegalArgumentException e) {
            throw new EdxmlException(code.path, e.getMessage() + line(code));
        }
        return new StatusHeader(
                organ(required(header, "From")),
                responseFor(required(header, "ResponseFor")),
                header.child("StaffInfo").map(EdxmlMapping::staff).orElse(Staff.NONE),
                status,
                header.text("Description"),
                time(required(header, "Timestamp")));
    }

    private static Trace trace(Node list) {
        List<TraceHeader> hops = list.all("TraceHeader").stream()
                .map(h -> new TraceHeader(
                        organId(required(h, "OrganId")),
                        h.child("Timestamp")
                                .filter(n -> !n.text().isEmpty())
                                .map(EdxmlMapping::time)
                                .orElse(null)))
                .toList();
        Business business = list.child("Bussiness")
                .or(() -> list.child("Business"))
                .map(b -> business(b, list))
                .orElse(null);
        return new Trace(hops, business);
    }

    private static Business business(Node node, Node list) {
        Node typeNode = required(node, "BussinessDocType");
        BusinessType type;
        try {
            type = BusinessType.of(integer(typeNode));
        } catch (IllegalArgumentException e) {
            throw new EdxmlException(typeNode.path, e.getMessage() + line(typeNode));
        }
        Node info = node.child("BussinessDocumentInfo").orElse(null);
        List<Receiver> receivers = info == null
                ? List.of()
                : info.child("ReceiverList")
                        .map(l -> l.all("Receiver").stream()
                                .map(r -> new Receiver(
                                        organId(required(r, "OrganId")), flag(required(r, "ReceiverType"))))
                                .toList())
                        .orElse(List.of());
        List<Replacement> replacements = node.child("ReplacementInfoList")
                .map(l -> l.all("ReplacementInfo").stream()
                        .map(r -> new Replacement(
                                requiredText(r, "DocumentId"),
                                r.child("OrganIdList")
                                        .map(o -> o.all("OrganId").stream()
                                                .map(EdxmlMapping::organId)
                                                .toList())
                                        .orElse(List.of())))
                        .toList())
                .orElse(List.of());
        if (type == BusinessType.REPLACEMENT && replacements.isEmpty()) {
            throw new EdxmlException(node.pathOf("ReplacementInfoList"), "a replacement names what it replaces");
        }
        return new Business(
                node.text("DocumentId"),
                type,
                node.text("BussinessDocReason"),
                node.child("Paper")
                        .filter(n -> !n.text().isEmpty())
                        .map(EdxmlMapping::integer)
                        .orElse(0),
                info != null
                        && info.child("DocumentInfo").map(EdxmlMapping::flag).orElse(false),
                info != null
                        && info.child("DocumentReceiver")
                                .map(EdxmlMapping::flag)
                                .orElse(false),
                receivers,
                replacements,
                node.child("StaffInfo")
                        .or(() -> list.child("StaffInfo"))
                        .map(EdxmlMapping::staff)
                        .orElse(Staff.NONE));
    }

    private static Organ organ(Node node) {
        return new Organ(
                organId(required(node, "OrganId")),
                node.text("OrganizationInCharge"),
                node.text("OrganName"),
                node.text("OrganAdd"),
                node.text("Email"),
                node.text("Telephone"),
                node.text("Fax"),
                node.text("Website"));
    }

    private static OtherInfo otherInfo(Node node) {
        return new OtherInfo(
                node.child("Priority")
                        .filter(n -> !n.text().isEmpty())
                        .map(EdxmlMapping::priority)
                        .orElse(0),
                node.text("SphereOfPromulgation"),
                node.text("TyperNotation"),
                node.child("PromulgationAmount")
                        .filter(n -> !n.text().isEmpty())
                        .map(EdxmlMapping::integer)
                        .orElse(null),
                node.child("PageAmount")
                        .filter(n -> !n.text().isEmpty())
                        .map(EdxmlMapping::integer)
                        .orElse(null),
                node.text("Direction"),
                node.child("Appendixes")
                        .map(a -> a.all("Appendix").stream().map(Node::text).toList())
                        .orElse(List.of()));
    }

    private static ResponseFor responseFor(Node node) {
        return new ResponseFor(
                node.child("OrganId")
                        .filter(n -> !n.text().isEmpty())
                        .map(EdxmlMapping::organId)
                        .orElse(""),
                node.text("Code"),
                node.child("PromulgationDate")
                        .filter(n -> !n.text().isEmpty())
                        .map(EdxmlMapping::date)
                        .orElse(null),
                node.text("DocumentId"));
    }

    private static Staff staff(Node node) {
        return new Staff(node.text("Department"), node.text("Staff"), node.text("Email"), node.text("Mobile"));
    }

    private static int priority(Node node) {
        int priority = integer(node);
        if (priority < 0 || priority > 4) {
            throw new EdxmlException(node.path, "priority " + priority + " is not 0 to 4" + line(node));
        }
        return priority;
    }

    // ---- values ------------------------------------------------------------------------------

    private static Node required(Node parent, String name) {
        return parent.child(name).orElseThrow(() -> new EdxmlException(parent.pathOf(name), "missing" + line(parent)));
    }

    private static String requiredText(Node parent, String name) {
        String text = required(parent, name).text();
        if (text.isEmpty()) {
            throw new EdxmlException(parent.pathOf(name), "empty" + line(parent));
        }
        return text;
    }

    private static String organId(Node node) {
        String code = node.text();
        if (!ORGAN_ID.matcher(code).matches()) {
            throw new EdxmlException(
                    node.path,
                    "'" + shortened(code) + "' is not an organisation code (up to 32 letters, digits and dots)"
                            + line(node));
        }
        return code;
    }

    private static int integer(Node node) {
        try {
            return Integer.parseInt(node.text());
        } catch (NumberFormatException e) {
            throw new EdxmlException(node.path, "'" + shortened(node.text()) + "' is not a whole number" + line(node));
        }
    }

    private static boolean flag(Node node) {
        return switch (node.text()) {
            case "1", "true" -> true;
            case "0", "false", "" -> false;
            default ->
                throw new EdxmlException(node.path, "'" + shortened(node.text()) + "' is not 0 or 1" + line(node));
        };
    }

    static LocalDate date(Node node) {
        String text = node.text();
        return day(text)
                .orElseThrow(() -> new EdxmlException(
                        node.path, "'" + shortened(text) + "' is not a date (yyyy/MM/dd or dd/MM/yyyy)" + line(node)));
    }

    /** A day written {@code yyyy/MM/dd}, {@code dd/MM/yyyy} or {@code yyyy-MM-dd}; a time after it is ignored. */
    static java.util.Optional<LocalDate> day(String text) {
        String day = text.length() > 10 ? text.substring(0, 10) : text;
        for (DateTimeFormatter format : List.of(DATE, DAY_FIRST_DATE, DateTimeFormatter.ISO_LOCAL_DATE)) {
            try {
                return java.util.Optional.of(LocalDate.parse(day, format));
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return java.util.Optional.empty();
    }

    static LocalDateTime time(Node node) {
        String text = node.text();
        for (DateTimeFormatter format : List.of(TIME, DAY_FIRST_TIME, ISO_TIME)) {
            try {
                return LocalDateTime.parse(text, format);
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        throw new EdxmlException(
                node.path,
                "'" + shortened(text) + "' is not a time (yyyy/MM/dd HH:mm:ss or dd/MM/yyyy HH:mm:ss)" + line(node));
    }

    /** A content id without its {@code cid:} prefix, as manifests and attachments write it either way. */
    static String contentId(String id) {
        return id.startsWith("cid:") ? id.substring(4) : id;
    }

    private static String line(Node node) {
        return node.line > 0 ? " (line " + node.line + ")" : "";
    }

    private static String shortened(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static DateTimeFormatter pattern(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }
}
