package vn.sen.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.moments.HourHasPassed;
import org.springframework.stereotype.Service;
import vn.sen.shared.RuleViolation;

/**
 * Resumable uploads (tus 1.0 core and creation): an upload is declared with its name and length, then
 * its bytes arrive in as many pieces as the connection allows, each appended at the offset the server
 * confirms. Whatever arrived before a connection dropped is kept (and forced to disk); once the last
 * byte is in, the file is stored like any other — typed, hashed, de-duplicated — and the partial file
 * goes. Only the account that declared an upload sees or continues it.
 */
@Service
public class ResumableUploads {

    private static final int BUFFER = 256 * 1024;
    private static final Duration KEEP = Duration.ofDays(2);

    /** Where an upload stands; {@code fileId} once complete. */
    public record Upload(UUID id, String name, long length, long offset, UUID fileId) {

        public boolean complete() {
            return fileId != null;
        }
    }

    private final JdbcClient jdbc;
    private final FileManagement files;
    private final FileProperties properties;
    private final Path partials;
    private final ConcurrentHashMap<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    ResumableUploads(JdbcClient jdbc, FileManagement files, FileProperties properties) throws IOException {
        this.jdbc = jdbc;
        this.files = files;
        this.properties = properties;
        // next to the storage's temporary files: a complete upload is renamed into the store
        this.partials = Path.of(properties.dir()).toAbsolutePath().resolve("uploads");
        Files.createDirectories(partials);
    }

    public long maxSize() {
        return properties.maxSize().toBytes();
    }

    /** Declares an upload; refuses names Sen does not accept and lengths beyond the limit. */
    public Upload create(String owner, String originalName, long length) throws IOException {
        String name = files.acceptedName(originalName);
        if (length <= 0) {
            throw new RuleViolation("files.error.empty", name);
        }
        if (length > maxSize()) {
            throw files.tooLarge(name);
        }
        UUID id = UUID.randomUUID();
        Files.createFile(partial(id));
        jdbc.sql("""
                insert into files.upload (id, owner, name, length, expires_at)
                values (:id, :owner, :name, :length, now() + make_interval(secs => :keep))
                """)
                .param("id", id)
                .param("owner", owner)
                .param("name", name)
                .param("length", length)
                .param("keep", KEEP.toSeconds())
                .update();
        return new Upload(id, name, length, 0, null);
    }

    /** The upload as its owner sees it; someone else's is not found. */
    public Optional<Upload> find(String owner, UUID id) throws IOException {
        record Row(String name, long length, UUID fileId) {}
        Optional<Row> row = jdbc.sql("select name, length, file_id from files.upload where id = :id and owner = :owner")
                .param("id", id)
                .param("owner", owner)
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getObject(3, UUID.class)))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        if (r.fileId() != null) {
            return Optional.of(new Upload(id, r.name(), r.length(), r.length(), r.fileId()));
        }
        if (!Files.exists(partial(id))) {
            return Optional.empty(); // swept, or declared on another node without a shared directory
        }
        return Optional.of(new Upload(id, r.name(), r.length(), Files.size(partial(id)), null));
    }

    /**
     * Appends the bytes of {@code in} at {@code offset}, which must be where the upload stands. A
     * connection that drops mid-way keeps what arrived. Returns the upload after this piece; when it
     * completes the upload, the file is stored.
     */
    public Upload append(String owner, UUID id, long offset, InputStream in) throws IOException {
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new RuleViolation("files.error.upload-busy");
        }
        try {
            Upload upload = find(owner, id).orElseThrow(() -> new RuleViolation("files.error.upload-not-found"));
            if (upload.complete()) {
                throw new RuleViolation("files.error.upload-complete");
            }
            if (offset != upload.offset()) {
                throw new RuleViolation("files.error.upload-offset", upload.offset());
            }
            long written = upload.offset();
            try (FileChannel channel =
                    FileChannel.open(partial(id), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                byte[] buffer = new byte[BUFFER];
                try {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        if (written + n > upload.length()) {
                            throw new RuleViolation("files.error.upload-too-long", upload.length());
                        }
                        channel.write(ByteBuffer.wrap(buffer, 0, n));
                        written += n;
                    }
                } catch (IOException dropped) {
                    // the connection broke: what arrived stays, the client resumes from the offset
                } finally {
                    channel.force(false);
                }
            }
            if (written < upload.length()) {
                return new Upload(id, upload.name(), upload.length(), written, null);
            }
            StoredFile file;
            try {
                file = files.adopt(partial(id), upload.name(), owner); // moved, not copied
            } catch (RuleViolation refused) {
                forget(id); // not what its name says: nothing to resume
                throw refused;
            }
            jdbc.sql("update files.upload set file_id = :file where id = :id")
                    .param("file", file.id())
                    .param("id", id)
                    .update();
            Files.deleteIfExists(partial(id));
            return new Upload(id, upload.name(), upload.length(), written, file.id());
        } finally {
            lock.unlock();
            locks.remove(id, lock);
        }
    }

    /** Uploads left unfinished past their time, and their partial files, go (every hour). */
    @EventListener
    void sweep(HourHasPassed hour) throws IOException {
        sweep();
    }

    int sweep() throws IOException {
        List<UUID> expired = jdbc.sql("select id from files.upload where file_id is null and expires_at < now()")
                .query(UUID.class)
                .list();
        for (UUID id : expired) {
            forget(id);
        }
        return expired.size();
    }

    private void forget(UUID id) throws IOException {
        jdbc.sql("delete from files.upload where id = :id").param("id", id).update();
        Files.deleteIfExists(partial(id));
    }

    private Path partial(UUID id) {
        return partials.resolve(id + ".part");
    }
}
