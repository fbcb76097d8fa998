package vn.sen.signing;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.DSSFont;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.springframework.stereotype.Service;
import vn.sen.files.StoredFile;
import vn.sen.shared.RuleViolation;

/**
 * Signs PDFs (ký số văn bản) as PAdES: B-B, B-T with the configured time-stamping authority, B-LT with
 * the certificates and revocation data embedded. A PDF already signed gets its new signature as an
 * incremental update, so earlier signatures stay valid; the signed original is never rewritten.
 */
@Service
public class PdfSigning {

    /** Vietnam's time zone, for the signing time written into the signature dictionary. */
    static final TimeZone VIETNAM = TimeZone.getTimeZone("Asia/Ho_Chi_Minh");

    /** What to sign and how it looks. */
    public record SignatureRequest(PadesLevel level, String reason, String location, Look look) {

        public static SignatureRequest invisible(PadesLevel level, String reason) {
            return new SignatureRequest(level, reason, "", new Look.Invisible());
        }
    }

    /** How a signature shows on the page (hình thức chữ ký), per Decree 30 annex I. */
    public sealed interface Look {

        /** No visible mark (signatures of systems, timestamps). */
        record Invisible() implements Look {}

        /** The competent person's approval: their blue signature between position line and printed name. */
        record Approval(String signerName, SignatureImages.Image signature) implements Look {}

        /** The agency's issuance signature: its red seal over the left third of the approval signature. */
        record Issuance(SignatureImages.Image seal) implements Look {}

        /**
         * The agency's signature without image on copies and separate attachments: {@code text} (the
         * number and notation, or the copy form and the agency's name) and the signing time, ISO 8601 with
         * +07:00, Times New Roman 10 pt, black, at the top right of the first page.
         */
        record AgencyText(String text) implements Look {}
    }

    /** A box on a page (from 1), origin at the page's top-left corner, in PDF points; an image or a text. */
    record Appearance(int page, float x, float y, float width, float height, byte[] png, String text) {}

