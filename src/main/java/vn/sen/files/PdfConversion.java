package vn.sen.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.FileSystemUtils;

/**
 * PDF renditions (bản PDF) of office files — DOCX, DOC, ODT — made by LibreOffice headless in the
 * background, one at a time (it is heavy; the machine has other work). When LibreOffice is not
 * installed the rendition says so ({@link State#UNAVAILABLE}) instead of failing silently; a request
 * made then is tried again once it is installed and Sen restarts.
 */
@Service
public class PdfConversion {

    private static final Logger log = LoggerFactory.getLogger(PdfConversion.class);
    private static final Set<String> CONVERTIBLE = Set.of("docx", "doc", "odt", "rtf");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** Where a rendition stands. */
    public enum State {
        PENDING,
        DONE,
        FAILED,
        UNAVAILABLE
    }

    /** A rendition: its state, the PDF once done, and what went wrong otherwise. */
    public record Rendition(UUID sourceId, State state, UUID pdfId, String message) {}

    private final JdbcClient jdbc;
    private final FileManagement files;
    private final String office;
    /** LibreOffice's user profile, made on the first conversion and reused by the single worker. */
    private Path profile;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "sen-pdf-conversion");
        thread.setDaemon(true);
        return thread;
    });

    PdfConversion(JdbcClient jdbc, FileManagement files, @Value("${sen.files.office:}") String office) {
        this.jdbc = jdbc;
        this.files = files;
        // blank: look for LibreOffice; "none": never convert
        this.office = office.equals("none") ? "" : office.isBlank() ? findOffice() : office;
    }

    /** LibreOffice on the PATH or at its usual Debian place; empty when there is none. */
    private static String findOffice() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : (path + ":/usr/bin:/usr/lib/libreoffice/program").split(":")) {
            for (String name : List.of("soffice", "libreoffice")) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return "";
    }

    /** Whether the file is of a kind LibreOffice turns into PDF. */
    public boolean convertible(StoredFile file) {
        return CONVERTIBLE.contains(FileTypes.extension(file.name()));
    }

    /**
     * Asks for the PDF rendition of an office file; the work starts after the caller's transaction
     * commits. Asking again for the same file changes nothing.
     */
    public void request(StoredFile file) {
        if (!convertible(file)) {
            return;
        }
        boolean available = !office.isEmpty();
        int inserted = jdbc.sql("""
                insert into files.conversion (source_id, state, message) values (:id, :state, :message)
                on conflict do nothing
                """)
                .param("id", file.id())
                .param("state", (available ? State.PENDING : State.UNAVAILABLE).name())
                .param("message", available ? "" : "LibreOffice is not installed")
                .update();
        if (inserted == 1 && available) {
            afterCommit(() -> worker.submit(() -> convert(file.id())));
        }
    }

    public Optional<Rendition> rendition(UUID sourceId) {
        return jdbc.sql("select source_id, state, pdf_id, message from files.conversion where source_id = :id")
                .param("id", sourceId)
                .query((rs, n) -> new Rendition(
                        rs.getObject(1, UUID.class),
                        State.valueOf(rs.getString(2)),
                        rs.getObject(3, UUID.class),
                        rs.getString(4)))
                .optional();
    }

    /** Renditions left pending by a stop, and those that waited for LibreOffice to be installed. */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        if (office.isEmpty()) {
            return;
        }
        jdbc.sql("update files.conversion set state = 'PENDING', message = '' where state = 'UNAVAILABLE'")
                .update();
        jdbc.sql("select source_id from files.conversion where state = 'PENDING' order by updated_at")
                .query(UUID.class)
                .list()
                .forEach(id -> worker.submit(() -> convert(id)));
    }

    /** Waits until the renditions queued so far are made (tests, and commands that need them at once). */
    public void drain(Duration timeout) throws InterruptedException {
        var marker = worker.submit(() -> {});
        try {
            marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("conversion queue did not drain", e);
        }
    }

    private void convert(UUID sourceId) {
        Path work = null;
        try {
            StoredFile source = files.require(sourceId);
            work = Files.createTempDirectory("sen-convert-");
            String extension = FileTypes.extension(source.name());
            Path input = work.resolve("source." + extension);
            try (InputStream in = files.open(source)) {
                Files.copy(in, input);
            }
            if (profile == null) {
                profile = Files.createTempDirectory("sen-office-profile-"); // kept: later starts are faster
            }
            Process process = new ProcessBuilder(
                            office,
                            "-env:UserInstallation=" + profile.toUri(),
                            "--headless",
                            "--norestore",
                            "--nolockcheck",
                            "--convert-to",
                            "pdf",
                            "--outdir",
                            work.toString(),
                            input.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("soffice.log").toFile())
                    .start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                finish(
                        sourceId,
                        State.FAILED,
                        null,
                        "LibreOffice did not finish within " + TIMEOUT.toMinutes() + " min");
                return;
            }
            Path output = work.resolve("source.pdf");
            if (process.exitValue() != 0 || !Files.isRegularFile(output) || Files.size(output) == 0) {
                String said = Files.exists(work.resolve("soffice.log"))
                        ? Files.readString(work.resolve("soffice.log")).strip()
                        : "";
                finish(
                        sourceId,
                        State.FAILED,
                        null,
                        "LibreOffice could not convert the file (exit " + process.exitValue() + ") " + said);
                return;
            }
            String name = source.name().substring(0, source.name().length() - extension.length()) + "pdf";
            StoredFile pdf;
            try (InputStream in = Files.newInputStream(output)) {
                pdf = files.store(in, name, source.createdBy());
            }
            finish(sourceId, State.DONE, pdf.id(), "");
        } catch (IOException | RuntimeException e) {
            log.warn("PDF rendition of {} failed", sourceId, e);
            finish(sourceId, State.FAILED, null, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (work != null) {
                try {
                    FileSystemUtils.deleteRecursively(work);
                } catch (IOException e) {
                    log.warn("Could not remove {}", work, e);
                }
            }
        }
    }

    private void finish(UUID sourceId, State state, UUID pdf, String message) {
        jdbc.sql("""
                update files.conversion set state = :state, pdf_id = :pdf, message = :message, updated_at = now()
                where source_id = :id
                """)
                .param("state", state.name())
                .param("pdf", pdf)
                .param("message", message.length() > 500 ? message.substring(0, 500) : message)
                .param("id", sourceId)
                .update();
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
