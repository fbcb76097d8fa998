package vn.sen.interchange;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The content of edXML messages (gói tin edXML, QCVN 102:2016): a document message or a status message,
 * field by field as the standard names them. Dates are Vietnam local time, as edXML writes them (no
 * offset). Organisation codes are opaque strings: old QCVN 102 codes ({@code 000.00.00.H41}) and the
 * newer hierarchical ones ({@code H01.151}) alike.
 */
public final class Edxml {

    private Edxml() {}

    /** The standard's namespace, prefix {@code edXML}. */
    public static final String NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    /** An organisation (cơ quan, tổ chức) as a sender or a recipient. */
    public record Organ(
            String organId,
            String organizationInCharge,
            String organName,
            String organAdd,
            String email,
            String telephone,
            String fax,
            String website) {

        public static Organ of(String organId, String organName) {
            return new Organ(organId, "", organName, "", "", "", "", "");
        }
    }

    /** Who signed (người ký): competence (TM., KT. …), position, full name. */
    public record Signer(String competence, String position, String fullName) {}

    /**
     * Other information: priority (0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ), sphere
     * of promulgation, the typist's initials, number of copies and pages, direction, appendix names.
     */
    public record OtherInfo(
            int priority,
            String sphereOfPromulgation,
            String typerNotation,
            Integer promulgationAmount,
            Integer pageAmount,
            String direction,
            List<String> appendixes) {

        public OtherInfo {
            appendixes = List.copyOf(appendixes);
        }

        public static final OtherInfo NONE = new OtherInfo(0, "", "", null, null, "", List.of());
    }

    /** The document this one answers (văn bản trả lời cho), or the one a status is about. */
    public record ResponseFor(String organId, String code, LocalDate promulgationDate, String documentId) {}

    /** The header of a document message (MessageHeader). */
    public record DocumentHeader(
            Organ from,
            List<Organ> to,
            String documentId,
            String codeNumber,
            String codeNotation,
            String place,
            LocalDate promulgationDate,
            int type,
            String typeDetail,
            String typeName,
            String subject,
            String content,
            Signer signer,
            LocalDate dueDate,
            OtherInfo otherInfo,
            List<ResponseFor> responseFor,
            Integer steeringType,
            List<String> toPlaces) {

        public DocumentHeader {
            to = List.copyOf(to);
            responseFor = List.copyOf(responseFor);
            toPlaces = List.copyOf(toPlaces);
        }
    }

    /** One hop of the message (TraceHeader): the organisation and when it passed it on. */
    public record TraceHeader(String organId, LocalDateTime timestamp) {}

    /** What the message does to the document (BussinessDocType). */
    public enum BusinessType {
        /** 0: a new document. */
        NEW,
        /** 1: the sender recalls (thu hồi) the document. */
        REVOCATION,
        /** 2: an update: information corrected, recipients added or removed. */
        UPDATE,
        /** 3: a replacement (thay thế) of documents sent before. */
        REPLACEMENT;

        public int code() {
            return ordinal();
        }

        public static BusinessType of(int code) {
            if (code < 0 || code >= values().length) {
                throw new IllegalArgumentException("BussinessDocType " + code + " is not 0, 1, 2 or 3");
            }
            return values()[code];
        }
    }

    /** A recipient added or removed by an update. */
    public record Receiver(String organId, boolean added) {}

    /** Documents a replacement replaces, with the organisations that had received them. */
    public record Replacement(String documentId, List<String> organIds) {

        public Replacement {
            organIds = List.copyOf(organIds);
        }
    }

    /** The clerk who sent it (StaffInfo). */
    public record Staff(String department, String staff, String email, String mobile) {

        public static final Staff NONE = new Staff("", "", "", "");
    }

    /**
     * The business part of the trace (Bussiness — spelled so in the standard): the document, what the
     * message does to it and why, whether a paper copy follows; for an update whether the information and
     * the recipients changed and which recipients; for a replacement which documents.
     */
    public record Business(
            String documentId,
            BusinessType type,
            String reason,
            int paper,
            boolean documentInfoChanged,
            boolean receiversChanged,
            List<Receiver> receivers,
            List<Replacement> replacements,
            Staff staff) {

        public Business {
            receivers = List.copyOf(receivers);
            replacements = List.copyOf(replacements);
        }

        public static Business of(String documentId, BusinessType type, String reason, Staff staff) {
            return new Business(documentId, type, reason, 0, false, false, List.of(), List.of(), staff);
        }
    }

    /** The trace of a message (TraceHeaderList): its hops, and for a document its business part. */
    public record Trace(List<TraceHeader> hops, Business business) {

        public Trace {
            hops = List.copyOf(hops);
        }
    }

    /** An entry of the manifest (edXMLManifest/Reference): an attachment by content id. */
    public record Reference(String contentId, String contentType, String description, String attachmentName) {}

    /** The codes of status messages (mã trạng thái). */
    public enum StatusCode {
        /** 01: arrived — the software received it, the clerk not yet. */
        ARRIVED("01"),
        /** 02: rejected (từ chối), with the reason. */
        REJECTED("02"),
        /** 03: registered (đã vào sổ). */
        REGISTERED("03"),
        /** 04: assigned (đã phân công). */
        ASSIGNED("04"),
        /** 05: in progress (đang xử lý). */
        IN_PROGRESS("05"),
        /** 06: done (hoàn thành). */
        DONE("06"),
        /** 13: the sender asks to take the document back (recall or update). */
        RECALL_REQUESTED("13"),
        /** 15: the receiver accepts the recall or update. */
        RECALL_ACCEPTED("15"),
        /** 16: the receiver refuses it. */
        RECALL_REFUSED("16");

        private final String code;

        StatusCode(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static StatusCode of(String code) {
            String two = code.length() == 1 ? "0" + code : code;
            for (StatusCode status : values()) {
                if (status.code.equals(two)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("StatusCode " + code + " is not one of 01–06, 13, 15, 16");
        }
    }

    /** The header of a status message. */
    public record StatusHeader(
            Organ from,
            ResponseFor responseFor,
            Staff staff,
            StatusCode statusCode,
            String description,
            LocalDateTime timestamp) {}

    /** A message: a document or a status. */
    public sealed interface Message permits DocumentMessage, StatusMessage {
        Trace trace();
    }

    /** A document message: header, trace, manifest. The attachments travel outside the envelope. */
    public record DocumentMessage(DocumentHeader header, Trace trace, List<Reference> manifest) implements Message {

        public DocumentMessage {
            manifest = List.copyOf(manifest);
        }
    }

    /** A status message about a document. */
    public record StatusMessage(StatusHeader header, Trace trace) implements Message {}
}
