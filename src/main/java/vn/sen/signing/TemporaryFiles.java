package vn.sen.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;
import vn.sen.files.FileManagement;
import vn.sen.files.StoredFile;

/** Stored files copied out for DSS (which reads files, not streams) and signed results stored back. */
@Component
class TemporaryFiles {

    private final FileManagement files;
    private final Path directory = Path.of(System.getProperty("java.io.tmpdir"));

    TemporaryFiles(FileManagement files) {
        this.files = files;
    }

    /** A new empty temporary file the caller deletes. */
    Path create(String prefix) {
        try {
            return Files.createTempFile(directory, prefix, ".pdf");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A temporary copy of a stored file (verified against its SHA-256 as it is read). */
    Path copy(StoredFile file) {
        Path copy = create("sen-pdf-");
        try (InputStream in = files.open(file)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            delete(copy);
            throw new UncheckedIOException(e);
        }
    }

    /** Stores a temporary file as a new stored file and deletes the temporary one. */
    StoredFile keep(Path temporary, String name, String actor) {
        try (InputStream in = Files.newInputStream(temporary)) {
            return files.store(in, name, actor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(temporary);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
