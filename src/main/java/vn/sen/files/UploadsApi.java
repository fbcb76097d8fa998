package vn.sen.files;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.sen.shared.RuleViolation;
import vn.sen.shared.ScopedPrincipal;

/**
 * Resumable uploads over HTTP, the tus 1.0.0 protocol (core and creation), under {@code /api/v1/uploads}:
 * {@code POST} with {@code Upload-Length} and {@code Upload-Metadata: filename <base64>} declares one,
 * {@code HEAD} tells its offset, {@code PATCH} ({@code application/offset+octet-stream}) appends at
 * {@code Upload-Offset}. When complete, {@code Sen-File-Id} names the stored file, which the caller then
 * attaches as with any upload; {@code GET} gives the same as JSON. The same protocol answers at
 * {@code /uploads} for Sen's own forms, signed in by session (with the CSRF header).
 */
@RestController
@RequestMapping({"/api/v1/uploads", "/uploads"})
class UploadsApi {

    static final String TUS = "1.0.0";

    private final ResumableUploads uploads;

    UploadsApi(ResumableUploads uploads) {
        this.uploads = uploads;
    }

    @RequestMapping(method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent()
                .header("Tus-Resumable", TUS)
                .header("Tus-Version", TUS)
                .header("Tus-Extension", "creation")
                .header("Tus-Max-Size", Long.toString(uploads.maxSize()))
                .build();
    }

    @RequestMapping(method = RequestMethod.POST)
    ResponseEntity<Void> create(
            @RequestHeader(name = "Tus-Resumable", required = false) String version,
            @RequestHeader(name = "Upload-Length", required = false) Long length,
            @RequestHeader(name = "Upload-Metadata", defaultValue = "") String metadata,
            HttpServletRequest request,
            @AuthenticationPrincipal ScopedPrincipal me)
            throws IOException {
        checkVersion(version);
        if (length == null) {
            throw new RuleViolation("files.error.upload-length");
        }
        var upload = uploads.create(me.scope().username(), filename(metadata), length);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Tus-Resumable", TUS)
                .header("Location", request.getRequestURI() + "/" + upload.id())
                .build();
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
    ResponseEntity<Void> offset(@PathVariable UUID id, @AuthenticationPrincipal ScopedPrincipal me) throws IOException {
        var upload = uploads.find(me.scope().username(), id).orElseThrow(UploadsApi::notFound);
        var response = ResponseEntity.ok()
                .header("Tus-Resumable", TUS)
                .header("Upload-Offset", Long.toString(upload.offset()))
                .header("Upload-Length", Long.toString(upload.length()))
                .header("Cache-Control", "no-store");
        if (upload.complete()) {
            response.header("Sen-File-Id", upload.fileId().toString());
        }
        return response.build();
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.PATCH)
    ResponseEntity<Void> append(
            @PathVariable UUID id,
            @RequestHeader(name = "Tus-Resumable", required = false) String version,
            @RequestHeader(name = "Upload-Offset", required = false) Long offset,
            @RequestHeader(name = "Content-Type", defaultValue = "") String contentType,
            HttpServletRequest request,
            @AuthenticationPrincipal ScopedPrincipal me)
            throws IOException {
        checkVersion(version);
        if (!contentType.startsWith("application/offset+octet-stream")) {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        }
        if (offset == null) {
            throw new RuleViolation("files.error.upload-offset", "?");
        }
        if (uploads.find(me.scope().username(), id).isEmpty()) {
            throw notFound();
        }
        ResumableUploads.Upload upload;
        try {
            upload = uploads.append(me.scope().username(), id, offset, request.getInputStream());
        } catch (RuleViolation e) {
            if (e.code().equals("files.error.upload-offset")) {
                throw new ResponseStatusException(HttpStatus.CONFLICT);
            }
            throw e;
        }
        var response = ResponseEntity.noContent()
                .header("Tus-Resumable", TUS)
                .header("Upload-Offset", Long.toString(upload.offset()));
        if (upload.complete()) {
            response.header("Sen-File-Id", upload.fileId().toString());
        }
        return response.build();
    }

    @GetMapping("/{id}")
    ResumableUploads.Upload status(@PathVariable UUID id, @AuthenticationPrincipal ScopedPrincipal me)
            throws IOException {
        return uploads.find(me.scope().username(), id).orElseThrow(UploadsApi::notFound);
    }

    private static void checkVersion(String version) {
        if (version != null && !TUS.equals(version)) {
            throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED);
        }
    }

    /** {@code Upload-Metadata: filename <base64>, filetype <base64>} → the file name. */
    private static String filename(String metadata) {
        for (String pair : metadata.split(",")) {
            String[] parts = pair.strip().split(" ", 2);
            if (parts.length == 2 && parts[0].equals("filename")) {
                try {
                    return new String(Base64.getDecoder().decode(parts[1].strip()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new RuleViolation("files.error.upload-metadata");
                }
            }
        }
        throw new RuleViolation("files.error.upload-metadata");
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
