package vn.sen.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where blobs live (kho lưu trữ): the filesystem by default; an S3-compatible store is another
 * implementation of this interface, chosen by configuration.
 */
interface BlobStorage {

    /** A fresh temporary file on the storage's own volume, so that {@link #keep} can move it cheaply. */
    Path temporaryFile() throws IOException;

    /**
     * Takes over {@code source} (moved or copied, then deleted) as the blob {@code sha256}; a no-op if it
     * exists. When it fails, {@code source} stays, for another attempt.
     */
    void keep(String sha256, Path source) throws IOException;

    /** The blob's bytes from {@code offset}. */
    InputStream read(String sha256, long offset) throws IOException;

    boolean exists(String sha256);
}
