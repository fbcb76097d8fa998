package vn.sen.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import vn.sen.shared.RuleViolation;

/**
 * Attachment storage (lưu trữ tệp): the module's API.
 *
 * <p>Storing streams the bytes to a temporary file while hashing them, then keeps them under their
 * SHA-256 — once, however many files share them. No database transaction is open while bytes flow;
 * callers store files first and attach them in their own transaction afterwards.
 */
@Service
public class FileManagement {

    private static final int BUFFER = 64 * 1024;

    private final JdbcClient jdbc;
    private final BlobStorage storage;
    private final FileProperties properties;

    FileManagement(JdbcClient jdbc, BlobStorage storage, FileProperties properties) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.properties = properties;
    }

    /**
     * Stores the bytes of {@code in} as a file named (after cleaning) {@code originalName}. Refuses,
     * keeping nothing, names without a usable name or accepted extension, empty and oversized files,
     * and content that is not what its extension says.
     */
    public StoredFile store(InputStream in, String originalName, String actor) throws IOException {
        String name = acceptedName(originalName);
        long max = properties.maxSize().toBytes();
        Path temporary = storage.temporaryFile();
        try {
            MessageDigest digest = sha256();
            Head head = new Head(name);
            long size = 0;
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    head.add(buffer, n); // refuses a wrong type early
                    size += n;
                    if (size > max) {
                        throw tooLarge(name);
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
                channel.force(true);
            }
            return keep(temporary, name, size, head, digest, actor);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Stores a file uploaded in a form (streamed from the servlet container's copy and hashed on the
     * way). Returns {@code null} for a file input left empty.
     */
    public StoredFile store(MultipartFile upload, String actor) throws IOException {
        if (upload == null
                || (upload.isEmpty()
                        && (upload.getOriginalFilename() == null
                                || upload.getOriginalFilename().isBlank()))) {
            return null;
        }
        try (InputStream in = upload.getInputStream()) {
            return store(in, upload.getOriginalFilename(), actor);
        }
    }

    /**
     * Takes over {@code file} (on the storage's volume, so that keeping it is a rename) as a file named
     * {@code originalName}: checked, typed and hashed in one read. A refused file is removed; one the
     * storage could not take (object store down) stays where it is, for another attempt.
     */
    StoredFile adopt(Path file, String originalName, String actor) throws IOException {
        try {
            String name = acceptedName(originalName);
            long size = Files.size(file);
            if (size > properties.maxSize().toBytes()) {
                throw tooLarge(name);
            }
            MessageDigest digest = sha256();
            Head head = new Head(name);
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    head.add(buffer, n);
                    digest.update(buffer, 0, n);
                }
            }
            return keep(file, name, size, head, digest, actor);
        } catch (RuleViolation refused) {
            Files.deleteIfExists(file);
            throw refused;
        }
    }

    String acceptedName(String originalName) {
        String name = FileTypes.safeName(originalName);
        String extension = FileTypes.extension(name);
        if (!properties.extensions().contains(extension)) {
            throw new RuleViolation("files.error.extension", extension, String.join(", ", properties.extensions()));
        }
        return name;
    }

    RuleViolation tooLarge(String name) {
        return new RuleViolation(
                "files.error.too-large", name, properties.maxSize().toMegabytes());
    }

    private StoredFile keep(Path file, String name, long size, Head head, MessageDigest digest, String actor)
            throws IOException {
        if (size == 0) {
            throw new RuleViolation("files.error.empty", name);
        }
        String mediaType = head.mediaType();
        String sha256 = HexFormat.of().formatHex(digest.digest());
        storage.keep(sha256, file);
        return record(sha256, name, mediaType, size, actor);
    }

    /** The first bytes of a file as they stream by, and the type they show. */
    private static final class Head {

        private final String name;
        private final byte[] bytes = new byte[FileTypes.HEAD];
        private int length;
        private String mediaType;

        Head(String name) {
            this.name = name;
        }

        void add(byte[] buffer, int n) {
            if (length < bytes.length) {
                int take = Math.min(n, bytes.length - length);
                System.arraycopy(buffer, 0, bytes, length, take);
                length += take;
                if (length == bytes.length) {
                    mediaType = FileTypes.mediaType(name, bytes, length);
                }
            }
        }

        String mediaType() {
            return mediaType != null ? mediaType : FileTypes.mediaType(name, bytes, length);
        }
    }

    private StoredFile record(String sha256, String name, String mediaType, long size, String actor) {
        jdbc.sql("insert into files.blob (sha256, size) values (:sha, :size) on conflict do nothing")
                .param("sha", sha256)
                .param("size", size)
                .update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into files.file (id, sha256, name, media_type, size, created_by)
                values (:id, :sha, :name, :type, :size, :by)
                """)
                .param("id", id)
                .param("sha", sha256)
                .param("name", name)
                .param("type", mediaType)
                .param("size", size)
                .param("by", actor)
                .update();
        return require(id);
    }

    public Optional<StoredFile> find(UUID id) {
        return jdbc.sql("select * from files.file where id = :id")
                .param("id", id)
                .query((rs, n) -> new StoredFile(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("media_type"),
                        rs.getLong("size"),
                        rs.getString("sha256"),
                        rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    public StoredFile require(UUID id) {
        return find(id).orElseThrow(() -> new RuleViolation("files.error.not-found"));
    }

    /** The file's text for search (PDF text layer, plain text, XML), at most {@code maxChars}; empty otherwise. */
    public String text(StoredFile file, int maxChars) throws IOException {
        Path scratch = storage.temporaryFile();
        try (InputStream in = open(file)) {
            return TextExtraction.extract(file, in, scratch, maxChars);
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    /** The whole content, checked against its SHA-256 when read to the end. */
    public InputStream open(StoredFile file) throws IOException {
        return new VerifyingInputStream(storage.read(file.sha256(), 0), file.sha256());
    }

    /**
     * The file as a resource for a download response: Spring MVC answers range requests from it, and
     * full downloads are checked against the SHA-256.
     */
    public Resource resource(StoredFile file) {
        return new AbstractResource() {
            @Override
            public InputStream getInputStream() throws IOException {
                return open(file);
            }

            @Override
            public long contentLength() {
                return file.size();
            }

            @Override
            public String getFilename() {
                return file.name();
            }

            @Override
            public String getDescription() {
                return "file " + file.id();
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
