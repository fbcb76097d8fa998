package vn.sen.signing;

import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.shared.RuleViolation;
import vn.sen.signing.PdfSigning.SignatureRequest;

/**
 * Two-phase signing (ký số hai bước) for signers Sen cannot hold: the officer's USB token driven by the
 * signing tool on the officer's computer, or a remote signing service. Sen prepares the PDF and returns
 * the data to sign; the external signer returns the signature value; Sen rebuilds the same prepared PDF,
 * checks the value against the signer's certificate, embeds it and stores the signed PDF.
 *
 * <p>The HTTP contract is in {@code docs/external-signing.md}.
 */
@Service
public class ExternalSigning {

    /** How long a prepared signature waits for its value. */
    static final Duration VALIDITY = Duration.ofMinutes(10);

    /**
     * What the external signer signs.
     *
     * @param dataToSign the DER of the CMS signed attributes: sign these bytes with the scheme
     * @param digest SHA-256 of {@code dataToSign}, for signers that sign a hash
     * @param scheme the signature scheme the value must use
     */
    public record Prepared(UUID id, byte[] dataToSign, byte[] digest, SignatureScheme scheme, Instant expiresAt) {}

    /**
     * What a pending signature keeps besides its certificates (stored as JSON): enough to rebuild the
     * same prepared PDF, its look included (the image by id, the text as given).
     */
    record Kept(
            PadesLevel level,
            String reason,
            String location,
            SignatureScheme scheme,
            String look,
            String signerName,
            Long imageId,
            String text) {

        static Kept of(SignatureRequest request, SignatureScheme scheme) {
            return switch (request.look()) {
                case PdfSigning.Look.Invisible invisible ->
                    new Kept(
                            request.level(),
                            request.reason(),
                            request.location(),
                            scheme,
                            "INVISIBLE",
                            null,
                            null,
                            null);
                case PdfSigning.Look.Approval approval ->
                    new Kept(
                            request.level(),
                            request.reason(),
                            request.location(),
                            scheme,
                            "APPROVAL",
                            approval.signerName(),
                            approval.signature().id(),
                            null);
                case PdfSigning.Look.Issuance issuance ->
                    new Kept(
                            request.level(),
                            request.reason(),
                            request.location(),
                            scheme,
                            "ISSUANCE",
                            null,
                            issuance.seal().id(),
                            null);
                case PdfSigning.Look.AgencyText agency ->
                    new Kept(
                            request.level(),
                            request.reason(),
                            request.location(),
                            scheme,
                            "AGENCY_TEXT",
                            null,
                            null,
                            agency.text());
            };
        }

        SignatureRequest request(SignatureImages images) {
            PdfSigning.Look shown = switch (look) {
                case "APPROVAL" -> new PdfSigning.Look.Approval(signerName, images.byId(imageId));
                case "ISSUANCE" -> new PdfSigning.Look.Issuance(images.byId(imageId));
                case "AGENCY_TEXT" -> new PdfSigning.Look.AgencyText(text);
                default -> new PdfSigning.Look.Invisible();
            };
            return new SignatureRequest(level, reason, location, shown);
        }
    }

    private final JdbcClient jdbc;
    private final DssConfiguration dss;
    private final PdfSigning signing;
    private final TemporaryFiles temporary;
    private final FileManagement files;
    private final JsonMapper json;
    private final Clock clock;
    private final SignatureImages images;
    private final SignatureChecks checks;

    ExternalSigning(
            JdbcClient jdbc,
            DssConfiguration dss,
            PdfSigning signing,
            TemporaryFiles temporary,
            FileManagement files,
            JsonMapper json,
            Clock clock,
            SignatureImages images,
            SignatureChecks checks) {
        this.images = images;
        this.checks = checks;
        this.jdbc = jdbc;
        this.dss = dss;
        this.signing = signing;
        this.temporary = temporary;
        this.files = files;
        this.json = json;
        this.clock = clock;
    }

    /** The level Sen signs documents at: B-T when a time-stamping authority is configured, else B-B. */
    public PadesLevel defaultLevel() {
        return dss.properties().timestamps() ? PadesLevel.B_T : PadesLevel.B_B;
    }

    /**
     * Prepares {@code pdf} for a signature by the holder of {@code chain} (signer first). The caller has
     * already decided that {@code actor} may sign this file.
     *
     * @param scheme the scheme the external signer uses, or null for Sen's default for the key
     */
    public Prepared prepare(
            StoredFile pdf,
            List<X509Certificate> chain,
            SignatureRequest request,
            SignatureScheme scheme,
            String actor) {
        if (chain.isEmpty()) {
            throw new RuleViolation("signing.error.no-certificate");
        }
        SignatureScheme chosen = scheme != null
                ? scheme
                : SignatureScheme.forKey(
                        chain.getFirst().getPublicKey(), dss.properties().rsaPss());
        SignatureScheme.requireFits(chosen, chain.getFirst().getPublicKey());
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        var kept = Kept.of(request, chosen);
        byte[] data = dataToSign(pdf, chain, kept, at);
        byte[] digest = TrustAnchors.digest(data);
        UUID id = UUID.randomUUID();
        Instant expires = at.plus(VALIDITY);
        jdbc.sql("""
                insert into signing.pending (id, source_id, prepared_by, certificates, signing_time, request, digest,
                    expires_at)
                values (:id, :source, :by, :certificates, :at, cast(:request as jsonb), :digest, :expires)
                """)
                .param("id", id)
                .param("source", pdf.id())
                .param("by", actor)
                .param(
                        "certificates",
                        chain.stream()
                                .map(c -> Base64.getEncoder().encodeToString(TrustAnchors.encoded(c)))
                                .toArray(String[]::new))
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("request", json.writeValueAsString(kept))
                .param("digest", HexFormat.of().formatHex(digest))
                .param("expires", expires.atOffset(ZoneOffset.UTC))
                .update();
        return new Prepared(id, data, digest, chosen, expires);
    }

