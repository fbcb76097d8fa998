package vn.sen.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.sen.files.StoredFile;

/** Records of outgoing documents (văn bản đi). */
public final class OutgoingViews {

    private OutgoingViews() {}

    /** Where an outgoing document is in its life. */
    public enum OutgoingState {
        /** Dự thảo. */
        DRAFT,
        /** Đang trình duyệt. */
        IN_REVIEW,
        /** Kiểm tra thể thức. */
        FORMAT_CHECK,
        /** Chờ người có thẩm quyền duyệt ký. */
        APPROVAL,
        /** Đã duyệt, chờ cấp số. */
        APPROVED,
        /** Đã cấp số. */
        ISSUED,
        /** Đã phát hành. */
        RELEASED,
        /** Đã thu hồi: frozen with its metadata; the recipients' copies are destroyed. */
        RECALLED
    }

    /** A step of the approval route. */
    public enum StepKind {
        REVIEW,
        FORMAT_CHECK,
        APPROVAL
    }

    public enum StepState {
        WAITING,
        PENDING,
        APPROVED,
        REJECTED
    }

    /** Signature forms of Decree 30 (TM., KT., Q., TL., TUQ.); NONE when the head signs in person. */
    public enum SignerForm {
        NONE(""),
        ON_BEHALF("TM."),
        DEPUTY("KT."),
        ACTING("Q."),
        BY_ORDER("TL."),
        AUTHORISED("TUQ.");

        private final String abbreviation;

        SignerForm(String abbreviation) {
            this.abbreviation = abbreviation;
        }

        public String abbreviation() {
            return abbreviation;
        }
    }

    /**
     * How a released document with an error is put right (domain §3): a correction (đính chính) by
     * công văn, or a replacement by a document of the same form (edXML business type 3).
     */
    public enum Amendment {
        CORRECTION,
        REPLACEMENT
    }

    /** A recipient outside this installation (another agency), by name and organisation code. */
    public record ExternalRecipient(String name, String code) {}

    /** What the drafter enters. {@code reviewers}: route steps in order, each a list of officers in parallel. */
    public record NewDraft(
            long unitId,
            long issuerUnitId,
            DocumentType type,
            String subject,
            long signerOfficerId,
            SignerForm signerForm,
            Urgency urgency,
            Confidentiality confidentiality,
            List<List<Long>> reviewers,
            List<Long> recipientUnits,
            List<ExternalRecipient> externalRecipients,
            UUID fileId,
            String note,
            Long responseFor) {

        public NewDraft {
            reviewers = reviewers == null
                    ? List.of()
                    : reviewers.stream().map(List::copyOf).toList();
            recipientUnits = recipientUnits == null ? List.of() : List.copyOf(recipientUnits);
            externalRecipients = externalRecipients == null ? List.of() : List.copyOf(externalRecipients);
        }
    }

    /** A version of the draft; {@code rendition} is its PDF made by LibreOffice (null for a PDF upload). */
    public record VersionView(
            int version,
            StoredFile file,
            String note,
            String createdBy,
            Instant createdAt,
            vn.sen.files.PdfConversion.Rendition rendition) {

        /** The file to read and to send: the upload if it is a PDF, else its finished rendition, if any. */
        public java.util.Optional<java.util.UUID> pdfId() {
            if (file.pdf()) {
                return java.util.Optional.of(file.id());
            }
            return rendition != null && rendition.state() == vn.sen.files.PdfConversion.State.DONE
                    ? java.util.Optional.of(rendition.pdfId())
                    : java.util.Optional.empty();
        }
    }

    public record StepView(
            long id,
            int position,
            StepKind kind,
            Long officerId,
            Long unitId,
            String holder,
            StepState state,
            String comment,
            String decidedBy,
            Instant decidedAt) {}

    /**
     * A signed stage of the document (APPROVAL, NUMBERED, ISSUANCE): the PDF it made, the certificate
     * holder of its signature (empty for the numbering), who did it and when.
     */
    public record SignedStage(String stage, StoredFile file, String holder, String actor, Instant at) {}

    /**
     * A separate attachment file (phụ lục): the PDF the drafter attached and, once the agency signed it
     * at issuance, the signed PDF with the certificate holder, who signed and when.
     */
    public record AttachmentView(
            long id,
            int position,
            StoredFile file,
            StoredFile signed,
            String holder,
            String signedBy,
            Instant signedAt) {

        /** The file to read and to send: the signed one when there is one. */
        public StoredFile sent() {
            return signed != null ? signed : file;
        }
    }

    public record RecipientView(long id, Long unitId, String name, String code, Long incomingId, String state) {}

    public record CommentView(int version, String author, String text, Instant at) {}

    public record OutgoingView(
            long id,
            long unitId,
            String unitName,
            long issuerUnitId,
            String issuerName,
            DocumentType type,
            String subject,
            long signerOfficerId,
            String signerName,
            SignerForm signerForm,
            Urgency urgency,
            Confidentiality confidentiality,
            OutgoingState state,
            String createdBy,
            Instant createdAt,
            Long registerId,
            Integer codeNumber,
            String codeNotation,
            LocalDate issuedOn,
            Instant releasedAt,
            List<VersionView> versions,
            List<StepView> steps,
            List<RecipientView> recipients,
            List<CommentView> comments,
            Long responseFor,
            Instant recalledAt,
            String recallReason,
            Long amends,
            Amendment amendment,
            List<OutgoingRow> amendedBy,
            List<SignedStage> signatures,
            List<AttachmentView> attachments) {

        /** Printed number, e.g. {@code 05/QĐ-UBND}; empty before issuance. */
        public String numberAndNotation() {
            return codeNumber == null
                    ? ""
                    : IncomingViews.numberAndNotation(Integer.toString(codeNumber), codeNotation);
        }

        public VersionView latest() {
            return versions.isEmpty() ? null : versions.getLast();
        }

        /** Signed with the approval signature: issuance must then be signed too. */
        public boolean signedApproval() {
            return signatures.stream().anyMatch(s -> s.stage().equals("APPROVAL"));
        }

        /** The last signed stage's file, the one to read and to send; empty if nothing was signed. */
        public java.util.Optional<StoredFile> signedFile() {
            return signatures.isEmpty()
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(signatures.getLast().file());
        }

        /** The attachments still to be signed by the agency: all of them once the approval was signed. */
        public List<AttachmentView> unsignedAttachments() {
            return signedApproval()
                    ? attachments.stream().filter(a -> a.signed() == null).toList()
                    : List.of();
        }

        /** The stage a signature is waiting for: APPROVAL, ISSUANCE, or empty. */
        public String awaitedSignature() {
            if (state == OutgoingState.APPROVAL) {
                return "APPROVAL";
            }
            boolean issued = signatures.stream().anyMatch(s -> s.stage().equals("ISSUANCE"));
            return state == OutgoingState.ISSUED && signedApproval() && !issued ? "ISSUANCE" : "";
        }
    }

    /** A line of the outgoing list. */
    public record OutgoingRow(
            long id,
            DocumentType type,
            String subject,
            OutgoingState state,
            String numberAndNotation,
            LocalDate issuedOn,
            Urgency urgency,
            String createdBy,
            Instant createdAt) {}
}
