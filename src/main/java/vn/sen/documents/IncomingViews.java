package vn.sen.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.sen.files.StoredFile;

/** Read records of incoming documents. */
public final class IncomingViews {

    private IncomingViews() {}

    /** What a clerk enters to register an incoming document (annex VI fields). */
    public record NewIncoming(
            long unitId,
            String documentId,
            String issuerCode,
            String issuerName,
            String codeNumber,
            String codeNotation,
            DocumentType type,
            LocalDate issuedOn,
            String subject,
            String signerPosition,
            String signerName,
            Urgency urgency,
            Confidentiality confidentiality,
            LocalDate dueOn,
            Integer pageCount,
            String description,
            List<UUID> fileIds,
            boolean confirmDuplicate) {

        public NewIncoming {
            fileIds = fileIds == null ? List.of() : List.copyOf(fileIds);
        }

        /** Number and notation as printed, e.g. {@code 05/QĐ-UBND}. */
        public String numberAndNotation() {
            return IncomingViews.numberAndNotation(codeNumber, codeNotation);
        }
    }

    /** One row of a list. */
    public record IncomingRow(
            long id,
            int arrivalNumber,
            int year,
            Instant arrivedAt,
            String issuerName,
            String numberAndNotation,
            DocumentType type,
            LocalDate issuedOn,
            String subject,
            Urgency urgency,
            Confidentiality confidentiality,
            LocalDate dueOn,
            long unitId,
            String unitName) {

        IncomingRow withUnitName(String name) {
            return new IncomingRow(
                    id,
                    arrivalNumber,
                    year,
                    arrivedAt,
                    issuerName,
                    numberAndNotation,
                    type,
                    issuedOn,
                    subject,
                    urgency,
                    confidentiality,
                    dueOn,
                    unitId,
                    name);
        }
    }

    /** An incoming document with everything a reader of it may see. */
    public record IncomingView(
            long id,
            long unitId,
            String unitName,
            long registerId,
            String registerName,
            int arrivalNumber,
            int year,
            Instant arrivedAt,
            String documentId,
            String issuerCode,
            String issuerName,
            String codeNumber,
            String codeNotation,
            DocumentType type,
            LocalDate issuedOn,
            String subject,
            String signerPosition,
            String signerName,
            Urgency urgency,
            Confidentiality confidentiality,
            LocalDate dueOn,
            Integer pageCount,
            String description,
            String registeredBy,
            Instant closedAt,
            String result,
            List<StoredFile> files,
            Instant recalledAt,
            String recallReason) {

        public boolean closed() {
            return closedAt != null;
        }

        /** Recalled by its sender (thu hồi): the files are gone, the record stays. */
        public boolean recalled() {
            return recalledAt != null;
        }

        public String numberAndNotation() {
            return IncomingViews.numberAndNotation(codeNumber, codeNotation);
        }
    }

    /** Decree 30 form: numbers below 10 get a leading zero. */
    static String numberAndNotation(String number, String notation) {
        String n = number == null ? "" : number.strip();
        if (n.matches("\\d")) {
            n = "0" + n;
        }
        String k = notation == null ? "" : notation.strip();
        return n.isEmpty() ? k : k.isEmpty() ? n : n + "/" + k;
    }
}