    /**
     * Embeds the external signer's value into the prepared PDF and stores the signed PDF. Completing
     * the same preparation twice returns the same signed file.
     */
    public StoredFile complete(UUID id, byte[] signatureValue, String actor) {
        var pending = jdbc.sql("select * from signing.pending where id = :id and prepared_by = :by")
                .param("id", id)
                .param("by", actor)
                .query((rs, n) -> new Pending(
                        (UUID) rs.getObject("source_id"),
                        List.of((String[]) rs.getArray("certificates").getArray()).stream()
                                .map(b -> TrustAnchors.certificate(
                                        Base64.getDecoder().decode(b)))
                                .toList(),
                        rs.getTimestamp("signing_time").toInstant(),
                        json.readValue(rs.getString("request"), Kept.class),
                        rs.getString("digest"),
                        rs.getTimestamp("expires_at").toInstant(),
                        (UUID) rs.getObject("result_id")))
                .optional()
                .orElseThrow(() -> new RuleViolation("signing.error.prepared-unknown"));
        if (pending.result() != null) {
            return files.require(pending.result());
        }
        if (Instant.now(clock).isAfter(pending.expires())) {
            throw new RuleViolation("signing.error.prepared-expired");
        }
        StoredFile source = files.require(pending.source());
        Path copy = temporary.copy(source);
        try {
            PAdESSignatureParameters parameters = parameters(copy, pending.chain(), pending.kept(), pending.at());
            PAdESService service = dss.service(dss.verifier());
            var document = named(copy);
            ToBeSigned data = service.getDataToSign(document, parameters);
            if (!TrustAnchors.sha256(data.getBytes()).equals(pending.digest())) {
                throw new IllegalStateException("the prepared PDF could not be rebuilt identically");
            }
            var value = new SignatureValue(pending.kept().scheme().dss(), signatureValue);
            if (!service.isValidSignatureValue(
                    data, value, new CertificateToken(pending.chain().getFirst()))) {
                throw new RuleViolation("signing.error.value-mismatch");
            }
            StoredFile signed = temporary.keep(
                    signing.save(service.signDocument(document, parameters, value)), source.name(), actor);
            jdbc.sql("update signing.pending set result_id = :result where id = :id")
                    .param("result", signed.id())
                    .param("id", id)
                    .update();
            return signed;
        } catch (DSSException e) {
            throw new RuleViolation("signing.error.failed", e.getMessage());
        } finally {
            TemporaryFiles.delete(copy);
        }
    }

    /**
     * Completes a prepared signature, then validates the signed PDF and refuses it as
     * {@link SignatureChecks#checkNewSignature} does. Called outside any database transaction: the
     * validation may wait seconds for revocation servers, and a transaction would hold its connection
     * and its locks all that time. The caller records the result in a transaction of its own, after
     * checking again that it still may.
     */
    public StoredFile completeChecked(UUID id, byte[] signatureValue, String actor) {
        StoredFile signed = complete(id, signatureValue, actor);
        checks.checkNewSignature(signed);
        return signed;
    }

    private record Pending(
            UUID source,
            List<X509Certificate> chain,
            Instant at,
            Kept kept,
            String digest,
            Instant expires,
            UUID result) {}

    private byte[] dataToSign(StoredFile pdf, List<X509Certificate> chain, Kept kept, Instant at) {
        Path copy = temporary.copy(pdf);
        try {
            PdfChecks.requireSignable(copy);
            return dss.service(dss.verifier())
                    .getDataToSign(named(copy), parameters(copy, chain, kept, at))
                    .getBytes();
        } catch (DSSException e) {
            throw new RuleViolation("signing.error.failed", e.getMessage());
        } finally {
            TemporaryFiles.delete(copy);
        }
    }

    /** The copy under a fixed name: the name goes into the prepared PDF, which must be rebuilt identically. */
    private static FileDocument named(Path copy) {
        var document = new FileDocument(copy.toFile());
        document.setName("document.pdf");
        return document;
    }

    private PAdESSignatureParameters parameters(Path pdf, List<X509Certificate> chain, Kept kept, Instant at) {
        return signing.parameters(pdf, chain, kept.scheme(), kept.request(images), at);
    }
}
