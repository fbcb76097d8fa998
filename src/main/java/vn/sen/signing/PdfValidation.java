package vn.sen.signing;

import eu.europa.esig.dss.diagnostic.CertificateRevocationWrapper;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import vn.sen.files.StoredFile;
import vn.sen.shared.RuleViolation;
import vn.sen.signing.SignatureReport.Check;
import vn.sen.signing.SignatureReport.Revocation;
import vn.sen.signing.SignatureReport.Verdict;

/**
 * Validates the signatures of a PDF (kiểm tra chữ ký số) with EU DSS: integrity, the chain to the
 * administrator's trust anchors, revocation (online when allowed; "unknown" otherwise, never "good"),
 * timestamps, and whether a signature covers the whole file.
 */
@Service
public class PdfValidation {

    private final DssConfiguration dss;
    private final TemporaryFiles temporary;

    PdfValidation(DssConfiguration dss, TemporaryFiles temporary) {
        this.dss = dss;
        this.temporary = temporary;
    }

    /** The report for a stored PDF. */
    public SignatureReport validate(StoredFile file) {
        Path copy = temporary.copy(file);
        try {
            return validate(copy);
        } finally {
            TemporaryFiles.delete(copy);
        }
    }

    /** The report for a PDF file; a file that is not a PDF is refused, an unsigned PDF has no checks. */
    public SignatureReport validate(Path pdf) {
        PdfChecks.requirePdf(pdf);
        PDFDocumentValidator validator;
        try {
            validator = new PDFDocumentValidator(new FileDocument(pdf.toFile()));
        } catch (DSSException e) {
            throw new RuleViolation("signing.error.pdf-broken");
        }
        validator.setCertificateVerifier(dss.verifier());
        validator.setLocale(Locale.ENGLISH);
        Reports reports;
        try {
            reports = validator.validateDocument();
        } catch (DSSException e) {
            throw new RuleViolation("signing.error.pdf-broken");
        }
        long size = size(pdf);
        SimpleReport simple = reports.getSimpleReport();
        List<Check> checks = new ArrayList<>();
        for (SignatureWrapper signature : reports.getDiagnosticData().getSignatures()) {
            checks.add(check(signature, simple, size));
        }
        checks.sort(Comparator.comparing(Check::signingTime, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new SignatureReport(List.copyOf(checks));
    }

    private static Check check(SignatureWrapper signature, SimpleReport simple, long size) {
        String id = signature.getId();
        Indication indication = simple.getIndication(id);
        SubIndication sub = simple.getSubIndication(id);
        CertificateWrapper certificate = signature.getSigningCertificate();
        Revocation revocation = revocation(certificate);
        Verdict verdict = verdict(indication, revocation);
        List<String> details = new ArrayList<>();
        simple.getAdESValidationErrors(id).stream().map(Message::getValue).forEach(details::add);
        simple.getAdESValidationWarnings(id).stream().map(Message::getValue).forEach(details::add);
        List<CertificateWrapper> chain = signature.getCertificateChain();
        return new Check(
                id,
                certificate == null ? "" : nonNull(certificate.getCommonName()),
                chain.size() > 1 ? nonNull(chain.get(1).getCommonName()) : "",
                certificate == null ? "" : nonNull(certificate.getSerialNumber()),
                certificate == null ? null : instant(certificate.getNotAfter()),
                instant(signature.getClaimedSigningTime()),
                simple.getSignatureFormat(id) == null
                        ? ""
                        : simple.getSignatureFormat(id).toString(),
                verdict,
                indication == null ? "" : indication.name(),
                sub == null ? "" : sub.name(),
                reason(verdict, sub, revocation, validity(certificate, signature.getClaimedSigningTime())),
                signature.isSignatureIntact() && signature.isSignatureValid(),
                signature.isTrustedChain(),
                revocation,
                !signature.getSignatureTimestamps().isEmpty(),
                wholeDocument(signature, size),
                List.copyOf(details));
    }

    /** DSS's indication, except that a signature is never valid while its revocation is unknown. */
    private static Verdict verdict(Indication indication, Revocation revocation) {
        if (indication == Indication.TOTAL_FAILED || indication == Indication.FAILED) {
            return Verdict.INVALID;
        }
        if ((indication == Indication.TOTAL_PASSED || indication == Indication.PASSED)
                && revocation == Revocation.GOOD) {
            return Verdict.VALID;
        }
        return Verdict.INDETERMINATE;
    }

    private static Revocation revocation(CertificateWrapper certificate) {
        if (certificate == null) {
            return Revocation.UNKNOWN;
        }
        List<CertificateRevocationWrapper> data = certificate.getCertificateRevocationData();
        if (data.stream().anyMatch(CertificateRevocationWrapper::isRevoked)) {
            return Revocation.REVOKED;
        }
        return data.stream().anyMatch(CertificateRevocationWrapper::isKnown) ? Revocation.GOOD : Revocation.UNKNOWN;
    }

    /** Why the certificate was not valid at the claimed signing time, or null when it was. */
    private static String validity(CertificateWrapper certificate, Date signedAt) {
        if (certificate == null || signedAt == null) {
            return null;
        }
        if (certificate.getNotAfter() != null && signedAt.after(certificate.getNotAfter())) {
            return "signing.reason.expired";
        }
        if (certificate.getNotBefore() != null && signedAt.before(certificate.getNotBefore())) {
            return "signing.reason.not-yet-valid";
        }
        return null;
    }

    /** A message key saying why, in words an officer understands. */
    private static String reason(Verdict verdict, SubIndication sub, Revocation revocation, String validity) {
        if (verdict == Verdict.VALID) {
            return "signing.reason.valid";
        }
        if (revocation == Revocation.REVOKED) {
            return "signing.reason.revoked";
        }
        if (validity != null) {
            return validity;
        }
        if (sub == null) {
            return revocation == Revocation.UNKNOWN ? "signing.reason.revocation-unknown" : "signing.reason.other";
        }
        return switch (sub) {
            case HASH_FAILURE, SIG_CRYPTO_FAILURE, FORMAT_FAILURE -> "signing.reason.altered";
            case REVOKED, REVOKED_NO_POE, REVOKED_CA_NO_POE -> "signing.reason.revoked";
            case NO_CERTIFICATE_CHAIN_FOUND, NO_CERTIFICATE_CHAIN_FOUND_NO_POE -> "signing.reason.untrusted";
            case OUT_OF_BOUNDS_NO_POE, OUT_OF_BOUNDS_NOT_REVOKED, EXPIRED -> "signing.reason.expired";
            case NOT_YET_VALID -> "signing.reason.not-yet-valid";
            case TRY_LATER, REVOCATION_OUT_OF_BOUNDS_NO_POE -> "signing.reason.revocation-unknown";
            case SIG_CONSTRAINTS_FAILURE,
                    CHAIN_CONSTRAINTS_FAILURE,
                    CRYPTO_CONSTRAINTS_FAILURE,
                    CRYPTO_CONSTRAINTS_FAILURE_NO_POE -> "signing.reason.constraints";
            default -> "signing.reason.other";
        };
    }

    /**
     * Nothing but validation data (the DSS dictionary, document timestamps) was added after the
     * signature: no later content, annotation, form fill or signature.
     */
    private static boolean wholeDocument(SignatureWrapper signature, long size) {
        var revision = signature.getPDFRevision();
        if (revision == null) {
            return false;
        }
        List<BigInteger> range = revision.getSignatureByteRange();
        if (range != null && range.size() == 4 && range.get(2).add(range.get(3)).longValue() == size) {
            return true;
        }
        return !revision.arePdfModificationsDetected()
                && revision.getPdfAnnotationChanges().isEmpty()
                && revision.getPdfSignatureOrFormFillChanges().isEmpty()
                && revision.getPdfUndefinedChanges().isEmpty();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
