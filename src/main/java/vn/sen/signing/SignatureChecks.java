package vn.sen.signing;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;
import vn.sen.files.StoredFile;
import vn.sen.shared.RuleViolation;

/**
 * The signatures of every PDF that enters Sen (kiểm tra chữ ký văn bản đến): validated when it is
 * attached, the report kept by content and shown wherever the file is; an administrator may have invalid
 * signatures refused at registration ({@code sen.signing.reject-invalid-incoming}).
 */
@Service
public class SignatureChecks {

    private final PdfValidation validation;
    private final SigningProperties properties;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    SignatureChecks(PdfValidation validation, SigningProperties properties, JdbcClient jdbc, JsonMapper json) {
        this.validation = validation;
        this.properties = properties;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Validates the signatures of an incoming PDF and keeps the report; refuses it when it carries a
     * signature proven invalid and the installation is set to refuse those. Other files have no report.
     */
    public Optional<SignatureReport> checkIncoming(StoredFile file) {
        outsideTransactions();
        Optional<SignatureReport> report = check(file);
        if (properties.rejectInvalidIncoming()
                && report.map(SignatureReport::invalid).orElse(false)) {
            throw new RuleViolation("signing.error.invalid-incoming", file.name());
        }
        return report;
    }

    /** Validates a PDF's signatures now and keeps the report; empty for files that are not PDFs. */
    public Optional<SignatureReport> check(StoredFile file) {
        if (!file.pdf()) {
            return Optional.empty();
        }
        SignatureReport report;
        try {
            report = validation.validate(file);
        } catch (RuleViolation e) { // a damaged PDF: nothing to report on its signatures
            return Optional.empty();
        }
        jdbc.sql("""
                insert into signing.file_check (sha256, report, signed, valid, checked_at)
                values (:sha256, cast(:report as jsonb), :signed, :valid, now())
                on conflict (sha256) do update set report = excluded.report, signed = excluded.signed,
                    valid = excluded.valid, checked_at = excluded.checked_at
                """)
                .param("sha256", file.sha256())
                .param("report", json.writeValueAsString(report))
                .param("signed", report.signed())
                .param("valid", report.valid())
                .update();
        return Optional.of(report);
    }

    /**
     * Validates a PDF Sen has just signed and keeps the report; refuses it when its last signature is
     * broken or its certificate is revoked (an untrusted chain or unknown revocation is reported, not
     * refused: the trust store may not hold the signer's root yet).
     */
    public SignatureReport checkNewSignature(StoredFile signed) {
        outsideTransactions();
        SignatureReport report = check(signed).orElseThrow(() -> new RuleViolation("signing.error.pdf-broken"));
        SignatureReport.Check last = report.signatures().getLast();
        if (last.verdict() == SignatureReport.Verdict.INVALID
                || last.revocation() == SignatureReport.Revocation.REVOKED
                || !last.intact()) {
            throw new RuleViolation("signing.error.signature-invalid", last.signer());
        }
        return report;
    }

    /**
     * Validation may wait seconds for revocation servers: inside a transaction it would hold a database
     * connection, and maybe locks, all that time. Callers validate first, then record in a transaction.
     */
    private static void outsideTransactions() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("signatures are validated outside database transactions");
        }
    }

    /** The last report on a file's signatures, when it was checked and is signed. */
    public Optional<SignatureReport> last(StoredFile file) {
        return jdbc.sql("select report from signing.file_check where sha256 = :sha256 and signed")
                .param("sha256", file.sha256())
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, SignatureReport.class));
    }
}
