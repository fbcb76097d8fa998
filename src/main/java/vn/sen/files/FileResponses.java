package vn.sen.files;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one way a stored file leaves Sen over HTTP (tải về / xem): its sniffed type, its name (UTF-8),
 * its SHA-256 as ETag and {@code X-Checksum-SHA256}, no type guessing by the browser, and range
 * requests answered by Spring MVC from the resource.
 */
@Component
public class FileResponses {

    private final FileManagement files;

    FileResponses(FileManagement files) {
        this.files = files;
    }

    /**
     * To save, or with {@code inline} to show in the browser — PDFs and PNG/JPEG images only: anything
     * else (XML, text, office files) is always a download, never a page of Sen's origin.
     */
    public ResponseEntity<Resource> of(StoredFile file, boolean inline) {
        boolean shown = inline && (file.pdf() || FilePreviews.IMAGES.contains(file.mediaType()));
        var disposition = (shown ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.name(), StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Checksum-SHA256", file.sha256())
                .eTag('"' + file.sha256() + '"')
                .body(files.resource(file));
    }
}
