package vn.sen.files;

import java.time.Instant;
import java.util.UUID;

/** A stored file (tệp) as other modules see it. */
public record StoredFile(
        UUID id, String name, String mediaType, long size, String sha256, String createdBy, Instant createdAt) {

    public boolean pdf() {
        return "application/pdf".equals(mediaType);
    }
}
