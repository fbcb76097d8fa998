package vn.sen.signing;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;
import vn.sen.signing.PdfSigning.SignatureRequest;

/**
 * The signing part of the REST API: two-phase signing of a PDF the caller uploaded (the contract of
 * {@code docs/external-signing.md}) and the validation of any PDF.
 */
@RestController
@RequestMapping("/api/v1")
class SigningApi {

    private final ExternalSigning external;
    private final PdfValidation validation;
    private final FileManagement files;
    private final TemporaryFiles temporary;

    SigningApi(ExternalSigning external, PdfValidation validation, FileManagement files, TemporaryFiles temporary) {
        this.external = external;
        this.validation = validation;
        this.files = files;
        this.temporary = temporary;
    }

    /**
     * Step 1 of the external signer's contract.
     *
     * @param fileId a PDF the caller uploaded
     * @param certificates the signer's certificate then its chain, base64 DER
     * @param scheme RSA_SHA256, RSA_PSS_SHA256 or ECDSA_SHA256; empty for Sen's default for the key
     */
    record PrepareRequest(
            UUID fileId,
            List<String> certificates,
            PadesLevel level,
            String reason,
            String location,
            SignatureScheme scheme) {}

    record CompleteResponse(StoredFile file, SignatureReport report) {}

    @PostMapping(path = "/signing/prepare", consumes = MediaType.APPLICATION_JSON_VALUE)
    BrowserSigning.Prepared prepare(@RequestBody PrepareRequest request, @AuthenticationPrincipal ScopedPrincipal me) {
        String user = me.scope().username();
        StoredFile pdf = request.fileId() == null
                ? null
                : files.find(request.fileId())
                        .filter(f -> f.createdBy().equals(user))
                        .orElse(null);
        if (pdf == null) {
            throw new RuleViolation("signing.error.file-unknown");
        }
        List<X509Certificate> chain = CertificateHolder.chain(request.certificates());
        var prepared = external.prepare(
                pdf,
                chain,
                new SignatureRequest(
                        request.level() == null ? PadesLevel.B_B : request.level(),
                        request.reason() == null ? "" : request.reason(),
                        request.location() == null ? "" : request.location(),
                        new PdfSigning.Look.Invisible()),
                request.scheme(),
                user);
        return BrowserSigning.Prepared.of(prepared);
    }

    @PostMapping(path = "/signing/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompleteResponse complete(
            @PathVariable UUID id,
            @RequestBody BrowserSigning.Complete request,
            @AuthenticationPrincipal ScopedPrincipal me) {
        StoredFile signed = external.complete(id, request.value(), me.scope().username());
        return new CompleteResponse(signed, validation.validate(signed));
    }

    /** The validation report of the PDF sent as the request body. */
    @PostMapping(
            path = "/signatures/verify",
            consumes = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    SignatureReport verify(HttpServletRequest request) throws IOException {
        Path copy = temporary.create("sen-verify-");
        try (InputStream in = request.getInputStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return validation.validate(copy);
        } finally {
            TemporaryFiles.delete(copy);
        }
    }
}