    /** The signing time as the agency's text signature prints it: 2026-11-24T07:45:00+07:00. */
    static String isoTime(Instant at) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                at.truncatedTo(ChronoUnit.SECONDS).atZone(VIETNAM.toZoneId()));
    }

    private final DssConfiguration dss;
    private final TemporaryFiles temporary;
    private final Clock clock;

    PdfSigning(DssConfiguration dss, TemporaryFiles temporary, Clock clock) {
        this.dss = dss;
        this.temporary = temporary;
        this.clock = clock;
    }

    /** Signs a stored PDF; the signed PDF is stored as a new file. */
    public StoredFile sign(StoredFile pdf, SignatureDevice device, SignatureRequest request, String actor) {
        Path source = temporary.copy(pdf);
        try {
            return temporary.keep(sign(source, device, request), pdf.name(), actor);
        } finally {
            TemporaryFiles.delete(source);
        }
    }

    /**
     * Signs a PDF file with a device; returns the signed PDF in a new temporary file the caller moves
     * or deletes.
     */
    public Path sign(Path pdf, SignatureDevice device, SignatureRequest request) {
        PdfChecks.requireSignable(pdf);
        List<X509Certificate> chain = device.chain();
        SignatureScheme scheme = SignatureScheme.forKey(
                chain.getFirst().getPublicKey(), dss.properties().rsaPss() && device.signsPss());
        PAdESSignatureParameters parameters = parameters(pdf, chain, scheme, request, Instant.now(clock));
        PAdESService service = dss.service(dss.verifier());
        DSSDocument document = new FileDocument(pdf.toFile());
        try {
            ToBeSigned data = service.getDataToSign(document, parameters);
            var value = new SignatureValue(scheme.dss(), device.sign(data.getBytes(), scheme));
            if (!service.isValidSignatureValue(data, value, new CertificateToken(chain.getFirst()))) {
                throw new RuleViolation("signing.error.value-mismatch");
            }
            return save(service.signDocument(document, parameters, value));
        } catch (DSSException e) {
            throw new RuleViolation("signing.error.failed", rootMessage(e));
        }
    }

    PAdESSignatureParameters parameters(
            Path pdf, List<X509Certificate> chain, SignatureScheme scheme, SignatureRequest request, Instant at) {
        X509Certificate certificate = chain.getFirst();
        if (certificate.getNotAfter().toInstant().isBefore(at)) {
            throw new RuleViolation("signing.error.certificate-expired");
        }
        if (certificate.getNotBefore().toInstant().isAfter(at)) {
            throw new RuleViolation("signing.error.certificate-not-yet-valid");
        }
        if (request.level() != PadesLevel.B_B && !dss.properties().timestamps()) {
            throw new RuleViolation("signing.error.no-tsa");
        }
        var parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(request.level().dss());
        parameters.setSigningCertificate(new CertificateToken(certificate));
        parameters.setCertificateChain(chain.stream().map(CertificateToken::new).toList());
        // after the certificate, which sets its key's default scheme
        parameters.setDigestAlgorithm(scheme.digest());
        parameters.setEncryptionAlgorithm(scheme.encryption());
        parameters.bLevel().setSigningDate(Date.from(at.truncatedTo(ChronoUnit.SECONDS)));
        parameters.setSigningTimeZone(VIETNAM);
        parameters.setReason(request.reason());
        parameters.setLocation(request.location());
        parameters.setAppName("Sen");
        parameters.setContentSize(request.level() == PadesLevel.B_B ? 12_000 : 24_000);
        if (request.level().dss() == SignatureLevel.PAdES_BASELINE_LT) {
            parameters.setCheckCertificateRevocation(true);
        }
        Appearance appearance = switch (request.look()) {
            case Look.Invisible invisible -> null;
            case Look.Approval approval ->
                SignaturePlacement.approval(pdf, approval.signerName(), approval.signature());
            case Look.Issuance issuance -> SignaturePlacement.seal(pdf, issuance.seal());
            case Look.AgencyText agency -> SignaturePlacement.copyStamp(pdf, agency.text() + "\n" + isoTime(at));
        };
        if (appearance != null) {
            parameters.setImageParameters(looks(appearance));
        }
        return parameters;
    }

    private static SignatureImageParameters looks(Appearance appearance) {
        var look = new SignatureImageParameters();
        var field = new SignatureFieldParameters();
        field.setPage(appearance.page());
        field.setOriginX(appearance.x());
        field.setOriginY(appearance.y());
        field.setWidth(appearance.width());
        field.setHeight(appearance.height());
        look.setFieldParameters(field);
        if (appearance.png() != null) {
            look.setImage(new InMemoryDocument(appearance.png(), "look.png"));
        } else {
            var text = new SignatureImageTextParameters();
            text.setText(appearance.text());
            text.setFont(timesNewRoman());
            text.setTextColor(java.awt.Color.BLACK);
            text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.RIGHT);
            text.setPadding(2);
            look.setTextParameters(text);
        }
        return look;
    }

    /** Liberation Serif, metric-compatible with Times New Roman and complete for Vietnamese, at 10 pt. */
    private static DSSFont timesNewRoman() {
        try (InputStream in =
                PdfSigning.class.getClassLoader().getResourceAsStream("liberation/LiberationSerif-Regular.ttf")) {
            if (in == null) {
                throw new IllegalStateException("Liberation Serif is missing from the class path");
            }
            var font = new DSSFileFont(new InMemoryDocument(in.readAllBytes()));
            font.setSize(10);
            return font;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Path save(DSSDocument signed) {
        Path out = temporary.create("sen-signed-");
        try {
            try (InputStream in = signed.openStream();
                    OutputStream to = Files.newOutputStream(out)) {
                in.transferTo(to);
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
